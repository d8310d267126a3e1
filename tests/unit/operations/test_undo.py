"""Every edit's undo puts the meeting back as it was, and the undo's own undo redoes it.

No Qt here: the undo entries are applied to the store directly, as the window's undo stack
does (``Outcome.undo.apply(store)`` returns the outcome whose ``undo`` is the redo).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.changes import Outcome
from pcc_minutes.core.errors import LockedError, UserInputError
from pcc_minutes.core.records import Figure, FigurePoint, Meeting, Person
from pcc_minutes.operations.demo import create_demo

RESPONSE = Figure("Emergency response in time", "%", (FigurePoint("2025", 71.0),), target=80.0)


@pytest.fixture
def ids(store) -> list[int]:
    return [summary.id for summary in create_demo(store).value]


@pytest.fixture
def meeting_id(ids) -> int:
    """The October demo meeting: three items, the first with notes, a figure and an action."""
    return ids[0]


def state(store, meeting_id: int) -> Meeting:
    """The whole meeting, ids included; only the row's last-touched time is left out."""
    return replace(ops.load_meeting(store, meeting_id), updated_at=None)


def item_id_at(store, meeting_id: int, position: int) -> int:
    return ops.load_meeting(store, meeting_id).items[position - 1].id


def undo(store, outcome: Outcome[Any]) -> Outcome[Any]:
    assert outcome.undo is not None, "the edit has no undo"
    return outcome.undo.apply(store)


def check_undo_and_redo(
    store, meeting_id: int, edit: Callable[[], Outcome[Any]]
) -> tuple[Outcome[Any], Outcome[Any]]:
    """Make the edit; undo gives the state before, redo the state after, and undo again
    the state before once more. Returns (edit outcome, undo outcome)."""
    before = state(store, meeting_id)
    before_json = ops.meeting_json(store, meeting_id)
    outcome = edit()
    after = state(store, meeting_id)
    assert after != before, "the edit changed nothing"

    undone = undo(store, outcome)
    assert state(store, meeting_id) == before
    assert ops.meeting_json(store, meeting_id) == before_json

    redone = undo(store, undone)
    assert state(store, meeting_id) == after

    undo(store, redone)
    assert state(store, meeting_id) == before
    return outcome, undone


def status_trail(db_path, meeting_id: int) -> list[tuple[str, str]]:
    connection = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(
            "SELECT status, by FROM status_change WHERE meeting_id = ? ORDER BY id",
            (meeting_id,),
        ).fetchall()
    finally:
        connection.close()


# --- the agenda ----------------------------------------------------------------------------


def test_undoing_add_item_removes_it_and_redo_adds_it_back_with_the_same_id(store, meeting_id):
    outcome, undone = check_undo_and_redo(
        store,
        meeting_id,
        lambda: ops.add_item(
            store, meeting_id, "Road Safety", after=1, lead="ACC", planned_minutes=5
        ),
    )
    assert meeting_id in outcome.changes.agenda
    assert outcome.undo.text == "Add item 2"
    assert meeting_id in undone.changes.agenda


def test_undoing_remove_item_puts_back_everything_in_it_at_the_same_place_with_the_same_ids(
    store, meeting_id
):
    first = item_id_at(store, meeting_id, 1)
    ops.add_decision(store, first, "The audit is to be repeated in the spring.")
    ops.update_item(store, first, private_notes="Not for the public version.")
    kept = ops.load_meeting(store, meeting_id).item(first)
    assert kept.notes and kept.figures and kept.actions and kept.decisions

    outcome, undone = check_undo_and_redo(store, meeting_id, lambda: ops.remove_item(store, first))
    back = ops.load_meeting(store, meeting_id).item(first)
    assert back == kept
    assert back.position == 1
    assert [f.id for f in back.figures] == [f.id for f in kept.figures]
    assert [a.id for a in back.actions] == [a.id for a in kept.actions]
    assert meeting_id in outcome.changes.agenda
    assert first in outcome.changes.items
    assert meeting_id in undone.changes.agenda
    assert outcome.undo.text == "Remove item 1"


def test_remove_item_names_the_position_the_item_had(store, meeting_id):
    third = item_id_at(store, meeting_id, 3)
    assert ops.remove_item(store, third).undo.text == "Remove item 3"


