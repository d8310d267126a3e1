"""The agenda: adding, removing, reordering and editing items, each undoable.

Removing an item keeps a record of all of it (notes, figures, actions, decisions, timings) in
its undo, and putting it back gives it its old id where that is still free, so the undo
entries that name it keep working.
"""

from __future__ import annotations

from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import AgendaItem
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.mapping import item_record, item_row
from pcc_minutes.store.tables import AgendaItemRow, MeetingRow


def _renumber(meeting: MeetingRow) -> None:
    for number, item in enumerate(sorted(meeting.items, key=lambda i: i.position), start=1):
        item.position = number


def add_item(
    store: Store,
    meeting_id: int,
    title: str,
    *,
    after: int | None = None,
    lead: str = "",
    planned_minutes: int | None = None,
    confidential: bool = False,
) -> Outcome[int]:
    """Add an item after position ``after`` (at the end when None); the value is its id."""
    if not title.strip():
        raise UserInputError("An agenda item needs a title; type one in.")
    _check_minutes(planned_minutes)
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        position = (after if after is not None else len(meeting.items)) + 1
        for item in meeting.items:
            if item.position >= position:
                item.position += 1
        new = AgendaItemRow(
            position=position,
            title=title.strip(),
            lead=lead,
            planned_minutes=planned_minutes,
            confidential=confidential,
        )
        meeting.items.append(new)
        session.flush()
        new_id = new.id
    return Outcome(
        new_id,
        changed(agenda={meeting_id}),
        Undo(f"Add item {position}", lambda s: remove_item(s, new_id)),
    )


def remove_item(store: Store, item_id: int) -> Outcome[None]:
    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        meeting = item.meeting
        kept = item_record(item)
        meeting_id = meeting.id
        meeting.items.remove(item)
        session.flush()
        _renumber(meeting)
    return Outcome(
        None,
        changed(agenda={meeting_id}, items={item_id}),
        Undo(f"Remove item {kept.position}", lambda s: restore_item(s, meeting_id, kept)),
    )


def restore_item(store: Store, meeting_id: int, item: AgendaItem) -> Outcome[int]:
    """Put back a removed item, everything in it, at its old position."""
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        position = max(1, min(item.position, len(meeting.items) + 1))
        for other in meeting.items:
            if other.position >= position:
                other.position += 1
        row = item_row(
            item, free=lambda kind, id_: queries.is_free(session, kind, id_), meeting_id=meeting_id
        )
        row.position = position
        meeting.items.append(row)
        session.flush()
        new_id = row.id
    return Outcome(
        new_id,
        changed(agenda={meeting_id}, items={new_id}),
        Undo(f"Add item {position}", lambda s: remove_item(s, new_id)),
    )


def move_item(store: Store, item_id: int, to_position: int) -> Outcome[None]:
    """Move an item to ``to_position`` (1-based); the others close up around it."""
    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        meeting_id = item.meeting.id
        ordered = sorted(item.meeting.items, key=lambda i: i.position)
        was = ordered.index(item) + 1
        ordered.remove(item)
        to_position = max(1, min(to_position, len(ordered) + 1))
        ordered.insert(to_position - 1, item)
        for number, each in enumerate(ordered, start=1):
            each.position = number
    if was == to_position:
        return Outcome(None)
    return Outcome(
        None,
        changed(agenda={meeting_id}),
        Undo(f"Move item {was} to {to_position}", lambda s: move_item(s, item_id, was)),
    )


ITEM_FIELDS = {"title", "heading", "lead", "planned_minutes", "confidential", "private_notes"}


def _check_minutes(minutes: object) -> None:
    if minutes is not None and (not isinstance(minutes, int) or minutes < 0 or minutes > 600):
        raise UserInputError("Planned minutes must be a whole number from 0 to 600.")


def update_item(store: Store, item_id: int, **changes: Any) -> Outcome[None]:
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"not agenda item fields: {sorted(unknown)}")
    if "title" in changes and not str(changes["title"]).strip():
        raise UserInputError("An agenda item needs a title; type one in.")
    _check_minutes(changes.get("planned_minutes"))
    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        before = {name: getattr(item, name) for name in changes}
        position = item.position
        for name, value in changes.items():
            setattr(item, name, value)
    if all(before[k] == changes[k] for k in changes):
        return Outcome(None)
    return Outcome(
        None,
        changed(items={item_id}),
        Undo(f"Edit item {position}", lambda s: update_item(s, item_id, **before)),
    )
