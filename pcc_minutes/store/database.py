"""The local store: one SQLite file, migrated on open, one short transaction per user action.

``open_store`` finds the file (``--db``, ``PCC_MINUTES_DB``, else the user's data folder),
diagnoses it *without writing to it* (``store.diagnosis``: anything that is not a healthy PCC
Minutes database of a known schema is refused, the file left byte-identical), runs the
Alembic migrations, and returns a ``Store`` whose ``transaction()`` is the only way the rest
of the program touches the database. A database that can be read but not written (read-only
file, folder or disk, or a full disk) opens read-only: ``Store.read_only`` and its one-sentence
``Store.read_only_reason``; every change then raises ``ReadOnlyStoreError``.

WAL journal and foreign keys are on for every writing connection — switched on only after the
diagnosis and any migration, so that a refused file or a failed migration is left exactly as
it was; a second process on the same file works (writers wait up to ``BUSY_SECONDS``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # SQLAlchemy itself is imported on the first transaction, not at start-up
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

from pcc_minutes.core.errors import (
    BackupPathError,
    NotADatabaseError,
    ReadOnlyStoreError,
    StorageError,
    os_problem,
)
from pcc_minutes.store import diagnosis as diag
from pcc_minutes.store.diagnosis import Diagnosis, ReadOnly
from pcc_minutes.store.gate import ConnectionGate
from pcc_minutes.store.migrations import HEAD

ENV_VAR = "PCC_MINUTES_DB"
DB_FILENAME = "minutes.sqlite3"
BUSY_SECONDS = 5.0


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("pcc-minutes", appauthor=False) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` first, then the ``PCC_MINUTES_DB`` variable, then the user's data folder."""
    chosen = explicit or os.environ.get(ENV_VAR) or default_db_path()
    try:
        return Path(chosen).expanduser()
    except RuntimeError:  # "~someone" with no such user
        raise NotADatabaseError(
            f"The database path {chosen} names a home folder that does not exist; "
            "check the --db path."
        ) from None


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # SQLAlchemy's pysqlite driver manages transactions itself; these pragmas are per
    # connection. FULL synchronous keeps a committed note across a power cut, not just a crash.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    finally:
        cursor.close()


def alembic_config():  # -> alembic.config.Config; alembic is imported only when needed
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "pcc_minutes:store/migrations")
    return config


