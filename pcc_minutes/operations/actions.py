"""Actions and decisions followed across a series' meetings.

An action is raised once (its ``ActionRow``) and appears in each later meeting that lists it
as an ``ActionUpdateRow``: its status at the end of that meeting and the update said there.
Updating it in a later meeting changes that meeting's entry only, so the earlier minutes still
show the action as it stood then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import Action, ActionUpdate
from pcc_minutes.core.status import check_action_status, refuse_if_locked
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.operations import action_log_item
from pcc_minutes.store import queries, registers
from pcc_minutes.store.database import Store
from pcc_minutes.store.tables import ActionUpdateRow, AgendaItemRow, MeetingRow


def _order(meeting: Any) -> tuple[date, int]:
    return (meeting.date or date.max, meeting.id)


def _series_id(session: Any, series: int | str | None) -> int | None:
    """The id of a series that has meetings, named by id or by name (any case)."""
    if series is None:
        return None
    known = registers.series_with_meetings(session)
    text = str(series).strip()
    if text.isdigit() and int(text) in {ident for ident, _name in known}:
        return int(text)
    for ident, name in known:
        if name.casefold() == text.casefold():
            return ident
    raise UserInputError(f"There is no meeting series '{series}'; give a series id or name.")


def update_action(
    store: Store,
    action_id: int,
    note: str = "",
    status: str | None = None,
    meeting_id: int | None = None,
) -> Outcome[None]:
    """Record what was said of an action in a meeting (default: the newest meeting that lists
    it, else the raising one). A later meeting of the series that does not list it yet gets it
    in its action-log item (made when absent)."""
    if status is not None:
        status = check_action_status(status).value
    with store.transaction() as session:
        row = queries.action_row(session, action_id)
        if row is None:
            raise UserInputError(
                f"There is no action {action_id}; `pcc-minutes actions` lists them."
            )
        raised = row.item.meeting
        if meeting_id is None:
            listed = [u.meeting for u in row.updates]
            target = max(listed, key=_order) if listed else raised
        else:
            target = session.get(MeetingRow, meeting_id)
            if target is None:
                raise UserInputError(
                    f"There is no meeting {meeting_id}; `pcc-minutes list` shows them."
                )
        refuse_if_locked(target.id, target.status)
        if target.id == raised.id:
            before = ("raised", row.status, row.item.notes)
            if status is not None:
                row.status = status
            if note:
                row.item.notes = (row.item.notes.rstrip() + "\n\n" + note).strip()
            item_id = row.item.id
        else:
            if target.series_id != raised.series_id or _order(target) < _order(raised):
                raise UserInputError(
                    f"Meeting {target.id} is not a later meeting of the series that raised "
                    f"action {action_id}; give one of those with --meeting."
                )
            entry = next((u for u in row.updates if u.meeting_id == target.id), None)
            made_item = None
            if entry is None:
                item, made_item, marked_item = action_log_item.find_or_make(session, target)
                entry = ActionUpdateRow(
                    action_id=row.id,
                    meeting_id=target.id,
                    item_id=item.id,
                    position=len(item.carried),
                    status=_standing(row, target),
                )
                session.add(entry)
                session.flush()
                before = ("new", made_item, "", marked_item)
            else:
                before = ("entry", entry.status, entry.note)
            if status is not None:
                entry.status = status
            if note:
                entry.note = note
            item_id = entry.item_id
    target_id = target.id

    def undo(s: Store) -> Outcome[None]:
        put_back = _put_back(s, action_id, target_id, before)
        if not put_back.changes:  # the action or its entry has gone since: nothing to redo
            return put_back
        redo = Undo(
            "Update action",
            lambda s2: update_action(s2, action_id, note, status, meeting_id=target_id),
        )
        return replace(put_back, undo=redo)

    return Outcome(None, changed(actions={item_id}), Undo("Update action", undo))


def _standing(row: Any, meeting: Any) -> str:
    """The action's status as it stood just before ``meeting``."""
    earlier = [u for u in row.updates if _order(u.meeting) < _order(meeting)]
    return max(earlier, key=lambda u: _order(u.meeting)).status if earlier else row.status


def _put_back(store: Store, action_id: int, meeting_id: int, before: tuple) -> Outcome[None]:
    with store.transaction() as session:
        row = queries.action_row(session, action_id)
        if row is None:
            return Outcome(None)
        kind = before[0]
        if kind == "raised":
            refuse_if_locked(row.item.meeting.id, row.item.meeting.status)
            row.status, row.item.notes = before[1], before[2]
            item_id = row.item.id
        else:
            entry = next((u for u in row.updates if u.meeting_id == meeting_id), None)
            if entry is None:
                return Outcome(None)
            refuse_if_locked(entry.meeting.id, entry.meeting.status)
            item_id = entry.item_id
            if kind == "entry":
                entry.status, entry.note = before[1], before[2]
            else:
                entry.item.carried.remove(entry)
                row.updates.remove(entry)
                session.delete(entry)
                session.flush()
                marked = before[3] if len(before) > 3 else None
                if marked is not None and (named := session.get(AgendaItemRow, marked)):
                    named.kind = ""  # the item named "Matters arising" is an item again
                if before[1] is not None:
                    item = session.get(AgendaItemRow, before[1])
                    meeting = item.meeting
                    meeting.items.remove(item)  # its delete-orphan cascade deletes it
                    for number, each in enumerate(sorted(meeting.items, key=lambda i: i.position)):
                        each.position = number + 1
    return Outcome(None, changed(actions={item_id}))


