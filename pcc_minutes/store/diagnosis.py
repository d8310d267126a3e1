"""What a database file is, found by reading it only, before anything is written to it.

``diagnose`` tells apart every reason a file cannot be used — missing, a folder, not a
database, damaged (the only one that advises a backup), another program's database, a newer
schema, locked — and, for a healthy PCC Minutes database, whether it can be written: a
read-only file, folder or disk, or a full disk, opens the database read-only instead of
failing. Advice depends on the diagnosis, so a user is never told to restore an old backup
over good minutes because a folder could not be written.

Nothing here writes. The probe connection is read-only, and a WAL database with nothing in its
``-wal`` is read as immutable, because even a read-only connection would leave ``-wal`` and
``-shm`` files beside the file it refuses. The one exception is a crash's hot journal: SQLite
must roll it back before anything can be read, and doing so restores the file's last committed
state, as any SQLite program would on opening it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from pcc_minutes.core.errors import NotADatabaseError, StorageError, shorten
from pcc_minutes.store.migrations import HEAD

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
OUR_TABLES = frozenset({"meeting", "agenda_item", "meeting_series"})
# Below this much free space a database is opened read-only: a minute-taker typing into a
# disk that has run out would otherwise lose notes mid-meeting ("Not saved" for ever).
MIN_FREE_BYTES = 1 << 20
# SQLite's names for "this connection could not be set up", as opposed to "the file is bad".
_CANNOT_OPEN = ("SQLITE_CANTOPEN", "SQLITE_IOERR_SHM", "SQLITE_READONLY_CANT")
_DISK_FULL = ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")


@dataclass(frozen=True)
class ReadOnly:
    """Why a healthy database cannot be written, and what would let it be: the two halves of
    the sentences the window's banner and a refused change show."""

    why: str
    fix: str


READ_ONLY_DISK = ReadOnly(
    "it is on a disk or share mounted read-only", "copy it to a folder you can write to"
)
READ_ONLY_FILE = ReadOnly(
    "its file is read-only", "allow writing to the file, or copy it to a folder you can write to"
)
READ_ONLY_FOLDER = ReadOnly(
    "its folder cannot be written",
    "allow writing to the folder, or copy the file to a folder you can write to",
)
DISK_FULL = ReadOnly(
    "the disk holding it is full", "free some space on that disk and open it again"
)
# Where SQLite could not make its ``-shm`` beside the file: such a file is read as immutable.
IMMUTABLE = frozenset({READ_ONLY_DISK, READ_ONLY_FOLDER, DISK_FULL})


@dataclass(frozen=True)
class Diagnosis:
    """A file found fit to open. ``revision`` is None when there is no schema yet (a new,
    empty file); ``deep`` when every page was read; ``read_only`` says why it cannot be
    written (None when it can)."""

    path: Path
    exists: bool
    revision: str | None = None
    wal: bool = False
    deep: bool = False
    read_only: ReadOnly | None = None


# --- the sentences -------------------------------------------------------------------------


def missing(path: Path) -> NotADatabaseError:
    return NotADatabaseError(
        f"There is no database at {path}; check the path given with --db or PCC_MINUTES_DB, "
        "or create one with the import or demo command."
    )


def damaged(path: Path, how: str = "its integrity check failed") -> StorageError:
    return StorageError(
        f"The database {path} is damaged ({how}) and was left untouched; restore a backup, "
        "or start afresh with another file via --db."
    )


def locked(path: Path) -> StorageError:
    return StorageError(
        f"The database {path} is locked by another program; close that program and try again."
    )


def another_program(path: Path) -> NotADatabaseError:
    return NotADatabaseError(
        f"{path} is an SQLite database of another program; "
        "choose another file with --db, or move this one away."
    )


