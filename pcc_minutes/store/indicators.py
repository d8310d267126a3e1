"""The reads and writes behind indicators: a figure joined to its series' indicator, the
figures of an indicator with their meetings, and the series' indicators."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from pcc_minutes.store.tables import (
    AgendaItemRow,
    FigurePointRow,
    FigureRow,
    IndicatorRow,
    MeetingRow,
    SeriesRow,
)


def unlinked_left(session: Session) -> bool:
    """Whether any figure still waits for its first automatic matching (stored before
    indicators existed): one indexed look-up."""
    query = select(
        exists().where(FigureRow.indicator_id.is_(None), FigureRow.indicator_manual.is_(False))
    )
    return bool(session.scalar(query))


def unlinked_figures(session: Session) -> list[FigureRow]:
    query = (
        select(FigureRow)
        .where(FigureRow.indicator_id.is_(None), FigureRow.indicator_manual.is_(False))
        .options(selectinload(FigureRow.item).selectinload(AgendaItemRow.meeting))
        .order_by(FigureRow.id)
    )
    return list(session.scalars(query))


def find_indicator_row(
    session: Session, series_id: int | None, key: str, unit: str
) -> IndicatorRow | None:
    series = (
        IndicatorRow.series_id.is_(None)
        if series_id is None
        else IndicatorRow.series_id == series_id
    )
    query = (
        select(IndicatorRow)
        .where(series, IndicatorRow.key == key, IndicatorRow.unit == unit)
        .order_by(IndicatorRow.id)
        .limit(1)
    )
    return session.scalars(query).first()


def indicator_row(session: Session, indicator_id: int) -> IndicatorRow | None:
    return session.get(IndicatorRow, indicator_id)


def series_id_for(session: Session, text: str) -> int | None:
    """A series named by id or by name (any case); None when there is none."""
    if text.strip().isdigit():
        row = session.get(SeriesRow, int(text))
        return row.id if row else None
    for row in session.scalars(select(SeriesRow)):
        if row.name.casefold() == text.strip().casefold():
            return row.id
    return None


def meeting_header(session: Session, meeting_id: int) -> MeetingRow | None:
    return session.get(MeetingRow, meeting_id)


def meeting_with_items(session: Session, meeting_id: int) -> MeetingRow | None:
    query = (
        select(MeetingRow)
        .where(MeetingRow.id == meeting_id)
        .options(
            selectinload(MeetingRow.items)
            .selectinload(AgendaItemRow.figures)
            .selectinload(FigureRow.points)
        )
    )
    return session.scalars(query).first()


def point_tuples(session: Session, indicator_ids: set[int] | None = None) -> list[tuple]:
    """Every point of the indicators' figures as plain values, in one query: (indicator id,
    figure id, target, source text, item position, meeting id, meeting date, period, value,
    approx, high, bound); all linked figures when ``indicator_ids`` is None."""
    query = (
        select(
            FigureRow.indicator_id,
            FigureRow.id,
            FigureRow.target,
            FigureRow.source_text,
            AgendaItemRow.position,
            MeetingRow.id,
            MeetingRow.date,
            FigurePointRow.period,
            FigurePointRow.value,
            FigurePointRow.approx,
            FigurePointRow.high,
            FigurePointRow.bound,
        )
        .join(FigurePointRow, FigurePointRow.metric_id == FigureRow.id)
        .join(AgendaItemRow, AgendaItemRow.id == FigureRow.item_id)
        .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
        .order_by(FigureRow.id, FigurePointRow.position)
    )
    if indicator_ids is None:
        query = query.where(FigureRow.indicator_id.is_not(None))
    else:
        if not indicator_ids:
            return []
        query = query.where(FigureRow.indicator_id.in_(indicator_ids))
    return [tuple(r) for r in session.execute(query)]


def plain_indicator_rows(
    session: Session, series_id: int | None = None, *, any_series: bool = True
):
    """The indicators (of one series, or of meetings without a series when ``series_id`` is
    None and not ``any_series``) without their figures."""
    query = select(IndicatorRow)
    if series_id is not None:
        query = query.where(IndicatorRow.series_id == series_id)
    elif not any_series:
        query = query.where(IndicatorRow.series_id.is_(None))
    return list(session.scalars(query.order_by(IndicatorRow.label, IndicatorRow.id)))
