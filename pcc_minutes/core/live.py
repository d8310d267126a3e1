"""Live timing as rules on plain data: visits to items, and the time spent on each.

Every time discussion moves to an item, the item being left closes its open visit and the
item entered opens a new one, so going back to an item adds a visit instead of restarting its
clock: the time spent on an item is the sum of its visits, and the time spent on other items
in between is never counted as its own. An item's ``actual_start`` stays the start of its
first visit (its place in the recording) and ``actual_end`` the end of its last (None while
it is being discussed), so that readers of the two keep working.

One set of rules, used by the operation that records a move in the database and by the
window, which shows the new times at once while the write happens on a worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from pcc_minutes.core.formatting import format_time
from pcc_minutes.core.records import AgendaItem, ItemVisit, Meeting

Visits = tuple[ItemVisit, ...]


def visits_of(item: AgendaItem) -> Visits:
    """The item's visits, oldest first. An item timed before visits were kept (a start and
    perhaps an end, no visits) reads as one visit from its start to its end."""
    if item.visits:
        return item.visits
    if item.actual_start is not None:
        return (ItemVisit(item.actual_start, item.actual_end),)
    return ()


def open_visit(visits: Visits) -> ItemVisit | None:
    """The visit still running (the last one, when it has no end), or None."""
    return visits[-1] if visits and visits[-1].end is None else None


def is_running(item: AgendaItem) -> bool:
    """The item is being discussed now (its last visit has not ended)."""
    return open_visit(visits_of(item)) is not None


def is_done(item: AgendaItem) -> bool:
    """The item has been discussed and is not being discussed now."""
    visits = visits_of(item)
    return bool(visits) and open_visit(visits) is None


def seconds_of(visit: ItemVisit, now: datetime | None = None) -> float:
    """How long a visit lasted; an open visit runs to ``now`` (nothing when ``now`` is None)."""
    end = visit.end if visit.end is not None else now
    if end is None:
        return 0.0
    return max(0.0, (end - visit.start).total_seconds())


def visits_spent(visits: Visits, now: datetime | None = None) -> float:
    return sum(seconds_of(visit, now) for visit in visits)


def time_spent(item: AgendaItem, now: datetime | None = None) -> float:
    """Seconds actually spent on ``item``: all its visits, the open one up to ``now``."""
    return visits_spent(visits_of(item), now)


def span(visits: Visits) -> tuple[datetime | None, datetime | None]:
    """(actual start, actual end) as stored beside the visits: the first visit's start, and
    the last visit's end (None while the item runs, or before it was ever entered)."""
    if not visits:
        return None, None
    return visits[0].start, visits[-1].end


def running_item(meeting: Meeting) -> AgendaItem | None:
    """The item whose visit is still open (the last one entered, when a window was closed
    without ending live mode, or the process was killed): where the meeting resumes."""
    running = [item for item in meeting.items if is_running(item)]
    if not running:
        return None
    return max(running, key=lambda item: visits_of(item)[-1].start)


def _closed(visits: Visits, now: datetime) -> Visits:
    last = visits[-1]
    return (*visits[:-1], replace(last, end=max(now, last.start)))


def visits_on_entering(
    items: Iterable[tuple[int, Visits]], item_id: int, now: datetime
) -> dict[int, Visits]:
    """The new visits of each item whose visits change when discussion moves to ``item_id``
    at ``now`` (``items`` are (id, visits)): any other item's open visit ends now, and the
    item entered opens a new visit unless it is already being discussed."""
    changed: dict[int, Visits] = {}
    for each_id, visits in items:
        running = open_visit(visits) is not None
        if each_id != item_id and running:
            changed[each_id] = _closed(visits, now)
        elif each_id == item_id and not running:
            changed[each_id] = (*visits, ItemVisit(now))
    return changed


def visits_on_ending(items: Iterable[tuple[int, Visits]], now: datetime) -> dict[int, Visits]:
    """The new visits of each item whose open visit ends when live mode stops at ``now``."""
    return {
        each_id: _closed(visits, now) for each_id, visits in items if open_visit(visits) is not None
    }


