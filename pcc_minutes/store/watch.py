"""Watching the database file from under the window: changes made by other processes, a
journal (``-wal``) file removed or replaced behind our back, and moving the journal into the
database file itself.

SQLite in WAL mode writes each commit to the ``-wal`` file first; the main file gets it at a
checkpoint. A commit there survives a crash, but not a sync client or a clean-up tool that
deletes the ``-wal`` file: our open connections go on writing into the deleted file, and
everything since the last checkpoint is gone when the process ends. So the window
checkpoints when typing pauses (``checkpoint``), notices a ``-wal`` (or database file) that is
no longer the one our connections have open (``FileGuard``), and then opens fresh connections
(``reconnect``) and writes its notes again. ``ChangeProbe`` tells, at the cost of one
``PRAGMA data_version``, whether anyone else has committed since it last looked.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import weakref
from pathlib import Path

from pcc_minutes.store.database import Store

FileId = tuple[int, int]  # (st_dev, st_ino): the file itself, whatever its name


def file_id(path: Path) -> FileId | None:
    """Which file ``path`` names now; None when there is none (or it cannot be looked at)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def checkpoint(store: Store) -> bool:
    """Copy the journal into the database file (``PRAGMA wal_checkpoint(PASSIVE)``: it never
    waits for other connections). True when everything committed is now in the main file —
    False when a reader elsewhere still holds part of it back, so the caller tries again.
    A read-only store wrote nothing, so there is nothing of ours to copy."""
    if store.read_only:
        return True
    with store.connection() as connection:
        busy, frames, copied = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    return busy == 0 and (frames == -1 or frames == copied)  # -1: not in WAL mode at all


def in_wal_mode(store: Store) -> bool:
    """Whether our connections journal to a ``-wal`` file (a file system without shared
    memory leaves SQLite in its rollback journal, where there is no ``-wal`` to watch)."""
    with store.connection() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    return str(mode).lower() == "wal"


def reconnect(store: Store) -> None:
    """Close every connection of ours to the file at once (``Store.reconnect``: transactions
    in flight end first, new ones wait), so that the next transaction opens the file that is
    there now (and a fresh ``-wal``) instead of writing on into a deleted one. Closing the
    last connection checkpoints what the old journal held into the database file."""
    if store.is_ready:
        store.reconnect()


_GUARDS: weakref.WeakKeyDictionary[Store, FileGuard] = weakref.WeakKeyDictionary()
_GUARDS_LOCK = threading.Lock()


def guard_for(store: Store) -> FileGuard:
    """The store's one ``FileGuard``, shared by every saver writing through it: a reconnect
    (by any of them) makes it forget the old files, so the journal our own reconnect removed
    is not taken for one another program deleted."""
    with _GUARDS_LOCK:
        guard = _GUARDS.get(store)
        if guard is None:
            guard = _GUARDS[store] = FileGuard(store.path)
            store.on_reconnect(guard.forget)
        return guard


class FileGuard:
    """Remembers which database file and ``-wal`` our connections write, and says when the
    names now point elsewhere: ``check`` costs two ``os.stat`` calls, so it runs after every
    save and on a timer. Thread-safe (the saver's worker and the window both call it)."""

    VANISHED = "vanished"  # the -wal file was deleted
    REPLACED = "replaced"  # another file now has the -wal's name
    MOVED = "moved"  # the database file itself was replaced or removed

    def __init__(self, path: Path):
        self.path = Path(path)
        self.wal = wal_path(self.path)
        self._lock = threading.Lock()
        self._main: FileId | None = None
        self._journal: FileId | None = None

    def forget(self) -> None:
        """After ``reconnect``: the next look remembers whatever files are there then."""
        with self._lock:
            self._main = self._journal = None

    def check(self, *, written: bool = False) -> str | None:
        """None while the files are the ones remembered (the first look remembers them);
        else ``VANISHED``, ``REPLACED`` or ``MOVED``. Right after a commit in WAL mode
        (``written``) the ``-wal`` must be there; otherwise one that has not appeared yet is
        not a loss, one that has and goes is."""
        main, journal = file_id(self.path), file_id(self.wal)
        with self._lock:
            if self._main is None:
                self._main = main
            elif main != self._main:
                return self.MOVED
            if self._journal is None:
                if written and journal is None:
                    return self.VANISHED
                self._journal = journal
            elif journal != self._journal:
                return self.VANISHED if journal is None else self.REPLACED
        return None


class ChangeProbe:
    """A connection of its own, read-only, that tells whether another connection — another
    process, or another connection of ours — has committed since the last ``changed()``.
    ``PRAGMA data_version`` reads a counter in shared memory: microseconds, no file I/O."""

    def __init__(self, path: Path, store: Store | None = None):
        """With ``store``, the probe's connection closes in the store's ``reconnect`` with
        all the others, and is not opened again while that runs."""
        self.path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None
        self._gate = store.in_use if store is not None else contextlib.nullcontext
        if store is not None:
            store.on_reconnect(self.close)

    def changed(self) -> bool:
        """True when something was committed since the last call; True as well the first time
        after (re)opening, when there is nothing to compare with; False when the file cannot
        be read just now (the next call tries again)."""
        with self._gate():
            return self._changed()

    def _changed(self) -> bool:
        try:
            if self._connection is None:
                self._connection = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    timeout=0.2,
                    isolation_level=None,  # autocommit: no read transaction held between polls
                    check_same_thread=False,
                )
                self._version = None
            cursor = self._connection.execute("PRAGMA data_version")
            try:
                version = cursor.fetchall()[0][0]
            finally:
                cursor.close()
        except sqlite3.Error:
            self.close()
            return False
        changed = version != self._version
        self._version = version
        return changed

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
        self._connection, self._version = None, None
