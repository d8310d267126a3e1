"""The reads and lookups the operations need, written once, in SQLAlchemy.

Operations never build a query themselves: they call these inside ``store.transaction()``,
change the rows they get back, and let the transaction commit.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import MeetingSummary
from pcc_minutes.core.status import ActionStatus, refuse_if_locked
from pcc_minutes.store.tables import (
    ActionRow,
    ActionUpdateRow,
    AgendaItemRow,
    DecisionRow,
    FigureRow,
    MeetingRow,
    SeriesRow,
)

_NEWEST_FIRST = (MeetingRow.date.is_(None), MeetingRow.date.desc(), MeetingRow.id.desc())


def meeting_row(session: Session, meeting_id: int) -> MeetingRow:
    """The meeting with everything in it, loaded in a handful of queries."""
    meeting = session.get(
        MeetingRow,
        meeting_id,
        options=[
            selectinload(MeetingRow.items)
            .selectinload(AgendaItemRow.figures)
            .selectinload(FigureRow.points),
            selectinload(MeetingRow.items).selectinload(AgendaItemRow.actions),
            selectinload(MeetingRow.items).selectinload(AgendaItemRow.decisions),
            # Actions carried into this meeting: where each was raised and its other updates.
            selectinload(MeetingRow.items)
            .selectinload(AgendaItemRow.carried)
            .options(
                selectinload(ActionUpdateRow.meeting),
                selectinload(ActionUpdateRow.action).options(
                    selectinload(ActionRow.item).selectinload(AgendaItemRow.meeting),
                    selectinload(ActionRow.updates).selectinload(ActionUpdateRow.meeting),
                ),
            ),
            selectinload(MeetingRow.attendees),
            selectinload(MeetingRow.series),
            selectinload(MeetingRow.status_history),
        ],
    )
    if meeting is None:
        raise UserInputError(
            f"There is no meeting {meeting_id}; 'pcc-minutes list' shows the meetings there are."
        )
    return meeting


def open_meeting_row(session: Session, meeting_id: int) -> MeetingRow:
    """The meeting, refusing it when approved or published."""
    meeting = meeting_row(session, meeting_id)
    refuse_if_locked(meeting.id, meeting.status)
    return meeting


def open_meeting_header(session: Session, meeting_id: int) -> MeetingRow:
    """The meeting's own row only (no items loaded), refusing it when locked."""
    meeting = session.get(MeetingRow, meeting_id)
    if meeting is None:
        raise UserInputError(
            f"There is no meeting {meeting_id}; 'pcc-minutes list' shows the meetings there are."
        )
    refuse_if_locked(meeting.id, meeting.status)
    return meeting


def agenda_item_rows(session: Session, meeting_id: int) -> list[AgendaItemRow]:
    """The meeting's items alone, in agenda order (nothing inside them loaded)."""
    return list(
        session.scalars(
            select(AgendaItemRow)
            .where(AgendaItemRow.meeting_id == meeting_id)
            .order_by(AgendaItemRow.position)
        )
    )


def item_row(session: Session, item_id: int) -> AgendaItemRow:
    item = session.get(AgendaItemRow, item_id)
    if item is None:
        raise UserInputError(f"There is no agenda item {item_id}.")
    return item


def open_item_row(session: Session, item_id: int) -> AgendaItemRow:
    item = item_row(session, item_id)
    refuse_if_locked(item.meeting.id, item.meeting.status)
    return item


def figure_row(session: Session, figure_id: int) -> FigureRow | None:
    return session.get(FigureRow, figure_id)


def action_row(session: Session, action_id: int) -> ActionRow | None:
    return session.get(ActionRow, action_id)


def decision_row(session: Session, decision_id: int) -> DecisionRow | None:
    return session.get(DecisionRow, decision_id)


def is_free(session: Session, row_class: type, row_id: int | None) -> bool:
    """Whether ``row_id`` can be given to a row put back by undo."""
    return row_id is not None and session.get(row_class, row_id) is None


