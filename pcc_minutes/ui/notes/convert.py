"""Conversion between the notes' ``QTextDocument`` and ``documents.tree`` blocks, no widget.

Saving walks the document into ``Line``s, one per block (``lines_from_document``), and nests
them into blocks (``blocks_from_lines``); loading flattens blocks into lines
(``lines_from_blocks``) for ``builder.Builder`` to write. Pasted input is read into the same
lines: someone else's rich text (``lines_from_document(..., pasted=True)`` on an
``html_document``) or plain text (``lines_from_plain_text``). How the document holds the
structure is ``formats``'s docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtGui import QFont, QTextBlock, QTextCursor, QTextDocument, QTextTable

from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    Image,
    ListItem,
    Paragraph,
    Span,
    Spans,
    Table,
    drop_leading,
    merge_spans,
    plain_text,
)
from pcc_minutes.ui.notes.formats import (
    BOLD,
    IMAGE_ALT,
    IMAGE_SOURCE,
    LINE_SEPARATOR,
    ORDERED_STYLES,
    SUB_HEADING_LEVEL,
    image_placeholder,
    list_depth,
    weight_is_bold,
)

_OBJECT_REPLACEMENT = "\ufffc"

# Glyphs that start a bullet in pasted text: Word's HTML writes its bullets as text ("·", "o",
# "§" in Symbol/Courier/Wingdings fonts) rather than as lists; plain text uses "-", "*", "•".
_PASTED_RICH_BULLET = re.compile(r"^[·•◦▪‣o§\-–*](?:[\s\u00a0]+)")
_PASTED_PLAIN_BULLET = re.compile(r"^([ \t]*)[·•◦▪‣\-*](?:[ \t\u00a0]+)")
_GLYPH_BULLET = object()  # the list key of pasted glyph bullets: one list per paste


# --- the flat form shared by loading, saving and pasting ---------------------------------


@dataclass
class Line:
    """One block of the QTextDocument, as the blocks tree sees it.

    ``indent`` is the list depth for an item and, for anything else, the depth of the bullet it
    belongs under (0 = top level). ``key`` identifies the list an item was in, so neighbouring
    lists at the same depth stay apart when built.
    """

    kind: str  # "paragraph", "heading", "item", "table", "image"
    content: Spans = ()
    indent: int = 0
    level: int = 0  # heading level
    ordered: bool = False
    start: int = 1
    key: object = None
    table: Table | None = None
    image: Image | None = None
    margin: float = 0.0  # pasted bullets only: the left margin that gives their depth


def lines_from_blocks(blocks: list[Block] | tuple[Block, ...], depth: int = 0) -> list[Line]:
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(Line("paragraph", block.content, indent=depth))
        elif isinstance(block, Heading):
            lines.append(Line("heading", block.content, indent=depth, level=block.level))
        elif isinstance(block, BulletList):
            key = object()
            for item in block.items:
                lines.append(
                    Line("item", item.content, depth + 1, 0, block.ordered, block.start, key)
                )
                lines.extend(lines_from_blocks(item.children, depth + 1))
        elif isinstance(block, Table):
            lines.append(Line("table", indent=depth, table=block))
        elif isinstance(block, Image):
            lines.append(Line("image", indent=depth, image=block))
    return lines


@dataclass
class _OpenItem:
    content: Spans
    children: list = field(default_factory=list)


@dataclass
class _OpenList:
    indent: int
    ordered: bool
    start: int
    items: list[_OpenItem] = field(default_factory=list)


def _close(node: object) -> Block:
    if isinstance(node, _OpenList):
        items = tuple(
            ListItem(item.content, tuple(_close(child) for child in item.children))
            for item in node.items
        )
        return BulletList(items, node.ordered, node.start)
    return node  # type: ignore[return-value]


def blocks_from_lines(lines: list[Line]) -> list[Block]:
    """Nest the flat lines back into blocks: an item deeper than the one above it starts a
    sub-list of that item; an indented paragraph belongs to the bullet at its depth."""
    root: list = []
    stack: list[_OpenList] = []
    for line in lines:
        if line.kind in ("paragraph", "heading", "item") and not plain_text(line.content).strip():
            continue  # an empty line or bullet holds no words (and "-" alone is not Markdown)
        if line.kind == "item":
            while stack and stack[-1].indent > line.indent:
                stack.pop()
            top = stack[-1] if stack else None
            if top is not None and top.indent == line.indent and top.ordered == line.ordered:
                top.items.append(_OpenItem(line.content))
                continue
            if top is not None and top.indent == line.indent:
                stack.pop()  # a numbered list straight after a bulleted one, or the reverse
            container = stack[-1].items[-1].children if stack else root
            opened = _OpenList(line.indent, line.ordered, line.start, [_OpenItem(line.content)])
            container.append(opened)
            stack.append(opened)
            continue
        block = _block_of(line)
        if block is None:
            continue
        while stack and stack[-1].indent > line.indent:
            stack.pop()
        if line.indent > 0 and stack:
            stack[-1].items[-1].children.append(block)
        else:
            stack.clear()
            root.append(block)
    return [_close(node) for node in root]


def _block_of(line: Line) -> Block | None:
    if line.kind == "paragraph":
        return Paragraph(line.content)
    if line.kind == "heading":
        return Heading(line.level, line.content)
    if line.kind == "table":
        return line.table
    if line.kind == "image":
        return line.image
    return None


# --- reading a QTextDocument -------------------------------------------------------------


def _block_spans(block: QTextBlock, *, bold_threshold: int = BOLD, heading_bold: bool = True):
    out: list[Span] = []
    for piece in block:
        fragment = piece.fragment()
        if not fragment.isValid():
            continue
        char_format = fragment.charFormat()
        text = fragment.text().replace(LINE_SEPARATOR, "\n").replace(_OBJECT_REPLACEMENT, "")
        bold = heading_bold and weight_is_bold(char_format, bold_threshold)
        out.append(Span(text, bold, char_format.fontItalic()))
    return merge_spans(out)


def _strip_prefix(content: Spans, count: int) -> Spans:
    """The spans without their first ``count`` characters (a pasted bullet glyph)."""
    return drop_leading(content, count)


def lines_from_document(document: QTextDocument, *, pasted: bool = False) -> list[Line]:
    """Every block of the document as a line. ``pasted`` reads someone else's rich text:
    semi-bold counts as bold, bold in headings is the heading's look, and paragraphs that start
    with a bullet glyph (Word's HTML) are bullets."""
    threshold = int(QFont.Weight.DemiBold) if pasted else BOLD
    lines: list[Line] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            lines.append(Line("table", table=_table_of(table, threshold, pasted)))
            after = document.findBlock(table.lastPosition() + 1)
            block = after if after.blockNumber() > block.blockNumber() else block.next()
            continue
        lines.append(_line_of(block, threshold, pasted))
        block = block.next()
    if pasted:
        _depths_from_margins(lines)
    return lines


def _line_of(block: QTextBlock, threshold: int, pasted: bool) -> Line:
    block_format = block.blockFormat()
    heading_level = block_format.headingLevel()
    content = _block_spans(
        block, bold_threshold=threshold, heading_bold=not (pasted and heading_level)
    )
    text_list = block.textList()
    if text_list is not None:
        list_format = text_list.format()
        ordered = list_format.style() in ORDERED_STYLES
        return Line(
            "item",
            content,
            indent=list_depth(text_list),
            ordered=ordered,
            start=list_format.start() if ordered else 1,
            key=text_list.objectIndex(),
        )
    if heading_level > 0:
        level = SUB_HEADING_LEVEL if pasted else heading_level
        return Line("heading", content, indent=block_format.indent(), level=level)
    alt = block_format.property(IMAGE_ALT)
    if isinstance(alt, str) and block.text() == image_placeholder(alt):
        source = block_format.property(IMAGE_SOURCE)
        image = Image(alt, source if isinstance(source, str) else "")
        return Line("image", indent=block_format.indent(), image=image)
    if pasted:
        glyph = _PASTED_RICH_BULLET.match(block.text())
        if glyph and len(glyph.group(0)) < len(block.text()):
            margin = block_format.leftMargin() + 40 * block_format.indent()
            stripped = _strip_prefix(content, len(glyph.group(0)))
            return Line("item", stripped, indent=1, key=_GLYPH_BULLET, margin=margin)
    return Line("paragraph", content, indent=block_format.indent())


def _depths_from_margins(lines: list[Line]) -> None:
    """Give glyph bullets a depth from the rank of their left margin among the paste's."""
    margins = sorted({line.margin for line in lines if line.key is _GLYPH_BULLET})
    for line in lines:
        if line.key is _GLYPH_BULLET:
            line.indent = margins.index(line.margin) + 1


def _table_of(table: QTextTable, threshold: int, pasted: bool) -> Table:
    rows: list[tuple[Spans, ...]] = []
    for row in range(table.rows()):
        cells: list[Spans] = []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if cell.row() != row or cell.column() != column:
                cells.append(())  # covered by a merged cell: its words are written once
                continue
            parts: list[Span] = []
            block = cell.firstCursorPosition().block()
            last = cell.lastCursorPosition().block()
            while block.isValid():
                if parts:
                    parts.append(Span("\n"))
                parts.extend(_block_spans(block, bold_threshold=threshold, heading_bold=not pasted))
                if block == last:
                    break
                block = block.next()
            cells.append(merge_spans(parts))
        rows.append(tuple(cells))
    return Table(tuple(rows), header=table.format().headerRowCount() > 0)


def lines_from_plain_text(text: str) -> list[Line]:
    """Pasted plain text: one paragraph per line; "- ", "* ", "• " lines become bullets whose
    depth follows their leading spaces."""
    lines: list[Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        bullet = _PASTED_PLAIN_BULLET.match(raw)
        if bullet and raw[bullet.end() :].strip():
            lead = bullet.group(1).replace("\t", "    ")
            words = raw[bullet.end() :]
            lines.append(Line("item", (Span(words),), key=_GLYPH_BULLET, margin=len(lead)))
        else:
            lines.append(Line("paragraph", (Span(raw),) if raw else ()))
    _depths_from_margins(lines)
    return lines


# --- pasted HTML -------------------------------------------------------------------------


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_CONDITIONAL = re.compile(r"<!\[(?:if[^\]]*|endif)\]>", re.IGNORECASE)
# Word marks a list paragraph's depth as "mso-list:l0 level2 lfo1", which Qt ignores (as it
# does Word's margins in pt); Qt's own block-indent property carries the depth across instead.
_WORD_LIST_LEVEL = re.compile(r"mso-list:\s*l\d+\s+level(\d+)[^;'\"]*", re.IGNORECASE)


def html_document(html: str) -> QTextDocument:
    """Pasted HTML as a throwaway document. Images go first (they carry no words and Qt would
    try to load them); Word's conditional-comment markers go too, keeping what they wrap."""
    html = _IMG_TAG.sub("", _CONDITIONAL.sub("", html))
    html = _WORD_LIST_LEVEL.sub(r"-qt-block-indent:\1", html)
    document = QTextDocument()
    document.setHtml(html)
    return document


def markdown_of(document: QTextDocument) -> str:
    """A document's notes as CommonMark: exactly what the editor saves."""
    return to_markdown(blocks_from_lines(lines_from_document(document)))