def with_visits(item: AgendaItem, visits: Visits) -> AgendaItem:
    start, end = span(visits)
    return replace(item, visits=visits, actual_start=start, actual_end=end)


def _apply(meeting: Meeting, changes: dict[int, Visits]) -> Meeting:
    items = tuple(
        with_visits(item, changes[item.id]) if item.id in changes else item
        for item in meeting.items
    )
    return replace(meeting, items=items)


def entering(meeting: Meeting, item_id: int, now: datetime) -> Meeting:
    """``meeting`` as it is once discussion has moved to ``item_id`` at ``now``."""
    changes = visits_on_entering(((i.id, visits_of(i)) for i in meeting.items), item_id, now)
    moved = _apply(meeting, changes)
    return replace(moved, live_started_at=meeting.live_started_at or now)


def ending(meeting: Meeting, now: datetime) -> Meeting:
    """``meeting`` as it is once live mode has stopped at ``now``."""
    return _apply(meeting, visits_on_ending(((i.id, visits_of(i)) for i in meeting.items), now))


def spent_minutes(seconds: float) -> int:
    """Whole minutes, to the nearest (half a minute rounds up), as the minutes print them."""
    return int(seconds // 60 + (1 if seconds % 60 >= 30 else 0))


def spent_text(seconds: float) -> str:
    """ "13 min", or "under 1 min" for a visit of a few seconds."""
    minutes = spent_minutes(seconds)
    if minutes == 0:
        return "under 1 min" if seconds > 0 else "0 min"
    return f"{minutes} min"


# How visits read in the minutes: a later pass of under half a minute over an item on the way
# to another is not listed (its seconds still count in the time spent), and a step away of
# under half a minute and straight back does not split a stretch. The two are the same, so
# a stretch never hides a visit to another item that the minutes list.
PASSING_SECONDS = 30
JOIN_SECONDS = PASSING_SECONDS


def stretches(visits: Visits) -> Visits:
    """The visits as the minutes list them: oldest first, those under half a minute apart
    joined, later passes of a few seconds left out. The first visit always stays: it is
    where the item starts in the recording."""
    joined: list[ItemVisit] = []
    for visit in sorted(visits, key=lambda v: v.start):
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.end is not None
            and (visit.start - last.end).total_seconds() < JOIN_SECONDS
        ):
            joined[-1] = replace(last, end=visit.end)
        else:
            joined.append(visit)
    kept = [v for v in joined[1:] if v.end is None or seconds_of(v) >= PASSING_SECONDS]
    return tuple(joined[:1] + kept)


def _stretch_text(visit: ItemVisit) -> str:
    if visit.end is None:
        return f"from {format_time(visit.start.time())}"
    return f"{format_time(visit.start.time())}–{format_time(visit.end.time())}"


def visits_text(visits: Visits) -> str:
    """ "10:05–10:12 and 10:40–10:46, 13 min": when an item was discussed, and the time
    actually spent on it (the sum of its visits). An item still being discussed reads
    "10:05–10:12 and from 10:40, 7 min so far" (or "from 10:40, still being discussed");
    an item never entered reads ""."""
    if not visits:
        return ""
    shown = [_stretch_text(v) for v in stretches(visits)]
    when = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    spent = visits_spent(visits)
    if open_visit(visits) is None:
        return f"{when}, {spent_text(spent)}"
    return f"{when}, {spent_text(spent)} so far" if spent else f"{when}, still being discussed"


def spent_words(item: AgendaItem) -> str:
    """ "13 min", "13 min over 2 visits": the time spent on an item that has ended, as the
    agenda and the item's details say it (the same sum the live timer showed)."""
    visits = visits_of(item)
    over = f" over {len(visits)} visits" if len(visits) > 1 else ""
    return f"{spent_text(visits_spent(visits))}{over}"
