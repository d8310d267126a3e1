"""Live timing as visits: going back to an item adds a visit, and the time spent on it is the
sum of its visits — never the time spent on other items in between (real SQLite, real
migrations; the times are given, never waited for)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError
from pcc_minutes.core.live import entering, is_done, running_item, time_spent
from pcc_minutes.core.records import ItemVisit
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.store import peek

T0 = datetime(2026, 1, 15, 10, 30)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value


@pytest.fixture
def items(store, meeting_id):
    return ops.load_meeting(store, meeting_id).items


def back_and_forth(store, meeting_id, items) -> None:
    """Item 1 for 7 min, item 2 for 20, back to item 1 for 6, then item 3."""
    ops.start_live(store, meeting_id, T0)
    ops.enter_item(store, meeting_id, items[0].id, at(0))
    ops.enter_item(store, meeting_id, items[1].id, at(7))
    ops.enter_item(store, meeting_id, items[0].id, at(27))
    ops.enter_item(store, meeting_id, items[2].id, at(33))


def visit_rows(db_path, item_id: int) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(
            "SELECT position, started_at, ended_at FROM item_visit WHERE item_id = ? "
            "ORDER BY position",
            (item_id,),
        ).fetchall()


def test_going_back_to_an_item_adds_a_visit_and_skips_the_time_in_between(
    store, db_path, meeting_id, items
):
    back_and_forth(store, meeting_id, items)
    first, second, third = ops.load_meeting(store, meeting_id).items[:3]
    assert first.visits == (ItemVisit(at(0), at(7)), ItemVisit(at(27), at(33)))
    assert time_spent(first) == 13 * 60  # not the 33 minutes from its first start
    assert time_spent(second) == 20 * 60
    assert third.visits == (ItemVisit(at(33)),)
    assert time_spent(third, at(38)) == 5 * 60  # the open visit runs to now
    # The first start and last end stay as before, for everything that reads them.
    assert (first.actual_start, first.actual_end) == (at(0), at(33))
    assert (third.actual_start, third.actual_end) == (at(33), None)
    assert is_done(first) and not is_done(third)
    assert [r[0] for r in visit_rows(db_path, first.id)] == [0, 1]  # real rows, in order


def test_entering_the_item_already_being_discussed_changes_nothing(store, meeting_id, items):
    ops.enter_item(store, meeting_id, items[0].id, at(0))
    again = ops.enter_item(store, meeting_id, items[0].id, at(5))
    assert not again.changes and again.undo is None
    assert ops.load_meeting(store, meeting_id).items[0].visits == (ItemVisit(at(0)),)


def test_the_window_rule_and_the_stored_step_agree(store, meeting_id, items):
    """The window shows ``core.live.entering`` at once; the worker's write must match it."""
    shown = ops.load_meeting(store, meeting_id)
    for item, minute in ((items[0], 0), (items[1], 4), (items[0], 9), (items[3], 12)):
        shown = entering(shown, item.id, at(minute))
        ops.enter_item(store, meeting_id, item.id, at(minute))
    stored = ops.load_meeting(store, meeting_id)
    assert [(i.visits, i.actual_start, i.actual_end) for i in stored.items] == [
        (i.visits, i.actual_start, i.actual_end) for i in shown.items
    ]
    assert stored.live_started_at == shown.live_started_at == at(0)


def test_undo_of_a_step_puts_the_visits_back_and_redo_takes_the_step_again(
    store, meeting_id, items
):
    ops.enter_item(store, meeting_id, items[0].id, at(0))
    ops.enter_item(store, meeting_id, items[1].id, at(7))
    before = ops.load_meeting(store, meeting_id)
    step = ops.enter_item(store, meeting_id, items[0].id, at(27))
    assert step.changes.timing == {items[0].id, items[1].id}
    assert step.undo is not None and step.undo.text == "Move to item 1"
    undone = step.undo.apply(store)
    assert ops.load_meeting(store, meeting_id).items == before.items
    assert undone.changes.timing == {items[0].id, items[1].id}
    undone.undo.apply(store)  # redo
    after = ops.load_meeting(store, meeting_id).items
    assert after[0].visits == (ItemVisit(at(0), at(7)), ItemVisit(at(27)))
    assert after[1].visits == (ItemVisit(at(7), at(27)),)


def test_undo_of_the_first_step_stops_the_meeting_clock_it_started(store, meeting_id, items):
    step = ops.enter_item(store, meeting_id, items[0].id, at(0))
    assert step.changes.header == {meeting_id}
    step.undo.apply(store)
    view = ops.load_meeting(store, meeting_id)
    assert view.live_started_at is None and view.items[0].visits == ()
    assert view.items[0].actual_start is None


