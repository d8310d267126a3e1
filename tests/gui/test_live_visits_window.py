"""The live timer once the meeting goes back to an item: it carries on from the item's own
time instead of counting from its first start; clicking an item while live is a timed move;
a meeting left live reopens at its running item. The clock is the test's, never waited for."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from pcc_minutes import operations as ops
from pcc_minutes.core.live import time_spent
from pcc_minutes.core.records import ItemVisit
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.ui.actions import ActionId
from pcc_minutes.ui.agenda.model import DONE_MARK, STATE

T0 = datetime(2026, 3, 12, 10, 30)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def wait(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr("pcc_minutes.ui.window.live.local_now", fake)
    monkeypatch.setattr("pcc_minutes.operations.live.local_now", fake)
    return fake


def press(qtbot, window, action_id: ActionId) -> None:
    combo = window.action(action_id).shortcut()[0]
    qtbot.keyClick(window.editor, combo.key(), combo.keyboardModifiers())


def test_the_timer_of_an_item_gone_back_to_carries_on_from_its_own_time(
    qtbot, window, store, meeting_id, clock
):
    window.live_bar.now = clock
    press(qtbot, window, ActionId.LIVE)  # item 1 from 10:30
    clock.wait(7)
    press(qtbot, window, ActionId.NEXT_ITEM)  # item 2 for 20 minutes
    clock.wait(20)
    press(qtbot, window, ActionId.PREVIOUS_ITEM)  # back to item 1
    clock.wait(3)
    window.live_bar.refresh()
    planned = ops.load_meeting(store, meeting_id).items[0].planned_minutes
    # 7 + 3 minutes on item 1, not the 30 since its first start.
    assert (
        window.live_bar.item_label.text()
        == f"Item 1 of {len(window.view.items)} · 10:00 of {planned:02d}:00 · visit 2"
    )
    assert window.live_bar.meeting_label.text() == "Meeting 30:00"  # the whole meeting
    window.live_writer.wait()
    first = ops.load_meeting(store, meeting_id).items[0]
    assert first.visits == (
        ItemVisit(T0, T0 + timedelta(minutes=7)),
        ItemVisit(clock.now - timedelta(minutes=3)),
    )
    assert time_spent(first, clock.now) == 10 * 60


def test_the_timer_turns_amber_on_the_time_spent_not_the_time_since_the_first_start(
    qtbot, window, store, meeting_id, clock
):
    window.live_bar.now = clock
    planned = ops.load_meeting(store, meeting_id).items[0].planned_minutes
    assert planned
    press(qtbot, window, ActionId.LIVE)
    clock.wait(planned - 2)
    press(qtbot, window, ActionId.NEXT_ITEM)
    clock.wait(30)
    press(qtbot, window, ActionId.PREVIOUS_ITEM)
    clock.wait(1)
    window.live_bar.refresh()
    assert window.live_bar.item_label.accessibleDescription() == "on time"
    clock.wait(2)  # one minute past the plan, counting only item 1's own visits
    window.live_bar.refresh()
    assert window.live_bar.item_label.accessibleDescription() == "over its planned time"


def test_the_agenda_marks_an_item_done_with_the_time_spent_on_it(
    qtbot, window, store, meeting_id, clock
):
    press(qtbot, window, ActionId.LIVE)
    clock.wait(7)
    press(qtbot, window, ActionId.NEXT_ITEM)
    clock.wait(20)
    press(qtbot, window, ActionId.PREVIOUS_ITEM)
    clock.wait(6)
    press(qtbot, window, ActionId.NEXT_ITEM)
    model = window.agenda.model
    first = model.index(0, STATE)
    assert model.data(first) == DONE_MARK
    assert model.data(first, Qt.ItemDataRole.AccessibleTextRole) == "done, 13 min over 2 visits"
    assert "Spent: 13 min over 2 visits" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    second = model.index(1, STATE)
    assert model.data(second, Qt.ItemDataRole.AccessibleTextRole) == "being discussed now"
    clock.wait(2)
    press(qtbot, window, ActionId.LIVE)  # live mode ends; drafting, item 1 shows its plan
    window.show_item(window.view.items[0].id)
    assert "planned 5 min · spent 13 min over 2 visits" in window.item_details.text()


def test_clicking_an_item_while_live_is_a_timed_move(qtbot, window, store, meeting_id, clock):
    press(qtbot, window, ActionId.LIVE)
    clock.wait(4)
    third = window.view.items[2]
    tree = window.agenda.tree
    rect = tree.visualRect(window.agenda.model.index(2, 2))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.item_id == third.id
    window.live_writer.wait()
    view = ops.load_meeting(store, meeting_id)
    assert view.items[0].visits == (ItemVisit(T0, T0 + timedelta(minutes=4)),)
    assert view.items[2].visits == (ItemVisit(T0 + timedelta(minutes=4)),)
    assert view.items[1].visits == ()  # passed over by the click, never entered


def test_clicking_an_item_outside_live_mode_times_nothing(qtbot, window, store, meeting_id):
    tree = window.agenda.tree
    rect = tree.visualRect(window.agenda.model.index(2, 2))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.item_id == window.view.items[2].id
    assert all(item.visits == () for item in ops.load_meeting(store, meeting_id).items)


def test_a_meeting_left_live_reopens_at_its_running_item_and_carries_on(
    qtbot, store, meeting_id, clock
):
    from pcc_minutes.ui.window import MainWindow

    items = ops.load_meeting(store, meeting_id).items
    ops.enter_item(store, meeting_id, items[0].id, T0)
    ops.enter_item(store, meeting_id, items[2].id, T0 + timedelta(minutes=5))
    # The process died here: no end_live. A new window opens the meeting.
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    win.start(meeting_id)
    try:
        assert win.item_id == items[2].id and not win.live
        qtbot.waitUntil(lambda: "Item 3 was still" in win.statusBar().currentMessage())
        clock.wait(12)
        press(qtbot, win, ActionId.LIVE)
        win.live_writer.wait()
        assert win.statusBar().currentMessage() == ""  # carried on: the note has gone
        third = ops.load_meeting(store, meeting_id).items[2]
        assert third.visits == (ItemVisit(T0 + timedelta(minutes=5)),)  # still the same visit
        win.live_bar.now = clock
        win.live_bar.refresh()
        assert "· 07:00" in win.live_bar.item_label.text()
    finally:
        win.saver.close()
        win.live_writer.close()
