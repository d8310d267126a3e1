"""Answering a search from the FTS5 index that ``store.search`` keeps: the best hits of every
match, best first, one per indexed row and never two alike.

Ranking: FTS5's bm25 over every match (up to the newest ``scored(query)``, for words found
in more rows), times a small factor for the kinds a reader looks for first
(``store.search.WEIGHT``). bm25 costs about a microsecond a match, so nothing else is paid
per match: a row's kind is the low bits of its
rowid (``store.search.KIND_CODE``), so the factor and a ``kind:`` filter are applied inside
the FTS5 query with no join, and only the best few leave it. ``series:``, ``from:`` and
``to:`` need the row's entry: one join, whose conditions SQLite tests before it computes
bm25, so only the matches that pass are scored. An index not yet renumbered (a read-only
file from an earlier version) is searched through the join for every query.

Equal scores: the row indexed last first. Snippets are made by FTS5 over a TEMP copy of just
the rows shown (snippet() on the main index re-runs the query). Hits that would read the same
(meeting, item, kind, snippet) are shown once, the best of them (two figures found in one
sentence, an item's notes saying a thing twice).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.search_query import Phrase, Query, Term
from pcc_minutes.core.tracking import SearchHit
from pcc_minutes.store.search import (
    KIND_BITS,
    KIND_CODE,
    SHOWN_KIND,
    STORED_KINDS,
    TOKENIZE,
    UPDATE_KIND,
    WEIGHT,
    unnumbered,
)
from pcc_minutes.store.tables import SeriesRow

SNIPPET_TOKENS = 16
# At most this many matches are scored, the newest: every match of any word found in fewer
# rows (at 10,000 meetings, all but a handful of words as common as "report", in 45,000 rows:
# its best hits come from the newest 10,000, about two years), within the 20 ms a
# search may take. Each further word of the query makes a match dearer to score (its
# positions are read too), so the bound is shared among the query's words. A filter
# (series:, from:, to:, kind:) or one more word reaches older matches.
SCORED = 10_000
SCORED_LEAST = 3_000


def scored(query: Query) -> int:
    """How many of the newest matches ``query`` scores."""
    words = sum(len(part.words) if isinstance(part, Phrase) else 1 for part in query.include)
    return max(SCORED_LEAST, SCORED // max(words, 1))


_OPEN, _CLOSE = "\x02", "\x03"


# -- the query in FTS5 syntax ------------------------------------------------------------


def _quoted(words: Iterable[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def _fts5_part(part: Term | Phrase) -> str:
    if isinstance(part, Term):
        return _quoted([part.text]) + ("*" if part.prefix else "")
    return _quoted(part.words) + ("*" if part.prefix else "")


def render_fts5(query: Query) -> str:
    """The query as an FTS5 MATCH expression: every word quoted, exclusions as NOT."""
    expression = " AND ".join(_fts5_part(p) for p in query.include)
    if len(query.include) > 1:
        expression = f"({expression})"
    for part in query.exclude:
        expression = f"({expression} NOT {_fts5_part(part)})"
    return expression


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def series_id(session: Session, name_or_id: str) -> int:
    """The series a ``series:`` filter names: an id, the name (case and accents aside), or the
    one series whose name contains it."""
    rows = session.execute(select(SeriesRow.id, SeriesRow.name)).all()
    wanted = _fold(name_or_id)
    if name_or_id.strip().isdigit():
        for sid, _name in rows:
            if sid == int(name_or_id):
                return sid
    exact = [sid for sid, name in rows if _fold(name) == wanted]
    if exact:
        return exact[0]
    partial = [(sid, name) for sid, name in rows if wanted and wanted in _fold(name)]
    if len(partial) == 1:
        return partial[0][0]
    if not partial:
        raise UserInputError(
            f"No meeting series is called {name_or_id!r}; give its name as `pcc-minutes list` "
            "shows it, or its id."
        )
    names = "; ".join(name for _sid, name in partial)
    raise UserInputError(
        f"series:{name_or_id} could be any of: {names}; give more of the name, in quotes."
    )


def _filters(session: Session, query: Query) -> tuple[list[str], list[object]]:
    conditions: list[str] = []
    params: list[object] = []
    if query.series is not None:
        conditions.append("e.series_id = ?")
        params.append(series_id(session, query.series))
    if query.date_from is not None:
        conditions.append("e.day >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to is not None:
        conditions.append("e.day <= ?")
        params.append(query.date_to.isoformat())
    if query.kinds:
        stored = [k for kind in query.kinds for k in STORED_KINDS.get(kind, (kind,))]
        conditions.append(f"e.kind IN ({', '.join('?' for _ in stored)})")
        params.extend(stored)
    return conditions, params


# -- ranking -----------------------------------------------------------------------------


def _weight_sql(kind_of: str) -> str:
    """The kinds' factors as an SQL CASE over ``kind_of`` (a kind, or a rowid's kind bits)."""
    if kind_of.startswith("("):  # the rowid's low bits
        cases = " ".join(f"WHEN {KIND_CODE[k]} THEN {w}" for k, w in WEIGHT.items())
    else:
        cases = " ".join(f"WHEN '{k}' THEN {w}" for k, w in WEIGHT.items())
    return f"(CASE {kind_of} {cases} ELSE 1.0 END)"


def _ranked(session: Session, run, match: str, query: Query, want: int) -> list:
    """(rowid, score) of the best ``want`` matches that pass the query's filters, every
    match ranked, best first."""
    numbered = str(session.get_bind().url) not in unnumbered
    kinds = [k for kind in query.kinds for k in STORED_KINDS.get(kind, (kind,))]
    if numbered and query.series is None and query.date_from is None and query.date_to is None:
        # inside FTS5 alone: the kind is the rowid's low bits
        bits = f"(rowid & {KIND_BITS})"
        where = ["search_text MATCH ?"]
        if kinds:
            where.append(f"{bits} IN ({', '.join(str(KIND_CODE[k]) for k in kinds)})")
        # The newest scored(query) matches are scored (FTS5 walks its rowids newest first and stops
        # there): every match of all but the commonest words, in ~10 ms at most.
        return run(
            f"""SELECT rowid, s FROM (
                    SELECT rowid, bm25(search_text) * {_weight_sql(bits)} AS s FROM search_text
                    WHERE {" AND ".join(where)} ORDER BY rowid DESC LIMIT ?)
                ORDER BY s, rowid DESC LIMIT ?""",
            (match, scored(query), want),
        ).all()
    conditions, params = _filters(session, query)
    kind_of = f"(t.rowid & {KIND_BITS})" if numbered else "e.kind"
    return run(
        f"""SELECT rowid, s FROM (
                SELECT t.rowid AS rowid, bm25(search_text) * {_weight_sql(kind_of)} AS s
                FROM search_text t JOIN search_entry e ON e.id = t.rowid
                WHERE {" AND ".join(["search_text MATCH ?", *conditions])}
                ORDER BY t.rowid DESC LIMIT ?)
            ORDER BY s, rowid DESC LIMIT ?""",
        (match, *params, scored(query), want),
    ).all()


# -- snippets ----------------------------------------------------------------------------


def _marks(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    start = None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", snippet):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(marks)


def _tidy(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple]:
    """The snippet on one line: each run of spaces, tabs and line breaks one space, none at
    the ends (a bullet's wrapped line reads on), the marks moved to match."""
    out: list[str] = []
    at: list[int] = []  # for each index of text, its index in the tidy text
    for char in text:
        at.append(len(out))
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
    at.append(len(out))
    if out and out[-1] == " ":
        out.pop()
    tidy = "".join(out)
    moved = []
    for start, end in spans:
        a, b = at[start], min(at[end], len(tidy))
        while a < b and tidy[a] == " ":
            a += 1
        if a < b:
            moved.append((a, b))
    return tidy, tuple(moved)


def _snippets(run, match: str, ids: list[int]) -> dict[int, str]:
    """The snippet of each hit, made by FTS5 over a copy of just those rows in a TEMP table:
    snippet() on the main index re-runs the whole query (20 ms for two common words at
    10,000 meetings); on fifty rows it costs about a millisecond. Nothing is written to the
    database file (TEMP tables live beside the connection)."""
    marks = ", ".join("?" for _ in ids)
    run(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_snippet"
        f" USING fts5(title, body, tokenize='{TOKENIZE}')"
    )
    run("DELETE FROM temp.search_snippet")
    run(
        "INSERT INTO temp.search_snippet (rowid, title, body) SELECT rowid, title, body"
        f" FROM main.search_text WHERE rowid IN ({marks})",
        tuple(ids),
    )
    found = dict(
        run(
            f"""SELECT rowid, snippet(search_snippet, -1, '{_OPEN}', '{_CLOSE}', '…',
                    {SNIPPET_TOKENS})
                FROM temp.search_snippet WHERE search_snippet MATCH ?""",
            (match,),
        ).all()
    )
    run("DELETE FROM temp.search_snippet")
    return found


def _hits(run, match: str, ranked: list) -> list[SearchHit]:
    """The hits of ranked (rowid, score) pairs, in that order."""
    ids = [rowid for rowid, _score in ranked]
    marks = ", ".join("?" for _ in ids)
    places = {
        row[0]: row[1:]
        for row in run(
            f"""SELECT e.id, e.kind, e.meeting_id, e.item_id, coalesce(u.action_id, e.row_id),
                    m.title, m.date, i.position, i.title
                FROM search_entry e JOIN meeting m ON m.id = e.meeting_id
                LEFT JOIN agenda_item i ON i.id = e.item_id
                LEFT JOIN action_update u ON e.kind = '{UPDATE_KIND}' AND u.id = e.row_id
                WHERE e.id IN ({marks})""",
            tuple(ids),
        ).all()
    }
    snippets = _snippets(run, match, ids)
    hits = []
    for rowid, score in ranked:
        if rowid not in places:  # left by a meeting removed outside the ORM: never shown
            continue
        kind, meeting_id, item_id, row_id, title, day, position, item_title = places[rowid]
        text, spans = _tidy(*_marks(snippets.get(rowid) or ""))
        hits.append(
            SearchHit(
                meeting_id=meeting_id,
                date=date.fromisoformat(day) if day else None,
                title=title,
                item=position,
                kind=SHOWN_KIND.get(kind, kind),
                snippet=text,
                marks=spans,
                item_id=item_id,
                item_title=item_title or "",
                rank=float(score),
                row_id=row_id,
                carried=kind in SHOWN_KIND,
            )
        )
    return hits


def search(session: Session, query: Query, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` hits, best first, no two with the same meeting, item, kind and
    snippet."""
    limit = max(0, limit)
    if limit == 0:
        return []
    match = render_fts5(query)
    run = session.connection().exec_driver_sql
    want = limit + 8  # a few more, for the hits that read like a better one
    while True:
        ranked = _ranked(session, run, match, query, want)
        if not ranked:
            return []
        shown: list[SearchHit] = []
        seen: set[tuple] = set()
        for hit in _hits(run, match, ranked):
            key = (hit.meeting_id, hit.item_id, hit.kind, hit.snippet)
            if key not in seen:
                seen.add(key)
                shown.append(hit)
        if len(shown) >= limit or len(ranked) < want:
            return shown[:limit]
        want *= 4  # so many alike that more are needed (rare)
