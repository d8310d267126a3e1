"""The render-neutral minutes document: one tree that every reader builds and every writer renders.

A meeting record becomes a ``MinutesDocument`` once (``documents.build``); Markdown, Word, PDF
and the in-app preview render that same tree. Importers (``documents.readers``) produce the
same tree from existing minutes, and ``operations.import_documents`` stores it as a meeting.

Inside an item the content is a list of *blocks* (paragraphs, sub-headings, lists, tables,
images) whose text is a tuple of *spans* carrying bold/italic. Heading levels are absolute:
1 is the meeting title, 2 an agenda item, 3 a sub-heading inside an item's notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from pcc_minutes.core.records import Action, CarriedAction, Figure, ItemVisit, Person
from pcc_minutes.core.status import is_draft

if TYPE_CHECKING:  # named in annotations only: the window's notes need neither at start-up
    from pcc_minutes.core.tracking import Trend
    from pcc_minutes.documents.chart import ChartPicture


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


Spans = tuple[Span, ...]


def spans(text: str, *, bold: bool = False, italic: bool = False) -> Spans:
    """One plain (or uniformly formatted) run as a spans tuple; empty text gives ()."""
    return (Span(text, bold, italic),) if text else ()


def plain_text(content: Spans) -> str:
    return "".join(span.text for span in content)


def merge_spans(content: Spans | list[Span]) -> Spans:
    """Join neighbouring spans of the same formatting and drop empty ones."""
    merged: list[Span] = []
    for span in content:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return tuple(merged)


def drop_leading(content: Spans | list[Span], count: int) -> Spans:
    """The spans without their first ``count`` characters (e.g. a typed or pasted bullet)."""
    out: list[Span] = []
    for span in content:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        out.append(Span(span.text[count:], span.bold, span.italic))
        count = 0
    return merge_spans(out)


@dataclass(frozen=True)
class Paragraph:
    content: Spans
    style: str = ""  # a role writers may style: "organisation", "schedule", "kind", "label" …


@dataclass(frozen=True)
class Heading:
    level: int
    content: Spans
    style: str = ""


@dataclass(frozen=True)
class ListItem:
    """One bullet: its own text and, nested below it, further blocks (usually a sub-list)."""

    content: Spans
    children: tuple[Block, ...] = ()


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A table of text cells; when ``header`` is true the first row is the header row."""

    rows: tuple[tuple[Spans, ...], ...]
    header: bool = True
    # Relative column widths when the table's maker knows them better than the longest
    # text does (the registers' wide tables); empty: the writer decides.
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Image:
    alt: str
    source: str = ""


@dataclass(frozen=True)
class Chart:
    """A small chart (``documents.chart``): drawn as vector graphics in a PDF, as a picture
    in Word; ``alt`` is the one sentence that says what it shows."""

    alt: str
    picture: ChartPicture


Block = Paragraph | Heading | BulletList | Table | Image | Chart


def block_text(block: Block) -> str:
    """All the words of a block as plain text, one line per paragraph, bullet or row."""
    if isinstance(block, (Paragraph, Heading)):
        return plain_text(block.content)
    if isinstance(block, BulletList):
        lines = []
        for item in block.items:
            lines.append(plain_text(item.content))
            lines.extend(block_text(child) for child in item.children)
        return "\n".join(lines)
    if isinstance(block, Table):
        return "\n".join(" ".join(plain_text(cell) for cell in row) for row in block.rows)
    if isinstance(block, (Image, Chart)):
        return block.alt
    raise TypeError(f"not a block: {block!r}")


def blocks_text(blocks: list[Block] | tuple[Block, ...]) -> str:
    return "\n".join(block_text(block) for block in blocks)


@dataclass
class ItemSection:
    """One agenda item: its title as on the agenda, and its content as in the minutes."""

    title: str
    heading: str = ""  # the section heading in the minutes when it differs from the title
    lead: str = ""
    planned_minutes: int | None = None
    confidential: bool = False
    # In a public version: a confidential item left out, printed as an "exempt item" line.
    exempt: bool = False
    started_at: time | None = None
    ended_at: time | None = None
    # Seconds from the start of the meeting (and its webcast) to the start of this item.
    recording_offset: int | None = None
    # The live meeting's stretches on this item, oldest first: its time spent is their sum.
    visits: list[ItemVisit] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    kind: str = ""  # "" or core.records.ACTION_LOG (the standing action-log item)
    # Actions raised in earlier meetings as they stood in this one (the action-log item).
    carried: list[CarriedAction] = field(default_factory=list)
    # With the trends option: each figure's values up to this meeting, when earlier ones exist.
    trends: list[Trend] = field(default_factory=list)

    @property
    def shown_heading(self) -> str:
        return self.heading or self.title


@dataclass
class MinutesDocument:
    """A whole meeting note (or, with ``agenda_only``, the agenda published beforehand)."""

    title: str
    organisation: str = ""  # the line above the title, e.g. who meets whom
    subtitle: str = ""  # lines below the title, e.g. "Seventeenth Meeting"
    date: date | None = None
    start: time | None = None
    end: time | None = None
    venue: str = ""
    schedule_text: str = ""  # the date/time/venue lines exactly as the source wrote them
    chair: str = ""
    marking: str = ""  # classification, e.g. OFFICIAL
    document_kind: str = "Meeting note"
    logo: Image | None = None
    opening: list[Block] = field(default_factory=list)
    attendance: list[Person] = field(default_factory=list)
    items: list[ItemSection] = field(default_factory=list)
    status: str = "draft"
    status_note: str = ""  # e.g. "Approved by … on …" or "DRAFT v3, 2 October 2025"
    public: bool = False
    agenda_only: bool = False
    show_timings: bool = False  # print each item's start in the recording
    show_figures: bool = False  # print the figures' tables (the notes give them in prose)
    source_name: str = ""  # the file a reader built this from
    # A register (the action log, the decision register): its sections are printed under
    # their own headings, with neither an "Agenda:" list nor "Item n:" numbers.
    register: bool = False

    @property
    def is_draft(self) -> bool:
        return is_draft(self.status)
