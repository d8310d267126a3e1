"""Setting up a meeting in the window: new meeting, agenda outline, header, attendance,
the meetings browser and template files — driven by the keyboard where a user would be,
against a real database."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTime
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import Person
from pcc_minutes.core.templates import SUFFIX, AgendaTemplate, TemplateItem, builtin_templates

pytestmark = pytest.mark.gui

AUGUST = date(2025, 8, 14)


@pytest.fixture(autouse=True)
def settings(qapp, tmp_path):
    """QSettings in a throwaway folder, so a test never reads or writes the user's own."""
    old_names = qapp.organizationName(), qapp.applicationName()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    qapp.setOrganizationName("pcc-minutes-tests")
    qapp.setApplicationName("setup-ui")
    yield QSettings()
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    qapp.setOrganizationName(old_names[0])
    qapp.setApplicationName(old_names[1])


def show(qtbot, widget: QWidget) -> None:
    """Show ``widget`` as the active window, so keys and focus behave as for a user."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def meeting(store, on: date = AUGUST) -> int:
    return ops.create_from_template(store, builtin_templates()[0], on).value


def titles(store, meeting_id: int) -> list[str]:
    return [item.title for item in ops.load_meeting(store, meeting_id).items]


# --- a new meeting -----------------------------------------------------------------------


def test_a_new_meeting_is_made_from_the_built_in_template_by_keyboard(qtbot, store):
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    assert dialog.builtin_radios[0].isChecked()  # no meetings yet: a template it is
    assert dialog.date_edit.date().toPython() == date.today()
    assert dialog.focusWidget() is dialog.date_edit

    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Backtab)  # to the sources, and back:
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # Tab selects the day
    qtbot.keyClicks(dialog.date_edit, "14August2025")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    view = ops.load_meeting(store, dialog.meeting_id)
    assert view.date == AUGUST
    assert view.title == "Accountability and Performance Meeting"
    assert (view.start, view.end) == (time(10, 30), time(11, 30))
    assert [item.title for item in view.items][0] == "Minutes of the Last Meeting and Action Log"
    assert len(view.items) == len(builtin_templates()[0].items)


def test_a_meeting_from_the_last_one_copies_the_agenda_and_not_the_notes(qtbot, store):
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    last = meeting(store)
    first_item = ops.load_meeting(store, last).items[0].id
    ops.save_item_notes(store, first_item, "- Action log reviewed")
    ops.add_action(store, first_item, "Circulate the action log", "Chief Executive")
    ops.add_item(store, last, "Custody Visiting", lead="Chief Constable")

    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    assert dialog.last_radio.isChecked()  # a series exists: its next meeting is the default
    assert dialog.series_combo.currentData() == last
    dialog.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(dialog.date_edit, "11September2025")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Enter)

    assert dialog.result() == QDialog.DialogCode.Accepted
    new = ops.load_meeting(store, dialog.meeting_id)
    assert new.date == date(2025, 9, 11)
    assert titles(store, new.id) == titles(store, last)
    assert "Custody Visiting" in titles(store, new.id)
    assert all(item.notes == "" and not item.actions for item in new.items)
    assert [p.name for p in new.attendees] == [
        p.name for p in ops.load_meeting(store, last).attendees
    ]


def test_a_template_file_that_is_not_a_template_is_explained_inline(
    qtbot, store, tmp_path, monkeypatch
):
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    bad = tmp_path / f"notes{SUFFIX}"
    bad.write_text("these are not JSON", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bad), ""))
    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    dialog.file_radio.setChecked(True)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.meeting_id is None
    assert not dialog.problem.isHidden()
    assert "is not a usable agenda template" in dialog.problem.text()
    assert "Traceback" not in dialog.problem.text()
    assert ops.list_meetings(store) == []


def test_a_new_meeting_can_come_from_a_template_file(qtbot, store, tmp_path, monkeypatch):
    from pcc_minutes.operations.templates import save_template
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    panel = AgendaTemplate(
        name="Panel", title="Police and Crime Panel", items=[TemplateItem("Precept", "PCC", 20)]
    )
    path = save_template(panel, tmp_path / f"panel{SUFFIX}")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    qtbot.keyClick(dialog.file_radio, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Space)
    assert dialog.file_path.text() == "Panel"
    dialog.accept()
    view = ops.load_meeting(store, dialog.meeting_id)
    assert (view.title, [i.title for i in view.items]) == ("Police and Crime Panel", ["Precept"])


# --- the agenda outline ------------------------------------------------------------------


@pytest.fixture
def outline(qtbot, store):
    from pcc_minutes.ui.agenda import AgendaOutline

    widget = AgendaOutline(store)
    qtbot.addWidget(widget)
    widget.set_meeting(ops.load_meeting(store, meeting(store)))
    show(qtbot, widget)
    widget.tree.setFocus()
    return widget


def test_the_outline_lists_items_with_numbers_and_planned_minutes(outline, store):
    from pcc_minutes.ui.agenda import MINUTES, NUMBER, TITLE

    model = outline.model
    assert model.rowCount() == 6
    assert model.index(1, NUMBER).data() == "2"
    assert model.index(1, TITLE).data() == "Performance Against the Police and Crime Plan"
    assert model.index(1, MINUTES).data() == "15 min"
    assert model.index(1, MINUTES).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "planned 15 minutes"
    )
    assert outline.current_item_id() == outline.model.item_ids()[0]


def test_the_live_item_and_confidential_items_are_marked(outline, store):
    from pcc_minutes.ui.agenda import LIVE_MARK, STATE, TITLE

    second = outline.model.item_ids()[1]
    ops.update_item(store, second, confidential=True)
    outline.set_meeting(ops.load_meeting(store, outline._view.id))
    outline.set_live_item(second)
    assert outline.model.index(1, STATE).data() == LIVE_MARK
    assert outline.model.index(1, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert outline.model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is None
    spoken = outline.model.index(1, TITLE).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith("confidential")
    outline.set_live_item(None)
    assert outline.model.index(1, STATE).data() == ""


def test_alt_down_moves_the_first_item_to_second_place_and_keeps_it_selected(qtbot, outline, store):
    first, second = outline.model.item_ids()[:2]
    with qtbot.waitSignal(outline.changed), qtbot.assertNotEmitted(outline.item_selected):
        qtbot.keyClick(outline.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    view = ops.load_meeting(store, outline._view.id)
    assert view.item(first).position == 2
    assert view.item(second).position == 1
    assert outline.current_item_id() == first
    assert outline.model.item_ids()[:2] == [second, first]

    qtbot.keyClick(outline.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ops.load_meeting(store, outline._view.id).item(first).position == 1


def test_moving_past_either_end_changes_nothing(qtbot, outline, store):
    with qtbot.assertNotEmitted(outline.changed):
        assert outline.move_current(-1) is False


def test_insert_adds_an_item_after_the_current_one_from_the_dialog(
    qtbot, outline, store, monkeypatch
):
    from pcc_minutes.ui.agenda import ItemDialog

    def fill_in(dialog: ItemDialog) -> int:
        show(qtbot, dialog)
        assert dialog.heading_edit.isHidden()  # adding asks for what add_item takes
        qtbot.keyClicks(dialog.title_edit, "Custody Visiting")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.lead_edit, "Chief Constable")
        qtbot.keyClick(dialog.lead_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.minutes_spin, "20")
        qtbot.keyClick(dialog.minutes_spin, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.confidential_check, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.confidential_check, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", fill_in)
    first = outline.model.item_ids()[0]
    with qtbot.waitSignal(outline.item_selected) as selected:
        qtbot.keyClick(outline.tree, Qt.Key.Key_Insert)

    view = ops.load_meeting(store, outline._view.id)
    added = view.items[1]
    assert view.items[0].id == first
    assert (added.title, added.lead, added.planned_minutes, added.confidential) == (
        "Custody Visiting",
        "Chief Constable",
        20,
        True,
    )
    assert selected.args == [added.id]
    assert outline.current_item_id() == added.id


def test_an_item_needs_a_title_before_the_dialog_closes(qtbot, outline, store, monkeypatch):
    from pcc_minutes.ui.agenda import ItemDialog

    seen = {}

    def press_enter_on_a_blank_title(dialog: ItemDialog) -> int:
        show(qtbot, dialog)
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
        seen["open"], seen["problem"] = dialog.isVisible(), dialog.problem.text()
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", press_enter_on_a_blank_title)
    assert outline.add_item() is None
    assert seen == {"open": True, "problem": "An agenda item needs a title; type one in."}
    assert len(ops.load_meeting(store, outline._view.id).items) == 6


def test_f2_edits_the_heading_and_planned_time_in_one_update(qtbot, outline, store, monkeypatch):
    from pcc_minutes.ui.agenda import ItemDialog

    calls = []
    real_update = ops.update_item
    monkeypatch.setattr(
        ops, "update_item", lambda *a, **k: (calls.append(k), real_update(*a, **k))[1]
    )

    def edit(dialog: ItemDialog) -> int:
        show(qtbot, dialog)
        assert dialog.title_edit.text() == "Minutes of the Last Meeting and Action Log"
        dialog.heading_edit.setFocus()
        qtbot.keyClicks(dialog.heading_edit, "Previous Minutes")
        dialog.minutes_spin.selectAll()
        qtbot.keyClicks(dialog.minutes_spin, "10")
        qtbot.keyClick(dialog.minutes_spin, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", edit)
    qtbot.keyClick(outline.tree, Qt.Key.Key_F2)
    item = ops.load_meeting(store, outline._view.id).items[0]
    assert (item.heading, item.planned_minutes) == ("Previous Minutes", 10)
    assert calls == [{"heading": "Previous Minutes", "planned_minutes": 10}]


def test_delete_removes_the_current_item_once_confirmed(qtbot, outline, store, monkeypatch):
    asked = []

    def answer(reply):
        def question(parent, title, text, buttons, default):
            asked.append((title, text, default))
            return reply

        return question

    outline.set_current(outline.model.item_ids()[1])
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(outline.tree, Qt.Key.Key_Delete)
    assert len(ops.load_meeting(store, outline._view.id).items) == 6
    assert asked[0][2] == QMessageBox.StandardButton.No  # No unless the user says otherwise
    assert "Performance Against the Police and Crime Plan" in asked[0][1]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    third = outline.model.item_ids()[2]
    with qtbot.waitSignal(outline.changed):
        qtbot.keyClick(outline.tree, Qt.Key.Key_Delete)
    view = ops.load_meeting(store, outline._view.id)
    assert "Performance Against the Police and Crime Plan" not in titles(store, view.id)
    assert [item.position for item in view.items] == [1, 2, 3, 4, 5]
    assert outline.current_item_id() == third  # the next item takes its place


def test_dropping_an_item_reorders_the_agenda_in_the_store(qtbot, outline, store):
    from pcc_minutes.ui.agenda import TITLE

    model = outline.model
    ids = model.item_ids()
    dragged = model.mimeData([model.index(0, TITLE)])
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    with qtbot.waitSignal(outline.changed):
        # Dropped between the third and the fourth item.
        assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    view = ops.load_meeting(store, outline._view.id)
    assert [item.id for item in view.items] == [ids[1], ids[2], ids[0], *ids[3:]]
    assert outline.current_item_id() == ids[0]

    # Dropped onto the last item: it lands just before it.
    dragged = model.mimeData([model.index(0, TITLE)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, model.index(5, TITLE))
    assert [item.id for item in ops.load_meeting(store, outline._view.id).items] == [
        ids[2],
        ids[0],
        ids[3],
        ids[4],
        ids[1],
        ids[5],
    ]


def test_the_context_menu_offers_the_agenda_commands_with_their_keys(outline):
    menu = outline.context_menu()
    entries = {a.text().split("\t")[0].replace("&", ""): a.isEnabled() for a in menu.actions()}
    assert entries == {
        "Add Item After This…": True,
        "Properties…": True,
        "Move Up": False,  # the first item is current
        "Move Down": True,
        "Remove Item…": True,
    }
    assert all("\t" in action.text() for action in menu.actions())
    menu.deleteLater()


def test_the_agenda_model_keeps_qt_s_rules(qtmodeltester, outline):
    qtmodeltester.check(outline.model, force_py=True)


def test_an_approved_meeting_cannot_be_reordered(qtbot, outline, store):
    meeting_id = outline._view.id
    for status in ("for-approval", "approved"):
        ops.set_status(store, meeting_id, status)
    outline.set_meeting(ops.load_meeting(store, meeting_id))
    before = titles(store, meeting_id)
    with qtbot.assertNotEmitted(outline.changed):
        qtbot.keyClick(outline.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(store, meeting_id) == before
    assert not outline.model.flags(outline.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


# --- the header --------------------------------------------------------------------------


@pytest.fixture
def header(qtbot, store):
    from pcc_minutes.ui.header import HeaderForm

    form = HeaderForm(store)
    qtbot.addWidget(form)
    form.set_meeting(ops.load_meeting(store, meeting(store)))
    show(qtbot, form)
    return form


def test_a_changed_venue_is_stored_when_the_user_leaves_the_field(qtbot, header, store):
    header.venue_edit.setFocus()
    header.venue_edit.selectAll()
    qtbot.keyClicks(header.venue_edit, "Committee Room 2, Force Headquarters")
    with qtbot.waitSignal(header.changed):
        qtbot.keyClick(header.venue_edit, Qt.Key.Key_Tab)
    view = ops.load_meeting(store, header.current_view().id)
    assert view.venue == "Committee Room 2, Force Headquarters"


def test_an_end_before_the_start_is_refused_and_put_back(qtbot, header, store):
    header.end_edit.setFocus(Qt.FocusReason.TabFocusReason)  # as by Tab: hours selected
    qtbot.keyClicks(header.end_edit, "0900")
    with qtbot.waitSignal(header.error) as refused:
        qtbot.keyClick(header.end_edit, Qt.Key.Key_Return)
    assert refused.args == [
        "The meeting cannot end (09:00) before it starts (10:30); correct the times."
    ]
    assert header.end_edit.time() == QTime(11, 30)
    assert ops.load_meeting(store, header.current_view().id).end == time(11, 30)


def test_moving_the_start_past_the_end_keeps_the_meeting_s_length(qtbot, header, store):
    header.start_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(header.start_edit, "1400")
    with qtbot.waitSignal(header.changed):
        qtbot.keyClick(header.start_edit, Qt.Key.Key_Return)
    view = ops.load_meeting(store, header.current_view().id)
    assert (view.start, view.end) == (time(14, 0), time(15, 0))


def test_a_blank_title_is_refused_with_the_reason(qtbot, header, store):
    header.title_edit.setFocus()
    header.title_edit.clear()
    with qtbot.waitSignal(header.error) as refused:
        qtbot.keyClick(header.title_edit, Qt.Key.Key_Return)
    assert refused.args == ["A meeting needs a title; type one in."]
    assert header.title_edit.text() == "Accountability and Performance Meeting"


def test_the_marking_is_stored_in_capitals_and_none_clears_it(qtbot, header, store):
    meeting_id = header.current_view().id
    header.marking_combo.setFocus()
    header.marking_combo.lineEdit().selectAll()
    qtbot.keyClicks(header.marking_combo.lineEdit(), "official-sensitive")
    qtbot.keyClick(header.marking_combo.lineEdit(), Qt.Key.Key_Return)
    assert ops.load_meeting(store, meeting_id).marking == "OFFICIAL-SENSITIVE"
    header.marking_combo.lineEdit().selectAll()
    qtbot.keyClicks(header.marking_combo.lineEdit(), "None")
    qtbot.keyClick(header.marking_combo.lineEdit(), Qt.Key.Key_Return)
    assert ops.load_meeting(store, meeting_id).marking == ""


def test_a_refresh_does_not_overwrite_the_field_being_typed_in(qtbot, header, store):
    header.chair_edit.setFocus()
    header.chair_edit.selectAll()
    qtbot.keyClicks(header.chair_edit, "Alex Mor")
    header.set_meeting(ops.load_meeting(store, header.current_view().id))  # autosave
    assert header.chair_edit.text() == "Alex Mor"


def test_a_blank_time_stays_blank_when_the_user_only_passes_through(qtbot, header, store):
    meeting_id = header.current_view().id
    ops.update_meeting(store, meeting_id, start_time=None, end_time=None)
    header.set_meeting(ops.load_meeting(store, meeting_id))
    assert header.start_edit.text() == "--:--"
    header.start_edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert header.start_edit.text() == "10:00"  # something to type over
    header.venue_edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert header.start_edit.text() == "--:--"
    assert ops.load_meeting(store, meeting_id).start is None

    header.start_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(header.start_edit, "0930")
    header.venue_edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert ops.load_meeting(store, meeting_id).start == time(9, 30)


def test_a_read_only_header_changes_nothing(qtbot, header, store):
    header.set_read_only(True)
    assert header.venue_edit.isReadOnly() and header.end_edit.isReadOnly()
    assert not header.marking_combo.isEnabled()
    header.venue_edit.setText("Somewhere else")
    with qtbot.assertNotEmitted(header.changed):
        header.venue_edit.editingFinished.emit()
    assert ops.load_meeting(store, header.current_view().id).venue == "Gold Command, Police HQ"


def test_live_mode_shows_one_line_summary(header):
    header.set_live(True)
    assert header.form.isHidden()
    assert header.summary.text() == (
        "Accountability and Performance Meeting · 14 August 2025 · 10:30–11:30 · "
        "Gold Command, Police HQ"
    )
    # A narrow pane shortens the line instead of widening the window.
    assert header.summary.minimumSizeHint().width() == 0
    header.resize(header.fontMetrics().averageCharWidth() * 20, header.height())
    assert not header.summary.grab().isNull()
    header.set_live(False)
    assert not header.form.isHidden()


def test_the_attendance_button_sums_up_who_came(header, store):
    meeting_id = header.current_view().id
    people = list(ops.load_meeting(store, meeting_id).attendees)
    people.append(Person("Tom Ellery", "Deputy Chief Constable", present=False))
    ops.set_attendees(store, meeting_id, people)
    header.set_meeting(ops.load_meeting(store, meeting_id))
    assert "4 present, 1 apology" in header.attendance_button.text()


# --- attendance --------------------------------------------------------------------------


def test_a_person_sending_apologies_is_added_by_keyboard(qtbot, store):
    from pcc_minutes.ui.setup_dialogs import NAME, PRESENT, AttendanceDialog

    meeting_id = meeting(store)
    dialog = AttendanceDialog(store, meeting_id)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    assert dialog.summary.text() == "4 present"

    qtbot.keyClick(dialog.table, Qt.Key.Key_Insert)
    row = dialog.table.rowCount() - 1
    assert (dialog.table.currentRow(), dialog.table.currentColumn()) == (row, NAME)
    qtbot.keyClicks(dialog.table.focusWidget(), "Tom Ellery")
    qtbot.keyClick(dialog.table.focusWidget(), Qt.Key.Key_Tab)  # commits, moves to Role
    qtbot.waitUntil(lambda: dialog.table.item(row, NAME).text() == "Tom Ellery")
    dialog.table.setFocus()
    dialog.table.setCurrentCell(row, PRESENT)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(row, PRESENT).text() == "apologies"
    assert dialog.summary.text() == "4 present, 1 apology"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter is OK

    assert dialog.result() == QDialog.DialogCode.Accepted
    attendees = ops.load_meeting(store, meeting_id).attendees
    assert attendees[-1] == Person("Tom Ellery", "", "", present=False)
    assert len(attendees) == 5


def test_ok_keeps_the_name_still_being_typed(qtbot, store):
    from pcc_minutes.ui.setup_dialogs import AttendanceDialog

    meeting_id = meeting(store)
    dialog = AttendanceDialog(store, meeting_id)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Insert)
    qtbot.keyClicks(dialog.table.focusWidget(), "Ann Other")
    assert dialog.table.state() == dialog.table.State.EditingState
    dialog.accept()
    assert ops.load_meeting(store, meeting_id).attendees[-1].name == "Ann Other"


def test_delete_removes_a_person_from_the_list(qtbot, store):
    from pcc_minutes.ui.setup_dialogs import AttendanceDialog

    meeting_id = meeting(store)
    dialog = AttendanceDialog(store, meeting_id)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    dialog.table.setCurrentCell(3, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    dialog.accept()
    names = [p.name for p in ops.load_meeting(store, meeting_id).attendees]
    assert "Minute-taker" not in names and len(names) == 3


# --- the meetings browser ----------------------------------------------------------------


@pytest.fixture
def browser(qtbot, store):
    from pcc_minutes.ui.meeting_list import MeetingList

    panel = AgendaTemplate(
        name="Panel", title="Police and Crime Panel", items=[TemplateItem("Precept")]
    )
    ids = {
        "august": meeting(store, AUGUST),
        "september": meeting(store, date(2025, 9, 11)),
        "panel": ops.create_from_template(store, panel, date(2025, 7, 2)).value,
    }
    widget = MeetingList(store)
    qtbot.addWidget(widget)
    widget.reload()
    show(qtbot, widget)
    widget.ids = ids
    return widget


def test_meetings_are_grouped_by_series_newest_first(browser):
    model = browser.model
    rows = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert rows == [
        "Accountability and Performance Meeting",
        "11 Sep 2025 · Draft",
        "14 Aug 2025 · Draft",
        "Police and Crime Panel",
        "2 Jul 2025 · Draft",
    ]
    assert model.is_heading(0) and not model.is_heading(1)
    assert browser.meeting_rows() == [
        browser.ids["september"],
        browser.ids["august"],
        browser.ids["panel"],
    ]


def test_typing_in_the_filter_narrows_the_meetings(qtbot, browser):
    with qtbot.assertNotEmitted(browser.meeting_chosen):
        browser.focus_filter()
        qtbot.keyClicks(browser.filter_edit, "AUG")
        assert browser.meeting_rows() == [browser.ids["august"]]
        browser.filter_edit.clear()
        qtbot.keyClicks(browser.filter_edit, "panel precept")  # every word must match
        assert browser.meeting_rows() == []
        browser.filter_edit.clear()
        qtbot.keyClicks(browser.filter_edit, "crime 2025-07")
        assert browser.meeting_rows() == [browser.ids["panel"]]
    qtbot.keyClick(browser.filter_edit, Qt.Key.Key_Escape)
    assert len(browser.meeting_rows()) == 3


def test_choosing_a_meeting_emits_its_id_and_select_meeting_stays_quiet(qtbot, browser):
    with qtbot.assertNotEmitted(browser.meeting_chosen):
        browser.select_meeting(browser.ids["august"])
    assert browser.current_meeting_id() == browser.ids["august"]
    browser.tree.setFocus()
    with qtbot.waitSignal(browser.meeting_chosen) as chosen:
        qtbot.keyClick(browser.tree, Qt.Key.Key_Down)  # onto the next series' heading
        qtbot.keyClick(browser.tree, Qt.Key.Key_Down)  # and its meeting
    assert chosen.args == [browser.ids["panel"]]


def test_enter_in_the_filter_opens_the_first_match(qtbot, browser):
    browser.focus_filter()
    qtbot.keyClicks(browser.filter_edit, "sep")
    with qtbot.waitSignal(browser.meeting_chosen) as chosen:
        qtbot.keyClick(browser.filter_edit, Qt.Key.Key_Return)
    assert chosen.args == [browser.ids["september"]]


def test_reload_keeps_the_selection_without_announcing_it(qtbot, browser, store):
    browser.select_meeting(browser.ids["panel"])
    meeting(store, date(2025, 10, 9))
    with qtbot.assertNotEmitted(browser.meeting_chosen):
        browser.reload()
    assert browser.current_meeting_id() == browser.ids["panel"]
    assert len(browser.meeting_rows()) == 4


# --- template files ----------------------------------------------------------------------


def test_a_template_saved_from_a_meeting_opens_again_with_its_agenda(
    store, tmp_path, monkeypatch, settings
):
    from pcc_minutes.ui.setup_dialogs import open_template_file, save_template_dialog

    meeting_id = meeting(store)
    ops.add_item(store, meeting_id, "Custody Visiting", lead="Chief Constable")
    folder = tmp_path / "shared templates"
    folder.mkdir()
    asked = []

    def save_as(parent, caption, start, file_filter):
        asked.append(start)
        return str(folder / "monthly"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    written = save_template_dialog(store, meeting_id, None)
    assert written == folder / f"monthly{SUFFIX}"
    assert json.loads(written.read_text(encoding="utf-8"))["name"] == "monthly"
    assert asked == [str(Path.home() / f"Accountability and Performance Meeting{SUFFIX}")]
    assert settings.value("folders/templates") == str(folder)

    def open_file(parent, caption, start, file_filter):
        asked.append(start)
        return str(written), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    template = open_template_file(None)
    assert asked[-1] == str(folder)  # the folder used last time
    assert [item.title for item in template.items] == titles(store, meeting_id)
    assert template.items[-1].lead == "Chief Constable"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: ("", ""))
    assert open_template_file(None) is None


def test_opening_a_file_that_is_not_a_template_raises_one_sentence(tmp_path, monkeypatch):
    from pcc_minutes.ui.setup_dialogs import open_template_file

    other = tmp_path / "minutes.json"
    other.write_text('{"title": "x"}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(other), ""))
    with pytest.raises(PccError, match="not a usable agenda template"):
        open_template_file(None)
