"""Search across every meeting: an SQLite FTS5 index kept up to date inside each write.

What is indexed, one row of the FTS5 table ``search_text`` (columns ``title``, ``body``;
tokenizer ``porter unicode61 remove_diacritics 2``: stemmed, case- and accent-folded) each:

    meeting        title = the meeting's title     body = its subtitle
    notes          title = the item's title        body = its notes as plain text (no Markdown)
    action         title = the owner               body = the action
    action_update  title = ""                      body = the update said of a carried action
                   in a later meeting (found as an "action" of that meeting and item)
    decision       title = ""                      body = the decision
    figure         title = the label               body = the sentence it was found in
    attendee       title = the name                body = the role

Private notes are never indexed (a snippet must never show them to someone exporting public
minutes); confidential items are (the office searches its own archive). ``search_entry``
(``tables.SearchEntryRow``) maps (kind, row id) to the FTS rowid, the meeting and the item.

Keeping it right: ``install`` hangs mapper events on the indexed row classes, so every ORM
write — operations, imports, undo, the window's autosave — changes the index rows of exactly
the rows it added, changed or removed, in the same transaction (never a rebuild). The one
write that bypasses the ORM, ``queries.write_item_notes``, calls ``index_item_notes``.
Migration 0004 fills the index of an existing database with ``rebuild``; a database indexed
before updates were (0004 as first written) gets their rows the first time it is opened
for writing (``catch_up``: the missing rows only, no schema change).

Answering queries is ``store.search_rank``'s. A PostgreSQL port would add
``render_tsquery(query) -> str`` beside its ``render_fts5`` (Term -> ``'word'`` or
``'word':*``, Phrase -> ``'a' <-> 'b'``, include joined with ``&``, exclude as ``& !(...)``),
a ``tsvector`` column per entry with weights A (meeting, decision, action) and B (the rest)
instead of the bm25 factor below, and ``ts_headline`` for snippets; the parsed tree and the
filters stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.attributes import get_history

from pcc_minutes.store.tables import (
    ActionRow,
    ActionUpdateRow,
    AgendaItemRow,
    AttendeeRow,
    DecisionRow,
    FigureRow,
    MeetingRow,
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
# An update said of a carried action is stored as its own kind (its row id is the update's,
# not the action's) and shown as an action of the meeting where it was said.
UPDATE_KIND = "action_update"
SHOWN_KIND = {UPDATE_KIND: "action"}
STORED_KINDS = {"action": ("action", UPDATE_KIND)}  # what a kind:action filter takes in
# bm25 is negative (lower is better): titles, decisions and actions a little above the rest.
WEIGHT = {"meeting": 1.3, "decision": 1.2, "action": 1.2, UPDATE_KIND: 1.2}
# Each row's kind is also in the low three bits of its rowid, so that FTS5 can weigh and
# filter kinds while it ranks, with no join (store.search_rank). Rows indexed before this
# (another numbering) are renumbered the first time the file is opened for writing.
KIND_CODE = {
    "meeting": 1,
    "notes": 2,
    "action": 3,
    "decision": 4,
    "figure": 5,
    "attendee": 6,
    UPDATE_KIND: 7,
}
KIND_BITS = 7
_CODE_SQL = " ".join(f"WHEN '{kind}' THEN {code}" for kind, code in KIND_CODE.items())
# Databases whose index could not be renumbered (read-only): searched the slower way.
unnumbered: set[str] = set()


def next_rowid(run, kind: str, after: int | None = None) -> int:
    """The next free rowid whose low bits say ``kind``."""
    if after is None:
        after = run(
            "SELECT max(coalesce((SELECT max(id) FROM search_entry), 0),"
            " coalesce((SELECT rowid FROM search_text ORDER BY rowid DESC LIMIT 1), 0))"
        ).scalar()
    return ((after >> 3) + 1) << 3 | KIND_CODE[kind]


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
            rowid = next_rowid(self.run, kind)
            self.run(
                "INSERT INTO search_entry (id, kind, row_id, meeting_id, item_id, day, series_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (rowid, kind, row_id, meeting_id, item_id, day, series),
            )
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

    def update(self, row_id: int, meeting_id: int, item_id: int, note: str | None) -> None:
        """A carried action's update, where it was said; none while nothing was said."""
        if (note or "").strip():
            self.put(UPDATE_KIND, row_id, meeting_id, item_id, "", _clean(note))
        else:
            self.drop("kind = ? AND row_id = ?", (UPDATE_KIND, row_id))

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
    ActionUpdateRow: ("note", "meeting_id", "item_id"),
}
_KIND = {
    ActionRow: "action",
    ActionUpdateRow: UPDATE_KIND,
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
    elif isinstance(row, ActionUpdateRow):
        ix.update(row.id, row.meeting_id, row.item_id, row.note)


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


def install(sessions: sessionmaker | None = None) -> None:
    """Keep the index right in every flush: the mapper events see each row inserted, updated
    or deleted, orphans and cascades included, on the flush's own connection (so in the same
    transaction). Installed once, for every session; each database opened is caught up
    (``catch_up``) the first time."""
    global _installed
    if not _installed:
        for cls in _WATCHED:
            event.listen(cls, "after_insert", _written)
            event.listen(cls, "after_update", _updated)
            event.listen(cls, "after_delete", _removed)
        _installed = True
    engine = sessions.kw.get("bind") if sessions is not None else None
    if isinstance(engine, Engine):
        catch_up(engine)


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


_UPDATES = (
    "SELECT u.id, u.meeting_id, u.item_id, m.date, m.series_id, '', u.note"
    " FROM action_update u JOIN meeting m ON m.id = u.meeting_id WHERE u.note != ''"
)


def _fill(run, sources: Iterable[tuple[str, str]]) -> int:
    """Index the rows the (kind, SQL) sources read, after the index's last row, oldest
    meeting first (so that the rowid order, which breaks equal scores, follows the meetings'
    dates as rows typed one by one do); how many."""
    rows: list[tuple] = []
    for kind, sql in sources:
        if not sql.startswith("SELECT"):  # a row of an item: its meeting through the item
            sql = (
                f"SELECT x.id, a.meeting_id, a.id, m.date, m.series_id, {sql}"
                " JOIN agenda_item a ON a.id = x.item_id JOIN meeting m ON m.id = a.meeting_id"
            )
        for row_id, meeting_id, item_id, day, series, title, body in run(sql):
            if kind == UPDATE_KIND and not (body or "").strip():
                continue
            rows.append((str(day or ""), meeting_id, kind, row_id, item_id, series, title, body))
    rows.sort(key=lambda row: row[:2])  # stable: within a meeting, as the sources read
    last = None
    entries: list[tuple] = []
    texts: list[tuple] = []
    for day, meeting_id, kind, row_id, item_id, series, title, body in rows:
        rowid = last = next_rowid(run, kind, last)
        entries.append((rowid, kind, row_id, meeting_id, item_id, day or None, series))
        text = plain_text(body or "") if kind == "notes" else _clean(body)
        texts.append((rowid, _clean(title), text))
    if entries:
        run(
            "INSERT INTO search_entry (id, kind, row_id, meeting_id, item_id, day, series_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            entries,
        )
        run("INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)", texts)
    return len(entries)


def rebuild(connection: Connection) -> None:
    """Index every row from scratch (migration 0004; reads the 0004 schema with plain SQL, and
    writes in two batches: 10,000 meetings take a few seconds)."""
    run = connection.exec_driver_sql
    run("DELETE FROM search_text")
    run("DELETE FROM search_entry")
    _fill(
        run,
        (
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
            (UPDATE_KIND, _UPDATES),
        ),
    )


def catch_up(engine: Engine) -> str:
    """Bring an index made by an earlier version up to this one's, once, when the file is
    opened: renumbered (``rebuild``) if its rowids do not carry their kinds; else the updates
    said of carried actions indexed if some are missing (the first index left them out).
    Two small reads when nothing is to do (0.1 ms at 10,000 meetings). A file that cannot
    be written keeps its index and is searched the slower way. What was done: "", "rebuilt"
    or "caught up"."""
    # Rows an earlier version numbered are the whole index, or the newest rows (it appended
    # after the last): the oldest and the newest few tell, without reading every row.
    ends = " UNION ALL ".join(
        f"SELECT * FROM (SELECT id, kind FROM search_entry ORDER BY id {way} LIMIT 64)"
        for way in ("ASC", "DESC")
    )
    misnumbered = (
        f"SELECT 1 FROM ({ends}) WHERE (id & {KIND_BITS}) != (CASE kind {_CODE_SQL} ELSE -1 END)"
        " LIMIT 1"
    )
    missing = (
        f"{_UPDATES} AND NOT EXISTS (SELECT 1 FROM search_entry e"
        f" WHERE e.kind = '{UPDATE_KIND}' AND e.row_id = u.id)"
    )
    renumber = False
    try:
        with engine.connect() as connection:
            run = connection.exec_driver_sql
            renumber = run(misnumbered).first() is not None
            if not renumber and run(f"{missing} LIMIT 1").first() is None:
                unnumbered.discard(str(engine.url))
                return ""
        with engine.begin() as connection:
            if renumber:
                rebuild(connection)
            else:
                _fill(connection.exec_driver_sql, ((UPDATE_KIND, missing),))
    except DBAPIError:  # read-only, locked for longer than the busy timeout, or no index
        if renumber:
            unnumbered.add(str(engine.url))
        return ""
    unnumbered.discard(str(engine.url))
    return "rebuilt" if renumber else "caught up"
