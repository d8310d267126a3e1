"""Setting a meeting up: new meetings from a template or the last one, the header, attendance.

Each operation is one transaction and returns an ``Outcome``: what changed, and (for edits)
the ``Undo`` that reverses it.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.formatting import format_date
from pcc_minutes.core.records import Person
from pcc_minutes.core.templates import AgendaTemplate, TemplateItem, TemplatePerson
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.mapping import person_record, person_row
from pcc_minutes.store.tables import AgendaItemRow, AttendeeRow, MeetingRow


def parse_clock(text: str) -> time | None:
    """ "10:30" → 10:30; "" → None; anything else is refused with one sentence."""
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


def check_times(start: time | None, end: time | None) -> None:
    if start and end and end <= start:
        raise UserInputError(
            f"The meeting cannot end ({end:%H:%M}) before it starts ({start:%H:%M}); "
            "correct the times."
        )


def create_from_template(store: Store, template: AgendaTemplate, on: date) -> Outcome[int]:
    """A new draft meeting on ``on`` with the template's agenda, attendees and details."""
    start = parse_clock(template.start)
    with store.transaction() as session:
        meeting = MeetingRow(
            series=queries.series_for(session, template.title, template.organisation),
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
            AttendeeRow(position=i, name=p.name, role=p.role, group=p.group)
            for i, p in enumerate(template.attendees)
        ]
        meeting.items = [
            AgendaItemRow(
                position=i,
                title=t.title,
                lead=t.lead,
                planned_minutes=t.planned_minutes,
                confidential=t.confidential,
                kind=t.kind,
            )
            for i, t in enumerate(template.items, start=1)
        ]
        session.add(meeting)
        session.flush()
        return Outcome(meeting.id, changed(meeting_list=True, meetings={meeting.id}))


def template_from_meeting(store: Store, meeting_id: int, name: str = "") -> AgendaTemplate:
    """What would repeat next time: agenda, attendees, venue, marking — not the notes."""
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        minutes = None
        if meeting.start_time and meeting.end_time:
            minutes = (meeting.end_time.hour * 60 + meeting.end_time.minute) - (
                meeting.start_time.hour * 60 + meeting.start_time.minute
            )
            if minutes <= 0:
                minutes = None  # an end typed before the start says nothing about the length
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
                TemplateItem(i.title, i.lead, i.planned_minutes, i.confidential, i.kind)
                for i in meeting.items
            ],
        )


def create_from_last(store: Store, meeting_id: int, on: date) -> Outcome[int]:
    """The next meeting of a series: the agenda, attendees, venue and marking of
    ``meeting_id``, with everyone marked present again and no notes."""
    # The opening paragraph names a date and what was discussed: it is written afresh.
    made = create_from_template(store, template_from_meeting(store, meeting_id), on)
    _carry_open_actions(store, meeting_id, made.value)
    return made


def _carry_open_actions(store: Store, last_id: int, new_id: int) -> None:
    """Every action open as of the last meeting (raised there, or carried and still open) goes
    into the new meeting's action-log item as the same action, status open, no note yet."""
    from pcc_minutes.core.records import ACTION_LOG
    from pcc_minutes.store.tables import ActionUpdateRow, AgendaItemRow

    with store.transaction() as session:
        last = queries.meeting_row(session, last_id)
        new = queries.meeting_row(session, new_id)
        new.series_id = last.series_id  # the same series, whatever the new meeting is called
        old_log = next((i for i in last.items if i.kind == ACTION_LOG), None)
        items = sorted(new.items, key=lambda i: i.position)
        log = next((i for i in items if i.kind == ACTION_LOG), None)
        if old_log is not None and log is None:
            log = next((i for i in items if i.position == old_log.position), None)
            if log is not None:
                log.kind = ACTION_LOG
        carried = [
            a
            for i in sorted(last.items, key=lambda i: i.position)
            for a in i.actions
            if a.status == "open"
        ]
        carried += [
            u.action
            for u in sorted(
                (u for i in last.items for u in i.carried),
                key=lambda u: (u.item.position, u.position),
            )
            if u.status == "open"
        ]
        if not carried:
            return
        if log is None:
            for each in items:
                each.position += 1
            log = AgendaItemRow(position=1, title="Matters arising / action log", kind=ACTION_LOG)
            new.items.append(log)
            session.flush()
        for number, action in enumerate(carried, start=len(log.carried)):
            session.add(
                ActionUpdateRow(
                    action_id=action.id,
                    meeting_id=new.id,
                    item_id=log.id,
                    position=number,
                    status="open",
                    note="",
                )
            )


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
_FIELD_NAMES = {
    "title": "title",
    "organisation": "organisation",
    "date": "date",
    "start_time": "start time",
    "end_time": "end time",
    "venue": "venue",
    "chair": "chair",
    "marking": "marking",
    "opening": "opening paragraph",
}
# Fields the meetings browser shows: changing them changes its rows.
_LISTED = {"title", "date"}


def update_meeting(store: Store, meeting_id: int, **changes: Any) -> Outcome[None]:
    """Change header fields of an open meeting; the undo puts the old values back."""
    unknown = set(changes) - HEADER_FIELDS
    if unknown:
        raise ValueError(f"not meeting fields: {sorted(unknown)}")
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        start = changes.get("start_time", meeting.start_time)
        end = changes.get("end_time", meeting.end_time)
        check_times(start, end)
        if "title" in changes and not str(changes["title"]).strip():
            raise UserInputError("A meeting needs a title; type one in.")
        before = {name: getattr(meeting, name) for name in changes}
        for name, value in changes.items():
            setattr(meeting, name, value)
    real = {k for k in changes if before[k] != changes[k]}
    what = _FIELD_NAMES[next(iter(real))] if len(real) == 1 else "meeting details"
    if not real:
        return Outcome(None)
    return Outcome(
        None,
        changed(header={meeting_id}, meeting_list=bool(real & _LISTED)),
        Undo(f"Change {what}", lambda s: update_meeting(s, meeting_id, **before)),
    )


def set_attendees(store: Store, meeting_id: int, people: list[Person]) -> Outcome[None]:
    """Replace the attendance list (rows with no name are dropped)."""
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        before = [person_record(a) for a in meeting.attendees]
        meeting.attendees = [
            person_row(p, i) for i, p in enumerate(p for p in people if p.name.strip())
        ]
    if [p for p in people if p.name.strip()] == before:
        return Outcome(None)
    return Outcome(
        None,
        changed(attendance={meeting_id}),
        Undo("Change attendance", lambda s: set_attendees(s, meeting_id, before)),
    )