def _unreadable(path: Path, exc: sqlite3.Error) -> StorageError:
    name = sqlite_name(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return locked(path)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged(path, "SQLite cannot read it as a database")
    if name.startswith(_DISK_FULL):
        return StorageError(
            f"The database {path} cannot be read because the disk holding it is full; "
            "free some space and try again."
        )
    if name.startswith("SQLITE_IOERR"):
        return StorageError(
            f"The database {path} could not be read because the disk reported an error; "
            "check the disk, then try again."
        )
    return StorageError(
        f"The database {path} could not be opened for reading; check that you may read the "
        "file and its folder, then try again."
    )


# --- small facts about the file, none of which opens it for writing -------------------------


def sqlite_name(exc: BaseException) -> str:
    """SQLite's name for an error (``SQLITE_FULL``…), through SQLAlchemy's wrapper if any."""
    original = getattr(exc, "orig", exc)
    return str(getattr(original, "sqlite_errorname", "") or "")


def _wal_has_content(real: Path) -> bool:
    try:
        return os.stat(f"{real}-wal").st_size > 0
    except OSError:
        return False


def _disk(folder: Path) -> os.statvfs_result | None:
    """The file system's facts (None where the system has no ``statvfs``, e.g. Windows)."""
    statvfs = getattr(os, "statvfs", None)
    try:
        return statvfs(folder) if statvfs is not None else None
    except OSError:
        return None


def writability(real: Path) -> ReadOnly | None:
    """Why the database at ``real`` (links resolved) cannot be written, or None.

    ``os.access`` asks the system without opening the file: closing any descriptor of a
    database drops every POSIX lock this process holds on it, including SQLite's."""
    disk = _disk(real.parent)
    if disk is not None and disk.f_flag & getattr(os, "ST_RDONLY", 1):
        return READ_ONLY_DISK
    if real.exists() and not os.access(real, os.W_OK):
        return READ_ONLY_FILE
    if not os.access(real.parent, os.W_OK | os.X_OK):
        return READ_ONLY_FOLDER
    if disk is not None and disk.f_bavail * disk.f_frsize < MIN_FREE_BYTES:
        return DISK_FULL
    return None


def _uri(real: Path, *, immutable: bool) -> str:
    return f"{real.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def connect_read_only(
    path: Path, *, timeout: float, immutable_first: bool = False, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A read-only connection to ``path``. A WAL database whose folder cannot be written (or
    whose disk is full) cannot be opened the ordinary way — SQLite must create its ``-shm``
    file — so, when its ``-wal`` holds nothing, it is read as immutable instead."""
    real = path.resolve()
    quiet_wal = not _wal_has_content(real)
    if not (immutable_first and quiet_wal):
        db = sqlite3.connect(
            _uri(real, immutable=False),
            uri=True,
            timeout=timeout,
            check_same_thread=check_same_thread,
        )
        try:
            db.execute("PRAGMA schema_version").fetchone()
            return db
        except sqlite3.Error as exc:
            db.close()
            if not (quiet_wal and sqlite_name(exc).startswith(_CANNOT_OPEN + _DISK_FULL)):
                raise
    return sqlite3.connect(
        _uri(real, immutable=True),
        uri=True,
        timeout=timeout,
        check_same_thread=check_same_thread,
    )


def needs_immutable(path: Path) -> bool:
    """True when an ordinary read-only connection would fail or leave files behind because
    the folder cannot take the ``-shm`` file; cheap (no file is opened)."""
    real = path.resolve()
    return writability(real) in IMMUTABLE


# --- the diagnosis --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Contents:
    tables: frozenset[str]
    revisions: tuple[str, ...] | None  # None: an alembic_version table not like Alembic's
    verdict: str


def _read_contents(real: Path, *, deep: bool, timeout: float, immutable: bool) -> _Contents:
    db = sqlite3.connect(_uri(real, immutable=immutable), uri=True, timeout=timeout)
    try:
        tables = frozenset(
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        )
        revisions: tuple[str, ...] | None = ()
        if "alembic_version" in tables:
            try:
                rows = db.execute("SELECT version_num FROM alembic_version LIMIT 2").fetchall()
                revisions = tuple(str(row[0]) for row in rows)
            except sqlite3.OperationalError as exc:
                if sqlite_name(exc) != "SQLITE_ERROR":  # "no such column": not Alembic's table
                    raise
                revisions = None
        verdict = db.execute("PRAGMA quick_check(1)").fetchone()[0] if deep else "ok"
    finally:
        db.close()
    return _Contents(tables, revisions, str(verdict))


def _plainly_foreign(real: Path) -> bool:
    """Whether a file with a hot journal shows, read as it lies (immutable, the journal
    ignored), only tables that are not ours: then it is refused without being repaired."""
    try:
        with contextlib.closing(sqlite3.connect(_uri(real, immutable=True), uri=True)) as db:
            rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error:
        return False  # unreadable until repaired: most likely our own first migration
    tables = {name for (name,) in rows if not name.startswith("sqlite_")}
    return bool(tables) and not tables & (OUR_TABLES | {"alembic_version"})


def _recover_hot_journal(path: Path, real: Path, timeout: float) -> None:
    """Let SQLite roll back what a program killed mid-write left in the ``-journal``: the
    file returns to its last committed state, as any SQLite program would do on opening it.
    Only for a file that may be ours (another program's is refused untouched), and only when
    it can be written."""
    if _plainly_foreign(real):
        raise another_program(path)
    if writability(real) not in (None, DISK_FULL):
        raise StorageError(
            f"The database {path} was left half-written by a program that stopped, and cannot "
            "be put right because it cannot be written; allow writing to it and its folder, "
            "then try again."
        )
    try:
        db = sqlite3.connect(real, timeout=timeout)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc


def _contents(path: Path, real: Path, *, wal: bool, deep: bool, timeout: float) -> _Contents:
    """Read the schema (and with ``deep`` every page), retrying the ordinary way when the
    immutable read may have raced a writer, and after rolling back a hot journal."""
    immutable = wal and not _wal_has_content(real)
    recovered = False
    while True:
        try:
            found = _read_contents(real, deep=deep, timeout=timeout, immutable=immutable)
        except sqlite3.Error as exc:
            name = sqlite_name(exc)
            if name == "SQLITE_READONLY_ROLLBACK" and not recovered:
                _recover_hot_journal(path, real, timeout)
                recovered = True
                continue
            if immutable and _wal_has_content(real):
                immutable = False  # a writer started meanwhile: read with locks this time
                continue
            raise _unreadable(path, exc) from exc
        if found.verdict != "ok" and immutable and _wal_has_content(real):
            immutable = False
            continue
        return found


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # only when a file is not at HEAD: rare

    from pcc_minutes.store.database import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in scripts.walk_revisions()}


def _revision(path: Path, found: _Contents) -> str | None:
    """The schema revision of a file of ours; refuses a newer one and another program's."""
    if not found.tables:
        return None  # an empty SQLite database: ours to set up
    if "alembic_version" not in found.tables or found.revisions is None:
        raise another_program(path)
    ours = OUR_TABLES <= found.tables
    if len(found.revisions) != 1:
        raise another_program(path)
    current = found.revisions[0]
    if current == HEAD or current in _known_revisions():
        if not ours:
            raise another_program(path)  # the same revision name, but not our tables
        return current
    if ours:
        raise StorageError(
            f"The database {path} was written by a newer PCC Minutes (schema "
            f"{shorten(current, 40)}) and was left untouched; update the program before "
            "opening it."
        )
    raise another_program(path)


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEADER_BYTES)
    except PermissionError as exc:
        raise StorageError(
            f"The database {path} cannot be read because you do not have permission; "
            "check its permissions."
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"The database {path} could not be read because the system reported an error; "
            "check the disk, then try again."
        ) from exc


def _stat(path: Path, *, create: bool) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise NotADatabaseError(
                f"{path} is a link to a file that does not exist; give the database file "
                "itself with --db."
            ) from None
        if not create:
            raise missing(path) from None
        return None
    except NotADirectoryError:
        raise NotADatabaseError(
            f"Part of the database path {path} is a file, not a folder; check the --db path."
        ) from None
    except PermissionError:
        raise StorageError(
            f"The database {path} cannot be reached because you may not open its folder; "
            "check the folder's permissions."
        ) from None
    except (OSError, ValueError) as exc:
        if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
            raise NotADatabaseError(
                f"The database path {shorten(path)} is too long; choose a shorter name with --db."
            ) from None
        raise NotADatabaseError(
            f"The database path {shorten(path)} cannot be used as a file name; "
            "choose another with --db."
        ) from None


def diagnose(path: Path, *, deep: bool, timeout: float, create: bool) -> Diagnosis:
    """What ``path`` holds, read only; raises the one sentence that fits when it is not a
    healthy PCC Minutes database of a known schema. ``create`` accepts a missing or empty
    file (it will become a new database); ``deep`` reads every page (``PRAGMA quick_check``,
    about 150 ms at 10,000 meetings), otherwise only the header and the schema are read."""
    info = _stat(path, create=create)
    if info is None:
        return Diagnosis(path, exists=False)
    if stat.S_ISDIR(info.st_mode):
        raise NotADatabaseError(
            f"{path} is a folder, not a database file; give a file name with --db."
        )
    if not stat.S_ISREG(info.st_mode):
        raise NotADatabaseError(
            f"{path} is not an ordinary file (a device, pipe or socket); "
            "give a database file with --db."
        )
    real = path.resolve()
    header = _header(path)
    if header == b"":
        if not create:
            raise NotADatabaseError(
                f"{path} is an empty file, not a database yet; check the --db path, or create "
                "a database there with the import or demo command."
            )
        return Diagnosis(path, exists=True, read_only=writability(real))
    if not header.startswith(SQLITE_MAGIC):
        if SQLITE_MAGIC.startswith(header):
            raise damaged(path, "it ends inside its first few bytes")
        raise NotADatabaseError(
            f"{path} is not a PCC Minutes database (not an SQLite file); "
            "choose another file with --db, or move this one away."
        )
    if len(header) < HEADER_BYTES:
        raise damaged(path, "it ends inside its header")
    wal = 2 in (header[18], header[19])
    found = _contents(path, real, wal=wal, deep=deep, timeout=timeout)
    revision = _revision(path, found)
    if found.verdict != "ok":
        raise damaged(path)
    return Diagnosis(
        path, exists=True, revision=revision, wal=wal, deep=deep, read_only=writability(real)
    )


def check_pages(diagnosis: Diagnosis, *, timeout: float) -> Diagnosis:
    """Read every page of a file already diagnosed (for the window, after its first paint),
    through SQLite only: no descriptor of the file is opened and closed beside the store's
    own connections."""
    path = diagnosis.path
    try:
        db = connect_read_only(
            path,
            timeout=timeout,
            immutable_first=diagnosis.read_only in IMMUTABLE,
        )
        try:
            verdict = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    if verdict != "ok":
        raise damaged(path)
    return replace(diagnosis, deep=True)
