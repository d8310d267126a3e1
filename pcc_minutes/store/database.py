"""The local store: one SQLite file, migrated on open, one short transaction per user action.

``open_store`` finds the file (``--db``, ``PCC_MINUTES_DB``, else the user's data folder),
refuses anything that is not a healthy PCC Minutes database *without writing to it*, runs the
Alembic migrations, and returns a ``Store`` whose ``transaction()`` is the only way the rest
of the program touches the database. WAL journal and foreign keys are on for every connection;
a second process on the same file works (writers wait for each other up to ``BUSY_SECONDS``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy itself is imported on the first transaction, not at start-up
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

from pcc_minutes.core.errors import StorageError
from pcc_minutes.store.migrations import HEAD

ENV_VAR = "PCC_MINUTES_DB"
DB_FILENAME = "minutes.sqlite3"
BUSY_SECONDS = 5.0
SQLITE_MAGIC = b"SQLite format 3\x00"
OUR_TABLES = {"meeting", "agenda_item", "meeting_series"}


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("pcc-minutes", appauthor=False) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` first, then the ``PCC_MINUTES_DB`` variable, then the user's data folder."""
    chosen = explicit or os.environ.get(ENV_VAR) or default_db_path()
    return Path(chosen).expanduser()


def _check_existing_file(path: Path, *, deep: bool = True) -> None:
    """Refuse a path that is not a PCC Minutes database, reading it only. ``deep`` reads
    every page (``PRAGMA quick_check``: about 150 ms at 10,000 meetings); without it only
    the header and the schema are read, and ``Store.verify`` reads the rest later."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file; give a file name with --db.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(
            f"Cannot read the database {path} ({exc.strerror}); check its permissions."
        ) from exc
    if header == b"":
        return  # an empty file is an empty database
    if header != SQLITE_MAGIC:
        raise StorageError(
            f"{path} is not a PCC Minutes database (not an SQLite file); "
            "choose another file with --db, or move this one away."
        )
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
        try:
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master")}
            verdict = probe.execute("PRAGMA quick_check").fetchone()[0] if deep else "ok"
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    if verdict != "ok":
        raise _damaged(path, verdict)
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and not (user_tables & OUR_TABLES) and "alembic_version" not in user_tables:
        raise StorageError(
            f"{path} is an SQLite database of another program; "
            "choose another file with --db, or move this one away."
        )


def _damaged(path: Path, detail: object) -> StorageError:
    if "locked" in str(detail) or "busy" in str(detail):
        return _locked(path)
    return StorageError(
        f"The database {path} is damaged ({detail}) and was left untouched; "
        "restore a backup, or start afresh with another file via --db."
    )


def _locked(path: Path) -> StorageError:
    return StorageError(
        f"The database {path} is locked by another program; close that program and try again."
    )


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


def _migrate(engine: Engine) -> None:
    """Run every pending migration in ONE SQLite transaction: a migration that fails, or a
    process killed half way, leaves the file exactly as it was.

    pysqlite would commit each DDL statement on its own, so the migration runs on a
    connection of its own in autocommit mode with an explicit ``BEGIN IMMEDIATE``. Foreign
    keys are off while tables are rebuilt (dropping a parent table would otherwise cascade
    into its children), and checked before the commit."""
    from alembic import command
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    config = alembic_config()
    migrating = create_engine(engine.url, poolclass=NullPool)

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
                    f"Updating the database {engine.url.database} would break a link between "
                    f"its rows (table {broken[0]}); it was left as it was."
                )
    finally:
        migrating.dispose()


@dataclass(eq=False)
class Store:
    """An open database. Use ``with store.transaction() as session:`` for each action.

    The engine (and with it SQLAlchemy, and any migration) is made on first use, so that the
    window can paint the last meeting — read with ``store.peek`` — before paying for them;
    ``open_store`` makes it at once unless asked to defer."""

    path: Path
    _engine: Engine | None = None
    _sessions: sessionmaker[Session] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def ready(self) -> Store:
        """Make the engine and migrate the file if needed (once; safe from any thread)."""
        with self._lock:
            if self._engine is None:
                self._engine, self._sessions = _connect(self.path)
        return self

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
        """One short transaction: commits on success, rolls back on any error."""
        from sqlalchemy.exc import OperationalError

        self.ready()
        assert self._sessions is not None
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise _locked(self.path) from exc
            if "readonly" in str(exc.orig) or "read-only" in str(exc.orig):
                raise StorageError(
                    f"The database {self.path} cannot be written; check the folder's "
                    "permissions or choose another file with --db."
                ) from exc
            raise

    def verify(self) -> None:
        """Read every page of the file (read-only); raise the damaged-file error if one is
        unreadable. The window runs this on a worker after its first paint."""
        if self.path.exists() and self.path.stat().st_size:
            _check_existing_file(self.path, deep=True)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def backup(self, target: Path) -> Path:
        """Copy the whole database with SQLite's online backup, safely beside ``target``."""
        target = Path(target)
        if target.is_dir():
            raise StorageError(f"{target} is a folder; give a file name for the backup.")
        partial = target.with_name(f".{target.name}.part")
        try:
            source = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
            try:
                copy = sqlite3.connect(partial)
                try:
                    source.backup(copy)
                finally:
                    copy.close()
            finally:
                source.close()
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise StorageError(
                f"Cannot write the backup to {target} ({exc.strerror}); choose a folder you "
                "can write to."
            ) from exc
        except sqlite3.OperationalError as exc:
            partial.unlink(missing_ok=True)
            raise StorageError(
                f"Cannot write the backup to {target} ({exc}); choose a folder you can write to."
            ) from exc
        return target


