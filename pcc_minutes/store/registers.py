"""The reads behind a series' registers: its actions with every later meeting's update, and
its decisions, each in one SQL query of plain values (no rows of meetings, items or actions
loaded), so the action log and the decision register open at once however many meetings
there are.

Meetings are in time order as everywhere else: by date (undated last), then by id.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import String, and_, literal, select, type_coerce, union_all
from sqlalchemy.orm import Session, aliased

from pcc_minutes.core.status import LOCKED_STATUSES
from pcc_minutes.store.tables import (
    ActionRow,
    ActionUpdateRow,
    AgendaItemRow,
    DecisionRow,
    MeetingRow,
    SeriesRow,
)

# One row of ``action_tuples``: the action (id, text, owner, due, status, reference), where it
# was raised (meeting id, date, meeting title, item position, item title), then one update
# (meeting id, date, status, note), all four None when it has none. An action with several
# updates comes once for each, oldest first.
ACTION_FIELDS = (
    "id",
    "text",
    "owner",
    "due",
    "status",
    "reference",
    "meeting_id",
    "date",
    "meeting_title",
    "item",
    "item_title",
    "update_meeting",
    "update_date",
    "update_status",
    "update_note",
)


def series_with_meetings(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every series that has a meeting."""
    has_meeting = select(MeetingRow.id).where(MeetingRow.series_id == SeriesRow.id).exists()
    query = select(SeriesRow.id, SeriesRow.name).where(has_meeting).order_by(SeriesRow.id)
    return [(row[0], row[1]) for row in session.execute(query)]


def meeting_place(session: Session, meeting_id: int) -> tuple[Any, int] | None:
    """(date, id) of a meeting, its place in time order; None when there is none."""
    row = session.execute(
        select(MeetingRow.date, MeetingRow.id).where(MeetingRow.id == meeting_id)
    ).first()
    return (row[0], row[1]) if row is not None else None


def _text(column):
    """A date column read as its stored ISO text: ``_dated`` makes the dates, several times
    faster than the driver's date type for thousands of rows."""
    return type_coerce(column, String)


def _dated(rows, *at: int) -> list[tuple]:
    """The rows with the ISO text at the ``at`` indexes read as dates (None stays None)."""
    day = date.fromisoformat
    result = []
    for row in rows:
        row = list(row)
        for index in at:
            if row[index] is not None:
                row[index] = day(row[index])
        result.append(tuple(row))
    return result


def _action_query():
    raised_item, raised = aliased(AgendaItemRow), aliased(MeetingRow)
    update, updated = aliased(ActionUpdateRow), aliased(MeetingRow)
    query = (
        select(
            *(
                column.label(name)
                for column, name in zip(
                    (
                        ActionRow.id,
                        ActionRow.text,
                        ActionRow.owner,
                        _text(ActionRow.due),
                        ActionRow.status,
                        ActionRow.reference,
                        raised.id,
                        _text(raised.date),
                        raised.title,
                        raised_item.position,
                        raised_item.title,
                        update.meeting_id,
                        _text(updated.date),
                        update.status,
                        update.note,
                    ),
                    ACTION_FIELDS,
                    strict=True,
                )
            )
        )
        .join(raised_item, ActionRow.item_id == raised_item.id)
        .join(raised, raised_item.meeting_id == raised.id)
        .outerjoin(update, update.action_id == ActionRow.id)
        .outerjoin(updated, update.meeting_id == updated.id)
    )
    update_order = (updated.date.is_(None), updated.date, updated.id)
    return query, raised_item, raised, update_order


def action_tuples(session: Session, series_id: int | None = None) -> list[tuple]:
    """Every action (of the series, when given) with its updates, in the order of the
    meetings that raised them, then agenda and action order; see ``ACTION_FIELDS``."""
    query, item, meeting, update_order = _action_query()
    if series_id is not None:
        query = query.where(meeting.series_id == series_id)
    query = query.order_by(
        meeting.date.is_(None),
        meeting.date,
        meeting.id,
        item.position,
        ActionRow.position,
        ActionRow.id,
        *update_order,
    )
    return _dated(session.connection().execute(query).all(), 3, 7, 12)


def meeting_action_tuples(session: Session, meeting_id: int) -> list[tuple]:
    """The actions raised in a meeting (agenda order), then those carried into it (in the
    order its items list them), each with all its updates; see ``ACTION_FIELDS``."""
    raised_query, item, meeting, update_order = _action_query()
    raised_query = raised_query.add_columns(
        literal(0).label("part"), item.position.label("p1"), ActionRow.position.label("p2")
    ).where(meeting.id == meeting_id)
    carried_query, *_ = _action_query()
    here, here_item = aliased(ActionUpdateRow), aliased(AgendaItemRow)
    carried_query = (
        carried_query.add_columns(
            literal(1).label("part"), here_item.position.label("p1"), here.position.label("p2")
        )
        .join(here, and_(here.action_id == ActionRow.id, here.meeting_id == meeting_id))
        .join(here_item, here.item_id == here_item.id)
    )
    both = union_all(raised_query, carried_query).subquery()
    fields = [both.c[name] for name in ACTION_FIELDS]
    query = select(*fields).order_by(
        both.c.part,
        both.c.p1,
        both.c.p2,
        both.c.id,
        both.c.update_date.is_(None),
        both.c.update_date,
        both.c.update_meeting,
    )
    return _dated(session.connection().execute(query).all(), 3, 7, 12)


def decision_tuples(session: Session, series_id: int | None = None) -> list[tuple]:
    """Every decision (of the series, when given) as (id, text, meeting id, date, item
    position, meeting title, item title), in meeting, agenda and decision order."""
    query = (
        select(
            DecisionRow.id,
            DecisionRow.text,
            MeetingRow.id,
            MeetingRow.date,
            AgendaItemRow.position,
            MeetingRow.title,
            AgendaItemRow.title,
        )
        .join(AgendaItemRow, DecisionRow.item_id == AgendaItemRow.id)
        .join(MeetingRow, AgendaItemRow.meeting_id == MeetingRow.id)
    )
    if series_id is not None:
        query = query.where(MeetingRow.series_id == series_id)
    query = query.order_by(
        MeetingRow.date.is_(None),
        MeetingRow.date,
        MeetingRow.id,
        AgendaItemRow.position,
        DecisionRow.position,
        DecisionRow.id,
    )
    return [tuple(row) for row in session.connection().execute(query).all()]


def locked_meeting_ids(session: Session, series_id: int | None = None) -> dict[int, str]:
    """The meetings (of the series, when given) that are approved or published, with which."""
    query = select(MeetingRow.id, MeetingRow.status).where(
        MeetingRow.status.in_(sorted(LOCKED_STATUSES))
    )
    if series_id is not None:
        query = query.where(MeetingRow.series_id == series_id)
    return {row[0]: row[1] for row in session.connection().execute(query)}