def test_end_live_closes_the_open_visit_and_can_be_taken_back(store, meeting_id, items):
    back_and_forth(store, meeting_id, items)
    ended = ops.end_live(store, meeting_id, at(40))
    assert ended.changes.timing == {items[2].id}
    third = ops.load_meeting(store, meeting_id).items[2]
    assert third.visits == (ItemVisit(at(33), at(40)),) and third.actual_end == at(40)
    assert not ops.end_live(store, meeting_id, at(41)).changes  # nothing left running
    ended.undo.apply(store)
    assert ops.load_meeting(store, meeting_id).items[2].visits == (ItemVisit(at(33)),)


def test_restarting_live_mode_after_a_break_adds_a_visit(store, meeting_id, items):
    ops.start_live(store, meeting_id, at(0))
    ops.enter_item(store, meeting_id, items[0].id, at(0))
    ops.end_live(store, meeting_id, at(10))
    ops.start_live(store, meeting_id, at(25))  # after the break: the clock keeps its start
    ops.enter_item(store, meeting_id, items[0].id, at(25))
    view = ops.load_meeting(store, meeting_id)
    assert view.live_started_at == at(0)
    assert time_spent(view.items[0], at(30)) == 15 * 60  # the break is not the item's


def test_a_killed_process_leaves_the_open_visit_open_and_the_meeting_resumes_there(
    store, db_path, meeting_id, items
):
    back_and_forth(store, meeting_id, items)
    # No end_live: the process died on item 3. Both readers (the first-paint one too) see
    # item 3 still running, so the window opens there and live mode carries on with it.
    for view in (ops.load_meeting(store, meeting_id), peek.latest_meeting(db_path, meeting_id)):
        assert running_item(view).id == items[2].id
        assert view.items[2].visits == (ItemVisit(at(33)),)
    resumed = ops.enter_item(store, meeting_id, items[2].id, at(45))
    assert not resumed.changes  # entering the running item again keeps its visit open
    assert time_spent(ops.load_meeting(store, meeting_id).items[2], at(45)) == 12 * 60


def test_an_item_timed_before_visits_were_kept_reads_as_one_visit(store, db_path, meeting_id):
    """An item whose one stretch was stored without a visit row (an older writer) still
    counts, and going back to it keeps that stretch as its first visit."""
    item = ops.load_meeting(store, meeting_id).items[0]
    with sqlite3.connect(db_path) as db:
        db.execute(
            "UPDATE agenda_item SET actual_start = ?, actual_end = ? WHERE id = ?",
            (at(0).isoformat(" "), at(5).isoformat(" "), item.id),
        )
    ops.enter_item(store, meeting_id, item.id, at(20))
    visits = ops.load_meeting(store, meeting_id).items[0].visits
    assert visits == (ItemVisit(at(0), at(5)), ItemVisit(at(20)))


def test_an_approved_meeting_refuses_every_live_step(store, meeting_id, items):
    ops.enter_item(store, meeting_id, items[0].id, at(0))
    ops.end_live(store, meeting_id, at(5))
    ops.set_status(store, meeting_id, "for-approval")
    ops.set_status(store, meeting_id, "approved", "Chair")
    before = ops.load_meeting(store, meeting_id).items
    for step in (
        lambda: ops.start_live(store, meeting_id, at(6)),
        lambda: ops.enter_item(store, meeting_id, items[1].id, at(6)),
        lambda: ops.end_live(store, meeting_id, at(6)),
    ):
        with pytest.raises(LockedError):
            step()
    assert ops.load_meeting(store, meeting_id).items == before


def test_removing_a_timed_item_and_undoing_it_keeps_its_visits(store, meeting_id, items):
    back_and_forth(store, meeting_id, items)
    removed = ops.remove_item(store, items[0].id)
    removed.undo.apply(store)
    first = ops.load_meeting(store, meeting_id).items[0]
    assert first.visits == (ItemVisit(at(0), at(7)), ItemVisit(at(27), at(33)))


def test_the_meeting_json_lists_each_visit_and_the_time_spent(store, meeting_id, items):
    back_and_forth(store, meeting_id, items)
    shown = ops.meeting_json(store, meeting_id)["items"]
    assert shown[0]["visits"] == [
        {"start": "2026-01-15T10:30:00", "end": "2026-01-15T10:37:00"},
        {"start": "2026-01-15T10:57:00", "end": "2026-01-15T11:03:00"},
    ]
    assert shown[0]["seconds_spent"] == 13 * 60
    assert shown[2]["visits"][-1]["end"] is None  # still being discussed
    assert shown[3]["visits"] == [] and shown[3]["seconds_spent"] is None
