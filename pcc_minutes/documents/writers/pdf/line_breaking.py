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

_SOFT_HYPHEN = "\xad"
_widths: dict[tuple[str, float], dict[str, float]] = {}


def new_export() -> None:
    """Forget the widths measured for the last export (each export measures its own)."""
    _widths.clear()


@lru_cache(maxsize=64)
def _ascent_descent(font_name: str, size: float) -> tuple[float, float]:
    return getAscentDescent(font_name, size)


def _measure(font_name: str, size: float) -> dict[str, float]:
    table = _widths.get((font_name, size))
    if table is None:
        table = _widths[(font_name, size)] = {}
    return table


def plain_lines(paragraph: Paragraph, width):
    """The lines ``paragraph.breakLines(width)`` would make, or None if it is not plain."""
    style = paragraph.style
    frags = paragraph.frags
    if (
        len(frags) != 1
        or style.endDots
        or paragraph.bulletText
        or (style.wordWrap and style.wordWrap.upper() in ("RTL", "LTR", "CJK"))
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or _processed_frags(frags)
    ):
        return None
    frag = frags[0]
    if not hasattr(frag, "text") or hasattr(frag, "cbDefn") or hasattr(frag, "backColor"):
        return None
    if style.shaping and getFont(style.fontName).shapable:
        return None
    text = frag.text.strip(_wsc)
    if not text or "\xa0" in text or _SOFT_HYPHEN in text:
        return None
    max_widths = list(width) if isinstance(width, (list, tuple)) else [width]
    font_name, size = frag.fontName, frag.fontSize
    known = _measure(font_name, size)
    space = known.get(" ")
    if space is None:
        space = known[" "] = stringWidth(" ", font_name, size)
    shrink = style.spaceShrinkage * space
    narrowest = min(max_widths)
    last = len(max_widths) - 1
    lines = []
    line: list[str] = []
    count = 0  # len(line)
    current = -space  # so the first word adds no space before it
    widest = 0
    number = 0
    max_width = max_widths[0]
    for word in text.split():
        word_width = known.get(word)
        if word_width is None:
            word_width = known[word] = stringWidth(word, font_name, size)
        if word_width > narrowest:
            return None  # a word wider than its line: reportlab cuts it in pieces
        new_width = current + space + word_width
        if new_width <= max_width + shrink * count or not count:
            line.append(word)
            count += 1
            current = new_width
        else:
            if current > widest:
                widest = current
            lines.append((max_width - current, line))
            line = [word]
            count = 1
            current = word_width
            number += 1
            max_width = max_widths[min(last, number)]
    if line:
        if current > widest:
            widest = current
        lines.append((max_width - current, line))
    paragraph._width_max = widest
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    paragraph.height = 0
    ascent, descent = _ascent_descent(font_name, size)
    return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)
