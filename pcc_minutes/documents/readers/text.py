"""Plain-text minutes in the published "Meeting note" shape, read into a minutes document.

The shape (see the seed notes): an optional ``[image: alt text]`` line, the title lines, a
date/time/venue line, the words "Meeting note", an opening paragraph, ``Agenda:`` with one
bullet per item, then each item's heading followed by paragraphs, sub-headings and ``·``
bullets. Text that does not follow the shape is kept as paragraphs of a single item.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers.source import read_bytes, shown
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    Image,
    ItemSection,
    ListItem,
    MinutesDocument,
    Paragraph,
    spans,
)
from pcc_minutes.text.parsing import (
    BULLET,
    attendance_from_opening,
    clean,
    is_title_case_heading,
    looks_like_schedule_line,
    looks_like_venue,
    parse_schedule,
    split_item_heading,
    tidy_end,
)

IMAGE_OPEN = re.compile(r"^\s*\[image:\s*(?P<rest>.*)$", re.IGNORECASE)
KIND_LINE = re.compile(r"^(meeting note|minutes|notes of (?:the )?meeting|meeting minutes)$", re.I)
AGENDA_LINE = re.compile(r"^agenda\s*:?$", re.IGNORECASE)
MEETING_WORD = re.compile(r"\bmeeting\b", re.IGNORECASE)
ORDINAL_MEETING = re.compile(r"^\S+\s+meeting$", re.IGNORECASE)


_BOMS = (
    # Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _not_text(path: Path) -> UserInputError:
    return UserInputError(
        f"{shown(path)} is not a text or Word file; import minutes saved as .txt, .md or .docx."
    )


def _with_bom(data: bytes, path: Path) -> str | None:
    """Text that starts with a byte-order mark, as Notepad saves "Unicode" (UTF-16) and
    "UTF-8 with BOM" files, decoded by the mark; None without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise _not_text(path) from None
    return None


