"""The header's opening paragraph and chair, and the new meeting's date, in the window's own
widgets against a real database: typed by keyboard where a user would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Person
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.ui.opening_field import EDITED_HINT, GENERATED_HINT

pytestmark = pytest.mark.gui


def show(qtbot, widget: QWidget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2025, 9, 11)).value


@pytest.fixture
def header(qtbot, store, meeting_id):
    from pcc_minutes.ui.header import HeaderForm

    form = HeaderForm(store)
    qtbot.addWidget(form)
    form.set_meeting(ops.load_meeting(store, meeting_id))
    show(qtbot, form)
    return form


def text_colour(field) -> object:
    return field.edit.palette().color(QPalette.ColorRole.Text)


def test_the_generated_opening_is_shown_greyed_with_its_hint(header):
    field = header.opening
    assert field.text().startswith("On 11 September 2025, the Police and Crime Commissioner")
    assert field.hint.text() == GENERATED_HINT
    assert text_colour(field) == field.palette().color(QPalette.ColorRole.PlaceholderText)
    assert not field.regenerate_button.isEnabled()


def test_typing_an_opening_stores_it_and_regenerate_undoes_it_in_one_step(
    qtbot, header, store, meeting_id
):
    field = header.opening
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "The Commissioner met the Chief Constable.")
    assert text_colour(field) == field.palette().color(QPalette.ColorRole.Text)
    with qtbot.waitSignal(header.changed):
        header.title_edit.setFocus()  # leaving the field stores it
    assert ops.load_meeting(store, meeting_id).opening == (
        "The Commissioner met the Chief Constable.\n"
    )
    assert field.hint.text() == EDITED_HINT and field.regenerate_button.isEnabled()

    with qtbot.waitSignal(header.changed):
        field.regenerate_button.click()
    assert ops.load_meeting(store, meeting_id).opening == ""
    assert field.text().startswith("On 11 September 2025, the Police")
    assert field.hint.text() == GENERATED_HINT

    stack = header.session.stack(meeting_id)
    assert stack.undoText() == "Change opening paragraph"
    stack.undo()  # Undo brings the typed text back
    assert ops.load_meeting(store, meeting_id).opening == (
        "The Commissioner met the Chief Constable.\n"
    )


def test_esc_puts_the_opening_back_and_nothing_is_stored(qtbot, header, store, meeting_id):
    field = header.opening
    before = field.text()
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, " Extra words")
    qtbot.keyClick(field.edit, Qt.Key.Key_Escape)
    header.title_edit.setFocus()
    assert field.text() == before and ops.load_meeting(store, meeting_id).opening == ""


def test_the_generated_opening_follows_the_chair_typed_in_the_header(
    qtbot, header, store, meeting_id
):
    header.chair_edit.setFocus()
    header.chair_edit.selectAll()
    qtbot.keyClicks(header.chair_edit, "Jonathan Ash-Edwards")
    with qtbot.waitSignal(header.changed):
        qtbot.keyClick(header.chair_edit, Qt.Key.Key_Return)
    view = ops.load_meeting(store, meeting_id)
    assert view.attendees[0] == Person(
        "Jonathan Ash-Edwards", "Police and Crime Commissioner", "Chair"
    )
    assert header.chair_role.text() == "Police and Crime Commissioner"
    assert header.opening.text().startswith(
        "On 11 September 2025, the Police and Crime Commissioner, Jonathan Ash-Edwards, chaired"
    )


def test_a_long_chair_is_shown_from_its_start_with_the_whole_in_the_tooltip(
    header, store, meeting_id
):
    ops.set_attendees(
        store,
        meeting_id,
        [
            Person(
                "Jonathan Ash-Edwards", "Police and Crime Commissioner for Hertfordshire", "Chair"
            )
        ],
    )
    header.set_meeting(ops.load_meeting(store, meeting_id))
    assert header.chair_edit.text() == "Jonathan Ash-Edwards"
    assert header.chair_edit.cursorPosition() == 0  # the start shown, never the end
    assert header.chair_role.text() == "Police and Crime Commissioner for Hertfordshire"
    assert header.chair_edit.toolTip() == (
        "Jonathan Ash-Edwards — Police and Crime Commissioner for Hertfordshire"
    )


def test_a_locked_meeting_s_opening_cannot_be_typed_in(header, store, meeting_id):
    ops.set_status(store, meeting_id, "for-approval")
    ops.set_status(store, meeting_id, "approved", by="Clerk")
    header.set_meeting(ops.load_meeting(store, meeting_id))
    assert header.opening.edit.isReadOnly()
    assert not header.opening.regenerate_button.isEnabled()


def test_the_new_meeting_dialog_offers_the_series_next_date(qtbot, store, meeting_id):
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.last_radio.isChecked()
    assert dialog.date_edit.date() == QDate(2025, 10, 9)  # the second Thursday after 11 Sep
    dialog.builtin_radios[0].setChecked(True)
    assert dialog.date_edit.date() == QDate.currentDate()  # a template: today
    dialog.last_radio.setChecked(True)
    dialog.date_edit.setDate(QDate(2025, 10, 16))  # the user's choice stays
    dialog.builtin_radios[0].setChecked(True)
    assert dialog.date_edit.date() == QDate(2025, 10, 16)


def test_a_carried_opening_that_names_someone_now_away_says_so(header, store, meeting_id):
    ops.update_meeting(
        store,
        meeting_id,
        opening="On 11 September 2025, the Commissioner chaired, joined by Andy Prophet.\n",
    )
    ops.set_attendees(
        store,
        meeting_id,
        [
            Person("Police and Crime Commissioner", "Chair", "Chair"),
            Person("Andy Prophet", "Chief Constable", present=False),
        ],
    )
    header.set_meeting(ops.load_meeting(store, meeting_id))
    assert header.opening.hint.text() == "Edited — it names Andy Prophet, who sent apologies."


def test_meeting_menu_regenerates_the_opening(qtbot, store, meeting_id, window):
    from pcc_minutes.ui.actions import ActionId

    ops.update_meeting(store, meeting_id, opening="Our own words.\n")
    window.open_meeting(meeting_id)
    qtbot.waitUntil(lambda: window.header.opening.text() == "Our own words.")
    command = window.actions_by_id[ActionId.REGENERATE_OPENING]
    assert command.isEnabled() and command.shortcut().toString() == "Ctrl+Shift+O"
    command.trigger()
    assert ops.load_meeting(store, meeting_id).opening == ""
    assert window.header.opening.text().startswith("On 11 September 2025, the Police")
