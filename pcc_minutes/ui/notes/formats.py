"""How the notes' ``QTextDocument`` holds their structure, and the formats that say so.

This module owns the conventions that the conversion (``convert``, ``builder``) and the
editing commands (``formatting``, ``keys``) all read and write:

- a paragraph is a block with no list; a sub-heading is a block with ``headingLevel() == 3``
  (other levels loaded from Markdown are kept) whose text is enlarged and semi-bold;
- a bullet is a block in a ``QTextList`` whose format's ``indent()`` is its nesting depth
  (1 = top level; styles disc, circle, square by depth; numbered lists are decimal);
- a paragraph inside a bullet (Backspace at the start of a bullet makes one, as in Word) is a
  list-less block whose block ``indent()`` equals that bullet's depth;
- bold is a font weight of at least 700 (headings use 600 so that bold inside a heading still
  shows), italic is ``fontItalic()``; a line break (Shift+Enter) is U+2028;
- tables are ``QTextTable``s; images are a placeholder paragraph carrying the alt text.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

SUB_HEADING_LEVEL = 3  # 1 is the meeting title and 2 an agenda item (documents.tree)

BOLD = int(QFont.Weight.Bold)
HEADING_WEIGHT = int(QFont.Weight.DemiBold)
LINE_SEPARATOR = "\u2028"
IMAGE_ALT = QTextFormat.Property.UserProperty + 1
IMAGE_SOURCE = QTextFormat.Property.UserProperty + 2

_BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
ORDERED_STYLES = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


def weight_is_bold(char_format: QTextCharFormat, threshold: int = BOLD) -> bool:
    return char_format.fontWeight() >= threshold


def image_placeholder(alt: str) -> str:
    return f"[image: {alt}]" if alt else "[image]"


def list_depth(text_list: QTextList) -> int:
    return max(1, text_list.format().indent())


def is_ordered(text_list: QTextList) -> bool:
    return text_list.format().style() in ORDERED_STYLES


def char_format_for(
    heading_level: int, bold: bool = False, italic: bool = False
) -> QTextCharFormat:
    """The only character formats the notes use: heading size, bold, italic."""
    char_format = QTextCharFormat()
    if heading_level > 0:
        # Qt's own Markdown/HTML sizes: level 1 is +3 steps, level 3 is +1, level 6 is -2.
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, 4 - heading_level)
        char_format.setFontWeight(BOLD if bold else HEADING_WEIGHT)
    elif bold:
        char_format.setFontWeight(BOLD)
    if italic:
        char_format.setFontItalic(True)
    return char_format


def list_format_for(depth: int, ordered: bool, start: int = 1) -> QTextListFormat:
    list_format = QTextListFormat()
    list_format.setIndent(depth)
    if ordered:
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        list_format.setStart(start)
    else:
        list_format.setStyle(_BULLET_STYLES[(depth - 1) % len(_BULLET_STYLES)])
    return list_format


def shown_depth(block: QTextBlock) -> int:
    """The nesting depth a block shows at: its list's indent, or its own block indent."""
    text_list = block.textList()
    return list_depth(text_list) if text_list is not None else block.blockFormat().indent()


def in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None
