"""Actions and decisions followed across a series' meetings.

An action is raised once (its ``ActionRow``) and appears in each later meeting that lists it
as an ``ActionUpdateRow``: its status at the end of that meeting and the update said there.
Updating it in a later meeting changes that meeting's entry only, so the earlier minutes still
show the action as it stood then.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import ACTION_LOG, ActionUpdate
from pcc_minutes.core.status import check_action_status, refuse_if_locked
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.mapping import action_record
from pcc_minutes.store.tables import ActionUpdateRow, AgendaItemRow, MeetingRow


def _order(meeting: Any) -> tuple[date, int]:
    return (meeting.date or date.max, meeting.id)


def _series_id(session: Any, series: int | str | None) -> int | None:
    if series is None:
        return None
    rows = session.query(MeetingRow).all()
    ids = {m.series_id for m in rows if m.series_id is not None}
    text = str(series).strip()
    if text.isdigit() and int(text) in ids:
        return int(text)
    for m in rows:
        if m.series is not None and m.series.name.casefold() == text.casefold():
            return m.series_id
    raise UserInputError(f"There is no meeting series '{series}'; give a series id or name.")


def _meetings(session: Any) -> list[Any]:
    return sorted(session.query(MeetingRow).all(), key=_order)


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
                item = next((i for i in target.items if i.kind == ACTION_LOG), None)
                if item is None:
                    for each in target.items:
                        each.position += 1
                    item = AgendaItemRow(
                        position=1, title="Matters arising / action log", kind=ACTION_LOG
                    )
                    target.items.append(item)
                    session.flush()
                    made_item = item.id
                entry = ActionUpdateRow(
                    action_id=row.id,
                    meeting_id=target.id,
                    item_id=item.id,
                    position=len(item.carried),
                    status=_standing(row, target),
                )
                session.add(entry)
                session.flush()
                before = ("new", made_item, "")
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
                if before[1] is not None:
                    item = session.get(AgendaItemRow, before[1])
                    meeting = item.meeting
                    meeting.items.remove(item)  # its delete-orphan cascade deletes it
                    for number, each in enumerate(sorted(meeting.items, key=lambda i: i.position)):
                        each.position = number + 1
    return Outcome(None, changed(actions={item_id}))


def _tracked(row: Any, upto: Any = None) -> TrackedAction:
    raised = row.item.meeting
    updates = sorted(row.updates, key=lambda u: _order(u.meeting))
    if upto is not None:
        updates = [u for u in updates if _order(u.meeting) <= _order(upto)]
    record = action_record(row)
    status = updates[-1].status if updates else row.status
    return TrackedAction(
        action=replace(record, status=status),
        raised_meeting_id=raised.id,
        raised_date=raised.date,
        raised_item=row.item.position,
        raised_title=row.item.title,
        meeting_title=raised.title,
        updates=tuple(
            ActionUpdate(u.meeting_id, u.meeting.date, u.status, u.note) for u in updates
        ),
    )


def list_actions(
    store: Store,
    meeting_id: int | None = None,
    series: int | str | None = None,
    open_only: bool = False,
) -> list[TrackedAction]:
    """Every action with its history; for ``meeting_id``, those raised in or carried into that
    meeting as they stood there; for ``series``, that series' actions."""
    with store.transaction() as session:
        series_id = _series_id(session, series)
        result = []
        if meeting_id is not None:
            meeting = session.get(MeetingRow, meeting_id)
            if meeting is None:
                raise UserInputError(
                    f"There is no meeting {meeting_id}; `pcc-minutes list` shows them."
                )
            rows = [a for i in sorted(meeting.items, key=lambda i: i.position) for a in i.actions]
            carried = sorted(
                (u for i in meeting.items for u in i.carried),
                key=lambda u: (u.item.position, u.position),
            )
            rows = [r for r in rows] + [u.action for u in carried]
            result = [_tracked(r, meeting) for r in rows]
        else:
            for meeting in _meetings(session):
                if series_id is not None and meeting.series_id != series_id:
                    continue
                for item in sorted(meeting.items, key=lambda i: i.position):
                    for row in item.actions:
                        result.append(_tracked(row))
    if open_only:
        result = [t for t in result if t.action.status == "open"]
    return result


def list_decisions(store: Store, series: int | str | None = None) -> list[DecisionEntry]:
    with store.transaction() as session:
        series_id = _series_id(session, series)
        result = []
        for meeting in _meetings(session):
            if series_id is not None and meeting.series_id != series_id:
                continue
            for item in sorted(meeting.items, key=lambda i: i.position):
                for d in item.decisions:
                    result.append(
                        DecisionEntry(
                            d.id,
                            d.text,
                            meeting.id,
                            meeting.date,
                            item.position,
                            meeting.title,
                            item.title,
                        )
                    )
    return result


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
