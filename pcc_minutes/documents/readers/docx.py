"""Word (.docx) minutes read into a minutes document.

``read_docx`` walks the document's own XML (through python-docx for the package, styles and
numbering) and recognises what real minutes use: heading styles, Word lists with their nesting
and numbering, bold paragraphs used as headings, "Item 2: …" and "1. Welcome" headings,
attendance tables and "Present:"/"Apologies:" lines, "ACTION n:" and "Decision:" lines, and
tables. Layout tables of one column, content controls, text boxes and hyperlinks are read for
their words. Whatever cannot be recognised stays as plain paragraphs: an unusual document is
imported less neatly, never refused or cut short. Files that are not Word documents at all
are refused with one sentence that says what to do.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import docx

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import Action, Person
from pcc_minutes.documents.readers.source import read_bytes
from pcc_minutes.documents.readers.text import AGENDA_LINE, split_title_lines
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
    drop_leading,
    merge_spans,
    plain_text,
    spans,
)
from pcc_minutes.text.parsing import (
    ATTENDANCE_LABEL,
    BULLET,
    CHAIR_MARK,
    NUMBERED_HEADING,
    attendance_from_line,
    attendance_from_opening,
    clean,
    find_date,
    looks_like_schedule_line,
    looks_like_venue,
    parse_action,
    parse_decision,
    parse_schedule,
    split_item_heading,
    tidy_end,
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, R, T, TBL, TR, TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
TXBX_CONTENT = _w("txbxContent")
ALTERNATE, CHOICE, FALLBACK = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
DOC_PR = f"{{{_WP}}}docPr"
VAL = _w("val")

# An OLE2 compound file: an old binary .doc, or an Office file encrypted with a password.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Core-properties titles that name the template or the program, not the meeting.
GENERIC_TITLE = re.compile(
    r"^(?:|word document|microsoft word document|document\s*\d*|untitled|title)$", re.IGNORECASE
)
# "MINUTES AND ACTIONS", "Meeting note": what kind of record this is, not its title.
KIND_LINE = re.compile(
    r"^(?:draft\s+)?(?:meeting notes?|minutes(?: and actions)?|notes of (?:the )?meeting|"
    r"meeting minutes|action notes?)$",
    re.IGNORECASE,
)
# "Item 6i): …", "Item 4(i): …", "Item 2: …": the label as written, which common's
# split_item_heading does not keep for roman-numeral sub-items.
ITEM_LABEL = re.compile(
    r"^\s*item\s+(?P<label>(?P<number>\d+)(?P<suffix>\s*\([a-z\d]+\)|[a-z]+\)?)?)"
    r"\s*[:.)\-–]?\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# Words that make a bold table cell a group label ("ODUG Attendees", "Guest speaker").
ATTENDANCE_WORD = re.compile(
    r"\b(?:attendees?|attending|attendance|present|members?|officials?|observers?|presenters?|"
    r"presenting|apologies|secretariat|panel|guests?|speakers?|invitees?)\b",
    re.IGNORECASE,
)
STYLE_LIST_DEPTH = re.compile(r"^list(?: bullet| number| continue)?\s*(?P<n>[2-9])$", re.I)
TRAILING_ROLE = re.compile(r"^(?P<name>.*?\S)\s*\((?P<role>[^()]+)\)$")
OWNER_INITIALS = re.compile(r"\((?P<owner>[A-Z][A-Za-z]{1,3}(?:\s*/\s*[A-Z][A-Za-z]{1,3})*)\)\W*$")
CHAIR_WORD = re.compile(r"chair\w*", re.IGNORECASE)
ROLE_CHAIR = re.compile(r"\bchair(?:man|woman|person)?$", re.IGNORECASE)
TRIM = " \t\u00a0\r\n\u200b"


# --- opening the file ----------------------------------------------------------------------


def read_docx(path: Path) -> MinutesDocument:
    """The minutes in a .docx file as a minutes document; bad files give a UserInputError."""
    data = read_bytes(path)
    document = _open(data, path)
    return _Reader(document, path).read()


def _open(data: bytes, path: Path):
    if data.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UserInputError(
                f"{path} is password-protected; open it in Word, remove the password and save "
                "it as .docx, then import that file."
            )
        raise UserInputError(
            f"{path} is an old Word .doc file or a password-protected document; open it in "
            "Word and save it, unprotected, as .docx, then import that file."
        )
    if not data.startswith(b"PK"):
        raise UserInputError(
            f"{path} is not a Word document; save the minutes from Word as .docx and import "
            "that file."
        )
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        # python-docx reports a broken package through zipfile, KeyError, lxml, ValueError and
        # its own PackageNotFoundError; for the user they all mean the same thing, and no
        # traceback may reach them for a bad file.
        raise UserInputError(
            f"{path} is damaged or is not a Word document; open it in Word, save it as .docx "
            "and import that file."
        ) from exc


# --- styles and numbering -------------------------------------------------------------------


def _on(element) -> bool:
    """A toggle property such as <w:b/>: on unless its value says off."""
    return element.get(VAL, "true").lower() not in ("0", "false", "off", "none")


@dataclass
class _Style:
    name: str
    based_on: str | None
    ppr: object | None
    rpr: object | None


class _Styles:
    """The style sheet, looked up by id with inheritance through ``basedOn``."""

    def __init__(self, element) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.defaults_rpr = None
        if element is None:
            return
        defaults = element.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.defaults_rpr = defaults
        for style in element.iter(_w("style")):
            style_id = style.get(_w("styleId"))
            if not style_id:
                continue
            name_el = style.find(_w("name"))
            based = style.find(_w("basedOn"))
            self.by_id[style_id] = _Style(
                name=(name_el.get(VAL, "") if name_el is not None else "").strip().lower(),
                based_on=based.get(VAL) if based is not None else None,
                ppr=style.find(_w("pPr")),
                rpr=style.find(_w("rPr")),
            )
            if style.get(_w("type")) == "paragraph" and _on_default(style):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style_id, style
            style_id = style.based_on

    def run_property(self, style_id: str | None, tag: str) -> bool | None:
        for _, style in self.chain(style_id):
            if style.rpr is not None:
                found = style.rpr.find(_w(tag))
                if found is not None:
                    return _on(found)
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        """0 for the Title style, 1–9 for headings, None for body text."""
        for _, style in self.chain(style_id):
            if style.name == "title":
                return 0
            named = re.fullmatch(r"heading\s*(\d)", style.name)
            if named:
                return int(named.group(1))
            if style.ppr is not None:
                outline = style.ppr.find(_w("outlineLvl"))
                if outline is not None:
                    level = _int(outline.get(VAL), 9)
                    return level + 1 if level < 9 else None
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int | None, str] | None:
        """(numId, ilvl, owning style id) when the paragraph style itself numbers paragraphs."""
        for owner, style in self.chain(style_id):
            if style.ppr is None:
                continue
            num_pr = style.ppr.find(_w("numPr"))
            if num_pr is not None:
                num_id = num_pr.find(_w("numId"))
                ilvl = num_pr.find(_w("ilvl"))
                if num_id is None:
                    return None
                level = _int(ilvl.get(VAL), 0) if ilvl is not None else None
                return num_id.get(VAL, "0"), level, owner
        return None

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else ""


def _on_default(style) -> bool:
    return style.get(_w("default")) in ("1", "true", "on")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Level:
    fmt: str = "bullet"
    start: int = 1
    style: str | None = None


class _Numbering:
    """numId → its levels' number formats and start values, overrides applied."""

    def __init__(self, element, styles: _Styles) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level]]] = {}
        self.styles = styles
        if element is None:
            return
        for abstract in element.iter(_w("abstractNum")):
            levels = {}
            for lvl in abstract.findall(_w("lvl")):
                levels[_int(lvl.get(_w("ilvl")), 0)] = _level(lvl, _Level())
            abstract_id = abstract.get(_w("abstractNumId"), "")
            self.abstract[abstract_id] = levels
            link = abstract.find(_w("numStyleLink"))
            if link is not None:
                self.style_links[abstract_id] = link.get(VAL, "")
        for num in element.iter(_w("num")):
            abstract_el = num.find(_w("abstractNumId"))
            abstract_id = abstract_el.get(VAL, "") if abstract_el is not None else ""
            overrides: dict[int, _Level] = {}
            for override in num.findall(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0)
                start = override.find(_w("startOverride"))
                lvl = override.find(_w("lvl"))
                level = _level(lvl, _Level(fmt="")) if lvl is not None else _Level(fmt="")
                if start is not None:
                    level.start = _int(start.get(VAL), 1)
                else:
                    level.start = level.start if lvl is not None else -1
                overrides[ilvl] = level
            self.nums[num.get(_w("numId"), "")] = (abstract_id, overrides)

    def _levels(self, num_id: str, depth: int = 0) -> dict[int, _Level]:
        abstract_id, _ = self.nums.get(num_id, ("", {}))
        levels = self.abstract.get(abstract_id, {})
        linked = self.style_links.get(abstract_id)
        if linked and depth < 3:
            # A list style: the real definition sits behind the style's own numbering.
            found = self.styles.numbering(linked)
            if found and found[0] != num_id:
                return self._levels(found[0], depth + 1)
        return levels

    def level(self, num_id: str, ilvl: int) -> _Level | None:
        """The level's definition, or None when the numbering is not defined at all."""
        if num_id not in self.nums:
            return None
        base = self._levels(num_id).get(ilvl, _Level())
        override = self.nums[num_id][1].get(ilvl)
        if override is None:
            return base
        return _Level(
            fmt=override.fmt or base.fmt,
            start=override.start if override.start >= 0 else base.start,
            style=base.style,
        )

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        for ilvl, level in self._levels(num_id).items():
            if level.style == style_id:
                return ilvl
        return None


