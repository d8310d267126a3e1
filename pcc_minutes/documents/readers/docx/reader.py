"""``read_docx``: the steps of reading Word minutes, in order, into one ``MinutesDocument``.

Open the package (``package``), walk the body into units (``paragraphs``), take the title
block off the top (``title_block``), find the agenda and the items (``items``), read the
attendance from what comes before the first item (``attendance``), and turn each item's
units into blocks, actions and decisions (``blocks``). A document with no item headings is
one item, "Minutes", so that nothing is lost; only a document with no text at all is refused.
"""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers.docx.attendance import attendance, chair
from pcc_minutes.documents.readers.docx.blocks import blocks
from pcc_minutes.documents.readers.docx.items import Section, agenda, apply_agenda, sections
from pcc_minutes.documents.readers.docx.package import body, open_document, safe
from pcc_minutes.documents.readers.docx.paragraphs import Walker
from pcc_minutes.documents.readers.docx.styles import Numbering, Styles
from pcc_minutes.documents.readers.docx.title_block import TitleBlock, core_title
from pcc_minutes.documents.readers.source import read_bytes, shown
from pcc_minutes.documents.tree import (
    Block,
    ItemSection,
    MinutesDocument,
    Paragraph,
    plain_text,
)
from pcc_minutes.text.parsing import attendance_from_opening, parse_schedule


def read_docx(path: Path, data: bytes | None = None) -> MinutesDocument:
    """The minutes in a .docx file as a minutes document; bad files give a UserInputError.

    ``data`` is the file's bytes when the caller has read them already."""
    path = Path(path)
    data = read_bytes(path) if data is None else data
    document = open_document(data, path)
    return _read(document, path)


def _read(document, path: Path) -> MinutesDocument:
    part = document.part
    styles = Styles(safe(lambda: part.styles.element))
    numbering = Numbering(safe(lambda: part.numbering_part.element), styles)
    units = Walker(styles, numbering).units(body(document))

    header = TitleBlock.read(units, core_title(document))
    rest = units[header.end :]
    entries, agenda_units = agenda(rest)
    found, first = sections(rest, agenda_units)
    pre = [u for i, u in enumerate(rest[:first]) if i not in agenda_units]
    people, pre = attendance(pre)

    items = [_item(s, position) for position, s in enumerate(found, start=1)]
    if not found and not entries:
        # No item headings at all: the whole text is the minutes of one item.
        item_blocks, actions, decisions = blocks(pre, extract=True)
        opening: list[Block] = []
        if item_blocks or actions or decisions:
            items = [
                ItemSection("Minutes", blocks=item_blocks, actions=actions, decisions=decisions)
            ]
    else:
        opening, _, _ = blocks(pre, extract=False)
    items = apply_agenda(items, found, entries)

    chair_name = chair(people)
    if not people:
        opening_text = " ".join(plain_text(b.content) for b in opening if isinstance(b, Paragraph))
        chair_name, people = attendance_from_opening(opening_text)
    schedule = parse_schedule("\n".join(header.schedule))
    organisation, title, subtitle = header.title_parts()
    if not title:
        title = Path(path.name).stem.replace("_", " ") or "Untitled meeting"
    if not (items or opening or people or header.title_lines or header.schedule):
        raise UserInputError(
            f"{shown(path)} has no text in it to import; check that it is the right file."
        )
    return MinutesDocument(
        title=title,
        organisation=organisation,
        subtitle=subtitle,
        date=schedule.date,
        start=schedule.start,
        end=schedule.end,
        venue=schedule.venue,
        schedule_text="\n".join(header.schedule),
        chair=chair_name,
        document_kind=header.kind or "Meeting note",
        logo=header.logo,
        opening=opening,
        attendance=people,
        items=items,
        source_name=path.name,
    )


def _item(section: Section, position: int) -> ItemSection:
    item_blocks, actions, decisions = blocks(section.units, extract=True)
    heading = ""
    if section.label is not None and section.label != str(position):
        # The minutes number this item differently from its place on our agenda
        # ("6i)", or a gap): writers print our number, so keep theirs in the heading.
        heading = section.shown
    return ItemSection(
        title=section.title,
        heading=heading,
        blocks=item_blocks,
        actions=actions,
        decisions=decisions,
    )