def _tracked(rows: list[tuple], upto: tuple[date, int] | None = None) -> TrackedAction:
    """One action from its ``store.registers.action_tuples`` rows (one per update); with
    ``upto`` (a meeting's place in time), its updates up to that meeting only."""
    first = rows[0]
    ident, text, owner, due, status, reference, meeting_id, day, title, item, item_title = first[
        :11
    ]
    updates: tuple[ActionUpdate, ...] = ()
    if first[11] is not None:  # it has updates
        updates = tuple(ActionUpdate(row[11], row[12], row[13], row[14]) for row in rows)
        if upto is not None:
            updates = tuple(u for u in updates if (u.date or date.max, u.meeting_id) <= upto)
        if updates:
            status = updates[-1].status
    return TrackedAction(
        Action(text, owner, due, status, reference, ident),
        meeting_id,
        day,
        item,
        item_title,
        title,
        updates,
    )


def _grouped(rows: list[tuple]) -> list[list[tuple]]:
    """The rows of each action together (they come one after another), in their order."""
    return [list(group) for _ident, group in groupby(rows, key=itemgetter(0))]


@contextmanager
def _no_collector_pauses() -> Iterator[None]:
    """While thousands of small records are made at once. Python's cycle collector would
    otherwise run some forty times meanwhile (15-20 ms of a 5,000-action register, measured
    with gc.callbacks); these plain tuples and frozen records make no cycles, so it waits
    until they are made."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def list_actions(
    store: Store,
    meeting_id: int | None = None,
    series: int | str | None = None,
    open_only: bool = False,
) -> list[TrackedAction]:
    """Every action with its history; for ``meeting_id``, those raised in or carried into that
    meeting as they stood there; for ``series``, that series' actions. One query each
    (``store.registers``), so a register of thousands of meetings reads at once."""
    with _no_collector_pauses(), store.transaction() as session:
        series_id = _series_id(session, series)
        if meeting_id is not None:
            place = registers.meeting_place(session, meeting_id)
            if place is None:
                raise UserInputError(
                    f"There is no meeting {meeting_id}; `pcc-minutes list` shows them."
                )
            upto = (place[0] or date.max, place[1])
            rows = registers.meeting_action_tuples(session, meeting_id)
        else:
            upto = None
            rows = registers.action_tuples(session, series_id)
    with _no_collector_pauses():
        result = [_tracked(group, upto) for group in _grouped(rows)]
    if open_only:
        result = [t for t in result if t.action.status == "open"]
    return result


def list_decisions(store: Store, series: int | str | None = None) -> list[DecisionEntry]:
    with _no_collector_pauses(), store.transaction() as session:
        series_id = _series_id(session, series)
        rows = registers.decision_tuples(session, series_id)
        return [DecisionEntry(*row) for row in rows]


def locked_meetings(store: Store, series: int | str | None = None) -> dict[int, str]:
    """The meetings (of the series, when given) locked against edits, with their status
    (approved or published): the registers say so before an edit is tried."""
    with store.transaction() as session:
        return registers.locked_meeting_ids(session, _series_id(session, series))


def update_decision(store: Store, decision_id: int, text: str) -> Outcome[None]:
    if not text.strip():
        raise UserInputError("A decision needs some words saying what was decided.")
    with store.transaction() as session:
        row = queries.decision_row(session, decision_id)
        if row is None:
            raise UserInputError(
                f"There is no decision {decision_id}; `pcc-minutes decisions` lists them."
            )
        refuse_if_locked(row.item.meeting.id, row.item.meeting.status)
        before, item_id = row.text, row.item.id
        row.text = text.strip()
    return Outcome(
        None,
        changed(actions={item_id}),
        Undo("Edit decision", lambda s: update_decision(s, decision_id, before)),
    )


def remove_carried(store: Store, action_id: int, meeting_id: int) -> Outcome[None]:
    """Take an action carried into ``meeting_id`` off that meeting only: the action, and its
    entries in other meetings, stay. The undo lists it there again as it was."""
    with store.transaction() as session:
        row = queries.action_row(session, action_id)
        entry = (
            None
            if row is None
            else next((u for u in row.updates if u.meeting_id == meeting_id), None)
        )
        if entry is None:
            return Outcome(None)
        refuse_if_locked(entry.meeting.id, entry.meeting.status)
        kept = (entry.item_id, entry.position, entry.status, entry.note)
        item = entry.item
        item.carried.remove(entry)
        row.updates.remove(entry)
        session.delete(entry)
        for number, each in enumerate(sorted(item.carried, key=lambda u: u.position)):
            each.position = number

    def put_back(s: Store) -> Outcome[None]:
        return _restore_carried(s, action_id, meeting_id, kept)

    return Outcome(None, changed(actions={kept[0]}), Undo("Remove carried action", put_back))


def _restore_carried(
    store: Store, action_id: int, meeting_id: int, kept: tuple[int, int, str, str]
) -> Outcome[None]:
    item_id, position, status, note = kept
    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        entry = ActionUpdateRow(
            action_id=action_id, meeting_id=meeting_id, status=status, note=note
        )
        rows = sorted(item.carried, key=lambda u: u.position)
        rows.insert(max(0, min(position, len(rows))), entry)
        item.carried = rows
        for number, each in enumerate(rows):
            each.position = number
    return Outcome(
        None,
        changed(actions={item_id}),
        Undo("Remove carried action", lambda s: remove_carried(s, action_id, meeting_id)),
    )
