"""Live timing as a rule on plain data: what moving the discussion to an item changes.

One rule, used by the operation that records the move in the database and by the window,
which shows the new times at once while the write happens on a worker thread: the item being
left ends now; the item entered starts now the first time, and runs again (its end cleared)
when the meeting goes back to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from pcc_minutes.core.records import Meeting

Times = tuple[datetime | None, datetime | None]  # (actual start, actual end)


def times_on_entering(
    items: Iterable[tuple[int, datetime | None, datetime | None]], item_id: int, now: datetime
) -> dict[int, Times]:
    """The new (start, end) of each item whose times change when discussion moves to
    ``item_id`` at ``now``; ``items`` are (id, start, end)."""
    changed: dict[int, Times] = {}
    for each_id, start, end in items:
        running = start is not None and end is None
        if each_id != item_id and running:
            changed[each_id] = (start, now)
        elif each_id == item_id:
            if start is None:
                changed[each_id] = (now, None)
            elif end is not None:
                changed[each_id] = (start, None)  # back to an item: it runs again until left
    return changed


def entering(meeting: Meeting, item_id: int, now: datetime) -> Meeting:
    """``meeting`` as it is once discussion has moved to ``item_id`` at ``now``."""
    changes = times_on_entering(
        ((i.id, i.actual_start, i.actual_end) for i in meeting.items), item_id, now
    )
    items = tuple(
        replace(i, actual_start=changes[i.id][0], actual_end=changes[i.id][1])
        if i.id in changes
        else i
        for i in meeting.items
    )
    started = meeting.live_started_at or now
    return replace(meeting, items=items, live_started_at=started)
