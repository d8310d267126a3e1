"""What every importer needs: reading dates, times and venues, item headings, sub-headings,
action lines and attendance out of the loose text that real minutes are written in.

The rule throughout: recognise what is clearly there, and leave everything else as text.
Nothing here may drop a word; a reader that cannot place a line keeps it as a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from pcc_minutes.core.records import Action, Person

MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ALT = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# "14th August 2025", "11 September 2025", "Thursday 17th October 2013", "August 14, 2025"
DATE_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_ALT})\.?,?\s+"
    rf"(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
DATE_MDY = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
DATE_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})\b")
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s*", re.IGNORECASE)
# "10:30-11.30", "9:30 - 12:30", "14:00 – 17:00", "10:00- 12:00", "2pm to 4pm"
TIME_RANGE = re.compile(
    r"\b(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?\s*(?P<p1>[ap]\.?m\.?)?\s*"
    r"(?:-|–|—|to)\s*"
    r"(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s*(?P<p2>[ap]\.?m\.?)?(?!\d)",
    re.IGNORECASE,
)
VENUE_LABEL = re.compile(r"^\s*(?:venue|location|place)\s*:\s*", re.IGNORECASE)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
VENUE_WORDS = re.compile(
    r"\b(room|house|street|road|hq|headquarters|hall|chamber|centre|center|office|"
    r"command|building|online|teams|zoom)\b",
    re.IGNORECASE,
)
# "Item 2: Police Powers", "Item 2. Firearms", "Item 4(i): Workstream". An item number has
# at most four digits: "Item" and a number of thousands of digits is not a heading (and such
# a number could not even be read as an int).
ITEM_HEADING = re.compile(
    r"^\s*item\s+(?P<number>\d{1,4}(?!\d))(?P<suffix>\s*\([a-z\d]+\)|[a-z]+\)?)?\s*[:.)\-–]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# "1. Welcome", "3 Prioritising data" (a numbered heading, not "3.1 text")
NUMBERED_HEADING = re.compile(r"^\s*(?P<number>\d{1,2})[.)]?\s+(?P<title>[A-Z].*)$")
# "ACTION 3: CS to circulate …", "Action: Panel to …", "Actions - …"
ACTION_LINE = re.compile(
    r"^\s*actions?\s*(?P<ref>\d+[a-z]?)?\s*[:\-–]\s*(?P<text>\S.*)$", re.IGNORECASE
)
DECISION_LINE = re.compile(
    r"^\s*(?:decision|decided|resolved|agreed)\s*[:\-–]\s*(?P<text>\S.*)$", re.IGNORECASE
)
BULLET = re.compile(r"^\s*(?:[·•▪◦●○■□‣⁃]|[-*+](?=\s))\s*")
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to with vs via per & nor up".split()
)
ATTENDANCE_LABEL = re.compile(
    r"^\s*(?P<label>present|attendees|attending|in attendance|members(?: present)?|panel|"
    r"other attendees|officials(?: \([^)]*\))?|observers(?:/presenters)?|presenters|"
    r"secretariat|apologies(?: received)?|also present|[\w ]*(?:board|panel|group) members)"
    r"\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
APOLOGIES = re.compile(r"^\s*apologies", re.IGNORECASE)
CHAIR_MARK = re.compile(r"\((?:the\s+)?chair(?:man|woman|person)?\)|[–-]\s*chair\b", re.IGNORECASE)
KNOWN_ROLES = (
    "Deputy Police and Crime Commissioner",
    "Police and Crime Commissioner",
    "Deputy Chief Constable",
    "Assistant Chief Constable",
    "Chief Constable",
    "Chief Executive",
    "Chief Finance Officer",
    "Detective Chief Superintendent",
    "Chief Superintendent",
    "Superintendent",
    "Chief Inspector",
)


def clean(text: str) -> str:
    """Trim the ends (non-breaking spaces too) and fold runs of spaces inside."""
    return re.sub(r"[ \t\u00a0]{2,}", " ", text.replace("\u00a0 ", "  ")).strip(" \t\u00a0\r\n")


def tidy_end(text: str) -> str:
    """Trim the ends of a line but leave the spacing inside it as written."""
    return text.strip(" \t\u00a0\r\n\u200b")


def _month_number(name: str) -> int:
    name = name.lower()[:3]
    return [m[:3] for m in MONTHS].index(name) + 1


@dataclass(frozen=True)
class DateMatch:
    value: date
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """The first real calendar date written in the text; impossible ones are passed over."""
    candidates = []
    for pattern in (DATE_DMY, DATE_MDY, DATE_NUMERIC):
        for match in pattern.finditer(text):
            candidates.append(match)
    for match in sorted(candidates, key=lambda m: m.start()):
        month = match.group("month")
        try:
            month_number = int(month) if month.isdigit() else _month_number(month)
            value = date(int(match.group("year")), month_number, int(match.group("day")))
        except ValueError:
            continue
        if 1900 <= value.year <= 2200:
            return DateMatch(value, match.start(), match.end())
    return None


def _to_time(hour: str, minute: str | None, suffix: str | None) -> time:
    h, m = int(hour), int(minute or 0)
    if suffix:
        pm = suffix.lower().startswith("p")
        if h == 12:
            h = 12 if pm else 0
        elif pm:
            h += 12
    return time(h, m)


def find_time_range(text: str) -> tuple[time, time, int, int] | None:
    """A start–end time range such as ``10:30-11.30``; ``None`` when there is none."""
    for match in TIME_RANGE.finditer(text):
        has_clock = match.group("m1") or match.group("p1") or match.group("p2")
        if not has_clock:
            continue  # "2023-24", "12–13 staff" are not times
        p1, p2 = match.group("p1"), match.group("p2")
        try:
            start = _to_time(match.group("h1"), match.group("m1"), p1 or p2)
            end = _to_time(match.group("h2"), match.group("m2"), p2)
        except ValueError:
            continue
        return start, end, match.start(), match.end()
    return None


@dataclass
class Schedule:
    date: date | None = None
    start: time | None = None
    end: time | None = None
    venue: str = ""


def parse_schedule(text: str) -> Schedule:
    """Date, times and venue from the one to three lines that say when and where."""
    result = Schedule()
    leftovers: list[str] = []
    for line in text.splitlines():
        line = clean(line)
        if not line:
            continue
        labelled = VENUE_LABEL.match(line)
        if labelled:
            result.venue = result.venue or line[labelled.end() :].strip()
            continue
        found = find_date(line) if result.date is None else None
        if found:
            result.date = found.value
            line = line[: found.start] + " " + line[found.end :]
        # A date-shaped phrase that is not a real date is no part of the venue either.
        line = DATE_DMY.sub(" ", DATE_MDY.sub(" ", line))
        span = find_time_range(line) if result.start is None else None
        if span:
            result.start, result.end = span[0], span[1]
            line = line[: span[2]] + " " + line[span[3] :]
        line = WEEKDAY.sub(" ", line)
        rest = re.sub(r"^[\s,;:–—\-@]+|[\s,;:–—\-]+$", "", line)
        rest = re.sub(r"^(?:at|in)\s+", "", rest)
        if re.search(r"[A-Za-z]{2}", rest):
            leftovers.append(rest)
    if not result.venue and leftovers:
        result.venue = leftovers[0]
    return result


def looks_like_schedule_line(line: str) -> bool:
    line = clean(line)
    if not line or len(line) > 160:
        return False
    return bool(find_date(line) or find_time_range(line) or VENUE_LABEL.match(line))


def looks_like_venue(line: str) -> bool:
    line = clean(line)
    return (
        0 < len(line) <= 120
        and bool(VENUE_LABEL.match(line) or POSTCODE.search(line) or VENUE_WORDS.search(line))
        and not line.endswith(".")
    )


def is_title_case_heading(text: str, *, max_words: int = 10) -> bool:
    """A short line written like a heading: no closing full stop, significant words capitalised.

    ``Sexual Offences Recording:`` and ``Disproportionality in Taser Use`` are headings;
    ``The Chief Constable emphasised that:`` is a sentence that introduces a list.
    """
    text = clean(text)
    if not text or len(text) > 90 or text[-1] in ".!?;,":
        return False
    words = re.findall(r"[^\s/]+", text.rstrip(":"))
    if not words or len(words) > max_words:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    for word in words[1:]:
        bare = word.strip("()‘’'\"“”")
        if not bare or bare.lower() in SMALL_WORDS or not bare[0].isalpha():
            continue
        if not bare[0].isupper():
            return False
    return True


def split_item_heading(line: str) -> tuple[int, str] | None:
    """``Item 2: Police Powers`` → (2, "Police Powers"); anything else → None."""
    match = ITEM_HEADING.match(clean(line))
    if not match or not match.group("title").strip():
        return None
    suffix = (match.group("suffix") or "").strip()
    title = clean(match.group("title"))
    if suffix:  # keep "4(i)" visible: it is part of how the minutes number the item
        title = f"{suffix} {title}" if not title.startswith(suffix) else title
    return int(match.group("number")), title


def parse_action(line: str) -> Action | None:
    """``ACTION 3: SQ to update the Panel …`` → an action with its reference and owner."""
    match = ACTION_LINE.match(clean(line))
    if not match:
        return None
    text = match.group("text").strip()
    owner = ""
    to_match = re.match(r"^(?P<owner>[^.;:]{1,80}?)\s+to\s+\w", text)
    if to_match and len(to_match.group("owner").split()) <= 8:
        owner = to_match.group("owner").strip()
    return Action(text=text, owner=owner, reference=match.group("ref") or "")


def parse_decision(line: str) -> str | None:
    match = DECISION_LINE.match(clean(line))
    return match.group("text").strip() if match else None


def split_names(text: str) -> list[str]:
    """Split ``A (Chair), B (DCLG), C and D`` at commas and semicolons outside brackets."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [clean(part).rstrip(".") for part in parts if clean(part).rstrip(".")]


