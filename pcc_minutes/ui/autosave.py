"""Continuous saving of the notes: no Save command, typing never waits for the disk.

The editor reports every edit; the saver waits for a short pause in the typing (``IDLE_MS``),
but never lets an edit wait longer than ``MAX_DELAY_MS`` while someone types on, so a killed
process loses at most about a second. On the GUI thread the saver only takes a snapshot of
the notes (a copy of the document: about a millisecond at 20,000 words); turning it into
Markdown and writing it run on one worker thread, newest snapshot per item, and report back
through signals.

A write lands in SQLite's journal (the ``-wal`` file), which survives a crash but not a
program that deletes that file. So once the writes pause (``CHECKPOINT_IDLE_MS``, and at
least every ``CHECKPOINT_MAX_MS`` while someone types on) the worker checkpoints the journal
into the database file, and only then is the text ``safe``: ``pending`` stays true until
then, so the window says "Saving…" rather than "Saved". After every write the worker also
checks that the ``-wal`` is still the file our connections write (``FileGuard``); when it is
not, ``file_lost`` tells the window, which reconnects and hands the notes in again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError, PccError
from pcc_minutes.store import watch
from pcc_minutes.store.database import Store

# What the saver is handed: the notes as Markdown, or a snapshot that makes it (any thread).
Notes = str | Callable[[], str]

IDLE_MS = 250
MAX_DELAY_MS = 700
RETRY_MS = 1500
CHECKPOINT_IDLE_MS = 1000  # writes paused this long: move the journal into the file
CHECKPOINT_MAX_MS = 5000  # …and never leave written text only in the journal longer


class _Reconnect:
    """A job for the worker: close every connection (the journal file was lost)."""


class _Checkpoint:
    """A job for the worker: checkpoint now; ``done`` is set when it has run."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.complete = False


