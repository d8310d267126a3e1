"""Reading what a minute-taker types into the quick-capture forms, and guessing from a
sentence of the notes: an action's owner and due date, a figure's values, periods and target.

Plain functions on plain text (the window takes Markdown off first), so they are read and
tested without a window. Decisions worth knowing:

- A month without a day ("by September 2025") is taken as the **last** day of that month:
  a commitment "by September" is kept if it is met on 30 September.
- Values are separated by an arrow (``->``, ``→``, ``=>``), a semicolon, or a comma that is
  not a thousands separator: "80 -> 92-93", "80, 92~93" and "1,200 → 800" all read as two
  values. A dash or "to" between two numbers makes a range; ``~``, "approx" or "c." before a
  value, or ``~`` between two numbers ("92~93"), makes it approximate; "over", "under",
  "at least", "at most" (or ``>``, ``<``, ``>=``, ``<=``) before it make it a bound.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.formatting import format_number
from pcc_minutes.core.records import BOUND_WORDS, FigurePoint
from pcc_minutes.text.parsing import ACTION_LINE, KNOWN_ROLES, MONTHS, find_date, parse_action

# --- guessing an action's owner and due date ----------------------------------------------

# Short forms people type in live notes, with the role they stand for.
_ROLE_ABBREVIATIONS = {
    "PCC": "Police and Crime Commissioner",
    "DPCC": "Deputy Police and Crime Commissioner",
    "CC": "Chief Constable",
    "DCC": "Deputy Chief Constable",
    "ACC": "Assistant Chief Constable",
    "CFO": "Chief Finance Officer",
    "CEO": "Chief Executive",
    "OPCC": "OPCC",
}
# Longest first, so that "Deputy Chief Constable" is not read as "Chief Constable".
_ROLE_NAMES = sorted({*KNOWN_ROLES, "Commissioner"}, key=len, reverse=True)
_ROLE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(name) for name in _ROLE_NAMES)
    + r"|(?i:the\s+force))\b|\b(?:"
    + "|".join(_ROLE_ABBREVIATIONS)
    + r")\b"
)
# Whoever is asked to do something owns it ("the Commissioner asked the Chief Constable to").
_ASKED_BEFORE = re.compile(r"(?i)\b(?:asked|requested|invited|tasked|for)\s+(?:the\s+)?$")
_COMMITS_AFTER = re.compile(
    r"(?i)^\s+(?:to|will|would|agreed|undertook|committed|is\s+to|has\s+agreed|offered)\b"
)
# Words that show the text before "to" is a clause, not a name: "The force is expected to".
_NOT_IN_OWNER = frozenset(
    "is are was were be been being has have had will would should could can may might must "
    "agreed asked expected needs need going due continue continues plans plan aims wants "
    "wishes able likely intends committed undertook requested invited encouraged required "
    "decided it there this that we they".split()
)

_JOINING_WORDS = frozenset("the of and for & in on".split())

_MONTH_NAMES = "|".join(MONTHS + [m[:3] for m in MONTHS] + ["sept"])
_MONTH_YEAR = re.compile(rf"(?i)\b(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<year>(?:19|20)\d{{2}})\b")


def _plain(sentence: str) -> str:
    return " ".join(sentence.split())


def _role_owner(match: re.Match[str]) -> str:
    found = match.group(0)
    if found in _ROLE_ABBREVIATIONS:
        return _ROLE_ABBREVIATIONS[found]
    # The force's commitments are the Chief Constable's to answer for at this meeting: an
    # action owned by "the force" is owned by no one who can be asked about it.
    return "Chief Constable" if found.lower().startswith("the") else found


def _looks_like_a_name(words_before_to: str) -> bool:
    """ "The Chief Constable", "Head of Performance", "the force", "Finance team" — not a
    clause such as "The force expects all 10 districts"."""
    words = words_before_to.split()
    if len(words) > 6 or any(any(c.isdigit() for c in w) for w in words):
        return False
    if {w.lower().strip(",") for w in words} & _NOT_IN_OWNER:
        return False
    # Names and roles are capitalised; one lower-case noun may close them ("Finance team").
    lower = [i for i, w in enumerate(words) if w[:1].islower() and w.lower() not in _JOINING_WORDS]
    return not lower or lower == [len(words) - 1]


def guess_owner(sentence: str) -> str:
    """Who an action belongs to: the subject of "X to do Y", else the role it names."""
    text = _plain(sentence)
    entry = parse_action(text if ACTION_LINE.match(text) else f"Action: {text}")
    if entry and entry.owner and _looks_like_a_name(entry.owner):
        return entry.owner
    roles = list(_ROLE.finditer(text))
    for match in roles:
        if _ASKED_BEFORE.search(text[: match.start()]) or _COMMITS_AFTER.match(text[match.end() :]):
            return _role_owner(match)
    return _role_owner(roles[0]) if roles else ""


# "Forward look: " before a sentence: a bullet's label, not part of the action.
_LABEL = re.compile(r"^(?:[A-Z][\w’'&/-]*(?:\s+[\w’'&/-]+){0,4}):\s+(?=\S)")
_COMMITS = re.compile(
    r"(?i)^(?P<owner>.+?)\s+(?:will|is\s+to|are\s+to|to|(?:has|have)\s+agreed\s+to|agreed\s+to|"
    r"undertook\s+to|committed\s+to|(?:is|are)\s+going\s+to|would)\s+(?P<rest>\w.*)$"
)


_THE = re.compile(r"(?i)^the\s+")


def action_text(sentence: str) -> str:
    """What an action says, from the sentence it was taken from: without a bullet's label,
    without the owner when the sentence opens with them ("The force will review OOCRs in six
    months." -> "Review OOCRs in six months"), without the closing full stop."""
    text = _plain(sentence)
    entry = parse_action(text) if ACTION_LINE.match(text) else None
    text = entry.text if entry is not None else _LABEL.sub("", text, count=1)
    commits = _COMMITS.match(text)
    if commits is not None:
        owner, guess = commits.group("owner").strip(), guess_owner(text)
        bare = _THE.sub("", owner)
        role = _ROLE.fullmatch(owner) or _ROLE.fullmatch(bare)
        if bare.casefold() == _THE.sub("", guess).casefold() or (
            role is not None and _role_owner(role) == guess
        ):
            rest = commits.group("rest")
            text = rest[:1].upper() + rest[1:]
    return text.rstrip(" .")


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str) -> int:
    return [m[:3] for m in MONTHS].index(name.lower()[:3]) + 1


