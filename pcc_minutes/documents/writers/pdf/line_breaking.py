"""Breaking a plain paragraph into lines: reportlab's own greedy rule, with each word's width
measured once per export.

reportlab measures every word of a paragraph anew each time it breaks it into lines, through
three layers of calls for each word; breaking lines was the largest share of laying out the
minutes. For a paragraph of one font with none of the extras (hyphenation, soft hyphens,
bidirectional text, shaping, a bullet, end dots, a word wider than the line)
``plain_lines`` runs the same rule as ``Paragraph.breakLines`` (same sums in the same order,
so the same floating-point widths and the same lines) with the widths of words kept in a
table for the rest of the export. Any other paragraph returns None and goes to reportlab.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _processed_frags, _wsc
from reportlab.platypus.paraparser import ParaFrag

from pcc_minutes.documents.writers.pdf.fragments import clone

_SOFT_HYPHEN = "\xad"
_widths: dict[tuple[str, float], dict[str, float]] = {}


def new_export() -> None:
    """Forget the widths measured for the last export (each export measures its own)."""
    _widths.clear()


@lru_cache(maxsize=64)
def ascent_descent(font_name: str, size: float) -> tuple[float, float]:
    return getAscentDescent(font_name, size)


def _measure(font_name: str, size: float) -> dict[str, float]:
    table = _widths.get((font_name, size))
    if table is None:
        table = _widths[(font_name, size)] = {}
    return table


@lru_cache(maxsize=256)
def plain_breaking(style) -> bool:
    """Whether a style leaves its paragraphs to the plain rule (no end dots, no right-to-left
    or CJK wrapping, hyphenation, URI splitting or shaping). The writer's styles are made
    once and never changed, so the answer is kept."""
    return not (
        style.endDots
        or (style.wordWrap and style.wordWrap.upper() in ("RTL", "LTR", "CJK"))
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or (style.shaping and getFont(style.fontName).shapable)
    )


def word_width(word: str, font_name: str, size: float) -> float:
    """``stringWidth(word, font_name, size)``, measured once per export."""
    known = _measure(font_name, size)
    width = known.get(word)
    if width is None:
        width = known[word] = stringWidth(word, font_name, size)
    return width


def break_words(
    text: str, font_name: str, size: float, max_widths: list[float], shrinkage: float
) -> tuple[list[tuple[float, list[str]]], float] | None:
    """reportlab's greedy rule for one run of plain text (already stripped, without no-break
    spaces or soft hyphens): the lines as (room left, words) and the widest line's width;
    None when a word is wider than a line (reportlab cuts it in pieces)."""
    known = _measure(font_name, size)
    space = known.get(" ")
    if space is None:
        space = known[" "] = stringWidth(" ", font_name, size)
    shrink = shrinkage * space
    words = text.split()
    widths = list(map(known.get, words))  # each word measured once per export
    if None in widths:
        for index, word_width in enumerate(widths):
            if word_width is None:
                word = words[index]
                word_width = known.get(word)  # the same word earlier in this paragraph
                if word_width is None:
                    word_width = known[word] = stringWidth(word, font_name, size)
                widths[index] = word_width
    if widths and max(widths) > min(max_widths):
        return None  # a word wider than its line: reportlab cuts it in pieces
    last = len(max_widths) - 1
    lines = []
    widest = 0
    number = 0
    max_width = max_widths[0]
    start = 0  # the first word of the line being filled
    # The first word of a line adds no space before it (reportlab starts from -space and
    # adds space and word, which is the word's width exactly).
    current = widths[0] if widths else 0
    for index in range(1, len(widths)):
        word_width = widths[index]
        new_width = current + space + word_width
        if new_width <= max_width + shrink * (index - start):
            current = new_width
        else:
            if current > widest:
                widest = current
            lines.append((max_width - current, words[start:index]))
            start = index
            current = word_width
            number += 1
            max_width = max_widths[min(last, number)]
    if widths:
        if current > widest:
            widest = current
        lines.append((max_width - current, words[start:]))
    return lines, widest


def plain_lines(paragraph: Paragraph, width):
    """The lines ``paragraph.breakLines(width)`` would make, or None if it is not plain."""
    frags = paragraph.frags
    if len(frags) != 1 or paragraph.bulletText or not plain_breaking(paragraph.style):
        return None
    frag = frags[0]
    if type(frag) is ParaFrag:  # a fragment (not words already broken), its own attributes
        attributes = frag.__dict__
        if "text" not in attributes or "cbDefn" in attributes or "backColor" in attributes:
            return None
    elif (
        _processed_frags(frags)
        or not hasattr(frag, "text")
        or hasattr(frag, "cbDefn")
        or hasattr(frag, "backColor")
    ):
        return None
    style = paragraph.style
    text = frag.text.strip(_wsc)
    if not text or "\xa0" in text or _SOFT_HYPHEN in text:
        return None
    max_widths = list(width) if isinstance(width, (list, tuple)) else [width]
    font_name, size = frag.fontName, frag.fontSize
    broken = break_words(text, font_name, size, max_widths, style.spaceShrinkage)
    if broken is None:
        return None
    lines, widest = broken
    paragraph._width_max = widest
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    paragraph.height = 0
    ascent, descent = ascent_descent(font_name, size)
    return clone(frag, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)
