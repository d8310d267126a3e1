"""The opening paragraph of a meeting note: written from the attendance until the user edits it.

A published note opens with one sentence saying when the meeting was, who chaired it and who
joined them (the seed notes: "On <date>, the <chair's role>, <chair's name>, chaired the
<meeting>, joined by <role> <name>."). ``Meeting.opening`` empty means "write it from the
meeting"; once the user types their own, their text is kept. ``opening_of`` is the one rule the
window, the preview and every export use. The generated text is Markdown, as an edited one is.
"""

from __future__ import annotations

import re
from datetime import date

from pcc_minutes.core.chair import chair_of, is_office, says_chair
from pcc_minutes.core.formatting import format_date
from pcc_minutes.core.records import Meeting, Person

# More people than this are not named one by one in the sentence: the attendance list below
# the opening names them.
MOST_NAMED = 6

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>])")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def is_generated(meeting: Meeting) -> bool:
    """Whether the meeting's opening is written from its attendance (the user has not edited
    it)."""
    return not meeting.opening.strip()


def opening_of(meeting: Meeting) -> str:
    """The opening paragraph as the minutes print it (Markdown): the user's, else generated."""
    return meeting.opening if not is_generated(meeting) else generated_opening(meeting)


def generated_opening(meeting: Meeting) -> str:
    """The opening sentence(s) written from the date, chair, attendees and organisation."""
    chair = chair_of(meeting)
    if chair is not None and not chair.present:
        chair = None  # a chair who sent apologies chaired nothing: named with the apologies
    others = [p for p in meeting.attendees if p.present and not _same(p, chair)]
    apologies = [p for p in meeting.attendees if not p.present and not _same(p, chair)]
    title = _meeting_name(meeting.title)
    when = f"On {format_date(meeting.date)}, " if meeting.date else ""
    if chair is not None:
        sentence = f"{when}{_chair_phrase(chair)} chaired {title}"
        if others:
            sentence += f", joined by {_people(others, 'others')}"
    elif others:
        sentence = f"{when}{title} was attended by {_people(others, 'people')}"
    elif meeting.organisation.strip():
        sentence = f"{when}{_the(meeting.organisation.strip())} held {title}"
    else:
        sentence = f"{when}{title} was held"
    sentences = [_sentence(sentence)]
    if apologies:
        sentences.append(f"Apologies were received from {_people(apologies, 'people')}.")
    return " ".join(sentences) + "\n"


def replace_date(text: str, old: date | None, new: str) -> str:
    """``text`` with every mention of the date ``old`` ("11 September 2025", "11th September
    2025", "Thursday 11 September 2025", "September 11, 2025", "11/09/2025", "2025-09-11")
    replaced by ``new``: how an edited opening follows its meeting to the next date."""
    if old is None or not text:
        return text
    day = rf"0?{old.day}(?:st|nd|rd|th)?"
    month = rf"{old:%b}[a-z]*\.?"  # "September", "Sept.", "Sep"
    weekday = rf"(?:(?:{_WEEKDAYS}),?\s+)?"
    patterns = [
        rf"\b{weekday}{day}\s+{month}\s+{old.year}\b",
        rf"\b{weekday}{month}\s+{day},?\s+{old.year}\b",
        rf"\b0?{old.day}/0?{old.month}/{old.year}\b",
        rf"\b{old.isoformat()}\b",
    ]
    for pattern in patterns:
        text = re.sub(pattern, lambda _match: new, text, flags=re.IGNORECASE)
    return text


def carried_opening(meeting: Meeting, on: date | str) -> str:
    """The opening the next meeting (on ``on``, or a placeholder such as "{date}") starts
    with: "" (generated again) when this one's was generated or says no more than the
    generated text, else the user's text with this meeting's date changed to the new one."""
    if is_generated(meeting) or _flat(meeting.opening) == _flat(generated_opening(meeting)):
        return ""
    return replace_date(
        meeting.opening, meeting.date, on if isinstance(on, str) else format_date(on)
    )


def opening_doubts(meeting: Meeting) -> str:
    """What an edited opening may have got wrong since the attendance changed (a carried one
    names last month's people): "It does not name Ann Lee; it names Bo Ng, who sent
    apologies." — or "" when nothing looks amiss (or the opening is generated)."""
    if is_generated(meeting):
        return ""
    text = _flat(meeting.opening).replace("\\", "")
    folded = text.casefold()
    people = [p for p in meeting.attendees if p.name.strip()]
    named = [p for p in people if p.name.strip().casefold() in folded]
    if not named:
        return ""  # an opening that names no one ("The chair welcomed members") is no list
    doubts = []
    present = [p for p in people if p.present]
    missing = [p.name.strip() for p in present if p not in named and not is_office(p.name)]
    if missing and len(present) <= MOST_NAMED + 1:
        doubts.append(f"it does not name {_and(missing)}")
    sentences = re.split(r"(?<=[.!?])\s+", text)
    absent = [
        p.name.strip()
        for p in named
        if not p.present
        and any(
            p.name.strip().casefold() in s.casefold() and "apolog" not in s.casefold()
            for s in sentences
        )
    ]
    if absent:
        who = "who sent apologies" if len(absent) == 1 else "who all sent apologies"
        doubts.append(f"it names {_and(absent)}, {who}")
    if not doubts:
        return ""
    text = "; ".join(doubts) + "."
    return text[:1].upper() + text[1:]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- the sentence's parts ----------------------------------------------------------------


def _same(person: Person, chair: Person | None) -> bool:
    return chair is not None and person.name.strip().casefold() == chair.name.strip().casefold()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _md(text: str) -> str:
    """Plain words as Markdown: the characters Markdown would read as marks are escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(text.split()))


def _the(text: str) -> str:
    """ "the X", without doubling a "The" the text already starts with."""
    if text[:4].casefold() == "the ":
        text = text[4:]
    return f"the {_md(text)}"


def _meeting_name(title: str) -> str:
    return _the(title.strip()) if title.strip() else "the meeting"


def _title_like(role: str) -> bool:
    """A short role written before the name, as a title: "Chief Constable Andy Prophet"."""
    words = role.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and "," not in role


def _chair_phrase(chair: Person) -> str:
    name, role = chair.name.strip(), chair.role.strip()
    if is_office(name):
        return _the(name)
    if not role or says_chair(role) or role.casefold() == name.casefold():
        return _md(name)
    return f"{_the(role)}, {_md(name)},"


def _person_phrase(person: Person) -> str:
    name, role = person.name.strip(), person.role.strip()
    if says_chair(role):
        role = ""
    if is_office(name):
        extra = role and role.casefold() != name.casefold()
        return _the(name) + (f" ({_md(role)})" if extra else "")
    if not role or role.casefold() in name.casefold():
        return _md(name)
    if _title_like(role):
        return f"{_md(role)} {_md(name)}"
    return f"{_md(name)} ({_md(role)})"


def _people(people: list[Person], many: str) -> str:
    """ "A", "A and B", "A, B and C"; past ``MOST_NAMED``, "the 9 others listed below"."""
    if len(people) > MOST_NAMED:
        return f"the {len(people)} {many} listed below"
    phrases = [_person_phrase(p) for p in people]
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _sentence(text: str) -> str:
    text = text.rstrip(",")
    return text[:1].upper() + text[1:] + "."
