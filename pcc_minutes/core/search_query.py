"""The search box's query language, parsed to a small tree that knows nothing of SQLite.

    firearms renewals            both words (stemmed: "renewal" finds "renewals")
    "licence renewals"           the words together, in that order
    -draft   -"late papers"      leave out what has this word or phrase
    select*                      words starting so
    series:APM  series:"Accountability and Performance Meeting"  series:3
    from:2025-08-01  to:2025-09-30   (inclusive)
    kind:notes  kind:action ...  one of core.tracking.KINDS (plural allowed); several are OR'd

Case and accents never matter (the store's index folds both). ``parse`` raises one clear
``UserInputError`` sentence for a query that cannot be searched: nothing to look for (only
exclusions or only filters), an impossible date, an unknown filter or kind. The store renders
the tree to its engine's syntax (``store.search_rank.render_fts5``; a PostgreSQL ``tsquery``
renderer would be a second function over the same tree).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.tracking import KINDS


@dataclass(frozen=True)
class Term:
    """One word (``prefix``: any word starting with it)."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must come together, in order (``prefix``: the last one only begins so)."""

    words: tuple[str, ...]
    prefix: bool = False


Part = Term | Phrase


@dataclass(frozen=True)
class Query:
    include: tuple[Part, ...]
    exclude: tuple[Part, ...] = ()
    series: str | None = None  # a name or an id, as typed
    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = ()  # empty: every kind


FILTERS = ("series", "from", "to", "kind")
# A token: an optional "-", then an optional "name:" filter key, then a quoted text or a run of
# non-space characters. An unclosed quote runs to the end of the query.
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S*))')
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})$")


def _words(text: str) -> tuple[str, ...]:
    """The searchable words of a piece of text: runs of letters and digits (punctuation
    separates, as the index's tokenizer does)."""
    return tuple(w for w in re.split(r"[^\w]+|_", text) if w)


def _part(text: str, quoted: bool) -> Part | None:
    if quoted:
        words = _words(text)
        if not words:
            return None
        return Term(words[0]) if len(words) == 1 else Phrase(words)
    prefix = text.endswith("*")
    core = text.rstrip("*")
    words = _words(core)
    if not words:
        return None
    if len(words) == 1:
        return Term(words[0], prefix=prefix)
    # "e-mail" or "C&D": the pieces together, as the index stored them
    return Phrase(words, prefix=prefix)


def _day(key: str, value: str) -> date:
    found = _DAY.match(value.strip())
    if found is None:
        raise UserInputError(
            f"The date in {key}:{value} is not a date; write it as YYYY-MM-DD, "
            f"for example {key}:2025-09-11."
        )
    try:
        return date(*(int(g) for g in found.groups()))
    except ValueError:
        raise UserInputError(
            f"There is no such day as {value} in {key}:{value}; check the month and day."
        ) from None


def _kind(value: str) -> str:
    folded = value.strip().casefold()
    for kind in KINDS:
        if folded in (kind, kind + "s", "note" if kind == "notes" else kind):
            return kind
    raise UserInputError(
        f"There is no kind called {value!r} to search; use one of {', '.join(KINDS)}."
    )


def parse(text: str) -> Query:
    include: list[Part] = []
    exclude: list[Part] = []
    series: str | None = None
    date_from = date_to = None
    kinds: list[str] = []
    for match in _TOKEN.finditer(text):
        minus, key, quoted, bare = match.groups()
        value = quoted if quoted is not None else (bare or "")
        if key is not None and not value and key.casefold() not in FILTERS:
            key, value = None, key  # "thefts:" typed as a word, not a filter
        if key is not None:
            name = key.casefold()
            if name not in FILTERS:
                raise UserInputError(
                    f"The search filter {key}: is not known; use series:, from:, to: or kind:, "
                    f'or put the text in quotes ("{key}:{value}") to search for it.'
                )
            if minus or not value.strip():
                raise UserInputError(
                    f"The filter {key}: needs a value after the colon, for example "
                    f"{'kind:notes' if name == 'kind' else name + ':2025-09-11'}."
                    if not minus
                    else f"A filter cannot be excluded with -; remove the - before {key}:."
                )
            if name == "series":
                series = value.strip()
            elif name == "from":
                date_from = _day(key, value)
            elif name == "to":
                date_to = _day(key, value)
            else:
                kinds.append(_kind(value))
            continue
        part = _part(value, quoted is not None)
        if part is None:
            continue
        (exclude if minus else include).append(part)
    if date_from and date_to and date_from > date_to:
        raise UserInputError(
            f"The search asks for meetings from {date_from.isoformat()} to "
            f"{date_to.isoformat()}, which is no days at all; swap the two dates."
        )
    if not include:
        raise UserInputError(
            "Give at least one word or phrase to search for; exclusions and filters "
            "only narrow a search."
        )
    return Query(
        tuple(include),
        tuple(exclude),
        series,
        date_from,
        date_to,
        tuple(dict.fromkeys(kinds)),
    )
