"""The record across meetings, as plain data: actions followed from meeting to meeting,
the series' decisions, indicators and their trends, and search hits.

Operations return these; the command line prints them (``as_json``) and the window shows
them. Like ``core.records`` they are frozen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pcc_minutes.core.records import Action, ActionUpdate


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class TrackedAction:
    """An action with its whole history: ``action.status`` is its status now (or, when asked
    for one meeting, as it stood in that meeting), ``updates`` every later meeting's entry,
    oldest first."""

    action: Action
    raised_meeting_id: int
    raised_date: date | None
    raised_item: int  # position on the raising meeting's agenda
    raised_title: str = ""  # that item's title
    meeting_title: str = ""  # the raising meeting's title
    updates: tuple[ActionUpdate, ...] = ()

    def as_json(self) -> dict[str, Any]:
        a = self.action
        return {
            "id": a.id,
            "text": a.text,
            "owner": a.owner or None,
            "due": _day(a.due),
            "status": a.status,
            "raised": {
                "meeting": self.raised_meeting_id,
                "date": _day(self.raised_date),
                "item": self.raised_item,
            },
            "updates": [
                {"meeting": u.meeting_id, "date": _day(u.date), "status": u.status, "note": u.note}
                for u in self.updates
            ],
        }


@dataclass(frozen=True)
class DecisionEntry:
    """One line of a series' decision register."""

    id: int
    text: str
    meeting_id: int
    date: date | None
    item: int  # position on that meeting's agenda
    meeting_title: str = ""
    item_title: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "meeting": self.meeting_id,
            "date": _day(self.date),
            "item": self.item,
        }


@dataclass(frozen=True)
class Indicator:
    """A measure followed across a series' meetings; ``points`` counts its trend's points."""

    id: int
    label: str
    unit: str
    higher_is_better: bool | None = None
    series: str = ""
    points: int = 0

    @property
    def direction(self) -> str:
        """ "up" (higher is better), "down" (lower is better) or "unknown"."""
        if self.higher_is_better is None:
            return "unknown"
        return "up" if self.higher_is_better else "down"

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "unit": self.unit, "points": self.points}


@dataclass(frozen=True)
class TrendSource:
    """One meeting's report of a trend point's value."""

    meeting_id: int
    date: date | None
    item: int  # position on that meeting's agenda
    value: float
    approx: bool = False
    high: float | None = None
    figure_id: int | None = None
    text: str = ""  # the sentence it was taken from
    bound: str = ""  # one of records.BOUNDS: the value is a bound ("over 200")


@dataclass(frozen=True)
class TrendPoint:
    """A value of an indicator for one period. The same period reported in several meetings
    is one point: ``sources`` holds every report (oldest first), the point shows the newest,
    and ``mismatch`` says the reports disagree."""

    period: str  # as the minutes name it; the meeting's month when they name none
    when: date | None  # the period's date, for ordering (its first day)
    value: float
    approx: bool = False
    high: float | None = None
    target: float | None = None
    meeting_id: int = 0
    date: date | None = None  # the meeting's date
    item: int = 0
    sources: tuple[TrendSource, ...] = ()
    mismatch: bool = False
    bound: str = ""  # one of records.BOUNDS: the newest report gave a bound ("over 200")

    def as_json(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting_id,
            "date": _day(self.date),
            "item": self.item,
            "period": self.period or None,
            "value": self.value,
            "approx": self.approx,
            "high": self.high,
            "bound": self.bound or None,
            "target": self.target,
            "mismatch": self.mismatch,
            "sources": [
                {"meeting": s.meeting_id, "date": _day(s.date), "item": s.item, "value": s.value}
                for s in self.sources
            ],
        }


@dataclass(frozen=True)
class Trend:
    indicator: Indicator
    points: tuple[TrendPoint, ...] = ()  # in time order
    summary: str = ""  # one sentence: "Fell from 1,200 in August 2025 to 650 in October 2025."

    def as_json(self) -> dict[str, Any]:
        i = self.indicator
        return {
            "id": i.id,
            "label": i.label,
            "unit": i.unit,
            "direction": i.direction,
            "points": [p.as_json() for p in self.points],
        }


@dataclass(frozen=True)
class IndicatorHint:
    """A known indicator the notes mention, with its last value before this meeting."""

    indicator: Indicator
    last: TrendPoint | None
    text: str  # "last: 800, September 2025"


KINDS = ("meeting", "notes", "action", "decision", "figure", "attendee")


@dataclass(frozen=True)
class SearchHit:
    meeting_id: int
    date: date | None
    title: str  # the meeting's
    item: int | None  # position on the agenda, None for the meeting itself or an attendee
    kind: str  # one of KINDS
    snippet: str  # plain text around the match
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) of each match in ``snippet``
    item_id: int | None = None
    item_title: str = ""
    rank: float = 0.0
    # The hit's own row (an action's, decision's, figure's or attendee's id; the item's for
    # notes, the meeting's for a meeting); ``carried``: an action's update said in this
    # meeting, ``row_id`` then the action's id. Neither is in the JSON contract.
    row_id: int | None = None
    carried: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting_id,
            "date": _day(self.date),
            "title": self.title,
            "item": self.item,
            "kind": self.kind,
            "snippet": self.snippet,
        }