def test_undoing_move_item_puts_the_agenda_back_in_its_old_order(store, meeting_id):
    third = item_id_at(store, meeting_id, 3)
    outcome, undone = check_undo_and_redo(store, meeting_id, lambda: ops.move_item(store, third, 1))
    assert meeting_id in outcome.changes.agenda
    assert meeting_id in undone.changes.agenda
    assert outcome.undo.text == "Move item 3 to 1"


def test_moving_an_item_to_where_it_is_changes_nothing_and_has_no_undo(store, meeting_id):
    second = item_id_at(store, meeting_id, 2)
    outcome = ops.move_item(store, second, 2)
    assert outcome.undo is None
    assert not outcome.changes


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Crime Data Integrity"},
        {"lead": "Deputy Chief Constable"},
        {"planned_minutes": 25},
        {"planned_minutes": None},
        {"confidential": True},
        {
            "title": "Crime Data Integrity",
            "lead": "ACC",
            "planned_minutes": 20,
            "confidential": True,
        },
    ],
    ids=["title", "lead", "planned-minutes", "no-planned-minutes", "confidential", "all"],
)
def test_undoing_update_item_puts_the_old_values_back(store, meeting_id, fields):
    first = item_id_at(store, meeting_id, 1)
    outcome, undone = check_undo_and_redo(
        store, meeting_id, lambda: ops.update_item(store, first, **fields)
    )
    assert outcome.changes.items == {first}
    assert first in undone.changes.items
    assert outcome.undo.text == "Edit item 1"


def test_an_update_item_that_changes_nothing_has_no_undo(store, meeting_id):
    first = item_id_at(store, meeting_id, 1)
    title = ops.load_meeting(store, meeting_id).items[0].title
    assert ops.update_item(store, first, title=title).undo is None


# --- the header and attendance -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "text", "listed"),
    [
        ({"title": "Performance Meeting"}, "Change title", True),
        ({"venue": "Council Chamber"}, "Change venue", False),
        ({"date": date(2025, 10, 16)}, "Change date", True),
        ({"start_time": time(9, 30)}, "Change start time", False),
        ({"end_time": time(12, 0)}, "Change end time", False),
        ({"start_time": time(14, 0), "end_time": time(15, 30)}, "Change meeting details", False),
    ],
    ids=["title", "venue", "date", "start", "end", "times"],
)
def test_undoing_update_meeting_puts_the_header_back(store, meeting_id, fields, text, listed):
    outcome, undone = check_undo_and_redo(
        store, meeting_id, lambda: ops.update_meeting(store, meeting_id, **fields)
    )
    assert outcome.undo.text == text
    assert outcome.changes.header == {meeting_id}
    assert outcome.changes.meeting_list is listed
    assert undone.changes.meeting_list is listed
    assert meeting_id in undone.changes.header


def test_undoing_set_attendees_puts_the_old_list_back_in_its_order(store, meeting_id):
    people = [
        Person("Sam Okafor", "Chief Constable"),
        Person("Jo Reyes", "Head of Performance", "Officials"),
        Person("Alex Morgan", "Police and Crime Commissioner", "Chair", present=False),
    ]
    outcome, undone = check_undo_and_redo(
        store, meeting_id, lambda: ops.set_attendees(store, meeting_id, people)
    )
    assert outcome.changes.attendance == {meeting_id}
    assert meeting_id in undone.changes.attendance
    assert outcome.undo.text == "Change attendance"


# --- figures -------------------------------------------------------------------------------


def test_undoing_add_metric_removes_the_figure_and_redo_stores_it_again(store, meeting_id):
    second = item_id_at(store, meeting_id, 2)
    outcome, undone = check_undo_and_redo(
        store,
        meeting_id,
        lambda: ops.add_metric(store, second, "Renewals", "count", [FigurePoint("May", 800)]),
    )
    assert outcome.changes.figures == {second}
    assert second in undone.changes.figures
    assert outcome.undo.text == "Add figure “Renewals”"


def test_undoing_add_figure_removes_it(store, meeting_id):
    first = item_id_at(store, meeting_id, 1)
    outcome, _ = check_undo_and_redo(
        store, meeting_id, lambda: ops.add_figure(store, first, RESPONSE, position=0)
    )
    assert outcome.changes.figures == {first}


