"""Table cells and list entries of plain text, measured and drawn straight from their text.

Most of a meeting's paragraphs are table cells (figures, actions) and the text of bullets:
a few words in one font, a line or two. A ``PlainText`` sizes and draws such text as a
``TaggedParagraph`` of it does on its plain paths (the same lines by reportlab's rule, the
same operators, inside its element's marked-content sequence), without making the
paragraph: no paragraph object, no wrap of reportlab's, no copy of its fragment for the
lines. Text that is not plain (bold or italic words, a no-break space or soft hyphen, a word
wider than the column, a line squeezed to fit), and text cut across pages, is a
``TaggedParagraph`` made on first need, which the ``PlainText`` hands everything to.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import _wsc
from reportlab.platypus.paraparser import ParaFrag
from reportlab.rl_config import _FUZZ, paraFontSizeHeightOffset

from pcc_minutes.documents.writers.pdf.flowables import TaggedParagraph
from pcc_minutes.documents.writers.pdf.fragments import fragments, plain_run
from pcc_minutes.documents.writers.pdf.line_breaking import (
    ascent_descent,
    break_words,
    plain_breaking,
)
from pcc_minutes.documents.writers.pdf.paragraph_draw import plain_style, text_operators
from pcc_minutes.documents.writers.pdf.tagging import Marks

_SOFT_HYPHEN = "\xad"


@lru_cache(maxsize=256)
def _plain_look(style, frag) -> bool:
    """Whether a paragraph of one run with ``frag``'s look in ``style`` takes the plain paths
    (``line_breaking``, ``paragraph_draw``). Styles and the parser's fragments for them are
    made once and never changed, so the answer is kept."""
    if not plain_style(style) or not plain_breaking(style):
        return False
    if getattr(style, "bulletText", None) or style.wordWrap == "CJK":
        return False
    if type(frag) is not ParaFrag:
        return False
    attributes = frag.__dict__
    if "cbDefn" in attributes or "backColor" in attributes:
        return False
    if attributes.get("us_lines") or attributes.get("link"):
        return False
    color = frag.textColor
    if not isinstance(color, Color) or isinstance(color, CMYKColor) or color.alpha != 1:
        return False
    return bool(getFont(frag.fontName)._dynamicFont)


def _plain_words(text: str) -> str | None:
    """The run's text as the plain rule takes it, or None if it is not for that rule."""
    words = text.strip(_wsc)
    if not words or "\xa0" in words or _SOFT_HYPHEN in words:
        return None
    return words


class PlainText(Flowable):
    """One cell's or bullet's text (our paragraph markup, see ``story.markup``) in
    ``style``, tagged with ``marks``; see the module's docstring. Never a heading: a
    heading's element wants the place it was drawn, which only ``TaggedParagraph`` notes."""

    def __init__(self, markup: str, style, marks: Marks) -> None:
        # Flowable.__init__ is not called: like a Paragraph, a cell has no hAlign of its own.
        self.markup = markup
        self.style = style
        self._marks = marks
        self._drawn = False
        self._words = None
        self._frag = None  # the look of the run: the parser's fragment for it in the style
        run = plain_run(markup, style)
        if run is not None and _plain_look(style, run[1]):
            self._words = _plain_words(run[0])
            self._frag = run[1]
        self._known: tuple[float, list, float] | None = None  # (width, lines, height)
        self._paragraph: TaggedParagraph | None = None

    def paragraph(self) -> TaggedParagraph:
        """The paragraph of this cell's text, for everything the plain path does not do."""
        if self._paragraph is None:
            text, frags = fragments(self.markup, self.style)
            paragraph = TaggedParagraph(text, self.style, frags=frags)
            self._paragraph = paragraph.tag(self._marks)
        return self._paragraph

    def wrap(self, availWidth, availHeight):
        known = self._known
        if known is not None and known[0] == availWidth:
            return availWidth, known[2]
        self._known = None
        if self._words is not None and availWidth >= _FUZZ:
            style = self.style
            frag = self._frag
            left = style.leftIndent
            widths = [
                availWidth - (left + style.firstLineIndent) - style.rightIndent,
                availWidth - left - style.rightIndent,
            ]
            broken = break_words(
                self._words, frag.fontName, frag.fontSize, widths, style.spaceShrinkage
            )
            # A line squeezed to fit is drawn by reportlab, with narrowed word spacing.
            if broken is not None and not any(extra <= -1e-8 for extra, _ in broken[0]):
                lines = broken[0]
                height = len(lines) * style.leading
                self._known = (availWidth, lines, height)
                self.width, self.height = availWidth, height
                return availWidth, height
        self.width, self.height = self.paragraph().wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        # reportlab splits a paragraph by the lines of its last wrap: this width's
        paragraph = self.paragraph()
        paragraph._drawn = self._drawn
        paragraph.wrap(availWidth, availHeight)
        return paragraph.split(availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):
        known = self._known
        if known is None:
            paragraph = self.paragraph()
            paragraph._drawn = self._drawn
            paragraph.drawOn(canvas, x, y, _sW)
            self._drawn = True
            return
        if self._marks is None or self._drawn:
            # drawn again as the header row a split table repeats: an artifact
            canvas.begin_artifact()
        else:
            canvas.begin_content(self._marks)
        self._drawn = True
        _, lines, height = known
        frag = self._frag
        top = frag.fontSize
        if not paraFontSizeHeightOffset:
            top = ascent_descent(frag.fontName, frag.fontSize)[0]
        canvas._code.append(
            text_operators(
                canvas,
                self._hAlignAdjust(x, _sW),
                y,
                lines,
                getFont(frag.fontName),
                frag.fontSize,
                self.style,
                frag.textColor,
                height - top,
            )
        )
        canvas.end_marked()
