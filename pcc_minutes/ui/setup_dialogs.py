"""Setting up a meeting: the new-meeting dialog, the attendance list and template files.

``NewMeetingDialog`` creates a draft from a built-in template, a template file or the last
meeting of a series (one ``editing`` operation); ``AttendanceDialog`` edits who attended and
who sent apologies (one ``set_attendees``); ``save_template_dialog`` and
``open_template_file`` move agendas between laptops as ``.pcctemplate.json`` files,
remembering the folder last used. Failures are one sentence, shown inline where the user is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import MeetingSummary, Person, attendance_summary
from pcc_minutes.core.templates import SUFFIX, AgendaTemplate, builtin_templates
from pcc_minutes.operations.templates import load_template, save_template
from pcc_minutes.store.database import Store
from pcc_minutes.ui.dates import british_dates
from pcc_minutes.ui.header_fields import WholeDateEdit
from pcc_minutes.ui.session import Session

TEMPLATE_FOLDER_KEY = "folders/templates"
TEMPLATE_FILTER = f"Agenda templates (*{SUFFIX});;All files (*)"


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    label.setStyleSheet("color: #b00020;")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


# --- template files ----------------------------------------------------------------------


def _template_folder() -> str:
    folder = QSettings().value(TEMPLATE_FOLDER_KEY, "", type=str)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def _remember_folder(path: Path) -> None:
    QSettings().setValue(TEMPLATE_FOLDER_KEY, str(path.parent))


def _with_suffix(path: Path) -> Path:
    """``name.pcctemplate.json`` whatever part of the suffix the user typed."""
    name = path.name
    for partial in (".json", ".pcctemplate"):
        name = name.removesuffix(partial)
    return path.with_name(name + SUFFIX)


def open_template_file(parent: QWidget | None = None) -> AgendaTemplate | None:
    """Ask for a template file and read it: None when the user cancels; a file that is not a
    usable template raises ``PccError`` with the sentence to show."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, "Open agenda template", _template_folder(), TEMPLATE_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    _remember_folder(path)
    return load_template(path)


def save_template_dialog(
    store: Store, meeting_id: int, parent: QWidget | None = None
) -> Path | None:
    """Save the meeting's agenda, attendees and details (never its notes) as a template file
    chosen by the user; returns the file written, None when cancelled. A file that cannot be
    written raises ``PccError`` with the sentence to show."""
    template = ops.template_from_meeting(store, meeting_id)
    suggested = Path(_template_folder()) / f"{template.title}{SUFFIX}"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Save agenda as template", str(suggested), TEMPLATE_FILTER
    )
    if not chosen:
        return None
    path = _with_suffix(Path(chosen))
    # The file's name is how the user will recognise the template later.
    template.name = path.name.removesuffix(SUFFIX) or template.name
    written = save_template(template, path)
    _remember_folder(written)
    return written


# --- a new meeting -----------------------------------------------------------------------


def latest_of_each_series(store: Store) -> list[MeetingSummary]:
    """The newest meeting of every series, the most recently met series first."""
    newest: dict[str, MeetingSummary] = {}
    for summary in ops.list_meetings(store):  # newest first already
        newest.setdefault(summary.series or summary.title, summary)
    return list(newest.values())


