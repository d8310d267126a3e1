"""A meeting record becomes a minutes document here, once, for every writer and the preview.

``build_minutes`` reads a ``core.records.Meeting`` — never a database row — so the same
builder serves the local file, a server database and a file just imported. The public variant
leaves out confidential items and private notes; the agenda variant keeps only what is
published before the meeting. The public variant keeps the agenda's numbering and planned
times: an item left out stays as an "exempt item" line, as councils publish it, and the full
variant marks what the public one will leave out. The page furniture every writer prints
(the draft line, the marking) is decided here, once. So is the one change of text every
format needs: a lone UTF-16 surrogate (not a character; no file can encode it) becomes U+FFFD.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from pcc_minutes.core.chair import chair_name
from pcc_minutes.core.live import visits_of
from pcc_minutes.core.opening import opening_of
from pcc_minutes.core.records import Meeting
from pcc_minutes.core.status import draft_line
from pcc_minutes.documents.characters import scalar_text
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import Block, Image, ItemSection, MinutesDocument, Paragraph, Span
from pcc_minutes.text.parsing import parse_schedule


def schedule_text_still_true(meeting: Meeting) -> bool:
    """An imported date/time/venue line is shown as written only while it is still right."""
    if not meeting.schedule_text:
        return False
    said = parse_schedule(meeting.schedule_text)
    return (said.date, said.start, said.end, said.venue) == (
        meeting.date,
        meeting.start,
        meeting.end,
        meeting.venue,
    )


def _recording_offset(meeting: Meeting, started: datetime | None) -> int | None:
    """Seconds into the meeting (and its webcast) at which an item started."""
    if started is None:
        return None
    begun = meeting.live_started_at
    if begun is None and meeting.date and meeting.start:
        begun = datetime.combine(meeting.date, meeting.start)
    if begun is None or started < begun:
        return None
    return int((started - begun).total_seconds())


def status_note(meeting: Meeting) -> str:
    """What a draft export says about itself: that it is a draft, which version, of when."""
    changed = meeting.updated_at or meeting.created_at
    return draft_line(meeting.status, meeting.version, changed.date() if changed else None)


def encodable(record: Any) -> Any:
    """``record`` (a frozen record, or a tuple or string within one) with every string made
    encodable (``characters.scalar_text``); records with nothing to change come back as
    they are."""
    if isinstance(record, str):
        return scalar_text(record)
    if isinstance(record, tuple):
        cleaned = tuple(encodable(value) for value in record)
        return record if all(a is b for a, b in zip(cleaned, record, strict=True)) else cleaned
    if is_dataclass(record) and not isinstance(record, type):
        changes = {}
        for spec in fields(record):
            if not spec.init:
                continue
            value = getattr(record, spec.name)
            cleaned = encodable(value)
            if cleaned is not value:
                changes[spec.name] = cleaned
        return replace(record, **changes) if changes else record
    return record


def _measure(figure, trends: dict) -> int | None:
    """The indicator a figure reports: its own, else that of the trend given for it."""
    trend = trends.get(figure.id) if figure.id is not None else None
    return figure.indicator_id if trend is None else trend.indicator.id


def _item_trends(meeting: Meeting, figures, trends: dict) -> list:
    """The trends to print under an item's figures: each up to this meeting, and only when
    an earlier meeting reported the figure too."""
    from pcc_minutes.documents.trends import has_history, points_until

    shown = []
    for figure in figures:
        trend = trends.get(figure.id)
        if trend is None:
            continue
        points = points_until(trend, meeting.id, meeting.date)
        if has_history(points, meeting.id):
            shown.append(replace(encodable(trend), points=tuple(points)))
    return shown


# What the public version prints for an item it leaves out, and what the full version says
# on each thing the public one will leave out.
EXEMPT_TITLE = "Exempt item — not for publication"
EXEMPT_NOTE = "This item was taken in private; its minutes are not published."
NOT_FOR_PUBLICATION = "Not for publication — left out of the public version."
PRIVATE_NOTES_LABEL = "Private notes — not for publication, left out of the public version:"


def _exempt_section(item) -> ItemSection:
    """A confidential item as the public version prints it: its number and planned time
    (so the items after it keep theirs), no title, lead or content."""
    return ItemSection(
        title=EXEMPT_TITLE,
        planned_minutes=item.planned_minutes,
        confidential=True,
        exempt=True,
        kind=item.kind,
        blocks=[Paragraph((Span(EXEMPT_NOTE, italic=True),), style="exempt")],
    )


def _logo(meeting: Meeting, picture: Path | str | None) -> Image | None:
    """The logo at the top: the picture given, described by the meeting's alt text (else
    by the organisation's name); without a picture, the alt text alone (Markdown keeps it,
    the Word and PDF writers draw nothing for it)."""
    if picture:
        alt = meeting.logo_alt or (
            f"Logo of {meeting.organisation}" if meeting.organisation else "Logo"
        )
        return Image(alt=alt, source=str(picture))
    return Image(alt=meeting.logo_alt, source="logo") if meeting.logo_alt else None


def _marker(text: str) -> Block:
    return Paragraph((Span(text, bold=True),), style="not-for-publication")


def build_minutes(
    meeting: Meeting,
    *,
    public: bool = False,
    agenda_only: bool = False,
    timings: bool = False,
    trends: dict | None = None,
    figures: bool = False,
    logo: Path | str | None = None,
) -> MinutesDocument:
    """The minutes document of ``meeting``; ``timings`` adds each item's start in the
    recording (items timed in live mode only); ``trends`` (figure id → ``Trend``, as
    ``operations.item_trends`` gives them) adds each figure's values in earlier meetings;
    ``figures`` adds the figures' tables (the notes give them in prose); ``logo``, a
    picture file, is drawn at the top with the meeting's logo alt text."""
    trends = trends or {}
    meeting = encodable(meeting)
    items: list[ItemSection] = []
    for item in meeting.items:
        if public and item.confidential:
            items.append(_exempt_section(item))
            continue
        section = ItemSection(
            title=item.title,
            heading=item.heading,
            lead=item.lead,
            planned_minutes=item.planned_minutes,
            confidential=item.confidential,
            started_at=item.actual_start.time() if item.actual_start else None,
            ended_at=item.actual_end.time() if item.actual_end else None,
            recording_offset=_recording_offset(meeting, item.actual_start),  # the first start
            visits=list(visits_of(item)),  # the time spent is their sum (core.live)
            kind=item.kind,
        )
        if agenda_only and item.confidential:  # the members' agenda marks it, as the minutes do
            section.title = f"{item.title} — not for publication"
        if not agenda_only:
            section.blocks = [_marker(NOT_FOR_PUBLICATION)] if item.confidential else []
            section.blocks += from_markdown(item.notes)
            if item.private_notes.strip() and not public:
                section.blocks.append(_marker(PRIVATE_NOTES_LABEL))
                section.blocks += from_markdown(item.private_notes)
            # Each figure names its measure, so that its trend is printed right after it.
            section.figures = [
                replace(figure, id=None, indicator_id=_measure(figure, trends))
                for figure in item.figures
            ]
            section.actions = [replace(action, id=None) for action in item.actions]
            section.decisions = [decision.text for decision in item.decisions]
            # An action raised in a confidential item stays as private as the item was.
            section.carried = [c for c in item.carried if not (public and c.raised_confidential)]
            section.trends = _item_trends(meeting, item.figures, trends)
        items.append(section)
    return MinutesDocument(
        title=meeting.title,
        organisation=meeting.organisation,
        subtitle=meeting.subtitle,
        date=meeting.date,
        start=meeting.start,
        end=meeting.end,
        venue=meeting.venue,
        schedule_text=meeting.schedule_text if schedule_text_still_true(meeting) else "",
        chair=chair_name(meeting),
        marking=meeting.marking,
        document_kind="Agenda" if agenda_only else meeting.document_kind,
        logo=_logo(meeting, logo),
        # The user's opening, or the one written from the attendance (core.opening).
        opening=[] if agenda_only else from_markdown(opening_of(meeting)),
        attendance=[] if agenda_only else list(meeting.attendees),  # nobody attended yet
        items=items,
        status=meeting.status,
        status_note=status_note(meeting),
        public=public,
        agenda_only=agenda_only,
        show_timings=timings and not agenda_only,
        show_figures=figures and not agenda_only,
        source_name=meeting.source_name,
    )