def series_for(session: Session, name: str, organisation: str = "") -> SeriesRow:
    series = session.scalar(select(SeriesRow).where(SeriesRow.name == name))
    if series is None:
        series = SeriesRow(name=name, organisation=organisation)
        session.add(series)
    return series


def meeting_summaries(session: Session, limit: int | None = None) -> list[MeetingSummary]:
    """Every meeting (or the newest ``limit``), newest first, undated last: columns only."""
    query = (
        select(MeetingRow.id, MeetingRow.date, MeetingRow.title, MeetingRow.status, SeriesRow.name)
        .outerjoin(SeriesRow, SeriesRow.id == MeetingRow.series_id)
        .order_by(*_NEWEST_FIRST)
    )
    if limit is not None:
        # In two parts, dated then undated, so that each walks the date index and stops at
        # the limit instead of sorting the whole table.
        dated = (
            query.where(MeetingRow.date.is_not(None))
            .order_by(None)
            .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
        )
        rows = session.execute(dated.limit(limit)).all()
        if len(rows) < limit:
            undated = query.where(MeetingRow.date.is_(None)).order_by(None)
            rows += session.execute(
                undated.order_by(MeetingRow.id.desc()).limit(limit - len(rows))
            ).all()
        return [MeetingSummary(r[0], r[1], r[2], r[3], r[4] or "") for r in rows]
    rows = session.execute(query).all()
    return [MeetingSummary(r[0], r[1], r[2], r[3], r[4] or "") for r in rows]


def meeting_summary(session: Session, meeting_id: int) -> MeetingSummary | None:
    row = session.execute(
        select(MeetingRow.id, MeetingRow.date, MeetingRow.title, MeetingRow.status, SeriesRow.name)
        .outerjoin(SeriesRow, SeriesRow.id == MeetingRow.series_id)
        .where(MeetingRow.id == meeting_id)
    ).first()
    return MeetingSummary(row[0], row[1], row[2], row[3], row[4] or "") if row else None


def latest_meeting_id(session: Session) -> int | None:
    newest = meeting_summaries(session, limit=1)
    return newest[0].id if newest else None


def meeting_of_item(session: Session, item_id: int) -> tuple[int, str]:
    """(meeting id, status) of the meeting an item belongs to, in one small query."""
    found = session.execute(
        select(MeetingRow.id, MeetingRow.status)
        .join(AgendaItemRow, AgendaItemRow.meeting_id == MeetingRow.id)
        .where(AgendaItemRow.id == item_id)
    ).first()
    if found is None:
        raise UserInputError(f"There is no agenda item {item_id}.")
    return found[0], found[1]


def write_item_notes(session: Session, item_id: int, notes: str, now: datetime) -> None:
    """One UPDATE of one row, and of its row in the search index: what the autosave runs
    every second of a live meeting."""
    session.execute(
        update(AgendaItemRow).where(AgendaItemRow.id == item_id).values(notes=notes, updated_at=now)
    )
    from pcc_minutes.store import search

    search.index_item_notes(session.connection(), item_id, notes)


def write_item_private_notes(session: Session, item_id: int, notes: str, now: datetime) -> None:
    """One UPDATE of one row (private notes are never in the search index)."""
    session.execute(
        update(AgendaItemRow)
        .where(AgendaItemRow.id == item_id)
        .values(private_notes=notes, updated_at=now)
    )


def open_actions_before(
    session: Session, series_id: int, meeting_id: int, on: date | None
) -> list[tuple[date | None, str, str]]:
    """Open actions of the series' other meetings up to ``on`` ("matters arising")."""
    rows = session.execute(
        select(MeetingRow.date, ActionRow.text, ActionRow.owner)
        .join(AgendaItemRow, AgendaItemRow.meeting_id == MeetingRow.id)
        .join(ActionRow, ActionRow.item_id == AgendaItemRow.id)
        .where(
            MeetingRow.series_id == series_id,
            MeetingRow.id != meeting_id,
            ActionRow.status == ActionStatus.OPEN,
            func.coalesce(MeetingRow.date, date.min) <= (on or date.max),
        )
        .order_by(MeetingRow.date, ActionRow.position)
    ).all()
    return [(row[0], row[1], row[2]) for row in rows]
