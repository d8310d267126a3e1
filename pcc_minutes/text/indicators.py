"""Indicators in words: the key that says two figures' labels name the same measure, the
date a reported period stands for, and the one-sentence summary of a trend.

Pure functions of text and dates; the operations decide what to store.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from pcc_minutes.core.formatting import format_number
from pcc_minutes.core.records import BOUND_WORDS

# Words a label may start with that do not change what it measures.
_LEADING = (("number", "of"), ("the",), ("total",), ("a",))
_KEEP_S = ("ss", "us", "is", "ics")  # "process", "status", "analysis", "statistics"
_WORD = re.compile(r"[a-z0-9]+")


def _singular(word: str) -> str:
    if len(word) <= 3 or word.isdigit() or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"  # policies → policy
    if word.endswith("s"):
        return word[:-1]  # renewals → renewal, offences → offence
    return word


def plain_words(text: str) -> list[str]:
    """``text`` as lower-case words without accents or punctuation."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def note_words(text: str) -> set[str]:
    """The words of some notes as keys have them, for finding indicators they mention."""
    return {_singular(w) for w in plain_words(text)}


def mentions(key: str, words: set[str]) -> bool:
    """Whether notes with these ``words`` mention the indicator with this key: its words
    of three letters or more, all of them when there are one or two, else all but a few."""
    wanted = [w for w in key.split() if len(w) > 2] or key.split()
    if not wanted:
        return False
    found = sum(w in words for w in wanted)
    needed = len(wanted) if len(wanted) <= 2 else max(2, -(-len(wanted) * 3 // 5))
    return found >= needed


def indicator_key(label: str) -> str:
    """The label normalised for matching: "The number of Firearms-licence renewals" and
    "firearms licence renewal" give the same key."""
    words = plain_words(label)
    stripped = True
    while stripped and words:
        stripped = False
        for lead in _LEADING:
            if tuple(words[: len(lead)]) == lead and len(words) > len(lead):
                words = words[len(lead) :]
                stripped = True
    return " ".join(_singular(w) for w in words)


# --- periods -------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"^(?:(?:in|for|during)\s+)?({_MONTH_NAMES})\.?(?:\s+(\d{{4}}))?$")
_QUARTER = re.compile(r"^(?:q([1-4])|quarter\s+([1-4]))\s+(\d{4})(?:\s*/\s*(\d{2}|\d{4}))?$")
_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})(?:\s*/\s*(\d{2}|\d{4}))?$")
_TO_DATE = ("year to date", "ytd", "financial year to date", "so far this year")


def _clean(period: str) -> str:
    return " ".join(period.casefold().replace("–", "-").split()).strip(" .,")


def month_name(day: date) -> str:
    """ "September 2025": the name a period without one takes from its meeting."""
    return f"{day:%B %Y}"


def period_date(period: str, meeting: date | None) -> tuple[date | None, str]:
    """The first day of the period the minutes name, and a key saying which period it is
    (two reports with one key are the same period); (None, "") when it cannot be read.
    ``meeting`` places a month without a year ("August": the last August up to it)."""
    text = _clean(period)
    if not text:
        return None, ""
    if m := _MONTH_YEAR.match(text):
        month = _MONTHS[m.group(1)]
        if m.group(2):
            year = int(m.group(2))
        elif meeting is not None:
            year = meeting.year if month <= meeting.month else meeting.year - 1
        else:
            return None, ""
        return date(year, month, 1), f"m{year}-{month:02}"
    if m := _QUARTER.match(text):
        quarter, year = int(m.group(1) or m.group(2)), int(m.group(3))
        if m.group(4):  # a financial year: Q1 is April to June
            month = 4 + 3 * (quarter - 1)
            start = date(year + (month > 12), (month - 1) % 12 + 1, 1)
            return start, f"fq{year}-{quarter}"
        return date(year, 3 * quarter - 2, 1), f"q{year}-{quarter}"
    if m := _YEAR.match(text):
        year = int(m.group(1))
        if not 1900 < year < 2200:
            return None, ""
        if m.group(2):
            return date(year, 4, 1), f"fy{year}"
        return date(year, 1, 1), f"y{year}"
    if meeting is not None:
        if text in _TO_DATE:
            return date(meeting.year, meeting.month, 1), ""  # a new value every meeting
        if text in ("last month", "previous month"):
            year, month = (
                (meeting.year, meeting.month - 1)
                if meeting.month > 1
                else (
                    meeting.year - 1,
                    12,
                )
            )
            return date(year, month, 1), f"m{year}-{month:02}"
        if text in ("this month", "current month"):
            return date(meeting.year, meeting.month, 1), f"m{meeting.year}-{meeting.month:02}"
    return None, ""


# --- sentences -----------------------------------------------------------------------------


def unit_value(
    unit: str, value: float, high: float | None = None, approx: bool = False, bound: str = ""
) -> str:
    """A value as a sentence says it: "12%", "£1,200", "1,200", "1.5", "over 200"."""
    text = format_number(value)
    if high is not None:
        text += f"–{format_number(high)}"
    if unit == "%":
        text += "%"
    elif unit == "£":
        text = "£" + text
    if bound in BOUND_WORDS:
        return f"{BOUND_WORDS[bound]} {text}"
    return ("about " if approx else "") + text


def trend_sentence(
    unit: str, points: list[tuple[str, float]], higher_is_better: bool | None
) -> str:
    """One plain sentence for (period, value) points in time order: "Fell from 1,200 in
    August 2025 to 650 in October 2025 (3 points); lower is better." """
    if not points:
        return "No values reported yet."
    direction = {True: "higher is better", False: "lower is better"}.get(higher_is_better)
    tail = f"; {direction}." if direction else "."
    (first_period, first), (last_period, last) = points[0], points[-1]
    first_text, last_text = unit_value(unit, first), unit_value(unit, last)
    since, until = _when(first_period), _when(last_period)
    if len(points) == 1:
        return f"One value so far: {last_text}{until}{tail}"
    count = f"({len(points)} points)"
    if last > first:
        verb = "Rose"
    elif last < first:
        verb = "Fell"
    else:
        return f"Unchanged at {last_text} since{since or ' the first report'} {count}{tail}"
    return f"{verb} from {first_text}{since} to {last_text}{until} {count}{tail}"


def _when(period: str) -> str:
    """ " in August 2025" for a period with a date, " (before)" for other words."""
    if not period:
        return ""
    return f" in {period}" if period_date(period, date.today())[0] else f" ({period})"


def hint_text(
    unit: str, value: float, period: str, high: float | None, approx: bool, bound: str = ""
) -> str:
    """ "last: 800, September 2025", "last: over 200" """
    shown = unit_value(unit, value, high, approx, bound)
    return f"last: {shown}, {period}" if period else f"last: {shown}"