_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "eighteen": 18, "twenty-four": 24})
_RELATIVE = re.compile(
    r"(?i)\b(?:in|within|over\s+the\s+next)\s+(?:the\s+next\s+)?"
    r"(?P<count>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?(?:['’]\s*time)?\b"
)
_END_OF = re.compile(
    r"(?i)\b(?:by|before)\s+the\s+end\s+of\s+(?:the\s+|this\s+)?(?P<what>month|year)\b"
)
_NEXT = re.compile(r"(?i)\b(?:by\s+|during\s+|in\s+)?next\s+(?P<what>month|year)\b")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it has no such day
    (31 August + 6 months is 28 or 29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _relative_due(text: str, since: date) -> date | None:
    """ "in six months", "within 2 weeks", "by the end of the year", "next month", counted
    from ``since`` (the meeting's day)."""
    from datetime import timedelta

    found = _RELATIVE.search(text)
    if found is not None:
        count_text = found.group("count").lower()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        unit = found.group("unit").lower()
        if unit == "day":
            return since + timedelta(days=count)
        if unit in ("week", "fortnight"):
            return since + timedelta(weeks=count * (2 if unit == "fortnight" else 1))
        return add_months(since, count * (12 if unit == "year" else 1))
    end = _END_OF.search(text)
    if end is not None:
        if end.group("what").lower() == "year":
            return date(since.year, 12, 31)
        return _last_day(since.year, since.month)
    following = _NEXT.search(text)
    if following is not None:
        if following.group("what").lower() == "year":
            return date(since.year + 1, 12, 31)
        later = add_months(since.replace(day=1), 1)
        return _last_day(later.year, later.month)
    return None


def guess_due(sentence: str, since: date | None = None) -> date | None:
    """The date an action is due by, if the sentence gives one (a month means its last day);
    with ``since`` (the meeting's day), also a time from then: "in six months"."""
    text = _plain(sentence)
    found = find_date(text)
    if found is not None:
        return found.value
    months = list(_MONTH_YEAR.finditer(text))
    if not months:
        return _relative_due(text, since) if since is not None else None
    # "between November 2025 and February 2026": the work is due at the end of the window.
    chosen = months[-1] if re.search(r"(?i)\bbetween\b", text) else months[0]
    return _last_day(int(chosen.group("year")), _month_number(chosen.group("month")))


def parse_due(text: str) -> date | None:
    """What the user typed in the due field; empty means no due date."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = find_date(text)
    if found is not None:
        return found.value
    month = _MONTH_YEAR.fullmatch(text)
    if month is not None:
        return _last_day(int(month.group("year")), _month_number(month.group("month")))
    raise UserInputError(
        f"'{text}' is not a date; write it like 30 September 2025, or leave it empty."
    )


# --- reading a figure's values -------------------------------------------------------------


@dataclass(frozen=True)
class ValueDraft:
    """One value as typed: a number or a range, perhaps approximate, perhaps with a period."""

    value: float
    high: float | None = None
    approx: bool = False
    period: str = ""
    bound: str = ""  # one of records.BOUNDS: "over 200" or ">200" is a lower bound


# A bound typed before a value, in words or signs, and the bound it gives (records.BOUNDS).
TYPED_BOUNDS = {
    "over": "above", "more than": "above", "above": "above", ">": "above",
    "at least": "at_least", ">=": "at_least", "≥": "at_least",
    "under": "below", "below": "below", "less than": "below", "fewer than": "below", "<": "below",
    "at most": "at_most", "up to": "at_most", "<=": "at_most", "≤": "at_most",
}  # fmt: skip
TYPED_BOUND = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(TYPED_BOUNDS, key=len, reverse=True)
)

_SEPARATOR = re.compile(r"\s*(?:→|->|=>|⇒|;|,(?!\d{3}(?!\d)))\s*")
_PERIOD_SEPARATOR = re.compile(r"\s*(?:→|->|=>|⇒|;|,)\s*")
_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+"
_SCALE = r"k|m|bn"
_SCALES = {"k": 1e3, "m": 1e6, "bn": 1e9}
_VALUE = re.compile(
    rf"""^
    (?:(?P<bound>{TYPED_BOUND})|(?P<approx>~|approx\.?|approximately|about|around|circa|c\.))?\s*
    (?P<pound>£)?\s*(?P<low>{_NUMBER})\s*(?P<low_scale>{_SCALE})?\s*(?P<low_pct>%)?
    (?:\s*(?P<dash>[-–—~]|to)\s*£?\s*(?P<high>{_NUMBER})\s*(?P<high_scale>{_SCALE})?)?
    \s*(?P<sign>%|x|times)?
    \s*(?:\((?P<period>[^()]*)\))?
    $""",
    re.IGNORECASE | re.VERBOSE,
)
_HOW_TO_WRITE = (
    "write values like 80 -> 92-93, with ~ for approximately and over, under, at least or "
    "at most for a bound"
)


def _number(text: str, scale: str | None) -> float:
    """The value typed; one too large for a float (309 digits and more) is refused, since
    a figure holds finite numbers only."""
    value = float(text.replace(",", "")) * _SCALES.get((scale or "").lower(), 1.0)
    if not math.isfinite(value):
        shown = text if len(text) <= 20 else f"{text[:17]}..."
        raise UserInputError(f"'{shown}' is too large to be a figure's value; {_HOW_TO_WRITE}.")
    return value


def _unit_of(match: re.Match[str]) -> str | None:
    sign = (match.group("sign") or match.group("low_pct") or "").lower()
    if sign == "%":
        return "%"
    if sign in ("x", "times"):
        return "ratio"
    return "£" if match.group("pound") else None


def _one_value(text: str) -> tuple[ValueDraft, str | None]:
    match = _VALUE.match(text.strip())
    if match is None:
        raise UserInputError(f"'{text.strip()}' is not a number; {_HOW_TO_WRITE}.")
    low = _number(match.group("low"), match.group("low_scale"))
    high = None
    if match.group("high") is not None:
        high = _number(match.group("high"), match.group("high_scale") or match.group("low_scale"))
        if high < low:
            raise UserInputError(
                f"The range '{text.strip()}' runs backwards; write the lower number first."
            )
    approx = bool(match.group("approx")) or match.group("dash") == "~"
    period = (match.group("period") or "").strip()
    typed = " ".join((match.group("bound") or "").lower().split())
    bound = TYPED_BOUNDS.get(typed, "")
    return ValueDraft(low, high, approx and not bound, period, bound), _unit_of(match)


def parse_values(text: str) -> tuple[list[ValueDraft], str | None]:
    """The values typed in the figure form and the unit their signs give, if any."""
    if not text.strip():
        return [], None
    drafts: list[ValueDraft] = []
    units: set[str] = set()
    for part in _SEPARATOR.split(text.strip()):
        if not part:
            raise UserInputError(f"There is an empty value in '{text.strip()}'; {_HOW_TO_WRITE}.")
        draft, unit = _one_value(part)
        drafts.append(draft)
        if unit:
            units.add(unit)
    if len(units) > 1:
        raise UserInputError(
            f"'{text.strip()}' mixes units ({', '.join(sorted(units))}); a figure has one unit."
        )
    return drafts, next(iter(units), None)


def parse_periods(text: str) -> list[str]:
    """The periods typed for the values, in order: "2023 -> 2024", "Feb 2025, Sep 2025"."""
    return [] if not text.strip() else _PERIOD_SEPARATOR.split(text.strip())


def parse_target(text: str) -> float | None:
    if not text.strip():
        return None
    draft, _unit = _one_value(text)
    if draft.high is not None:
        raise UserInputError(f"A target is one number, not the range '{text.strip()}'.")
    return draft.value


def format_values(points: tuple[FigurePoint, ...] | list[FigurePoint]) -> str:
    """Values in the form's own notation, so a pre-filled field reads back unchanged."""
    shown = []
    for point in points:
        text = ("~" if point.approx else "") + format_number(point.value)
        if point.high is not None:
            text += f"–{format_number(point.high)}"
        if point.bound in BOUND_WORDS:
            text = f"{BOUND_WORDS[point.bound]} {text}"
        shown.append(text)
    return " → ".join(shown)
