"""How dates, times and numbers read in the minutes and the window ("14 August 2025",
"10:30", "1,200"): one place, so the exports and the window agree."""

from __future__ import annotations

from datetime import date, time


def format_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def format_time(value: time | None) -> str:
    return f"{value:%H:%M}" if value else ""


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
