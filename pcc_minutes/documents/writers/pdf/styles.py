"""The look of the PDF minutes: A4 page geometry, the inks, and the paragraph styles by role
(the published notes' layout in a clean sans)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from pcc_minutes.documents.writers.pdf.fonts import FONT, FONT_BOLD, FONT_ITALIC, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2.54 * cm  # Word's default A4 margins, as the published notes use
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_Y = PAGE_HEIGHT - 1.4 * cm
FOOTER_Y = 1.3 * cm

INK = colors.black
QUIET_INK = colors.HexColor("#404040")  # header/footer: quieter than the text, still 10:1
HEADING_INK = colors.HexColor("#1F3864")  # dark navy, 12:1 on white
DRAFT_INK = colors.HexColor("#9C0006")  # dark red, 7:1 on white
WATERMARK_INK = colors.HexColor("#E4E4E4")  # light enough to read text drawn over it
RULE_INK = colors.HexColor("#8C8C8C")
HEADER_FILL = colors.HexColor("#E8ECF4")

BULLET = "•"
LIST_INDENT = 18.0  # each nesting level moves the text this far right
LABEL_GAP = 6.0  # between the bullet (or number) and the text


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles by role: the look of the published notes in a clean sans."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=11, leading=15, spaceAfter=7, textColor=INK
    )

    def derive(name: str, **changes) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    title_block = {"fontName": FONT_BOLD, "fontSize": 15, "leading": 19, "keepWithNext": 1}
    return {
        "body": body,
        "organisation": derive("organisation", spaceAfter=1, **title_block),
        "h1": derive("h1", spaceAfter=6, **title_block),
        "subtitle": derive("subtitle", fontSize=12, leading=16, spaceAfter=2, keepWithNext=1),
        "schedule": derive("schedule", spaceAfter=2, keepWithNext=1),
        "marking": derive("marking", fontName=FONT_BOLD, spaceAfter=2, keepWithNext=1),
        "draft": derive(
            "draft", fontName=FONT_BOLD, textColor=DRAFT_INK, spaceAfter=2, keepWithNext=1
        ),
        "timing": derive(
            "timing",
            fontName=FONT_ITALIC,
            fontSize=10,
            leading=13,
            textColor=QUIET_INK,
            keepWithNext=1,
        ),
        "kind": derive(
            "kind", fontName=FONT_BOLD, fontSize=13, leading=17, spaceBefore=8, spaceAfter=10
        ),
        "label": derive("label", fontName=FONT_BOLD, spaceBefore=4, spaceAfter=4, keepWithNext=1),
        "attendance": derive("attendance", spaceAfter=4),
        "h2": derive(
            "h2",
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=14,
            spaceAfter=6,
            textColor=HEADING_INK,
            keepWithNext=1,
        ),
        "h3": derive("h3", fontName=FONT_BOLD, spaceBefore=6, spaceAfter=4, keepWithNext=1),
        "item": derive("item", spaceAfter=4),
        "cell": derive("cell", fontSize=10, leading=13, spaceAfter=0),
        "header_cell": derive(
            "header_cell", fontName=FONT_BOLD, fontSize=10, leading=13, spaceAfter=0
        ),
    }


@lru_cache(maxsize=64)
def indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    if not indent:
        return style
    return ParagraphStyle(f"{style.name}@{indent:g}", parent=style, leftIndent=indent)
