"""Live mode: the meeting clock and when discussion moved from item to item.

These record what happened in the room, so they have no undo. Each reports only the items
whose timing it touched: a live step never touches the meetings list.
"""

from __future__ import annotations

from datetime import datetime

from pcc_minutes.core.changes import Outcome, changed
from pcc_minutes.core.clock import local_now
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store


def start_live(store: Store, meeting_id: int, now: datetime | None = None) -> Outcome[None]:
    """Start the meeting clock (once; restarting live mode keeps the first start)."""
    now = now or local_now()
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        if meeting.live_started_at is not None:
            return Outcome(None)
        meeting.live_started_at = now
    return Outcome(None, changed(header={meeting_id}))


def enter_item(
    store: Store, meeting_id: int, item_id: int, now: datetime | None = None
) -> Outcome[None]:
    """Record that discussion moved to ``item_id``: the item being left ends now, the item
    entered starts now (the first time only: going back to an item keeps its first start)."""
    now = now or local_now()
    touched: set[int] = set()
    header: set[int] = set()
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        if meeting.live_started_at is None:
            meeting.live_started_at = now
            header.add(meeting_id)
        target = next((i for i in meeting.items if i.id == item_id), None)
        if target is None:
            raise UserInputError(f"Meeting {meeting_id} has no agenda item {item_id}.")
        for item in meeting.items:
            running = item.actual_start is not None and item.actual_end is None
            if item.id != item_id and running:
                item.actual_end = now
                touched.add(item.id)
        if target.actual_start is None:
            target.actual_start = now
            touched.add(item_id)
        elif target.actual_end is not None:
            target.actual_end = None  # back to an item: it runs again until left
            touched.add(item_id)
    return Outcome(None, changed(timing=touched, header=header))


def end_live(store: Store, meeting_id: int, now: datetime | None = None) -> Outcome[None]:
    """Stop the clock: the running item ends now."""
    now = now or local_now()
    touched: set[int] = set()
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        for item in meeting.items:
            if item.actual_start is not None and item.actual_end is None:
                item.actual_end = now
                touched.add(item.id)
    return Outcome(None, changed(timing=touched))
