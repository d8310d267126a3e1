"""The side panel and the quick-capture forms, driven from the keyboard as in a live meeting.

Every test stores through the real operations into a fresh database and checks the result
by reading the meeting back with ``editing.meeting_view``.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from pcc_minutes import operations as ops
from pcc_minutes.core.records import AgendaItem, FigurePoint
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.text.capture import ValueDraft, guess_due, guess_owner, parse_due, parse_values
from pcc_minutes.ui.quick_capture import QuickActionForm, QuickFigureForm
from pcc_minutes.ui.side_panel import SidePanel

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot size or raise real windows and says so; these messages
    # are about the test platform, not the widgets.
    pytest.mark.qt_log_ignore(
        "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
    ),
]

NOTES = (
    "Crime Recording Standards\n\n"
    "- Crime recording accuracy improved from 80% to approximately 92–93%.\n"
    "- Taser was five times more likely to be used on black people.\n"
)


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2025, 8, 14)).value


@pytest.fixture
def item_id(store, meeting_id) -> int:
    return ops.load_meeting(store, meeting_id).items[1].id


def item_of(store, meeting_id, item_id) -> AgendaItem:
    item = ops.load_meeting(store, meeting_id).item(item_id)
    assert item is not None
    return item


def approve(store, meeting_id) -> None:
    ops.set_status(store, meeting_id, "for-approval")
    ops.set_status(store, meeting_id, "approved", by="Chief Executive")


def host(qtbot, form: QWidget) -> QWidget:
    """Place a form in a shown, active window, as the main window does."""
    window = QWidget()
    layout = QVBoxLayout(window)
    notes = QLineEdit()
    notes.setAccessibleName("Notes")
    layout.addWidget(notes)
    layout.addWidget(form)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


# --- quick action -------------------------------------------------------------------------


def test_an_action_is_prefilled_from_the_sentence_and_enter_stores_it(
    qtbot, store, meeting_id, item_id
):
    form = QuickActionForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "- The Chief Constable to review OOCRs by September 2025.")

    assert form.isVisible()
    qtbot.waitUntil(form.text_edit.hasFocus)
    assert form.text_edit.text() == "Review OOCRs by September 2025"  # the owner is its own field
    assert form.owner_edit.text() == "The Chief Constable"
    assert form.due_edit.text() == "30 September 2025"

    qtbot.keyClick(form.text_edit, Qt.Key.Key_Tab)
    assert form.owner_edit.hasFocus()
    form.owner_edit.selectAll()
    qtbot.keyClicks(form.owner_edit, "Chief Constable")
    with qtbot.waitSignals([form.saved, form.closed], order="strict"):
        qtbot.keyClick(form.owner_edit, Qt.Key.Key_Return)

    assert not form.isVisible()
    (action,) = item_of(store, meeting_id, item_id).actions
    assert action.text == "Review OOCRs by September 2025"
    assert (action.owner, action.due, action.status) == (
        "Chief Constable",
        date(2025, 9, 30),
        "open",
    )


def test_esc_closes_the_action_form_with_nothing_stored(qtbot, store, meeting_id, item_id):
    form = QuickActionForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "The Commissioner asked the Chief Constable to share Taser data.")
    qtbot.keyClicks(form.text_edit, " with community networks")

    with qtbot.assertNotEmitted(form.saved), qtbot.waitSignal(form.closed):
        qtbot.keyClick(form.text_edit, Qt.Key.Key_Escape)

    assert not form.isVisible()
    assert item_of(store, meeting_id, item_id).actions == ()


def test_esc_in_the_form_is_the_forms_even_when_the_window_binds_esc(
    qtbot, store, meeting_id, item_id
):
    form = QuickActionForm(store)
    window = host(qtbot, form)
    leave_focus_mode = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    fired = []
    leave_focus_mode.activated.connect(lambda: fired.append(True))
    form.open_for(item_id, "CC to circulate the report")
    qtbot.waitUntil(form.text_edit.hasFocus)

    with qtbot.waitSignal(form.closed):
        qtbot.keyClick(form.text_edit, Qt.Key.Key_Escape)
    assert fired == []

    form.open_for(item_id, "CC to circulate the report")
    form.cancel_button.setFocus()
    with qtbot.waitSignal(form.closed), qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.cancel_button, Qt.Key.Key_Return)
    assert item_of(store, meeting_id, item_id).actions == ()


def test_an_action_without_words_or_with_a_bad_date_stays_open_with_one_red_sentence(
    qtbot, store, meeting_id, item_id
):
    form = QuickActionForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "")
    with qtbot.assertNotEmitted(form.closed):
        qtbot.keyClick(form.text_edit, Qt.Key.Key_Enter)
    assert form.isVisible() and form.error_label.isVisible()
    assert form.error_text == "An action needs some words saying what is to be done."

    qtbot.keyClicks(form.text_edit, "Circulate the report")
    qtbot.keyClicks(form.due_edit, "next-ish")
    qtbot.keyClick(form.due_edit, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.error_text.startswith("'next-ish' is not a date")
    assert item_of(store, meeting_id, item_id).actions == ()


def test_a_locked_meeting_is_reported_inside_the_form(qtbot, store, meeting_id, item_id):
    approve(store, meeting_id)
    form = QuickActionForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "CC to circulate the report")
    qtbot.keyClick(form.text_edit, Qt.Key.Key_Return)
    assert form.isVisible()
    assert "locked against edits" in form.error_text


# --- quick figure -------------------------------------------------------------------------


def test_a_figure_typed_as_a_change_to_a_range_is_stored_with_two_points(
    qtbot, store, meeting_id, item_id
):
    form = QuickFigureForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "Crime recording was discussed at length.")
    qtbot.waitUntil(form.label_edit.hasFocus)

    qtbot.keyClicks(form.label_edit, "Crime recording accuracy")
    qtbot.keyClick(form.label_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.values_edit, "80 -> 92-93")
    qtbot.keyClick(form.values_edit, Qt.Key.Key_Tab)
    assert form.unit_combo.hasFocus()
    qtbot.keyClick(form.unit_combo, Qt.Key.Key_End)
    qtbot.keyClick(form.unit_combo, Qt.Key.Key_Home)
    assert form.unit == "%"
    with qtbot.waitSignals([form.saved, form.closed]):
        qtbot.keyClick(form.unit_combo, Qt.Key.Key_Return)

    (metric,) = item_of(store, meeting_id, item_id).figures
    assert (metric.label, metric.unit, metric.target) == ("Crime recording accuracy", "%", None)
    assert metric.points == (FigurePoint("", 80.0), FigurePoint("", 92.0, False, 93.0))


def test_a_figure_is_prefilled_from_the_sentence_and_keeps_approximation(
    qtbot, store, meeting_id, item_id
):
    form = QuickFigureForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "Crime recording accuracy improved from 80% to approximately 92–93%.")
    assert form.label_edit.text() == "Crime recording accuracy"
    assert form.values_edit.text() == "80 → ~92–93"
    assert form.unit == "%"
    qtbot.keyClick(form.label_edit, Qt.Key.Key_Return)

    (metric,) = item_of(store, meeting_id, item_id).figures
    assert [(p.value, p.approx, p.high) for p in metric.points] == [
        (80.0, False, None),
        (92.0, True, 93.0),
    ]


def test_a_value_that_is_not_a_number_is_refused_inline_and_nothing_is_stored(
    qtbot, store, meeting_id, item_id
):
    form = QuickFigureForm(store)
    window = host(qtbot, form)  # noqa: F841 (the window must outlive the form's use)
    form.open_for(item_id, "")
    qtbot.keyClicks(form.label_edit, "Arrests")
    form.values_edit.setFocus()
    qtbot.keyClicks(form.values_edit, "eighty -> 92")
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.values_edit, Qt.Key.Key_Return)

    assert form.isVisible() and form.error_label.isVisible()
    assert form.error_text.startswith("'eighty' is not a number")
    assert item_of(store, meeting_id, item_id).figures == ()


@pytest.mark.parametrize(
    ("typed", "values", "unit"),
    [
        ("80 -> 92-93", [ValueDraft(80), ValueDraft(92, 93)], None),
        ("80, 92~93", [ValueDraft(80), ValueDraft(92, 93, approx=True)], None),
        ("1,200 → 800", [ValueDraft(1200), ValueDraft(800)], None),
        ("approx 92–93%", [ValueDraft(92, 93, approx=True)], "%"),
        (
            "76 (2023) -> 334 (2024)",
            [ValueDraft(76, period="2023"), ValueDraft(334, period="2024")],
            None,
        ),
        ("£1.2m", [ValueDraft(1_200_000)], "£"),
        ("4.3x", [ValueDraft(4.3)], "ratio"),
    ],
)
def test_values_are_read_as_points_ranges_and_approximations(typed, values, unit):
    assert parse_values(typed) == (values, unit)


@pytest.mark.parametrize(
    ("sentence", "owner", "due"),
    [
        ("The Chief Constable to review OOCRs in six months", "The Chief Constable", None),
        ("Finance team to cost the options", "Finance team", None),
        (
            "The Commissioner asked the Chief Constable to share data by 14 August 2025",
            "Chief Constable",
            date(2025, 8, 14),
        ),
        (
            "The force expects all 10 districts to be operational by September 2025",
            "Chief Constable",  # who answers for the force at this meeting
            date(2025, 9, 30),
        ),
        (
            "The Chief Executive will arrange an inspection between November 2025 and "
            "February 2026",
            "Chief Executive",
            date(2026, 2, 28),
        ),
    ],
)
def test_an_owner_and_a_due_date_are_guessed_from_the_sentence(sentence, owner, due):
    assert (guess_owner(sentence), guess_due(sentence)) == (owner, due)


def test_a_time_from_the_meeting_is_counted_from_the_meetings_day(qtbot, store, item_id):
    form = QuickActionForm(store)
    window = host(qtbot, form)  # noqa: F841
    sentence = (
        "- Forward look: the structure should help. The force will review OCCRs in six months."
    )
    form.open_for(item_id, sentence.split(". ")[1], date(2025, 9, 11))
    assert form.text_edit.text() == "Review OCCRs in six months"
    assert form.owner_edit.text() == "Chief Constable"
    assert form.due_edit.text() == "11 March 2026"


def test_a_month_as_a_due_date_means_its_last_day():
    assert parse_due("February 2028") == date(2028, 2, 29)
    assert parse_due("2025-09-01") == date(2025, 9, 1)
    assert parse_due("") is None


# --- the side panel -----------------------------------------------------------------------


@pytest.fixture
def panel(qtbot, store, meeting_id, item_id):
    panel = SidePanel(store)
    qtbot.addWidget(panel)
    panel.show_item(ops.load_meeting(store, meeting_id), item_id)
    panel.show()
    return panel


def test_suggestions_appear_once_typing_pauses_not_on_every_keystroke(qtbot, panel, monkeypatch):
    calls = []
    import pcc_minutes.text.figures as figures_module

    real = figures_module.detect_figures
    monkeypatch.setattr(
        figures_module, "detect_figures", lambda text: calls.append(text) or real(text)
    )
    for end in range(1, len(NOTES) + 1, 7):
        panel.update_suggestions(NOTES[:end])
    panel.update_suggestions(NOTES)
    assert calls == [] and panel.suggestions == ()

    qtbot.waitUntil(lambda: len(panel.suggestions) == 2)
    assert len(calls) == 1
    rows = [panel.figures_list.item(i).text() for i in range(panel.figures_list.count())]
    assert rows[0].startswith("suggested: Crime recording accuracy 80% → approx. 92–93%")


def test_accepting_the_first_suggestion_stores_it_and_it_leaves_the_suggestions(
    qtbot, panel, store, meeting_id, item_id
):
    panel.update_suggestions(NOTES)
    qtbot.waitUntil(lambda: len(panel.suggestions) == 2)

    with qtbot.waitSignal(panel.changed):
        assert panel.accept_first_suggestion()

    (metric,) = item_of(store, meeting_id, item_id).figures
    assert metric.label == "Crime recording accuracy"
    assert [s.unit for s in panel.suggestions] == ["ratio"]
    assert panel.figures_list.item(0).text() == ("Crime recording accuracy: 80% → approx. 92–93%")


def test_the_shortcut_right_after_typing_does_not_wait_for_the_pause(
    panel, store, meeting_id, item_id
):
    panel.update_suggestions("Use of force recording is up by 20%.")
    assert panel.accept_first_suggestion()
    assert len(item_of(store, meeting_id, item_id).figures) == 1


def test_enter_on_a_selected_suggestion_stores_it_and_delete_dismisses_another(
    qtbot, panel, store, meeting_id, item_id
):
    panel.update_suggestions(NOTES)
    qtbot.waitUntil(lambda: len(panel.suggestions) == 2)
    rows = panel.figures_list
    rows.setFocus()
    rows.setCurrentRow(1)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(rows, Qt.Key.Key_Return)
    (metric,) = item_of(store, meeting_id, item_id).figures
    assert metric.unit == "ratio" and metric.points[0].value == 5

    rows.setCurrentRow(1)  # the remaining suggestion, after the stored figure
    with qtbot.assertNotEmitted(panel.changed):
        qtbot.keyClick(rows, Qt.Key.Key_Delete)
    assert panel.suggestions == ()
    assert len(item_of(store, meeting_id, item_id).figures) == 1


def test_space_marks_an_action_done_and_open_again(qtbot, panel, store, meeting_id, item_id):
    action_id = ops.add_action(store, item_id, "Share Taser data", "Chief Constable").value
    panel.show_item(ops.load_meeting(store, meeting_id), item_id)
    rows = panel.actions_list
    assert rows.item(0).text() == "Share Taser data — Chief Constable"
    rows.setCurrentRow(0)

    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(rows, Qt.Key.Key_Space)
    assert item_of(store, meeting_id, item_id).actions[0].status == "done"
    assert rows.item(0).checkState() == Qt.CheckState.Checked
    assert rows.currentRow() == 0, "the selection survives the refresh"

    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(rows, Qt.Key.Key_Space)
    (action,) = item_of(store, meeting_id, item_id).actions
    assert (action.id, action.status) == (action_id, "open")


def test_delete_removes_the_selected_figure_or_action(qtbot, panel, store, meeting_id, item_id):
    ops.add_action(store, item_id, "Review OOCRs", "Chief Constable", date(2026, 2, 28))
    ops.add_metric(store, item_id, "Arrests", "count", [FigurePoint("2025", 14.0)], 20.0)
    panel.show_item(ops.load_meeting(store, meeting_id), item_id)
    assert panel.figures_list.item(0).text() == "Arrests: 14 (2025) · target 20"
    assert panel.actions_list.item(0).text() == (
        "Review OOCRs — Chief Constable, due 28 February 2026"
    )

    for rows in (panel.figures_list, panel.actions_list):
        rows.setCurrentRow(0)
        with qtbot.waitSignal(panel.changed):
            qtbot.keyClick(rows, Qt.Key.Key_Delete)
    item = item_of(store, meeting_id, item_id)
    assert (item.figures, item.actions) == ((), ())


def test_read_only_refuses_to_add_toggle_or_remove(qtbot, panel, store, meeting_id, item_id):
    ops.add_action(store, item_id, "Share Taser data")
    panel.show_item(ops.load_meeting(store, meeting_id), item_id)
    panel.set_read_only(True)
    panel.update_suggestions(NOTES)

    with qtbot.waitSignal(panel.error), qtbot.assertNotEmitted(panel.changed):
        assert not panel.accept_first_suggestion()
    assert panel.suggestions == ()
    rows = panel.actions_list
    assert not rows.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    rows.setCurrentRow(0)
    with qtbot.assertNotEmitted(panel.changed):
        qtbot.keyClick(rows, Qt.Key.Key_Space)
        qtbot.keyClick(rows, Qt.Key.Key_Delete)
    item = item_of(store, meeting_id, item_id)
    assert (item.figures, [a.status for a in item.actions]) == ((), ["open"])


def test_a_meeting_locked_elsewhere_surfaces_its_sentence_through_error(
    qtbot, panel, store, meeting_id, item_id
):
    ops.add_action(store, item_id, "Share Taser data")
    panel.show_item(ops.load_meeting(store, meeting_id), item_id)
    approve(store, meeting_id)  # the view the panel holds is still a draft
    panel.actions_list.setCurrentRow(0)

    with qtbot.waitSignal(panel.error) as refused, qtbot.assertNotEmitted(panel.changed):
        qtbot.keyClick(panel.actions_list, Qt.Key.Key_Space)
    assert "approved and locked against edits" in refused.args[0]
    assert item_of(store, meeting_id, item_id).actions[0].status == "open"
    assert panel.read_only, "the panel now knows the meeting is locked"
    assert panel.actions_list.item(0).checkState() == Qt.CheckState.Unchecked


def test_moving_to_another_item_drops_the_old_items_pending_suggestions(
    qtbot, panel, store, meeting_id
):
    panel.update_suggestions(NOTES)
    view = ops.load_meeting(store, meeting_id)
    panel.show_item(view, view.items[2].id)
    qtbot.wait(panel.SUGGESTION_DELAY_MS + 100)
    assert panel.suggestions == ()
    assert panel.figures_list.item(0).text() == "No figures yet"


def test_a_long_item_suggests_only_the_figures_nearest_the_end_of_its_notes(qtbot, panel):
    notes = "\n\n".join(
        f"District {n} reported that arrests rose from {n}% to {n + 50}% this year."
        for n in range(1, 121)
    )
    panel.update_suggestions(notes)
    qtbot.waitUntil(lambda: len(panel.suggestions) > 0, timeout=10_000)
    assert len(panel.suggestions) == panel.MOST_SUGGESTIONS
    assert panel.figures_list.count() == panel.MOST_SUGGESTIONS
    values = [p.value for p in panel.suggestions[-1].points]
    assert values == [120, 170]  # the last figure typed is the last shown


def test_the_figure_forms_periods_field_shows_a_whole_month_and_year(qtbot, store, item_id):
    form = QuickFigureForm(store)
    window = host(qtbot, form)  # noqa: F841
    window.resize(900, 300)
    form.open_for(item_id, "Renewals fell from 1,200 in February 2025 to 800 in September 2025.")
    qtbot.waitUntil(form.periods_edit.isVisible)
    metrics = form.periods_edit.fontMetrics()
    assert form.periods_edit.width() >= metrics.horizontalAdvance("September 2025")
    assert form.periods_edit.width() > form.target_edit.width()


def test_the_figure_form_reads_the_target_said_in_the_next_sentence(qtbot, store, item_id):
    form = QuickFigureForm(store)
    window = host(qtbot, form)  # noqa: F841
    form.context = "- Over 150 farms now use the marking kits. The target is 300 farms."
    form.open_for(item_id, "Over 150 farms now use the marking kits.")
    assert (form.label_edit.text(), form.values_edit.text()) == ("Farms", "over 150")
    assert form.target_edit.text() == "300"
    form.open_for(item_id, "Over 150 farms now use the marking kits.")  # no paragraph given
    assert form.target_edit.text() == ""
