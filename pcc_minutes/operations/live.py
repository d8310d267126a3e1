"""Live mode: the meeting clock and the visits discussion paid to each item.

Each step reports only the items whose visits it touched (a live step never touches the
meetings list) and carries an undo that puts those visits, and the meeting clock, back as
they were: the window takes a wrong step back by stepping, but a script or a later revision
can take it back exactly. The rules of what a step changes are in ``core.live``.
"""

from __future__ import annotations

from datetime import datetime

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.clock import local_now
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.live import Visits, span, visits_on_ending, visits_on_entering
from pcc_minutes.core.records import ItemVisit
from pcc_minutes.core.status import refuse_if_locked
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.tables import AgendaItemRow, ItemVisitRow

# The meeting clock's start to put back, when an undo puts it back: (start,) or None.
Clock = tuple[datetime | None] | None


def _visits(row: AgendaItemRow) -> Visits:
    """The row's visits as records; a row timed before visits were kept reads as one."""
    if row.visits:
        return tuple(ItemVisit(v.started_at, v.ended_at) for v in row.visits)
    if row.actual_start is not None:
        return (ItemVisit(row.actual_start, row.actual_end),)
    return ()


def _write(row: AgendaItemRow, visits: Visits) -> None:
    """Make the row's visit rows say ``visits`` (rows kept where they already match), and
    its first start and last end follow them."""
    rows = row.visits
    for position, visit in enumerate(visits):
        if position < len(rows):
            kept = rows[position]
            kept.position, kept.started_at, kept.ended_at = position, visit.start, visit.end
        else:
            rows.append(ItemVisitRow(position=position, started_at=visit.start, ended_at=visit.end))
    del rows[len(visits) :]
    row.actual_start, row.actual_end = span(visits)


def _restore(
    store: Store,
    meeting_id: int,
    text: str,
    visits: dict[int, Visits],
    clock: Clock = None,
) -> Outcome[None]:
    """Put the given items' visits (and, when given, the meeting clock's start) back; the
    outcome's undo puts back what this replaced, so undo and redo are one mechanism."""
    with store.transaction() as session:
        meeting = queries.open_meeting_header(session, meeting_id)
        rows = {row.id: row for row in queries.agenda_item_rows(session, meeting_id)}
        missing = set(visits) - set(rows)
        if missing:
            raise UserInputError(
                f"Meeting {meeting_id} no longer has agenda item {min(missing)}; "
                "its timing cannot be put back."
            )
        before = {item_id: _visits(rows[item_id]) for item_id in visits}
        for item_id, item_visits in visits.items():
            _write(rows[item_id], item_visits)
        header: set[int] = set()
        clock_before: Clock = None
        if clock is not None and meeting.live_started_at != clock[0]:
            clock_before = (meeting.live_started_at,)
            meeting.live_started_at = clock[0]
            header.add(meeting_id)
    return Outcome(
        None,
        changed(timing=set(visits), header=header),
        Undo(text, lambda s: _restore(s, meeting_id, text, before, clock_before)),
    )


def start_live(store: Store, meeting_id: int, now: datetime | None = None) -> Outcome[None]:
    """Start the meeting clock (once; restarting live mode keeps the first start)."""
    now = now or local_now()
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        if meeting.live_started_at is not None:
            return Outcome(None)
        meeting.live_started_at = now
    return Outcome(
        None,
        changed(header={meeting_id}),
        Undo("Start live mode", lambda s: _restore(s, meeting_id, "Start live mode", {}, (None,))),
    )


def enter_item(
    store: Store, meeting_id: int, item_id: int, now: datetime | None = None
) -> Outcome[None]:
    """Record that discussion moved to ``item_id`` at ``now``: the item being left closes
    its open visit, the item entered opens a new one (nothing changes when it is already the
    item being discussed, as when a window reopens a meeting that was live)."""
    now = now or local_now()
    with store.transaction() as session:
        meeting = queries.open_meeting_header(session, meeting_id)
        rows = queries.agenda_item_rows(session, meeting_id)
        target = next((row for row in rows if row.id == item_id), None)
        if target is None:
            raise UserInputError(f"Meeting {meeting_id} has no agenda item {item_id}.")
        position = target.position
        clock_before: Clock = None
        header: set[int] = set()
        if meeting.live_started_at is None:
            clock_before = (None,)
            meeting.live_started_at = now
            header.add(meeting_id)
        current = {row.id: _visits(row) for row in rows}
        new_visits = visits_on_entering(current.items(), item_id, now)
        for row in rows:
            if row.id in new_visits:
                _write(row, new_visits[row.id])
    if not new_visits and not header:
        return Outcome(None)
    before = {each: current[each] for each in new_visits}
    text = f"Move to item {position}"
    return Outcome(
        None,
        changed(timing=set(new_visits), header=header),
        Undo(text, lambda s: _restore(s, meeting_id, text, before, clock_before)),
    )


def end_live(store: Store, meeting_id: int, now: datetime | None = None) -> Outcome[None]:
    """Stop the clock: the running item's open visit ends now. Refused when the meeting is
    approved or published — read afresh here, since another process may have approved it
    while the window was live (closing that window must not write into the approved minutes)."""
    now = now or local_now()
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        refuse_if_locked(meeting_id, meeting.status)
        current = {row.id: _visits(row) for row in meeting.items}
        new_visits = visits_on_ending(current.items(), now)
        for row in meeting.items:
            if row.id in new_visits:
                _write(row, new_visits[row.id])
    if not new_visits:
        return Outcome(None)
    before = {each: current[each] for each in new_visits}
    return Outcome(
        None,
        changed(timing=set(new_visits)),
        Undo("End live mode", lambda s: _restore(s, meeting_id, "End live mode", before)),
    )