def _migrate(db_path: Path) -> None:
    """Run every pending migration in ONE SQLite transaction: a migration that fails, or a
    process killed half way, leaves the file exactly as it was (byte for byte).

    pysqlite would commit each DDL statement on its own, so the migration runs on a
    connection of its own in autocommit mode with an explicit ``BEGIN IMMEDIATE``; the
    journal mode is left as the file has it (WAL is switched on after the commit). Foreign
    keys are off while tables are rebuilt (dropping a parent table would otherwise cascade
    into its children), and checked before the commit."""
    from alembic import command
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    config = alembic_config()
    migrating = create_engine(f"sqlite:///{db_path}", poolclass=NullPool)

    @event.listens_for(migrating, "connect")
    def _autocommit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @event.listens_for(migrating, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with migrating.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise StorageError(
                    f"Updating the database {db_path} would break a link between "
                    f"its rows (table {broken[0]}); it was left as it was."
                )
    finally:
        migrating.dispose()


def _failure(path: Path, exc: BaseException, what: str) -> StorageError | None:
    """The one sentence for an SQLite failure, starting with ``what`` did not happen (e.g.
    "The change was not saved"), or None when it is not one a user can act on (a bug)."""
    name = diag.sqlite_name(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return diag.locked(path)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return diag.damaged(path, "SQLite found a broken page")
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")):
        cause, advice = "the disk holding it is full", "free some space and try again"
    elif name.startswith("SQLITE_READONLY"):
        cause = "it cannot be written"
        advice = "check the permissions of the file and its folder, then try again"
    elif name.startswith("SQLITE_IOERR"):
        cause, advice = "the disk reported an error", "check the disk, then try again"
    elif name.startswith("SQLITE_CANTOPEN"):
        cause = "the file could not be opened"
        advice = "check that it was not moved or deleted and that its folder can be written"
    else:
        return None
    return StorageError(f"{what} because {cause}; {advice}.")


def _reraise(path: Path, exc: BaseException, what: str) -> NoReturn:
    """Raise the sentence for ``exc`` (see ``_failure``), or ``exc`` itself when it is a bug."""
    error = _failure(path, exc, what)
    if error is None:
        raise exc
    raise error from exc


def _read_only_engine(store: Store) -> Engine:
    """An engine whose connections cannot write: SQLite itself refuses every change."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import QueuePool

    immutable_first = store._immutable_first()

    def connect() -> sqlite3.Connection:
        return diag.connect_read_only(
            store.path,
            timeout=BUSY_SECONDS,
            immutable_first=immutable_first,
            check_same_thread=False,
        )

    return create_engine("sqlite://", creator=connect, poolclass=QueuePool, future=True)


def _writing_engine(db_path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite:///{db_path}", connect_args={"timeout": BUSY_SECONDS}, future=True
    )
    event.listen(engine, "connect", _on_connect)
    return engine


# SQLite's refusals, on first opening a file for writing, that leave it readable.
_READ_ONLY_AFTER = {
    "SQLITE_FULL": diag.DISK_FULL,
    "SQLITE_IOERR_SHMSIZE": diag.DISK_FULL,
    "SQLITE_READONLY": diag.READ_ONLY_FILE,
    "SQLITE_CANTOPEN": diag.READ_ONLY_FOLDER,
}


@dataclass(eq=False)
class Store:
    """An open database. Use ``with store.transaction() as session:`` for each action.

    The engine (and with it SQLAlchemy, and any migration) is made on first use, so that the
    window can paint the last meeting — read with ``store.peek`` — before paying for them;
    ``open_store`` makes it at once unless asked to defer. ``read_only`` is known at once
    (the window shows its banner on the first paint); it can also turn True in ``ready()``,
    when SQLite refuses to write as the file is opened (a full disk, say)."""

    path: Path
    diagnosis: Diagnosis = None  # type: ignore[assignment]  # filled in by __post_init__
    _engine: Engine | None = None
    _sessions: sessionmaker[Session] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _gate: ConnectionGate = field(default_factory=ConnectionGate, repr=False)
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.diagnosis is None:
            self.diagnosis = Diagnosis(self.path, exists=self.path.exists())

    @property
    def read_only(self) -> bool:
        """True when the database can be read but not written; nothing will be changed."""
        return self.diagnosis.read_only is not None

    @property
    def read_only_reason(self) -> str:
        """One sentence for the window's banner ("" when the database can be written)."""
        reason = self.diagnosis.read_only
        if reason is None:
            return ""
        return (
            f"The database {self.path} is open read-only because {reason.why}; "
            f"to make changes, {reason.fix}."
        )

    def _refusal(self, reason: ReadOnly) -> ReadOnlyStoreError:
        return ReadOnlyStoreError(
            f"Nothing was changed because the database {self.path} is open read-only "
            f"({reason.why}); to make changes, {reason.fix}."
        )

    def ready(self) -> Store:
        """Make the engine and migrate the file if needed (once; safe from any thread)."""
        with self._lock:
            if self._engine is None:
                self._connect()
        return self

    def _connect(self) -> None:
        from sqlalchemy.orm import sessionmaker

        if self.read_only:
            engine = _read_only_engine(self)
        else:
            engine = self._open_for_writing()
            if engine is None:  # the disk proved full: read what is there instead
                engine = _read_only_engine(self)
        self._engine, self._sessions = engine, sessionmaker(engine, expire_on_commit=False)
        from pcc_minutes.store import search

        search.install(self._sessions)  # the search index follows every write

    def _open_for_writing(self) -> Engine | None:
        """Migrate (after a full read when the file is older), then make the writing engine
        and its first connection, which switches WAL on. None when SQLite refuses to write
        (a full disk, a permission the diagnosis could not see) an up-to-date file."""
        from sqlalchemy.exc import DBAPIError

        created = not self.diagnosis.exists
        try:
            if self.diagnosis.revision != HEAD:
                if self.diagnosis.exists and not self.diagnosis.deep:
                    self.diagnosis = diag.diagnose(
                        self.path, deep=True, timeout=BUSY_SECONDS, create=True
                    )
                _migrate(self.path)
                self.diagnosis = replace(self.diagnosis, exists=True, revision=HEAD)
        except BaseException as exc:
            if created:
                _remove_if_empty(self.path)
            if isinstance(exc, sqlite3.Error | DBAPIError):
                what = f"The database {self.path} was not set up for this version"
                _reraise(self.path, exc, f"{what} (it was left as it was)")
            raise
        engine = _writing_engine(self.path)
        try:
            with engine.connect():
                pass
        except DBAPIError as exc:
            engine.dispose()
            fallback = _READ_ONLY_AFTER.get(diag.sqlite_name(exc))
            if fallback is not None:  # the system said no where the diagnosis saw no reason
                self.diagnosis = replace(self.diagnosis, read_only=fallback)
                return None
            _reraise(self.path, exc, f"The database {self.path} could not be opened")
        return engine

    @property
    def is_ready(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        self.ready()
        assert self._engine is not None
        return self._engine

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction: commits on success, rolls back on any error. A change
        asked of a read-only store raises ``ReadOnlyStoreError`` and writes nothing."""
        from sqlalchemy.exc import DBAPIError

        self.ready()
        assert self._sessions is not None
        try:
            with self._gate.using(), self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            reason = self.diagnosis.read_only
            if reason is not None and diag.sqlite_name(exc).startswith("SQLITE_READONLY"):
                raise self._refusal(reason) from exc
            writing = diag.sqlite_name(exc).startswith(("SQLITE_FULL", "SQLITE_READONLY"))
            what = "The change was not saved to" if writing else "Nothing could be read from"
            _reraise(self.path, exc, f"{what} the database {self.path}")

    @contextlib.contextmanager
    def connection(self) -> Iterator[Connection]:
        """A bare connection (a PRAGMA, a checkpoint), through the same gate as transactions."""
        with self._gate.using(), self.engine.connect() as connection:
            yield connection

    def in_use(self) -> contextlib.AbstractContextManager[None]:
        """Around a connection of one's own to the file: waits while ``reconnect`` runs."""
        return self._gate.using()

    def on_reconnect(self, close: Callable[[], None]) -> None:
        """``close`` runs inside every ``reconnect``, with the engine's connections: a
        connection of one's own to the file (the change probe's) closes with them."""
        self._closers.append(close)

    def reconnect(self, timeout: float = 5.0) -> bool:
        """Close every connection of ours at once — the engine's and those registered with
        ``on_reconnect`` — once the transactions in flight have ended (new ones wait): the
        next one opens the file that is there now, with a fresh ``-wal``. Closing the last
        connection copies what a deleted journal held into the database file. False when a
        transaction was still running after ``timeout`` seconds (it keeps its connection)."""

        def close() -> None:
            for closer in self._closers:
                closer()
            if self._engine is not None:
                self._engine.dispose()

        return self._gate.close_all(close, timeout=timeout)

    def verify(self) -> None:
        """Read every page of the file (read-only); raise the damaged-file error if one is
        unreadable. The window runs this on a worker after its first paint."""
        if self.diagnosis.exists and self.path.exists() and self.path.stat().st_size:
            self.diagnosis = diag.check_pages(self.diagnosis, timeout=BUSY_SECONDS)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def _immutable_first(self) -> bool:
        return self.diagnosis.read_only in diag.IMMUTABLE

    def copy_into(self, path: Path) -> None:
        """Copy the whole database into the (new or empty) file ``path`` with SQLite's online
        backup, which gives a consistent copy while other connections go on writing.
        ``operations.backup`` wraps this in a temporary file renamed into place."""
        path = Path(path)
        try:
            if self.read_only:
                source = diag.connect_read_only(
                    self.path, timeout=BUSY_SECONDS, immutable_first=self._immutable_first()
                )
            else:
                source = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
            try:
                copy = sqlite3.connect(path)
                try:
                    source.backup(copy)
                finally:
                    copy.close()
            finally:
                source.close()
        except sqlite3.Error as exc:
            name = diag.sqlite_name(exc)
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise diag.locked(self.path) from exc
            if name.startswith("SQLITE_FULL"):
                raise StorageError(
                    "Cannot write the backup: the disk is full; free some space and try again."
                ) from exc
            raise BackupPathError(
                "Cannot write the backup there; choose a folder you can write to."
            ) from exc


def _remove_if_empty(path: Path) -> None:
    """A new file left empty by a failed first migration is ours and holds nothing."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def _prepare_new_file(db_path: Path) -> None:
    """The folder a new database goes into: made if missing, and able to take the file."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Cannot create the folder {db_path.parent}: {os_problem(exc)}, "
            "or choose another place with --db."
        ) from exc
    reason = diag.writability(db_path.parent.resolve() / db_path.name)
    if reason is diag.DISK_FULL:
        raise StorageError(
            f"Cannot create the database {db_path} because the disk is full; free some space "
            "or choose another place with --db."
        )
    if reason is not None:
        raise StorageError(
            f"The folder {db_path.parent} cannot be written; choose another place with --db."
        )


def open_store(
    path: str | os.PathLike[str] | None = None, *, defer: bool = False, create: bool = True
) -> Store:
    """Open (migrating as needed) the database; refuse anything unsafe to touch.

    ``create`` makes a new database when there is none (the window on a first start, and the
    commands that add meetings); without it a missing or empty file is refused in one
    sentence (exit status 2) and nothing is created. With ``defer`` (the window) the file is
    only checked here, cheaply, and the engine is made on first use; ``Store.verify`` then
    reads every page off the UI thread."""
    db_path = resolve_db_path(path)
    found = diag.diagnose(db_path, deep=not defer, timeout=BUSY_SECONDS, create=create)
    if not found.exists:
        _prepare_new_file(db_path)
    elif found.read_only is not None and found.revision != HEAD:
        state = "is empty" if found.revision is None else "was written by an older PCC Minutes"
        raise StorageError(
            f"The database {db_path} {state} and must be set up for this version, but "
            f"{found.read_only.why}; to use it, {found.read_only.fix}."
        )
    store = Store(db_path, found)
    return store if defer else store.ready()