def test_undoing_remove_figure_puts_it_back_in_its_place_with_its_id(store, meeting_id):
    first = item_id_at(store, meeting_id, 1)
    ops.add_figure(store, first, RESPONSE)
    figures = ops.load_meeting(store, meeting_id).items[0].figures
    outcome, undone = check_undo_and_redo(
        store, meeting_id, lambda: ops.remove_figure(store, figures[0].id)
    )
    assert ops.load_meeting(store, meeting_id).items[0].figures == figures
    assert outcome.changes.figures == {first}
    assert first in undone.changes.figures
    assert outcome.undo.text == f"Remove figure “{figures[0].label}”"


def test_undoing_update_figure_puts_the_old_figure_back(store, meeting_id):
    figure = ops.load_meeting(store, meeting_id).items[0].figures[0]
    changed = replace(figure, label="Recording accuracy", points=(FigurePoint("2025", 94),))
    outcome, _ = check_undo_and_redo(
        store, meeting_id, lambda: ops.update_figure(store, figure.id, changed)
    )
    assert ops.load_meeting(store, meeting_id).items[0].figures == (figure,)
    assert outcome.undo.text == f"Edit figure “{figure.label}”"


def test_one_undo_removes_all_the_figures_accepted_at_once_and_redo_puts_them_back(
    store, meeting_id
):
    proposals = ops.proposed_figures(store, meeting_id)
    assert len(proposals) >= 3
    outcome, undone = check_undo_and_redo(
        store, meeting_id, lambda: ops.accept_figures(store, meeting_id, proposals)
    )
    added = outcome.value
    assert added >= 3
    assert outcome.undo.text == f"Accept {added} figure(s)"
    items = {ops.load_meeting(store, meeting_id).items[p - 1].id for p, _ in proposals}
    assert outcome.changes.figures == items
    assert undone.changes.figures == items


# --- actions and decisions -----------------------------------------------------------------


def test_undoing_add_action_removes_it(store, meeting_id):
    second = item_id_at(store, meeting_id, 2)
    outcome, undone = check_undo_and_redo(
        store,
        meeting_id,
        lambda: ops.add_action(store, second, "Report renewals", "DCC", date(2026, 1, 5)),
    )
    assert outcome.changes.actions == {second}
    assert second in undone.changes.actions
    assert outcome.undo.text == "Add action"


def test_undoing_remove_action_puts_it_back_in_its_place_with_its_id(store, meeting_id):
    first = item_id_at(store, meeting_id, 1)
    ops.add_action(store, first, "Publish the audit", "OPCC")
    actions = ops.load_meeting(store, meeting_id).items[0].actions
    outcome, _ = check_undo_and_redo(
        store, meeting_id, lambda: ops.remove_action(store, actions[0].id)
    )
    assert ops.load_meeting(store, meeting_id).items[0].actions == actions
    assert outcome.changes.actions == {first}
    assert outcome.undo.text == "Remove action"


def test_undoing_set_action_status_puts_the_old_status_back(store, meeting_id):
    action = ops.load_meeting(store, meeting_id).items[0].actions[0]
    outcome, _ = check_undo_and_redo(
        store, meeting_id, lambda: ops.set_action_status(store, action.id, "done")
    )
    assert outcome.undo.text == "Mark action done"
    assert ops.load_meeting(store, meeting_id).items[0].actions[0].status == "open"


def test_undoing_add_decision_removes_it(store, meeting_id):
    first = item_id_at(store, meeting_id, 1)
    outcome, undone = check_undo_and_redo(
        store, meeting_id, lambda: ops.add_decision(store, first, "Audit again in spring.")
    )
    assert first in outcome.changes.touches_items()
    assert first in undone.changes.touches_items()
    assert outcome.undo.text == "Add decision"


def test_undoing_remove_decision_puts_it_back_in_its_place(store, meeting_id):
    first = item_id_at(store, meeting_id, 1)
    ops.add_decision(store, first, "First decision.")
    second = ops.add_decision(store, first, "Second decision.").value
    ops.add_decision(store, first, "Third decision.")
    outcome, _ = check_undo_and_redo(store, meeting_id, lambda: ops.remove_decision(store, second))
    decisions = tuple(d.text for d in ops.load_meeting(store, meeting_id).items[0].decisions)
    assert decisions == ("First decision.", "Second decision.", "Third decision.")
    assert outcome.undo.text == "Remove decision"


# --- status --------------------------------------------------------------------------------


@pytest.fixture
def fixed_clock(monkeypatch) -> datetime:
    moment = datetime(2025, 10, 10, 9, 15)
    monkeypatch.setattr("pcc_minutes.operations.approval.local_now", lambda: moment)
    return moment


