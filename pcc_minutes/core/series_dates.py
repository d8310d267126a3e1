"""When a series meets next, from the dates it has met on.

Governance meetings keep a pattern: "the second Thursday of each month", "the last Tuesday of
the quarter", "every four weeks". ``next_meeting_date`` finds the pattern the latest meetings
follow and gives the next date on it; with one meeting, or no pattern, the same weekday of the
month one month on (a meeting held on the second Thursday is next held on a second Thursday,
not on the same day of the month, which would often fall at a weekend).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# How many of the latest meetings must agree on a pattern (fewer when the series is younger).
_LOOK_BACK = 3


def week_of_month(day: date) -> int:
    """1 for the first such weekday of its month, 2 for the second …; -1 for the last (a
    fifth weekday is always the last)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def is_last_weekday(day: date) -> bool:
    return day.day + 7 > calendar.monthrange(day.year, day.month)[1]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1–4, or -1 for the last) ``weekday`` (Monday 0) of a month."""
    days = calendar.monthrange(year, month)[1]
    if nth == -1:
        last = date(year, month, days)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def months_later(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _months_between(one: date, other: date) -> int:
    return (other.year - one.year) * 12 + other.month - one.month


def next_meeting_date(dates: list[date]) -> date | None:
    """The next date of a series that met on ``dates`` (any order; None when there are none)."""
    met = sorted(set(dates))
    if not met:
        return None
    last = met[-1]
    recent = met[-_LOOK_BACK:]
    gaps = [_months_between(a, b) for a, b in zip(recent, recent[1:], strict=False)]
    day_gaps = [(b - a).days for a, b in zip(recent, recent[1:], strict=False)]
    same_weekday = len({d.weekday() for d in recent}) == 1
    every = gaps[0] if gaps and len(set(gaps)) == 1 and gaps[0] > 0 else None
    if every and same_weekday:
        # The same weekday of the month: "the second Thursday", or "the last Tuesday".
        if all(is_last_weekday(d) for d in recent) and not all(
            week_of_month(d) == week_of_month(recent[0]) for d in recent
        ):
            nth = -1
        elif len({week_of_month(d) for d in recent}) == 1:
            nth = week_of_month(last)
        else:
            nth = None
        if nth is not None:
            year, month = months_later(last.year, last.month, every)
            return nth_weekday(year, month, last.weekday(), nth)
    if day_gaps and len(set(day_gaps)) == 1 and day_gaps[0] % 7 == 0 and day_gaps[0] <= 28:
        return last + timedelta(days=day_gaps[0])  # weekly, fortnightly, four-weekly
    if every and len({d.day for d in recent}) == 1:
        year, month = months_later(last.year, last.month, every)
        return date(year, month, min(last.day, calendar.monthrange(year, month)[1]))
    # No pattern yet: one month on, on the same weekday of the month.
    year, month = months_later(last.year, last.month, 1)
    return nth_weekday(year, month, last.weekday(), week_of_month(last))
