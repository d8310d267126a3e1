"""Drawing a plain paragraph straight to the page: the same operators reportlab writes for it,
without the text object, the colour setter and the two graphics-state copies it makes on the
way for every paragraph (drawing took the largest share of an export's time).

Almost every paragraph of the minutes is *plain*: one font and colour throughout (reportlab's
``blPara.kind == 0``), left-aligned, no bullet, background, border, underline or link, and no
line squeezed below its width (which would need word spacing). For those ``draw_plain``
appends to the page exactly what ``Paragraph.drawOn`` would: ``q``, the move to the
paragraph, ``q``, the fill colour, one ``BT … ET`` with a ``Tj`` per line (each line ending in
a real space, as ``canvas.SpacedLineText`` writes it), ``Q``, ``Q``. It leaves reportlab's idea
of the graphics state as it found it, as the paired ``q``/``Q`` do on the page. Any other
paragraph is left to reportlab (``draw_plain`` returns False).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Paragraph
from reportlab.rl_config import paraFontSizeHeightOffset

from pcc_minutes.documents.writers.pdf.line_breaking import word_width


@lru_cache(maxsize=256)
def _selection(size: float, leading: float) -> str:
    """The size and leading after a font's name, as the text object writes them."""
    return f"{fp_str(size)} Tf {fp_str(leading)} TL"


@lru_cache(maxsize=256)
def _fill(red: float, green: float, blue: float) -> str:
    """The fill colour operator, as ``setFillColor`` writes it."""
    return f"{fp_str((red, green, blue))} rg"


def _state(font, doc):
    """The font's subsetting state for this document, once it has one. reportlab keeps the
    states in a weak dictionary, whose every look-up makes a weak reference; the document
    keeps its own plain table of them."""
    states = doc.__dict__.get("_font_states")
    if states is None:
        states = doc._font_states = {}
    state = states.get(font.fontName)
    if state is None:
        state = font.state.get(doc)
        if state is not None:
            states[font.fontName] = state
    return state


def subset_name(font, subset: int, doc) -> str:
    """``font.getSubsetInternalName(subset, doc)``, without its look-ups once the font has
    its name in this document."""
    state = _state(font, doc)
    if state is not None and state.internalName is not None and 0 <= subset < len(state.subsets):
        return f"/{state.internalName}+{subset}"
    return font.getSubsetInternalName(subset, doc)


def split_string(font, text: str, doc) -> list[tuple[int, bytes]]:
    """``font.splitString(text, doc)``, quick when every character already has its code in
    the first subset (nearly every line after the first page): one pass in C instead of a
    Python loop over the characters. Anything else (a character seen for the first time, or
    one in a later subset) goes to reportlab's own loop, which assigns the codes."""
    state = _state(font, doc)
    if state is not None and text:
        try:
            return [(0, bytes(map(state.assignments.__getitem__, map(ord, text))))]
        except (KeyError, ValueError):
            pass
    return font.splitString(text, doc)


@lru_cache(maxsize=256)
def plain_style(style) -> bool:
    """Whether a style draws its paragraphs plainly (left-aligned, no background, border,
    first-line indent, right-to-left text or automatic leading). The writer's styles are
    made once and never changed, so the answer is kept."""
    return not (
        style.alignment != TA_LEFT
        or style.backColor
        or (style.borderColor and style.borderWidth)
        or style.firstLineIndent
        or style.wordWrap == "RTL"
        or getattr(style, "autoLeading", "") in ("max", "min")
    )


def _plain(paragraph: Paragraph):
    """The paragraph's lines and font if it is plain (see the module's docstring), else None."""
    blPara = getattr(paragraph, "blPara", None)
    if blPara is None or blPara.kind != 0:
        return None
    style = paragraph.style
    if (
        not plain_style(style)
        or paragraph.bulletText
        or getattr(paragraph, "autoLeading", "") in ("max", "min")
        or getattr(blPara, "us_lines", None)
        or getattr(blPara, "link", None)
        or any(getattr(paragraph, "_offsets", ()))
    ):
        return None
    color = blPara.textColor
    if not isinstance(color, Color) or isinstance(color, CMYKColor) or color.alpha != 1:
        return None
    font = getFont(blPara.fontName)
    if not font._dynamicFont:
        return None
    lines = blPara.lines
    if any(extra <= -1e-8 for extra, _ in lines):
        return None  # an over-full line: reportlab squeezes its word spacing
    return lines, font


