"""Saving an item's notes: what the autosave runs every second of a live meeting.

A single UPDATE in one short transaction, touching nothing else. Typing has its own undo in
the editor, so this has none. The item's private notes (never in a public version, never in
the search index) are saved the same way, on their own.
"""

from __future__ import annotations

from pcc_minutes.core.changes import Outcome, changed
from pcc_minutes.core.clock import local_now
from pcc_minutes.core.status import refuse_if_locked
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store


def save_item_notes(store: Store, item_id: int, notes: str) -> Outcome[None]:
    with store.transaction() as session:
        meeting_id, status = queries.meeting_of_item(session, item_id)
        refuse_if_locked(meeting_id, status)
        queries.write_item_notes(session, item_id, notes, local_now())
    return Outcome(None, changed(items={item_id}))


def save_item_private_notes(store: Store, item_id: int, notes: str) -> Outcome[None]:
    with store.transaction() as session:
        meeting_id, status = queries.meeting_of_item(session, item_id)
        refuse_if_locked(meeting_id, status)
        queries.write_item_private_notes(session, item_id, notes, local_now())
    return Outcome(None, changed(items={item_id}))
