"""The header's own fields: dates and times that may be blank, the chair's name offering the
attendees, and a label that elides instead of widening the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)


class _Blankable:
    """A date or time field that may be blank (shown as its special text at its minimum).

    Typing straight over the special text garbles it ("--:--1030"), so entering a blank field
    first fills in a sensible value to type over; leaving without touching it blanks it again,
    so merely passing through never stores a made-up time.
    """

    suggest: Callable[[], Any] = staticmethod(lambda: None)
    _filled = False
    _touched = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        edit: Any = self
        if edit.dateTime() == edit.minimumDateTime() and not edit.isReadOnly():
            value = self.suggest()
            if value is not None:
                if isinstance(value, QDate):
                    edit.setDate(value)
                else:
                    edit.setTime(value)
                self._filled, self._touched = True, False
        super().focusInEvent(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._touched = True
        super().keyPressEvent(event)  # type: ignore[misc]

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._touched = True
        super().wheelEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:
        edit: Any = self
        if self._filled and not self._touched:
            edit.setDateTime(edit.minimumDateTime())
        self._filled = False
        super().focusOutEvent(event)  # type: ignore[misc]


class OptionalDateEdit(_Blankable, QDateEdit):
    """A date that may be blank ("No date")."""


class OptionalTimeEdit(_Blankable, QTimeEdit):
    """A time that may be blank ("--:--")."""


class ChairEdit(QLineEdit):
    """The chair's name: typing completes an attendee's name in place; Down lists them all."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.names = QCompleter([], self)
        self.names.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.names.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.names.activated.connect(self._chosen)
        self.setCompleter(self.names)

    def set_names(self, names: list[str]) -> None:
        model: Any = self.names.model()
        model.setStringList(names)
        self._longest = max(names, key=len, default="")
        self.updateGeometry()

    _longest = ""

    def sizeHint(self) -> QSize:
        """Wide enough for the longest attendee's name, so the name is shown whole and the
        chair's role beside it has the rest of the row."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = max(self.text(), self._longest, key=len)
        width = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance("M" * 10)) + 24
        return QSize(width, hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        listing = self.names.completionMode() != QCompleter.CompletionMode.InlineCompletion
        if event.key() == Qt.Key.Key_Down and not self.isReadOnly() and not listing:
            self.names.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            self.names.setCompletionPrefix("")
            self.names.complete()
            self.names.popup().installEventFilter(self)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.names.popup() and event.type() == event.Type.Hide:
            self.names.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        return super().eventFilter(watched, event)

    def _chosen(self, name: str) -> None:
        self.setText(name)
        self.editingFinished.emit()


class ElidedLabel(QLabel):
    """One line that ends in "…" when the pane is too narrow, instead of widening the
    window; the full text stays the label's text for a screen reader and its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)
