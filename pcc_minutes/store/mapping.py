"""The one mapping between database rows and ``core.records``, both ways.

Reading: ``meeting_record`` turns a loaded ``MeetingRow`` (with its items, figures, actions,
decisions and attendees) into a frozen ``core.records.Meeting``; it reads attributes only, so
``store.peek`` hands it plain rows read with ``sqlite3`` before SQLAlchemy is imported.
Writing: ``*_row`` functions build new rows from records, for imports, new meetings and undo
restoring what was removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from pcc_minutes.core.records import (
    Action,
    ActionUpdate,
    AgendaItem,
    Approval,
    CarriedAction,
    Decision,
    Figure,
    FigurePoint,
    ItemVisit,
    Meeting,
    MeetingSummary,
    Person,
)
from pcc_minutes.core.status import MeetingStatus, is_locked

if TYPE_CHECKING:
    from pcc_minutes.store.tables import (
        ActionRow,
        ActionUpdateRow,
        AgendaItemRow,
        AttendeeRow,
        FigureRow,
        MeetingRow,
    )

# --- rows → records ------------------------------------------------------------------------


def figure_record(row: FigureRow) -> Figure:
    return Figure(
        label=row.label,
        unit=row.unit,
        points=tuple(
            FigurePoint(p.period, p.value, p.approx, p.high, p.bound or "") for p in row.points
        ),
        target=row.target,
        higher_is_better=row.higher_is_better,
        source=row.source_text,
        id=row.id,
        indicator_id=row.indicator_id,
    )


def action_record(row: ActionRow) -> Action:
    return Action(row.text, row.owner, row.due, row.status, row.reference, row.id)


def _meeting_order(meeting: MeetingRow) -> tuple[bool, str, int]:
    """Meetings in time order: by date (undated last), then by id."""
    return (meeting.date is None, meeting.date.isoformat() if meeting.date else "", meeting.id)


def carried_record(row: ActionUpdateRow) -> CarriedAction:
    """The action of ``row`` as it stands in ``row``'s meeting, with its history before it."""
    action = row.action
    raised_item = action.item
    here = _meeting_order(row.meeting)
    earlier = sorted(
        (u for u in action.updates if _meeting_order(u.meeting) < here),
        key=lambda u: _meeting_order(u.meeting),
    )
    return CarriedAction(
        action=Action(
            action.text, action.owner, action.due, row.status, action.reference, action.id
        ),
        raised_meeting_id=raised_item.meeting.id,
        raised_date=raised_item.meeting.date,
        raised_item=raised_item.position,
        raised_title=raised_item.title,
        note=row.note,
        earlier=tuple(
            ActionUpdate(u.meeting.id, u.meeting.date, u.status, u.note) for u in earlier
        ),
        raised_confidential=bool(raised_item.confidential),
    )


def item_record(row: AgendaItemRow) -> AgendaItem:
    return AgendaItem(
        id=row.id,
        position=row.position,
        title=row.title,
        heading=row.heading,
        lead=row.lead,
        planned_minutes=row.planned_minutes,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
        confidential=row.confidential,
        notes=row.notes,
        private_notes=row.private_notes,
        figures=tuple(figure_record(m) for m in row.figures),
        actions=tuple(action_record(a) for a in row.actions),
        decisions=tuple(Decision(d.text, d.id) for d in row.decisions),
        kind=row.kind or "",
        carried=tuple(carried_record(u) for u in row.carried),
        visits=tuple(ItemVisit(v.started_at, v.ended_at) for v in row.visits),
    )


def person_record(row: AttendeeRow) -> Person:
    return Person(row.name, row.role, row.group, row.present)


def standing_approval(row: MeetingRow) -> Approval | None:
    """The approval that still stands: the last one, unless reopened as a draft since."""
    if not is_locked(row.status):
        return None
    approvals = [c for c in row.status_history if c.status == MeetingStatus.APPROVED]
    return Approval(approvals[-1].by, approvals[-1].at) if approvals else None


def meeting_record(row: MeetingRow, *, with_approval: bool = True) -> Meeting:
    return Meeting(
        id=row.id,
        series=row.series.name if row.series else "",
        title=row.title,
        organisation=row.organisation,
        subtitle=row.subtitle,
        date=row.date,
        start=row.start_time,
        end=row.end_time,
        venue=row.venue,
        schedule_text=row.schedule_text,
        chair=row.chair,
        document_kind=row.document_kind,
        opening=row.opening,
        marking=row.marking,
        logo_alt=row.logo_alt,
        status=row.status,
        status_by=row.status_by,
        status_at=row.status_at,
        version=row.version,
        live_started_at=row.live_started_at,
        source_name=row.source_name,
        created_at=row.created_at,
        updated_at=row.updated_at,
        approval=standing_approval(row) if with_approval else None,
        attendees=tuple(person_record(a) for a in row.attendees),
        items=tuple(item_record(i) for i in row.items),
    )


