"""Who attended: attendance tables, "Present:"/"Apologies:" lines and labelled name lists.

Minutes list attendance in three ways, all read here from the units before the first item:
a line naming people after its label ("Present: Ann Lee, Bob Barr"); a label on a line of its
own ("Attendees", bold, or "Apologies:") with one name per line under it; or a table of bold
group labels ("ODUG Attendees", "Guest speaker") with names under them, in up to three
columns. A label with nobody under it, and any table that is not attendance, stays in the
opening as written. Names keep their roles apart ("Ann Lee (Chair)", a bold name followed by a
plain role, a second line under a name in a cell); bracketed initials such as "(JTe)" are
how the minutes refer to a person later, so they stay part of the name.
"""

from __future__ import annotations

import re

from pcc_minutes.core.records import Person
from pcc_minutes.documents.readers.docx.units import TRIM, Para, TableUnit, Unit, short
from pcc_minutes.text.parsing import (
    ATTENDANCE_LABEL,
    CHAIR_MARK,
    attendance_from_line,
    clean,
)

# Words that make a bold table cell a group label ("ODUG Attendees", "Guest speaker").
ATTENDANCE_WORD = re.compile(
    r"\b(?:attendees?|attending|attendance|present|members?|officials?|observers?|presenters?|"
    r"presenting|apologies|secretariat|panel|guests?|speakers?|invitees?)\b",
    re.IGNORECASE,
)
TRAILING_ROLE = re.compile(r"^(?P<name>.*?\S)\s*\((?P<role>[^()]+)\)$")
CHAIR_WORD = re.compile(r"chair\w*", re.IGNORECASE)
ROLE_CHAIR = re.compile(r"\bchair(?:man|woman|person)?$", re.IGNORECASE)


def attendance(units: list[Unit]) -> tuple[list[Person], list[Unit]]:
    """People named before the first item, and the units that were not about them."""
    people: list[Person] = []
    remaining: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if isinstance(unit, TableUnit):
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
        names: list[Para] = []
        while index < len(units):
            follower = units[index]
            if isinstance(follower, TableUnit):
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


def chair(people: list[Person]) -> str:
    """The name of the person present whose role says they chaired, or ""."""
    for person in people:
        if person.present and any(
            ROLE_CHAIR.search(part.strip()) for part in person.role.split(",")
        ):
            # The chair by name; initials in brackets are how the minutes refer to them.
            return re.sub(r"\s*\([A-Z][A-Za-z]{0,3}\)$", "", person.name)
    return ""


def _paragraph_label(para: Para) -> tuple[str, bool] | None:
    """``Attendees`` (bold) or ``Apologies:`` on a line of its own: (group, present)."""
    line = clean(para.text)
    if not line or not short(line, 60, 6):
        return None
    if not (line.endswith(":") or para.bold or para.heading is not None):
        return None
    match = ATTENDANCE_LABEL.match(line if line.endswith(":") else line + ":")
    if not match or match.group("rest").strip():
        return None
    group = clean(match.group("label"))
    return group, not group.lower().startswith("apolog")


def _name_line(para: Para) -> bool:
    line = clean(para.text)
    return (
        short(line, 150, 20)
        and para.heading is None
        and not para.bold
        and _paragraph_label(para) is None
        and not (line.endswith(".") and len(line.split()) > 8)
    )


def _bold_name(para: Para) -> tuple[str, str]:
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


def _attendance_table(table: TableUnit) -> list[Person] | None:
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
            names: list[Para] = []
            for para in paras:
                if _table_label(para):
                    people.extend(_cell_people(names, group))
                    names = []
                    group = clean(para.text).rstrip(":").strip()
                else:
                    names.append(para)
            people.extend(_cell_people(names, group))
    return people


def _table_label(para: Para) -> bool:
    line = clean(para.text)
    return (
        para.bold
        and short(line, 60, 6)
        and (bool(ATTENDANCE_WORD.search(line)) or line.endswith(":"))
    )


def _cell_people(paras: list[Para], group: str) -> list[Person]:
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
    chair_mark = CHAIR_MARK.search(name)
    if chair_mark:
        stripped = clean(name[: chair_mark.start()] + " " + name[chair_mark.end() :]).strip(" ,–-")
        if stripped:
            roles.append(CHAIR_WORD.search(chair_mark.group(0)).group(0))
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