def _short_date(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "undated"


class NewMeetingDialog(QDialog):
    """Where the new meeting comes from, and its date. After ``exec`` returns Accepted,
    ``meeting_id`` is the new draft's id."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id: int | None = None
        self.file_template: AgendaTemplate | None = None
        self.setWindowTitle("New meeting")

        self.sources = QButtonGroup(self)
        self.builtins = builtin_templates()
        self.builtin_radios: list[QRadioButton] = []
        for number, template in enumerate(self.builtins):
            radio = QRadioButton(f"&Template: {template.name}" if number == 0 else template.name)
            radio.setAccessibleName(f"Built-in template: {template.name}")
            self.sources.addButton(radio)
            self.builtin_radios.append(radio)

        self.file_radio = QRadioButton("Template &file…")
        self.file_radio.setAccessibleName("Template file")
        self.sources.addButton(self.file_radio)
        self.file_path = QLineEdit()
        self.file_path.setReadOnly(True)
        self.file_path.setPlaceholderText("No file chosen")
        self.file_path.setAccessibleName("Template file chosen")
        self.choose_button = QPushButton("&Choose…")
        self.choose_button.setAccessibleName("Choose template file")
        self.choose_button.clicked.connect(self.choose_file)

        self.last_radio = QRadioButton("The &last meeting of a series")
        self.last_radio.setAccessibleName("The last meeting of a series")
        self.sources.addButton(self.last_radio)
        self.series_combo = QComboBox()
        self.series_combo.setAccessibleName("Series")
        for summary in latest_of_each_series(store):
            name = summary.series or summary.title
            self.series_combo.addItem(f"{name} (last met {_short_date(summary.date)})", summary.id)
        has_series = self.series_combo.count() > 0
        self.last_radio.setEnabled(has_series)
        if not has_series:
            self.series_combo.addItem("No meetings yet")

        self.date_edit = WholeDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        british_dates(self.date_edit)
        self.date_edit.setAccessibleName("Meeting date")
        # The date follows the source (the series' next date, or today) until the user sets it.
        self._date_set_by_user = False
        self._suggesting = False
        self.date_edit.dateChanged.connect(self._date_changed)

        self.problem = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        sources = QGridLayout()
        row = 0
        for radio in self.builtin_radios:
            sources.addWidget(radio, row, 0, 1, 2)
            row += 1
        sources.addWidget(self.file_radio, row, 0)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(self.choose_button)
        sources.addLayout(file_row, row, 1)
        row += 1
        sources.addWidget(self.last_radio, row, 0)
        sources.addWidget(self.series_combo, row, 1)
        sources.setColumnStretch(1, 1)

        form = QFormLayout()
        form.addRow("&Date:", self.date_edit)
        form.addRow(self.date_edit.problem)  # a date typed that is no date says so here
        heading = QLabel("Start from:")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(sources)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.sources.buttonToggled.connect(self._source_toggled)
        self.series_combo.currentIndexChanged.connect(self._suggest_date)
        # A monthly meeting usually follows the last one; a first meeting starts from a template.
        (self.last_radio if has_series else self.builtin_radios[0]).setChecked(True)
        self._source_toggled()
        self.date_edit.setFocus()

    def _source_toggled(self, *_args: object) -> None:
        self.choose_button.setEnabled(self.file_radio.isChecked())
        self.file_path.setEnabled(self.file_radio.isChecked())
        self.series_combo.setEnabled(self.last_radio.isChecked())
        self.problem.hide()
        self._suggest_date()

    def _date_changed(self, *_args: object) -> None:
        if not self._suggesting:
            self._date_set_by_user = True

    def _suggest_date(self, *_args: object) -> None:
        """From the last meeting: the series' next date on its pattern (``ops.next_date``,
        "the second Thursday"); otherwise today. A date the user chose stays."""
        if self._date_set_by_user:
            return
        suggested = QDate.currentDate()
        last_id = self.series_combo.currentData()
        if self.last_radio.isChecked() and last_id is not None:
            try:
                suggested = QDate(ops.next_date(self.store, int(last_id)))
            except PccError:
                pass  # the meeting went meanwhile: today, and Create explains
        self._suggesting = True
        try:
            self.date_edit.setDate(suggested)
        finally:
            self._suggesting = False

    def _show_problem(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()

    def choose_file(self) -> bool:
        """Ask for a template file; a bad file is explained inline. True when one was read."""
        self.file_radio.setChecked(True)
        try:
            template = open_template_file(self)
        except PccError as exc:
            self.file_template = None
            self.file_path.clear()
            self._show_problem(str(exc))
            return False
        if template is None:
            return False
        self.file_template = template
        self.file_path.setText(template.name)
        self.file_path.setToolTip(template.title)
        self.problem.hide()
        return True

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def accept(self) -> None:
        on = self.chosen_date()
        try:
            if self.last_radio.isChecked():
                last_id = self.series_combo.currentData()
                if last_id is None:
                    self._show_problem("There is no earlier meeting yet; start from a template.")
                    return
                self.meeting_id = ops.create_from_last(self.store, int(last_id), on).value
            elif self.file_radio.isChecked():
                if self.file_template is None and not self.choose_file():
                    if not self.problem.isVisible():
                        self._show_problem("Choose a template file, or start from another source.")
                    return
                assert self.file_template is not None
                self.meeting_id = ops.create_from_template(self.store, self.file_template, on).value
            else:
                chosen = next(
                    t
                    for t, r in zip(self.builtins, self.builtin_radios, strict=True)
                    if r.isChecked()
                )
                self.meeting_id = ops.create_from_template(self.store, chosen, on).value
        except PccError as exc:
            self._show_problem(str(exc))
            return
        super().accept()


# --- attendance --------------------------------------------------------------------------

NAME, ROLE, GROUP, PRESENT = range(4)


class _PeopleTable(QTableWidget):
    """The attendance table: Insert adds a person, Delete removes one (when not typing)."""

    def __init__(self, dialog: AttendanceDialog):
        super().__init__(0, 4, dialog)
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        typing = self.state() == QAbstractItemView.State.EditingState
        if not typing and plain == Qt.KeyboardModifier.NoModifier and not self._dialog.read_only:
            if event.key() == Qt.Key.Key_Insert:
                self._dialog.add_person()
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete:
                self._dialog.remove_person()
                event.accept()
                return
        super().keyPressEvent(event)


class AttendanceDialog(QDialog):
    """Who attended (name, role, group) and who sent apologies (not present). OK stores the
    list with one ``set_attendees``; rows without a name are dropped. ``read_only`` shows the
    list of an approved meeting without letting it change."""

    def __init__(
        self,
        store: Store | Session,
        meeting_id: int,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ):
        super().__init__(parent)
        self.session = Session.of(store)
        self.store = self.session.store
        self.meeting_id = meeting_id
        view = ops.load_meeting(self.store, meeting_id)
        self.read_only = read_only or view.locked
        self.setWindowTitle("Attendance")

        self.table = _PeopleTable(self)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Group", "Present"])
        self.table.setAccessibleName("Attendees")
        self.table.setAccessibleDescription(
            "One row a person. Untick Present for apologies. Insert adds a person, Delete "
            "removes the selected one, F2 or typing edits a cell."
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a person; long names end in "…"
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        # Tab moves between the dialog's controls; arrows move between cells.
        self.table.setTabKeyNavigation(False)
        if self.read_only:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for person in view.attendees:
            self._append(person)

        self.add_button = QPushButton("&Add person")
        self.add_button.setToolTip("Add a person (Insert)")
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton("&Remove person")
        self.remove_button.setToolTip("Remove the selected person (Delete)")
        self.remove_button.clicked.connect(self.remove_person)
        self.summary = QLabel()
        self.summary.setAccessibleName("Attendance summary")
        self.problem = _error_label()

        if self.read_only:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            buttons.rejected.connect(self.reject)
            self.add_button.hide()
            self.remove_button.hide()
        else:
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
            )
            buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.reject)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        label = QLabel("&People:")
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        # Room for four columns of names and roles, in text widths so it scales with the font.
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 22)
        self.table.itemChanged.connect(self._update_summary)
        self._update_summary()
        if self.table.rowCount():
            self.table.setCurrentCell(0, NAME)
        self.table.setFocus()

    def _append(self, person: Person) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill(row, person)
        return row

    def _fill(self, row: int, person: Person) -> None:
        for column, text in ((NAME, person.name), (ROLE, person.role), (GROUP, person.group)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        present = QTableWidgetItem("present")
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        present.setFlags(flags)
        present.setCheckState(Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked)
        self._label_presence(present)
        self.table.setItem(row, PRESENT, present)

    @staticmethod
    def _label_presence(item: QTableWidgetItem) -> None:
        # The words say it too, for a screen reader and for a glance at a printout.
        checked = item.checkState() == Qt.CheckState.Checked
        text = "present" if checked else "apologies"
        if item.text() != text:
            item.setText(text)

    def people(self) -> list[Person]:
        """The rows as ``set_attendees`` takes them (blank names included; it drops them)."""
        people = []
        for row in range(self.table.rowCount()):

            def text(column: int, row: int = row) -> str:
                item = self.table.item(row, column)
                return item.text().strip() if item else ""

            present = self.table.item(row, PRESENT)
            people.append(
                Person(
                    name=text(NAME),
                    role=text(ROLE),
                    group=text(GROUP),
                    present=present is None or present.checkState() == Qt.CheckState.Checked,
                )
            )
        return people

    def _update_summary(self, item: QTableWidgetItem | None = None) -> None:
        if item is not None and item.column() == PRESENT:
            self._label_presence(item)
        named = [p for p in self.people() if p.name]
        self.summary.setText(attendance_summary(named).capitalize())

    def add_person(self) -> None:
        """A new row, with the cursor in its name cell."""
        if self.read_only:
            return
        row = self._append(Person(name=""))
        self.table.setCurrentCell(row, NAME)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, NAME))

    def remove_person(self) -> None:
        row = self.table.currentRow()
        if self.read_only or row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), NAME)
        self._update_summary()

    def accept(self) -> None:
        if self.read_only:
            super().reject()
            return
        # A cell still being typed in is part of what the user means by OK.
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        try:
            self.session.record(
                ops.set_attendees(self.store, self.meeting_id, self.people()), self.meeting_id
            )
        except PccError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        super().accept()
