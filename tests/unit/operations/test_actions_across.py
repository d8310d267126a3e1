"""Actions carried from meeting to meeting: the same action, updated in a later meeting, with
the earlier meeting keeping it as it stood then."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError, UserInputError
from pcc_minutes.core.templates import builtin_templates


def _three(store):
    first = ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value
    item = ops.load_meeting(store, first).items[2]
    action = ops.add_action(store, item.id, "Review the licence backlog", "Chief Constable").value
    done = ops.add_action(store, item.id, "Circulate the report").value
    ops.set_action_status(store, done, "done")
    second = ops.create_from_last(store, first, date(2026, 2, 12)).value
    third = ops.create_from_last(store, second, date(2026, 3, 12)).value
    return first, second, third, action, done


def test_carried_forward_and_closed_later(store):
    first, second, third, action, done = _three(store)
    later = ops.load_meeting(store, third)
    logs = [i for i in later.items if i.kind == "action_log"]
    assert len(logs) == 1
    assert [c.action.id for c in logs[0].carried] == [action]  # done one not carried

    outcome = ops.update_action(store, action, note="Backlog cleared", status="done")
    assert [t.action.status for t in ops.list_actions(store) if t.action.id == action] == ["done"]
    as_then = {m: ops.list_actions(store, meeting_id=m) for m in (first, second, third)}
    assert [t.action.status for t in as_then[first] if t.action.id == action] == ["open"]
    assert [t.action.status for t in as_then[second] if t.action.id == action] == ["open"]
    last = [t for t in as_then[third] if t.action.id == action][0]
    assert last.as_json()["updates"][-1] == {
        "meeting": third,
        "date": "2026-03-12",
        "status": "done",
        "note": "Backlog cleared",
    }
    assert last.as_json()["raised"]["meeting"] == first
    assert ops.list_actions(store, open_only=True) == []

    outcome.undo.apply(store)
    assert [t.action.status for t in ops.list_actions(store) if t.action.id == action] == ["open"]


def test_refusals(store):
    first, second, third, action, done = _three(store)
    with pytest.raises(UserInputError):
        ops.update_action(store, 9999, note="x")
    with pytest.raises(UserInputError):
        ops.update_action(store, action, note="x", status="finished")
    ops.set_status(store, third, "for-approval", by="Chair")
    ops.set_status(store, third, "approved", by="Chair")
    with pytest.raises(LockedError):
        ops.update_action(store, action, note="x", meeting_id=third)
    assert [t.action.status for t in ops.list_actions(store) if t.action.id == action] == ["open"]


def test_decisions_listed_in_order(store):
    first, second, third, action, done = _three(store)
    item = ops.load_meeting(store, second).items[1]
    d = ops.add_decision(store, item.id, "Adopt the new target").value
    ops.update_decision(store, d, "Adopt the revised target")
    assert [e.as_json()["text"] for e in ops.list_decisions(store)] == ["Adopt the revised target"]
    assert ops.list_decisions(store)[0].meeting_id == second


def _status_in(store, meeting_id, action_id):
    return [
        t.action.status
        for t in ops.list_actions(store, meeting_id=meeting_id)
        if t.action.id == action_id
    ]


def test_status_set_in_a_later_meeting_changes_that_meeting_only(store):
    first, second, third, action, done = _three(store)
    outcome = ops.set_action_status(store, action, "dropped", meeting_id=second)
    assert _status_in(store, first, action) == ["open"]
    assert _status_in(store, second, action) == ["dropped"]
    assert ops.load_meeting(store, first).items[2].actions[0].status == "open"
    outcome.undo.apply(store)
    assert _status_in(store, second, action) == ["open"]


def test_removing_the_action_log_and_undoing_brings_back_its_entries(store):
    first, second, third, action, done = _three(store)
    log = next(i for i in ops.load_meeting(store, third).items if i.kind == "action_log")
    outcome = ops.remove_item(store, log.id)
    assert _status_in(store, third, action) == []
    assert [u.meeting_id for u in ops.list_actions(store)[0].updates] == [second]
    outcome.undo.apply(store)
    back = next(i for i in ops.load_meeting(store, third).items if i.kind == "action_log")
    assert [c.action.id for c in back.carried] == [action]


def test_removing_a_carried_action_takes_it_off_that_meeting_only(store):
    first, second, third, action, done = _three(store)
    ops.update_action(store, action, note="Under way", meeting_id=second)
    outcome = ops.remove_action(store, action, meeting_id=second)
    assert _status_in(store, second, action) == []
    assert _status_in(store, first, action) == ["open"]
    assert [u.meeting_id for u in ops.list_actions(store)[0].updates] == [third]
    outcome.undo.apply(store)
    [tracked] = [t for t in ops.list_actions(store, meeting_id=second) if t.action.id == action]
    assert tracked.updates[-1].note == "Under way"


def test_a_template_from_a_meeting_keeps_the_action_log(store, tmp_path):
    from pcc_minutes.operations.templates import load_template, save_template

    first, second, third, action, done = _three(store)
    template = ops.template_from_meeting(store, third)
    assert [t.kind for t in template.items][0] == "action_log"
    path = tmp_path / "t.pcctemplate.json"
    save_template(template, path)
    made = ops.create_from_template(store, load_template(path), date(2026, 5, 1)).value
    assert ops.load_meeting(store, made).items[0].kind == "action_log"
    # A file written before items had a kind still loads.
    old = json.loads(path.read_text())
    for item in old["items"]:
        item.pop("kind")
    path.write_text(json.dumps(old))
    assert load_template(path).items[0].kind == ""