def test_undoing_send_for_approval_puts_the_draft_back_with_its_version_and_trail(
    store, db_path, meeting_id, fixed_clock
):
    trail = status_trail(db_path, meeting_id)
    before = state(store, meeting_id)
    outcome = ops.set_status(store, meeting_id, "for-approval", by="Clerk")
    after = state(store, meeting_id)
    assert after.status == "for-approval"
    assert outcome.undo.text == "Send for approval"
    assert outcome.changes.status == {meeting_id}
    assert outcome.changes.meeting_list

    undone = undo(store, outcome)
    assert state(store, meeting_id) == before
    assert ops.load_meeting(store, meeting_id).version == before.version
    assert status_trail(db_path, meeting_id) == trail
    assert undone.changes.status == {meeting_id}

    undo(store, undone)  # redo: sent again, by the same person
    assert state(store, meeting_id) == after
    assert status_trail(db_path, meeting_id) == [*trail, ("for-approval", "Clerk")]


def test_approving_has_no_undo(store, meeting_id):
    ops.set_status(store, meeting_id, "for-approval", by="Clerk")
    assert ops.set_status(store, meeting_id, "approved", by="Chair").undo is None


# --- several steps -------------------------------------------------------------------------


def test_several_edits_undo_in_reverse_order_and_redo_in_order(store, meeting_id):
    # The item removed (and put back) is one earlier entries name: they must still find it.
    first, second, third = (item_id_at(store, meeting_id, p) for p in (1, 2, 3))
    edits: list[Callable[[], Outcome[Any]]] = [
        lambda: ops.update_meeting(store, meeting_id, venue="Council Chamber"),
        lambda: ops.add_figure(store, second, RESPONSE),
        lambda: ops.add_action(store, second, "Report renewals"),
        lambda: ops.update_item(store, second, title="Firearms", planned_minutes=12),
        lambda: ops.move_item(store, third, 1),
        lambda: ops.remove_item(store, second),
        lambda: ops.add_item(store, meeting_id, "Any Other Business"),
        lambda: ops.update_item(store, first, lead="ACC"),
    ]
    states = [state(store, meeting_id)]
    undos = []
    for edit in edits:
        undos.append(edit().undo)
        states.append(state(store, meeting_id))
    assert len(set(map(repr, states))) == len(states), "each edit changed something"

    redos = []
    for entry, expected in zip(reversed(undos), reversed(states[:-1]), strict=True):
        redos.append(entry.apply(store).undo)
        assert state(store, meeting_id) == expected
    for entry, expected in zip(reversed(redos), states[1:], strict=True):
        entry.apply(store)
        assert state(store, meeting_id) == expected


def test_undo_in_one_meeting_leaves_the_other_alone(store, ids):
    other = state(store, ids[1])
    outcome = ops.remove_item(store, item_id_at(store, ids[0], 2))
    undo(store, outcome)
    assert state(store, ids[1]) == other


# --- live mode -----------------------------------------------------------------------------


def test_a_live_step_names_only_timing_and_not_the_meetings_list(store, meeting_id):
    ops.start_live(store, meeting_id)
    first, second = item_id_at(store, meeting_id, 1), item_id_at(store, meeting_id, 2)
    entered = ops.enter_item(store, meeting_id, first)
    assert entered.changes.timing == {first}
    stepped = ops.enter_item(store, meeting_id, second)
    assert stepped.changes.timing == {first, second}
    for outcome in (entered, stepped):
        assert not outcome.changes.meeting_list
        assert not outcome.changes.agenda
        assert not outcome.changes.meetings
    # Each step can be taken back exactly (tests/unit/operations/test_live_visits.py).
    assert stepped.undo is not None and stepped.undo.text == "Move to item 2"


# --- locked meetings -----------------------------------------------------------------------


def _approve(store, meeting_id: int) -> None:
    ops.set_status(store, meeting_id, "for-approval", by="Clerk")
    ops.set_status(store, meeting_id, "approved", by="Chair")