def attendance_from_line(line: str) -> list[Person] | None:
    """``Panel: A (Chair), B …`` or ``Apologies: …`` → attendance; other lines → None."""
    match = ATTENDANCE_LABEL.match(clean(line))
    if not match:
        return None
    label = clean(match.group("label"))
    names = split_names(match.group("rest"))
    present = not APOLOGIES.match(label)
    return [Person(name=name, group=label, present=present) for name in names]


def split_role(text: str) -> tuple[str, str]:
    """``Chief Constable Andy Prophet`` → ("Andy Prophet", "Chief Constable")."""
    text = clean(text)
    for role in KNOWN_ROLES:
        if text.lower().startswith(role.lower() + " "):
            return text[len(role) :].strip(), role
    return text, ""


def attendance_from_opening(opening: str) -> tuple[str, list[Person]]:
    """The chair and those who joined, as a seed note's opening sentence names them."""
    people: list[Person] = []
    chair = ""
    chaired = re.search(
        r"(?:^|,\s*|\bthe\s+)(?P<role>[A-Z][^,]{3,80}?),\s*(?P<name>[A-Z][\w’'.\-]+"
        r"(?:\s+[A-Z][\w’'.\-]+){1,3}),\s+chaired",
        opening,
    )
    if chaired:
        chair = chaired.group("name")
        people.append(Person(name=chair, role=clean(chaired.group("role")), group="Chair"))
    joined = re.search(
        r"\bjoined by\s+(?P<who>[A-Z][\w’'\-]+(?:\s+(?:and\s+)?[A-Z][\w’'\-]+)*)", opening
    )
    if joined:
        for who in re.split(r",\s*|\s+and\s+", joined.group("who")):
            name, role = split_role(who)
            if name:
                people.append(Person(name=name, role=role))
    return chair, people
