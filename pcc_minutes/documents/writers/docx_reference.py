"""Builds ``resources/minutes-reference.docx``: the Word styles and list numbering the Word
writer uses, in one document an office can restyle in Word without touching code.

Run ``python -m pcc_minutes.documents.writers.docx_reference`` to rebuild it; a test checks
that the committed file defines every style ``docx.STYLES`` names.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from pcc_minutes.documents.resources import resource_path

REFERENCE = "minutes-reference.docx"
FONT = "Arial"  # LibreOffice shows it in the metric-compatible Liberation Sans
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x40, 0x40, 0x40)
BULLET_ABSTRACT_ID = 90
ORDERED_ABSTRACT_ID = 91
BULLET_NUM_ID = 90
BULLET_GLYPHS = ("•", "◦", "▪")
HEADING_INK = RGBColor(0x1F, 0x38, 0x64)  # the PDF's item headings: dark navy, 12:1 on white
DRAFT_INK = RGBColor(0x9C, 0x00, 0x06)  # the PDF's draft line: dark red, 7:1 on white
# The title block's styles: name, size, bold, line height, space before and after (points).
TITLE_BLOCK = (
    ("Meeting Organisation", 15, True, 19, 0, 1),
    ("Meeting Subtitle", 12, False, 16, 0, 2),
    ("Meeting Schedule", 11, False, 15, 0, 2),
    ("Marking", 11, True, 15, 0, 2),
    ("Draft Line", 11, True, 15, 0, 2),
    ("Meeting Kind", 13, True, 17, 8, 10),
    ("Agenda Label", 11, True, 15, 4, 4),
)


def _levels(kind: str) -> str:
    levels = []
    for level in range(9):
        indent = 360 * (level + 1)
        if kind == "bullet":
            glyph = BULLET_GLYPHS[level % 3]
            fmt = f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{glyph}"/>'
            fonts = f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr>'
        else:
            fmt = (
                f'<w:numFmt w:val="{("decimal", "lowerLetter", "lowerRoman")[level % 3]}"/>'
                f'<w:lvlText w:val="%{level + 1}."/>'
            )
            fonts = ""
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>{fmt}<w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{fonts}</w:lvl>'
        )
    return "".join(levels)


def _add_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    for abstract_id, kind in ((BULLET_ABSTRACT_ID, "bullet"), (ORDERED_ABSTRACT_ID, "ordered")):
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{_levels(kind)}</w:abstractNum>'
        )
        # abstractNum elements must come before every w:num element.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{BULLET_NUM_ID}">'
            f'<w:abstractNumId w:val="{BULLET_ABSTRACT_ID}"/></w:num>'
        )
    )


def _font(style, size: float, *, bold: bool = False, italic: bool = False, colour=BLACK):
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = colour
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _spacing(style, before: float, after: float, *, keep_next: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next


def _paragraph_style(document, name: str):
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    return style


def build_reference(target: Path) -> Path:
    document = Document()
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, 11)
    _spacing(normal, 0, 6)
    # Language for spell checking and screen readers.
    lang = parse_xml(f'<w:lang {nsdecls("w")} w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>')
    normal.element.get_or_add_rPr().append(lang)

    # The title block as the PDF draws it (``writers.pdf.styles``): every line flush left,
    # the same sizes, the same line heights and the same gaps between the lines.
    title = styles["Title"]
    _font(title, 15, bold=True)
    _spacing(title, 0, 6, keep_next=True)
    title.paragraph_format.line_spacing = Pt(19)
    border = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if border is not None:
        title.element.pPr.remove(border)

    for name, size, bold, leading, before, after in TITLE_BLOCK:
        style = _paragraph_style(document, name)
        _font(style, size, bold=bold, colour=DRAFT_INK if name == "Draft Line" else BLACK)
        _spacing(style, before, after, keep_next=True)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if leading:
            style.paragraph_format.line_spacing = Pt(leading)
    logo = _paragraph_style(document, "Logo")
    _spacing(logo, 0, 8, keep_next=True)
    attendance = _paragraph_style(document, "Attendance")
    _font(attendance, 11)
    _spacing(attendance, 0, 3)

    # Item headings and sub-headings as the PDF draws them: items in its dark navy.
    for name, size, before, after, italic, colour in (
        ("Heading 1", 13, 14, 6, False, HEADING_INK),
        ("Heading 2", 11, 6, 4, False, BLACK),
        ("Heading 3", 11, 6, 3, True, BLACK),
    ):
        style = styles[name]
        _font(style, size, bold=True, italic=italic, colour=colour)
        _spacing(style, before, after, keep_next=True)

    for name in (
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Number",
        "List Number 2",
        "List Number 3",
    ):
        style = styles[name]
        _font(style, 11)
        _spacing(style, 0, 3)

    for name in ("Header", "Footer"):
        style = styles[name]
        _font(style, 9, colour=GREY)
    _font(styles["Table Grid"], 10)

    _add_numbering(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.language = "en-GB"
    document.core_properties.title = "PCC Minutes reference styles"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
    return target


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else resource_path(REFERENCE)
    print(build_reference(out))
