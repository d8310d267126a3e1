"""Operations on meetings: each public function is one user action in one short transaction.

Callers (the command line, the window) pass a ``Store`` and plain values and get plain values
back (ids, summaries, dicts, documents); no live ORM object leaves a transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from pcc_minutes.documents.build import build_minutes
from pcc_minutes.documents.markdown import from_markdown, to_markdown
from pcc_minutes.documents.tree import MinutesDocument, blocks_text
from pcc_minutes.errors import LockedError, UserInputError
from pcc_minutes.model.entities import (
    Action,
    AgendaItem,
    Attendee,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Metric,
    MetricPoint,
    utcnow,
)
from pcc_minutes.model.store import Store

if TYPE_CHECKING:
    from pcc_minutes.model.figures import ProposedFigure

LOCKED_STATUSES = (MeetingStatus.APPROVED.value, MeetingStatus.PUBLISHED.value)


@dataclass(frozen=True)
class MeetingSummary:
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


def _summary(meeting: Meeting) -> MeetingSummary:
    series = meeting.series.name if meeting.series else ""
    return MeetingSummary(meeting.id, meeting.date, meeting.title, meeting.status, series)


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.items)
            .selectinload(AgendaItem.metrics)
            .selectinload(Metric.points),
            selectinload(Meeting.items).selectinload(AgendaItem.actions),
            selectinload(Meeting.items).selectinload(AgendaItem.decisions),
            selectinload(Meeting.attendees),
        ],
    )
    if meeting is None:
        raise UserInputError(
            f"There is no meeting {meeting_id}; 'pcc-minutes list' shows the meetings there are."
        )
    return meeting


def series_for(session: Session, name: str, organisation: str = "") -> MeetingSeries:
    series = session.scalar(select(MeetingSeries).where(MeetingSeries.name == name))
    if series is None:
        series = MeetingSeries(name=name, organisation=organisation)
        session.add(series)
    return series


# --- import ------------------------------------------------------------------------------


def add_meeting_from_document(session: Session, doc: MinutesDocument) -> Meeting:
    """Store a minutes document (from an importer or the demo) as a new meeting."""
    meeting = Meeting(
        series=series_for(session, doc.title, doc.organisation),
        title=doc.title,
        organisation=doc.organisation,
        subtitle=doc.subtitle,
        date=doc.date,
        start_time=doc.start,
        end_time=doc.end,
        venue=doc.venue,
        schedule_text=doc.schedule_text,
        chair=doc.chair,
        document_kind=doc.document_kind,
        opening=to_markdown(doc.opening),
        marking=doc.marking,
        logo_alt=doc.logo.alt if doc.logo else "",
        status=MeetingStatus.DRAFT.value,
        source_name=doc.source_name,
    )
    meeting.attendees = [
        Attendee(position=i, name=a.name, role=a.role, group=a.group, present=a.present)
        for i, a in enumerate(doc.attendance)
    ]
    for position, section in enumerate(doc.items, start=1):
        item = AgendaItem(
            position=position,
            title=section.title,
            heading=section.heading,
            lead=section.lead,
            planned_minutes=section.planned_minutes,
            confidential=section.confidential,
            notes=to_markdown(section.blocks),
        )
        item.actions = [
            Action(
                position=i,
                reference=a.reference,
                text=a.text,
                owner=a.owner,
                due=a.due,
                status=a.status,
            )
            for i, a in enumerate(section.actions)
        ]
        item.decisions = [Decision(position=i, text=t) for i, t in enumerate(section.decisions)]
        item.metrics = [
            Metric(
                position=i,
                label=m.label,
                unit=m.unit,
                target=m.target,
                higher_is_better=m.higher_is_better,
                source_text=m.source,
                points=[
                    MetricPoint(
                        position=j, period=p.period, value=p.value, approx=p.approx, high=p.high
                    )
                    for j, p in enumerate(m.points)
                ],
            )
            for i, m in enumerate(section.metrics)
        ]
        meeting.items.append(item)
    session.add(meeting)
    session.flush()
    return meeting


def import_documents(store: Store, docs: list[MinutesDocument]) -> list[MeetingSummary]:
    """All the documents in one transaction: either every file is imported or none."""
    with store.transaction() as session:
        meetings = [add_meeting_from_document(session, doc) for doc in docs]
        return [_summary(m) for m in meetings]


# --- reading -----------------------------------------------------------------------------


def list_meetings(store: Store) -> list[MeetingSummary]:
    """Every meeting, newest first (undated ones last)."""
    with store.transaction() as session:
        meetings = session.scalars(
            select(Meeting)
            .options(selectinload(Meeting.series))
            .order_by(Meeting.date.is_(None), Meeting.date.desc(), Meeting.id.desc())
        ).all()
        return [_summary(m) for m in meetings]


def _time(value: Any) -> str | None:
    return value.strftime("%H:%M") if value else None


def meeting_json(store: Store, meeting_id: int) -> dict[str, Any]:
    """Everything about one meeting, in the shape ``pcc-minutes show --json`` prints."""
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        approval = _last_approval(meeting)
        return {
            "id": meeting.id,
            "title": meeting.title,
            "organisation": meeting.organisation,
            "date": meeting.date.isoformat() if meeting.date else None,
            "start": _time(meeting.start_time),
            "end": _time(meeting.end_time),
            "venue": meeting.venue,
            "chair": meeting.chair,
            "marking": meeting.marking,
            "attendees": [
                {"name": a.name, "role": a.role, "group": a.group, "present": a.present}
                for a in meeting.attendees
            ],
            "status": meeting.status,
            "status_by": meeting.status_by or None,
            "status_at": meeting.status_at.isoformat(timespec="seconds")
            if meeting.status_at
            else None,
            "version": meeting.version,
            "approved_by": approval.by if approval else None,
            "approved_at": approval.at.isoformat(timespec="seconds") if approval else None,
            "opening": meeting.opening,
            "items": [_item_json(item) for item in meeting.items],
        }


def _last_approval(meeting: Meeting) -> Any:
    """The approval that still stands: the last one, unless reopened as a draft since."""
    if meeting.status not in LOCKED_STATUSES:
        return None
    approvals = [c for c in meeting.status_history if c.status == MeetingStatus.APPROVED.value]
    return approvals[-1] if approvals else None


def _item_json(item: AgendaItem) -> dict[str, Any]:
    return {
        "position": item.position,
        "title": item.title,
        "heading": item.heading or item.title,
        "lead": item.lead,
        "planned_minutes": item.planned_minutes,
        "confidential": item.confidential,
        "notes": item.notes,
        "metrics": [
            {
                "label": m.label,
                "unit": m.unit,
                "points": [
                    {
                        "period": p.period or None,
                        "value": p.value,
                        "approx": p.approx,
                        "high": p.high,
                    }
                    for p in m.points
                ],
                "target": m.target,
                "higher_is_better": m.higher_is_better,
                "text": m.source_text,
            }
            for m in item.metrics
        ],
        "actions": [
            {
                "reference": a.reference or None,
                "text": a.text,
                "owner": a.owner or None,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
            }
            for a in item.actions
        ],
        "decisions": [d.text for d in item.decisions],
    }


def minutes_document(
    store: Store,
    meeting_id: int,
    *,
    public: bool = False,
    agenda_only: bool = False,
    timings: bool = False,
) -> MinutesDocument:
    with store.transaction() as session:
        return build_minutes(
            load_meeting(session, meeting_id),
            public=public,
            agenda_only=agenda_only,
            timings=timings,
        )


# --- figures -----------------------------------------------------------------------------


def item_plain_text(notes: str) -> str:
    return blocks_text(from_markdown(notes))


def proposed_figures(store: Store, meeting_id: int) -> list[tuple[int, ProposedFigure]]:
    """The figures detected in each item's notes, as (item position, proposal)."""
    from pcc_minutes.model.figures import detect_figures

    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        texts = [(item.position, item.notes) for item in meeting.items]
    found: list[tuple[int, ProposedFigure]] = []
    for position, notes in texts:
        found.extend((position, figure) for figure in detect_figures(item_plain_text(notes)))
    return found


