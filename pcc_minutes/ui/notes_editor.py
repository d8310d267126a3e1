"""The notes editor: the WYSIWYG text box in which the minute-taker types an item's notes live.

It owns how typing behaves (bullets that continue on Enter, nest with Tab and end on an empty
Enter; sub-headings; bold and italic; paste that keeps structure but drops fonts and colours)
and the conversion between its ``QTextDocument`` and the project's CommonMark notes.

The conversion goes through the documents layer's blocks, never through Qt's own Markdown
writer: ``markdown()`` walks the QTextDocument into ``documents.tree`` blocks and writes them
with ``to_markdown``; ``set_markdown()`` reads with ``from_markdown`` and builds the document
from those blocks. What the editor saves is therefore exactly what every exporter reads, and a
note written by ``to_markdown`` comes back character for character.

How the document holds the structure (and so what ``markdown()`` reads):

- a paragraph is a block with no list; a sub-heading is a block with ``headingLevel() == 3``
  (other levels loaded from Markdown are kept) whose text is enlarged and semi-bold;
- a bullet is a block in a ``QTextList`` whose format's ``indent()`` is its nesting depth
  (1 = top level; styles disc, circle, square by depth; numbered lists are decimal);
- a paragraph inside a bullet (Backspace at the start of a bullet makes one, as in Word) is a
  list-less block whose block ``indent()`` equals that bullet's depth;
- bold is a font weight of at least 700 (headings use 600 so that bold inside a heading still
  shows), italic is ``fontItalic()``; a line break (Shift+Enter) is U+2028;
- tables are ``QTextTable``s; images are a placeholder paragraph carrying the alt text.

Empty paragraphs, headings and bullets carry no words and are not written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import QAbstractScrollArea, QTextEdit, QWidget

from pcc_minutes.documents.markdown import from_markdown, to_markdown
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
from pcc_minutes.ui.spelling import SpellChecker, SpellingHighlighter, add_spelling_actions

SUB_HEADING_LEVEL = 3  # 1 is the meeting title and 2 an agenda item (documents.tree)

_BOLD = int(QFont.Weight.Bold)
_HEADING_WEIGHT = int(QFont.Weight.DemiBold)
_LINE_SEPARATOR = "\u2028"
_OBJECT_REPLACEMENT = "\ufffc"
_IMAGE_ALT = QTextFormat.Property.UserProperty + 1
_IMAGE_SOURCE = QTextFormat.Property.UserProperty + 2

_BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_ORDERED_STYLES = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}

# Glyphs that start a bullet in pasted text: Word's HTML writes its bullets as text ("·", "o",
# "§" in Symbol/Courier/Wingdings fonts) rather than as lists; plain text uses "-", "*", "•".
_PASTED_RICH_BULLET = re.compile(r"^[·•◦▪‣o§\-–*](?:[\s\u00a0]+)")
_PASTED_PLAIN_BULLET = re.compile(r"^([ \t]*)[·•◦▪‣\-*](?:[ \t\u00a0]+)")
_GLYPH_BULLET = object()  # the list key of pasted glyph bullets: one list per paste
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£])")

DESCRIPTION = (
    "Notes for the current agenda item. Type “- ” to start a bullet; Enter continues it and "
    "Enter on an empty bullet ends the list; Tab and Shift+Tab indent and outdent a bullet; "
    "Ctrl+Alt+2 makes a sub-heading; Ctrl+B bold, Ctrl+I italic. Tab outside a list does "
    "nothing; Ctrl+Tab and Ctrl+Shift+Tab move to the next or previous control."
)


# --- the flat form shared by loading, saving and pasting ---------------------------------


@dataclass
class _Line:
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


def _lines_from_blocks(blocks: list[Block] | tuple[Block, ...], depth: int = 0) -> list[_Line]:
    lines: list[_Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(_Line("paragraph", block.content, indent=depth))
        elif isinstance(block, Heading):
            lines.append(_Line("heading", block.content, indent=depth, level=block.level))
        elif isinstance(block, BulletList):
            key = object()
            for item in block.items:
                lines.append(
                    _Line("item", item.content, depth + 1, 0, block.ordered, block.start, key)
                )
                lines.extend(_lines_from_blocks(item.children, depth + 1))
        elif isinstance(block, Table):
            lines.append(_Line("table", indent=depth, table=block))
        elif isinstance(block, Image):
            lines.append(_Line("image", indent=depth, image=block))
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


def _blocks_from_lines(lines: list[_Line]) -> list[Block]:
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


def _block_of(line: _Line) -> Block | None:
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


def _is_bold(char_format: QTextCharFormat, threshold: int = _BOLD) -> bool:
    return char_format.fontWeight() >= threshold


def _block_spans(block: QTextBlock, *, bold_threshold: int = _BOLD, heading_bold: bool = True):
    out: list[Span] = []
    for piece in block:
        fragment = piece.fragment()
        if not fragment.isValid():
            continue
        char_format = fragment.charFormat()
        text = fragment.text().replace(_LINE_SEPARATOR, "\n").replace(_OBJECT_REPLACEMENT, "")
        bold = heading_bold and _is_bold(char_format, bold_threshold)
        out.append(Span(text, bold, char_format.fontItalic()))
    return merge_spans(out)


def _strip_prefix(content: Spans, count: int) -> Spans:
    """The spans without their first ``count`` characters (a pasted bullet glyph)."""
    return drop_leading(content, count)


def _image_placeholder(alt: str) -> str:
    return f"[image: {alt}]" if alt else "[image]"


def _list_depth(text_list: QTextList) -> int:
    return max(1, text_list.format().indent())


def _is_ordered(text_list: QTextList) -> bool:
    return text_list.format().style() in _ORDERED_STYLES


def _lines_from_document(document: QTextDocument, *, pasted: bool = False) -> list[_Line]:
    """Every block of the document as a line. ``pasted`` reads someone else's rich text:
    semi-bold counts as bold, bold in headings is the heading's look, and paragraphs that start
    with a bullet glyph (Word's HTML) are bullets."""
    threshold = int(QFont.Weight.DemiBold) if pasted else _BOLD
    lines: list[_Line] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            lines.append(_Line("table", table=_table_of(table, threshold, pasted)))
            after = document.findBlock(table.lastPosition() + 1)
            block = after if after.blockNumber() > block.blockNumber() else block.next()
            continue
        lines.append(_line_of(block, threshold, pasted))
        block = block.next()
    if pasted:
        _depths_from_margins(lines)
    return lines


def _line_of(block: QTextBlock, threshold: int, pasted: bool) -> _Line:
    block_format = block.blockFormat()
    heading_level = block_format.headingLevel()
    content = _block_spans(
        block, bold_threshold=threshold, heading_bold=not (pasted and heading_level)
    )
    text_list = block.textList()
    if text_list is not None:
        list_format = text_list.format()
        ordered = list_format.style() in _ORDERED_STYLES
        return _Line(
            "item",
            content,
            indent=_list_depth(text_list),
            ordered=ordered,
            start=list_format.start() if ordered else 1,
            key=text_list.objectIndex(),
        )
    if heading_level > 0:
        level = SUB_HEADING_LEVEL if pasted else heading_level
        return _Line("heading", content, indent=block_format.indent(), level=level)
    alt = block_format.property(_IMAGE_ALT)
    if isinstance(alt, str) and block.text() == _image_placeholder(alt):
        source = block_format.property(_IMAGE_SOURCE)
        image = Image(alt, source if isinstance(source, str) else "")
        return _Line("image", indent=block_format.indent(), image=image)
    if pasted:
        glyph = _PASTED_RICH_BULLET.match(block.text())
        if glyph and len(glyph.group(0)) < len(block.text()):
            margin = block_format.leftMargin() + 40 * block_format.indent()
            stripped = _strip_prefix(content, len(glyph.group(0)))
            return _Line("item", stripped, indent=1, key=_GLYPH_BULLET, margin=margin)
    return _Line("paragraph", content, indent=block_format.indent())


def _depths_from_margins(lines: list[_Line]) -> None:
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


def _lines_from_plain_text(text: str) -> list[_Line]:
    """Pasted plain text: one paragraph per line; "- ", "* ", "• " lines become bullets whose
    depth follows their leading spaces."""
    lines: list[_Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        bullet = _PASTED_PLAIN_BULLET.match(raw)
        if bullet and raw[bullet.end() :].strip():
            lead = bullet.group(1).replace("\t", "    ")
            words = raw[bullet.end() :]
            lines.append(_Line("item", (Span(words),), key=_GLYPH_BULLET, margin=len(lead)))
        else:
            lines.append(_Line("paragraph", (Span(raw),) if raw else ()))
    _depths_from_margins(lines)
    return lines


# --- writing into a QTextDocument --------------------------------------------------------


def _char_format(heading_level: int, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    """The only character formats the notes use: heading size, bold, italic."""
    char_format = QTextCharFormat()
    if heading_level > 0:
        # Qt's own Markdown/HTML sizes: level 1 is +3 steps, level 3 is +1, level 6 is -2.
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, 4 - heading_level)
        char_format.setFontWeight(_BOLD if bold else _HEADING_WEIGHT)
    elif bold:
        char_format.setFontWeight(_BOLD)
    if italic:
        char_format.setFontItalic(True)
    return char_format


def _list_format(depth: int, ordered: bool, start: int = 1) -> QTextListFormat:
    list_format = QTextListFormat()
    list_format.setIndent(depth)
    if ordered:
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        list_format.setStart(start)
    else:
        list_format.setStyle(_BULLET_STYLES[(depth - 1) % len(_BULLET_STYLES)])
    return list_format


def _block_format(line: _Line) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    if line.kind == "heading":
        block_format.setHeadingLevel(max(1, min(6, line.level)))
    if line.kind != "item" and line.indent:
        block_format.setIndent(line.indent)
    if line.kind == "image" and line.image is not None:
        block_format.setProperty(_IMAGE_ALT, line.image.alt)
        block_format.setProperty(_IMAGE_SOURCE, line.image.source)
    return block_format


_JOIN_ANY = object()  # a list already in the document that pasted bullets may join


class _Builder:
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
        self.lists[_list_depth(text_list)] = (text_list.objectIndex(), _JOIN_ANY, False)

    def add(self, line: _Line) -> None:
        if line.kind == "table" and line.table is not None:
            self._add_table(line.table)
            return
        level = line.level if line.kind == "heading" else 0
        self.start_block(line)
        self.insert_spans(line.content, level)
        if line.kind == "image" and line.image is not None:
            self.cursor.insertText(_image_placeholder(line.image.alt), _char_format(0))

    def start_block(self, line: _Line) -> None:
        block_format = _block_format(line)
        char_format = _char_format(line.level if line.kind == "heading" else 0)
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
            text = span.text.replace("\n", _LINE_SEPARATOR)
            if plain:
                self.cursor.insertText(text)
            else:
                self.cursor.insertText(text, _char_format(heading_level, span.bold, span.italic))

    def _forget_lists_deeper_than(self, depth: int) -> None:
        for deeper in [d for d in self.lists if d > depth]:
            del self.lists[deeper]

    def _join_list(self, line: _Line) -> None:
        self._forget_lists_deeper_than(line.indent)
        known = self.lists.get(line.indent)
        if known is not None:
            index, key, ordered = known
            text_list = self.document.object(index)
            joinable = (
                _is_ordered(text_list) == line.ordered
                if key is _JOIN_ANY
                else key == line.key and ordered == line.ordered
            )
            if isinstance(text_list, QTextList) and joinable:
                text_list.add(self.cursor.block())
                return
        text_list = self.cursor.createList(_list_format(line.indent, line.ordered, line.start))
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
                    text = span.text.replace("\n", _LINE_SEPARATOR)
                    cell_cursor.insertText(text, _char_format(0, span.bold, span.italic))
        self.cursor.setPosition(qt_table.lastPosition() + 1)
        self.reuse_block = True


# --- small helpers on blocks -------------------------------------------------------------


def _depth(block: QTextBlock) -> int:
    """The nesting depth a block shows at: its list's indent, or its own block indent."""
    text_list = block.textList()
    return _list_depth(text_list) if text_list is not None else block.blockFormat().indent()


def _in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None


def _selected_blocks(cursor: QTextCursor) -> list[int]:
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart()).blockNumber()
    last = document.findBlock(cursor.selectionEnd()).blockNumber()
    return list(range(first, last + 1))


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    bold: bool
    italic: bool
    heading_level: int


def _selected_runs(cursor: QTextCursor) -> Iterator[_Run]:
    """The formatted runs of text inside the selection, clipped to it."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    for number in _selected_blocks(cursor):
        block = document.findBlockByNumber(number)
        level = block.blockFormat().headingLevel()
        for piece in block:
            fragment = piece.fragment()
            if not fragment.isValid():
                continue
            low = max(start, fragment.position())
            high = min(end, fragment.position() + fragment.length())
            if low < high:
                char_format = fragment.charFormat()
                yield _Run(low, high, _is_bold(char_format), char_format.fontItalic(), level)


# --- the widget --------------------------------------------------------------------------


class NotesEditor(QTextEdit):
    """The notes of one agenda item, typed like a word processor and saved as CommonMark."""

    content_changed = Signal()  # every edit by the user (typing, formatting, paste, undo)

    def __init__(self, parent: QWidget | None = None, *, spell_checker: SpellChecker | None = None):
        super().__init__(parent)
        self.setAccessibleName("Notes")
        self.setAccessibleDescription(DESCRIPTION)
        self.setAcceptRichText(True)
        # Qt's own AutoBulletList turns a lone "*" into a list at once; ours waits for "- ".
        self.setAutoFormatting(QTextEdit.AutoFormattingFlag.AutoNone)
        self.setTabChangesFocus(False)
        self._base_font: QFont | None = None
        self._highlighter: SpellingHighlighter | None = None
        self._typing = False  # the last cursor move was a typed character
        # contentsChange (unlike contentsChanged) is not emitted by the spelling highlighter,
        # so it means an edit: text or formatting, typed, pasted, undone or redone. A direct
        # signal-to-signal connection keeps Python off this per-keystroke path.
        self.document().contentsChange.connect(self.content_changed)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        if spell_checker is not None:
            self.set_spell_checker(spell_checker)

    # --- loading and saving --------------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show these notes. Not an edit: nothing to undo, no ``content_changed``."""
        document = self.document()
        self._typing = False
        was_blocked = self.blockSignals(True)  # loading is not an edit: no content_changed
        document.setUndoRedoEnabled(False)  # also what empties the undo stack
        try:
            document.clear()
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            builder = _Builder(cursor, reuse_block=True)
            for line in _lines_from_blocks(from_markdown(text)):
                builder.add(line)
            cursor.endEditBlock()
        finally:
            document.setUndoRedoEnabled(True)
            document.setModified(False)
            self.blockSignals(was_blocked)
        # Typing carries on at the end of the notes, where the meeting has got to.
        self.moveCursor(QTextCursor.MoveOperation.End)

    def setDocument(self, document: QTextDocument) -> None:
        """Swap in another document, e.g. one per agenda item so that each keeps its own undo
        history; ``content_changed`` and spelling follow the new document. As Qt does, the
        editor deletes a replaced document only when it is the document's parent, so the
        caller should own the documents it swaps in."""
        self.document().contentsChange.disconnect(self.content_changed)
        checker = self.spell_checker
        self.set_spell_checker(None)
        super().setDocument(document)
        document.contentsChange.connect(self.content_changed)
        self.set_spell_checker(checker)

    def markdown(self) -> str:
        """The notes as CommonMark (``to_markdown`` of the blocks); "" when there are none."""
        return to_markdown(self.blocks())

    def snapshot(self) -> Callable[[], str]:
        """The notes as they are now, for another thread: a copy of the document is taken
        here (about a millisecond for 20,000 words) and the returned function turns that copy
        into CommonMark wherever it is called, off the typing thread."""
        copy = self.document().clone()
        return lambda: to_markdown(_blocks_from_lines(_lines_from_document(copy)))

    def blocks(self) -> list[Block]:
        """The notes as ``documents.tree`` blocks."""
        return _blocks_from_lines(_lines_from_document(self.document()))

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)
        if read_only:
            # Approved minutes stay navigable and selectable from the keyboard (screen readers).
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )

    def set_text_scale(self, factor: float) -> None:
        """Draw the notes ``factor`` times their normal size (focus mode); 1.0 restores."""
        if self._base_font is None:
            self._base_font = QFont(self.font())
        font = QFont(self._base_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * factor)))
        self.setFont(font)

    # --- spelling ------------------------------------------------------------------------

    def set_spell_checker(self, checker: SpellChecker | None) -> None:
        """Underline misspelt words with ``checker``; ``None`` turns spelling off."""
        if self._highlighter is not None:
            self._highlighter.setDocument(None)
            self._highlighter.deleteLater()
            self._highlighter = None
        if checker is not None:
            self._highlighter = SpellingHighlighter(
                self.document(), checker, typing_position=self._typing_position
            )

    @property
    def spell_checker(self) -> SpellChecker | None:
        return self._highlighter.checker if self._highlighter is not None else None

    def _typing_position(self) -> tuple[int, int] | None:
        """Where a word is being typed: the highlighter leaves it alone until it is finished."""
        if not self._typing:
            return None
        cursor = self.textCursor()
        return cursor.blockNumber(), cursor.positionInBlock()

    def _on_cursor_moved(self) -> None:
        if self._typing:
            self._typing = False
            return
        if self._highlighter is not None:
            self._highlighter.finish_typed_word()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self._highlighter is not None and not self.isReadOnly():
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                cursor = self.cursorForPosition(event.pos())
            else:
                cursor = self.textCursor()
            add_spelling_actions(menu, self._highlighter, cursor)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        if self._handle_key(event):
            event.accept()
            return
        text = event.text()
        self._typing = bool(text) and (text[0].isalnum() or text[0] in "'’-")
        super().keyPressEvent(event)
        if text == " ":
            self._autoformat_bullet()

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        none = Qt.KeyboardModifier.NoModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        alt = Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & ctrl:
            # The way out of the notes from the keyboard (no keyboard trap, WCAG 2.1.2).
            forward = key == Qt.Key.Key_Tab and not mods & shift
            QAbstractScrollArea.focusNextPrevChild(self, forward)
            return True
        if key == Qt.Key.Key_Tab and mods == none:
            # Outside a list Tab does nothing and keeps the focus: a stray Tab in a live
            # meeting must neither put a tab character in the minutes nor move the cursor away.
            self.indent()
            return True
        if key == Qt.Key.Key_Backtab and mods in (none, shift):
            self.outdent()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == none:
            return self._enter()
        if mods == ctrl and key == Qt.Key.Key_B:
            self.toggle_bold()
            return True
        if mods == ctrl and key == Qt.Key.Key_I:
            self.toggle_italic()
            return True
        if mods == ctrl | alt and key == Qt.Key.Key_2:
            self.toggle_sub_heading()
            return True
        if mods == ctrl | shift and key in (Qt.Key.Key_8, Qt.Key.Key_Asterisk):
            self.toggle_bullets()
            return True
        return False

    def _enter(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        if block.textList() is not None and not block.text().strip():
            # Enter on an empty bullet: up a level, or out of the list at the top level.
            self.outdent()
            return True
        block_format = block.blockFormat()
        if block_format.headingLevel() > 0 and cursor.atBlockEnd():
            # After a sub-heading comes ordinary text, as in Word.
            paragraph = QTextBlockFormat()
            paragraph.setIndent(block_format.indent())
            cursor.insertBlock(paragraph, _char_format(0))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return True
        return False

    def _autoformat_bullet(self) -> None:
        """Typing "- " or "* " into an empty paragraph starts a bullet list. It is a separate
        undo step, so Ctrl+Z gives back the typed "- " as in Word."""
        cursor = self.textCursor()
        block = cursor.block()
        if (
            block.textList() is not None
            or block.blockFormat().headingLevel() > 0
            or block.text() not in ("- ", "* ")
            or cursor.positionInBlock() != 2
            or _in_table(block)
        ):
            return
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._make_bullet(cursor, block.blockNumber())
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # --- formatting commands -------------------------------------------------------------

    def toggle_bold(self) -> None:
        self._toggle_emphasis(bold=True)

    def toggle_italic(self) -> None:
        self._toggle_emphasis(bold=False)

    def _toggle_emphasis(self, *, bold: bool) -> None:
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            # Only the format of what is typed next changes: not an edit, nothing to undo.
            current = cursor.charFormat()
            level = cursor.block().blockFormat().headingLevel()
            is_bold, is_italic = _is_bold(current), current.fontItalic()
            if bold:
                is_bold = not is_bold
            else:
                is_italic = not is_italic
            self.setCurrentCharFormat(_char_format(level, is_bold, is_italic))
            return
        runs = list(_selected_runs(cursor))
        turn_on = not all(run.bold if bold else run.italic for run in runs)
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for run in runs:
            edit.setPosition(run.start)
            edit.setPosition(run.end, QTextCursor.MoveMode.KeepAnchor)
            new_bold = turn_on if bold else run.bold
            new_italic = run.italic if bold else turn_on
            edit.setCharFormat(_char_format(run.heading_level, new_bold, new_italic))
        edit.endEditBlock()

    def toggle_sub_heading(self) -> None:
        """Make the selected paragraphs sub-headings, or, when they all are, ordinary text."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        numbers = _selected_blocks(cursor)
        document = self.document()
        blocks = [document.findBlockByNumber(n) for n in numbers]
        turn_off = all(block.blockFormat().headingLevel() > 0 for block in blocks)
        edit = QTextCursor(document)
        edit.beginEditBlock()
        for number in numbers:
            block = document.findBlockByNumber(number)
            if _in_table(block):
                continue
            self._leave_list(edit, block)
            level = 0 if turn_off else SUB_HEADING_LEVEL
            self._set_heading(edit, document.findBlockByNumber(number), level)
        edit.endEditBlock()

    def _set_heading(self, edit: QTextCursor, block: QTextBlock, level: int) -> None:
        edit.setPosition(block.position())
        block_format = block.blockFormat()
        block_format.setHeadingLevel(level)
        edit.setBlockFormat(block_format)
        edit.setBlockCharFormat(_char_format(level))
        runs = [
            (f.position(), f.position() + f.length(), f.charFormat())
            for f in (piece.fragment() for piece in block)
            if f.isValid()
        ]
        for start, end, char_format in runs:
            edit.setPosition(start)
            edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            edit.setCharFormat(_char_format(level, _is_bold(char_format), char_format.fontItalic()))

    def toggle_bullets(self) -> None:
        """Make the selected paragraphs bullets, or, when they all are, ordinary text."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        numbers = _selected_blocks(cursor)
        document = self.document()
        all_bullets = all(document.findBlockByNumber(n).textList() is not None for n in numbers)
        edit = QTextCursor(document)
        edit.beginEditBlock()
        for number in numbers:
            block = document.findBlockByNumber(number)
            if _in_table(block):
                continue
            if all_bullets:
                self._leave_list(edit, block)
            elif block.textList() is None:
                if block.blockFormat().headingLevel() > 0:
                    self._set_heading(edit, block, 0)
                self._make_bullet(edit, number)
        edit.endEditBlock()

    def _make_bullet(self, edit: QTextCursor, number: int) -> None:
        """Make a paragraph a top-level bullet, joining a bulleted list just above it."""
        document = self.document()
        block = document.findBlockByNumber(number)
        edit.setPosition(block.position())
        block_format = block.blockFormat()
        block_format.setIndent(0)
        edit.setBlockFormat(block_format)
        above = block.previous()
        above_list = above.textList() if above.isValid() else None
        if above_list is not None and _list_depth(above_list) == 1 and not _is_ordered(above_list):
            above_list.add(document.findBlockByNumber(number))
        else:
            edit.createList(_list_format(1, ordered=False))

    def _leave_list(self, edit: QTextCursor, block: QTextBlock) -> None:
        text_list = block.textList()
        if text_list is None:
            return
        text_list.remove(block)
        edit.setPosition(block.position())
        block_format = edit.blockFormat()
        block_format.setIndent(0)  # QTextList.remove keeps the list's indent as the block's
        edit.setBlockFormat(block_format)

    def indent(self) -> None:
        """Nest the selected bullets one level deeper (Tab). A bullet nests only under a bullet
        above it: Markdown has no sub-bullet without a parent."""
        self._each_selected_bullet(self._indent_block)

    def outdent(self) -> None:
        """Bring the selected bullets one level up (Shift+Tab); a top-level bullet becomes an
        ordinary paragraph."""
        self._each_selected_bullet(self._outdent_block)

    def _each_selected_bullet(self, change: Callable[[QTextCursor, int], None]) -> None:
        if self.isReadOnly():
            return
        numbers = _selected_blocks(self.textCursor())
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for number in numbers:
            if self.document().findBlockByNumber(number).textList() is not None:
                change(edit, number)
        edit.endEditBlock()

    def _indent_block(self, edit: QTextCursor, number: int) -> None:
        document = self.document()
        block = document.findBlockByNumber(number)
        text_list = block.textList()
        depth, ordered = _list_depth(text_list), _is_ordered(text_list)
        target = depth + 1
        join: QTextList | None = None
        has_parent = False
        for above in _blocks_above(block):
            level = _depth(above)
            if level > target or (level >= depth and above.textList() is None):
                continue  # deeper bullets, or paragraphs inside a bullet at this depth
            if level == target:
                join = above.textList()
            has_parent = level == depth
            break
        if join is None and not has_parent:
            return
        below = block.next()
        if join is None and below.isValid() and below.textList() is not None:
            if _list_depth(below.textList()) == target:
                join = below.textList()  # its former sub-bullets become its siblings
        if join is not None:
            join.add(block)
        else:
            edit.setPosition(block.position())
            edit.createList(_list_format(target, ordered))

    def _outdent_block(self, edit: QTextCursor, number: int) -> None:
        document = self.document()
        block = document.findBlockByNumber(number)
        text_list = block.textList()
        depth, ordered = _list_depth(text_list), _is_ordered(text_list)
        if depth <= 1:
            self._leave_list(edit, block)
            return
        target = depth - 1
        for above in _blocks_above(block):
            level = _depth(above)
            if level > target or (level == target and above.textList() is None):
                continue
            if level == target:
                above.textList().add(block)
                return
            break
        edit.setPosition(block.position())
        edit.createList(_list_format(target, ordered))

    # --- paste ---------------------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste keeps paragraphs, sub-headings, bullets, bold, italic and tables, and drops
        everything else (fonts, sizes, colours, images, links' targets): pasted text then looks
        and saves like typed text. Word's HTML bullets (glyph paragraphs) become real bullets;
        plain-text "- " lines become bullets too."""
        if source.hasHtml():
            lines = _lines_from_document(_html_document(source.html()), pasted=True)
            self._insert_lines(lines, plain=False)
        elif source.hasText():
            self._insert_lines(_lines_from_plain_text(source.text()), plain=True)

    def _insert_lines(self, lines: list[_Line], *, plain: bool) -> None:
        if len(lines) > 1:
            # Blank lines between pasted paragraphs are spacing, not content.
            lines = [
                line
                for line in lines
                if line.kind in ("table", "image") or plain_text(line.content).strip()
            ]
        if not lines:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        block = cursor.block()
        builder = _Builder(cursor, reuse_block=False)
        if block.textList() is not None:
            builder.seed_list(block.textList())
        first, rest = lines[0], lines[1:]
        if first.kind == "paragraph" or (first.kind != "table" and block.text().strip()):
            # The first pasted paragraph carries on the one being typed (its bullet or heading
            # included), as in Word; plain text takes the formatting where it lands.
            builder.insert_spans(first.content, block.blockFormat().headingLevel(), plain=plain)
        else:
            builder.reuse_block = first.kind != "table" and not block.text().strip()
            rest = lines
        for line in rest:
            builder.add(line)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # --- quick capture -------------------------------------------------------------------

    def sentence_at_cursor(self) -> str:
        """What quick capture pre-fills: the selection, else the bullet under the cursor, else
        the sentence under the cursor; on an empty line, the last sentence above it."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return " ".join(cursor.selectedText().replace(_LINE_SEPARATOR, " ").split())
        block = cursor.block()
        position = cursor.positionInBlock()
        while block.isValid() and not block.text().strip():
            block = block.previous()
            position = len(block.text()) if block.isValid() else 0
        if not block.isValid():
            return ""
        text = block.text().replace(_LINE_SEPARATOR, " ")
        if block.textList() is not None:
            return text.strip()
        starts = [0] + [match.end() for match in _SENTENCE_BREAK.finditer(text)]
        start = max(s for s in starts if s <= position)
        end = next((s for s in starts if s > start), len(text))
        return text[start:end].strip()


def _blocks_above(block: QTextBlock) -> Iterator[QTextBlock]:
    """The blocks above, nearest first, skipping empty paragraphs (they hold no words, so
    Markdown does not see them between two bullets); stops at a table."""
    above = block.previous()
    while above.isValid():
        if _in_table(above):
            return
        if above.textList() is not None or above.text().strip():
            yield above
        above = above.previous()


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_CONDITIONAL = re.compile(r"<!\[(?:if[^\]]*|endif)\]>", re.IGNORECASE)
# Word marks a list paragraph's depth as "mso-list:l0 level2 lfo1", which Qt ignores (as it
# does Word's margins in pt); Qt's own block-indent property carries the depth across instead.
_WORD_LIST_LEVEL = re.compile(r"mso-list:\s*l\d+\s+level(\d+)[^;'\"]*", re.IGNORECASE)


def _html_document(html: str) -> QTextDocument:
    """Pasted HTML as a throwaway document. Images go first (they carry no words and Qt would
    try to load them); Word's conditional-comment markers go too, keeping what they wrap."""
    html = _IMG_TAG.sub("", _CONDITIONAL.sub("", html))
    html = _WORD_LIST_LEVEL.sub(r"-qt-block-indent:\1", html)
    document = QTextDocument()
    document.setHtml(html)
    return document
