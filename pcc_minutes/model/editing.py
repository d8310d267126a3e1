"""Setting up and running a meeting: the operations behind the window, one transaction each.

The window reads a ``MeetingView`` (plain frozen data), calls an operation here, and reads
the view again; no ORM object outlives its transaction. Every edit refuses an approved or
published meeting with ``LockedError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pcc_minutes.errors import UserInputError
from pcc_minutes.model.entities import (
    Action,
    AgendaItem,
    Attendee,
    Meeting,
    MeetingStatus,
    Metric,
    MetricPoint,
    utcnow,
)
from pcc_minutes.model.services import load_meeting, refuse_if_locked, series_for
from pcc_minutes.model.store import Store
from pcc_minutes.model.templates import AgendaTemplate, TemplateItem, TemplatePerson

# --- views -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointView:
    period: str
    value: float
    approx: bool = False
    high: float | None = None


@dataclass(frozen=True)
class MetricView:
    id: int
    label: str
    unit: str
    points: tuple[PointView, ...]
    target: float | None


@dataclass(frozen=True)
class ActionView:
    id: int
    text: str
    owner: str
    due: date | None
    status: str


@dataclass(frozen=True)
class ItemView:
    id: int
    position: int
    title: str
    heading: str
    lead: str
    planned_minutes: int | None
    actual_start: datetime | None
    actual_end: datetime | None
    confidential: bool
    notes: str
    metrics: tuple[MetricView, ...] = ()
    actions: tuple[ActionView, ...] = ()


@dataclass(frozen=True)
class PersonView:
    name: str
    role: str = ""
    group: str = ""
    present: bool = True


@dataclass(frozen=True)
class MeetingView:
    id: int
    series: str
    title: str
    organisation: str
    date: date | None
    start: time | None
    end: time | None
    venue: str
    chair: str
    marking: str
    status: str
    status_by: str
    status_at: datetime | None
    version: int
    live_started_at: datetime | None
    attendees: tuple[PersonView, ...] = ()
    items: tuple[ItemView, ...] = field(default_factory=tuple)

    @property
    def locked(self) -> bool:
        return self.status in (MeetingStatus.APPROVED.value, MeetingStatus.PUBLISHED.value)

    def item(self, item_id: int) -> ItemView | None:
        return next((item for item in self.items if item.id == item_id), None)


def _view(meeting: Meeting) -> MeetingView:
    return MeetingView(
        id=meeting.id,
        series=meeting.series.name if meeting.series else "",
        title=meeting.title,
        organisation=meeting.organisation,
        date=meeting.date,
        start=meeting.start_time,
        end=meeting.end_time,
        venue=meeting.venue,
        chair=meeting.chair,
        marking=meeting.marking,
        status=meeting.status,
        status_by=meeting.status_by,
        status_at=meeting.status_at,
        version=meeting.version,
        live_started_at=meeting.live_started_at,
        attendees=tuple(PersonView(a.name, a.role, a.group, a.present) for a in meeting.attendees),
        items=tuple(
            ItemView(
                id=item.id,
                position=item.position,
                title=item.title,
                heading=item.heading,
                lead=item.lead,
                planned_minutes=item.planned_minutes,
                actual_start=item.actual_start,
                actual_end=item.actual_end,
                confidential=item.confidential,
                notes=item.notes,
                metrics=tuple(
                    MetricView(
                        m.id,
                        m.label,
                        m.unit,
                        tuple(PointView(p.period, p.value, p.approx, p.high) for p in m.points),
                        m.target,
                    )
                    for m in item.metrics
                ),
                actions=tuple(
                    ActionView(a.id, a.text, a.owner, a.due, a.status) for a in item.actions
                ),
            )
            for item in meeting.items
        ),
    )


def meeting_view(store: Store, meeting_id: int) -> MeetingView:
    with store.transaction() as session:
        return _view(load_meeting(session, meeting_id))


# --- creating meetings -------------------------------------------------------------------


def _parse_clock(text: str) -> time | None:
    if not text:
        return None
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise UserInputError(f"'{text}' is not a time; write it as HH:MM, e.g. 10:30.") from None


def _end_from(start: time | None, minutes: int | None) -> time | None:
    if start is None or not minutes:
        return None
    total = start.hour * 60 + start.minute + minutes
    return time(total // 60 % 24, total % 60)


def _check_times(start: time | None, end: time | None) -> None:
    if start and end and end <= start:
        raise UserInputError(
            f"The meeting cannot end ({end:%H:%M}) before it starts ({start:%H:%M}); "
            "correct the times."
        )


def create_from_template(store: Store, template: AgendaTemplate, on: date) -> int:
    """A new draft meeting on ``on`` with the template's agenda, attendees and details."""
    start = _parse_clock(template.start)
    from pcc_minutes.documents.layout import format_date

    with store.transaction() as session:
        meeting = Meeting(
            series=series_for(session, template.title, template.organisation),
            title=template.title,
            organisation=template.organisation,
            date=on,
            start_time=start,
            end_time=_end_from(start, template.minutes),
            venue=template.venue,
            chair=template.chair,
            marking=template.marking,
            opening=template.opening.replace("{date}", format_date(on)),
        )
        meeting.attendees = [
            Attendee(position=i, name=p.name, role=p.role, group=p.group)
            for i, p in enumerate(template.attendees)
        ]
        meeting.items = [
            AgendaItem(
                position=i,
                title=t.title,
                lead=t.lead,
                planned_minutes=t.planned_minutes,
                confidential=t.confidential,
            )
            for i, t in enumerate(template.items, start=1)
        ]
        session.add(meeting)
        session.flush()
        return meeting.id


