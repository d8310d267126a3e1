"""The gate every use of the store's connections passes: used freely, closed all at once.

When another program deletes the ``-wal`` journal under a running window, every connection we
hold goes on writing into the deleted file. The cure (``Store.reconnect``) is to close *every*
one of them together: SQLite copies the lost journal into the database file and resets its
shared memory only when the last connection closes. One left open — a worker mid-transaction,
the change probe — keeps the stale shared memory alive, and every new connection then reads
frames the fresh, empty journal does not have ("disk I/O error") until the program ends.

``ConnectionGate.using`` counts the transactions in flight (a lock and a counter: well under a
microsecond); ``close_all`` stops new ones at the gate, waits for those in flight, closes, and
opens the gate again. A thread already inside the gate passes again without waiting (a
transaction may run an inner one), so nothing deadlocks on itself.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator


class ConnectionGate:
    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._active = 0
        self._closing = False
        self._local = threading.local()

    @contextlib.contextmanager
    def using(self) -> Iterator[None]:
        """Around each use of a connection: waits while ``close_all`` is closing them."""
        depth = getattr(self._local, "depth", 0)
        with self._condition:
            if depth == 0:
                self._condition.wait_for(lambda: not self._closing)
            self._active += 1
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            with self._condition:
                self._active -= 1
                if self._active == 0:
                    self._condition.notify_all()

    def close_all(self, close: Callable[[], None], *, timeout: float = 5.0) -> bool:
        """Hold new uses back, wait (up to ``timeout`` seconds) for those in flight, then run
        ``close``. True when nothing was in flight as it ran; False when something still was
        after the wait (it keeps its connection; ``close`` runs all the same)."""
        if getattr(self._local, "depth", 0):
            raise RuntimeError("close_all was called from inside a use of the connections")
        with self._condition:
            self._closing = True
            try:
                idle = self._condition.wait_for(lambda: self._active == 0, timeout)
                close()
            finally:
                self._closing = False
                self._condition.notify_all()
        return idle
