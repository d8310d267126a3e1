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


def indicator_rows(session: Session, series_id: int | None = None) -> list[IndicatorRow]:
    """Every indicator (of one series when given), with its figures and their meetings."""
    query = select(IndicatorRow).options(
        selectinload(IndicatorRow.figures)
        .selectinload(FigureRow.item)
        .selectinload(AgendaItemRow.meeting),
        selectinload(IndicatorRow.figures).selectinload(FigureRow.points),
    )
    if series_id is not None:
        query = query.where(IndicatorRow.series_id == series_id)
    return list(session.scalars(query.order_by(IndicatorRow.label, IndicatorRow.id)))


def indicator_figures(session: Session, indicator_id: int) -> list[FigureRow]:
    """The figures linked to an indicator, with their points, items and meetings."""
    query = (
        select(FigureRow)
        .where(FigureRow.indicator_id == indicator_id)
        .options(
            selectinload(FigureRow.points),
            selectinload(FigureRow.item).selectinload(AgendaItemRow.meeting),
        )
        .order_by(FigureRow.id)
    )
    return list(session.scalars(query))


def figures_of_indicators(session: Session, indicator_ids: set[int]) -> list[FigureRow]:
    if not indicator_ids:
        return []
    query = (
        select(FigureRow)
        .where(FigureRow.indicator_id.in_(indicator_ids))
        .options(
            selectinload(FigureRow.points),
            selectinload(FigureRow.item).selectinload(AgendaItemRow.meeting),
        )
    )
    return list(session.scalars(query))


def series_id_for(session: Session, text: str) -> int | None:
    """A series named by id or by name (any case); None when there is none."""
    if text.strip().isdigit():
        row = session.get(SeriesRow, int(text))
        return row.id if row else None
    for row in session.scalars(select(SeriesRow)):
        if row.name.casefold() == text.strip().casefold():
            return row.id
    return None


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


__all__ = ["FigurePointRow", "IndicatorRow"]