def figure_json(position: int, figure: ProposedFigure) -> dict[str, Any]:
    return {
        "item": position,
        "label": figure.label,
        "unit": figure.unit,
        "points": [
            {"period": p.period, "value": p.value, "approx": p.approx, "high": p.high}
            for p in figure.points
        ],
        "target": figure.target,
        "text": figure.text,
    }


def accept_figures(store: Store, meeting_id: int, figures: list[tuple[int, ProposedFigure]]) -> int:
    """Store proposals as the items' metrics (skipping ones already stored); returns how many."""
    added = 0
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        by_position = {item.position: item for item in meeting.items}
        for position, figure in figures:
            item = by_position[position]
            known = {(m.label, m.unit) for m in item.metrics}
            if (figure.label, figure.unit) in known:
                continue
            item.metrics.append(
                Metric(
                    position=len(item.metrics),
                    label=figure.label,
                    unit=figure.unit,
                    target=figure.target,
                    source_text=figure.text,
                    points=[
                        MetricPoint(
                            position=j,
                            period=p.period or "",
                            value=p.value,
                            approx=p.approx,
                            high=p.high,
                        )
                        for j, p in enumerate(figure.points)
                    ],
                )
            )
            added += 1
    return added


# --- editing -----------------------------------------------------------------------------