def summary_record(row: MeetingRow, series: str = "") -> MeetingSummary:
    return MeetingSummary(row.id, row.date, row.title, row.status, series)


# --- records → new rows --------------------------------------------------------------------


def figure_row(figure: Figure, position: int) -> FigureRow:
    from pcc_minutes.store.tables import FigurePointRow, FigureRow

    return FigureRow(
        id=figure.id,
        position=position,
        label=figure.label,
        unit=figure.unit,
        target=figure.target,
        higher_is_better=figure.higher_is_better,
        source_text=figure.source,
        indicator_id=figure.indicator_id,
        points=[
            FigurePointRow(
                position=j,
                period=p.period or "",
                value=p.value,
                approx=p.approx,
                high=p.high,
                bound=p.bound,
            )
            for j, p in enumerate(figure.points)
        ],
    )


def action_row(action: Action, position: int) -> ActionRow:
    from pcc_minutes.store.tables import ActionRow

    return ActionRow(
        id=action.id,
        position=position,
        reference=action.reference,
        text=action.text,
        owner=action.owner,
        due=action.due,
        status=action.status,
    )


def person_row(person: Person, position: int) -> AttendeeRow:
    from pcc_minutes.store.tables import AttendeeRow

    return AttendeeRow(
        position=position,
        name=person.name,
        role=person.role,
        group=person.group,
        present=person.present,
    )


def item_row(
    item: AgendaItem,
    free: Callable[[type, int | None], bool] | None = None,
    meeting_id: int | None = None,
) -> AgendaItemRow:
    """A new row for ``item`` with everything in it. With ``free`` (is this id unused?), the
    record's ids are reused where free: undo putting back what was removed, so that later
    undo entries still find it. With ``meeting_id`` (the meeting it goes into), the actions
    it carried from earlier meetings are listed in it again, those still there."""

    from pcc_minutes.store.tables import (
        ActionRow,
        ActionUpdateRow,
        AgendaItemRow,
        DecisionRow,
        FigureRow,
        ItemVisitRow,
    )

    def same(row_class: type, value: int | None) -> int | None:
        return value if free is not None and free(row_class, value) else None

    row = AgendaItemRow(
        id=same(AgendaItemRow, item.id),
        position=item.position,
        title=item.title,
        heading=item.heading,
        lead=item.lead,
        planned_minutes=item.planned_minutes,
        actual_start=item.actual_start,
        actual_end=item.actual_end,
        confidential=item.confidential,
        notes=item.notes,
        private_notes=item.private_notes,
        kind=item.kind,
    )
    row.visits = [
        ItemVisitRow(position=i, started_at=v.start, ended_at=v.end)
        for i, v in enumerate(item.visits)
    ]
    row.figures = [
        figure_row(replace(f, id=same(FigureRow, f.id)), i) for i, f in enumerate(item.figures)
    ]
    row.actions = [
        action_row(replace(a, id=same(ActionRow, a.id)), i) for i, a in enumerate(item.actions)
    ]
    row.decisions = [
        DecisionRow(id=same(DecisionRow, d.id), position=i, text=d.text)
        for i, d in enumerate(item.decisions)
    ]
    if meeting_id is not None and free is not None:
        row.carried = [
            ActionUpdateRow(
                action_id=c.action.id,
                meeting_id=meeting_id,
                position=i,
                status=c.action.status,
                note=c.note,
            )
            for i, c in enumerate(item.carried)
            if not free(ActionRow, c.action.id)
        ]
    return row


def meeting_row(meeting: Meeting) -> MeetingRow:
    """A new meeting row (no series: the caller finds or makes it) from a record whose
    ``id`` is ignored."""
    from pcc_minutes.store.tables import MeetingRow

    row = MeetingRow(
        title=meeting.title,
        organisation=meeting.organisation,
        subtitle=meeting.subtitle,
        date=meeting.date,
        start_time=meeting.start,
        end_time=meeting.end,
        venue=meeting.venue,
        schedule_text=meeting.schedule_text,
        chair=meeting.chair,
        document_kind=meeting.document_kind,
        opening=meeting.opening,
        marking=meeting.marking,
        logo_alt=meeting.logo_alt,
        status=meeting.status,
        source_name=meeting.source_name,
    )
    row.attendees = [person_row(p, i) for i, p in enumerate(meeting.attendees)]
    row.items = [item_row(item) for item in meeting.items]
    return row
