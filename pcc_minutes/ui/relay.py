"""A worker thread's result, handed to a widget on the GUI thread — or to nobody, when the
widget has been destroyed meanwhile.

Emitting a widget's own signal from a worker crashes the process (a segfault, no
traceback) when the widget is being destroyed at that moment: a panel closed, a test's
window torn down, the app quitting. The relay is one object that lives as long as the
application; workers emit on it, and on the GUI thread it calls the widget's method only if
the widget is still alive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot


class _Relay(QObject):
    carry = Signal(object, object, object)  # (widget, method, arguments)

    @Slot(object, object, object)
    def deliver(self, widget: QObject, method: Callable[..., Any], arguments: tuple) -> None:
        if shiboken6.isValid(widget):
            method(*arguments)


_RELAYS: list[_Relay] = []


def prepare() -> None:
    """Make the relay on the GUI thread (call it there, before a worker needs it)."""
    if not _RELAYS:
        relay = _Relay()
        relay.carry.connect(relay.deliver)  # queued: a worker emits, the GUI thread delivers
        _RELAYS.append(relay)


def hand_to(widget: QObject, method: Callable[..., Any], *arguments: Any) -> None:
    """From any thread: call ``method(*arguments)`` on the GUI thread if ``widget`` lives."""
    _RELAYS[0].carry.emit(widget, method, arguments)
