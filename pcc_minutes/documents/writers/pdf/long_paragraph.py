"""Very long paragraphs, laid out in time linear in their length and tagged as one element.

reportlab lays a paragraph that runs over many pages out again for every page: each page's
``wrap`` breaks *all* the remaining text into lines, and ``split`` hands the rest on as a new
paragraph to be broken again on the next page, so a paragraph of n characters costs about
n²/(characters per page); the line breaker also takes words off the front of a Python list
one at a time, which is quadratic in itself. A 300 KB paragraph took half a minute.

``LongParagraph`` breaks the text once, into *pieces* of a few thousand characters that end
exactly where a line ends: each piece is broken on its own, its last line is carried over to
the start of the next piece and broken again there (reportlab breaks lines greedily, so a
line's content depends only on where it starts), and the pieces stacked one below the other
are the same lines the whole paragraph would have had. A page then costs only the pieces it
shows. The flowable draws the pieces on each page inside one marked-content sequence of its
``P`` (or ``LBody``), so the structure tree holds one element with one MCID per page, exactly
as for a short paragraph split across pages.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from pcc_minutes.documents.writers.pdf.tagging import Marks

LONG_PARAGRAPH = 6000  # paragraph markup at least this long is laid out in pieces
PIECE = 3000  # about how many characters each piece is broken from
_TALL = 0x7FFFFFFF  # line breaking does not depend on the height offered
_NOT_SPACE = "\u00a0\u2007\u202f"  # no-break spaces: part of a word, as reportlab sees them


def is_long(markup: str, style: ParagraphStyle) -> bool:
    """Whether a paragraph is long enough to be worth laying out in pieces, and its style one
    the pieces reproduce (a justified piece would leave its last line ragged, and a first-line
    indent would indent every piece)."""
    return (
        len(markup) >= LONG_PARAGRAPH
        and style.alignment != TA_JUSTIFY
        and not style.firstLineIndent
        and not getattr(style, "bulletText", None)
    )


@lru_cache(maxsize=64)
def _piece_style(style: ParagraphStyle) -> ParagraphStyle:
    # A piece may give a single line to the bottom of a page; whether the paragraph as a
    # whole may leave one line behind (an orphan) is decided by ``LongParagraph.split``.
    return ParagraphStyle(
        f"{style.name}-piece", parent=style, spaceBefore=0, spaceAfter=0, allowOrphans=1
    )


class LongParagraph(Flowable):
    """A long paragraph drawn as line-aligned reportlab paragraphs, tagged as one element.

    It offers what the other code asks of a ``TaggedParagraph``: ``wrap``, ``split``,
    ``drawOn``, ``style`` and the spacing around it.
    """

    def __init__(
        self,
        style: ParagraphStyle,
        marks: Marks | None,
        *,
        source: list | None = None,
        pieces: list[RLParagraph] | None = None,
        heights: list[float] | None = None,
        width: float | None = None,
    ) -> None:
        super().__init__()
        self.style = style
        self._marks = marks
        self._source = source  # the paragraph's fragments, until a page splits it
        self._pieces = pieces or []
        self._heights = heights or []
        self._width = width  # the width the pieces were laid out for
        self._drawn = False

    @classmethod
    def from_markup(cls, markup: str, style: ParagraphStyle, marks: Marks) -> LongParagraph:
        # reportlab's parser is linear; the fragments (runs of one look) are what is broken.
        return cls(style, marks, source=list(RLParagraph(markup, style).frags))

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def _lay_out(self, width: float) -> None:
        if self._width is not None and abs(self._width - width) < 1e-6:
            return
        style = _piece_style(self.style)
        if self._source is not None:
            self._pieces = [
                RLParagraph(None, style, frags=frags)
                for frags in line_aligned(self._source, style, width)
            ]
        # (The part of a paragraph split at one width and offered another, which no page of
        # the minutes does, is simply broken again piece by piece.)
        self._heights = [piece.wrap(width, _TALL)[1] for piece in self._pieces]
        self._width = width

    def wrap(self, availWidth, availHeight):
        self._lay_out(availWidth)
        self.width, self.height = availWidth, sum(self._heights)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self._lay_out(availWidth)
        used, index = 0.0, 0
        # No allowance for rounding: reportlab fits int(availHeight / leading) lines, so a
        # height a hair short of a whole number of lines takes one line fewer, as it would.
        while index < len(self._heights) and used + self._heights[index] <= availHeight:
            used += self._heights[index]
            index += 1
        if index == len(self._heights):
            return [self]  # it all fits
        piece = self._pieces[index]
        head = self._pieces[:index]
        head_heights = self._heights[:index]
        tail = self._pieces[index + 1 :]
        tail_heights = self._heights[index + 1 :]
        parts = piece.split(availWidth, availHeight - used)
        if len(parts) == 2:
            first, rest = parts
            head, head_heights = [*head, first], [*head_heights, first.height]
            tail, tail_heights = [rest, *tail], [rest.wrap(availWidth, _TALL)[1], *tail_heights]
        elif parts:  # within reportlab's rounding it fits after all
            head, head_heights = [*head, piece], [*head_heights, self._heights[index]]
        else:  # not even one line of it fits
            tail, tail_heights = [piece, *tail], [self._heights[index], *tail_heights]
        if not tail:
            return [self]
        head_height = sum(head_heights)
        allow_orphans = getattr(self.style, "allowOrphans", 0)
        if not head or (not allow_orphans and head_height <= self.style.leading + 1e-6):
            return []  # one line alone at the foot of the page: start on the next one
        return [
            LongParagraph(
                self.style, self._marks, pieces=head, heights=head_heights, width=availWidth
            ),
            LongParagraph(
                self.style, self._marks, pieces=tail, heights=tail_heights, width=availWidth
            ),
        ]

    def drawOn(self, canvas, x, y, _sW=0):
        if self._marks is None or self._drawn:
            canvas.begin_artifact()  # as for a TaggedParagraph drawn a second time
        else:
            canvas.begin_content(self._marks)
        self._drawn = True
        top = y + self.height
        for piece, height in zip(self._pieces, self._heights, strict=True):
            if getattr(piece, "_splitpara", 0) or not hasattr(piece, "blPara"):
                # The first part of a piece cut by a page split carries reportlab's
                # provisional lines, and a piece that would not split has dropped its lines;
                # breaking it again (a few thousand characters at most) gives the ones drawn.
                height = piece.wrap(self.width, _TALL)[1]
            top -= height
            piece.drawOn(canvas, x, top, _sW)
        canvas.end_marked()


# --- breaking the text into line-aligned pieces ----------------------------------------------


def line_aligned(frags: list, style: ParagraphStyle, width: float) -> list[list]:
    """The paragraph's fragments in groups that each end where a line of the whole paragraph
    ends, when broken at ``width``: each group a paragraph of its own with the same lines."""
    groups: list[list] = []
    pending: list = []  # the last line of the piece before, to be broken again
    for chunk in _chunks(frags, PIECE):
        joined = _merged([*pending, *chunk])
        trial = RLParagraph(None, style, frags=joined)
        trial.wrap(width, _TALL)
        lines = trial.blPara.lines
        if len(lines) < 2:
            pending = joined  # not a whole line yet: gather more
            continue
        last = _visible(_line_text(lines[-1], trial.blPara.kind))
        if not last:  # an empty last line (after a line break): the chunk ends a line
            groups.append(joined)
            pending = []
            continue
        done, pending = _cut(joined, last)
        if done:
            groups.append(done)
    if pending:
        groups.append(pending)
    return groups


def _line_text(line, kind: int) -> str:
    if kind == 0:  # one look throughout: (spare width, words)
        return " ".join(line[1])
    return "".join(getattr(frag, "text", "") or "" for frag in line.words)


def _is_space(char: str) -> bool:
    return char.isspace() and char not in _NOT_SPACE


def _visible(text: str) -> int:
    """Characters that are not spaces: the same for the source text and for its lines, since
    line breaking only drops and collapses spaces."""
    return sum(1 for char in text if not _is_space(char))


def _is_text(frag) -> bool:
    return bool(getattr(frag, "text", "")) and not (
        hasattr(frag, "cbDefn") or getattr(frag, "lineBreak", False)
    )


def _cut(frags: list, last: int) -> tuple[list, list]:
    """Split ``frags`` before the ``last`` visible characters from their end."""
    remaining = last
    for index in range(len(frags) - 1, -1, -1):
        frag = frags[index]
        if not _is_text(frag):
            continue
        text = frag.text
        count = _visible(text)
        if count < remaining:
            remaining -= count
            continue
        at = len(text)
        while remaining:
            at -= 1
            if not _is_space(text[at]):
                remaining -= 1
        before = [frag.clone(text=text[:at])] if text[:at].strip() else []
        return [*frags[:index], *before], [frag.clone(text=text[at:]), *frags[index + 1 :]]
    return [], frags


def _chunks(frags: list, size: int):
    """The fragments in runs of about ``size`` characters, a long fragment cut at a space."""
    chunk: list = []
    used = 0
    for frag in frags:
        text = frag.text if _is_text(frag) else ""
        start = 0
        while len(text) - start > size - used:
            end = start + max(size - used, 1)
            space = text.rfind(" ", start + (end - start) // 2, end)
            # Cutting inside a word is harmless (the cut is joined up again when the next
            # piece is broken), but a space keeps the pieces tidy.
            cut = space if space > start else end
            chunk.append(frag.clone(text=text[start:cut]))
            yield chunk
            chunk, used, start = [], 0, cut
        chunk.append(frag.clone(text=text[start:]) if start else frag)
        used += len(text) - start
        if used >= size:
            yield chunk
            chunk, used = [], 0
    if chunk:
        yield chunk


def _look(frag) -> dict:
    return {key: value for key, value in frag.__dict__.items() if key != "text"}


def _merged(frags: list) -> list:
    """Neighbouring fragments of the same look joined, so a plain paragraph stays one
    fragment (reportlab's quicker path) and a word cut between chunks is whole again."""
    out: list = []
    for frag in frags:
        if (
            out
            and _is_text(frag)
            and _is_text(out[-1])
            and type(out[-1]) is type(frag)
            and _look(out[-1]) == _look(frag)
        ):
            out[-1] = out[-1].clone(text=out[-1].text + frag.text)
        else:
            out.append(frag)
    return out
