"""Matters arising: an item carrying an action from an earlier meeting shows it above the
notes with where it was raised, its status here and the update. On the two seed meetings
(skipped without seeds); the carrying is written as create_from_last will write it."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.store.tables import ActionUpdateRow
from tests.conftest import need, seed_files

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def meeting_id(store, cli):
    assert cli("import", *need(seed_files(), "the seed meetings")).code == 0
    august, september = ops.load_meeting(store, 1), ops.load_meeting(store, 2)
    raised = august.items[3]
    action_id = ops.add_action(
        store,
        raised.id,
        "Report stop and search outcomes by ethnicity",
        "Chief Constable",
        date(2025, 9, 30),
    ).value
    with store.transaction() as session:
        session.add(
            ActionUpdateRow(
                action_id=action_id,
                meeting_id=september.id,
                item_id=september.items[0].id,
                position=0,
                status="done",
                note="Figures circulated before the meeting.",
            )
        )
    return september.id


def test_a_carried_action_shows_where_it_was_raised_its_status_and_update(window):
    pane = window._matters_arising
    assert pane.isVisible()
    assert pane.rows.count() == 1
    line = pane.rows.item(0).text()
    assert line.startswith(
        "Done here: Report stop and search outcomes by ethnicity (Chief Constable, due 30 Sep 2025)"
    )
    assert "Raised 14 Aug 2025, item 4" in line
    assert "Update: Figures circulated before the meeting." in line
    assert "1 carried action, 0 still open" in pane.heading.text()

    window.show_item(window.view.items[1].id)  # an item carrying nothing
    assert not pane.isVisible()


def test_a_carried_action_is_marked_and_updated_by_keyboard_and_undone(qtbot, window, store):
    from PySide6.QtCore import Qt

    pane = window._matters_arising
    pane.rows.setFocus()
    pane.rows.setCurrentRow(0)

    def status_here():
        item = ops.load_meeting(store, window.view.id).item(window.item_id)
        return str(item.carried[0].action.status), item.carried[0].note

    qtbot.keyClick(pane.rows, Qt.Key.Key_O)  # open again in this meeting
    qtbot.waitUntil(lambda: status_here()[0] == "open")
    assert status_here()[1] == "Figures circulated before the meeting."
    assert pane.rows.item(0).text().startswith("Open here:")
    qtbot.keyClick(pane.rows, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: status_here()[0] == "dropped")
    assert pane.rows.item(0).text().startswith("Dropped here:")
    window.undo()
    qtbot.waitUntil(lambda: status_here()[0] == "open")
    qtbot.waitUntil(lambda: pane.rows.item(0).text().startswith("Open here:"))


def test_enter_writes_the_update_said_in_this_meeting(qtbot, window, store, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sent to every member.", True))
    )
    pane = window._matters_arising
    pane.rows.setFocus()
    pane.rows.setCurrentRow(0)
    qtbot.keyClick(pane.rows, Qt.Key.Key_Return)
    carried = ops.load_meeting(store, window.view.id).item(window.item_id).carried[0]
    assert carried.note == "Sent to every member." and str(carried.action.status) == "done"
    assert "Update: Sent to every member." in pane.rows.item(0).text()


def test_the_heading_line_wraps_rather_than_widening_the_centre(window):
    from PySide6.QtWidgets import QWidget

    pane = window.findChild(QWidget, "matters_arising")
    assert pane is not None and pane.isVisible()
    assert pane.heading.wordWrap() and pane.heading.text()
    assert pane.heading.minimumSizeHint().width() < 300  # a long line never sets the width
