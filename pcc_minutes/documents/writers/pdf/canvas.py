"""The canvas the minutes are drawn on: it writes the marked-content operators (tagged
content with per-page MCIDs, and ``/Artifact`` sequences for page furniture), ends every
wrapped line with a real space, and holds finished pages back until the page count is known so
each footer can say "Page X of Y". When the last page is done, ``finish`` adds what is not
drawn (structure tree, bookmarks, metadata) to the document before reportlab writes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from pcc_minutes.documents.writers.pdf.tagging import Marks

if TYPE_CHECKING:
    from pcc_minutes.documents.writers.pdf.furniture import Furniture


class MinutesCanvas(Canvas):
    """A canvas that numbers marked content per page and holds finished pages back until
    the page count is known, so each footer can say "Page X of Y"."""

    def __init__(
        self,
        *args,
        furniture: Furniture,
        finish: Callable[[PDFDocument, list], None] | None = None,
        **kwargs,
    ):
        self._furniture = furniture
        self._finish = finish
        self._next_mcid = 0
        self._held_pages: list[dict] = []
        # What the page furniture draws at the start of every page, once drawn on the first.
        self.page_start_code: list[str] | None = None
        super().__init__(*args, **kwargs)

    def begin_content(self, marks: Marks) -> None:
        mcid = self._next_mcid
        self._next_mcid += 1
        marks.refs.append((self.getPageNumber() - 1, mcid))
        self._code.append(f"/{marks.owner.role} <</MCID {mcid}>> BDC")

    def begin_artifact(self, kind: str = "") -> None:
        # Pagination artifacts say what they are (Header, Footer, Watermark); table rules and
        # shading are plain layout artifacts.
        if kind:
            self._code.append(f"/Artifact <</Type /Pagination /Subtype /{kind}>> BDC")
        else:
            self._code.append("/Artifact <</Type /Layout>> BDC")

    def end_marked(self) -> None:
        self._code.append("EMC")

    def beginText(self, x=0, y=0, direction=None):
        return SpacedLineText(self, x, y, direction=direction)

    def _startPage(self):
        super()._startPage()
        self._next_mcid = 0  # MCIDs are numbered per page

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        held = self._held_pages
        for state in held:
            self.__dict__.update(state)
            self._furniture.draw_footer(self, len(held))
            super().showPage()
        # Every held state refers to this list: emptied, they no longer hold each other (and
        # the whole document) in a cycle that only the garbage collector could free.
        held.clear()
        self._held_pages = []
        if self._finish is not None:
            self._finish(self._doc, list(self._doc.Pages.pages))
        super().save()
        self._finish = None


class SpacedLineText(PDFTextObject):
    """A text object that ends every line with a real space character.

    reportlab drops the space where it wraps a line, so text read from the structure tree
    (what a screen reader or "reflow" gets) runs the last word of one line into the first of
    the next: "Jonathan" + "Ash-Edwards" became "JonathanAsh-Edwards". A trailing space is
    invisible in left-aligned text and gives the word break back. (A word too long for its
    line, which reportlab cuts in pieces, gains a space at the cut; that is rare in minutes and
    better than words run together on every line.)
    """

    def _textOut(self, text, TStar=0):
        super()._textOut(text + " " if TStar else text, TStar)
