"""Wall-clock time as the minute-taker reads it, and the rules of live timing.

The database stores *local* naive times (what the room's clock says), because every time the
minutes print — "10:30–11:30", an item's start in the recording — is local. ``local_now``
says so in its name; the live timers and ``enter_item`` rely on it.
"""

from __future__ import annotations

from datetime import datetime


def local_now() -> datetime:
    """Now, local wall time, without a time zone, to the second's fraction."""
    return datetime.now().astimezone().replace(tzinfo=None)


# How an item's timer reads against its plan.
ON_TIME, OVER, WELL_OVER = 0, 1, 2


def overrun_level(elapsed_seconds: float, planned_minutes: int | None) -> int:
    """ON_TIME, OVER (amber: past the plan) or WELL_OVER (red: 20% or 2 minutes past it)."""
    if not planned_minutes:
        return ON_TIME
    planned = planned_minutes * 60
    if elapsed_seconds <= planned:
        return ON_TIME
    return WELL_OVER if elapsed_seconds > planned + max(120, planned * 0.2) else OVER


OVERRUN_WORDS = ("on time", "over its planned time", "well over its planned time")


def item_elapsed(start: datetime | None, end: datetime | None, now: datetime) -> float:
    """Seconds an item has run: to its end when it has one, else to ``now``."""
    if start is None:
        return 0.0
    return max(0.0, ((end or now) - start).total_seconds())


def clock_text(seconds: float) -> str:
    """ "07:12", or "1:02:03" style "01:02:03" past the hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
