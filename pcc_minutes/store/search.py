"""Search across every meeting: an SQLite FTS5 index kept up to date inside each write.

What is indexed, one row of the FTS5 table ``search_text`` (columns ``title``, ``body``;
tokenizer ``porter unicode61 remove_diacritics 2``: stemmed, case- and accent-folded) each:

    meeting    title = the meeting's title     body = its subtitle
    notes      title = the item's title        body = its notes as plain text (no Markdown)
    action     title = the owner               body = the action
    decision   title = ""                      body = the decision
    figure     title = the label               body = the sentence it was found in
    attendee   title = the name                body = the role

Private notes are never indexed (a snippet must never show them to someone exporting public
minutes); confidential items are (the office searches its own archive). ``search_entry``
(``tables.SearchEntryRow``) maps (kind, row id) to the FTS rowid, the meeting and the item.

Keeping it right: ``install`` hangs mapper events on the indexed row classes, so every ORM
write — operations, imports, undo, the window's autosave — changes the index rows of exactly
the rows it added, changed or removed, in the same transaction (never a rebuild). The one
write that bypasses the ORM, ``queries.write_item_notes``, calls ``index_item_notes``.
Migration 0004 fills the index of an existing database with ``rebuild``.

Queries arrive parsed (``core.search_query.Query``); ``render_fts5`` writes FTS5 MATCH syntax
with every word quoted, so punctuation typed by the user never reaches FTS5's parser, and the
filters (series, dates, kinds) are SQL conditions. A PostgreSQL port would add
``render_tsquery(query) -> str`` beside it (Term -> ``'word'`` or ``'word':*``, Phrase ->
``'a' <-> 'b'``, include joined with ``&``, exclude as ``& !(...)``), a ``tsvector`` column
per entry with weights A (meeting, decision, action) and B (the rest) instead of the bm25
factor below, and ``ts_headline`` for snippets; the tree and the filters stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import get_history

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.search_query import Phrase, Query, Term
from pcc_minutes.core.tracking import SearchHit
from pcc_minutes.store.tables import (
    ActionRow,
    AgendaItemRow,
    AttendeeRow,
    DecisionRow,
    FigureRow,
    MeetingRow,
    SeriesRow,
)

TOKENIZE = "porter unicode61 remove_diacritics 2"
CREATE_FTS = f"CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize='{TOKENIZE}')"
# The FTS5 table and the shadow tables SQLite makes for it (none is in tables.Base.metadata).
FTS_TABLES = (
    "search_text",
    "search_text_data",
    "search_text_idx",
    "search_text_content",
    "search_text_docsize",
    "search_text_config",
)
# bm25 is negative (lower is better): titles, decisions and actions a little above the rest.
WEIGHT = {"meeting": 1.3, "decision": 1.2, "action": 1.2}
SNIPPET_TOKENS = 16
RANKED_AT_MOST = 3000
_OPEN, _CLOSE = "\x02", "\x03"

_enabled = True


def set_enabled(flag: bool) -> None:
    """Switch index upkeep off or on (for the benchmark's comparison only: a write made while
    it is off leaves the index behind)."""
    global _enabled
    _enabled = flag


# -- plain text ---------------------------------------------------------------------------

# Each class also excludes its own opening mark, so that a line of 100,000 "[" (or "<", or
# "](") is read once, not once per mark: linear in the text, whatever was imported.
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_HTML = re.compile(r"</?[A-Za-z][^<>\n]*>")
_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+", re.M)
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\|?[ \t]*$", re.M)
_UNDERSCORES = re.compile(r"(?<!\w)_+|_+(?!\w)")  # _emphasis_, not snake_case
_ESCAPED_MARK = {"\\*": "\ue000", "\\_": "\ue001", "\\`": "\ue002"}
_DROP = str.maketrans({"*": None, "`": None})
_RESTORE = str.maketrans({"\ue000": "*", "\ue001": "_", "\ue002": "`"})
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain_text(markdown: str) -> str:
    """The words of the app's Markdown without its markup, for the index and its snippets."""
    text = _CONTROL.sub(" ", markdown)
    if "[" in text:  # each pattern only where its mark is (a save's cost is in here)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _HTML.sub(" ", text)
    if "---" in text or "***" in text or "___" in text or "- -" in text or "* *" in text:
        text = _RULE.sub("", text)
    if "|" in text:
        text = _TABLE_RULE.sub("", text)
    text = _LINE_MARK.sub("", text)
    # (one pass of str.translate: a regex alternation here cost 10 ms per 20,000 words)
    escaped = "\\" in text
    if escaped:
        for mark, keep in _ESCAPED_MARK.items():
            text = text.replace(mark, keep)
    text = text.translate(_DROP).replace("~~", "")
    if "_" in text:
        text = _UNDERSCORES.sub("", text)
    if escaped:
        text = text.translate(_RESTORE)
    text = text.replace("|", " ")
    text = _ESCAPE.sub(r"\1", text)
    return text


