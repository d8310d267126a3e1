"""A meeting as plain data: what every layer above passes around instead of database rows.

The store maps rows to these classes in one place (``store.mapping``); the minutes document
is built from them; the window shows them. They are frozen: an edit is an operation that
returns a new record, never a change made in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from pcc_minutes.core.status import ActionStatus, is_locked

UNITS = ("%", "count", "ratio", "£")


@dataclass(frozen=True)
class FigurePoint:
    """One value of a figure: for a period if one is known ("" if not), perhaps a range."""

    period: str
    value: float
    approx: bool = False
    high: float | None = None  # upper end of a range
    bound: str = ""  # "" (the value itself) or one of BOUNDS: "over 200" is a lower bound

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period or None,
            "value": self.value,
            "approx": self.approx,
            "high": self.high,
            "bound": self.bound or None,
        }


# What a bound value says of the true one: "over 200" -> above, "at least 200" -> at_least,
# "under 5%" -> below, "at most 5%" / "up to 5%" -> at_most.
BOUNDS = ("above", "at_least", "below", "at_most")
# ... and how the minutes write each before its value: "over 200", "at most 5%".
BOUND_WORDS = {"above": "over", "at_least": "at least", "below": "under", "at_most": "at most"}


@dataclass(frozen=True)
class Figure:
    """A figure quoted in a meeting: label, unit and one or more (period, value) points."""

    label: str
    unit: str  # one of UNITS
    points: tuple[FigurePoint, ...] = ()
    target: float | None = None
    higher_is_better: bool | None = None
    source: str = ""  # the sentence it was taken from
    id: int | None = None
    indicator_id: int | None = None  # the measure it reports, followed across meetings


def same_figure(one: Figure, other: Figure) -> bool:
    """Whether two figures are the same measure as the minutes record it: the same unit, and
    the same label (ignoring case) or the same values. The one rule for "already stored"."""
    if one.unit != other.unit:
        return False
    if one.label.casefold() == other.label.casefold():
        return True
    values = tuple((p.value, p.high) for p in one.points)
    return bool(values) and values == tuple((p.value, p.high) for p in other.points)


@dataclass(frozen=True)
class Person:
    """Someone on the attendance list; ``present`` False means they sent apologies."""

    name: str
    role: str = ""
    group: str = ""  # "Members", "Officials", "Observers" … as the minutes group them
    present: bool = True


def attendance_summary(people: tuple[Person, ...] | list[Person]) -> str:
    """ "5 present, 1 apology" — the attendance at a glance."""
    if not people:
        return "no one listed"
    present = sum(1 for p in people if p.present)
    apologies = len(people) - present
    text = f"{present} present"
    if apologies:
        text += f", {apologies} {'apology' if apologies == 1 else 'apologies'}"
    return text


@dataclass(frozen=True)
class Action:
    text: str
    owner: str = ""
    due: date | None = None
    status: str = ActionStatus.OPEN
    reference: str = ""  # the minutes' own number for it, e.g. "3" of "ACTION 3:"
    id: int | None = None


@dataclass(frozen=True)
class ActionUpdate:
    """What was said of an action in one later meeting, and its status at that meeting's end."""

    meeting_id: int
    date: date | None
    status: str
    note: str = ""


@dataclass(frozen=True)
class CarriedAction:
    """An action raised in an earlier meeting, as it stands in this one: ``action.status`` is
    its status here, ``note`` the update said here, ``earlier`` the updates of the meetings
    between (oldest first). The same action in every meeting: ``action.id`` is one id."""

    action: Action
    raised_meeting_id: int
    raised_date: date | None
    raised_item: int  # the raising item's position on that meeting's agenda
    raised_title: str = ""  # that item's title
    note: str = ""
    earlier: tuple[ActionUpdate, ...] = ()
    # Raised in a confidential item: its text is left out of a public version, as the item is.
    raised_confidential: bool = False


@dataclass(frozen=True)
class Decision:
    text: str
    id: int | None = None


@dataclass(frozen=True)
class ItemVisit:
    """One stretch of the live meeting spent on an item: from ``start`` until ``end`` (None
    while it is the current item). Going back to an item adds a visit."""

    start: datetime
    end: datetime | None = None


ACTION_LOG = "action_log"  # AgendaItem.kind of the standing "Matters arising / action log" item


@dataclass(frozen=True)
class AgendaItem:
    id: int
    position: int  # from 1, as numbered on the agenda
    title: str  # as on the agenda
    heading: str = ""  # as in the minutes, when it differs from the title
    lead: str = ""
    planned_minutes: int | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    confidential: bool = False
    notes: str = ""  # CommonMark
    private_notes: str = ""  # CommonMark; never in a public version
    figures: tuple[Figure, ...] = ()
    actions: tuple[Action, ...] = ()  # raised in this item
    decisions: tuple[Decision, ...] = ()
    kind: str = ""  # "" or ACTION_LOG
    carried: tuple[CarriedAction, ...] = ()  # raised earlier, listed here
    visits: tuple[ItemVisit, ...] = ()  # the live meeting's stretches on it, oldest first

    @property
    def shown_heading(self) -> str:
        return self.heading or self.title


@dataclass(frozen=True)
class Approval:
    by: str
    at: datetime


@dataclass(frozen=True)
class Meeting:
    id: int
    title: str
    series: str = ""
    organisation: str = ""
    subtitle: str = ""
    date: date | None = None
    start: time | None = None
    end: time | None = None
    venue: str = ""
    schedule_text: str = ""  # the date/time/venue lines as an imported source wrote them
    chair: str = ""
    document_kind: str = "Meeting note"
    opening: str = ""  # CommonMark
    marking: str = ""
    logo_alt: str = ""
    status: str = "draft"
    status_by: str = ""
    status_at: datetime | None = None
    version: int = 1
    live_started_at: datetime | None = None
    source_name: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    approval: Approval | None = None  # the approval that still stands, if any
    attendees: tuple[Person, ...] = ()
    items: tuple[AgendaItem, ...] = field(default_factory=tuple)

    @property
    def locked(self) -> bool:
        return is_locked(self.status)

    def item(self, item_id: int) -> AgendaItem | None:
        return next((item for item in self.items if item.id == item_id), None)


@dataclass(frozen=True)
class MeetingSummary:
    """One row of the meetings list."""

    id: int
    date: date | None
    title: str
    status: str
    series: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "status": self.status,
        }
