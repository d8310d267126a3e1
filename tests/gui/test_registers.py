"""The register views: the decision register edited in place (and removed from) through the
operations and the window's undo stack, a locked meeting's decision refused; the action log's
open and recently closed actions with Show all; a row opens its meeting and item."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Action, ActionUpdate
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.ui.actions import ActionId
from pcc_minutes.ui.registers import (
    Register,
    RegisterView,
    action_log,
    decision_register,
    open_view,
)
from pcc_minutes.ui.session import Session

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

DECISIONS = [
    DecisionEntry(7, "Overtime to be reviewed quarterly", 2, date(2025, 9, 11), 3, "M", "Finance"),
    DecisionEntry(8, "Estate strategy adopted", 1, date(2025, 8, 14), 1, "M", "Estates"),
]


def _tracked(ident, text, status, raised, updates=()):
    return TrackedAction(
        Action(text, "OPCC", None, status, id=ident), 1, raised, 4, updates=updates
    )


ACTIONS = [
    _tracked(1, "Still to do", "open", date(2025, 8, 14)),
    _tracked(
        2,
        "Circulate the custody figures",
        "done",
        date(2025, 8, 14),
        (ActionUpdate(2, date(2025, 9, 11), "done", "Sent on 2 September."),),
    ),
    _tracked(3, "Closed long ago", "done", date(2024, 1, 11)),
]


def _shown(view) -> list[list[str]]:
    return [
        [view.cell(r, c) for c in range(view.model.columnCount())] for r in range(view.row_count())
    ]


def test_the_decision_register_lists_them_and_ctrl_enter_opens_the_meeting(qtbot):
    view = RegisterView(
        "Decision Register",
        ["Date", "Item", "Decision"],
        lambda: decision_register(DECISIONS),
        editable=2,
    )
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=3000)
    assert _shown(view)[0] == ["11 Sep 2025", "3. Finance", "Overtime to be reviewed quarterly"]
    assert view.cell(1, 0) == "14 Aug 2025"
    view.table.setCurrentIndex(view.model.index(1, 2))
    with qtbot.waitSignal(view.open_at) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [1, 1]
    assert "Enter or a double-click edits a decision" in view.message.text()


def test_the_action_log_shows_open_and_recently_closed_and_show_all_lists_every_one(qtbot):
    view = RegisterView(
        "Action Log",
        ["Status", "Action", "Owner", "Due", "Raised", "Latest update"],
        lambda: action_log(ACTIONS, date(2025, 10, 20)),
        recent_toggle=True,
    )
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=3000)
    assert _shown(view)[1] == [
        "Done 11 Sep 2025",
        "Circulate the custody figures",
        "OPCC",
        "",
        "14 Aug 2025, item 4",
        "Sent on 2 September.",
    ]
    said = view.message.text()
    assert "1 open action and 1 closed since 22 July 2025, in the last 90 days" in said
    assert "1 closed earlier is hidden (Show all lists every action)" in said
    assert not view.show_all.isChecked()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Show &all
    qtbot.waitUntil(view.show_all.isChecked)  # a mnemonic clicks after a short flash
    assert view.row_count() == 3
    assert view.message.text().startswith("All 3 actions of the series: 1 open, 2 closed.")
    view.table.setCurrentIndex(view.model.index(2, 1))
    with qtbot.waitSignal(view.open_at, timeout=2000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [1, 4]  # the meeting and item where it was raised


def test_an_empty_register_or_a_refusal_is_one_sentence(qtbot):
    from pcc_minutes.core.errors import UserInputError

    def refuse():
        raise UserInputError("No series is called 'Estates'; choose one from the list.")

    view = RegisterView("Action Log", ["Status"], refuse)
    qtbot.addWidget(view)
    view.reload()
    qtbot.waitUntil(lambda: "No series is called" in view.message.text(), timeout=3000)
    empty = RegisterView("Action Log", ["Status"], lambda: Register())
    qtbot.addWidget(empty)
    empty.reload()
    qtbot.waitUntil(lambda: empty.message.text().startswith("Nothing recorded"), timeout=3000)


# --- against a real database ---------------------------------------------------------------


@pytest.fixture
def decided(store):
    """Two meetings of one series, a decision in each; the first approved (locked)."""
    template = builtin_templates()[0]
    first = ops.create_from_template(store, template, date(2026, 1, 15)).value
    second = ops.create_from_last(store, first, date(2026, 2, 12)).value
    one = ops.add_decision(store, ops.load_meeting(store, first).items[1].id, "Adopt the plan")
    two = ops.add_decision(store, ops.load_meeting(store, second).items[2].id, "Meet monthly")
    ops.set_status(store, first, "for-approval", by="Chair")
    ops.set_status(store, first, "approved", by="Chair")
    return first, second, one.value, two.value


def _texts(store):
    return [d.text for d in ops.list_decisions(store)]


def _register(qtbot, store, session=None):
    session = session or Session(store)
    view = open_view(session, "decisions", None)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    view.reload()
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=3000)
    return view, session


def test_enter_edits_a_decision_in_place_esc_cancels_and_undo_redo_follow(qtbot, store, decided):
    first, second, one, two = decided
    view, session = _register(qtbot, store)
    session.set_meeting(second)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor.text() == "Meet monthly"
    editor.selectAll()
    qtbot.keyClicks(editor, "Meet every other month")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # cancelled: nothing stored
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)
    qtbot.wait(50)
    assert _texts(store) == ["Adopt the plan", "Meet monthly"]

    view.table.doubleClicked.emit(view.model.index(1, 0))  # a double-click edits too
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Meet every other month")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the editor commits once back in the loop
    qtbot.waitUntil(lambda: _texts(store) == ["Adopt the plan", "Meet every other month"])
    stack = session.stack(second)
    assert stack.undoText() == "Edit decision"
    qtbot.waitUntil(lambda: view.cell(1, 2) == "Meet every other month")
    stack.undo()
    assert _texts(store) == ["Adopt the plan", "Meet monthly"]
    qtbot.waitUntil(lambda: view.cell(1, 2) == "Meet monthly", timeout=3000)  # the fan-out
    stack.redo()
    assert _texts(store) == ["Adopt the plan", "Meet every other month"]


def test_delete_removes_a_decision_undoably_and_a_locked_one_is_refused(qtbot, store, decided):
    first, second, one, two = decided
    view, session = _register(qtbot, store)
    session.set_meeting(second)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 2))  # in the approved meeting
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.table.state() != QAbstractItemView.State.EditingState
    assert view.message.text() == (
        f"Meeting {first} is approved and locked against edits; set it back to draft to correct it."
    )
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert _texts(store) == ["Adopt the plan", "Meet monthly"]

    view.table.setCurrentIndex(view.model.index(1, 2))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert _texts(store) == ["Adopt the plan"]
    qtbot.waitUntil(lambda: view.row_count() == 1, timeout=3000)
    assert session.stack(second).undoText() == "Remove decision"
    session.stack(second).undo()
    assert _texts(store) == ["Adopt the plan", "Meet monthly"]
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=3000)


# --- in the window -------------------------------------------------------------------------


@pytest.fixture
def meeting_id(store, decided):
    return decided[1]


def test_the_view_menu_opens_the_register_whose_edits_undo_from_the_edit_menu(
    qtbot, window, store, decided
):
    first, second, one, two = decided
    assert window.__dict__.get("_registers") is None  # nothing built before it is asked for
    window.action(ActionId.DECISION_REGISTER).trigger()
    view = window._registers["decisions"]
    qtbot.waitUntil(lambda: view.row_count() == 2, timeout=3000)
    item = ops.load_meeting(store, second).items[2]
    view.table.setCurrentIndex(view.model.index(1, 2))
    view.model.setData(view.model.index(1, 2), "Meet every month")  # as the editor commits
    assert _texts(store) == ["Adopt the plan", "Meet every month"]
    assert window.action(ActionId.UNDO).text() == "&Undo Edit decision"
    window.show_item(item.id)
    rows = window.side.decisions_list
    qtbot.waitUntil(lambda: rows.item(0).text() == "Meet every month")  # the side panel too
    window.undo()
    assert _texts(store) == ["Adopt the plan", "Meet monthly"]
    qtbot.waitUntil(lambda: rows.item(0).text() == "Meet monthly")
    window.redo()
    assert _texts(store) == ["Adopt the plan", "Meet every month"]

    view.table.setCurrentIndex(view.model.index(0, 2))
    view.open_button.click()  # decided on 15 Jan 2026, item 2
    assert window.view.id == first
    assert window.view.item(window.item_id).position == 2
    window.action(ActionId.ACTION_LOG).trigger()
    log = window._registers["actions"]
    qtbot.waitUntil(lambda: not log.loading, timeout=3000)
    assert log.message.text().startswith("Nothing recorded")


def test_export_action_log_writes_off_the_gui_thread_and_says_where(
    qtbot, window, tmp_path, monkeypatch
):
    import threading

    seen = {}

    def export_action_log(_store, series, path, format_name):
        seen.update(series=series, format=format_name, thread=threading.current_thread())
        path.write_text("log")
        return path

    monkeypatch.setattr(ops, "export_action_log", export_action_log, raising=False)
    assert window.action(ActionId.EXPORT_ACTION_LOG).isEnabled()
    target = tmp_path / "log.pdf"
    window.export_action_log(target)
    qtbot.waitUntil(lambda: "Exported the action log" in window.statusBar().currentMessage())
    assert target.read_text() == "log"
    assert seen["format"] == "pdf" and seen["thread"] is not threading.main_thread()
    assert seen["series"] == (window.view.series or None)


def test_a_view_closed_while_it_reads_gets_nothing_and_the_next_one_reads(qtbot):
    import threading

    release = threading.Event()

    def slow():
        release.wait(5)
        return decision_register(DECISIONS)

    view = RegisterView("Decision Register", ["Date", "Item", "Decision"], slow, editable=2)
    view.reload()
    view.deleteLater()
    qtbot.waitUntil(lambda: not _alive(view))
    release.set()  # the read finishes after its view has gone
    qtbot.wait(100)
    again = RegisterView(
        "Decision Register", ["Date", "Item", "Decision"], lambda: decision_register(DECISIONS)
    )
    qtbot.addWidget(again)
    again.reload()
    qtbot.waitUntil(lambda: again.row_count() == 2, timeout=3000)


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