def _quick_lines(font, lines, doc, escape, size: str) -> str | None:
    """The lines' text operators when every character already has its code in the font's
    first subset (nearly every paragraph after the first page): each line coded in one pass
    in C. None for anything else (a character seen for the first time, or one in a later
    subset), which ``_lines`` codes through reportlab's loop."""
    state = _state(font, doc)
    if state is None or state.internalName is None or not state.subsets:
        return None
    code = state.assignments.__getitem__
    try:
        coded = [escape(bytes(map(code, map(ord, " ".join(words) + " ")))) for _, words in lines]
    except (KeyError, ValueError):
        return None
    first = f"/{state.internalName}+0 {size} ({coded[0]}) Tj T*"
    if len(coded) == 1:
        return first
    return " ".join([first, *[f"({text}) Tj T*" for text in coded[1:]]])


def _lines(font, lines, doc, escape, size: str) -> str:
    """The lines' text operators as the text object writes them: the font (and size) named
    before the first run and again when a run is in another subset, a ``Tj`` per run and a
    ``T*`` per line."""
    parts = []
    subset_now = -1
    for _, words in lines:
        out = []
        for subset, chunk in split_string(font, " ".join(words) + " ", doc):
            if subset != subset_now:
                out.append(f"{subset_name(font, subset, doc)} {size}")
                subset_now = subset
            out.append(f"({escape(chunk)}) Tj")
        parts.append(" ".join(out) + " T*")
    return " ".join(parts)


def draw_plain(paragraph: Paragraph, canvas, x: float, y: float, _sW: float = 0) -> bool:
    """Draw ``paragraph`` at (x, y) as reportlab would, if it is plain; say whether it was.
    The operators go to the page as one entry of its code (reportlab's entries are joined
    by line breaks, so the page's bytes are the same)."""
    plain = _plain(paragraph)
    if plain is None:
        return False
    lines, font = plain
    blPara = paragraph.blPara
    top = blPara.fontSize
    if not paraFontSizeHeightOffset:
        top = getattr(blPara, "ascent", top)
    canvas._code.append(
        text_operators(
            canvas,
            paragraph._hAlignAdjust(x, _sW),
            y,
            lines,
            font,
            blPara.fontSize,
            paragraph.style,
            blPara.textColor,
            paragraph.height - top,
        )
    )
    return True


def text_operators(
    canvas, x: float, y: float, lines, font, size: float, style, color, first_baseline: float
) -> str:
    """What ``Paragraph.drawOn`` writes for plain lines (see the module's docstring) drawn
    at (x, y), the first baseline ``first_baseline`` above y: one string, its operators
    separated by line breaks as the page's code entries are."""
    move = f"q\n1 0 0 1 {fp_str(x, y)} cm"
    if not lines:
        return f"{move}\nQ"
    doc = canvas._doc
    escape = canvas._escape
    selection = _selection(size, style.leading)
    text = _quick_lines(font, lines, doc, escape, selection)
    if text is None:
        text = _lines(font, lines, doc, escape, selection)
    return (
        f"{move}\nq\n{_fill(color.red, color.green, color.blue)}\n"
        f"BT 1 0 0 1 {fp_str(style.leftIndent, first_baseline)} Tm {text} ET\nQ\nQ"
    )


def draw_label(
    canvas, right: float, baseline: float, label: str, font_name: str, size: float, color
) -> None:
    """``setFont``, ``setFillColor`` and ``drawRightString`` for a list entry's label, with
    the same operators and the same state left on the canvas, in one step."""
    font = getFont(font_name)
    if not font._dynamicFont or not isinstance(color, Color) or isinstance(color, CMYKColor):
        canvas.setFont(font_name, size)
        canvas.setFillColor(color)
        canvas.drawRightString(right, baseline, label)
        return
    leading = size * 1.2
    canvas._fontname, canvas._fontsize, canvas._leading = font_name, size, leading
    canvas._fillColorObj = color
    doc = canvas._doc
    selection = _selection(size, leading)
    out = [f"BT 1 0 0 1 {fp_str(right - word_width(label, font_name, size), baseline)} Tm"]
    subset_now = -1
    for subset, chunk in split_string(font, label, doc):
        if subset != subset_now:
            out.append(f"{subset_name(font, subset, doc)} {selection}")
            subset_now = subset
        out.append(f"({canvas._escape(chunk)}) Tj")
    out[-1] += " T*"
    out.append("ET")
    canvas._code.append(f"{_fill(color.red, color.green, color.blue)}\n{' '.join(out)}")
