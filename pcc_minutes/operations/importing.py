"""Importing minutes: documents read from files become meetings, all in one transaction."""

from __future__ import annotations

from pcc_minutes.core.changes import Outcome, changed
from pcc_minutes.core.records import AgendaItem, Decision, Meeting, MeetingSummary
from pcc_minutes.core.status import MeetingStatus
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.documents.tree import MinutesDocument
from pcc_minutes.operations.indicators import match_figures
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.mapping import meeting_row, summary_record


def document_record(doc: MinutesDocument) -> Meeting:
    """A minutes document (from a reader or the demo) as a new meeting's record (id 0)."""
    return Meeting(
        id=0,
        title=doc.title,
        series=doc.title,
        organisation=doc.organisation,
        subtitle=doc.subtitle,
        date=doc.date,
        start=doc.start,
        end=doc.end,
        venue=doc.venue,
        schedule_text=doc.schedule_text,
        chair=doc.chair,
        document_kind=doc.document_kind,
        opening=to_markdown(doc.opening),
        marking=doc.marking,
        logo_alt=doc.logo.alt if doc.logo else "",
        status=MeetingStatus.DRAFT,
        source_name=doc.source_name,
        attendees=tuple(doc.attendance),
        items=tuple(
            AgendaItem(
                id=0,
                position=position,
                title=section.title,
                heading=section.heading,
                lead=section.lead,
                planned_minutes=section.planned_minutes,
                confidential=section.confidential,
                notes=to_markdown(section.blocks),
                figures=tuple(section.figures),
                actions=tuple(section.actions),
                decisions=tuple(Decision(text) for text in section.decisions),
            )
            for position, section in enumerate(doc.items, start=1)
        ),
    )


def import_documents(store: Store, docs: list[MinutesDocument]) -> Outcome[list[MeetingSummary]]:
    """All the documents in one transaction: either every file is imported or none."""
    records = [document_record(doc) for doc in docs]
    with store.transaction() as session:
        rows = []
        for record in records:
            row = meeting_row(record)
            row.series = queries.series_for(session, record.series, record.organisation)
            session.add(row)
            rows.append(row)
        session.flush()
        match_figures(session, (f for row in rows for item in row.items for f in item.figures))
        summaries = [summary_record(row, row.series.name) for row in rows]
    return Outcome(summaries, changed(meeting_list=True, meetings={s.id for s in summaries}))
