"""The flowables that mark their content: each draws itself inside a marked-content sequence
of its structure element (or as an artifact), so the structure tree can point at it.

``TaggedParagraph`` for text, ``ListEntry`` for a bullet with its label, ``TaggedImage`` for a
picture, ``Indent`` to line a table or picture up inside a list, and ``table_furniture`` to
keep table rules and shading out of the structure. Very long paragraphs are drawn by
``long_paragraph.LongParagraph`` instead, which offers the same interface.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Image
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.rl_config import _FUZZ

from pcc_minutes.documents.writers.pdf.line_breaking import plain_lines
from pcc_minutes.documents.writers.pdf.paragraph_draw import draw_label, draw_plain
from pcc_minutes.documents.writers.pdf.styles import LABEL_GAP
from pcc_minutes.documents.writers.pdf.tagging import Marks


def _plain_wrap(paragraph: RLParagraph, width: float) -> tuple[float, float] | None:
    """``Paragraph.wrap`` for a plain paragraph (see ``line_breaking``), in one step: the
    same line widths, lines and height; None for any other paragraph."""
    style = paragraph.style
    if width < _FUZZ or style.wordWrap == "CJK":
        return None
    if getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) in ("max", "min"):
        return None
    left = style.leftIndent
    widths = [width - (left + style.firstLineIndent) - style.rightIndent]
    widths.append(width - left - style.rightIndent)
    lines = plain_lines(paragraph, widths)
    if lines is None:
        return None
    paragraph.width = width
    paragraph._wrapWidths = widths
    paragraph.blPara = lines
    paragraph.height = height = len(lines.lines) * style.leading
    return width, height


class TaggedParagraph(RLParagraph):
    """A reportlab paragraph whose drawing is one marked-content sequence of its element.

    reportlab splits a paragraph by constructing new instances of its class; ``split`` hands
    them the same slot, so the part on each page adds its own MCID to the same element.
    """

    _marks: Marks | None = None
    _drawn = False
    _wrapped: tuple | None = None  # (width, frags, lines, height) of the last wrap

    def tag(self, marks: Marks) -> TaggedParagraph:
        self._marks = marks
        return self

    def wrap(self, availWidth, availHeight):
        # reportlab wraps most paragraphs more than once at the same width (a table sizes
        # its rows and then wraps each cell again to draw it; a heading is wrapped with the
        # block it keeps with, then on its own): the lines depend only on the width and the
        # fragments, so a second wrap at the same width keeps the lines it already has.
        known = self._wrapped
        if (
            known is not None
            and known[0] == availWidth
            and known[1] is self.frags
            and known[2] is getattr(self, "blPara", None)
            and availWidth > 0
        ):
            self.width = availWidth
            self.height = known[3]
            return availWidth, known[3]
        plain = _plain_wrap(self, availWidth)
        if plain is not None:
            width, height = plain
        else:
            width, height = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._wrapped = (availWidth, self.frags, self.blPara, height)
        return width, height

    def breakLines(self, width):
        lines = plain_lines(self, width)
        return lines if lines is not None else super().breakLines(width)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._marks = self._marks
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        if self._marks is None or self._drawn:
            # A paragraph is drawn twice only as the header row a split table repeats on the
            # next page: its words are in the structure once already, so the copy is an
            # artifact that a screen reader skips.
            canvas.begin_artifact()
        else:
            element = self._marks.owner
            if element.title and element.anchor is None:
                _, top = canvas.absolutePosition(x, y + self.height)
                element.anchor = (canvas.getPageNumber() - 1, top)
            canvas.begin_content(self._marks)
        self._drawn = True
        if not draw_plain(self, canvas, x, y, _sW):
            super().drawOn(canvas, x, y, _sW)
        canvas.end_marked()


class ListEntry(Flowable):
    """One bullet: its label (tagged ``Lbl``) drawn beside its text (tagged ``LBody``).

    Drawing the label ourselves rather than as reportlab's paragraph bullet keeps the bullet
    character out of the text a screen reader reads as the item's body. The body is a
    ``TaggedParagraph`` or, for a very long item, a ``LongParagraph``.
    """

    def __init__(self, body: Flowable, label: str, label_marks: Marks | None, indent: float):
        super().__init__()
        self.body = body
        self.label = label
        self.label_marks = label_marks
        self.indent = indent
        self.spaceBefore = body.getSpaceBefore() if label else 0
        self.spaceAfter = body.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        _, height = self.body.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, height
        return availWidth, height

    def split(self, availWidth, availHeight):
        parts = self.body.split(availWidth - self.indent, availHeight)
        if len(parts) < 2:
            return [self] if parts else []
        first = ListEntry(parts[0], self.label, self.label_marks, self.indent)
        first.spaceAfter = 0
        rest = ListEntry(parts[1], "", None, self.indent)  # a continuation has no bullet
        rest.spaceAfter = self.spaceAfter
        return [first, rest]

    def draw(self):
        canvas = self.canv
        if self.label and self.label_marks is not None:
            style = self.body.style
            # reportlab puts a paragraph's first baseline one font size below its top.
            baseline = self.height - style.fontSize
            canvas.begin_content(self.label_marks)
            draw_label(
                canvas,
                self.indent - LABEL_GAP,
                baseline,
                self.label,
                style.fontName,
                style.fontSize,
                style.textColor,
            )
            canvas.end_marked()
        self.body.drawOn(canvas, self.indent, 0)


class TaggedImage(Image):
    """A picture tagged ``Figure``; its alt text lives on the element."""

    _marks: Marks | None = None

    def drawOn(self, canvas, x, y, _sW=0):
        x = self._hAlignAdjust(x, _sW)
        element = self._marks.owner
        left, bottom = canvas.absolutePosition(x, y)
        # A figure's bounding box lets assistive technology (and reflow) place the picture.
        element.attributes = {
            "O": "Layout",
            "BBox": [left, bottom, left + self.drawWidth, bottom + self.drawHeight],
        }
        canvas.begin_content(self._marks)
        super().drawOn(canvas, x, y)
        canvas.end_marked()


def table_furniture(table, event, *args) -> None:
    """Table ``renderCB``: cell shading and rules are layout, not content."""
    if event in ("startBG", "startLines"):
        table.canv.begin_artifact()
    elif event in ("endBG", "endLines"):
        table.canv.end_marked()


class Indent(Flowable):
    """Shifts a flowable right, so a table or picture inside a list lines up with the text."""

    def __init__(self, inner: Flowable, indent: float) -> None:
        super().__init__()
        self.inner = inner
        self.indent = indent

    def wrap(self, availWidth, availHeight):
        width, self.height = self.inner.wrap(availWidth - self.indent, availHeight)
        self.width = width + self.indent
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return [
            Indent(part, self.indent)
            for part in self.inner.split(availWidth - self.indent, availHeight)
        ]

    def getSpaceBefore(self):
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):
        return self.inner.getSpaceAfter()

    def draw(self):
        self.inner.drawOn(self.canv, self.indent, 0)
