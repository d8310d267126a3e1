"""A figure's values in earlier meetings, as the minutes print them.

With the trends option an item's figure that was reported in earlier meetings is followed by
a small table (Period | Value | Meeting, oldest first, up to this meeting) and a chart whose
alt text is one sentence saying what it shows. Every writer renders the same blocks; the
numbers read as everywhere else in the minutes (``core.formatting``).
"""

from __future__ import annotations

import re
from datetime import date

from pcc_minutes.core.formatting import format_date
from pcc_minutes.core.tracking import Trend, TrendPoint
from pcc_minutes.documents.chart import line_chart
from pcc_minutes.documents.layout import metric_value
from pcc_minutes.documents.tree import Block, Chart, Paragraph, Table, spans

HEADER = ("Period", "Value", "Meeting")
_DATED = re.compile(
    r"\b(1[89]|2[01])\d\d\b|\bQ[1-4]\b|\b(January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b",
    re.IGNORECASE,
)


def points_until(trend: Trend, meeting_id: int | None, day: date | None) -> list[TrendPoint]:
    """The trend's points reported up to this meeting (never one from a later meeting)."""
    kept = []
    for point in trend.points:
        if point.meeting_id == meeting_id or day is None or point.date is None or point.date <= day:
            kept.append(point)
    return kept


def has_history(points: list[TrendPoint], meeting_id: int | None) -> bool:
    """True when some point was reported in another (earlier) meeting: only then is there a
    trend to print."""
    return any(
        point.meeting_id != meeting_id
        and any(source.meeting_id != meeting_id for source in point.sources or (point,))
        for point in points
    )


def value_text(trend: Trend, point: TrendPoint) -> str:
    return metric_value(trend.indicator.unit, point.value, point.high, point.approx, point.bound)


def table_rows(trend: Trend, points: list[TrendPoint] | None = None) -> list[tuple[str, str, str]]:
    """The table's rows below its header, oldest first: the period as the minutes named it,
    the value as they print it, the date of the meeting that reported it."""
    chosen = list(trend.points) if points is None else points
    return [
        (point.period or format_date(point.date), value_text(trend, point), format_date(point.date))
        for point in chosen
    ]


def _sentence_label(label: str) -> str:
    """A label as it reads inside a sentence: "Outstanding renewals" → "outstanding
    renewals"; an acronym ("OOCRs issued") keeps its capitals."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def summary(trend: Trend, points: list[TrendPoint] | None = None) -> str:
    """The chart's alt text: one sentence from the first value to the last."""
    chosen = list(trend.points) if points is None else points
    label = _sentence_label(trend.indicator.label)
    if not chosen:
        return f"Chart: no values of {label} yet."
    first, last = chosen[0], chosen[-1]

    def said(point: TrendPoint) -> str:
        value = value_text(trend, point)
        if _DATED.search(point.period):  # a period that names a time: "in May 2025"
            return f"{value} in {point.period}"
        # "before", "year to date": said as the minutes said it, with the meeting's date.
        named = f" ({point.period})" if point.period else ""
        return f"{value}{named} on {format_date(point.date)}" if point.date else value + named

    if len(chosen) == 1:
        return f"Chart: {label} was {said(first)}."
    if last.value < first.value:
        text = f"Chart: {label} fell from {said(first)} to {said(last)}."
    elif last.value > first.value:
        text = f"Chart: {label} rose from {said(first)} to {said(last)}."
    else:
        text = f"Chart: {label} was {said(first)} and {said(last)}."
    target = next((p.target for p in reversed(chosen) if p.target is not None), None)
    if target is not None:
        unit = trend.indicator.unit
        text = text[:-1] + f", against a target of {metric_value(unit, target, None, False)}."
    return text


def chart(trend: Trend, points: list[TrendPoint] | None = None) -> Chart:
    chosen = list(trend.points) if points is None else points
    unit = trend.indicator.unit
    target = next((p.target for p in reversed(chosen) if p.target is not None), None)
    picture = line_chart(
        [p.value for p in chosen],
        [p.period or format_date(p.date) for p in chosen],
        label_of=lambda value: metric_value(unit, value, None, False),
        target=target,
    )
    return Chart(alt=summary(trend, chosen), picture=picture)


def trend_blocks(trend: Trend, points: list[TrendPoint] | None = None) -> list[Block]:
    """The heading line, the table and the chart of one figure's trend."""
    chosen = list(trend.points) if points is None else points
    if not chosen:
        return []
    rows = [tuple(spans(h) for h in HEADER)]
    rows += [tuple(spans(cell) for cell in row) for row in table_rows(trend, chosen)]
    return [
        # A label, kept with the table below it (as "Agenda:" is with its list).
        Paragraph(spans(f"Trend: {trend.indicator.label}, by meeting"), style="label"),
        Table(tuple(rows), header=True),
        chart(trend, chosen),
    ]