def template_from_meeting(store: Store, meeting_id: int, name: str = "") -> AgendaTemplate:
    """What would repeat next time: agenda, attendees, venue, marking — not the notes."""
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        minutes = None
        if meeting.start_time and meeting.end_time:
            minutes = (meeting.end_time.hour * 60 + meeting.end_time.minute) - (
                meeting.start_time.hour * 60 + meeting.start_time.minute
            )
        return AgendaTemplate(
            name=name or meeting.title,
            title=meeting.title,
            organisation=meeting.organisation,
            venue=meeting.venue,
            chair=meeting.chair,
            marking=meeting.marking,
            start=meeting.start_time.strftime("%H:%M") if meeting.start_time else "",
            minutes=minutes,
            attendees=[TemplatePerson(a.name, a.role, a.group) for a in meeting.attendees],
            items=[
                TemplateItem(i.title, i.lead, i.planned_minutes, i.confidential)
                for i in meeting.items
            ],
        )


def create_from_last(store: Store, meeting_id: int, on: date) -> int:
    """The next meeting of a series: the agenda, attendees, venue and marking of
    ``meeting_id``, with everyone marked present again and no notes."""
    # The opening paragraph names a date and what was discussed: it is written afresh.
    return create_from_template(store, template_from_meeting(store, meeting_id), on)


def latest_meeting_id(store: Store) -> int | None:
    with store.transaction() as session:
        return session.scalar(
            select(Meeting.id)
            .order_by(Meeting.date.is_(None), Meeting.date.desc(), Meeting.id.desc())
            .limit(1)
        )


# --- editing the header and attendance ---------------------------------------------------

HEADER_FIELDS = {
    "title",
    "organisation",
    "date",
    "start_time",
    "end_time",
    "venue",
    "chair",
    "marking",
    "opening",
}


def update_meeting(store: Store, meeting_id: int, **changes: object) -> None:
    unknown = set(changes) - HEADER_FIELDS
    if unknown:
        raise ValueError(f"not meeting fields: {sorted(unknown)}")
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        start = changes.get("start_time", meeting.start_time)
        end = changes.get("end_time", meeting.end_time)
        _check_times(start, end)  # type: ignore[arg-type]
        if "title" in changes and not str(changes["title"]).strip():
            raise UserInputError("A meeting needs a title; type one in.")
        for name, value in changes.items():
            setattr(meeting, name, value)


def set_attendees(store: Store, meeting_id: int, people: list[PersonView]) -> None:
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        meeting.attendees = [
            Attendee(position=i, name=p.name, role=p.role, group=p.group, present=p.present)
            for i, p in enumerate(people)
            if p.name.strip()
        ]


# --- the agenda --------------------------------------------------------------------------


def _item_in_open_meeting(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise UserInputError(f"There is no agenda item {item_id}.")
    refuse_if_locked(item.meeting)
    return item


def _renumber(meeting: Meeting) -> None:
    for number, item in enumerate(sorted(meeting.items, key=lambda i: i.position), start=1):
        item.position = number


def add_item(
    store: Store,
    meeting_id: int,
    title: str,
    *,
    after: int | None = None,
    lead: str = "",
    planned_minutes: int | None = None,
    confidential: bool = False,
) -> int:
    """Add an item after position ``after`` (at the end when None); returns its id."""
    if not title.strip():
        raise UserInputError("An agenda item needs a title; type one in.")
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        position = (after if after is not None else len(meeting.items)) + 1
        for item in meeting.items:
            if item.position >= position:
                item.position += 1
        new = AgendaItem(
            position=position,
            title=title.strip(),
            lead=lead,
            planned_minutes=planned_minutes,
            confidential=confidential,
        )
        meeting.items.append(new)
        session.flush()
        return new.id


def remove_item(store: Store, item_id: int) -> None:
    with store.transaction() as session:
        item = _item_in_open_meeting(session, item_id)
        meeting = item.meeting
        meeting.items.remove(item)
        session.flush()
        _renumber(meeting)


def move_item(store: Store, item_id: int, to_position: int) -> None:
    """Move an item to ``to_position`` (1-based); the others close up around it."""
    with store.transaction() as session:
        item = _item_in_open_meeting(session, item_id)
        ordered = sorted(item.meeting.items, key=lambda i: i.position)
        ordered.remove(item)
        to_position = max(1, min(to_position, len(ordered) + 1))
        ordered.insert(to_position - 1, item)
        for number, each in enumerate(ordered, start=1):
            each.position = number


ITEM_FIELDS = {"title", "heading", "lead", "planned_minutes", "confidential", "private_notes"}


def update_item(store: Store, item_id: int, **changes: object) -> None:
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"not agenda item fields: {sorted(unknown)}")
    if "title" in changes and not str(changes["title"]).strip():
        raise UserInputError("An agenda item needs a title; type one in.")
    minutes = changes.get("planned_minutes")
    if minutes is not None and (not isinstance(minutes, int) or minutes < 0 or minutes > 600):
        raise UserInputError("Planned minutes must be a whole number from 0 to 600.")
    with store.transaction() as session:
        item = _item_in_open_meeting(session, item_id)
        for name, value in changes.items():
            setattr(item, name, value)


