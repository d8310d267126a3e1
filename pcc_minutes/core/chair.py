"""Who chairs a meeting: one fact, the attendance row of the person chairing.

A meeting's attendance list may mark its chair by group ("Chair", as the built-in template
and the seed notes' opening sentence give it) or by role ("Ann Lee, Chair", as imported
minutes often do). Imported minutes that only name a chair, with no attendance, keep that name
in ``Meeting.chair``; it then stands for a row of its own. Every layer asks ``chair_of`` rather
than reading ``Meeting.chair``, so the window, the preview and the exports name the same
person.
"""

from __future__ import annotations

import re
from dataclasses import replace as _replace

from pcc_minutes.core.records import Meeting, Person

CHAIR_GROUP = "Chair"

# A role part that says its holder chaired; "Vice-Chair" and "Deputy Chair" do not.
_CHAIR_ROLE = re.compile(r"(?:the\s+)?chair(?:man|woman|person)?", re.IGNORECASE)
# The last word of a "name" that is an office rather than a person ("Police and Crime
# Commissioner", "Chief Executive"), as templates list people before names are known.
_OFFICES = {
    "adviser",
    "advisor",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "clerk",
    "commissioner",
    "constable",
    "director",
    "executive",
    "head",
    "inspector",
    "lead",
    "leader",
    "manager",
    "mayor",
    "minute-taker",
    "officer",
    "representative",
    "secretary",
    "superintendent",
    "treasurer",
}
# Initials in brackets after a name, as minutes refer to people: "Heather Savory (HS)".
_INITIALS = re.compile(r"\s*\([A-Z][A-Za-z]{0,3}\)$")


def says_chair(role: str) -> bool:
    """Whether a role (or any of its comma-separated parts) is "Chair" or the like."""
    return any(_CHAIR_ROLE.fullmatch(part.strip()) for part in role.split(","))


def is_office(name: str) -> bool:
    """Whether a listed "name" is an office ("Chief Constable") rather than a person."""
    words = name.strip().split()
    return bool(words) and words[-1].casefold().strip(".,") in _OFFICES


def marked_chair(person: Person) -> bool:
    """Whether an attendance row marks its person as the chair, by group or by role."""
    return person.group.strip().casefold() == CHAIR_GROUP.casefold() or says_chair(person.role)


def chair_index(people: tuple[Person, ...] | list[Person], named: str = "") -> int | None:
    """The position of the chair's row: the first marked as chair (one present first), else
    the row of the person ``named`` (``Meeting.chair`` of an imported meeting), else None."""
    marked = [i for i, person in enumerate(people) if marked_chair(person)]
    present = [i for i in marked if people[i].present]
    if present or marked:
        return (present or marked)[0]
    wanted = _INITIALS.sub("", named).strip().casefold()
    if wanted:
        for i, person in enumerate(people):
            if _INITIALS.sub("", person.name).strip().casefold() == wanted:
                return i
    return None


def chair_of(meeting: Meeting) -> Person | None:
    """The person chairing ``meeting``: their attendance row, or (for imported minutes that
    name a chair but list no one) a row made of that name; None when no chair is known."""
    index = chair_index(meeting.attendees, meeting.chair)
    if index is not None:
        return meeting.attendees[index]
    if meeting.chair.strip():
        return Person(meeting.chair.strip(), group=CHAIR_GROUP)
    return None


def chair_name(meeting: Meeting) -> str:
    """The chair's name as the header field and ``show --json`` give it ("" when none)."""
    chair = chair_of(meeting)
    return chair.name if chair else ""


def with_chair(people: list[Person], name: str, named: str = "") -> list[Person]:
    """The attendance list with ``name`` chairing: an attendee of that name becomes the chair
    (the chair's group moves to them; a row marked only by role keeps its role); otherwise the
    chair's row is renamed (it is the person chairing that changed; a row that named an office,
    as templates do, keeps the office as the role); with no chair row yet, a
    new row opens the list. An empty ``name`` leaves no one marked as chair."""
    name = name.strip()
    people = list(people)
    current = chair_index(people, named)
    if not name:
        if current is not None and people[current].group.casefold() == CHAIR_GROUP.casefold():
            people[current] = _replace(people[current], group="")
        return people
    target = next(
        (i for i, p in enumerate(people) if p.name.strip().casefold() == name.casefold()), None
    )
    if target is None:
        if current is None:
            return [Person(name, group=CHAIR_GROUP), *people]
        row = people[current]
        role = row.role
        if is_office(row.name) and (not role.strip() or says_chair(role)):
            role = row.name  # "Police and Crime Commissioner" named: the office is the role
        people[current] = _replace(row, name=name, role=role, present=True)
        return people
    if target == current:
        return people
    if current is not None and people[current].group.casefold() == CHAIR_GROUP.casefold():
        people[current] = _replace(people[current], group="")
    if current is not None and says_chair(people[current].role):
        people[current] = _replace(people[current], role=_without_chair(people[current].role))
    people[target] = _replace(people[target], group=CHAIR_GROUP, present=True)
    return people


def _without_chair(role: str) -> str:
    return ", ".join(p.strip() for p in role.split(",") if not says_chair(p) and p.strip())
