"""What an operation changed, and how to undo it.

Every operation returns an ``Outcome``: its value, a ``Changes`` that names what it touched
(so the window refreshes only that), and an ``Undo`` that reverses it. Applying an ``Undo``
is itself an operation: its outcome carries the ``Undo`` that redoes the first, so undo and
redo are the same mechanism. The same before → after records will feed revisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_SETS = ("meetings", "header", "attendance", "agenda", "items", "timing", "figures", "actions")


@dataclass(frozen=True)
class Changes:
    """Which parts of which meetings changed. Ids are meeting ids for ``meetings`` (added,
    removed, or anything about them), ``header``, ``attendance`` and ``agenda`` (items added,
    removed or reordered); item ids for ``items`` (title, lead, plan, notes), ``timing`` (live
    start/end), ``figures`` and ``actions``. ``meeting_list`` says the meetings browser's rows
    (title, date, status, which meetings exist) changed."""

    meeting_list: bool = False
    meetings: frozenset[int] = frozenset()
    header: frozenset[int] = frozenset()
    status: frozenset[int] = frozenset()
    attendance: frozenset[int] = frozenset()
    agenda: frozenset[int] = frozenset()
    items: frozenset[int] = frozenset()
    timing: frozenset[int] = frozenset()
    figures: frozenset[int] = frozenset()
    actions: frozenset[int] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, Any] = {"meeting_list": self.meeting_list or other.meeting_list}
        for name in (*_SETS, "status"):
            merged[name] = getattr(self, name) | getattr(other, name)
        return Changes(**merged)

    def __bool__(self) -> bool:
        return self.meeting_list or any(getattr(self, n) for n in (*_SETS, "status"))

    def touches_meeting(self, meeting_id: int) -> bool:
        return any(
            meeting_id in getattr(self, n)
            for n in ("meetings", "header", "status", "attendance", "agenda")
        )

    def touches_items(self) -> frozenset[int]:
        return self.items | self.timing | self.figures | self.actions


NOTHING = Changes()


def changed(**parts: Any) -> Changes:
    """``changed(items={3}, agenda={1})``: any iterable of ids becomes a frozenset."""
    return Changes(**{k: v if isinstance(v, bool) else frozenset(v) for k, v in parts.items()})


@dataclass(frozen=True)
class Undo:
    """How to reverse an operation: ``text`` for the Edit menu ("Remove item 3"), and
    ``apply(store)``, an operation whose outcome carries the Undo that redoes it."""

    text: str
    apply: Callable[[Any], Outcome[Any]]


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes = field(default=NOTHING)
    undo: Undo | None = None
