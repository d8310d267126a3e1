"""Writing ``convert.Line``s into a ``QTextDocument`` at a cursor: loading and pasting.

``Builder`` makes one block per line with the formats of ``formats``: headings, indented
paragraphs, bullets joined into the right ``QTextList`` by depth, tables and image
placeholders.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCursor,
    QTextLength,
    QTextList,
    QTextTableFormat,
)

from pcc_minutes.documents.tree import Spans, Table
from pcc_minutes.ui.notes.convert import Line
from pcc_minutes.ui.notes.formats import (
    IMAGE_ALT,
    IMAGE_SOURCE,
    LINE_SEPARATOR,
    char_format_for,
    image_placeholder,
    is_ordered,
    list_depth,
    list_format_for,
)


def _block_format(line: Line) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    if line.kind == "heading":
        block_format.setHeadingLevel(max(1, min(6, line.level)))
    if line.kind != "item" and line.indent:
        block_format.setIndent(line.indent)
    if line.kind == "image" and line.image is not None:
        block_format.setProperty(IMAGE_ALT, line.image.alt)
        block_format.setProperty(IMAGE_SOURCE, line.image.source)
    return block_format


_JOIN_ANY = object()  # a list already in the document that pasted bullets may join


class Builder:
    """Writes lines into a document at a cursor, one block per line.

    Lists are remembered by object index, not by ``QTextList`` reference: Qt deletes a list
    the moment its last block leaves it.
    """

    def __init__(self, cursor: QTextCursor, *, reuse_block: bool):
        self.cursor = cursor
        self.document = cursor.document()
        self.reuse_block = reuse_block  # the cursor's (empty) block takes the next line
        self.lists: dict[int, tuple[int, object, bool]] = {}  # depth -> (index, key, ordered)

    def seed_list(self, text_list: QTextList) -> None:
        self.lists[list_depth(text_list)] = (text_list.objectIndex(), _JOIN_ANY, False)

    def add(self, line: Line) -> None:
        if line.kind == "table" and line.table is not None:
            self._add_table(line.table)
            return
        level = line.level if line.kind == "heading" else 0
        self.start_block(line)
        self.insert_spans(line.content, level)
        if line.kind == "image" and line.image is not None:
            self.cursor.insertText(image_placeholder(line.image.alt), char_format_for(0))

    def start_block(self, line: Line) -> None:
        block_format = _block_format(line)
        char_format = char_format_for(line.level if line.kind == "heading" else 0)
        if self.reuse_block:
            self.reuse_block = False
            block = self.cursor.block()
            if block.textList() is not None:
                block.textList().remove(block)
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
        else:
            self.cursor.insertBlock(block_format, char_format)
        if line.kind == "item":
            self._join_list(line)
        else:
            self._forget_lists_deeper_than(line.indent)

    def insert_spans(self, content: Spans, heading_level: int, *, plain: bool = False) -> None:
        """Insert the spans at the cursor; ``plain`` takes the format already there."""
        for span in content:
            text = span.text.replace("\n", LINE_SEPARATOR)
            if plain:
                self.cursor.insertText(text)
            else:
                self.cursor.insertText(text, char_format_for(heading_level, span.bold, span.italic))

    def _forget_lists_deeper_than(self, depth: int) -> None:
        for deeper in [d for d in self.lists if d > depth]:
            del self.lists[deeper]

    def _join_list(self, line: Line) -> None:
        self._forget_lists_deeper_than(line.indent)
        known = self.lists.get(line.indent)
        if known is not None:
            index, key, ordered = known
            text_list = self.document.object(index)
            joinable = (
                is_ordered(text_list) == line.ordered
                if key is _JOIN_ANY
                else key == line.key and ordered == line.ordered
            )
            if isinstance(text_list, QTextList) and joinable:
                text_list.add(self.cursor.block())
                return
        text_list = self.cursor.createList(list_format_for(line.indent, line.ordered, line.start))
        self.lists[line.indent] = (text_list.objectIndex(), line.key, line.ordered)

    def _add_table(self, table: Table) -> None:
        self.lists.clear()
        if not table.rows:
            return
        columns = max(len(row) for row in table.rows) or 1
        table_format = QTextTableFormat()
        table_format.setHeaderRowCount(1 if table.header else 0)
        table_format.setBorderCollapse(True)
        table_format.setBorder(1)
        table_format.setCellPadding(4)
        table_format.setCellSpacing(0)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        # A table goes after the cursor's block; the block Qt adds after it takes what follows.
        qt_table = self.cursor.insertTable(len(table.rows), columns, table_format)
        for row_number, row in enumerate(table.rows):
            for column, cell in enumerate(row):
                cell_cursor = qt_table.cellAt(row_number, column).firstCursorPosition()
                for span in cell:
                    text = span.text.replace("\n", LINE_SEPARATOR)
                    cell_cursor.insertText(text, char_format_for(0, span.bold, span.italic))
        self.cursor.setPosition(qt_table.lastPosition() + 1)
        self.reuse_block = True
