"""The header's own fields: dates typed whole and dates and times that may be blank, the
chair's name offering the attendees, and a label that elides instead of widening the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTime
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QValidator,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)

from pcc_minutes.text.date_entry import long_date, parts_typed, read_typed_date


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


def _warning_palette(palette: QPalette) -> QPalette:
    """Red text that reads on a light or a dark window."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#b3261e"))
    return palette


class WholeDateEdit(QDateEdit):
    """A date that may be typed whole, as a minute-taker writes it ("11 September 2025",
    "11 Sep 2025", "11/09/2025", "2025-09-11", "11 September" in the date's own year), or a
    month's name typed over the month; shown back as "11 September 2025". Sections, arrows
    and the calendar work as in any date field.

    A text that is no real date (31 February) keeps the date it had and says why in
    ``problem``, a label for the form to show under the field; nothing is stored.
    """

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.setDisplayFormat("d MMMM yyyy")
        # The date is taken when typing is finished, not at each keystroke ("11/09/20" is on
        # its way to 2025, not a date of 2020 to announce).
        self.setKeyboardTracking(False)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Date problem")
        self.problem.setPalette(_warning_palette(self.problem.palette()))
        self.problem.hide()
        self._refused_at = QDate()  # the date kept when a typed one was refused
        # Another date (chosen, stepped or another meeting's) ends the message; the same
        # date, put back after the refusal, keeps it.
        self.dateChanged.connect(lambda shown: shown == self._refused_at or self._clear_problem())

    _fresh = False  # entered and not yet typed in or moved about

    def _blank(self) -> bool:
        return bool(self.specialValueText()) and self.date() == self.minimumDate()

    def _read(self, text: str) -> Any:
        if text.strip().lower() == self.specialValueText().strip().lower():
            return None
        around = QDate.currentDate() if self._blank() else self.date()
        return read_typed_date(text, around=around.toPython())

    def _free(self) -> bool:
        """Whether the text is typed freely rather than the date as shown."""
        shown = "" if self._blank() else self.textFromDateTime(self.dateTime())
        return self.lineEdit().text() not in (shown, self.specialValueText() or shown)

    def _in_range(self, value: Any) -> bool:
        return self.minimumDate() <= QDate(value) <= self.maximumDate()

    def validate(self, text: str, pos: int) -> Any:
        typed = self._read(text)
        if typed is None:  # blank or "No date": the field's own rules
            return super().validate(text, pos)
        if typed.value is not None and self._in_range(typed.value):
            return (QValidator.State.Acceptable, text, pos)
        # Anything else may still be on its way to a date; it is refused, with the reason,
        # only when typing is finished (never turned into another date, as 31 February was).
        return (QValidator.State.Intermediate, text, pos)

    def fixup(self, text: str) -> str:
        return text if self._read(text) is not None else super().fixup(text)

    def dateTimeFromText(self, text: str) -> QDateTime:
        typed = self._read(text)
        if typed is not None and typed.value is not None and self._in_range(typed.value):
            return QDateTime(QDate(typed.value), QTime(0, 0))
        return super().dateTimeFromText(text)

    def _check_typed(self, leaving: bool = False) -> None:
        """Before the field takes its text: say why a text that is no date is refused. The
        message stays until a date is taken, or the field is left again untyped in."""
        text = self.lineEdit().text()
        if not self._free():
            if leaving:
                self._clear_problem()
            return
        typed = self._read(text)
        if typed is None or (typed.value is not None and self._in_range(typed.value)):
            self._clear_problem()
            return
        reason = typed.problem
        if typed.value is not None:
            lowest = self.minimumDate().addDays(1 if self.specialValueText() else 0)
            low, high = (long_date(d.toPython()) for d in (lowest, self.maximumDate()))
            reason = f"Type a date between {low} and {high}."
        kept = self._kept()
        blank = bool(self.specialValueText()) and kept == self.minimumDate()
        shown = "no date" if blank else long_date(kept.toPython())
        self.problem.setText(f"{reason[:-1]}; the date is still {shown}.")
        self.problem.show()
        self._refused_at = kept

    def _kept(self) -> QDate:
        """The date a refused text leaves the field with."""
        return self.date()

    def _clear_problem(self) -> None:
        self._refused_at = QDate()
        self.problem.clear()
        self.problem.hide()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Entered by keyboard (a click puts the cursor where the user wants to type).
        self._fresh = event.reason() != Qt.FocusReason.MouseFocusReason

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check_typed()
        elif plain and text and text.isprintable() and not self.isReadOnly():
            # Typed text goes in as typed: the date field's own section rules would take a
            # space or a letter for a jump to the next part and lose what follows.
            line = self.lineEdit()
            if self._fresh:
                line.selectAll()  # typing on entering the field starts a whole new date
            self._fresh = False
            line.insert(text)
            return
        self._fresh = False
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab after a typed day (or day and month) takes it and moves on to the next part,
        as Tab moves between the parts of a date shown; after a whole date, to the next
        field."""
        if not (self.hasFocus() and self._free()):
            return super().focusNextPrevChild(next)
        line = self.lineEdit()
        parts = parts_typed(line.text()[: line.cursorPosition()])  # the parts up to the cursor
        self._check_typed()
        self.interpretText()
        if next and parts < 3 and not self.problem.isVisible():
            sections = (QDateTimeEdit.Section.MonthSection, QDateTimeEdit.Section.YearSection)
            self.setSelectedSection(sections[max(parts, 1) - 1])
            return True
        self._checked = True  # judged just now: leaving must not clear what it said
        try:
            return QAbstractSpinBox.focusNextPrevChild(self, next)
        finally:
            self._checked = False

    _checked = False  # the text was judged already on this way out

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if not self._checked:
            self._check_typed(leaving=True)
        super().focusOutEvent(event)


class OptionalDateEdit(_Blankable, WholeDateEdit):
    """A date that may be blank ("No date"); a refused date typed into a blank one leaves it
    blank (not the date offered to type over)."""

    def _kept(self) -> QDate:
        return self.minimumDate() if self._filled else self.date()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        checked = self._checked
        if not checked:
            self._check_typed(leaving=True)
        if self._filled and self.problem.isVisible():
            self._touched = False  # blank again on leaving, as if never typed in
        self._checked = True
        try:
            super().focusOutEvent(event)
        finally:
            self._checked = checked


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
