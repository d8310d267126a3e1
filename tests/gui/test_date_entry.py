"""A date typed whole into the header's date and the New Meeting dialog's, as a minute-taker
types it, in the real widgets against a real database: each form gives its date, a month's
name typed over the month works, a day that does not exist is refused beside the field with
the old date kept, and a blank date stays blank."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QWidget

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates

pytestmark = pytest.mark.gui

SEPTEMBER = date(2025, 9, 11)


def show(qtbot, widget: QWidget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 5)).value


@pytest.fixture
def header(qtbot, store, meeting_id):
    from pcc_minutes.ui.header import HeaderForm

    form = HeaderForm(store)
    qtbot.addWidget(form)
    form.set_meeting(ops.load_meeting(store, meeting_id))
    show(qtbot, form)
    return form


def enter_field(qtbot, edit) -> None:
    """Into the field by keyboard, as Tab from the field before it does."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus)


def type_date(qtbot, header, text: str) -> None:
    enter_field(qtbot, header.date_edit)
    qtbot.keyClicks(header.date_edit, text)
    header.title_edit.setFocus(Qt.FocusReason.TabFocusReason)  # leave: the date is taken
    qtbot.waitUntil(lambda: not header.date_edit.hasFocus())


def stored_date(store, meeting_id: int) -> date | None:
    return ops.load_meeting(store, meeting_id).date


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("11 September 2025", SEPTEMBER),
        ("11 Sep 2025", SEPTEMBER),
        ("11/09/2025", SEPTEMBER),
        ("2025-09-11", SEPTEMBER),
        ("Thursday 11th September 2025", SEPTEMBER),
        ("11 September", date(2026, 9, 11)),  # the meeting's year
    ],
)
def test_a_date_typed_whole_is_stored_and_shown_back_in_full(
    qtbot, header, store, meeting_id, typed, meant
):
    type_date(qtbot, header, typed)
    assert stored_date(store, meeting_id) == meant
    assert header.date_edit.text() == f"{meant.day} {meant:%B %Y}"
    assert header.date_edit.problem.isHidden()


def test_a_day_that_does_not_exist_is_refused_under_the_field_and_nothing_stored(
    qtbot, header, store, meeting_id
):
    type_date(qtbot, header, "31 February 2026")
    assert stored_date(store, meeting_id) == date(2026, 3, 5)
    assert header.date_edit.text() == "5 March 2026"
    problem = header.date_edit.problem
    assert problem.isVisible()
    assert problem.text() == (
        "There is no 31 February 2026: February 2026 has 28 days; the date is still 5 March 2026."
    )
    # Directly under the date field, in the form (not a dialog).
    field = header.date_edit.geometry()
    assert problem.parentWidget() is header.date_edit.parentWidget()
    assert problem.geometry().top() >= field.bottom()
    assert abs(problem.geometry().left() - field.left()) < 2

    type_date(qtbot, header, "11 Sep 2025")  # a real date clears the message
    assert stored_date(store, meeting_id) == SEPTEMBER
    assert problem.isHidden()


def test_enter_on_an_impossible_date_says_so_and_keeps_the_date(qtbot, header, store, meeting_id):
    enter_field(qtbot, header.date_edit)
    qtbot.keyClicks(header.date_edit, "30/02/2026")
    qtbot.keyClick(header.date_edit, Qt.Key.Key_Return)
    assert header.date_edit.problem.text().startswith("There is no 30 February 2026")
    assert header.date_edit.date() == QDate(2026, 3, 5)
    assert stored_date(store, meeting_id) == date(2026, 3, 5)


def test_a_month_name_typed_over_the_month_changes_only_the_month(qtbot, header, store, meeting_id):
    enter_field(qtbot, header.date_edit)
    qtbot.keyClick(header.date_edit, Qt.Key.Key_Tab)  # from the day to the month
    assert header.date_edit.currentSection() == QDateTimeEdit.Section.MonthSection
    assert header.date_edit.lineEdit().selectedText() == "March"
    qtbot.keyClicks(header.date_edit, "oct")
    qtbot.keyClick(header.date_edit, Qt.Key.Key_Return)
    assert stored_date(store, meeting_id) == date(2026, 10, 5)
    assert header.date_edit.text() == "5 October 2026"