# --- live mode ---------------------------------------------------------------------------


def start_live(store: Store, meeting_id: int, now: datetime | None = None) -> None:
    """Start the meeting clock (once; restarting live mode keeps the first start)."""
    now = now or utcnow()
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        if meeting.live_started_at is None:
            meeting.live_started_at = now


def enter_item(store: Store, meeting_id: int, item_id: int, now: datetime | None = None) -> None:
    """Record that discussion moved to ``item_id``: the item being left ends now, the item
    entered starts now (the first time only: going back to an item keeps its first start)."""
    now = now or utcnow()
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        if meeting.live_started_at is None:
            meeting.live_started_at = now
        for item in meeting.items:
            running = item.actual_start is not None and item.actual_end is None
            if item.id != item_id and running:
                item.actual_end = now
        target = next((i for i in meeting.items if i.id == item_id), None)
        if target is None:
            raise UserInputError(f"Meeting {meeting_id} has no agenda item {item_id}.")
        if target.actual_start is None:
            target.actual_start = now
        elif target.actual_end is not None:
            target.actual_end = None  # back to an item: it runs again until left


def end_live(store: Store, meeting_id: int, now: datetime | None = None) -> None:
    now = now or utcnow()
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        for item in meeting.items:
            if item.actual_start is not None and item.actual_end is None:
                item.actual_end = now


# --- actions and figures -----------------------------------------------------------------


def add_action(
    store: Store, item_id: int, text: str, owner: str = "", due: date | None = None
) -> int:
    if not text.strip():
        raise UserInputError("An action needs some words saying what is to be done.")
    with store.transaction() as session:
        item = _item_in_open_meeting(session, item_id)
        action = Action(position=len(item.actions), text=text.strip(), owner=owner.strip(), due=due)
        item.actions.append(action)
        session.flush()
        return action.id


def set_action_status(store: Store, action_id: int, status: str) -> None:
    if status not in ("open", "done", "dropped"):
        raise UserInputError(f"'{status}' is not an action status; use open, done or dropped.")
    with store.transaction() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise UserInputError(f"There is no action {action_id}.")
        refuse_if_locked(action.item.meeting)
        action.status = status


def remove_action(store: Store, action_id: int) -> None:
    with store.transaction() as session:
        action = session.get(Action, action_id)
        if action is not None:
            refuse_if_locked(action.item.meeting)
            session.delete(action)


def add_metric(
    store: Store,
    item_id: int,
    label: str,
    unit: str,
    points: list[PointView],
    target: float | None = None,
    source_text: str = "",
) -> int:
    if not label.strip():
        raise UserInputError("A figure needs a label saying what was measured.")
    if unit not in ("%", "count", "ratio", "£"):
        raise UserInputError(f"'{unit}' is not a unit; use %, count, ratio or £.")
    if not points and target is None:
        raise UserInputError("A figure needs a value (or at least a target).")
    with store.transaction() as session:
        item = _item_in_open_meeting(session, item_id)
        metric = Metric(
            position=len(item.metrics),
            label=label.strip(),
            unit=unit,
            target=target,
            source_text=source_text,
            points=[
                MetricPoint(
                    position=i, period=p.period, value=p.value, approx=p.approx, high=p.high
                )
                for i, p in enumerate(points)
            ],
        )
        item.metrics.append(metric)
        session.flush()
        return metric.id


def remove_metric(store: Store, metric_id: int) -> None:
    with store.transaction() as session:
        metric = session.get(Metric, metric_id)
        if metric is not None:
            refuse_if_locked(metric.item.meeting)
            session.delete(metric)


def open_actions_of_series(store: Store, meeting_id: int) -> list[tuple[date | None, str, str]]:
    """Open actions from earlier meetings of the same series ("matters arising")."""
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.series_id is None:
            return []
        rows = session.execute(
            select(Meeting.date, Action.text, Action.owner)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .join(Action, Action.item_id == AgendaItem.id)
            .where(
                Meeting.series_id == meeting.series_id,
                Meeting.id != meeting.id,
                Action.status == "open",
                func.coalesce(Meeting.date, date.min) <= (meeting.date or date.max),
            )
            .order_by(Meeting.date, Action.position)
        ).all()
        return [(row[0], row[1], row[2]) for row in rows]
