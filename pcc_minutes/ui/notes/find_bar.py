"""The find and replace bar: a slim strip under the notes, never a dialog over them.

It works on any ``QTextEdit`` it is given. Finding wraps round the end of the notes; a replace
all is one undo step. The app owns the standard shortcuts (QKeySequence.Find, .Replace,
.FindNext, .FindPrevious) and calls ``show_find``, ``show_replace``, ``find_next`` and
``find_previous``; inside the bar Enter finds the next match, Shift+Enter the previous one,
and Esc closes the bar and gives the focus back to the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

_COUNT_LIMIT = 999  # counting stops here: "999+ matches" is as useful as the exact number


class FindBar(QWidget):
    """Find, find again, replace and replace all in one editor."""

    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName("Find and replace")

        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("Find in notes")
        self.find_field.setAccessibleName("Find")
        self.find_field.setClearButtonEnabled(True)
        self.previous_button = QPushButton("Previous")
        self.previous_button.setToolTip("Find the previous match (Shift+Enter)")
        self.next_button = QPushButton("Next")
        self.next_button.setToolTip("Find the next match (Enter)")
        self.match_case = QCheckBox("Match case")
        self.status = QLabel()
        self.status.setAccessibleName("Matches")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close (Esc)")
        self.close_button.setAccessibleName("Close find bar")

        self.replace_field = QLineEdit()
        self.replace_field.setPlaceholderText("Replace with")
        self.replace_field.setAccessibleName("Replace with")
        self.replace_button = QPushButton("Replace")
        self.replace_all_button = QPushButton("Replace all")

        find_label = QLabel("Find:")
        find_label.setBuddy(self.find_field)
        self._replace_label = QLabel("Replace:")
        self._replace_label.setBuddy(self.replace_field)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_field, 0, 1)
        find_buttons = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, self.match_case, self.status):
            find_buttons.addWidget(widget)
        find_buttons.addStretch(1)
        find_buttons.addWidget(self.close_button)
        grid.addLayout(find_buttons, 0, 2)
        grid.addWidget(self._replace_label, 1, 0)
        grid.addWidget(self.replace_field, 1, 1)
        replace_buttons = QHBoxLayout()
        replace_buttons.addWidget(self.replace_button)
        replace_buttons.addWidget(self.replace_all_button)
        replace_buttons.addStretch(1)
        self._replace_row = [self._replace_label, self.replace_field]
        self._replace_buttons = [self.replace_button, self.replace_all_button]
        grid.addLayout(replace_buttons, 1, 2)
        # The fields take the room, and never less than a long word or two: a live meeting's
        # narrow centre column squeezed them to "CRs" behind the buttons.
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        wide = self.fontMetrics().horizontalAdvance("M") * 14
        for field in (self.find_field, self.replace_field):
            field.setMinimumWidth(wide)

        self.find_field.textEdited.connect(self._find_as_typed)
        self.match_case.toggled.connect(self._update_status)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.find_field.installEventFilter(self)
        self.replace_field.installEventFilter(self)
        self._set_replace_visible(False)
        self.hide()

    # --- showing and hiding --------------------------------------------------------------

    def show_find(self) -> None:
        """Open the bar for finding, seeded with the editor's selection when it is one line."""
        self._set_replace_visible(False)
        self._open()

    def show_replace(self) -> None:
        self._set_replace_visible(True)
        self._open()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def _open(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and "\u2028" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()
        self._update_status()

    def _set_replace_visible(self, visible: bool) -> None:
        for widget in self._replace_row + self._replace_buttons:
            widget.setVisible(visible)
        editable = not self.editor.isReadOnly()
        for widget in self._replace_buttons:
            widget.setEnabled(editable)

    # --- finding -------------------------------------------------------------------------

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _flags(self, *, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.match_case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, *, backward: bool, start: QTextCursor | None = None) -> bool:
        text = self.find_field.text()
        if not text:
            self._update_status()
            return False
        document = self.editor.document()
        flags = self._flags(backward=backward)
        found = document.find(text, start or self.editor.textCursor(), flags)
        if found.isNull():
            # Wrap round: from the top going forward, from the bottom going back.
            edge = QTextCursor(document)
            if backward:
                edge.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(text, edge, flags)
        if not found.isNull():
            self.editor.setTextCursor(found)
            self.editor.ensureCursorVisible()
        self._update_status()
        return not found.isNull()

    def _find_as_typed(self) -> None:
        # Search again from where the current match starts, so the match grows as one types.
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._find(backward=False, start=cursor)

    def _matches(self) -> list[int]:
        text = self.find_field.text()
        document = self.editor.document()
        starts: list[int] = []
        found = QTextCursor(document)
        while text and len(starts) <= _COUNT_LIMIT:
            found = document.find(text, found, self._flags())
            if found.isNull():
                break
            starts.append(found.selectionStart())
        return starts

    def _update_status(self) -> None:
        if not self.find_field.text():
            self.status.setText("")
            return
        starts = self._matches()
        if not starts:
            self.status.setText("No matches")
            return
        more = "+" if len(starts) > _COUNT_LIMIT else ""
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and cursor.selectionStart() in starts:
            number = starts.index(cursor.selectionStart()) + 1
            self.status.setText(f"{number} of {len(starts)}{more}")
        else:
            self.status.setText(f"{len(starts)}{more} matches" if len(starts) > 1 else "1 match")

    # --- replacing -----------------------------------------------------------------------

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        text = self.find_field.text()
        if self.match_case.isChecked():
            return selected == text
        return selected.casefold() == text.casefold()

    def replace(self) -> bool:
        """Replace the current match, then move to the next one. Returns whether it replaced."""
        if self.editor.isReadOnly() or not self.find_field.text():
            return False
        replaced = self._selection_matches()
        if replaced:
            cursor = self.editor.textCursor()
            cursor.insertText(self.replace_field.text())
            self.editor.setTextCursor(cursor)
        self.find_next()
        return replaced

    def replace_all(self) -> int:
        """Replace every match in the notes as one undo step; returns how many."""
        text = self.find_field.text()
        if self.editor.isReadOnly() or not text:
            return 0
        document = self.editor.document()
        replacement = self.replace_field.text()
        flags = self._flags()
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        found = document.find(text, QTextCursor(document), flags)
        while not found.isNull():
            found.insertText(replacement)  # leaves the cursor after the replacement
            count += 1
            found = document.find(text, found, flags)
        edit.endEditBlock()
        self.status.setText(f"Replaced {count}" if count else "No matches")
        return count

    # --- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.replace_field:
                    self.replace()
                elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        # Claim Esc before any window-wide shortcut bound to it, so it closes this bar.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)
