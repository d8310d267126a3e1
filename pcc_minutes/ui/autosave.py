"""Continuous saving of the notes: no Save command, typing never waits for the disk.

The editor reports every edit; the saver waits for a short pause in the typing (``IDLE_MS``),
but never lets an edit wait longer than ``MAX_DELAY_MS`` while someone types on, so a killed
process loses at most about a second. On the GUI thread the saver only takes a snapshot of
the notes (a copy of the document: about a millisecond at 20,000 words); turning it into
Markdown and writing it run on one worker thread, newest snapshot per item, and report back
through signals.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.store.database import Store

# What the saver is handed: the notes as Markdown, or a snapshot that makes it (any thread).
Notes = str | Callable[[], str]

IDLE_MS = 250
MAX_DELAY_MS = 700
RETRY_MS = 1500


class NotesSaver(QObject):
    """Saves one item's notes at a time; call ``changed`` on every edit."""

    saved = Signal(float)  # time.monotonic() of the commit
    failed = Signal(str)  # one sentence; the text stays pending and is retried

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._item_id: int | None = None
        self._text_of: Callable[[], Notes] | None = None
        self._pending_since: float | None = None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.flush)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._requeue_failed)
        self._failed: set[int] = set()
        self._jobs: queue.Queue[tuple[int, Notes] | None] = queue.Queue()
        self._latest: dict[int, Notes] = {}
        self._lock = threading.Lock()
        self._idle_event = threading.Event()
        self._idle_event.set()
        self._worker = threading.Thread(target=self._run, name="notes-saver", daemon=True)
        self._worker.start()
        self.last_saved: float | None = None
        self.saved.connect(self._remember)
        self.failed.connect(lambda _message: self._retry.start())

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
        return self._pending_since is not None

    def flush(self) -> None:
        """Hand the current text to the worker now (it returns at once)."""
        self._idle.stop()
        self._deadline.stop()
        if self._pending_since is None or self._item_id is None or self._text_of is None:
            return
        self._pending_since = None
        self._submit(self._item_id, self._text_of())

    def wait(self, timeout: float = 5.0) -> bool:
        """Block until the worker has written everything handed to it (closing, tests)."""
        self.flush()
        return self._idle_event.wait(timeout)

    def close(self) -> None:
        self.wait()
        self._jobs.put(None)
        self._worker.join(timeout=5)

    def _submit(self, item_id: int, text: Notes) -> None:
        with self._lock:
            self._idle_event.clear()
            first = item_id not in self._latest
            self._latest[item_id] = text  # a newer text replaces one not yet written
        if first:
            self._jobs.put((item_id, text))

    def _remember(self, when: float) -> None:
        self.last_saved = when

    def _requeue_failed(self) -> None:
        with self._lock:
            retry = [
                (item_id, self._latest[item_id])
                for item_id in self._failed
                if item_id in self._latest
            ]
            self._failed.clear()
        for job in retry:
            self._jobs.put(job)

    # --- the worker side -----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            item_id = job[0]
            with self._lock:
                taken = self._latest.get(item_id, job[1])
            try:
                text = taken() if callable(taken) else taken
                ops.save_item_notes(self.store, item_id, text)
            except Exception as exc:  # never let the saver thread die mid-meeting
                with self._lock:
                    self._failed.add(item_id)  # the text stays in _latest for the retry
                if isinstance(exc, PccError):
                    message = str(exc)
                else:
                    message = f"The notes could not be saved ({exc}); they are kept and retried."
                self.failed.emit(message)
                continue
            self._finish(item_id, taken)
            self.saved.emit(time.monotonic())

    def _finish(self, item_id: int, taken: Notes) -> None:
        with self._lock:
            newer = self._latest.get(item_id)
            if newer is not None and newer is not taken:
                self._jobs.put((item_id, newer))  # typed on while we wrote: write again
            else:
                self._latest.pop(item_id, None)
            if not self._latest:
                self._idle_event.set()
