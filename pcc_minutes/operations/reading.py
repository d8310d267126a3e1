"""Reading meetings: the list, one meeting as a record or as JSON, its minutes document.

Each function is one short read-only transaction and returns plain data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcc_minutes.core.chair import chair_name
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.live import time_spent, visits_of
from pcc_minutes.core.opening import is_generated, opening_of
from pcc_minutes.core.records import AgendaItem, Meeting, MeetingSummary
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.mapping import meeting_record

if TYPE_CHECKING:
    from pcc_minutes.documents.tree import MinutesDocument


def list_meetings(store: Store, limit: int | None = None) -> list[MeetingSummary]:
    """Every meeting (or the newest ``limit``), newest first (undated ones last)."""
    with store.transaction() as session:
        return queries.meeting_summaries(session, limit)


def meeting_summary(store: Store, meeting_id: int) -> MeetingSummary | None:
    """One row of the meetings list (None when the meeting is gone)."""
    with store.transaction() as session:
        return queries.meeting_summary(session, meeting_id)


def load_meeting(store: Store, meeting_id: int) -> Meeting:
    """The whole meeting as a frozen record."""
    with store.transaction() as session:
        return meeting_record(queries.meeting_row(session, meeting_id))


def latest_meeting_id(store: Store) -> int | None:
    with store.transaction() as session:
        return queries.latest_meeting_id(session)


def open_actions_of_series(store: Store, meeting_id: int) -> list[tuple[date | None, str, str]]:
    """Open actions from earlier meetings of the same series ("matters arising")."""
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        if meeting.series_id is None:
            return []
        return queries.open_actions_before(session, meeting.series_id, meeting.id, meeting.date)


def _time(value: Any) -> str | None:
    return value.strftime("%H:%M") if value else None


def meeting_json(store: Store, meeting_id: int) -> dict[str, Any]:
    """Everything about one meeting, in the shape ``pcc-minutes show --json`` prints."""
    meeting = load_meeting(store, meeting_id)
    approval = meeting.approval
    return {
        "id": meeting.id,
        "title": meeting.title,
        "organisation": meeting.organisation,
        "date": meeting.date.isoformat() if meeting.date else None,
        "start": _time(meeting.start),
        "end": _time(meeting.end),
        "venue": meeting.venue,
        "chair": chair_name(meeting),  # the attendance row of the chair (core.chair)
        "marking": meeting.marking,
        "attendees": [
            {"name": a.name, "role": a.role, "group": a.group, "present": a.present}
            for a in meeting.attendees
        ],
        "status": meeting.status,
        "status_by": meeting.status_by or None,
        "status_at": meeting.status_at.isoformat(timespec="seconds") if meeting.status_at else None,
        "version": meeting.version,
        "approved_by": approval.by if approval else None,
        "approved_at": approval.at.isoformat(timespec="seconds") if approval else None,
        "opening": opening_of(meeting),  # as the exports print it (core.opening)
        "opening_edited": not is_generated(meeting),
        "items": [_item_json(item) for item in meeting.items],
    }


def _item_json(item: AgendaItem) -> dict[str, Any]:
    return {
        "position": item.position,
        "title": item.title,
        "heading": item.shown_heading,
        "lead": item.lead,
        "planned_minutes": item.planned_minutes,
        # Live timing: each visit to the item, and the time spent on it (their sum).
        "visits": [
            {
                "start": v.start.isoformat(timespec="seconds"),
                "end": v.end.isoformat(timespec="seconds") if v.end else None,
            }
            for v in visits_of(item)
        ],
        "seconds_spent": int(time_spent(item)) if visits_of(item) else None,
        "confidential": item.confidential,
        "notes": item.notes,
        "metrics": [
            {
                "label": f.label,
                "unit": f.unit,
                "points": [p.as_json() for p in f.points],
                "target": f.target,
                "higher_is_better": f.higher_is_better,
                "text": f.source,
            }
            for f in item.figures
        ],
        "actions": [
            {
                "id": a.id,
                "reference": a.reference or None,
                "text": a.text,
                "owner": a.owner or None,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
                "carried": False,
            }
            for a in item.actions
        ]
        + [
            {
                "id": c.action.id,
                "reference": c.action.reference or None,
                "text": c.action.text,
                "owner": c.action.owner or None,
                "due": c.action.due.isoformat() if c.action.due else None,
                "status": c.action.status,
                "carried": True,
                "raised": {
                    "meeting": c.raised_meeting_id,
                    "date": c.raised_date.isoformat() if c.raised_date else None,
                    "item": c.raised_item,
                },
                "note": c.note,
            }
            for c in item.carried
        ],
        "decisions": [{"id": d.id, "text": d.text} for d in item.decisions],
    }


def minutes_document(
    store: Store,
    meeting_id: int,
    *,
    public: bool = False,
    agenda_only: bool = False,
    timings: bool = False,
    trends: bool = False,
    figures: bool = False,
    logo: Path | None = None,
) -> MinutesDocument:
    """The meeting's minutes document; ``trends`` adds, after each figure reported in earlier
    meetings too, its values up to this meeting (a table and a chart); ``figures`` adds the
    figures' tables, each after the paragraph or bullet it came from; ``logo`` (a PNG or
    JPEG file) is drawn at the top, described by the meeting's logo alt text."""
    from pcc_minutes.documents.build import build_minutes  # Markdown parsing: not at start-up

    return build_minutes(
        load_meeting(store, meeting_id),
        public=public,
        agenda_only=agenda_only,
        timings=timings,
        trends=earlier_trends(store, meeting_id) if trends and not agenda_only else None,
        figures=figures,
        logo=logo_picture(logo),
    )


LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def logo_picture(path: Path | str | None) -> Path | None:
    """The logo file, checked: one that is missing or not a picture is a clear error."""
    if not path:
        return None
    picture = Path(path).expanduser()
    if not picture.is_file():
        raise UserInputError(
            f"The logo picture {picture} does not exist; give the path of a PNG or JPEG file."
        )
    if picture.suffix.lower() not in LOGO_SUFFIXES:
        raise UserInputError(
            f"The logo {picture.name} is not a PNG or JPEG picture; save it as one and try again."
        )
    return picture


def earlier_trends(store: Store, meeting_id: int) -> dict:
    """Each figure's trend up to this meeting (figure id → ``Trend``), from the indicators."""
    try:
        from pcc_minutes.operations.indicators import item_trends
    except ImportError as exc:  # the indicators are not in this build yet
        raise UserInputError(
            "This version cannot follow figures across meetings yet; export without trends."
        ) from exc
    return item_trends(store, meeting_id)