def _clean(text: str | None) -> str:
    return _CONTROL.sub(" ", text or "")


# -- keeping the index ----------------------------------------------------------------------


class _Indexer:
    """The index's writes on one connection, within the caller's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.run = connection.exec_driver_sql
        self._meeting_of_item: dict[int, int] = {}
        self._places: dict[int, tuple[str | None, int | None]] = {}

    def meeting_of_item(self, item_id: int) -> int | None:
        if item_id not in self._meeting_of_item:
            found = self.run("SELECT meeting_id FROM agenda_item WHERE id = ?", (item_id,)).first()
            if found is None:
                return None
            self._meeting_of_item[item_id] = found[0]
        return self._meeting_of_item[item_id]

    def place(self, meeting_id: int) -> tuple[str | None, int | None]:
        """The meeting's date (as SQLite holds it) and series, for the entry's filters."""
        if meeting_id not in self._places:
            found = self.run(
                "SELECT date, series_id FROM meeting WHERE id = ?", (meeting_id,)
            ).first()
            self._places[meeting_id] = (found[0], found[1]) if found else (None, None)
        return self._places[meeting_id]

    def put(
        self, kind: str, row_id: int, meeting_id: int, item_id: int | None, title: str, body: str
    ) -> None:
        day, series = self.place(meeting_id)
        found = self.run(
            "SELECT id FROM search_entry WHERE kind = ? AND row_id = ?", (kind, row_id)
        ).first()
        if found is None:
            rowid = self.run(
                "INSERT INTO search_entry (kind, row_id, meeting_id, item_id, day, series_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (kind, row_id, meeting_id, item_id, day, series),
            ).lastrowid
            self.run(
                "INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)",
                (rowid, title, body),
            )
            return
        rowid = found[0]
        self.run(
            "UPDATE search_entry SET meeting_id = ?, item_id = ?, day = ?, series_id = ?"
            " WHERE id = ?",
            (meeting_id, item_id, day, series, rowid),
        )
        self.run("UPDATE search_text SET title = ?, body = ? WHERE rowid = ?", (title, body, rowid))

    def drop(self, where: str, params: tuple) -> None:
        self.run(
            f"DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_entry WHERE {where})",
            params,
        )
        self.run(f"DELETE FROM search_entry WHERE {where}", params)

    # one per indexed class: (kind, row_id, meeting_id, item_id, title, body) or None

    def meeting(self, row: MeetingRow) -> None:
        place = (row.date.isoformat() if row.date else None, row.series_id)
        self._places[row.id] = place
        self.run(
            "UPDATE search_entry SET day = ?, series_id = ? WHERE meeting_id = ?", (*place, row.id)
        )
        self.put("meeting", row.id, row.id, None, _clean(row.title), _clean(row.subtitle))

    def notes(self, row_id: int, meeting_id: int, title: str, notes: str) -> None:
        self.put("notes", row_id, meeting_id, row_id, _clean(title), plain_text(notes or ""))

    def child(self, kind: str, row_id: int, item_id: int, title: str, body: str) -> None:
        meeting_id = self.meeting_of_item(item_id)
        if meeting_id is not None:
            self.put(kind, row_id, meeting_id, item_id, _clean(title), _clean(body))


# The attributes whose change changes a class's indexed text or its place.
_WATCHED: dict[type, tuple[str, ...]] = {
    MeetingRow: ("title", "subtitle", "date", "series_id"),
    AgendaItemRow: ("title", "notes", "meeting_id"),
    ActionRow: ("text", "owner", "item_id"),
    DecisionRow: ("text", "item_id"),
    FigureRow: ("label", "source_text", "item_id"),
    AttendeeRow: ("name", "role", "meeting_id"),
}
_KIND = {
    ActionRow: "action",
    DecisionRow: "decision",
    FigureRow: "figure",
    AttendeeRow: "attendee",
}


def _index_row(ix: _Indexer, row: object) -> None:
    if isinstance(row, MeetingRow):
        ix.meeting(row)
    elif isinstance(row, AgendaItemRow):
        ix._meeting_of_item[row.id] = row.meeting_id
        ix.notes(row.id, row.meeting_id, row.title, row.notes)
    elif isinstance(row, ActionRow):
        ix.child("action", row.id, row.item_id, row.owner or "", row.text)
    elif isinstance(row, DecisionRow):
        ix.child("decision", row.id, row.item_id, "", row.text)
    elif isinstance(row, FigureRow):
        ix.child("figure", row.id, row.item_id, row.label, row.source_text or "")
    elif isinstance(row, AttendeeRow):
        ix.put("attendee", row.id, row.meeting_id, None, _clean(row.name), _clean(row.role))


def _changed(row: object) -> bool:
    return any(get_history(row, name).has_changes() for name in _WATCHED[type(row)])


def _written(_mapper: object, connection: Connection, row: object) -> None:
    if _enabled:
        _index_row(_Indexer(connection), row)


def _updated(_mapper: object, connection: Connection, row: object) -> None:
    if _enabled and _changed(row):
        _index_row(_Indexer(connection), row)


def _removed(_mapper: object, connection: Connection, row: object) -> None:
    if not _enabled:
        return
    ix = _Indexer(connection)
    if isinstance(row, MeetingRow):
        ix.drop("meeting_id = ?", (row.id,))
    elif isinstance(row, AgendaItemRow):
        ix.drop("item_id = ?", (row.id,))  # its notes and anything left of its rows
    else:
        ix.drop("kind = ? AND row_id = ?", (_KIND[type(row)], row.id))


_installed = False


def install(_sessions: sessionmaker | None = None) -> None:
    """Keep the index right in every flush: the mapper events see each row inserted, updated
    or deleted, orphans and cascades included, on the flush's own connection (so in the same
    transaction). Installed once, for every session."""
    global _installed
    if _installed:
        return
    for cls in _WATCHED:
        event.listen(cls, "after_insert", _written)
        event.listen(cls, "after_update", _updated)
        event.listen(cls, "after_delete", _removed)
    _installed = True


def index_item_notes(connection: Connection, item_id: int, notes: str) -> None:
    """After a Core UPDATE of one item's notes (the autosave's path): one read, and the one
    FTS row's update."""
    if not _enabled:
        return
    ix = _Indexer(connection)
    found = ix.run(
        "SELECT a.meeting_id, a.title, e.id FROM agenda_item a"
        " LEFT JOIN search_entry e ON e.kind = 'notes' AND e.row_id = a.id WHERE a.id = ?",
        (item_id,),
    ).first()
    if found is None:
        return
    meeting_id, title, rowid = found
    if rowid is None:
        ix.notes(item_id, meeting_id, title, notes)
    else:
        ix.run(
            "UPDATE search_text SET title = ?, body = ? WHERE rowid = ?",
            (_clean(title), plain_text(notes or ""), rowid),
        )


