"""Page furniture: what every page carries besides the minutes (the protective marking, the
DRAFT notice and watermark, "Page X of Y"), all drawn as artifacts that screen readers skip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pcc_minutes.documents.tree import MinutesDocument
from pcc_minutes.documents.writers.pdf.fonts import FONT, FONT_BOLD
from pcc_minutes.documents.writers.pdf.styles import (
    DRAFT_INK,
    FOOTER_Y,
    HEADER_Y,
    INK,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QUIET_INK,
    WATERMARK_INK,
)

if TYPE_CHECKING:
    from pcc_minutes.documents.writers.pdf.canvas import MinutesCanvas


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides the minutes: marking, DRAFT notice, page numbers."""

    marking: str = ""
    draft_line: str = ""  # empty for approved and published minutes

    def draw_page_start(self, canvas: MinutesCanvas, _doc=None) -> None:
        """The watermark and header, drawn before the page's flowables so the watermark
        sits underneath the text. They are the same on every page and every page starts
        from the same graphics state, so the operators drawn on the first page are kept
        (on the canvas) and repeated on the others."""
        kept = canvas.page_start_code
        if kept is not None:
            canvas._code.extend(kept)
            return
        start = len(canvas._code)
        self.draw_page_start_afresh(canvas)
        canvas.page_start_code = canvas._code[start:]

    def draw_page_start_afresh(self, canvas: MinutesCanvas, _doc=None) -> None:
        if self.draft_line:
            canvas.saveState()
            canvas.begin_artifact("Watermark")
            canvas.setFillColor(WATERMARK_INK)
            canvas.setFont(FONT_BOLD, 130)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -45, "DRAFT")
            canvas.end_marked()
            canvas.restoreState()
        lines = [
            (text, font, ink)
            for text, font, ink in (
                (self.marking, FONT_BOLD, INK),
                (self.draft_line, FONT_BOLD, DRAFT_INK),
            )
            if text
        ]
        if lines:
            canvas.saveState()
            canvas.begin_artifact("Header")
            for number, (text, font, ink) in enumerate(lines):
                canvas.setFont(font, 10)
                canvas.setFillColor(ink)
                canvas.drawCentredString(PAGE_WIDTH / 2, HEADER_Y - 13 * number, text)
            canvas.end_marked()
            canvas.restoreState()

    def draw_footer(self, canvas: MinutesCanvas, total: int) -> None:
        canvas.saveState()
        canvas.begin_artifact("Footer")
        if self.marking:
            canvas.setFont(FONT_BOLD, 10)
            canvas.setFillColor(INK)
            canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, self.marking)
        canvas.setFont(FONT, 9)
        canvas.setFillColor(QUIET_INK)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN, FOOTER_Y, f"Page {canvas.getPageNumber()} of {total}"
        )
        canvas.end_marked()
        canvas.restoreState()


def draft_line(doc: MinutesDocument) -> str:
    """The header's DRAFT notice, with the status note when there is one."""
    if not doc.is_draft:
        return ""
    note = doc.status_note.strip()
    if not note:
        return "DRAFT"
    return note if note.upper().startswith("DRAFT") else f"DRAFT – {note}"