def refuse_if_locked(meeting: Meeting) -> None:
    if meeting.status in LOCKED_STATUSES:
        raise LockedError(
            f"Meeting {meeting.id} is {meeting.status} and locked against edits; "
            "set it back to draft to correct it."
        )


def save_item_notes(store: Store, item_id: int, notes: str) -> None:
    """Save one item's notes: a single UPDATE in one short transaction (runs every second
    during a live meeting, so it touches nothing else)."""
    with store.transaction() as session:
        status = session.execute(
            select(Meeting.status, Meeting.id)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .where(AgendaItem.id == item_id)
        ).first()
        if status is None:
            raise UserInputError(f"There is no agenda item {item_id}.")
        if status[0] in LOCKED_STATUSES:
            raise LockedError(
                f"Meeting {status[1]} is {status[0]} and locked against edits; "
                "set it back to draft to correct it."
            )
        session.execute(
            update(AgendaItem)
            .where(AgendaItem.id == item_id)
            .values(notes=notes, updated_at=utcnow())
        )


# --- approval ----------------------------------------------------------------------------

# Where a meeting may go from each status; any status may go back to draft for a correction.
NEXT_STATUSES = {
    MeetingStatus.DRAFT.value: {MeetingStatus.FOR_APPROVAL.value},
    MeetingStatus.FOR_APPROVAL.value: {MeetingStatus.APPROVED.value, MeetingStatus.DRAFT.value},
    MeetingStatus.APPROVED.value: {MeetingStatus.PUBLISHED.value, MeetingStatus.DRAFT.value},
    MeetingStatus.PUBLISHED.value: {MeetingStatus.DRAFT.value},
}
STATUS_ADVICE = {
    MeetingStatus.APPROVED.value: "send it for approval first",
    MeetingStatus.PUBLISHED.value: "approve it first",
    MeetingStatus.FOR_APPROVAL.value: "set it back to draft first",
}


@dataclass(frozen=True)
class StatusResult:
    meeting_id: int
    status: str
    by: str
    at: Any
    changed: bool
    version: int


def set_status(store: Store, meeting_id: int, status: str, by: str = "") -> StatusResult:
    """Move a meeting along draft → for-approval → approved → published (or back to draft).

    Setting the status a meeting already has changes nothing. Going back to draft starts a
    new version, so exports of the correction are told apart from the approved text.
    """
    from pcc_minutes.model.entities import StatusChange

    valid = [s.value for s in MeetingStatus]
    if status not in valid:
        raise UserInputError(f"'{status}' is not a status; use one of {', '.join(valid)}.")
    with store.transaction() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.status == status:
            return StatusResult(
                meeting.id, status, meeting.status_by, meeting.status_at, False, meeting.version
            )
        if status not in NEXT_STATUSES[meeting.status]:
            raise UserInputError(
                f"Meeting {meeting_id} is {meeting.status} and cannot become {status} directly; "
                f"{STATUS_ADVICE.get(status, 'change its status step by step')}."
            )
        now = utcnow()
        if status == MeetingStatus.DRAFT.value:
            meeting.version += 1
        meeting.status, meeting.status_by, meeting.status_at = status, by, now
        meeting.status_history.append(StatusChange(status=status, by=by, at=now))
        return StatusResult(meeting.id, status, by, now, True, meeting.version)