def _level(lvl, level: _Level) -> _Level:
    fmt = lvl.find(_w("numFmt"))
    start = lvl.find(_w("start"))
    style = lvl.find(_w("pStyle"))
    if fmt is not None:
        level.fmt = fmt.get(VAL, "bullet")
    if start is not None:
        level.start = _int(start.get(VAL), 1)
    if style is not None:
        level.style = style.get(VAL)
    return level


# --- the document as a flat run of paragraphs and tables ---------------------------------------


@dataclass
class _ListInfo:
    num_id: str
    depth: int
    ordered: bool
    number: int


@dataclass
class _Para:
    content: Spans
    raw: str  # the text exactly as written, ends and tabs included
    bold: bool  # every run that has text is bold
    heading: int | None  # 0 = Title style, 1–9 heading levels
    list: _ListInfo | None = None
    images: tuple[str, ...] = ()
    indented: bool = False  # indented by the paragraph itself (not by its style)

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass
class _Table:
    rows: list[list[list[_Para]]]
    header_row: bool = False


_Unit = _Para | _Table


@dataclass
class _Section:
    number: int | None
    label: str | None  # the item's number as the minutes write it: "2", "6i)", "4(i)"
    shown: str  # the heading from that number on: "6i): Procurement sub-group"
    title: str
    units: list[_Unit] = field(default_factory=list)


