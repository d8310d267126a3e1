"""The opening paragraph in the header: the generated text greyed until the user types their own.

A meeting's opening is written from its date, chair and attendance (``core.opening``) until
the minute-taker edits it. The field shows that generated text in the placeholder colour with
the hint "Generated from the attendance — type to change"; typing turns it into the user's own
text, saved when they leave the field (``edited``); Regenerate (``regenerate``) goes back to the
generated text. Both are stored by the header through ``update_meeting``, so each is one undo
step. Esc puts back what the field showed before typing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

GENERATED_HINT = "Generated from the attendance — type to change"
EDITED_HINT = "Edited — Regenerate writes it from the attendance"
TYPING_HINT = "Edited — kept when you leave the field; Esc puts it back"
LINES = 3  # the paragraph's height in lines; longer ones scroll
SHORT_SCREEN = 700  # logical pixels: below this (1080p at 200% is 540) the field has 2 lines


def flat(text: str) -> str:
    """Text compared as words: every run of whitespace one space, none at the ends."""
    return " ".join(text.split())


class OpeningEdit(QPlainTextEdit):
    """The paragraph itself: ``finished`` when the user leaves it, ``cancelled`` on Esc."""

    finished = Signal()
    cancelled = Signal()

    def fit_lines(self) -> None:
        """``LINES`` lines high (one fewer on a short screen, so the notes keep the room), in
        the font it is drawn in (known once it is shown)."""
        screen = self.screen()
        short = screen is not None and screen.availableGeometry().height() < SHORT_SCREEN
        lines = self.fontMetrics().lineSpacing() * (LINES - 1 if short else LINES)
        margin = self.document().documentMargin()
        self.setFixedHeight(int(lines + 2 * margin + 2 * self.frameWidth()))

    def showEvent(self, event: QShowEvent) -> None:
        self.fit_lines()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_lines()
        super().changeEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu is no leaving
            self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.isReadOnly():
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class OpeningField(QWidget):
    """The opening paragraph, its hint and the Regenerate button."""

    edited = Signal(str)  # the user's text, to store ("" = go back to the generated text)
    regenerate = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._generated = True
        self._shown = ""  # the text last put in the field (the stored or generated opening)
        self._setting = False
        self._typed = False
        self._doubts = ""

        self.edit = OpeningEdit()
        self.edit.setAccessibleName("Opening paragraph")
        self.edit.setTabChangesFocus(True)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.edit.fit_lines()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        small = self.hint.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        self.hint.setFont(small)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.regenerate_button = QPushButton("Re&generate")
        self.regenerate_button.setAccessibleName("Regenerate opening paragraph")
        self.regenerate_button.setToolTip(
            "Write the opening from the date, chair and attendance again (Undo brings your "
            "text back)"
        )
        self.regenerate_button.clicked.connect(self.regenerate)

        under = QHBoxLayout()
        under.setContentsMargins(0, 0, 0, 0)
        under.addWidget(self.hint, 1)
        under.addWidget(self.regenerate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addLayout(under)
        self.setFocusProxy(self.edit)

        self.edit.textChanged.connect(self._typing)
        self.edit.finished.connect(self._finished)
        self.edit.cancelled.connect(self._cancel)
        self._style()

    # --- what is shown -------------------------------------------------------------------

    def show_opening(
        self, text: str, generated: bool, doubts: str = "", *, keep_typing: bool = True
    ) -> None:
        """Show the meeting's opening; ``generated`` when it is written from the attendance;
        ``doubts`` what an edited one may have got wrong (``core.opening.opening_doubts``).
        While the user is typing in the field (and ``keep_typing``), their text stays."""
        self._doubts = doubts
        if keep_typing and self._typed and self.edit.hasFocus():
            self._generated = generated
            return
        self._generated = generated
        self._typed = False
        if self.edit.toPlainText() != text.rstrip("\n"):
            self._put(text.rstrip("\n"))
        self._shown = text.rstrip("\n")
        self._style()

    def is_generated(self) -> bool:
        """Whether the field shows the generated text, untouched."""
        return self._generated and not self._typed

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self._style()

    def _put(self, text: str) -> None:
        self._setting = True
        try:
            self.edit.setPlainText(text)
        finally:
            self._setting = False

    def _style(self) -> None:
        """Greyed and hinted while generated; the ordinary text colour once it is the user's."""
        greyed = self.is_generated()
        palette = self.edit.palette()
        normal = self.palette().color(QPalette.ColorRole.Text)
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.Text, grey if greyed else normal)
        self.edit.setPalette(palette)
        if self._typed:
            hint = TYPING_HINT
        elif self._generated:
            hint = GENERATED_HINT
        elif self._doubts:  # "Edited — it names Andy Prophet, who sent apologies."
            hint = f"Edited — {self._doubts[:1].lower()}{self._doubts[1:]}"
        else:
            hint = EDITED_HINT
        self.hint.setText(hint)
        doubtful = bool(self._doubts) and not self._generated and not self._typed
        self.hint.setForegroundRole(
            QPalette.ColorRole.Text if doubtful else QPalette.ColorRole.PlaceholderText
        )
        self.edit.setAccessibleDescription(hint)
        self.regenerate_button.setEnabled(
            not self.edit.isReadOnly() and (not self._generated or self._typed)
        )

    # --- typing --------------------------------------------------------------------------

    def _typing(self) -> None:
        if self._setting or self.edit.isReadOnly():
            return
        typed = flat(self.edit.toPlainText()) != flat(self._shown)
        if typed != self._typed:
            self._typed = typed
            self._style()

    def _cancel(self) -> None:
        self._typed = False
        self._put(self._shown)
        self._style()

    def _finished(self) -> None:
        """Leaving the field: a changed text is offered to be stored; an emptied field means
        "written from the attendance" again."""
        if not self._typed or self.edit.isReadOnly():
            return
        text = self.edit.toPlainText().strip()
        self.edited.emit(text + "\n" if text else "")
