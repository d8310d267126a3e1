"""Live mode: the meeting clock and when discussion moved from item to item.

These record what happened in the room, so they have no undo. Each reports only the items
whose timing it touched: a live step never touches the meetings list.
"""

from __future__ import annotations

from datetime import datetime

from pcc_minutes.core.changes import Outcome, changed
from pcc_minutes.core.clock import local_now
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.live import times_on_entering
from pcc_minutes.core.status import refuse_if_locked
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
    header: set[int] = set()
    with store.transaction() as session:
        meeting = queries.open_meeting_header(session, meeting_id)
        items = queries.agenda_item_rows(session, meeting_id)
        if not any(i.id == item_id for i in items):
            raise UserInputError(f"Meeting {meeting_id} has no agenda item {item_id}.")
        if meeting.live_started_at is None:
            meeting.live_started_at = now
            header.add(meeting_id)
        new_times = times_on_entering(
            ((i.id, i.actual_start, i.actual_end) for i in items), item_id, now
        )
        for item in items:
            if item.id in new_times:
                item.actual_start, item.actual_end = new_times[item.id]
    return Outcome(None, changed(timing=set(new_times), header=header))


def end_live(store: Store, meeting_id: int, now: datetime | None = None) -> Outcome[None]:
    """Stop the clock: the running item ends now. Refused when the meeting is approved or
    published — read afresh here, since another process may have approved it while the
    window was live (closing that window must not write into the approved minutes)."""
    now = now or local_now()
    touched: set[int] = set()
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        refuse_if_locked(meeting_id, meeting.status)
        for item in meeting.items:
            if item.actual_start is not None and item.actual_end is None:
                item.actual_end = now
                touched.add(item.id)
    return Outcome(None, changed(timing=touched))
