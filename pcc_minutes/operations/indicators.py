"""Indicators: a figure's identity across a series' meetings, and its trend.

A stored figure joins the indicator of its meeting's series whose key (``text.indicators.
indicator_key`` of the label) and unit agree, else a new one is made; the user can link,
unlink, rename and merge by hand (``indicator_manual`` then keeps automatic matching away).
Meetings without a series share indicators with series NULL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.tracking import Indicator, IndicatorHint, Trend, TrendPoint, TrendSource
from pcc_minutes.store import indicators as q
from pcc_minutes.store.database import Store
from pcc_minutes.store.tables import FigureRow, IndicatorRow
from pcc_minutes.text.indicators import (
    hint_text,
    indicator_key,
    mentions,
    month_name,
    note_words,
    period_date,
    trend_sentence,
)

# --- matching (called inside the storing operations' transactions) ------------------------


def match_figure(session: Any, row: FigureRow) -> None:
    """Join ``row`` (a figure on an item of a meeting) to its series' indicator with the
    same key and unit, making one when there is none; a hand-linked figure is left be."""
    if row.indicator_manual:
        return
    meeting = row.item.meeting
    key = indicator_key(row.label)
    found = q.find_indicator_row(session, meeting.series_id, key, row.unit)
    if found is None:
        found = IndicatorRow(
            series_id=meeting.series_id,
            label=row.label,
            unit=row.unit,
            higher_is_better=row.higher_is_better,
            key=key,
        )
        session.add(found)
        session.flush()
    row.indicator_id = found.id
    row.indicator = found


def match_figures(session: Any, rows: Iterable[FigureRow]) -> None:
    for row in rows:
        match_figure(session, row)


def link_stored(store: Store) -> int:
    """Link the figures stored before indicators existed (once; cheap when none are left).
    The number linked; nothing is written to a read-only database."""
    if store.read_only:
        return 0
    with store.transaction() as session:
        if not q.unlinked_left(session):
            return 0
        rows = q.unlinked_figures(session)
        match_figures(session, rows)
        return len(rows)


# --- trends --------------------------------------------------------------------------------


def _meeting_order(meeting: Any) -> tuple[date, int]:
    return (meeting.date or date.min, meeting.id)


def _indicator(row: IndicatorRow, points: int = 0) -> Indicator:
    return Indicator(row.id, row.label, row.unit, row.higher_is_better, "", points)


@dataclass
class _Gather:
    period: str
    when: date | None
    sources: list[tuple[tuple[date, int], TrendSource, float | None]]


def _points(rows: Iterable[tuple], upto: tuple[date, int] | None) -> list[TrendPoint]:
    """Trend points from ``store.indicators.point_tuples`` rows (one indicator's), those
    reported up to the meeting ``upto`` (date, id) when given."""
    groups: dict[tuple, _Gather] = {}
    for row in rows:
        _, figure_id, target, text, position, meeting_id, day, period, value, approx, high = row[
            :11
        ]
        bound = (row[11] if len(row) > 11 else "") or ""
        order = (day or date.min, meeting_id)
        if upto is not None and order > upto:
            continue
        period = period or (month_name(day) if day else "")
        when, key = period_date(period, day)
        group_key = (key,) if key else (meeting_id, " ".join(period.casefold().split()))
        source = TrendSource(
            meeting_id, day, position, value, approx, high, figure_id, text, bound=bound
        )
        gather = groups.get(group_key)
        if gather is None:
            gather = groups[group_key] = _Gather(period, when or day, [])
        gather.sources.append((order, source, target))
    points = []
    for gather in groups.values():
        gather.sources.sort(key=lambda s: (s[0], s[1].figure_id or 0))
        _, newest, target = gather.sources[-1]
        sources = tuple(s for _, s, _ in gather.sources)
        values = {(s.value, s.high) for s in sources}
        points.append(
            TrendPoint(
                period=gather.period,
                when=gather.when,
                value=newest.value,
                approx=newest.approx,
                high=newest.high,
                bound=newest.bound,
                target=target,
                meeting_id=newest.meeting_id,
                date=newest.date,
                item=newest.item,
                sources=sources,
                mismatch=len(values) > 1,
            )
        )
    points.sort(key=lambda p: (p.when or date.min, p.sources[0].date or date.min))
    return points


def _by_indicator(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    return grouped


def _trend(row: IndicatorRow, rows: Iterable[tuple], upto=None) -> Trend:
    points = _points(rows, upto)
    indicator = _indicator(row, len(points))
    summary = trend_sentence(row.unit, [(p.period, p.value) for p in points], row.higher_is_better)
    return Trend(indicator, tuple(points), summary)


# --- reading -------------------------------------------------------------------------------


def list_indicators(store: Store, series: int | str | None = None) -> list[Indicator]:
    """The indicators (of one series, by id or name, when given) that have figures, by
    label; ``points`` counts each one's trend points."""
    link_stored(store)
    with store.transaction() as session:
        series_id = None
        if series is not None:
            series_id = q.series_id_for(session, str(series))
            if series_id is None:
                raise UserInputError(
                    f"There is no meeting series {series}; give a series id or its name."
                )
        rows = q.plain_indicator_rows(session, series_id)
        wanted = None if series_id is None else {row.id for row in rows}
        points = _by_indicator(q.point_tuples(session, wanted))
        return [
            _indicator(row, len(_points(points[row.id], None))) for row in rows if row.id in points
        ]


def find_indicator(store: Store, label_or_id: str) -> int:
    """The id of the indicator named by id, label or a label with the same key."""
    text = label_or_id.strip()
    indicators = list_indicators(store)
    if text.isdigit():
        for indicator in indicators:
            if indicator.id == int(text):
                return indicator.id
    exact = [i for i in indicators if i.label.casefold() == text.casefold()]
    key = indicator_key(text)
    same = exact or [i for i in indicators if indicator_key(i.label) == key]
    if not same and key:
        same = [i for i in indicators if key in indicator_key(i.label)]
    if len(same) == 1:
        return same[0].id
    if not same:
        raise UserInputError(
            f"No indicator is called “{text}”; run 'pcc-minutes indicators' to see their "
            "names and ids."
        )
    choices = "; ".join(f"{i.id} “{i.label}” ({i.unit})" for i in same[:8])
    raise UserInputError(f"“{text}” could be any of {choices}; give one of these ids.")


def indicator_trend(store: Store, indicator_id: int) -> Trend:
    link_stored(store)
    with store.transaction() as session:
        row = q.indicator_row(session, indicator_id)
        if row is None:
            raise UserInputError(f"There is no indicator {indicator_id}.")
        return _trend(row, q.point_tuples(session, {indicator_id}))


def item_trends(store: Store, meeting_id: int) -> dict[int, Trend]:
    """For each linked figure of the meeting, its indicator's trend up to this meeting."""
    link_stored(store)
    with store.transaction() as session:
        meeting = q.meeting_with_items(session, meeting_id)
        if meeting is None:
            raise UserInputError(f"There is no meeting {meeting_id}.")
        figures = [f for item in meeting.items for f in item.figures if f.indicator_id]
        ids = {f.indicator_id for f in figures}
        points = _by_indicator(q.point_tuples(session, ids))
        upto = _meeting_order(meeting)
        trends: dict[int, Trend] = {}
        for indicator_id in ids:
            trend = _trend(
                q.indicator_row(session, indicator_id), points.get(indicator_id, []), upto
            )
            for figure in figures:
                if figure.indicator_id == indicator_id:
                    trends[figure.id] = trend
        return trends


_HINT_LIMIT = 5
_NOTES_LIMIT = 20_000  # characters of notes looked at


def indicator_hints(store: Store, meeting_id: int, notes: str) -> list[IndicatorHint]:
    """The series' indicators the notes mention (most of the label's words appear in the
    notes, ``text.indicators.mentions``), each with its newest value from an earlier
    meeting; at most five, and only the first 20,000 characters of notes are read."""
    words = note_words(notes[:_NOTES_LIMIT])
    if not words:
        return []
    with store.transaction() as session:
        meeting = q.meeting_header(session, meeting_id)
        if meeting is None:
            return []
        rows = q.plain_indicator_rows(session, meeting.series_id, any_series=False)
        rows = [r for r in rows if mentions(r.key, words)][: _HINT_LIMIT * 4]
        points = _by_indicator(q.point_tuples(session, {r.id for r in rows}))
        upto = _meeting_order(meeting)
        hints = []
        for row in rows:
            if row.id not in points:
                continue
            earlier = [r for r in points[row.id] if (r[6] or date.min, r[5]) < upto]
            found = _points(earlier, None)
            last = found[-1] if found else None
            if last is None:
                text = "no earlier values"
            else:
                text = hint_text(
                    row.unit, last.value, last.period, last.high, last.approx, last.bound
                )
            hints.append(IndicatorHint(_indicator(row, len(found)), last, text))
            if len(hints) >= _HINT_LIMIT:
                break
        return hints


# --- changing by hand ----------------------------------------------------------------------


def _figure(session: Any, figure_id: int) -> FigureRow:
    row = session.get(FigureRow, figure_id)
    if row is None:
        raise UserInputError(f"There is no figure {figure_id}.")
    return row


def _indicator_row(session: Any, indicator_id: int) -> IndicatorRow:
    row = q.indicator_row(session, indicator_id)
    if row is None:
        raise UserInputError(
            f"There is no indicator {indicator_id}; run 'pcc-minutes indicators' to see them."
        )
    return row


def _set_link(store: Store, figure_id: int, indicator_id: int | None, manual: bool, what: str):
    with store.transaction() as session:
        row = _figure(session, figure_id)
        if indicator_id is not None:
            _indicator_row(session, indicator_id)
        before = (row.indicator_id, row.indicator_manual)
        row.indicator_id, row.indicator_manual = indicator_id, manual
        item_id = row.item_id
    if before == (indicator_id, manual):
        return Outcome(None)
    return Outcome(
        None,
        changed(figures={item_id}),
        Undo(what, lambda s: _set_link(s, figure_id, before[0], before[1], what)),
    )


def link_figure(store: Store, figure_id: int, indicator_id: int) -> Outcome[None]:
    """Make a figure a value of this indicator (by hand: automatic matching leaves it)."""
    return _set_link(store, figure_id, indicator_id, True, "Link figure to indicator")


def unlink_figure(store: Store, figure_id: int) -> Outcome[None]:
    """Take a figure out of its indicator (by hand: it stays out)."""
    return _set_link(store, figure_id, None, True, "Unlink figure from indicator")


def rename_indicator(store: Store, indicator_id: int, label: str) -> Outcome[None]:
    label = " ".join(label.split())
    if not label:
        raise UserInputError("An indicator needs a name; type what it measures.")
    with store.transaction() as session:
        row = _indicator_row(session, indicator_id)
        before = row.label
        row.label = label
        items = {f.item_id for f in row.figures}
    if before == label:
        return Outcome(None)
    return Outcome(
        None,
        changed(figures=items),
        Undo(f"Rename “{before}”", lambda s: rename_indicator(s, indicator_id, before)),
    )


def set_indicator_direction(
    store: Store, indicator_id: int, higher_is_better: bool | None
) -> Outcome[None]:
    with store.transaction() as session:
        row = _indicator_row(session, indicator_id)
        before = row.higher_is_better
        row.higher_is_better = higher_is_better
        items = {f.item_id for f in row.figures}
    if before == higher_is_better:
        return Outcome(None)
    return Outcome(
        None,
        changed(figures=items),
        Undo(
            "Change which way is better",
            lambda s: set_indicator_direction(s, indicator_id, before),
        ),
    )


def merge_indicators(store: Store, keep_id: int, other_id: int) -> Outcome[None]:
    """Move every figure of ``other_id`` to ``keep_id``; the other indicator is emptied
    (undo moves them back)."""
    if keep_id == other_id:
        raise UserInputError("Choose two different indicators to merge.")
    with store.transaction() as session:
        keep, other = _indicator_row(session, keep_id), _indicator_row(session, other_id)
        if keep.unit != other.unit:
            raise UserInputError(
                f"“{keep.label}” is in {keep.unit} and “{other.label}” in {other.unit}; "
                "only indicators with the same unit can be merged."
            )
        moved = [(f.id, f.indicator_manual) for f in other.figures]
        items = {f.item_id for f in other.figures} | {f.item_id for f in keep.figures}
        for figure in list(other.figures):
            figure.indicator_id, figure.indicator_manual = keep_id, True
            figure.indicator = keep

    def split(s: Store) -> Outcome[None]:
        with s.transaction() as session:
            for figure_id, manual in moved:
                row = session.get(FigureRow, figure_id)
                if row is not None:
                    row.indicator_id, row.indicator_manual = other_id, manual
        return Outcome(
            None,
            changed(figures=items),
            Undo("Merge indicators", lambda s2: merge_indicators(s2, keep_id, other_id)),
        )

    return Outcome(None, changed(figures=items), Undo("Merge indicators", split))