class NotesSaver(QObject):
    """Saves one item's notes at a time; call ``changed`` on every edit. The private notes
    have a saver of their own (``save``), so each text keeps its own pace and pending state."""

    saved = Signal(float)  # time.monotonic() of a commit (in the journal: survives a crash)
    safe = Signal(float)  # time.monotonic() when everything written was in the file itself
    written = Signal(int, str)  # (item id, the notes as the database now holds them)
    failed = Signal(str)  # one sentence; the text stays pending and is retried
    file_lost = Signal(str)  # watch.FileGuard's verdict: the -wal or the file is not ours
    _held_back = Signal()  # a checkpoint could not copy everything: try again later

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        save: Callable[[Store, int, str], object] | None = None,
    ):
        """``save(store, item_id, markdown)`` writes one item's text (run on the worker);
        by default the item's notes (``ops.save_item_notes``)."""
        super().__init__(parent)
        self.store = store
        self._save = save  # looked up on the worker: the facade imports lazily
        self.guard = watch.guard_for(store)  # shared by every saver of this store
        self._wal_mode: bool | None = None  # asked on the worker before its first check
        self._item_id: int | None = None
        self._text_of: Callable[[], Notes] | None = None
        self._pending_since: float | None = None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.flush)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._requeue_failed)
        self._checkpoint_idle = QTimer(self, singleShot=True, interval=CHECKPOINT_IDLE_MS)
        self._checkpoint_idle.timeout.connect(self.checkpoint_soon)
        self._checkpoint_deadline = QTimer(self, singleShot=True, interval=CHECKPOINT_MAX_MS)
        self._checkpoint_deadline.timeout.connect(self.checkpoint_soon)
        self._unsafe = False  # written to the journal, not yet checkpointed into the file
        self._failed: set[int] = set()
        self._locked: set[int] = set()  # refused because their meeting is locked
        self._written: dict[int, str] = {}  # what each write put in (or is putting in) the file
        self._jobs: queue.Queue[tuple[int, Notes] | _Checkpoint | _Reconnect | None]
        self._jobs = queue.Queue()
        self._latest: dict[int, Notes] = {}
        self._lock = threading.Lock()
        self._idle_event = threading.Event()
        self._idle_event.set()
        self._worker = threading.Thread(target=self._run, name="notes-saver", daemon=True)
        self._worker.start()
        self.last_saved: float | None = None  # when the text was last all in the file
        self.saved.connect(self._landed)
        self.safe.connect(self._remember)
        self.failed.connect(lambda _message: self._retry.start())
        self._held_back.connect(self._checkpoint_later)

    # --- the GUI side --------------------------------------------------------------------

    def track(self, item_id: int | None, text_of: Callable[[], Notes] | None) -> None:
        """Follow a new item; anything pending for the previous one is saved first."""
        self.flush()
        self._item_id, self._text_of = item_id, text_of

    def changed(self) -> None:
        if self._item_id is None:
            return
        if self._pending_since is None:
            self._pending_since = time.monotonic()
            self._deadline.start()
        self._idle.start()

    @property
    def pending(self) -> bool:
        """True while typed text is not yet safely in the database file: not yet handed on,
        not yet written (or refused), or written only to the journal."""
        with self._lock:
            waiting = bool(self._latest)
        return self._pending_since is not None or waiting or self._unsafe

    def flush(self) -> None:
        """Hand the current text to the worker now (it returns at once)."""
        self._idle.stop()
        self._deadline.stop()
        if self._pending_since is None or self._item_id is None or self._text_of is None:
            return
        self._pending_since = None
        self._submit(self._item_id, self._text_of())

    def resave(self, item_id: int, text: Notes) -> None:
        """Write this item's notes again, through the same worker (after the file was lost)."""
        self._submit(item_id, text)

    def unsaved(self) -> dict[int, str]:
        """The notes not in the database yet, by item: typed but not handed on, or refused
        (a meeting locked since, a full disk). Computed here, on the GUI thread."""
        with self._lock:
            waiting = dict(self._latest)
        if self._pending_since is not None and self._item_id is not None and self._text_of:
            waiting[self._item_id] = self._text_of()
        return {item_id: text() if callable(text) else text for item_id, text in waiting.items()}

    def unsaved_locked(self) -> dict[int, str]:
        """Of ``unsaved``, the notes refused because their meeting is approved or published."""
        with self._lock:
            locked = set(self._locked)
        return {item_id: text for item_id, text in self.unsaved().items() if item_id in locked}

    def waiting(self) -> set[int]:
        """Items with text not yet in the database (cheap: nothing is converted)."""
        with self._lock:
            items = set(self._latest)
        if self._pending_since is not None and self._item_id is not None:
            items.add(self._item_id)
        return items

    def take_written(self) -> dict[int, str]:
        """The notes written (or being written) since the last call, by item: the database's
        text is ours when it equals these."""
        with self._lock:
            written, self._written = self._written, {}
        return written

    def retry_now(self) -> None:
        """Try the refused notes again now (the meeting was reopened as a draft)."""
        self._retry.stop()
        self._requeue_failed()

    def reconnect(self) -> None:
        """After the jobs handed on so far, close every connection and forget which files
        they had open: the next write opens the file that is there now."""
        self._jobs.put(_Reconnect())

    def forget(self, item_ids: set[int]) -> None:
        """Give up on writing these items' notes (the user copied them, or chose to close
        without them)."""
        if self._item_id in item_ids:
            self._idle.stop()
            self._deadline.stop()
            self._pending_since = None
        with self._lock:
            for item_id in item_ids:
                self._latest.pop(item_id, None)
                self._failed.discard(item_id)
                self._locked.discard(item_id)
            self._settle()

    def wait(self, timeout: float = 5.0) -> bool:
        """Block until the worker has written everything handed to it (closing, tests); text
        it could not write (a refusal, kept for the retry) does not hold this up."""
        self.flush()
        if not self._worker.is_alive():  # closed already: nothing will be written now
            return self._idle_event.is_set()
        return self._idle_event.wait(timeout)

    def checkpoint_soon(self) -> None:
        """Ask the worker to move the journal into the database file, after what it has."""
        self._checkpoint_idle.stop()
        self._checkpoint_deadline.stop()
        self._jobs.put(_Checkpoint())

    def checkpoint_now(self, timeout: float = 5.0) -> bool:
        """Write what is handed on, then checkpoint, and wait; True when all is in the file."""
        self.wait(timeout)
        job = _Checkpoint()
        self._checkpoint_idle.stop()
        self._checkpoint_deadline.stop()
        self._jobs.put(job)
        return job.done.wait(timeout) and job.complete

    def close(self) -> None:
        """Closing: write what is pending, move it into the database file, stop the worker.
        A store whose engine was never made has had nothing written through it (the window
        closed before its first paint's deferred work, as ``--startup-check`` does): there is
        nothing to checkpoint, and making the engine only to find that costs the close the
        SQLAlchemy import."""
        if self._worker.is_alive() and (self.store.is_ready or self.pending):
            self.checkpoint_now()
        self._jobs.put(None)
        self._worker.join(timeout=5)

    def _submit(self, item_id: int, text: Notes) -> None:
        with self._lock:
            self._idle_event.clear()
            first = item_id not in self._latest or item_id in self._failed
            self._failed.discard(item_id)  # new text: write it now, not at the retry
            self._latest[item_id] = text  # a newer text replaces one not yet written
        if first:
            self._jobs.put((item_id, text))

    def _landed(self, _when: float) -> None:
        """A write is in the journal: checkpoint once the writes pause."""
        self._unsafe = True
        self._checkpoint_idle.start()
        if not self._checkpoint_deadline.isActive():
            self._checkpoint_deadline.start()

    def _checkpoint_later(self) -> None:
        if self._unsafe:
            self._checkpoint_idle.start()

    def _remember(self, when: float) -> None:
        self._unsafe = False
        self.last_saved = when

    def _requeue_failed(self) -> None:
        with self._lock:
            retry = [
                (item_id, self._latest[item_id])
                for item_id in self._failed
                if item_id in self._latest
            ]
            self._failed.clear()
            if retry:
                self._idle_event.clear()
        for job in retry:
            self._jobs.put(job)

    # --- the worker side -----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if isinstance(job, _Checkpoint):
                self._run_checkpoint(job)
                continue
            if isinstance(job, _Reconnect):
                watch.reconnect(self.store)  # the guard forgets the old files with it
                continue
            item_id = job[0]
            with self._lock:
                taken = self._latest.get(item_id)
            if taken is None:  # written by an earlier job, or given up on
                with self._lock:
                    self._settle()
                continue
            try:
                text = taken() if callable(taken) else taken
                with self._lock:  # before the commit: a reader may see it the moment it lands
                    self._written[item_id] = text
                (self._save or ops.save_item_notes)(self.store, item_id, text)
            except Exception as exc:  # never let the saver thread die mid-meeting
                with self._lock:
                    self._failed.add(item_id)  # the text stays in _latest for the retry
                    if isinstance(exc, LockedError):
                        self._locked.add(item_id)
                    self._settle()
                if isinstance(exc, PccError):
                    message = str(exc)
                else:
                    message = (
                        f"The notes could not be saved (unexpected {type(exc).__name__}); "
                        "they are kept on screen and saved again shortly."
                    )
                self.failed.emit(message)
                continue
            self._finish(item_id, taken)
            self.written.emit(item_id, text)
            self.saved.emit(time.monotonic())
            self._check_files()

    def _run_checkpoint(self, job: _Checkpoint) -> None:
        try:
            # A store never made ready has written nothing — and must not be opened (and
            # perhaps migrated) just to checkpoint, e.g. when the window closes on a bad file.
            job.complete = not self.store.is_ready or watch.checkpoint(self.store)
        except Exception:  # noqa: BLE001 - not in the file yet; the next pause tries again
            job.complete = False
        job.done.set()
        if job.complete:
            self.safe.emit(time.monotonic())
        else:
            self._held_back.emit()  # still partly only in the journal: try again later

    def _check_files(self) -> None:
        """After a commit: is the -wal it went to still the file of that name?"""
        try:
            if self._wal_mode is None:
                self._wal_mode = watch.in_wal_mode(self.store)
        except Exception:  # noqa: BLE001 - asked again after the next write
            return
        verdict = self.guard.check(written=self._wal_mode)
        if verdict is not None:
            self.file_lost.emit(verdict)

    def _settle(self) -> None:
        """(Lock held.) Idle when nothing is left to write but text that was refused."""
        if set(self._latest) <= self._failed:
            self._idle_event.set()

    def _finish(self, item_id: int, taken: Notes) -> None:
        with self._lock:
            self._locked.discard(item_id)
            newer = self._latest.get(item_id)
            if newer is not None and newer is not taken:
                self._jobs.put((item_id, newer))  # typed on while we wrote: write again
            else:
                self._latest.pop(item_id, None)
            self._settle()
