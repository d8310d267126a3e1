"""How dates, times and numbers read in the minutes and the window ("14 August 2025",
"10:30", "1,200"): one place, so the exports and the window agree."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def format_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def format_moment(value: datetime, now: datetime | None = None) -> str:
    """When something happened, as a person says it: "today at 14:02", "yesterday at 09:10",
    "1 December 2026 at 14:02"."""
    today = (now or datetime.now()).date()
    if value.date() == today:
        day = "today"
    elif value.date() == today - timedelta(days=1):
        day = "yesterday"
    else:
        day = format_date(value.date())
    return f"{day} at {value:%H:%M}"


def format_time(value: time | None) -> str:
    return f"{value:%H:%M}" if value else ""


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