def rebuild(connection: Connection) -> None:
    """Index every row from scratch (migration 0004; reads the 0004 schema with plain SQL, and
    writes in two batches: 10,000 meetings take a few seconds)."""
    run = connection.exec_driver_sql
    run("DELETE FROM search_text")
    run("DELETE FROM search_entry")
    sources = (
        ("meeting", "SELECT id, id, NULL, date, series_id, title, subtitle FROM meeting"),
        (
            "notes",
            "SELECT a.id, a.meeting_id, a.id, m.date, m.series_id, a.title, a.notes"
            " FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id",
        ),
        ("action", "owner, x.text FROM action x"),
        ("decision", "'', x.text FROM decision x"),
        ("figure", "x.label, x.source_text FROM metric x"),
        (
            "attendee",
            "SELECT x.id, x.meeting_id, NULL, m.date, m.series_id, x.name, x.role"
            " FROM attendee x JOIN meeting m ON m.id = x.meeting_id",
        ),
    )
    entries: list[tuple] = []
    texts: list[tuple] = []
    for kind, sql in sources:
        if not sql.startswith("SELECT"):  # a row of an item: its meeting through the item
            sql = (
                f"SELECT x.id, a.meeting_id, a.id, m.date, m.series_id, {sql}"
                " JOIN agenda_item a ON a.id = x.item_id JOIN meeting m ON m.id = a.meeting_id"
            )
        for row_id, meeting_id, item_id, day, series, title, body in run(sql):
            rowid = len(entries) + 1
            entries.append((rowid, kind, row_id, meeting_id, item_id, day, series))
            text = plain_text(body or "") if kind == "notes" else _clean(body)
            texts.append((rowid, _clean(title), text))
    if entries:
        run(
            "INSERT INTO search_entry (id, kind, row_id, meeting_id, item_id, day, series_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            entries,
        )
        run("INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)", texts)


