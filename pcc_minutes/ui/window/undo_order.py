"""Which comes first when the minute-taker presses Undo: the typing in the notes, or the
meeting's last edit (a figure accepted, an item removed)?

The notes have their own undo history (one per item's document) and the meeting has its
``QUndoStack``. The user expects Undo to take back *the last thing they did*, whichever it
was, so every level added to either is stamped with a tick of one clock, and Undo (and Redo)
picks the newer. What the documents and the stack say is available stays the truth: a level
with no stamp counts as older than any stamped one.
"""

from __future__ import annotations

from itertools import count

TEXT, MEETING = "text", "meeting"


class UndoOrder:
    def __init__(self) -> None:
        self._clock = count(1)
        self._undo: dict[tuple[str, int], list[int]] = {}
        self._redo: dict[tuple[str, int], list[int]] = {}

    def added(self, kind: str, key: int) -> None:
        """A new undo level in the document ``key`` (TEXT) or meeting ``key`` (MEETING)."""
        self._undo.setdefault((kind, key), []).append(next(self._clock))
        self._redo.pop((kind, key), None)  # a new edit ends what could be redone

    def choose(
        self, *, redo: bool, text: tuple[int, bool], meeting: tuple[int, bool]
    ) -> str | None:
        """TEXT or MEETING for the next undo (or redo), given (key, available) of each."""
        # Undo takes the newest level; redo takes the level undone last, which is the
        # oldest of the levels waiting to be redone (undo went newest first).
        stamps = self._redo if redo else self._undo
        best, best_key = None, None
        for kind, (key, available) in ((TEXT, text), (MEETING, meeting)):
            if not available:
                continue
            ticks = stamps.get((kind, key))
            if ticks:
                rank = -ticks[-1] if redo else ticks[-1]
            else:  # a level from before it was stamped: older than any stamped one
                rank = -(10**18)
            if best_key is None or rank > best_key:
                best, best_key = kind, rank
        return best

    def done(self, kind: str, key: int, *, redo: bool) -> None:
        """The level was undone (or redone): its stamp moves to the other side."""
        source, target = (self._redo, self._undo) if redo else (self._undo, self._redo)
        ticks = source.get((kind, key))
        if ticks:
            target.setdefault((kind, key), []).append(ticks.pop())
