"""The register views list what the operations return and open the meeting of a row."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from pcc_minutes.core.records import Action, ActionUpdate
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.ui.registers import RegisterView, action_rows, decision_rows

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

DECISIONS = [
    DecisionEntry(7, "Overtime to be reviewed quarterly", 2, date(2025, 9, 11), 3, "M", "Finance"),
    DecisionEntry(8, "Estate strategy adopted", 1, date(2025, 8, 14), 1, "M", "Estates"),
]
ACTIONS = [
    TrackedAction(
        Action("Circulate the custody figures", "OPCC", date(2025, 9, 30), "done", id=4),
        1,
        date(2025, 8, 14),
        4,
        updates=(ActionUpdate(2, date(2025, 9, 11), "done", "Sent on 2 September."),),
    )
]


def test_the_decision_register_lists_them_and_a_double_click_opens_the_meeting(qtbot):
    view = RegisterView(
        "Decision Register", ["Date", "Item", "Decision"], lambda: decision_rows(DECISIONS)
    )
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=3000)
    assert view.table.item(0, 2).text() == "Overtime to be reviewed quarterly"
    assert view.table.item(1, 0).text() == "14 Aug 2025"
    with qtbot.waitSignal(view.open_at) as opened:
        view.table.cellDoubleClicked.emit(1, 2)
    assert opened.args == [1, 1]


def test_the_action_log_shows_status_where_raised_and_the_latest_update(qtbot):
    view = RegisterView(
        "Action Log",
        ["Status", "Action", "Owner", "Due", "Raised", "Latest update"],
        lambda: action_rows(ACTIONS),
    )
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=3000)
    cells = [view.table.item(0, c).text() for c in range(6)]
    assert cells == [
        "Done",
        "Circulate the custody figures",
        "OPCC",
        "30 Sep 2025",
        "14 Aug 2025, item 4",
        "Sent on 2 September.",
    ]
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
    empty = RegisterView("Action Log", ["Status"], lambda: [])
    qtbot.addWidget(empty)
    empty.reload()
    qtbot.waitUntil(lambda: empty.message.text().startswith("Nothing recorded"), timeout=3000)


@pytest.fixture
def meeting_id(store, cli, monkeypatch):
    """The seed meetings, with the register operations answering what the fakes hold (they
    are on the facade once the actions work lands; the menu entries wait for them)."""
    from pcc_minutes import operations as ops
    from tests.conftest import need, seed_files

    assert cli("import", *need(seed_files(), "the seed meetings")).code == 0
    asked = []

    def list_decisions(_store, series=None):
        asked.append(series)
        return DECISIONS

    monkeypatch.setattr(ops, "list_decisions", list_decisions, raising=False)
    monkeypatch.setattr(ops, "list_actions", lambda _store, series=None: ACTIONS, raising=False)
    monkeypatch.setattr(ops, "export_action_log", lambda *args: None, raising=False)
    return 1


def test_view_menu_opens_the_register_and_a_row_opens_its_meeting_and_item(qtbot, window):
    from pcc_minutes.ui.actions import ActionId

    action = window.action(ActionId.DECISION_REGISTER)
    assert action.isEnabled()
    assert window.__dict__.get("_registers") is None  # nothing built before it is asked for
    action.trigger()
    view = window._registers["decisions"]
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=3000)
    view.table.cellDoubleClicked.emit(0, 2)  # decided on 11 Sep 2025, item 3
    assert window.view.id == 2
    assert window.view.item(window.item_id).position == 3
    window.action(ActionId.ACTION_LOG).trigger()
    log = window._registers["actions"]
    qtbot.waitUntil(lambda: log.table.rowCount() == 1, timeout=3000)


def test_export_action_log_writes_off_the_gui_thread_and_says_where(
    qtbot, window, tmp_path, monkeypatch
):
    import threading

    from pcc_minutes import operations as ops
    from pcc_minutes.ui.actions import ActionId

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
