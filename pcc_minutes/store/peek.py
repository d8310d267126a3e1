"""Reading the newest meeting and the first screen of the meetings list with ``sqlite3``
alone, read-only, for the window's first paint.

SQLAlchemy takes a fifth of a second to import; the window paints the last meeting before
paying for it. The rows read here become records through the same ``store.mapping`` functions
the ORM rows go through (they read attributes only), so there is still one mapping. Anything
unexpected — no file yet, no tables yet, a locked or unreadable file — gives None, and the
window then takes the ordinary path through the store. Nothing here writes, and a database the
store opens read-only (a read-only folder, a full disk) is read here too.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pcc_minutes.core.records import Meeting, MeetingSummary
from pcc_minutes.store.diagnosis import connect_read_only, needs_immutable
from pcc_minutes.store.mapping import meeting_record

# Newest first, undated last, in two parts so that each walks the date index backwards and
# stops at the limit (one "ORDER BY date IS NULL, …" sorts the whole table: 3 ms at 10,000).
_DATED = "WHERE meeting.date IS NOT NULL ORDER BY meeting.date DESC, meeting.id DESC LIMIT ?"
_UNDATED = "WHERE meeting.date IS NULL ORDER BY meeting.id DESC LIMIT ?"
# How SQLAlchemy's SQLite types store their values: ISO text and 0/1.
_DATES = {"date", "due"}
_TIMES = {"start_time", "end_time"}
_DATETIMES = {"status_at", "live_started_at", "created_at", "updated_at", "actual_start"}
_DATETIMES |= {"actual_end", "at", "started_at", "ended_at"}
_BOOLEANS = {"present", "confidential", "higher_is_better", "approx"}


def _value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DATETIMES:
        return datetime.fromisoformat(value)
    if name in _DATES:
        return date.fromisoformat(value)
    if name in _TIMES:
        return time.fromisoformat(value)
    if name in _BOOLEANS:
        return bool(value)
    return value


def _rows(db: sqlite3.Connection, sql: str, *args: Any) -> list[SimpleNamespace]:
    cursor = db.execute(sql, args)
    names = [column[0] for column in cursor.description]
    return [
        SimpleNamespace(**{n: _value(n, v) for n, v in zip(names, row, strict=True)})
        for row in cursor.fetchall()
    ]


def _children(rows: list[SimpleNamespace], key: str) -> dict[int, list[SimpleNamespace]]:
    grouped: dict[int, list[SimpleNamespace]] = {}
    for row in sorted(rows, key=lambda r: (r.position, r.id)):
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped


def _connect(path: Path) -> sqlite3.Connection | None:
    """A read-only connection, the way the store's own diagnosis reads: immutable when the
    folder cannot take SQLite's ``-shm`` file (a read-only folder or disk, or a full disk),
    where an ordinary read-only connection cannot open a WAL database at all."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        return connect_read_only(path, timeout=0.5, immutable_first=needs_immutable(path))
    except (OSError, ValueError, sqlite3.Error):
        return None


def _by_id(db: sqlite3.Connection, table: str, ids: set[int]) -> dict[int, SimpleNamespace]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r.id: r for r in _rows(db, f"SELECT * FROM {table} WHERE id IN ({marks})", *ids)}


def _carried(db: sqlite3.Connection, item_ids: list[int]) -> dict[int, list[SimpleNamespace]]:
    """The action-update rows listed in these items, shaped as the ORM loads them (each with
    its meeting, its action, the action's raising item and meeting, and its other updates)."""
    if not item_ids:
        return {}
    marks = ",".join("?" * len(item_ids))
    here = _rows(db, f"SELECT * FROM action_update WHERE item_id IN ({marks})", *item_ids)
    if not here:
        return {}
    actions = _by_id(db, "action", {u.action_id for u in here})
    marks = ",".join("?" * len(actions))
    every = _rows(db, f"SELECT * FROM action_update WHERE action_id IN ({marks})", *actions)
    raising = _by_id(db, "agenda_item", {a.item_id for a in actions.values()})
    meetings = _by_id(
        db, "meeting", {u.meeting_id for u in every} | {i.meeting_id for i in raising.values()}
    )
    for update in every:
        update.meeting = meetings[update.meeting_id]
    for action in actions.values():
        action.item = raising[action.item_id]
        action.item.meeting = meetings[action.item.meeting_id]
        action.updates = sorted((u for u in every if u.action_id == action.id), key=lambda u: u.id)
    by_id = {u.id: u for u in every}
    for update in here:
        by_id[update.id].action = actions[update.action_id]
    return _children([by_id[u.id] for u in here], "item_id")


