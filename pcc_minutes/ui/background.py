"""Work that must not hold up the window: a serial writer for small, frequent operations.

Live-mode steps record when discussion moved from item to item. The window shows the new
times at once (``core.live`` computes them from plain data) and hands the database write to
this writer, which runs operations one after another on one worker thread, in the order they
were given, so a step never waits for the disk's fsync. A refusal or failure comes back as
``failed`` with one sentence; the window then reads the meeting again.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from pcc_minutes.core.changes import Outcome
from pcc_minutes.core.errors import PccError
from pcc_minutes.store.database import Store

Operation = Callable[[Store], Outcome[Any]]


class SerialWriter(QObject):
    failed = Signal(str)

    def __init__(self, store: Store, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._jobs: queue.Queue[Operation | None] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, operation: Operation) -> None:
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._jobs.put(operation)

    @property
    def busy(self) -> bool:
        """Operations submitted and not yet written (the window's watch waits for them)."""
        return not self._idle.is_set()

    def wait(self, timeout: float = 5.0) -> bool:
        """Block until everything submitted has been written (closing, exporting, tests)."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        self.wait()
        self._jobs.put(None)
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            operation = self._jobs.get()
            if operation is None:
                return
            try:
                operation(self.store)
            except PccError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # never let the writer die mid-meeting
                self.failed.emit(
                    f"A change could not be recorded (unexpected {type(exc).__name__}); "
                    "it was not saved."
                )
            finally:
                with self._lock:
                    self._pending -= 1
                    if self._pending == 0:
                        self._idle.set()
