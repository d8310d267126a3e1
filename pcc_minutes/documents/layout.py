"""The order and wording of a meeting note, shared by every writer.

``layout`` turns a ``MinutesDocument`` into one flat list of blocks in reading order: title
block, opening paragraph, attendance, "Agenda:" list, then each item with its notes (and, when
asked for, its figure tables within them), actions and decisions. Writers differ only in how
they draw a block (Markdown text, Word styles, PDF flowables), never in what the minutes say
or in what order.
"""

from __future__ import annotations

from datetime import time

from pcc_minutes.core.formatting import format_date, format_number, format_time
from pcc_minutes.core.records import BOUND_WORDS, Action, CarriedAction
from pcc_minutes.documents.timings import timing_text
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    Image,
    ItemSection,
    ListItem,
    MinutesDocument,
    Paragraph,
    Span,
    Spans,
    Table,
    spans,
)


def schedule_lines(doc: MinutesDocument) -> list[str]:
    """The date/time/venue line(s): as the source wrote them while still true, else ours."""
    if doc.schedule_text:
        return [line for line in doc.schedule_text.split("\n") if line.strip()]
    when = format_date(doc.date)
    if doc.start:
        times = format_time(doc.start) + (f"–{format_time(doc.end)}" if doc.end else "")
        when = f"{when}, {times}" if when else times
    line = f"{when}: {doc.venue}" if when and doc.venue else (when or doc.venue)
    return [line] if line else []


def item_heading(number: int, item: ItemSection) -> str:
    return f"Item {number}: {item.shown_heading}"


def agenda_entry(number: int, item: ItemSection) -> str:
    return f"Item {number}: {item.title}"


def attendance_blocks(doc: MinutesDocument) -> list[Block]:
    """ "Present: …" / "Apologies: …" lines, grouped as the minutes grouped them.

    A seed-style note names the chair and attendees in its opening sentence (the generated
    opening names those who sent apologies too); when the opening already names everyone
    listed, no separate list is added.
    """
    if not doc.attendance:
        return []
    opening_words = " ".join(
        span.text for block in doc.opening if isinstance(block, Paragraph) for span in block.content
    )
    if all(a.name in opening_words for a in doc.attendance):
        return []
    groups: dict[str, list[str]] = {}
    for person in doc.attendance:
        label = person.group or ("Present" if person.present else "Apologies")
        if person.group == "Chair":
            label = "Chair"
        text = f"{person.name} ({person.role})" if person.role else person.name
        groups.setdefault(label, []).append(text)
    return [
        Paragraph((Span(f"{label}: ", bold=True), Span("; ".join(names))), style="attendance")
        for label, names in groups.items()
    ]


def metric_value(unit: str, value: float, high: float | None, approx: bool, bound: str = "") -> str:
    """ "approx. 92–93%", "over 200", "£1,200": a figure's value as the minutes write it."""
    text = format_number(value)
    if high is not None:
        text += f"–{format_number(high)}"
    if unit == "%":
        text += "%"
    elif unit == "£":
        text = "£" + text
    elif unit == "ratio":
        text += " times"
    if bound in BOUND_WORDS:
        return f"{BOUND_WORDS[bound]} {text}"
    return ("approx. " if approx else "") + text


def action_text(action: Action) -> str:
    label = f"ACTION {action.reference}: " if action.reference else "Action: "
    text = label + action.text
    extras = []
    if action.owner and not action.text.startswith(action.owner):
        extras.append(f"Owner: {action.owner}")
    if action.due:
        extras.append(f"due {format_date(action.due)}")
    if action.status != "open":
        extras.append(action.status)
    return text + (f" ({'; '.join(extras)})" if extras else "")


CARRIED_COLUMNS = ("No.", "Action", "Owner", "Due", "Status", "Update")
# Relative widths of the action tables' columns: narrow number and status, wide text.
ACTION_WIDTHS = (7.0, 30.0, 13.0, 15.0, 10.0, 25.0)


def raised_text(raised_date, raised_item: int) -> str:
    """Where an action was raised: "Raised 14 August 2025, item 4"."""
    parts = [format_date(raised_date)] if raised_date else []
    if raised_item:
        parts.append(f"item {raised_item}")
    return ("Raised " + ", ".join(parts)) if parts else ""


def action_number(action: Action) -> str:
    """The action's number as the minutes gave it, else its number in the record."""
    if action.reference:
        return action.reference
    return str(action.id) if action.id is not None else ""


def action_cell(text: str, raised: str) -> Spans:
    """The action's words, and below them, in italics, where it was raised."""
    if not raised:
        return spans(text)
    return (Span(text), Span("\n" + raised, italic=True)) if text else spans(raised, italic=True)


def carried_update(carried: CarriedAction) -> Spans:
    """The update said in this meeting, then (compactly, in italics) the earlier ones."""
    content: list[Span] = [Span(carried.note)] if carried.note else []
    earlier = [
        f"{format_date(u.date) or 'Earlier'}: {u.note}" for u in carried.earlier if u.note.strip()
    ]
    if earlier:
        lead = "\n" if content else ""
        content.append(Span(lead + "Earlier: " + "; ".join(earlier), italic=True))
    return tuple(content)