def _meeting(db: sqlite3.Connection, meeting_id: int) -> Meeting | None:
    found = _rows(db, "SELECT * FROM meeting WHERE id = ?", meeting_id)
    if not found:
        return None
    meeting = found[0]
    series = _rows(db, "SELECT name FROM meeting_series WHERE id = ?", meeting.series_id)
    meeting.series = series[0] if series else None
    items = sorted(
        _rows(db, "SELECT * FROM agenda_item WHERE meeting_id = ?", meeting_id),
        key=lambda r: r.position,
    )
    ids = [item.id for item in items]
    marks = ",".join("?" * len(ids))
    figures = _rows(db, f"SELECT * FROM metric WHERE item_id IN ({marks})", *ids) if ids else []
    figure_ids = [f.id for f in figures]
    points = (
        _rows(
            db,
            f"SELECT * FROM metric_point WHERE metric_id IN ({','.join('?' * len(figure_ids))})",
            *figure_ids,
        )
        if figure_ids
        else []
    )
    points_of = _children(points, "metric_id")
    for figure in figures:
        figure.points = points_of.get(figure.id, [])
    figures_of = _children(figures, "item_id")
    actions_of = _children(
        _rows(db, f"SELECT * FROM action WHERE item_id IN ({marks})", *ids) if ids else [],
        "item_id",
    )
    decisions_of = _children(
        _rows(db, f"SELECT * FROM decision WHERE item_id IN ({marks})", *ids) if ids else [],
        "item_id",
    )
    carried_of = _carried(db, ids)
    visits_of = _children(
        _rows(db, f"SELECT * FROM item_visit WHERE item_id IN ({marks})", *ids) if ids else [],
        "item_id",
    )
    for item in items:
        item.carried = carried_of.get(item.id, [])
        item.visits = visits_of.get(item.id, [])
        item.figures = figures_of.get(item.id, [])
        item.actions = actions_of.get(item.id, [])
        item.decisions = decisions_of.get(item.id, [])
    meeting.items = items
    meeting.attendees = sorted(
        _rows(db, "SELECT * FROM attendee WHERE meeting_id = ?", meeting_id),
        key=lambda r: (r.position, r.id),
    )
    meeting.status_history = sorted(
        _rows(db, "SELECT * FROM status_change WHERE meeting_id = ?", meeting_id),
        key=lambda r: r.id,
    )
    return meeting_record(meeting)  # type: ignore[arg-type]


def latest_meeting(path: Path, meeting_id: int | None = None) -> Meeting | None:
    """The meeting ``meeting_id`` (the newest when None), or None when it cannot be read
    this way."""
    db = _connect(path)
    if db is None:
        return None
    try:
        if meeting_id is None:
            found = db.execute(f"SELECT id FROM meeting {_DATED}", (1,)).fetchone()
            found = found or db.execute(f"SELECT id FROM meeting {_UNDATED}", (1,)).fetchone()
            if found is None:
                return None
            meeting_id = found[0]
        return _meeting(db, meeting_id)
    except (sqlite3.Error, ValueError, AttributeError):
        return None
    finally:
        db.close()


def first_summaries(path: Path, limit: int) -> list[MeetingSummary] | None:
    """The newest ``limit`` rows of the meetings list, or None when they cannot be read."""
    db = _connect(path)
    if db is None:
        return None
    try:
        select = (
            "SELECT meeting.id, meeting.date, meeting.title, meeting.status, meeting_series.name"
            " FROM meeting LEFT OUTER JOIN meeting_series ON meeting_series.id = meeting.series_id"
        )
        rows = db.execute(f"{select} {_DATED}", (limit,)).fetchall()
        if len(rows) < limit:
            rows += db.execute(f"{select} {_UNDATED}", (limit - len(rows),)).fetchall()
        return [
            MeetingSummary(r[0], date.fromisoformat(r[1]) if r[1] else None, r[2], r[3], r[4] or "")
            for r in rows
        ]
    except (sqlite3.Error, ValueError):
        return None
    finally:
        db.close()
