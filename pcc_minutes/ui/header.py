"""The meeting's header above the notes: title, date, times, venue, chair, marking, attendance
and the opening paragraph.

In drafting mode every field is editable and is saved when the user finishes with it (one
``editing.update_meeting`` call per changed field); a refused value (the end before the start,
a blank title) is put back and its one-sentence reason is emitted as ``error``. In live mode
the form folds into a single read-only line so the notes keep the room.

The Chair field is the attendance row of the person chairing (``core.chair``): it shows that
row's name, with its role beside it, and typing a name makes that attendee the chair (or renames
the chair's row). The opening paragraph (``ui.opening_field``) shows the text written from the
attendance (``core.opening``) until the user types their own.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.chair import chair_of
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.formatting import format_date, format_time
from pcc_minutes.core.opening import is_generated, opening_doubts, opening_of
from pcc_minutes.core.records import Meeting, attendance_summary
from pcc_minutes.core.status import status_text
from pcc_minutes.store.database import Store
from pcc_minutes.ui.dates import british_dates
from pcc_minutes.ui.header_fields import ChairEdit, ElidedLabel, OptionalDateEdit, OptionalTimeEdit
from pcc_minutes.ui.opening_field import OpeningField
from pcc_minutes.ui.session import Session

MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE")
NO_MARKING = "None"

# QDateEdit and QTimeEdit always hold a value; their minimum stands for "not set" and shows
# as the special text, since imported minutes may lack a date or times.
NO_DATE = QDate(1900, 1, 1)
NO_TIME = QTime(0, 0)


def normalise_marking(text: str) -> str:
    """Markings are written in capitals; "None" or nothing means no marking."""
    text = text.strip()
    return "" if text.lower() in ("", NO_MARKING.lower()) else text.upper()


def live_summary(view: Meeting) -> str:
    """The one line shown in live mode: "Title · 14 August 2025 · 10:30–11:30 · Venue"."""
    parts = [view.title]
    if view.date:
        parts.append(format_date(view.date))
    if view.start and view.end:
        parts.append(f"{format_time(view.start)}–{format_time(view.end)}")
    elif view.start:
        parts.append(format_time(view.start))
    if view.venue:
        parts.append(view.venue)
    return " · ".join(parts)


class HeaderForm(QWidget):
    """The header of the open meeting. ``changed`` follows a stored edit; ``error`` carries
    the sentence explaining a refused one."""

    changed = Signal()
    error = Signal(str)

    def __init__(self, store: Store | Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = Session.of(store)
        self.store = self.session.store
        self._view: Meeting | None = None
        self._read_only = False
        self._live = False
        self._saving = False
        self._build()

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Meeting title")
        self.date_edit = OptionalDateEdit()
        self.date_edit.suggest = QDate.currentDate
        self.date_edit.setCalendarPopup(True)
        british_dates(self.date_edit)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText("No date")
        self.date_edit.setAccessibleName("Meeting date")
        self.start_edit = self._time_edit("Start time")
        self.start_edit.suggest = lambda: QTime(10, 0)
        self.end_edit = self._time_edit("End time")
        self.end_edit.suggest = self._suggest_end
        self.venue_edit = QLineEdit()
        self.venue_edit.setAccessibleName("Venue")
        self.chair_edit = ChairEdit()
        self.chair_edit.setAccessibleName("Chair")
        self.chair_edit.setAccessibleDescription(
            "Who chairs the meeting, as the attendance list has them; Down lists the attendees."
        )
        self.chair_role = ElidedLabel()
        self.chair_role.setAccessibleName("Chair's role")
        self.chair_role.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.opening = OpeningField()
        self.opening.edited.connect(self._opening_edited)
        self.opening.regenerate.connect(self.regenerate_opening)
        self.marking_combo = QComboBox()
        self.marking_combo.setEditable(True)
        # Typing a marking and pressing Enter must not grow the list of suggestions.
        self.marking_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.marking_combo.addItems([*MARKINGS, NO_MARKING])
        self.marking_combo.setAccessibleName("Classification marking")
        self.marking_combo.lineEdit().setAccessibleName("Classification marking")
        self.marking_combo.view().setAccessibleName("Markings")
        self.attendance_button = QPushButton("Attendance…")
        self.attendance_button.setAccessibleName("Attendance")
        self.attendance_button.setAccessibleDescription(
            "Who was present and who sent apologies; opens the attendance list."
        )
        self.attendance_button.clicked.connect(self.edit_attendance)
        self.status_label = ElidedLabel()
        self.status_label.setAccessibleName("Status")

        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        to = QLabel("to")
        to.setBuddy(self.end_edit)
        times.addWidget(to)
        times.addWidget(self.end_edit)
        times.addStretch(1)
        attendance = QHBoxLayout()
        attendance.addWidget(self.attendance_button)
        attendance.addWidget(self.status_label, 1)  # elided: the status bar says it too
        chair = QHBoxLayout()
        self.chair_edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.chair_edit.textChanged.connect(self.chair_edit.updateGeometry)
        chair.addWidget(self.chair_edit)
        chair.addWidget(self.chair_role, 1)

        self.form = QWidget()
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 0, 0, 0)
        # Two label/field pairs a row: compact above the notes, and still readable at 200%.
        # Alt+letters avoid the menu bar's (File, Edit, Format, Meeting, Approval, View, Help).
        # The chair and venue have rows of their own: both are long ("Police and Crime
        # Commissioner for Hertfordshire") and are shown whole.
        rows: list[list[tuple[str, Any]]] = [
            [("&Title:", self.title_edit)],
            [("&Date:", self.date_edit), ("T&ime:", times)],
            [("", self.date_edit.problem)],  # a date typed that is no date says so here
            [("Ve&nue:", self.venue_edit)],
            [("&Chair:", chair)],
            [("Mar&king:", self.marking_combo), ("", attendance)],
            [("O&pening:", self.opening)],
        ]
        # A label's Alt+letter goes to its buddy only if the buddy takes focus itself: a
        # container's focus proxy is not followed, so the inner fields are the buddies.
        buddies = {
            id(times): self.start_edit,
            id(chair): self.chair_edit,
            id(self.opening): self.opening.edit,
        }
        for row, pairs in enumerate(rows):
            for pair, (label_text, field) in enumerate(pairs):
                column = pair * 2
                if label_text:
                    label = QLabel(label_text)
                    label.setBuddy(buddies.get(id(field), field))
                    if field is self.opening:
                        label.setAlignment(Qt.AlignmentFlag.AlignTop)
                    grid.addWidget(label, row, column)
                span = 3 if len(pairs) == 1 else 1
                if isinstance(field, QWidget):
                    grid.addWidget(field, row, column + 1, 1, span)
                else:
                    grid.addLayout(field, row, column + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.summary = ElidedLabel()
        self.summary.setAccessibleName("Meeting")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.summary.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.summary)

        self.title_edit.editingFinished.connect(self._title_finished)
        self.date_edit.editingFinished.connect(self._date_finished)
        self.start_edit.editingFinished.connect(self._start_finished)
        self.end_edit.editingFinished.connect(self._end_finished)
        self.venue_edit.editingFinished.connect(self._venue_finished)
        self.chair_edit.editingFinished.connect(self._chair_finished)
        self.marking_combo.lineEdit().editingFinished.connect(self._marking_finished)
        self.marking_combo.activated.connect(self._marking_finished)
        self.setEnabled(False)

    def _suggest_end(self) -> QTime:
        start = self.start_edit.time()
        return QTime(11, 0) if start == NO_TIME else start.addSecs(3600)

    def _time_edit(self, name: str) -> OptionalTimeEdit:
        edit = OptionalTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setMinimumTime(NO_TIME)
        edit.setSpecialValueText("--:--")
        edit.setAccessibleName(name)
        return edit

    # --- what is shown -------------------------------------------------------------------

    def set_meeting(self, view: Meeting) -> None:
        """Show ``view``. For the meeting already shown, a field the user is typing in keeps
        what they typed: the window calls this after every change, including autosaves."""
        switching = self._view is None or self._view.id != view.id
        self._view = view
        self.setEnabled(True)
        self._show(view, keep_focused=not switching)
        self._apply_read_only()

    def set_live(self, live: bool) -> None:
        """Live mode: one read-only line instead of the form."""
        self._live = live
        self.form.setVisible(not live)
        self.summary.setVisible(live)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._apply_read_only()

    def is_read_only(self) -> bool:
        return self._read_only or (self._view is not None and self._view.locked)

    def _apply_read_only(self) -> None:
        read_only = self.is_read_only()
        for edit in (self.title_edit, self.venue_edit, self.chair_edit):
            edit.setReadOnly(read_only)
        self.opening.set_read_only(read_only)
        for spin in (self.date_edit, self.start_edit, self.end_edit):
            spin.setReadOnly(read_only)
        self.date_edit.setCalendarPopup(not read_only)
        self.marking_combo.setEnabled(not read_only)
        # The attendance list stays openable: read-only, it still says who was there.

    def _displayed(self) -> dict[str, object]:
        """What the fields show, as ``update_meeting`` names the values."""
        qdate = self.date_edit.date()
        return {
            "title": self.title_edit.text().strip(),
            "date": None if qdate == NO_DATE else qdate.toPython(),
            "start_time": self._time_of(self.start_edit),
            "end_time": self._time_of(self.end_edit),
            "venue": self.venue_edit.text().strip(),
            "chair": self.chair_edit.text().strip(),
            "marking": normalise_marking(self.marking_combo.currentText()),
        }

    @staticmethod
    def _time_of(edit: QTimeEdit) -> time | None:
        value = edit.time()
        return None if value == NO_TIME else value.toPython()

    @staticmethod
    def _stored(view: Meeting) -> dict[str, object]:
        return {
            "title": view.title,
            "date": view.date,
            "start_time": view.start,
            "end_time": view.end,
            "venue": view.venue,
            "chair": chair.name if (chair := chair_of(view)) else "",
            "marking": view.marking,
        }

    def _widgets(self) -> dict[str, QWidget]:
        return {
            "title": self.title_edit,
            "date": self.date_edit,
            "start_time": self.start_edit,
            "end_time": self.end_edit,
            "venue": self.venue_edit,
            "chair": self.chair_edit,
            "marking": self.marking_combo,
        }

    def _show(self, view: Meeting, *, keep_focused: bool) -> None:
        displayed = self._displayed()
        stored = self._stored(view)
        for name, widget in self._widgets().items():
            if displayed[name] == stored[name]:
                continue
            if keep_focused and widget.hasFocus():
                continue  # being typed in: saved when the user leaves the field
            self._put(name, stored[name])
        self._show_chair(view)
        self._show_opening(view, keep_typing=keep_focused)
        self.attendance_button.setText(f"Attendance: {attendance_summary(view.attendees)}…")
        status = status_text(view.status)
        self.status_label.setText(f"Status: {status} · version {view.version}")
        self.summary.setText(live_summary(view))

    def _show_opening(self, view: Meeting, *, keep_typing: bool) -> None:
        self.opening.show_opening(
            opening_of(view), is_generated(view), opening_doubts(view), keep_typing=keep_typing
        )

    def _show_chair(self, view: Meeting) -> None:
        """The chair's role beside their name, the attendees offered as names to choose."""
        chair = chair_of(view)
        role = chair.role if chair else ""
        self.chair_role.setText(role)
        name = chair.name if chair else ""
        self.chair_edit.setToolTip(f"{name} — {role}" if name and role else name)
        self.chair_edit.set_names([p.name for p in view.attendees if p.name.strip()])

    def _put(self, name: str, value: Any) -> None:
        if name == "date":
            self.date_edit.setDate(QDate(value) if value else NO_DATE)
        elif name in ("start_time", "end_time"):
            edit = self.start_edit if name == "start_time" else self.end_edit
            edit.setTime(QTime(value.hour, value.minute) if value else NO_TIME)
        elif name == "marking":
            self.marking_combo.setCurrentText(value or NO_MARKING)
        else:
            edit = {"title": self.title_edit, "venue": self.venue_edit, "chair": self.chair_edit}
            edit[name].setText(value)
            edit[name].setCursorPosition(0)  # the start shown when it is longer than the field

    # --- saving --------------------------------------------------------------------------

    def _title_finished(self) -> None:
        self._save("title")

    def _date_finished(self) -> None:
        self._save("date")

    def _start_finished(self) -> None:
        # Moving the start past the end moves the end too, keeping the meeting's length (as
        # calendars do), so changing both times never passes through a refused state.
        view = self._view
        start = self._time_of(self.start_edit)
        if view and view.start and view.end and start and start != view.start and start >= view.end:
            length = datetime.combine(datetime.min, view.end) - datetime.combine(
                datetime.min, view.start
            )
            end = (datetime.combine(datetime.min, start) + length).time()
            if end > start:  # not past midnight
                self._put("end_time", end)
        self._save("start_time", "end_time")

    def _end_finished(self) -> None:
        self._save("end_time")

    def _venue_finished(self) -> None:
        self._save("venue")

    def _chair_finished(self) -> None:
        self._save("chair")

    def _marking_finished(self, *_args: object) -> None:
        self._save("marking")

    def _opening_edited(self, text: str) -> None:
        """The user's own opening ("" when they emptied the field: generated again)."""
        if self._view is None or self.is_read_only():
            return
        if text.split() == opening_of(self._view).split() or (
            not text and is_generated(self._view)
        ):
            self._show_opening(self._view, keep_typing=False)
            return
        self._store_opening(text)

    def regenerate_opening(self) -> None:
        """Back to the opening written from the date, chair and attendance (one undo step)."""
        if self._view is None or self.is_read_only() or is_generated(self._view):
            return
        self._store_opening("")

    def _store_opening(self, text: str) -> None:
        assert self._view is not None
        try:
            self.session.record(
                ops.update_meeting(self.store, self._view.id, opening=text), self._view.id
            )
        except PccError as exc:
            self.error.emit(str(exc))
        else:
            self._reload()
        if self._view is not None:
            self._show_opening(self._view, keep_typing=False)

    def _save(self, *names: str) -> None:
        """Store the named fields if they differ from the meeting (one ``update_meeting``)."""
        if self._view is None or self._saving or self.is_read_only():
            return
        displayed = self._displayed()
        stored = self._stored(self._view)
        changes = {name: displayed[name] for name in names if displayed[name] != stored[name]}
        if not changes:
            return
        self._saving = True  # a message box taking the focus must not save the field again
        try:
            try:
                self.session.record(
                    ops.update_meeting(self.store, self._view.id, **changes), self._view.id
                )
            except PccError as exc:
                # Put the stored value back first, so the field never shows what was refused.
                for name in changes:
                    self._put(name, stored[name])
                self.error.emit(str(exc))
                return
            self._reload()
        finally:
            self._saving = False

    def _reload(self) -> None:
        assert self._view is not None
        try:
            view = ops.load_meeting(self.store, self._view.id)
        except PccError as exc:
            self.error.emit(str(exc))
            return
        self._view = view
        self._show(view, keep_focused=True)
        self.changed.emit()

    def edit_attendance(self) -> bool:
        """Open the attendance list; True when a change was stored."""
        if self._view is None:
            return False
        try:
            from pcc_minutes.ui.setup_dialogs import AttendanceDialog  # on first use

            dialog = AttendanceDialog(
                self.store, self._view.id, self, read_only=self.is_read_only()
            )
        except PccError as exc:
            self.error.emit(str(exc))
            return False
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted or self.is_read_only():
            return False
        self._reload()
        return True

    def current_view(self) -> Meeting | None:
        return self._view