def carried_table(carried: list[CarriedAction]) -> Table:
    """The actions raised in earlier meetings as they stood in this one, one row each."""
    rows = [tuple(spans(h) for h in CARRIED_COLUMNS)]
    for entry in carried:
        action = entry.action
        rows.append(
            (
                spans(action_number(action)),
                action_cell(action.text, raised_text(entry.raised_date, entry.raised_item)),
                spans(action.owner),
                spans(format_date(action.due) if action.due else ""),
                spans(status_label(action.status)),
                carried_update(entry),
            )
        )
    return Table(tuple(rows), header=True, widths=ACTION_WIDTHS)


def status_label(status: str) -> str:
    """An action status as the minutes print it: "open" → "Open", "in_progress" → "In progress"."""
    text = status.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def planned_starts(doc: MinutesDocument) -> list[time | None]:
    """Each item's planned start, counting planned minutes on from the meeting's start; an
    item without planned minutes leaves the starts after it unknown."""
    starts: list[time | None] = []
    minutes = doc.start.hour * 60 + doc.start.minute if doc.start else None
    for item in doc.items:
        starts.append(time(minutes // 60 % 24, minutes % 60) if minutes is not None else None)
        if minutes is not None and item.planned_minutes is not None:
            minutes += item.planned_minutes
        else:
            minutes = None
    return starts


def item_blocks(number: int, item: ItemSection, doc: MinutesDocument) -> list[Block]:
    blocks: list[Block] = [Heading(2, spans(item_heading(number, item)))]
    timing = timing_text(item) if doc.show_timings else ""
    if timing:  # "In the recording from 0:12:05 · 10:05–10:12 and 10:40–10:46, 13 min …"
        blocks.append(Paragraph(spans(timing, italic=True), style="timing"))
    # The notes, with each figure's table (when asked for) and trend right after the
    # paragraph or bullet it came from (documents.figure_tables).
    from pcc_minutes.documents.figure_tables import placed_blocks  # it builds on this module

    blocks.extend(placed_blocks(item, doc.show_figures))
    if item.carried:
        blocks.append(Paragraph(spans("Actions from earlier meetings:", bold=True)))
        blocks.append(carried_table(item.carried))
    if item.actions:
        blocks.append(BulletList(tuple(ListItem(spans(action_text(a))) for a in item.actions)))
    for decision in item.decisions:
        blocks.append(Paragraph((Span("Decision: ", bold=True), Span(decision))))
    return blocks


def layout(doc: MinutesDocument) -> list[Block]:
    """The whole note as blocks in reading order."""
    blocks: list[Block] = []
    if doc.logo is not None and doc.logo.alt:
        blocks.append(Image(alt=doc.logo.alt, source=doc.logo.source or "logo"))
    if doc.organisation:
        blocks.append(Paragraph(spans(doc.organisation), style="organisation"))
    blocks.append(Heading(1, spans(doc.title)))
    for line in doc.subtitle.split("\n") if doc.subtitle else []:
        blocks.append(Paragraph(spans(line), style="subtitle"))
    for line in schedule_lines(doc):
        blocks.append(Paragraph(spans(line), style="schedule"))
    if doc.marking:
        blocks.append(Paragraph(spans(doc.marking), style="marking"))
    if doc.is_draft and doc.status_note:
        blocks.append(Paragraph(spans(doc.status_note, bold=True), style="draft"))
    blocks.append(Paragraph(spans(doc.document_kind), style="kind"))
    blocks.extend(doc.opening)
    blocks.extend(attendance_blocks(doc))
    if doc.agenda_only:
        blocks.extend(agenda_blocks(doc))
        return blocks
    if doc.register:
        for section in doc.items:
            blocks.append(Heading(2, spans(section.shown_heading)))
            blocks.extend(section.blocks)
        return blocks
    if doc.items:
        blocks.append(Paragraph(spans("Agenda:"), style="label"))
        blocks.append(
            BulletList(
                tuple(
                    ListItem(spans(agenda_entry(n, item)))
                    for n, item in enumerate(doc.items, start=1)
                )
            )
        )
    for number, item in enumerate(doc.items, start=1):
        blocks.extend(item_blocks(number, item, doc))
    return blocks


# Time, item, lead, minutes: "Minutes" (bold, in the header row) fits on one line.
AGENDA_WIDTHS = (11.0, 50.0, 25.0, 14.0)


def agenda_blocks(doc: MinutesDocument) -> list[Block]:
    """The published agenda: numbered items with their lead, planned time and length."""
    rows = [tuple(spans(h) for h in ("Time", "Item", "Lead", "Minutes"))]
    for number, (item, start) in enumerate(zip(doc.items, planned_starts(doc), strict=True), 1):
        rows.append(
            (
                spans(format_time(start)),
                spans(f"Item {number}: {item.title}"),
                spans(item.lead),
                spans(str(item.planned_minutes) if item.planned_minutes else ""),
            )
        )
    return [Table(tuple(rows), header=True, widths=AGENDA_WIDTHS)]
