"""Where the items begin and what they are called: the agenda list and the item headings.

Minutes mark their items in one of four ways, tried in this order because each later rule
would also fire on documents written the earlier way: Word heading styles (the shallowest
level used is the item level, as long as headings are at least as many as "Item n" lines);
"Item 2: …" lines; bold "1. Welcome" lines or one-entry numbered lists; and, failing those,
short bold lines that read like headings. Lines that are attendance, agenda, action,
decision or kind lines are never items. An "Agenda:" list near the top (as our own exports
write it) gives the items' titles; a section whose heading differs keeps its own words as
the heading, and agenda entries with no section of their own become empty items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pcc_minutes.documents.readers.docx.title_block import KIND_LINE
from pcc_minutes.documents.readers.docx.units import (
    Para,
    TableUnit,
    Unit,
    fold,
    one_line,
    short,
)
from pcc_minutes.documents.readers.text import AGENDA_LINE
from pcc_minutes.documents.tree import ItemSection
from pcc_minutes.text.parsing import (
    BULLET,
    NUMBERED_HEADING,
    attendance_from_line,
    clean,
    find_date,
    parse_action,
    parse_decision,
    split_item_heading,
)

# "Item 6i): …", "Item 4(i): …", "Item 2: …": the label as written, which common's
# split_item_heading does not keep for roman-numeral sub-items.
ITEM_LABEL = re.compile(
    r"^\s*item\s+(?P<label>(?P<number>\d{1,4}(?!\d))(?P<suffix>\s*\([a-z\d]+\)|[a-z]+\)?)?)"
    r"\s*[:.)\-–]?\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Section:
    """One item as found: its heading's parts and the units up to the next item heading."""

    number: int | None
    label: str | None  # the item's number as the minutes write it: "2", "6i)", "4(i)"
    shown: str  # the heading from that number on: "6i): Procurement sub-group"
    title: str
    units: list[Unit] = field(default_factory=list)


def sections(units: list[Unit], skip: set[int]) -> tuple[list[Section], int]:
    """The items among ``units`` (``skip``: the agenda's units), and where the first begins."""
    boundaries, rule = _item_boundaries(units, skip)
    found: list[Section] = []
    for k, start in enumerate(boundaries):
        stop = boundaries[k + 1] if k + 1 < len(boundaries) else len(units)
        number, label, shown, title = _heading_parts(units[start], rule)
        body = [u for i, u in enumerate(units[start + 1 : stop], start + 1) if i not in skip]
        found.append(Section(number, label, shown, title, body))
    return found, boundaries[0] if boundaries else len(units)


def agenda(units: list[Unit]) -> tuple[dict[int, str], set[int]]:
    """An "Agenda:" line followed by "Item 1: …" entries (as our own exports write it)."""
    for index, unit in enumerate(units[:40]):
        if not isinstance(unit, Para) or not AGENDA_LINE.match(clean(unit.text)):
            continue
        entries: dict[int, str] = {}
        used = {index}
        previous = 0
        for k in range(index + 1, len(units)):
            entry = units[k]
            if isinstance(entry, TableUnit):
                break
            if not entry.text:
                if entries:
                    break
                continue
            bullet = BULLET.match(entry.text)
            line = entry.text[bullet.end() :] if bullet else entry.text
            parsed = split_item_heading(line)
            listed = entry.list is not None or bullet is not None
            if not parsed or (not listed and (entry.bold or entry.heading is not None)):
                break
            if not listed and parsed[0] <= previous:
                break  # the numbers start again: the sections themselves begin here
            match = ITEM_LABEL.match(clean(line))
            title = clean(match.group("title")) if match else parsed[1]
            entries.setdefault(parsed[0], title or parsed[1])
            previous = parsed[0]
            used.add(k)
        if entries:
            return entries, used
        return {}, set()
    return {}, set()