def test_tab_after_a_typed_day_moves_to_the_month_then_the_year(qtbot, header, store, meeting_id):
    edit = header.date_edit
    enter_field(qtbot, edit)
    qtbot.keyClicks(edit, "11")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.lineEdit().selectedText() == "March"
    qtbot.keyClicks(edit, "Sep")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.lineEdit().selectedText() == "2026"
    qtbot.keyClicks(edit, "2025")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored_date(store, meeting_id) == SEPTEMBER


def test_the_arrows_still_step_the_part_under_the_cursor(qtbot, header, store, meeting_id):
    enter_field(qtbot, header.date_edit)  # the day is selected
    qtbot.keyClick(header.date_edit, Qt.Key.Key_Up)
    qtbot.keyClick(header.date_edit, Qt.Key.Key_Return)
    assert stored_date(store, meeting_id) == date(2026, 3, 6)


def test_a_blank_date_stays_blank_when_passed_through(qtbot, header, store, meeting_id):
    ops.update_meeting(store, meeting_id, date=None)
    header.set_meeting(ops.load_meeting(store, meeting_id))
    assert header.date_edit.text() == "No date"
    enter_field(qtbot, header.date_edit)
    header.title_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not header.date_edit.hasFocus())
    assert header.date_edit.text() == "No date"
    assert stored_date(store, meeting_id) is None
    assert header.date_edit.problem.isHidden()


def test_a_blank_date_typed_without_a_year_is_this_year_and_a_bad_one_stays_blank(
    qtbot, header, store, meeting_id
):
    ops.update_meeting(store, meeting_id, date=None)
    header.set_meeting(ops.load_meeting(store, meeting_id))
    type_date(qtbot, header, "31 Feb")
    assert stored_date(store, meeting_id) is None
    assert header.date_edit.text() == "No date"
    assert header.date_edit.problem.text().endswith("; the date is still no date.")
    type_date(qtbot, header, "11 September")
    assert stored_date(store, meeting_id) == date(date.today().year, 9, 11)


# --- the New Meeting dialog --------------------------------------------------------------


@pytest.mark.parametrize("typed", ["11 September 2025", "11 Sep 2025", "11/09/2025", "2025-09-11"])
def test_the_new_meeting_date_may_be_typed_whole(qtbot, store, typed):
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    enter_field(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit, typed)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ops.load_meeting(store, dialog.meeting_id).date == SEPTEMBER


def test_the_new_meeting_dialog_refuses_a_day_that_does_not_exist_beside_the_field(qtbot, store):
    from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    dialog.date_edit.setDate(QDate(2026, 3, 5))
    enter_field(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit, "31 February 2026")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    assert dialog.isVisible()  # no meeting made, no dialog box on top
    assert dialog.date_edit.date() == QDate(2026, 3, 5)
    assert dialog.date_edit.problem.isVisible()
    assert dialog.date_edit.problem.text().startswith("There is no 31 February 2026")
    assert ops.list_meetings(store) == []


def test_the_message_goes_when_the_field_is_next_left_untouched(qtbot, header, store, meeting_id):
    type_date(qtbot, header, "31 February 2026")
    assert header.date_edit.problem.isVisible()
    enter_field(qtbot, header.date_edit)
    header.title_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(header.date_edit.problem.isHidden)
    assert stored_date(store, meeting_id) == date(2026, 3, 5)


def test_tab_out_of_an_impossible_date_says_so_in_the_header(qtbot, header, store, meeting_id):
    enter_field(qtbot, header.date_edit)
    qtbot.keyClicks(header.date_edit, "31/02/2026")
    qtbot.keyClick(header.date_edit, Qt.Key.Key_Tab)
    assert not header.date_edit.hasFocus()
    assert header.date_edit.problem.text().startswith("There is no 31 February 2026")
    assert stored_date(store, meeting_id) == date(2026, 3, 5)
