"""The window's session: the one place operation outcomes arrive, are fanned out, and undone.

Every pane runs an operation and hands its ``Outcome`` to ``Session.record``: the session
pushes the outcome's undo on the meeting's own ``QUndoStack`` (one stack per meeting, grouped
so the Edit menu follows the open meeting) and emits ``changed`` once with the ``Changes``.
Panes refresh only what those name. Undo and redo are operations too: their outcomes come back
through the same ``changed`` signal.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from pcc_minutes.core.changes import Changes, Outcome, Undo
from pcc_minutes.core.errors import PccError
from pcc_minutes.store.database import Store

T = TypeVar("T")


class _OperationCommand(QUndoCommand):
    """One undoable edit. The edit has already been made when it is pushed, so the first
    ``redo`` (which ``QUndoStack.push`` calls) does nothing; later ones apply the redo that
    the undo's own outcome carried."""

    def __init__(self, session: Session, undo: Undo):
        super().__init__(undo.text)
        self._session = session
        self._undo: Undo | None = undo
        self._redo: Undo | None = None
        self._done = True

    def undo(self) -> None:
        self._redo = self._apply(self._undo)
        self._undo = None

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._undo = self._apply(self._redo)
        self._redo = None

    def _apply(self, entry: Undo | None) -> Undo | None:
        if entry is None:
            self.setObsolete(True)
            return None
        try:
            outcome = entry.apply(self._session.store)
        except PccError as exc:  # e.g. the meeting was approved since: say so, drop the step
            self.setObsolete(True)
            self._session.error.emit(str(exc))
            return None
        if outcome.changes:
            self._session.changed.emit(outcome.changes)
        if outcome.undo is None:
            self.setObsolete(True)
        return outcome.undo


class Session(QObject):
    changed = Signal(object)  # Changes, once per operation
    pushed = Signal(int)  # an undo step was pushed on this meeting's stack
    error = Signal(str)  # a refused undo or redo, in one sentence

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.meeting_id: int | None = None

    @classmethod
    def of(cls, store_or_session: Store | Session) -> Session:
        """Panes take either; one made on its own (in a test, a dialog) gets its own."""
        if isinstance(store_or_session, Session):
            return store_or_session
        return cls(store_or_session)

    def stack(self, meeting_id: int) -> QUndoStack:
        stack = self._stacks.get(meeting_id)
        if stack is None:
            stack = self._stacks[meeting_id] = QUndoStack(self.undo_group)
        return stack

    def set_meeting(self, meeting_id: int | None) -> None:
        """The meeting the window shows: the Edit menu's undo and redo act on its stack."""
        self.meeting_id = meeting_id
        self.undo_group.setActiveStack(self.stack(meeting_id) if meeting_id else None)

    def record(self, outcome: Outcome[T], meeting_id: int | None = None) -> T:
        """Take an operation's outcome: push its undo on the stack of ``meeting_id`` (the
        shown meeting's by default), fan out its changes once; return its value."""
        meeting_id = meeting_id if meeting_id is not None else self.meeting_id
        if outcome.undo is not None and meeting_id is not None:
            self.stack(meeting_id).push(_OperationCommand(self, outcome.undo))
            self.pushed.emit(meeting_id)
        if outcome.changes:
            self.changed.emit(outcome.changes)
        return outcome.value

    def notify(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)