EDITS: dict[str, Callable[[Any, int], Outcome[Any]]] = {
    "add item": lambda s, m: ops.add_item(s, m, "Road Safety"),
    "remove item": lambda s, m: ops.remove_item(s, item_id_at(s, m, 1)),
    "move item": lambda s, m: ops.move_item(s, item_id_at(s, m, 3), 1),
    "update item": lambda s, m: ops.update_item(s, item_id_at(s, m, 1), title="Renamed"),
    "update meeting": lambda s, m: ops.update_meeting(s, m, venue="Council Chamber"),
    "set attendees": lambda s, m: ops.set_attendees(s, m, [Person("Sam Okafor")]),
    "add figure": lambda s, m: ops.add_figure(s, item_id_at(s, m, 2), RESPONSE),
    "remove figure": lambda s, m: ops.remove_figure(
        s, ops.load_meeting(s, m).items[0].figures[0].id
    ),
    "accept figures": lambda s, m: ops.accept_figures(s, m, ops.proposed_figures(s, m)),
    "add action": lambda s, m: ops.add_action(s, item_id_at(s, m, 2), "Report back"),
    "set action status": lambda s, m: ops.set_action_status(
        s, ops.load_meeting(s, m).items[0].actions[0].id, "done"
    ),
    "add decision": lambda s, m: ops.add_decision(s, item_id_at(s, m, 1), "Agreed."),
    "send for approval": lambda s, m: ops.set_status(s, m, "for-approval", by="Clerk"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_an_undo_after_the_meeting_was_approved_is_refused_and_changes_nothing(
    store, db_path, meeting_id, kind
):
    outcome = EDITS[kind](store, meeting_id)
    assert outcome.undo is not None
    if kind == "send for approval":
        ops.set_status(store, meeting_id, "approved", by="Chair")
    else:
        _approve(store, meeting_id)
    approved = state(store, meeting_id)
    trail = status_trail(db_path, meeting_id)
    with pytest.raises(LockedError):
        outcome.undo.apply(store)
    assert state(store, meeting_id) == approved
    assert status_trail(db_path, meeting_id) == trail


def test_undoing_send_for_approval_after_reopening_is_refused(store, meeting_id):
    outcome = ops.set_status(store, meeting_id, "for-approval", by="Clerk")
    ops.set_status(store, meeting_id, "draft", by="Clerk")
    reopened = state(store, meeting_id)
    with pytest.raises(UserInputError, match="no longer waiting for approval"):
        outcome.undo.apply(store)
    assert state(store, meeting_id) == reopened


# --- ids held by undo entries --------------------------------------------------------------


def test_an_item_removed_from_one_meeting_keeps_its_id_while_another_meeting_adds_items(store, ids):
    october, november = ids
    last = ops.load_meeting(store, november).items[-1]  # the newest item id of all
    renamed = ops.update_item(store, last.id, title="Renamed")
    removed = ops.remove_item(store, last.id)
    added = ops.add_item(store, october, "Brand new item").value
    assert added != last.id, "a removed item's id was handed out again"

    assert undo(store, removed).value == last.id
    undo(store, renamed)
    assert ops.load_meeting(store, november).items[-1] == last
    assert ops.load_meeting(store, october).item(added).title == "Brand new item"


def test_a_figure_removed_from_one_meeting_keeps_its_id_while_another_meeting_adds_figures(
    store, ids
):
    october, november = ids
    item = item_id_at(store, november, 2)
    figure_id = ops.add_figure(store, item, RESPONSE).value
    edited = ops.update_figure(store, figure_id, replace(RESPONSE, label="Response"))
    removed = ops.remove_figure(store, figure_id)
    other = ops.add_figure(store, item_id_at(store, october, 2), RESPONSE).value
    assert other != figure_id, "a removed figure's id was handed out again"

    undo(store, removed)
    undo(store, edited)
    assert [f.label for f in ops.load_meeting(store, november).items[1].figures] == [RESPONSE.label]
    assert [f.label for f in ops.load_meeting(store, october).items[1].figures] == [RESPONSE.label]


def test_an_action_removed_from_one_meeting_keeps_its_id_while_another_meeting_adds_actions(
    store, ids
):
    october, november = ids
    action_id = ops.add_action(store, item_id_at(store, november, 1), "Chase the log").value
    marked = ops.set_action_status(store, action_id, "done")
    removed = ops.remove_action(store, action_id)
    other = ops.add_action(store, item_id_at(store, october, 2), "Another").value
    assert other != action_id, "a removed action's id was handed out again"

    undo(store, removed)
    undo(store, marked)
    assert ops.load_meeting(store, november).items[0].actions[0].status == "open"
    assert ops.load_meeting(store, october).items[1].actions[0].status == "open"