def decode_text(data: bytes, path: Path) -> str:
    """Text with a byte-order mark (UTF-8, UTF-16 or UTF-32) by its mark, else UTF-8, else
    Windows-1252; binary data is refused."""
    text = _with_bom(data, path)
    if text is None:
        if b"\x00" in data[:4096]:
            raise _not_text(path)
        for encoding in ("utf-8", "cp1252"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            break
    if text is not None:
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls <= max(2, len(text) // 200) and "\x00" not in text[:4096]:
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise UserInputError(
        f"{shown(path)} is not readable text; import minutes saved as .txt, .md or .docx."
    )


def split_title_lines(lines: list[str]) -> tuple[str, str, str]:
    """(organisation, title, subtitle) from the lines above the date line."""
    if not lines:
        return "", "", ""
    index = 0
    for i, line in enumerate(lines):
        if MEETING_WORD.search(line) and not ORDINAL_MEETING.match(line):
            index = i
            break
    return " ".join(lines[:index]), lines[index], "\n".join(lines[index + 1 :])


def _item_blocks(lines: list[str]) -> list[Block]:
    """Paragraphs, sub-headings and bullets; a bullet ending in ':' owns the bullets after it."""
    blocks: list[Block] = []
    bullets: list[ListItem] = []
    parent: ListItem | None = None
    children: list[ListItem] = []

    def close_parent() -> None:
        nonlocal parent, children
        if parent is not None:
            sub = (BulletList(tuple(children)),) if children else ()
            bullets.append(ListItem(parent.content, sub))
        parent, children = None, []

    def close_list() -> None:
        nonlocal bullets
        close_parent()
        if bullets:
            blocks.append(BulletList(tuple(bullets)))
        bullets = []

    for raw in lines:
        line = tidy_end(raw)
        if not line:
            continue
        bullet = BULLET.match(line)
        if bullet:
            text = tidy_end(line[bullet.end() :])
            item = ListItem(spans(text))
            if parent is not None and not text.endswith(":"):
                children.append(item)
                continue
            close_parent()
            if text.endswith(":"):
                parent = item
            else:
                bullets.append(item)
            continue
        close_list()
        if is_title_case_heading(line):
            blocks.append(Heading(3, spans(clean(line))))
        else:
            blocks.append(Paragraph(spans(line)))
    close_list()
    return blocks


def read_text(path: Path, data: bytes | None = None) -> MinutesDocument:
    """The minutes in a text file; ``data`` is its bytes when the caller has read them."""
    path = Path(path)
    data = read_bytes(path) if data is None else data
    return parse_text(decode_text(data, path), source_name=path.name)


def parse_text(text: str, source_name: str = "") -> MinutesDocument:
    lines = text.split("\n")
    pos = 0
    n = len(lines)

    def skip_blank() -> None:
        nonlocal pos
        while pos < n and not tidy_end(lines[pos]):
            pos += 1

    skip_blank()
    logo = None
    if pos < n and IMAGE_OPEN.match(lines[pos]):
        alt_parts = [IMAGE_OPEN.match(lines[pos]).group("rest")]
        pos += 1
        while not alt_parts[-1].rstrip().endswith("]") and pos < n and pos < 12:
            alt_parts.append(lines[pos])
            pos += 1
        alt = " ".join(clean(part) for part in alt_parts if clean(part)).rstrip("]").strip()
        logo = Image(alt=alt, source="logo")
        skip_blank()

    # Title lines run to the first line that says when or where the meeting was.
    title_lines: list[str] = []
    while pos < n and tidy_end(lines[pos]) and not looks_like_schedule_line(lines[pos]):
        if (
            len(title_lines) >= 4
            or split_item_heading(lines[pos])
            or AGENDA_LINE.match(clean(lines[pos]))
        ):
            break
        title_lines.append(clean(lines[pos]))
        pos += 1
    schedule_lines: list[str] = []
    while pos < n and (
        looks_like_schedule_line(lines[pos])
        or (schedule_lines and looks_like_venue(lines[pos]) and len(schedule_lines) < 3)
    ):
        schedule_lines.append(tidy_end(lines[pos]))
        pos += 1
    shaped = bool(schedule_lines)
    if not shaped:
        # Not the "Meeting note" shape: the first line names it, the rest is one item.
        pos = 0
        skip_blank()
        first = clean(lines[pos]) if pos < n else ""
        title_lines = [first] if first and len(first) <= 150 else []
        if title_lines:
            pos += 1
    skip_blank()
    kind = "Meeting note"
    if pos < n and KIND_LINE.match(clean(lines[pos])):
        kind = clean(lines[pos])
        pos += 1

    opening_lines: list[str] = []
    while (
        shaped
        and pos < n
        and not AGENDA_LINE.match(clean(lines[pos]))
        and not (split_item_heading(lines[pos]) and not BULLET.match(lines[pos]))
    ):
        opening_lines.append(lines[pos])
        pos += 1

    agenda: dict[int, str] = {}
    if pos < n and AGENDA_LINE.match(clean(lines[pos])):
        pos += 1
        while pos < n:
            line = tidy_end(lines[pos])
            bullet = BULLET.match(line) if line else None
            entry = split_item_heading(line[bullet.end() :] if bullet else line) if line else None
            if not line:
                pos += 1
                if agenda:
                    break
                continue
            if not entry or not bullet:
                break
            agenda.setdefault(entry[0], entry[1])
            pos += 1

    items: list[ItemSection] = []
    body: list[str] = []
    current: ItemSection | None = None

    def finish() -> None:
        if current is not None:
            current.blocks = _item_blocks(body)
            items.append(current)

    leftover: list[str] = []
    for line in lines[pos:]:
        heading = split_item_heading(line) if not BULLET.match(line) else None
        if heading:
            finish()
            number, section_title = heading
            agenda_title = agenda.get(number, section_title)
            current = ItemSection(
                title=agenda_title,
                heading="" if _same(agenda_title, section_title) else section_title,
            )
            body = []
        elif current is None:
            leftover.append(line)
        else:
            body.append(line)
    finish()

    # Agenda entries with no section of their own still belong on the agenda.
    numbered = {i + 1 for i in range(len(items))}
    for number in sorted(agenda):
        if number not in numbered and number > len(items):
            items.append(ItemSection(title=agenda[number]))

    opening_blocks = [b for b in _item_blocks(opening_lines)]
    if leftover:
        if items:
            opening_blocks.extend(_item_blocks(leftover))
        else:
            items.append(ItemSection(title="Minutes", blocks=_item_blocks(leftover)))

    schedule = parse_schedule("\n".join(schedule_lines))
    opening_text = " ".join(clean(line) for line in opening_lines if clean(line))
    chair, attendance = attendance_from_opening(opening_text)
    organisation, title, subtitle = split_title_lines(title_lines)
    if not title:
        title = Path(source_name).stem.replace("_", " ") if source_name else "Untitled meeting"
    if not any(block for block in opening_blocks) and not items:
        raise UserInputError(f"{source_name or 'The text'} has no minutes in it to import.")
    return MinutesDocument(
        title=title,
        organisation=organisation,
        subtitle=subtitle,
        date=schedule.date,
        start=schedule.start,
        end=schedule.end,
        venue=schedule.venue,
        schedule_text="\n".join(schedule_lines),
        chair=chair,
        document_kind=kind,
        logo=logo,
        opening=opening_blocks,
        attendance=attendance,
        items=items,
        source_name=source_name,
    )


def _same(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return re.sub(r"\s+", " ", s).strip().casefold()

    return fold(a) == fold(b)
