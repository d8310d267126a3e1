"""Quick capture: the two small inline forms that record an action or a figure mid-meeting.

The window places ``QuickActionForm`` and ``QuickFigureForm`` beside the notes editor (never
as modal dialogs, so the meeting stays in view) and calls ``open_for(item_id, sentence)`` with
the sentence under the cursor. The form guesses what it can from that sentence, puts the
focus in its first field and waits:

- **Enter** in any field saves through one editing operation (``editing.add_action`` or
  ``editing.add_metric``), then emits ``saved`` and ``closed`` and hides.
- **Esc** hides the form with nothing saved and emits ``closed``; the window then returns the
  focus to the notes, so not a word of them is touched either way.
- A problem (no text, a number that is not one, a locked meeting) is shown as one red
  sentence inside the form, which stays open with everything typed kept.

The guessing and parsing are plain functions in ``text.capture`` (``guess_owner``,
``guess_due``, ``parse_due``, ``parse_values``, ``parse_periods``, ``parse_target``).

Decisions worth knowing:

- A month without a day ("by September 2025") is taken as the **last** day of that month:
  a commitment "by September" is kept if it is met on 30 September.
- Values are separated by an arrow (``->``, ``→``, ``=>``), a semicolon, or a comma that is
  not a thousands separator: "80 -> 92-93", "80, 92~93" and "1,200 → 800" all read as two
  values. A dash or "to" between two numbers makes a range; ``~``, "approx" or "c." before a
  value, or ``~`` between two numbers ("92~93"), makes it approximate; "over", "under",
  "at least", "at most" (or ``>``, ``<``, ``>=``, ``<=``) before it make it a bound.
- A unit sign typed with the values ("80% -> 92%", "£1.2m", "5x") wins over the unit list,
  which is updated to show it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError, UserInputError
from pcc_minutes.core.records import FigurePoint
from pcc_minutes.documents.layout import format_date, format_number
from pcc_minutes.documents.markdown import markdown_plain_text
from pcc_minutes.store.database import Store
from pcc_minutes.text.capture import (
    action_text,
    format_values,
    guess_due,
    guess_owner,
    parse_due,
    parse_periods,
    parse_target,
    parse_values,
)
from pcc_minutes.text.parsing import KNOWN_ROLES
from pcc_minutes.ui.session import Session


def _plain(sentence: str) -> str:
    """The sentence as words: Markdown bullets and emphasis from the notes taken off."""
    return " ".join(markdown_plain_text(sentence).split())


# --- the forms -----------------------------------------------------------------------------

_ERROR_STYLE = "color: #b3261e; font-weight: 600;"  # dark red: 6:1 contrast on white (WCAG AA)
_SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _InlineForm(QFrame):
    """What both forms share: a title, fields, Save/Cancel, one red error line, the keys."""

    saved = Signal()
    closed = Signal()

    def __init__(
        self, store: Store | Session, title: str, description: str, parent: QWidget | None
    ):
        super().__init__(parent)
        self.session = Session.of(store)
        self.store = self.session.store
        self.item_id: int | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self._description = description
        self.setAccessibleDescription(description)
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setAccessibleName(title)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # the sentence may quote "<"
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem")
        self.error_label.hide()
        self.save_button = QPushButton("Save (Enter)")
        self.save_button.setAccessibleName("Save")
        self.save_button.setAccessibleDescription("Store it and return to the notes.")
        self.cancel_button = QPushButton("Cancel (Esc)")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAccessibleDescription("Return to the notes with nothing stored.")
        # Outside a dialog a button ignores Enter, which would then reach the form and save:
        # auto-default makes Enter on "Cancel" cancel.
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(self.row)
        layout.addWidget(self.error_label)
        self.hide()

    # subclasses fill these in
    def fields(self) -> list[QWidget]:
        raise NotImplementedError

    def _prefill(self, sentence: str) -> None:
        raise NotImplementedError

    def _store(self, item_id: int) -> None:
        raise NotImplementedError

    def _add_field(
        self, label: str, field: QWidget, description: str, stretch: int, *, own_line: bool = False
    ) -> None:
        caption = QLabel(label)
        caption.setBuddy(field)
        field.setAccessibleName(label.rstrip(":"))
        field.setAccessibleDescription(description)
        if own_line:  # a sentence-long field gets the whole width, above the others
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(caption)
            line.addWidget(field, 1)
            outer = self.layout()
            outer.insertLayout(outer.indexOf(self.title) + 1, line)
            return
        self.row.addWidget(caption)
        self.row.addWidget(field, stretch)

    def _finish_row(self) -> None:
        self.row.addWidget(self.save_button)
        self.row.addWidget(self.cancel_button)
        chain = [*self.fields(), self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in chain:
            widget.installEventFilter(self)

    # --- opening, saving, closing -----------------------------------------------------

    def open_for(self, item_id: int, sentence: str, day: date | None = None) -> None:
        """Show the form for agenda item ``item_id``, pre-filled from ``sentence`` (``day``:
        the meeting's, from which "in six months" is counted)."""
        self.item_id = item_id
        self.meeting_day = day
        self.show_error("")
        self._prefill(sentence)
        self.show()
        first = self.fields()[0]
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(first, QLineEdit):
            first.end(False)

    def save(self) -> bool:
        """Store what the form holds; on a problem, say it inline and stay open."""
        if self.item_id is None:
            self.show_error("Choose an agenda item first, then add to it.")
            return False
        try:
            self._store(self.item_id)
        except PccError as problem:
            self.show_error(str(problem))
            return False
        self.show_error("")
        self.hide()
        self.saved.emit()
        self.closed.emit()
        return True

    def cancel(self) -> None:
        """Close with nothing stored."""
        self.show_error("")
        self.hide()
        self.closed.emit()

    def show_error(self, sentence: str) -> None:
        self.error_label.setText(sentence)
        self.error_label.setVisible(bool(sentence))
        # The focus stays in a field, so a screen reader learns of the problem through the
        # form's description rather than by visiting the red line.
        self.error_label.setAccessibleName(f"Problem: {sentence}" if sentence else "Problem")
        self.setAccessibleDescription(sentence or self._description)

    @property
    def error_text(self) -> str:
        return self.error_label.text()

    # --- keys -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or _popup_open(watched):
            return super().eventFilter(watched, event)  # Enter/Esc belong to an open list
        # On a button Enter presses that button (auto-default); only Esc is the form's.
        keys = (Qt.Key.Key_Escape,)
        if not isinstance(watched, QPushButton):
            keys += _SUBMIT_KEYS
        if event.key() not in keys:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Claim plain Enter and Esc before a window shortcut bound to them (Esc to leave
            # focus mode, say) takes them from the form; Ctrl+Shift+Enter stays the window's.
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain:
                event.accept()
                return True
        elif event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
            else:
                self.save()
            return True
        return super().eventFilter(watched, event)


def _popup_open(widget: QObject) -> bool:
    # Completers here complete inline (no popup), so only a combo box's list can be open.
    return isinstance(widget, QComboBox) and widget.view().isVisible()


class QuickActionForm(_InlineForm):
    """Record an action: what is to be done, by whom, by when."""

    def __init__(self, store: Store | Session, parent: QWidget | None = None):
        super().__init__(
            store,
            "New action",
            "Enter stores the action; Esc returns to the notes with nothing stored.",
            parent,
        )
        self.text_edit = QLineEdit()
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText("e.g. Chief Constable")
        owners = QCompleter(sorted({*KNOWN_ROLES, "OPCC"}), self.owner_edit)
        owners.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Inline completion: a popup would take Enter, costing a keystroke in a live meeting.
        owners.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.owner_edit.setCompleter(owners)
        self.due_edit = QLineEdit()
        self.due_edit.setPlaceholderText("e.g. 30 September 2025")
        self._add_field("Action:", self.text_edit, "What is to be done.", 4, own_line=True)
        self._add_field("Owner:", self.owner_edit, "Who will do it.", 3)
        self._add_field(
            "Due:", self.due_edit, "A date, or a month meaning its last day; may be empty.", 2
        )
        self._finish_row()

    def fields(self) -> list[QWidget]:
        return [self.text_edit, self.owner_edit, self.due_edit]

    def _prefill(self, sentence: str) -> None:
        text = _plain(sentence)
        self.text_edit.setText(action_text(text))
        self.owner_edit.setText(guess_owner(text))
        due = guess_due(text, getattr(self, "meeting_day", None) or date.today())
        self.due_edit.setText(format_date(due) if due else "")

    def _store(self, item_id: int) -> None:
        try:
            due = parse_due(self.due_edit.text())
        except PccError:
            self.due_edit.setFocus()
            raise
        if not self.text_edit.text().strip():
            self.text_edit.setFocus()
        self.session.record(
            ops.add_action(self.store, item_id, self.text_edit.text(), self.owner_edit.text(), due)
        )


class QuickDecisionForm(_InlineForm):
    """Record a decision: what the meeting decided, in one sentence."""

    def __init__(self, store: Store | Session, parent: QWidget | None = None):
        super().__init__(
            store,
            "New decision",
            "Enter stores the decision; Esc returns to the notes with nothing stored.",
            parent,
        )
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("e.g. The panel agreed to review the figures quarterly")
        self._add_field("Decision:", self.text_edit, "What the meeting decided.", 6)
        self._finish_row()

    def fields(self) -> list[QWidget]:
        return [self.text_edit]

    def _prefill(self, sentence: str) -> None:
        text = _plain(sentence)
        lead = "decision:"
        at = text.casefold().rfind(lead)  # 'Decision: …' said at the start or within a bullet
        if at >= 0:
            text = text[at + len(lead) :].strip()
            text = text[:1].upper() + text[1:]  # a sentence of its own in the register
        self.text_edit.setText(text)

    def _store(self, item_id: int) -> None:
        self.session.record(ops.add_decision(self.store, item_id, self.text_edit.text()))


class QuickFigureForm(_InlineForm):
    """Record a figure: a label, one or more values (with periods), a unit and a target."""

    UNITS = (("%", "%"), ("count", "count"), ("ratio (times)", "ratio"), ("£", "£"))

    def __init__(self, store: Store | Session, parent: QWidget | None = None):
        super().__init__(
            store,
            "New figure",
            "Enter stores the figure; Esc returns to the notes with nothing stored.",
            parent,
        )
        self._source_text = ""
        self.label_edit = QLineEdit()
        self.values_edit = QLineEdit()
        self.values_edit.setPlaceholderText("e.g. 80 -> ~92-93")
        self.unit_combo = QComboBox()
        for shown, unit in self.UNITS:
            self.unit_combo.addItem(shown, unit)
        self.periods_edit = QLineEdit()
        self.periods_edit.setPlaceholderText("e.g. 2024 -> 2025")
        self.target_edit = QLineEdit()
        self.target_edit.setPlaceholderText("none")
        self._add_field("Figure:", self.label_edit, "What was measured.", 3, own_line=True)
        self._add_field(
            "Values:",
            self.values_edit,
            "One or more values separated by -> or a comma; a-b is a range; "
            "~ before a value means approximately; over, under, at least or at most a bound.",
            2,
        )
        self._add_field("Unit:", self.unit_combo, "Percentage, count, ratio or pounds.", 0)
        # Periods are the longest of the row's texts ("September 2025 -> October 2025"): the
        # most room, and never less than one month's name and year.
        self._add_field(
            "Periods:", self.periods_edit, "One period per value, separated by -> or a comma.", 4
        )
        metrics = self.periods_edit.fontMetrics()
        self.periods_edit.setMinimumWidth(metrics.horizontalAdvance("September 2025 →") + 16)
        self.values_edit.setMinimumWidth(metrics.horizontalAdvance("1,200 → 800") + 16)
        self._add_field("Target:", self.target_edit, "The target value, if one was given.", 1)
        self._finish_row()

    def fields(self) -> list[QWidget]:
        return [
            self.label_edit,
            self.values_edit,
            self.unit_combo,
            self.periods_edit,
            self.target_edit,
        ]

    @property
    def unit(self) -> str:
        return str(self.unit_combo.currentData())

    def set_unit(self, unit: str) -> None:
        index = self.unit_combo.findData(unit)
        if index >= 0:
            self.unit_combo.setCurrentIndex(index)

    def _prefill(self, sentence: str) -> None:
        text = _plain(sentence)
        self._source_text = text
        from pcc_minutes.text.figures import detect_figures  # loaded on first use

        # Read in its paragraph when the window gives it: the target or period said in the
        # next sentence belongs to the figure ("… 4% of resolutions. The target is 8%.").
        context, self.context = _plain(getattr(self, "context", "") or ""), ""  # used once
        at = context.find(text) if text and context else -1
        found = detect_figures(context if at >= 0 else text)
        if at >= 0:
            inside = [f for f in found if f.start < at + len(text) and f.end > at]
            found = inside or found
        if not found:
            for field in (self.label_edit, self.values_edit, self.periods_edit, self.target_edit):
                field.clear()
            self.set_unit("%")
            return
        figure = found[0]
        points = [
            FigurePoint(p.period or "", p.value, p.approx, p.high, p.bound) for p in figure.points
        ]
        self.label_edit.setText(figure.label)
        self.values_edit.setText(format_values(points))
        self.set_unit(figure.unit)
        periods = [p.period for p in points]
        self.periods_edit.setText(" → ".join(periods) if any(periods) else "")
        self.target_edit.setText(format_number(figure.target) if figure.target is not None else "")

    def _store(self, item_id: int) -> None:
        try:
            drafts, typed_unit = parse_values(self.values_edit.text())
            periods = parse_periods(self.periods_edit.text())
            if len(periods) > len(drafts):
                raise UserInputError(
                    f"There are {len(periods)} periods for {len(drafts)} values; "
                    "give one period per value, or none."
                )
        except PccError:
            self.values_edit.setFocus()
            raise
        try:
            target = parse_target(self.target_edit.text())
        except PccError:
            self.target_edit.setFocus()
            raise
        if typed_unit:
            self.set_unit(typed_unit)
        periods += [""] * (len(drafts) - len(periods))
        points = [
            FigurePoint(draft.period or period, draft.value, draft.approx, draft.high, draft.bound)
            for draft, period in zip(drafts, periods, strict=True)
        ]
        self.session.record(
            ops.add_metric(
                self.store,
                item_id,
                self.label_edit.text(),
                self.unit,
                points,
                target,
                source_text=self._source_text,
            )
        )
