"""What the keys do in the notes, beyond plain typing.

Enter continues a bullet, and on an empty bullet moves it up a level or ends the list; Enter
at the end of a sub-heading starts ordinary text; Tab and Shift+Tab indent and outdent bullets
(and do nothing else, so a stray Tab never leaves the notes); Ctrl+Tab and Ctrl+Shift+Tab move
the focus on; Ctrl+B, Ctrl+I, Ctrl+Alt+2 and Ctrl+Shift+8 run the ``formatting`` commands; and
typing "- " or "* " into an empty paragraph starts a bullet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QTextEdit

from pcc_minutes.ui.notes import formatting
from pcc_minutes.ui.notes.formats import char_format_for, in_table


def handle_key(editor: QTextEdit, event: QKeyEvent) -> bool:
    """Do what ``event``'s key means in the notes, if it means anything here; True if done."""
    key = event.key()
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    none = Qt.KeyboardModifier.NoModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    alt = Qt.KeyboardModifier.AltModifier
    if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & ctrl:
        # The way out of the notes from the keyboard (no keyboard trap, WCAG 2.1.2).
        forward = key == Qt.Key.Key_Tab and not mods & shift
        QAbstractScrollArea.focusNextPrevChild(editor, forward)
        return True
    if key == Qt.Key.Key_Tab and mods == none:
        # Outside a list Tab does nothing and keeps the focus: a stray Tab in a live
        # meeting must neither put a tab character in the minutes nor move the cursor away.
        formatting.indent(editor)
        return True
    if key == Qt.Key.Key_Backtab and mods in (none, shift):
        formatting.outdent(editor)
        return True
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == none:
        return _enter(editor)
    if mods == ctrl and key == Qt.Key.Key_B:
        formatting.toggle_emphasis(editor, bold=True)
        return True
    if mods == ctrl and key == Qt.Key.Key_I:
        formatting.toggle_emphasis(editor, bold=False)
        return True
    if mods == ctrl | alt and key == Qt.Key.Key_2:
        formatting.toggle_sub_heading(editor)
        return True
    if mods == ctrl | shift and key in (Qt.Key.Key_8, Qt.Key.Key_Asterisk):
        formatting.toggle_bullets(editor)
        return True
    return False


def _enter(editor: QTextEdit) -> bool:
    cursor = editor.textCursor()
    if cursor.hasSelection():
        return False
    block = cursor.block()
    if block.textList() is not None and not block.text().strip():
        # Enter on an empty bullet: up a level, or out of the list at the top level.
        formatting.outdent(editor)
        return True
    block_format = block.blockFormat()
    if block_format.headingLevel() > 0 and cursor.atBlockEnd():
        # After a sub-heading comes ordinary text, as in Word.
        paragraph = QTextBlockFormat()
        paragraph.setIndent(block_format.indent())
        cursor.insertBlock(paragraph, char_format_for(0))
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        return True
    return False


def autoformat_bullet(editor: QTextEdit) -> None:
    """Typing "- " or "* " into an empty paragraph starts a bullet list. It is a separate
    undo step, so Ctrl+Z gives back the typed "- " as in Word."""
    cursor = editor.textCursor()
    block = cursor.block()
    if (
        block.textList() is not None
        or block.blockFormat().headingLevel() > 0
        or block.text() not in ("- ", "* ")
        or cursor.positionInBlock() != 2
        or in_table(block)
    ):
        return
    cursor.beginEditBlock()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    formatting.make_bullet(cursor, block.blockNumber())
    cursor.endEditBlock()
    editor.setTextCursor(cursor)
