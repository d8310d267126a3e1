"""The formatting commands of the notes: bold, italic, sub-heading, bullets, indent, outdent.

Each command works on the selected text or paragraphs of a ``QTextEdit`` as one undo step and
does nothing when the editor is read-only; the document keeps the structure the way
``formats`` describes. ``NotesEditor`` offers them as its methods and ``keys`` binds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextList
from PySide6.QtWidgets import QTextEdit

from pcc_minutes.ui.notes.formats import (
    SUB_HEADING_LEVEL,
    char_format_for,
    in_table,
    is_ordered,
    list_depth,
    list_format_for,
    shown_depth,
    weight_is_bold,
)


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
                yield _Run(low, high, weight_is_bold(char_format), char_format.fontItalic(), level)


# --- the commands ----------------------------------------------------------------------


def toggle_emphasis(editor: QTextEdit, *, bold: bool) -> None:
    """Bold (or, with ``bold`` false, italic) on across the selection, or off when all of it
    has it already; with no selection, for what is typed next."""
    if editor.isReadOnly():
        return
    cursor = editor.textCursor()
    if not cursor.hasSelection():
        # Only the format of what is typed next changes: not an edit, nothing to undo.
        current = cursor.charFormat()
        level = cursor.block().blockFormat().headingLevel()
        is_bold, is_italic = weight_is_bold(current), current.fontItalic()
        if bold:
            is_bold = not is_bold
        else:
            is_italic = not is_italic
        editor.setCurrentCharFormat(char_format_for(level, is_bold, is_italic))
        return
    runs = list(_selected_runs(cursor))
    turn_on = not all(run.bold if bold else run.italic for run in runs)
    edit = QTextCursor(editor.document())
    edit.beginEditBlock()
    for run in runs:
        edit.setPosition(run.start)
        edit.setPosition(run.end, QTextCursor.MoveMode.KeepAnchor)
        new_bold = turn_on if bold else run.bold
        new_italic = run.italic if bold else turn_on
        edit.setCharFormat(char_format_for(run.heading_level, new_bold, new_italic))
    edit.endEditBlock()


def toggle_sub_heading(editor: QTextEdit) -> None:
    """Make the selected paragraphs sub-headings, or, when they all are, ordinary text."""
    if editor.isReadOnly():
        return
    cursor = editor.textCursor()
    numbers = _selected_blocks(cursor)
    document = editor.document()
    blocks = [document.findBlockByNumber(n) for n in numbers]
    turn_off = all(block.blockFormat().headingLevel() > 0 for block in blocks)
    edit = QTextCursor(document)
    edit.beginEditBlock()
    for number in numbers:
        block = document.findBlockByNumber(number)
        if in_table(block):
            continue
        _leave_list(edit, block)
        level = 0 if turn_off else SUB_HEADING_LEVEL
        _set_heading(edit, document.findBlockByNumber(number), level)
    edit.endEditBlock()


def _set_heading(edit: QTextCursor, block: QTextBlock, level: int) -> None:
    edit.setPosition(block.position())
    block_format = block.blockFormat()
    block_format.setHeadingLevel(level)
    edit.setBlockFormat(block_format)
    edit.setBlockCharFormat(char_format_for(level))
    runs = [
        (f.position(), f.position() + f.length(), f.charFormat())
        for f in (piece.fragment() for piece in block)
        if f.isValid()
    ]
    for start, end, char_format in runs:
        edit.setPosition(start)
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        edit.setCharFormat(
            char_format_for(level, weight_is_bold(char_format), char_format.fontItalic())
        )


def toggle_bullets(editor: QTextEdit) -> None:
    """Make the selected paragraphs bullets, or, when they all are, ordinary text."""
    if editor.isReadOnly():
        return
    cursor = editor.textCursor()
    numbers = _selected_blocks(cursor)
    document = editor.document()
    all_bullets = all(document.findBlockByNumber(n).textList() is not None for n in numbers)
    edit = QTextCursor(document)
    edit.beginEditBlock()
    for number in numbers:
        block = document.findBlockByNumber(number)
        if in_table(block):
            continue
        if all_bullets:
            _leave_list(edit, block)
        elif block.textList() is None:
            if block.blockFormat().headingLevel() > 0:
                _set_heading(edit, block, 0)
            make_bullet(edit, number)
    edit.endEditBlock()


def make_bullet(edit: QTextCursor, number: int) -> None:
    """Make a paragraph a top-level bullet, joining a bulleted list just above it."""
    document = edit.document()
    block = document.findBlockByNumber(number)
    edit.setPosition(block.position())
    block_format = block.blockFormat()
    block_format.setIndent(0)
    edit.setBlockFormat(block_format)
    above = block.previous()
    above_list = above.textList() if above.isValid() else None
    if above_list is not None and list_depth(above_list) == 1 and not is_ordered(above_list):
        above_list.add(document.findBlockByNumber(number))
    else:
        edit.createList(list_format_for(1, ordered=False))


def _leave_list(edit: QTextCursor, block: QTextBlock) -> None:
    text_list = block.textList()
    if text_list is None:
        return
    text_list.remove(block)
    edit.setPosition(block.position())
    block_format = edit.blockFormat()
    block_format.setIndent(0)  # QTextList.remove keeps the list's indent as the block's
    edit.setBlockFormat(block_format)


def indent(editor: QTextEdit) -> None:
    """Nest the selected bullets one level deeper (Tab). A bullet nests only under a bullet
    above it: Markdown has no sub-bullet without a parent."""
    _each_selected_bullet(editor, _indent_block)


def outdent(editor: QTextEdit) -> None:
    """Bring the selected bullets one level up (Shift+Tab); a top-level bullet becomes an
    ordinary paragraph."""
    _each_selected_bullet(editor, _outdent_block)


def _each_selected_bullet(editor: QTextEdit, change: Callable[[QTextCursor, int], None]) -> None:
    if editor.isReadOnly():
        return
    numbers = _selected_blocks(editor.textCursor())
    edit = QTextCursor(editor.document())
    edit.beginEditBlock()
    for number in numbers:
        if editor.document().findBlockByNumber(number).textList() is not None:
            change(edit, number)
    edit.endEditBlock()


def _indent_block(edit: QTextCursor, number: int) -> None:
    document = edit.document()
    block = document.findBlockByNumber(number)
    text_list = block.textList()
    depth, ordered = list_depth(text_list), is_ordered(text_list)
    target = depth + 1
    join: QTextList | None = None
    has_parent = False
    for above in _blocks_above(block):
        level = shown_depth(above)
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
        if list_depth(below.textList()) == target:
            join = below.textList()  # its former sub-bullets become its siblings
    if join is not None:
        join.add(block)
    else:
        edit.setPosition(block.position())
        edit.createList(list_format_for(target, ordered))


def _outdent_block(edit: QTextCursor, number: int) -> None:
    document = edit.document()
    block = document.findBlockByNumber(number)
    text_list = block.textList()
    depth, ordered = list_depth(text_list), is_ordered(text_list)
    if depth <= 1:
        _leave_list(edit, block)
        return
    target = depth - 1
    for above in _blocks_above(block):
        level = shown_depth(above)
        if level > target or (level == target and above.textList() is None):
            continue
        if level == target:
            above.textList().add(block)
            return
        break
    edit.setPosition(block.position())
    edit.createList(list_format_for(target, ordered))


# --- small helpers on blocks -------------------------------------------------------------


def _blocks_above(block: QTextBlock) -> Iterator[QTextBlock]:
    """The blocks above, nearest first, skipping empty paragraphs (they hold no words, so
    Markdown does not see them between two bullets); stops at a table."""
    above = block.previous()
    while above.isValid():
        if in_table(above):
            return
        if above.textList() is not None or above.text().strip():
            yield above
        above = above.previous()