def apply_agenda(
    items: list[ItemSection], found: list[Section], entries: dict[int, str]
) -> list[ItemSection]:
    """The items titled as the agenda names them, and the agenda's items with no section.

    Retitled items are new values made with ``dataclasses.replace``, never the given ones
    changed in place: that is how every record of the project is edited (those in
    ``core.records`` are frozen, and assigning to one raises ``FrozenInstanceError``).
    """
    if not entries:
        return items
    result: list[ItemSection] = []
    numbered = set()
    for position, (item, section) in enumerate(zip(items, found, strict=False), start=1):
        number = section.number if section.number is not None else position
        numbered.add(number)
        title = entries.get(number)
        if title and fold(title) != fold(item.title):
            item = replace(item, heading=item.heading or item.title, title=title)
        result.append(item)
    result.extend(items[len(result) :])
    for number in sorted(entries):
        if number not in numbered and number > len(result):
            result.append(ItemSection(title=entries[number]))
    return result


def _other_label(para: Para) -> bool:
    """Lines that are attendance, agenda, action, decision or kind lines, never items."""
    line = clean(para.text)
    as_label = line if line.endswith(":") else line + ":"
    return bool(
        attendance_from_line(line) is not None
        or attendance_from_line(as_label) is not None
        or AGENDA_LINE.match(line)
        or parse_action(line)
        or parse_decision(line)
        or KIND_LINE.match(line)
    )


def _item_boundaries(units: list[Unit], skip: set[int]) -> tuple[list[int], str]:
    """Indexes of the item headings, found by the first rule that applies, and the rule."""
    paras = [
        (i, u)
        for i, u in enumerate(units)
        if isinstance(u, Para) and u.text and i not in skip and not _other_label(u)
    ]

    headings = [(i, u) for i, u in paras if u.heading is not None and u.heading >= 1]
    numbered_items = []
    for i, u in paras:
        line = clean(u.text)
        if (
            (u.list is None or u.heading is not None)
            and not BULLET.match(u.raw)
            and len(line) <= 200
            and split_item_heading(line)
            and (
                u.bold or u.heading is not None or (short(line, 120, 30) and not line.endswith("."))
            )
        ):
            numbered_items.append((i, u))
    if headings and len(headings) >= len(numbered_items):
        level = min(u.heading for _, u in headings)
        return [i for i, u in headings if u.heading == level], "heading"
    if numbered_items:
        boundaries, previous = [], None
        for i, u in numbered_items:
            number = split_item_heading(u.text)[0]
            if number != previous:  # "Item 6ii)" after "Item 6i)" is part of item 6
                boundaries.append(i)
            previous = number
        return boundaries, "item"

    numbered = []
    for position, (i, u) in enumerate(paras):
        line = clean(u.text)
        if not (u.bold and short(line)) or line.endswith("."):
            continue
        if u.list is None and NUMBERED_HEADING.match(line):
            numbered.append(i)
        elif u.list is not None and u.list.ordered and u.list.depth == 0:
            following = paras[position + 1][1] if position + 1 < len(paras) else None
            same_list = (
                following is not None
                and following.list is not None
                and following.list.num_id == u.list.num_id
                and following.list.depth == 0
            )
            if not same_list:
                numbered.append(i)
    if len(numbered) >= 2:
        return numbered, "numbered"

    bold = []
    for i, u in paras:
        line = clean(u.text)
        if (
            u.bold
            and u.list is None
            and u.heading != 0
            and short(line, 100, 14)
            and not line.endswith((".", ":", ";", ","))
            and not u.indented
            and not BULLET.match(u.raw)
            and find_date(line) is None
        ):
            bold.append(i)
    return bold, "bold"


def _heading_parts(para: Para, rule: str) -> tuple[int | None, str | None, str, str]:
    """(number, number as written, heading from the number on, title) of an item heading."""
    line = one_line(para.text)
    labelled = ITEM_LABEL.match(line) if split_item_heading(line) else None
    if labelled:
        title = clean(labelled.group("title")).rstrip(":").strip() or line
        label = clean(labelled.group("label"))
        shown = line[labelled.start("label") :].rstrip(":").strip()
        return int(labelled.group("number")), label, shown, title
    numbered = NUMBERED_HEADING.match(line)
    if numbered and rule in ("numbered", "heading") and para.list is None:
        title = clean(numbered.group("title")).rstrip(":").strip() or line
        return int(numbered.group("number")), numbered.group("number"), line, title
    number = para.list.number if para.list is not None and para.list.ordered else None
    return number, None, line, line.rstrip(":").strip() or line
