"""Setting a meeting up: new meetings from a template or the last one, the header, attendance.

Each operation is one transaction and returns an ``Outcome``: what changed, and (for edits)
the ``Undo`` that reverses it.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from pcc_minutes.core.chair import chair_index, with_chair
from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.formatting import format_date
from pcc_minutes.core.opening import carried_opening
from pcc_minutes.core.records import Meeting, Person
from pcc_minutes.core.series_dates import next_meeting_date
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
            # "" is the opening written from the attendance; a template's own names {date}.
            opening=template.opening.replace("{date}", format_date(on)),
        )
        meeting.attendees = [
            AttendeeRow(position=i, name=p.name, role=p.role, group=p.group)
            for i, p in enumerate(template.attendees)
        ]
        _sync_chair(meeting)
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
    """What would repeat next time: agenda, attendees, venue, marking and an edited opening
    paragraph (its date as "{date}"; a generated one is written afresh) — not the notes."""
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        opening = carried_opening(_header_record(meeting), "{date}")
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
            chair=_chair_name(meeting),
            marking=meeting.marking,
            opening=opening,
            start=meeting.start_time.strftime("%H:%M") if meeting.start_time else "",
            minutes=minutes,
            attendees=[TemplatePerson(a.name, a.role, a.group) for a in meeting.attendees],
            items=[
                TemplateItem(i.title, i.lead, i.planned_minutes, i.confidential, i.kind)
                for i in meeting.items
            ],
        )


def create_from_last(store: Store, meeting_id: int, on: date | None = None) -> Outcome[int]:
    """The next meeting of a series: the agenda, attendees (apologies still apologies, the
    same chair), venue, marking and edited opening of ``meeting_id``, no notes; on ``on``, or
    (None) on the series' next date (``next_date``)."""
    if on is None:
        on = next_date(store, meeting_id)
    made = create_from_template(store, template_from_meeting(store, meeting_id), on)
    _carry_attendance(store, meeting_id, made.value)
    _carry_open_actions(store, meeting_id, made.value)
    return made


def next_date(store: Store, meeting_id: int) -> date:
    """The date the series of ``meeting_id`` meets next, on the pattern its meetings follow
    (``core.series_dates``): the default date of a meeting made from the last. Today when no
    meeting of the series has a date."""
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        meetings = meeting.series.meetings if meeting.series is not None else [meeting]
        dates = [m.date for m in meetings if m.date is not None]
    return next_meeting_date(dates) or date.today()


def _carry_attendance(store: Store, last_id: int, new_id: int) -> None:
    """Who sent apologies last time is listed as sending them again (the minute-taker ticks
    whoever comes), row for row as the template copied them."""
    with store.transaction() as session:
        last = queries.meeting_row(session, last_id)
        new = queries.meeting_row(session, new_id)
        for before, row in zip(last.attendees, new.attendees, strict=False):
            if (before.name, before.role) == (row.name, row.role):
                row.present = before.present


def _carry_open_actions(store: Store, last_id: int, new_id: int) -> None:
    """Every action open as of the last meeting (raised there, or carried and still open) goes
    into the new meeting's action-log item as the same action, status open, no note yet."""
    from pcc_minutes.core.records import ACTION_LOG
    from pcc_minutes.store.tables import ActionUpdateRow

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
            from pcc_minutes.operations import action_log_item

            log, _made, _marked = action_log_item.find_or_make(session, new)
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
    """Change header fields of an open meeting; the undo puts the old values back.

    ``chair`` names the person chairing: the attendance row of that name becomes the chair
    (or the chair's row is renamed; see ``core.chair.with_chair``), so the header and the
    attendance list never disagree. ``opening`` "" goes back to the generated paragraph."""
    unknown = set(changes) - HEADER_FIELDS
    if unknown:
        raise ValueError(f"not meeting fields: {sorted(unknown)}")
    if "chair" in changes:
        changes["chair"] = " ".join(str(changes["chair"] or "").split())
    return _change(store, meeting_id, changes, None)