class _Reader:
    def __init__(self, document, path: Path) -> None:
        self.document = document
        self.path = path
        self.source_name = path.name
        part = document.part
        self.styles = _Styles(_safe(lambda: part.styles.element))
        self.numbering = _Numbering(_safe(lambda: part.numbering_part.element), self.styles)
        self.counters: dict[str, list[int]] = {}

    # -- walking the XML --

    def units(self, container) -> list[_Unit]:
        found: list[_Unit] = []
        for child in container:
            tag = child.tag
            if tag == P:
                para, boxes = self.paragraph(child)
                found.append(para)
                for box in boxes:
                    found.extend(self.units(box))
            elif tag == TBL:
                rows = _rows(child)
                if rows and all(len(cells) == 1 for cells in rows):
                    # A one-column table is page layout (a box around the body), not data.
                    for cells in rows:
                        found.extend(self.units(cells[0]))
                else:
                    found.append(self.table(rows))
            elif tag in (SDT, SDT_CONTENT, CUSTOM_XML):
                found.extend(self.units(child))
            elif tag == ALTERNATE:
                found.extend(self.units(_alternate_choice(child)))
        return found

    def table(self, rows) -> _Table:
        table_rows = []
        for cells in rows:
            row = []
            for cell in cells:
                paras: list[_Para] = []
                for unit in self.units(cell):
                    paras.extend(_flatten(unit))
                row.append(paras)
            table_rows.append(row)
        first = rows[0][0].getparent() if rows and rows[0] else None
        header = False
        if first is not None and first.tag == TR:
            tr_pr = first.find(_w("trPr"))
            header = tr_pr is not None and tr_pr.find(_w("tblHeader")) is not None
        return _Table(table_rows, header_row=header)

    def paragraph(self, element) -> tuple[_Para, list]:
        ppr = element.find(_w("pPr"))
        style_id = None
        if ppr is not None:
            style_el = ppr.find(_w("pStyle"))
            style_id = style_el.get(VAL) if style_el is not None else None
        style_id = style_id or self.styles.default_paragraph
        runs: list[Span] = []
        boxes: list = []
        images: list[str] = []
        self._collect(element, style_id, runs, boxes, images)
        raw = "".join(span.text for span in runs)
        content = _trim(runs)
        visible = [span for span in content if span.text.strip(TRIM)]
        bold = bool(visible) and all(span.bold for span in visible)
        para = _Para(
            content=content,
            raw=raw,
            bold=bold,
            heading=self.styles.heading_level(style_id),
            list=self._list_info(ppr, style_id),
            images=tuple(images),
            indented=_indented(ppr) or raw.lstrip(" ").startswith("\t"),
        )
        return para, boxes

    def _collect(self, element, style_id, runs, boxes, images) -> None:
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child, style_id, runs, boxes, images)
            elif tag == ALTERNATE:
                self._collect(_alternate_choice(child), style_id, runs, boxes, images)
            elif tag in (_w("pPr"), _w("rPr"), _w("sdtPr"), _w("sdtEndPr"), _w("moveFrom")):
                # Properties carry no text; moved-from text is repeated where it moved to.
                continue
            elif isinstance(tag, str):
                # Hyperlinks, content controls, fields, smart tags, insertions: their runs
                # are ordinary text of the paragraph.
                self._collect(child, style_id, runs, boxes, images)

    def _run(self, run, style_id, runs, boxes, images) -> None:
        rpr = run.find(_w("rPr"))
        bold = self._format(rpr, style_id, "b")
        italic = self._format(rpr, style_id, "i")
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == T:
                parts.append(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                parts.append("\t")
            elif tag in (_w("br"), _w("cr")):
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
            elif tag in (_w("drawing"), _w("pict"), _w("object"), ALTERNATE):
                _objects(child, boxes, images)
        text = "".join(parts)
        if text:
            runs.append(Span(text, bold, italic))

    def _format(self, rpr, style_id, tag: str) -> bool:
        if rpr is not None:
            direct = rpr.find(_w(tag))
            if direct is not None:
                return _on(direct)
            char_style = rpr.find(_w("rStyle"))
            if char_style is not None:
                value = self.styles.run_property(char_style.get(VAL), tag)
                if value is not None:
                    return value
        value = self.styles.run_property(style_id, tag)
        if value is not None:
            return value
        defaults = self.styles.defaults_rpr
        found = defaults.find(_w(tag)) if defaults is not None else None
        return _on(found) if found is not None else False

    def _list_info(self, ppr, style_id) -> _ListInfo | None:
        num_id, ilvl, extra_depth = None, 0, 0
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_el, ilvl_el = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
            num_id = num_el.get(VAL) if num_el is not None else None
            ilvl = _int(ilvl_el.get(VAL), 0) if ilvl_el is not None else 0
            if num_id is None:
                # Only a level given: the number itself comes from the paragraph style.
                from_style = self.styles.numbering(style_id)
                num_id = from_style[0] if from_style else None
        else:
            from_style = self.styles.numbering(style_id)
            if from_style:
                num_id, style_ilvl, owner = from_style
                linked = self.numbering.level_for_style(num_id, owner)
                ilvl = linked if linked is not None else (style_ilvl or 0)
                # "List Bullet 2" is one level deeper than "List Bullet" by its name alone
                # when each such style has a one-level list of its own (Word's default).
                depth_match = STYLE_LIST_DEPTH.match(self.styles.name(style_id))
                if depth_match and not linked:
                    extra_depth = int(depth_match.group("n")) - 1
        if not num_id or num_id == "0":
            return None
        level = self.numbering.level(num_id, ilvl)
        if level is not None and level.fmt == "none":
            return None  # numbering that prints nothing: an indented paragraph
        counts = self.counters.setdefault(num_id, [0] * 10)
        ilvl = min(max(ilvl, 0), 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        ordered = level is not None and level.fmt not in ("bullet", "")
        start = level.start if level is not None else 1
        return _ListInfo(num_id, ilvl + extra_depth, ordered, start + counts[ilvl] - 1)

    # -- the minutes --

    def read(self) -> MinutesDocument:
        units = self.units(self.document.element.body)
        header = _Header.read(units, self._core_title())
        rest = units[header.end :]
        agenda, agenda_units = _agenda(rest)
        boundaries, rule = _item_boundaries(rest, agenda_units)
        first = boundaries[0] if boundaries else len(rest)
        pre = [u for i, u in enumerate(rest[:first]) if i not in agenda_units]
        attendance, pre = _attendance(pre)

        sections: list[_Section] = []
        for k, start in enumerate(boundaries):
            stop = boundaries[k + 1] if k + 1 < len(boundaries) else len(rest)
            number, label, shown, title = _heading_parts(rest[start], rule)
            body = [
                u for i, u in enumerate(rest[start + 1 : stop], start + 1) if i not in agenda_units
            ]
            sections.append(_Section(number, label, shown, title, body))

        items = [self._item(s, position) for position, s in enumerate(sections, start=1)]
        if not sections and not agenda:
            # No item headings at all: the whole text is the minutes of one item.
            blocks, actions, decisions = _blocks(pre, extract=True)
            opening: list[Block] = []
            if blocks or actions or decisions:
                items = [
                    ItemSection("Minutes", blocks=blocks, actions=actions, decisions=decisions)
                ]
        else:
            opening, _, _ = _blocks(pre, extract=False)
        _apply_agenda(items, sections, agenda)

        chair = _chair(attendance)
        if not attendance:
            opening_text = " ".join(
                plain_text(b.content) for b in opening if isinstance(b, Paragraph)
            )
            chair, attendance = attendance_from_opening(opening_text)
        schedule = parse_schedule("\n".join(header.schedule))
        organisation, title, subtitle = header.title_parts()
        if not title:
            title = Path(self.source_name).stem.replace("_", " ") or "Untitled meeting"
        if not (items or opening or attendance or header.title_lines or header.schedule):
            raise UserInputError(
                f"{self.path} has no text in it to import; check that it is the right file."
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
            chair=chair,
            document_kind=header.kind or "Meeting note",
            logo=header.logo,
            opening=opening,
            attendance=attendance,
            items=items,
            source_name=self.source_name,
        )

    def _core_title(self) -> str:
        title = clean(_safe(lambda: self.document.core_properties.title) or "")
        return "" if GENERIC_TITLE.match(title) else title

    def _item(self, section: _Section, position: int) -> ItemSection:
        blocks, actions, decisions = _blocks(section.units, extract=True)
        heading = ""
        if section.label is not None and section.label != str(position):
            # The minutes number this item differently from its place on our agenda
            # ("6i)", or a gap): writers print our number, so keep theirs in the heading.
            heading = section.shown
        return ItemSection(
            title=section.title,
            heading=heading,
            blocks=blocks,
            actions=actions,
            decisions=decisions,
        )


def _indented(ppr) -> bool:
    """Indented by its own w:ind: minutes indent sub-headings under the item's heading."""
    ind = ppr.find(_w("ind")) if ppr is not None else None
    if ind is None:
        return False
    left = _int(ind.get(_w("left"), ind.get(_w("start"))), 0)
    first_line = _int(ind.get(_w("firstLine")), 0)
    return left > 0 or first_line > 0


def _safe(getter):
    """A part python-docx may not have (no numbering, no core properties): None then."""
    try:
        return getter()
    except (KeyError, AttributeError, NotImplementedError, ValueError):
        return None


def _rows(table) -> list[list]:
    """Rows of cells, looking through content controls and custom XML wrapped around them."""
    return [_children(row, TC) for row in _children(table, TR)]


def _children(element, tag: str) -> list:
    found = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            found.extend(_children(child, tag))
    return found


def _alternate_choice(element):
    """The first mc:Choice of an mc:AlternateContent (its mc:Fallback repeats the same text)."""
    choice = element.find(CHOICE)
    if choice is None:
        choice = element.find(FALLBACK)
    return choice if choice is not None else []


def _objects(element, boxes: list, images: list[str]) -> None:
    """Text boxes and picture descriptions inside a drawing, once each."""
    for child in element:
        tag = child.tag
        if tag == TXBX_CONTENT:
            boxes.append(child)
        elif tag == DOC_PR:
            alt = clean(child.get("descr") or child.get("title") or "")
            if alt:
                images.append(alt)
        elif tag == FALLBACK and element.find(CHOICE) is not None:
            continue
        elif isinstance(tag, str):
            _objects(child, boxes, images)


def _flatten(unit: _Unit) -> list[_Para]:
    if isinstance(unit, _Para):
        return [unit]
    return [para for row in unit.rows for cell in row for para in cell]


def _trim(runs: list[Span]) -> Spans:
    """Spans without the whitespace at the paragraph's ends; tabs inside become spaces."""
    merged = list(merge_spans([Span(s.text.replace("\t", " "), s.bold, s.italic) for s in runs]))
    while merged and not merged[0].text.lstrip(TRIM):
        merged.pop(0)
    while merged and not merged[-1].text.rstrip(TRIM):
        merged.pop()
    if merged:
        first = merged[0]
        merged[0] = Span(first.text.lstrip(TRIM), first.bold, first.italic)
        last = merged[-1]
        merged[-1] = Span(last.text.rstrip(TRIM), last.bold, last.italic)
    return tuple(merged)


def _drop_prefix(content: Spans, count: int) -> Spans:
    """The spans without their first ``count`` characters (a typed bullet)."""
    return _trim(list(drop_leading(content, count)))


# --- title, date, time and venue ------------------------------------------------------------


@dataclass
class _Header:
    title_lines: list[tuple[str, bool]]  # (text, styled as Title/heading)
    schedule: list[str]
    kind: str
    logo: Image | None
    core_title: str
    end: int

    @classmethod
    def read(cls, units: list[_Unit], core_title: str) -> _Header:
        top: list[int] = []  # indexes of the first non-blank paragraphs
        logo = None
        for index, unit in enumerate(units):
            if isinstance(unit, _Table) or unit.list is not None or len(top) >= 8:
                break
            if unit.text:
                top.append(index)
            elif unit.images and not top and logo is None:
                logo = Image(alt=unit.images[0], source="logo")

        def text(k: int) -> str:
            return units[top[k]].text

        start = None
        for k in range(min(len(top), 6)):
            line = text(k)
            venue_first = (
                looks_like_venue(line)
                and k + 1 < len(top)
                and looks_like_schedule_line(text(k + 1))
                and attendance_from_line(line) is None
            )
            if looks_like_schedule_line(line) or venue_first:
                start = k
                break
            if not _titleish(units[top[k]]):
                break
        title_lines: list[tuple[str, bool]] = []
        schedule: list[str] = []
        kind = ""
        end_k = -1
        if start is not None:
            for k in range(start):
                line = _one_line(text(k))
                if KIND_LINE.match(line) and not kind:
                    kind = line
                else:
                    title_lines.append((line, units[top[k]].heading is not None))
            end_k = start - 1
            k = start
            while k < len(top) and len(schedule) < 4:
                line = text(k)
                if KIND_LINE.match(clean(line)) and not kind:
                    kind = clean(line)
                elif (
                    attendance_from_line(line) is None
                    and parse_action(line) is None
                    and (looks_like_schedule_line(line) or looks_like_venue(line))
                ):
                    schedule.append(tidy_end(line))
                else:
                    break
                end_k = k
                k += 1
        else:
            # No date line near the top: only a Title-styled line, or the first line
            # standing out as a heading, names the meeting.
            for k in range(len(top)):
                if units[top[k]].heading != 0:
                    break
                title_lines.append((_one_line(text(k)), True))
                end_k = k
            if not title_lines and not core_title and top:
                first = units[top[0]]
                if _titleish(first) and (first.bold or first.heading is not None):
                    title_lines.append((_one_line(first.text), True))
                    end_k = 0
        if end_k + 1 < len(top) and not kind and KIND_LINE.match(clean(text(end_k + 1))):
            kind = clean(text(end_k + 1))
            end_k += 1
        end = top[end_k] + 1 if end_k >= 0 else 0
        return cls(title_lines, schedule, kind, logo, core_title, end)

    def title_parts(self) -> tuple[str, str, str]:
        lines = [line for line, _ in self.title_lines]
        styled = [i for i, (_, is_styled) in enumerate(self.title_lines) if is_styled]
        if styled and len(styled) < len(lines):
            at = styled[0]
            organisation = " ".join(lines[:at])
            title, subtitle = lines[at], "\n".join(lines[at + 1 :])
        else:
            organisation, title, subtitle = split_title_lines(lines)
        if self.core_title:
            if title and _fold(title) != _fold(self.core_title):
                # The visible title line differs from the file's title: keep its words.
                subtitle = "\n".join(part for part in (title, subtitle) if part)
            title = self.core_title
        return organisation, title, subtitle


def _titleish(para: _Para) -> bool:
    line = clean(para.text)
    return (
        0 < len(line) <= 150
        and para.list is None
        and attendance_from_line(line) is None
        and split_item_heading(line) is None
        and parse_action(line) is None
        and not AGENDA_LINE.match(line)
        and not (line.endswith(".") and not para.bold and para.heading is None)
    )


def _one_line(text: str) -> str:
    """A heading or title on one line: line breaks inside it become spaces."""
    return clean(re.sub(r"\s*\n\s*", " ", text))


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


# --- agenda -----------------------------------------------------------------------------------


def _agenda(units: list[_Unit]) -> tuple[dict[int, str], set[int]]:
    """An "Agenda:" line followed by "Item 1: …" entries (as our own exports write it)."""
    for index, unit in enumerate(units[:40]):
        if not isinstance(unit, _Para) or not AGENDA_LINE.match(clean(unit.text)):
            continue
        agenda: dict[int, str] = {}
        used = {index}
        previous = 0
        for k in range(index + 1, len(units)):
            entry = units[k]
            if isinstance(entry, _Table):
                break
            if not entry.text:
                if agenda:
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
            agenda.setdefault(parsed[0], title or parsed[1])
            previous = parsed[0]
            used.add(k)
        if agenda:
            return agenda, used
        return {}, set()
    return {}, set()


def _apply_agenda(
    items: list[ItemSection], sections: list[_Section], agenda: dict[int, str]
) -> None:
    if not agenda:
        return
    numbered = {}
    for position, (item, section) in enumerate(zip(items, sections, strict=False), start=1):
        number = section.number if section.number is not None else position
        numbered[number] = item
        title = agenda.get(number)
        if title and _fold(title) != _fold(item.title):
            item.heading = item.heading or item.title
            item.title = title
    for number in sorted(agenda):
        if number not in numbered and number > len(items):
            items.append(ItemSection(title=agenda[number]))


# --- where the items begin --------------------------------------------------------------------


def _other_label(para: _Para) -> bool:
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


def _short(line: str, chars: int = 120, words: int = 15) -> bool:
    return 0 < len(line) <= chars and len(line.split()) <= words


def _item_boundaries(units: list[_Unit], skip: set[int]) -> tuple[list[int], str]:
    """Indexes of the item headings, found by the first rule that applies, and the rule."""
    paras = [
        (i, u)
        for i, u in enumerate(units)
        if isinstance(u, _Para) and u.text and i not in skip and not _other_label(u)
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
                u.bold
                or u.heading is not None
                or (_short(line, 120, 30) and not line.endswith("."))
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
        if not (u.bold and _short(line)) or line.endswith("."):
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
            and _short(line, 100, 14)
            and not line.endswith((".", ":", ";", ","))
            and not u.indented
            and not BULLET.match(u.raw)
            and find_date(line) is None
        ):
            bold.append(i)
    return bold, "bold"


def _heading_parts(para: _Para, rule: str) -> tuple[int | None, str | None, str, str]:
    """(number, number as written, heading from the number on, title) of an item heading."""
    line = _one_line(para.text)
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


# --- attendance ---------------------------------------------------------------------------------


def _attendance(units: list[_Unit]) -> tuple[list[Person], list[_Unit]]:
    """People named before the first item, and the units that were not about them."""
    people: list[Person] = []
    remaining: list[_Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if isinstance(unit, _Table):
            found = _attendance_table(unit)
            if found is None:
                remaining.append(unit)
            else:
                people.extend(found)
            continue
        line = clean(unit.text)
        listed = attendance_from_line(line) if line else None
        if listed:
            people.extend(_person(a.name, a.group, a.present) for a in listed)
            continue
        label = _paragraph_label(unit)
        if label is None:
            remaining.append(unit)
            continue
        group, present = label
        names: list[_Para] = []
        while index < len(units):
            follower = units[index]
            if isinstance(follower, _Table):
                break
            if not follower.text:
                if names:
                    break
                index += 1
                continue
            if not _name_line(follower):
                break
            names.append(follower)
            index += 1
        if not names:
            remaining.append(unit)  # a label with nobody under it stays as written
            continue
        for para in names:
            name, role = _bold_name(para)
            people.append(_person(name, group, present, role))
    return people, remaining


def _paragraph_label(para: _Para) -> tuple[str, bool] | None:
    """``Attendees`` (bold) or ``Apologies:`` on a line of its own: (group, present)."""
    line = clean(para.text)
    if not line or not _short(line, 60, 6):
        return None
    if not (line.endswith(":") or para.bold or para.heading is not None):
        return None
    match = ATTENDANCE_LABEL.match(line if line.endswith(":") else line + ":")
    if not match or match.group("rest").strip():
        return None
    group = clean(match.group("label"))
    return group, not group.lower().startswith("apolog")


def _name_line(para: _Para) -> bool:
    line = clean(para.text)
    return (
        _short(line, 150, 20)
        and para.heading is None
        and not para.bold
        and _paragraph_label(para) is None
        and not (line.endswith(".") and len(line.split()) > 8)
    )


def _bold_name(para: _Para) -> tuple[str, str]:
    """A bold name followed by a plain role in one paragraph → (name, role)."""
    content = [span for span in para.content if span.text.strip(TRIM)]
    if content and content[0].bold and not all(span.bold for span in content):
        lead = []
        for span in para.content:
            if not span.bold and span.text.strip(TRIM):
                break
            lead.append(span.text)
        name = clean("".join(lead))
        role = clean(para.text[len("".join(lead)) :]).lstrip(",–- ").strip()
        return name, role
    return clean(para.text), ""


def _attendance_table(table: _Table) -> list[Person] | None:
    """Attendance from a table of bold group labels with names under them, else None."""
    columns = max((len(row) for row in table.rows), default=0)
    if columns == 0 or columns > 3:
        return None
    has_label = False
    for row in table.rows:
        for cell in row:
            for para in cell:
                line = clean(para.text)
                if len(line) > 150:
                    return None
                if _table_label(para) and ATTENDANCE_WORD.search(line):
                    has_label = True
    if not has_label:
        return None
    first_label = None
    for cell in table.rows[0]:
        labels = [p for p in cell if p.text and _table_label(p)]
        if labels:
            first_label = clean(labels[0].text).rstrip(":").strip()
            break
    people: list[Person] = []
    for column in range(columns):
        group = first_label or ""
        for row in table.rows:
            if column >= len(row):
                continue
            paras = [p for p in row[column] if p.text]
            names: list[_Para] = []
            for para in paras:
                if _table_label(para):
                    people.extend(_cell_people(names, group))
                    names = []
                    group = clean(para.text).rstrip(":").strip()
                else:
                    names.append(para)
            people.extend(_cell_people(names, group))
    return people


def _table_label(para: _Para) -> bool:
    line = clean(para.text)
    return (
        para.bold
        and _short(line, 60, 6)
        and (bool(ATTENDANCE_WORD.search(line)) or line.endswith(":"))
    )


def _cell_people(paras: list[_Para], group: str) -> list[Person]:
    present = not group.lower().startswith("apolog")
    if not paras:
        return []
    if len(paras) == 2:
        # A name and, below it, the role or organisation ("Bob Barr (BB)" / "University").
        name, role = _bold_name(paras[0])
        role = ", ".join(part for part in (role, clean(paras[1].text)) if part)
        return [_person(name, group, present, role)]
    people = []
    for para in paras:
        name, role = _bold_name(para)
        people.append(_person(name, group, present, role))
    return people


def _person(text: str, group: str, present: bool, role: str = "") -> Person:
    """One attendee: the chair mark and a trailing role taken out of the name."""
    name = clean(text)
    roles: list[str] = []
    chair = CHAIR_MARK.search(name)
    if chair:
        stripped = clean(name[: chair.start()] + " " + name[chair.end() :]).strip(" ,–-")
        if stripped:
            roles.append(CHAIR_WORD.search(chair.group(0)).group(0))
            name = stripped
    if "," in name and not roles and not role:
        head, _, tail = _split_outside_brackets(name)
        if tail:
            name, roles = head, [tail]
    trailing = TRAILING_ROLE.match(name)
    if trailing and _is_role(trailing.group("role")):
        name = clean(trailing.group("name"))
        roles.append(clean(trailing.group("role")))
    if role:
        roles.append(role)
    return Person(name=name, role=", ".join(roles), group=group, present=present)


def _is_role(text: str) -> bool:
    """A bracketed role such as "(Bank of England)"; not initials "(JTe)" or an acronym "(DCLG)"."""
    text = text.strip()
    return " " in text or (len(text) > 5 and any(char.islower() for char in text))


def _split_outside_brackets(text: str) -> tuple[str, str, str]:
    depth = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char == "," and depth == 0:
            return clean(text[:index]), ",", clean(text[index + 1 :])
    return text, "", ""


def _chair(people: list[Person]) -> str:
    for person in people:
        if person.present and any(
            ROLE_CHAIR.search(part.strip()) for part in person.role.split(",")
        ):
            # The chair by name; initials in brackets are how the minutes refer to them.
            return re.sub(r"\s*\([A-Z][A-Za-z]{0,3}\)$", "", person.name)
    return ""


# --- item content ------------------------------------------------------------------------------


@dataclass
class _Entry:
    depth: int
    ordered: bool
    number: int
    list_id: str
    content: Spans


def _blocks(units: list[_Unit], *, extract: bool) -> tuple[list[Block], list[Action], list[str]]:
    """Blocks of an item (or of the opening); with ``extract`` actions and decisions too."""
    blocks: list[Block] = []
    actions: list[Action] = []
    decisions: list[str] = []
    pending: list[_Entry] = []

    def flush() -> None:
        blocks.extend(_lists(pending))
        pending.clear()

    for unit in units:
        if isinstance(unit, _Table):
            flush()
            table = _table_block(unit)
            if table is not None:
                blocks.append(table)
            continue
        if not unit.text:
            continue  # blank paragraphs are spacing, also between the bullets of one list
        line = clean(unit.text)
        if extract:
            action = _action(line)
            if action:
                actions.append(action)
                continue
            decision = parse_decision(line)
            if decision is not None:
                decisions.append(decision)
                continue
        if unit.heading is not None:
            flush()
            blocks.append(Heading(3, spans(_one_line(line))))
            continue
        if unit.list is not None:
            info = unit.list
            pending.append(_Entry(info.depth, info.ordered, info.number, info.num_id, unit.content))
            continue
        bullet = BULLET.match(unit.text)
        if bullet:
            pending.append(_Entry(0, False, 1, "typed", _drop_prefix(unit.content, bullet.end())))
            continue
        flush()
        if _subheading(unit):
            blocks.append(Heading(3, spans(_one_line(line))))
        else:
            blocks.append(Paragraph(unit.content))
    flush()
    return blocks, actions, decisions


def _action(line: str) -> Action | None:
    """An action line; "… (CS)" at its end names the owner by initials, as minutes do."""
    action = parse_action(line)
    if action is not None:
        owner = OWNER_INITIALS.search(action.text)
        if owner:
            action = replace(action, owner=owner.group("owner"))
    return action


def _subheading(para: _Para) -> bool:
    line = clean(para.text)
    return (
        para.bold
        and _short(line, 120, 15)
        and not line.endswith((".", ";", ","))
        and find_date(line) is None
    )


@dataclass
class _ListLevel:
    depth: int
    ordered: bool
    start: int
    items: list[list] = field(default_factory=list)  # [content, [sub-levels]]


def _lists(entries: list[_Entry]) -> list[BulletList]:
    """Consecutive list paragraphs as lists, nested by level; a new list where kinds change."""
    runs: list[list[_Entry]] = []
    for entry in entries:
        if runs:
            root = runs[-1][0]
            if entry.depth <= root.depth and (
                entry.ordered != root.ordered or (entry.ordered and entry.list_id != root.list_id)
            ):
                runs.append([entry])
                continue
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return [_nest(run) for run in runs]


def _nest(run: list[_Entry]) -> BulletList:
    root = _ListLevel(run[0].depth, run[0].ordered, run[0].number)
    stack = [root]
    for entry in run:
        while len(stack) > 1 and entry.depth < stack[-1].depth:
            stack.pop()
        current = stack[-1]
        if entry.depth > current.depth and current.items:
            sub = _ListLevel(entry.depth, entry.ordered, entry.number)
            current.items[-1][1].append(sub)
            stack.append(sub)
            current = sub
        current.items.append([entry.content, []])
    return _freeze(root)


def _freeze(level: _ListLevel) -> BulletList:
    items = tuple(
        ListItem(content, tuple(_freeze(sub) for sub in subs)) for content, subs in level.items
    )
    return BulletList(items, ordered=level.ordered, start=level.start if level.ordered else 1)


def _table_block(table: _Table) -> Table | None:
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            content: list[Span] = []
            for para in cell:
                if not para.text:
                    continue
                if content:
                    content.append(Span("\n"))
                content.extend(para.content)
            cells.append(merge_spans(content))
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    width = max(len(row) for row in rows)
    rows = [tuple(row) + ((),) * (width - len(row)) for row in rows]
    first = [para for cell in table.rows[0] for para in cell if para.text]
    header = table.header_row or (bool(first) and all(para.bold for para in first))
    return Table(tuple(rows), header=header)