# -- searching ------------------------------------------------------------------------------


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
    rows = session.execute(_select_series()).all()
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


def _select_series():
    from sqlalchemy import select

    return select(SeriesRow.id, SeriesRow.name)


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


def _snippets(run, match: str, ids: list[int], marks: str) -> dict[int, str]:
    """The snippet of each hit, made by FTS5 over a copy of just those rows in a TEMP table:
    snippet() on the main index re-runs the whole query (20 ms for two common words at
    10,000 meetings); on fifty rows it costs about a millisecond. Nothing is written to the
    database file (TEMP tables live beside the connection)."""
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


def search(session: Session, query: Query, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` hits, best first."""
    conditions = ["search_text MATCH ?"]
    params: list[object] = [render_fts5(query)]
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
        conditions.append(f"e.kind IN ({', '.join('?' for _ in query.kinds)})")
        params.extend(query.kinds)
    weight = " ".join(f"WHEN '{kind}' THEN {factor}" for kind, factor in WEIGHT.items())
    run = session.connection().exec_driver_sql
    # A word found in more than RANKED_AT_MOST places (say "police") is ranked among its
    # most recently indexed matches only: FTS5 streams those newest first, and bm25 over every
    # one of 20,000 matches would cost ten times the whole search.
    ranked = run(
        f"""SELECT rowid, score FROM (
                SELECT search_text.rowid AS rowid, e.day AS day, e.id AS entry,
                    bm25(search_text) * (CASE e.kind {weight} ELSE 1.0 END) AS score
                FROM search_text JOIN search_entry e ON e.id = search_text.rowid
                WHERE {" AND ".join(conditions)}
                ORDER BY search_text.rowid DESC LIMIT {RANKED_AT_MOST})
            ORDER BY score, day DESC, entry LIMIT ?""",
        (*params, max(0, limit)),
    ).all()
    if not ranked:
        return []
    ids = [rowid for rowid, _score in ranked]
    marks = ", ".join("?" for _ in ids)
    places = {
        row[0]: row[1:]
        for row in run(
            f"""SELECT e.id, e.kind, e.meeting_id, e.item_id, m.title, m.date, i.position, i.title
                FROM search_entry e JOIN meeting m ON m.id = e.meeting_id
                LEFT JOIN agenda_item i ON i.id = e.item_id
                WHERE e.id IN ({marks})""",
            tuple(ids),
        ).all()
    }
    snippets = _snippets(run, params[0], ids, marks)
    hits = []
    for rowid, score in ranked:
        if rowid not in places:  # left by a meeting removed outside the ORM: never shown
            continue
        kind, meeting_id, item_id, title, day, position, item_title = places[rowid]
        snippet = snippets.get(rowid, "")
        text, spans = _marks(snippet or "")
        hits.append(
            SearchHit(
                meeting_id=meeting_id,
                date=date.fromisoformat(day) if day else None,
                title=title,
                item=position,
                kind=kind,
                snippet=text.replace("\n", " ").replace("\t", " "),
                marks=spans,
                item_id=item_id,
                item_title=item_title or "",
                rank=float(score),
            )
        )
    return hits
