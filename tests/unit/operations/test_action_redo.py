"""Undo, then redo, then undo again, of every undoable action and decision operation: each
undo's outcome carries the redo, and each redo's outcome the next undo (as the window's undo
stack replays them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.changes import Outcome
from pcc_minutes.core.errors import LockedError
from pcc_minutes.core.templates import builtin_templates


def _three(store):
    first = ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value
    item = ops.load_meeting(store, first).items[2]
    action = ops.add_action(store, item.id, "Review the licence backlog", "Chief Constable").value
    second = ops.create_from_last(store, first, date(2026, 2, 12)).value
    third = ops.create_from_last(store, second, date(2026, 3, 12)).value
    return first, second, third, action, item.id


def _as_stood(store, meeting_id, action_id):
    """(status, latest note said in that meeting or before) of the action in a meeting."""
    found = [t for t in ops.list_actions(store, meeting_id=meeting_id) if t.action.id == action_id]
    if not found:
        return None
    tracked = found[0]
    here = [u for u in tracked.updates if u.meeting_id == meeting_id]
    return str(tracked.action.status), here[0].note if here else ""


def _cycle(store, outcome: Outcome, state: Callable[[], object], rounds: int = 2) -> None:
    """Undo and redo ``rounds`` times, checking the state flips between before and after."""
    after = state()
    undo = outcome.undo
    assert undo is not None
    before = None
    for _ in range(rounds):
        undone = undo.apply(store)
        before = state() if before is None else before
        assert state() == before != after
        assert undone.undo is not None, f"nothing to redo after undoing {undo.text!r}"
        assert undone.changes, "an undo says what it changed"
        redone = undone.undo.apply(store)
        assert state() == after
        assert redone.undo is not None and redone.changes
        undo = redone.undo


def test_an_update_in_a_later_meeting_is_redone(store):
    first, second, third, action, _ = _three(store)
    outcome = ops.update_action(store, action, "Backlog cleared", "done", meeting_id=third)
    _cycle(store, outcome, lambda: _as_stood(store, third, action))
    assert _as_stood(store, third, action) == ("done", "Backlog cleared")
    assert _as_stood(store, second, action) == ("open", "")  # the earlier meeting untouched


def test_an_update_that_adds_the_action_to_a_meeting_and_its_log_item_is_redone(store):
    first, second, third, action, _ = _three(store)
    log = next(i for i in ops.load_meeting(store, third).items if i.kind == "action_log")
    ops.remove_item(store, log.id)  # no action log in the third meeting now

    def third_state():
        items = ops.load_meeting(store, third).items
        return [i.title for i in items if i.kind == "action_log"], _as_stood(store, third, action)

    outcome = ops.update_action(store, action, "Raised again", "open", meeting_id=third)
    assert third_state()[0] == ["Matters arising / action log"]
    _cycle(store, outcome, third_state)
    assert third_state() == (["Matters arising / action log"], ("open", "Raised again"))


def test_an_update_in_the_raising_meeting_is_redone(store):
    first, second, third, action, item_id = _three(store)

    def raising():
        meeting = ops.load_meeting(store, first)
        item = meeting.item(item_id)
        return item.actions[0].status, item.notes

    outcome = ops.update_action(store, action, "Work has begun.", "dropped", meeting_id=first)
    _cycle(store, outcome, raising)
    assert raising()[0] == "dropped" and raising()[1].endswith("Work has begun.")


def test_status_changes_and_removals_of_actions_are_redone(store):
    first, second, third, action, item_id = _three(store)
    here = ops.set_action_status(store, action, "done", meeting_id=second)
    _cycle(store, here, lambda: _as_stood(store, second, action))
    ops.set_action_status(store, action, "open", meeting_id=second)

    raising = ops.set_action_status(store, action, "dropped")
    _cycle(store, raising, lambda: ops.load_meeting(store, first).item(item_id).actions)
    ops.set_action_status(store, action, "open")

    carried = ops.remove_action(store, action, meeting_id=third)
    _cycle(store, carried, lambda: _as_stood(store, third, action))

    new = ops.add_action(store, item_id, "Write to the Home Office", "PCC")
    _cycle(
        store, new, lambda: [a.text for a in ops.load_meeting(store, first).item(item_id).actions]
    )
    removed = ops.remove_action(store, new.value)
    _cycle(
        store,
        removed,
        lambda: [a.text for a in ops.load_meeting(store, first).item(item_id).actions],
    )


def test_decisions_added_edited_and_removed_are_redone(store):
    first, second, third, action, item_id = _three(store)

    def texts():
        return [d.text for d in ops.list_decisions(store)]

    added = ops.add_decision(store, item_id, "Adopt the new target")
    _cycle(store, added, texts)
    [decision] = ops.list_decisions(store)
    edited = ops.update_decision(store, decision.id, "Adopt the revised target")
    assert edited.undo.text == "Edit decision"
    _cycle(store, edited, texts)
    assert texts() == ["Adopt the revised target"]
    removed = ops.remove_decision(store, decision.id)
    _cycle(store, removed, texts)
    assert texts() == []


def test_a_redo_into_a_meeting_locked_since_is_refused(store):
    first, second, third, action, _ = _three(store)
    outcome = ops.update_action(store, action, "Backlog cleared", "done", meeting_id=third)
    undone = outcome.undo.apply(store)
    ops.set_status(store, third, "for-approval", by="Chair")
    ops.set_status(store, third, "approved", by="Chair")
    with pytest.raises(LockedError):
        undone.undo.apply(store)
    assert _as_stood(store, third, action) == ("open", "")