def set_chair(store: Store, meeting_id: int, name: str) -> Outcome[None]:
    """Make ``name`` the chair of an open meeting (one undo step): the header's Chair field."""
    return update_meeting(store, meeting_id, chair=name)


def _change(
    store: Store, meeting_id: int, changes: dict[str, Any], people: list[Person] | None
) -> Outcome[None]:
    """Header fields and (``people`` not None) the whole attendance list, in one transaction;
    the undo restores both as they were."""
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        start = changes.get("start_time", meeting.start_time)
        end = changes.get("end_time", meeting.end_time)
        check_times(start, end)
        if "title" in changes and not str(changes["title"]).strip():
            raise UserInputError("A meeting needs a title; type one in.")
        before = {name: getattr(meeting, name) for name in changes}
        before_people = [person_record(a) for a in meeting.attendees]
        if "chair" in changes and people is None:
            people = with_chair(before_people, changes["chair"], meeting.chair)
        for name, value in changes.items():
            setattr(meeting, name, value)
        if people is not None and people != before_people:
            meeting.attendees = [person_row(p, i) for i, p in enumerate(people)]
            session.flush()
        else:
            people = None
        if "chair" in changes:
            _sync_chair(meeting)
        after = {name: getattr(meeting, name) for name in changes}
    real = {k for k in changes if before[k] != after[k]}
    if people is not None:
        real.add("chair")
    if not real:
        return Outcome(None)
    what = _FIELD_NAMES[next(iter(real))] if len(real) == 1 else "meeting details"
    return Outcome(
        None,
        changed(
            header={meeting_id},
            attendance={meeting_id} if people is not None else (),
            meeting_list=bool(real & _LISTED),
        ),
        Undo(
            f"Change {what}",
            lambda s: _change(s, meeting_id, before, before_people if people is not None else None),
        ),
    )


def set_attendees(store: Store, meeting_id: int, people: list[Person]) -> Outcome[None]:
    """Replace the attendance list (rows with no name are dropped); the chair is whoever
    the list marks as chair, so the header follows."""
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        before = [person_record(a) for a in meeting.attendees]
        chair_before = meeting.chair
        meeting.attendees = [
            person_row(p, i) for i, p in enumerate(p for p in people if p.name.strip())
        ]
        session.flush()
        _sync_chair(meeting)
        header = meeting.chair != chair_before
    if [p for p in people if p.name.strip()] == before:
        return Outcome(None)
    return Outcome(
        None,
        changed(attendance={meeting_id}, header={meeting_id} if header else ()),
        Undo(
            "Change attendance", lambda s: _restore_attendance(s, meeting_id, before, chair_before)
        ),
    )


def _restore_attendance(
    store: Store, meeting_id: int, people: list[Person], chair: str
) -> Outcome[None]:
    """Undo of ``set_attendees``: the list and the chair's name as they were."""
    done = set_attendees(store, meeting_id, people)
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        if chair_index(people, chair) is None:
            meeting.chair = chair  # imported minutes naming a chair who is not listed
    return done


# --- the chair, one fact -----------------------------------------------------------------


def _chair_name(meeting: MeetingRow) -> str:
    people = [person_record(a) for a in meeting.attendees]
    index = chair_index(people, meeting.chair)
    return people[index].name if index is not None else meeting.chair


def _sync_chair(meeting: MeetingRow) -> None:
    """``MeetingRow.chair`` follows the attendance row of the chair, when there is one."""
    meeting.chair = _chair_name(meeting)


def _header_record(meeting: MeetingRow) -> Meeting:
    """What the opening paragraph is written from, without reading the agenda."""
    return Meeting(
        id=meeting.id,
        title=meeting.title,
        organisation=meeting.organisation,
        date=meeting.date,
        chair=meeting.chair,
        opening=meeting.opening,
        attendees=tuple(person_record(a) for a in meeting.attendees),
    )
