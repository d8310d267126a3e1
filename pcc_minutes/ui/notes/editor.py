"""The notes editor: the WYSIWYG text box in which the minute-taker types an item's notes live.

``NotesEditor`` owns the widget's side of the notes: loading and saving them as CommonMark,
one document per agenda item (``setDocument``), a snapshot for saving off the typing thread,
read-only and focus-mode text size, the spelling underline and menu, paste that keeps
structure but drops fonts and colours, and what quick capture pre-fills. What the keys do is
``keys``; the formatting commands are ``formatting``; the conversion is ``convert`` and
``builder``.

The conversion goes through the documents layer's blocks, never through Qt's own Markdown
writer: ``markdown()`` walks the QTextDocument into ``documents.tree`` blocks and writes them
with ``to_markdown``; ``set_markdown()`` reads with ``from_markdown`` and builds the document
from those blocks. What the editor saves is therefore exactly what every exporter reads, and a
note written by ``to_markdown`` comes back character for character. Empty paragraphs,
headings and bullets carry no words and are not written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShowEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import Block, plain_text
from pcc_minutes.ui.notes import formatting, keys
from pcc_minutes.ui.notes.builder import Builder
from pcc_minutes.ui.notes.convert import (
    Line,
    blocks_from_lines,
    html_document,
    lines_from_blocks,
    lines_from_document,
    lines_from_plain_text,
    markdown_of,
)
from pcc_minutes.ui.notes.formats import LINE_SEPARATOR

if TYPE_CHECKING:  # spelling is imported once a checker is set (after the first paint)
    from pcc_minutes.ui.notes.spelling import SpellChecker, SpellingHighlighter

_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9£])")

DESCRIPTION = (
    "Notes for the current agenda item. Type “- ” to start a bullet; Enter continues it and "
    "Enter on an empty bullet ends the list; Tab and Shift+Tab indent and outdent a bullet; "
    "Ctrl+Alt+2 makes a sub-heading; Ctrl+B bold, Ctrl+I italic. Tab outside a list does "
    "nothing; Ctrl+Tab and Ctrl+Shift+Tab move to the next or previous control."
)


class NotesEditor(QTextEdit):
    """The notes of one agenda item, typed like a word processor and saved as CommonMark."""

    content_changed = Signal()  # every edit by the user (typing, formatting, paste, undo)
    typing_refused = Signal()  # a key that would change read-only notes (approved minutes)

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
        self._checker: SpellChecker | None = None
        self.undo_elsewhere = False  # the window sets this: see ``event``
        self._typing = False  # the last cursor move was a typed character
        self._read_only_look = False  # the viewport starts on the Base role (Qt's default)
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
            builder = Builder(cursor, reuse_block=True)
            for line in lines_from_blocks(from_markdown(text)):
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
        super().setDocument(document)
        document.contentsChange.connect(self.content_changed)
        # Each document keeps its own highlighter (a child of the document): coming back to
        # an item does not check all its words again, which costs milliseconds per step.
        # Without a checker there is none to keep.
        kept = None
        if self._checker is not None:
            from pcc_minutes.ui.notes.spelling import SpellingHighlighter

            kept = document.findChild(SpellingHighlighter)
        if kept is not None and kept.checker is self._checker:
            self._highlighter = kept
        else:
            self._highlighter = None
            self.set_spell_checker(self._checker)

    def markdown(self) -> str:
        """The notes as CommonMark (``to_markdown`` of the blocks); "" when there are none."""
        return markdown_of(self.document())

    def snapshot(self) -> Callable[[], str]:
        """The notes as they are now, for another thread: a copy of the document is taken
        here (about a millisecond for 20,000 words) and the returned function turns that copy
        into CommonMark wherever it is called, off the typing thread."""
        copy = self.document().clone()
        return lambda: markdown_of(copy)

    def blocks(self) -> list[Block]:
        """The notes as ``documents.tree`` blocks."""
        return blocks_from_lines(lines_from_document(self.document()))

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)
        if self.isVisible():  # else when shown (showEvent), with the state it has by then
            self._show_read_only_look()
        if read_only:
            # Approved minutes stay navigable and selectable from the keyboard (screen readers).
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )

    def _show_read_only_look(self) -> None:
        """Read-only notes look it: the window's background colour behind them, in either
        theme. Only when the look changes: the first ``viewport()`` makes PySide create the
        Python type of every widget class (15 ms), which a start on a draft meeting need not
        wait for."""
        read_only = self.isReadOnly()
        if read_only != self._read_only_look:
            self._read_only_look = read_only
            self.viewport().setBackgroundRole(
                QPalette.ColorRole.Window if read_only else QPalette.ColorRole.Base
            )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._show_read_only_look()
        super().showEvent(event)

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
        self._checker = checker
        if self._highlighter is not None:
            self._highlighter.setDocument(None)
            self._highlighter.deleteLater()
            self._highlighter = None
        if checker is not None:
            from pcc_minutes.ui.notes.spelling import SpellingHighlighter

            self._highlighter = SpellingHighlighter(
                self.document(), checker, typing_position=self._typing_position
            )

    @property
    def spell_checker(self) -> SpellChecker | None:
        return self._checker

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
            from pcc_minutes.ui.notes.spelling import add_spelling_actions

            add_spelling_actions(menu, self._highlighter, cursor)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- keys ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # In the window, Ctrl+Z and Ctrl+Shift+Z go to Edit ▸ Undo/Redo, which take back the
        # newer of the typing and the meeting's last edit; on its own the editor keeps them.
        if (
            self.undo_elsewhere
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _alt_letter(event):
            # Alt+letter is a field's or a menu's mnemonic, never text: when no shortcut takes
            # it (its field hidden in live mode), Qt would type the letter into the minutes.
            event.ignore()
            return
        if self.isReadOnly():
            if _would_edit(event):  # say why nothing happens, rather than ignore the key
                self.typing_refused.emit()
            super().keyPressEvent(event)
            return
        if keys.handle_key(self, event):
            event.accept()
            return
        text = event.text()
        self._typing = bool(text) and (text[0].isalnum() or text[0] in "'’-")
        super().keyPressEvent(event)
        if text == " ":
            keys.autoformat_bullet(self)

    # --- formatting commands -------------------------------------------------------------

    def toggle_bold(self) -> None:
        formatting.toggle_emphasis(self, bold=True)

    def toggle_italic(self) -> None:
        formatting.toggle_emphasis(self, bold=False)

    def toggle_sub_heading(self) -> None:
        """Make the selected paragraphs sub-headings, or, when they all are, ordinary text."""
        formatting.toggle_sub_heading(self)

    def toggle_bullets(self) -> None:
        """Make the selected paragraphs bullets, or, when they all are, ordinary text."""
        formatting.toggle_bullets(self)

    def indent(self) -> None:
        """Nest the selected bullets one level deeper (Tab). A bullet nests only under a bullet
        above it: Markdown has no sub-bullet without a parent."""
        formatting.indent(self)

    def outdent(self) -> None:
        """Bring the selected bullets one level up (Shift+Tab); a top-level bullet becomes an
        ordinary paragraph."""
        formatting.outdent(self)

    # --- paste ---------------------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste keeps paragraphs, sub-headings, bullets, bold, italic and tables, and drops
        everything else (fonts, sizes, colours, images, links' targets): pasted text then looks
        and saves like typed text. Word's HTML bullets (glyph paragraphs) become real bullets;
        plain-text "- " lines become bullets too."""
        if source.hasHtml():
            lines = lines_from_document(html_document(source.html()), pasted=True)
            self._insert_lines(lines, plain=False)
        elif source.hasText():
            self._insert_lines(lines_from_plain_text(source.text()), plain=True)

    def _insert_lines(self, lines: list[Line], *, plain: bool) -> None:
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
        builder = Builder(cursor, reuse_block=False)
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

    def paragraph_at_cursor(self) -> str:
        """The whole paragraph or bullet under the cursor (a figure's target is often said in
        the sentence after it); on an empty line, the one above."""
        block = self.textCursor().block()
        while block.isValid() and not block.text().strip():
            block = block.previous()
        return block.text().replace(LINE_SEPARATOR, " ").strip() if block.isValid() else ""

    def sentence_at_cursor(self) -> str:
        """What quick capture pre-fills: the selection, else the sentence under the cursor (in
        a bullet too: a bullet often holds a finding and then a commitment); on an empty line,
        the last sentence above it."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return " ".join(cursor.selectedText().replace(LINE_SEPARATOR, " ").split())
        block = cursor.block()
        position = cursor.positionInBlock()
        while block.isValid() and not block.text().strip():
            block = block.previous()
            position = len(block.text()) if block.isValid() else 0
        if not block.isValid():
            return ""
        text = block.text().replace(LINE_SEPARATOR, " ")
        starts = [0] + [match.end() for match in _SENTENCE_BREAK.finditer(text)]
        start = max(s for s in starts if s <= position)
        end = next((s for s in starts if s > start), len(text))
        return text[start:end].strip()


def _alt_letter(event: QKeyEvent) -> bool:
    """Alt (without Ctrl: Ctrl+Alt is AltGr on Windows, which types € and the like) with a
    key that has text."""
    modifiers = event.modifiers()
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    return alt and not ctrl and bool(event.text()) and event.text().isprintable()


def _would_edit(event: QKeyEvent) -> bool:
    """Whether a key would change the text were the notes editable: a character typed, or
    Enter, Backspace, Delete or Tab (not a move, a selection or a shortcut)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
    if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
        return False
    editing = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
    if event.key() in (*editing, Qt.Key.Key_Tab):
        return True
    text = event.text()
    return bool(text) and text.isprintable()