def open_store(path: str | os.PathLike[str] | None = None, *, defer: bool = False) -> Store:
    """Open (creating and migrating as needed) the database; refuse anything unsafe to touch.

    With ``defer`` (the window) the file is only checked here, cheaply, and the engine is made
    on first use; ``Store.verify`` then reads every page off the UI thread."""
    db_path = resolve_db_path(path)
    if db_path.exists() or db_path.is_symlink():
        _check_existing_file(db_path, deep=not defer)
    else:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the folder {db_path.parent} ({exc.strerror}); "
                "choose another place with --db."
            ) from exc
        if not os.access(db_path.parent, os.W_OK):
            raise StorageError(
                f"The folder {db_path.parent} cannot be written; choose another place with --db."
            )
    store = Store(db_path)
    return store if defer else store.ready()


def _connect(db_path: Path) -> tuple[Engine, sessionmaker[Session]]:
    """The engine, after migrating the file to this version's schema if it is older."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import DBAPIError, OperationalError
    from sqlalchemy.orm import sessionmaker

    engine = create_engine(
        f"sqlite:///{db_path}", connect_args={"timeout": BUSY_SECONDS}, future=True
    )
    event.listen(engine, "connect", _on_connect)
    try:
        if _schema_revision(engine) != HEAD:
            _refuse_newer_schema(engine, db_path)
            _migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            raise _locked(db_path) from exc
        raise StorageError(
            f"Cannot open the database {db_path} ({exc.orig}); check the file and its folder."
        ) from exc
    except DBAPIError as exc:
        engine.dispose()
        raise _damaged(db_path, exc.orig) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine, sessionmaker(engine, expire_on_commit=False)


def _schema_revision(engine: Engine) -> str | None:
    """The database's Alembic revision, read without importing Alembic."""
    with engine.connect() as connection:
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).scalar()
        if not exists:
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _refuse_newer_schema(engine: Engine, path: Path) -> None:
    """A database written by a newer PCC Minutes must not be migrated by an older one."""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        if "alembic_version" not in inspect(connection).get_table_names():
            return
        current = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise StorageError(
            f"The database {path} was written by a newer PCC Minutes (schema {current}); "
            "update the program before opening it."
        )
