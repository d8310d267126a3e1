"""A date as a minute-taker types it into a date field: "11 September 2025", "11 Sep 2025",
"11/09/2025", "2025-09-11", "Thursday 11th September", "11 September" (in the year of the date
the field had) or just "11" (the 11th of that month).

Day before month, as British minutes write it. A text that names no real day (31 February)
is read as such and says why in one sentence, so the field can keep its date and say so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pcc_minutes.text.parsing import MONTHS, WEEKDAY

_ORDINAL = r"(?:st|nd|rd|th)?"
_ISO = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})$")
_DAY = re.compile(rf"^(?P<day>\d{{1,2}}){_ORDINAL}$")
_NUMERIC = re.compile(
    r"^(?P<day>\d{1,2})\s*[-/.]\s*(?P<month>\d{1,2})(?:\s*[-/.]\s*(?P<year>\d{4}|\d{2}))?$"
)
_DAY_MONTH = re.compile(
    rf"^(?P<day>\d{{1,2}}){_ORDINAL}\s*(?:of\s+)?(?P<month>[a-z]+)\.?,?(?:\s*(?P<year>\d{{4}}))?$"
)
_MONTH_DAY = re.compile(
    rf"^(?P<month>[a-z]+)\.?\s+(?P<day>\d{{1,2}}){_ORDINAL},?(?:\s+(?P<year>\d{{4}}))?$"
)
EXAMPLE = "11 September 2025 or 11/09/2025"


@dataclass(frozen=True)
class TypedDate:
    """What a typed text says: the date, or (``value`` None) one sentence saying why not."""

    value: date | None
    problem: str = ""


def long_date(value: date) -> str:
    """ "11 September 2025", "5 March 2026": no leading zero."""
    return f"{value.day} {MONTHS[value.month - 1].capitalize()} {value.year}"


def _month(word: str) -> tuple[int | None, str]:
    """The month a word names: a whole name or the start of only one ("sep", "sept", "oct")."""
    word = word.lower().rstrip(".")
    if word == "sept":
        return 9, ""
    matches = [number for number, name in enumerate(MONTHS, 1) if name.startswith(word)]
    if len(matches) == 1:
        return matches[0], ""
    if matches:
        names = " or ".join(MONTHS[number - 1].capitalize() for number in matches)
        return None, f"“{word}” could be {names}: type more of the month's name."
    return None, f"“{word}” is not a month: type a date such as {EXAMPLE}."


def _made(year: int, month: int, day: int) -> TypedDate:
    if not 1 <= month <= 12:
        return TypedDate(None, f"There is no month {month}: type the day first, as in {EXAMPLE}.")
    if not 1 <= year <= 9999:
        return TypedDate(None, f"{year} is not a year a meeting can be in: type one such as 2025.")
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        name = MONTHS[month - 1].capitalize()
        return TypedDate(None, f"There is no {day} {name} {year}: {name} {year} has {length} days.")
    return TypedDate(date(year, month, day))


def parts_typed(text: str) -> int:
    """How many of day, month and year ``text`` writes ("11 Sep" 2, "11/09/2025" 3)."""
    return len(re.findall(r"\d+|[a-z]{3,}", WEEKDAY.sub("", text.lower())))


def read_typed_date(text: str, *, around: date) -> TypedDate | None:
    """The date ``text`` names, the year (and for a day alone, the month) of ``around``
    standing in for what it leaves out; None when the text is empty. A text that is not a
    real date gives the reason instead."""
    year = around.year
    cleaned = " ".join(text.replace(",", " ").split()).strip(" .").lower()
    if not cleaned:
        return None
    cleaned = WEEKDAY.sub("", cleaned).strip(" .")
    if match := _DAY.match(cleaned):
        return _made(year, around.month, int(match["day"]))
    if match := _ISO.match(cleaned):
        return _made(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := _NUMERIC.match(cleaned):
        written = match["year"]
        full = int(written) + 2000 if written and len(written) == 2 else int(written or year)
        return _made(full, int(match["month"]), int(match["day"]))
    match = _DAY_MONTH.match(cleaned) or _MONTH_DAY.match(cleaned)
    if match:
        month, problem = _month(match["month"])
        if month is None:
            return TypedDate(None, problem)
        return _made(int(match["year"] or year), month, int(match["day"]))
    return TypedDate(None, f"“{' '.join(text.split())}” is not a date: type one such as {EXAMPLE}.")
