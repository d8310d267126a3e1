"""The series' registers in the window: the decision register and the action log.

Each is a table of what ``ops.list_decisions`` / ``ops.list_actions`` return, read on a worker
thread when the view opens and again whenever an operation changes actions or decisions
(the session's change fan-out), so thousands of meetings never hold up the window.

- The Decision Register edits in place: Enter, F2 or a double-click edits the decision's
  words, Enter stores them (``ops.update_decision``), Esc cancels; Delete removes it
  (``ops.remove_decision``). Each goes on the window's undo stack ("Undo Edit decision").
  A decision of an approved or published meeting is not edited: the view says why.
  Ctrl+Enter (or Open Meeting) opens the decision's meeting and item.
- The Action Log shows the open actions and those closed recently (``recent_rule``, the
  same rule as the exported action log), saying which; Show all (Alt+A) lists every one.
  Enter or a double-click opens the meeting and item where the action was raised.

Made the first time it is opened, never at start-up.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes.core.errors import PccError
from pcc_minutes.ui.register_rows import (
    ACTION_COLUMNS,
    DECISION_COLUMNS,
    Register,
    RegisterRow,
    action_log,
    decision_register,
)
from pcc_minutes.ui.session import Session

__all__ = ["Register", "RegisterRow", "RegisterView", "action_log", "decision_register"]

_Index = QModelIndex | QPersistentModelIndex
LONG_COLUMNS = frozenset({"Action", "Decision", "Latest update"})  # these share the width
SIZED_ROWS = 300  # the short columns fit the widest of the first rows, not of thousands


class _Relay(QObject):
    """Carries a worker's result to the GUI thread. It lives as long as the application, so
    a worker never emits on an object being destroyed (a view closed meanwhile: a crash)."""

    done = Signal(object, object)  # (view key, (generation, result))

    @Slot(object, object)
    def deliver(self, key: int, loaded: object) -> None:
        """On the GUI thread (the relay's own): hand the result to its view if it lives."""
        view = _VIEWS.get(key)
        if view is not None and shiboken6.isValid(view):
            view._fill(loaded)


_RELAY: list[_Relay] = []
_VIEWS: dict[int, Any] = {}  # key -> view, while the view lives
_KEYS = itertools.count(1)


def _relay() -> _Relay:
    if not _RELAY:
        relay = _Relay()
        relay.done.connect(relay.deliver)  # queued: workers emit, the GUI thread delivers
        _RELAY.append(relay)
    return _RELAY[0]


def _register_view(view: Any) -> int:
    _relay()  # made on the GUI thread, before any worker needs it
    key = next(_KEYS)
    _VIEWS[key] = view
    view.destroyed.connect(lambda *_args, key=key: _VIEWS.pop(key, None))
    return key


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class RegisterModel(QAbstractTableModel):
    """The rows of a register; with ``show_all`` off, only the recent ones. The
    ``editable`` column's cell of an unlocked row can be edited: ``edited(ident, text)``."""

    edited = Signal(int, str)

    def __init__(self, columns: Sequence[str], editable: int | None = None, parent=None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.editable = editable
        self.show_all = True
        self._all: tuple[RegisterRow, ...] = ()
        self.rows: list[RegisterRow] = []

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.beginResetModel()
        self._all = tuple(rows)
        self._filter()
        self.endResetModel()

    def set_show_all(self, show_all: bool) -> None:
        self.beginResetModel()
        self.show_all = show_all
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self.rows = list(self._all) if self.show_all else [r for r in self._all if r.recent]

    @property
    def total(self) -> int:
        return len(self._all)

    def all_rows(self) -> tuple[RegisterRow, ...]:
        return self._all

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        text = row.cells[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.editable and row.locked:
                return f"{text}\n{row.locked}"
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.columns[index.column()]}: {text or 'none'}"
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.editable:
            row = self.rows[index.row()]
            if row.ident is not None and not row.locked:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row = self.rows[index.row()]
        text = str(value).strip()
        if text == row.cells[index.column()]:
            return False
        cells = list(row.cells)
        cells[index.column()] = text or row.cells[index.column()]
        self.rows[index.row()] = replace(row, cells=tuple(cells))
        self.dataChanged.emit(index, index)
        self.edited.emit(row.ident, text)  # an empty one is refused by the operation
        return True


class _Table(QTableView):
    """Enter asks the view (edit or open); Ctrl+Enter opens; Delete removes."""

    enter_pressed = Signal()
    open_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (plain or ctrl):
            (self.open_pressed if ctrl else self.enter_pressed).emit()
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RegisterView(QDialog):
    """A register's table. ``open_at(meeting_id, item_position)`` asks to open a row's meeting.
    With ``editable`` (the decision register), edits and removals go through ``session``."""

    open_at = Signal(int, int)

    def __init__(
        self,
        title: str,
        columns: Sequence[str],
        load: Callable[[], Register],
        parent: QWidget | None = None,
        *,
        session: Session | None = None,
        editable: int | None = None,
        recent_toggle: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._load = load
        self.session = session
        self.loading = False
        self._generation = 0
        self._read_once = False
        self.message = QLabel("Reading…")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RegisterModel(columns, editable, self)
        self.model.edited.connect(self._edited)
        self.table = _Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)  # two lines
        header = self.table.horizontalHeader()
        self._long = {n for n, name in enumerate(columns) if name in LONG_COLUMNS}
        for number in range(len(columns)):
            header.setSectionResizeMode(
                number,
                QHeaderView.ResizeMode.Stretch
                if number in self._long
                else QHeaderView.ResizeMode.Interactive,
            )
        self.table.doubleClicked.connect(lambda index: self._enter(index.row()))
        self.table.enter_pressed.connect(lambda: self._enter(self._current()))
        self.table.open_pressed.connect(lambda: self._open(self._current()))
        self.table.delete_pressed.connect(self._delete)

        self.show_all: QCheckBox | None = None
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        if recent_toggle:
            self.show_all = QCheckBox("Show &all")
            self.show_all.setToolTip("List every action of the series, however long closed.")
            self.show_all.toggled.connect(self._show_all_toggled)
            top.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignTop)
        self.model.show_all = not recent_toggle
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton("&Open Meeting")
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip(
            "Open the meeting and item of the selected row"
            + (f" ({QKeySequence('Ctrl+Return').toString()})" if editable is not None else "")
        )
        self.open_button.clicked.connect(lambda: self._open(self._current()))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self._key = _register_view(self)
        self._refresh = QTimer(self, singleShot=True, interval=150)
        self._refresh.timeout.connect(self.reload)
        if session is not None:
            session.changed.connect(self._changed)

    # --- reading -------------------------------------------------------------------------

    def set_loader(self, load: Callable[[], Register]) -> None:
        self._load = load

    def reload(self) -> None:
        """Read the register again, on a worker thread (the newest read wins)."""
        if not self._read_once:
            self.message.setText("Reading…")
        self.loading = True
        self._generation += 1
        load, relay, key, generation = self._load, _relay(), self._key, self._generation

        def work() -> None:
            try:
                result: object = load()
            except PccError as exc:
                result = str(exc)
            except Exception as exc:  # never leave the view saying "Reading…"
                result = f"The register could not be read (unexpected {type(exc).__name__})."
            relay.done.emit(key, (generation, result))

        threading.Thread(target=work, name="register", daemon=True).start()

    def _changed(self, changes) -> None:
        """An operation changed something: read again if it could be in the register."""
        if self.isVisible() and (changes.actions or changes.agenda or changes.status):
            self._refresh.start()

    def _fill(self, loaded: tuple[int, object]) -> None:
        generation, result = loaded
        if generation != self._generation:
            return  # a newer read is on its way
        self.loading = False
        self._read_once = True
        if isinstance(result, str):
            self.model.set_rows(())
            self.message.setText(result)
            return
        register = result if isinstance(result, Register) else Register(tuple(result))  # type: ignore[arg-type]
        self._rule = register.rule
        keep = self._current_row()
        self.model.set_rows(register.rows)
        self._size_columns(register.rows[:SIZED_ROWS])
        self._say()
        self._select(keep)

    def _size_columns(self, rows: Sequence[RegisterRow]) -> None:
        """The short columns as wide as their widest cell among ``rows`` (measured here, in
        the font, rather than by asking the model for thousands of size hints)."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        pad = 2 * self.table.style().pixelMetric(
            self.table.style().PixelMetric.PM_FocusFrameHMargin
        )
        for number, name in enumerate(self.model.columns):
            if number in self._long:
                continue
            texts = [name] + [row.cells[number] for row in rows]
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            header.resizeSection(number, min(widest + pad + 16, 320))

    def _say(self) -> None:
        model, rows = self.model, self.model.rows
        if not model.total:
            self.message.setText("Nothing recorded in this series yet.")
            return
        if self.show_all is None:  # the decision register
            how = (
                "Enter or a double-click edits a decision, Delete removes it, "
                "Ctrl+Enter opens its meeting."
                if model.editable is not None
                else "Enter or a double-click opens the meeting."
            )
            self.message.setText(f"{_count(model.total, 'decision')}. {how}")
            return
        every = model.all_rows()
        open_count = sum(1 for r in every if r.cells[0] == "Open")
        rule = self._rule.sentence() if self._rule is not None else "closed recently"
        if model.show_all:
            self.message.setText(
                f"All {_count(model.total, 'action')} of the series: {open_count} open, "
                f"{model.total - open_count} closed. Enter or a double-click opens the meeting "
                "where one was raised."
            )
        else:
            closed = len(rows) - sum(1 for r in rows if r.cells[0] == "Open")
            hidden = model.total - len(rows)
            self.message.setText(
                f"{_count(open_count, 'open action')} and {closed} {rule}"
                + (
                    f"; {hidden} closed earlier {'is' if hidden == 1 else 'are'} hidden "
                    "(Show all lists every action)."
                    if hidden
                    else "."
                )
                + " Enter or a double-click opens the meeting where one was raised."
            )

    def _show_all_toggled(self, on: bool) -> None:
        keep = self._current_row()
        self.model.set_show_all(on)
        self._say()
        self._select(keep)

    # --- rows ----------------------------------------------------------------------------

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell(self, row: int, column: int) -> str:
        return self.model.rows[row].cells[column]

    def _current(self) -> int:
        return self.table.currentIndex().row()

    def _current_row(self) -> RegisterRow | None:
        row = self._current()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _select(self, keep: RegisterRow | None) -> None:
        rows = self.model.rows
        if not rows:
            return
        at = 0
        if keep is not None:
            same = [n for n, r in enumerate(rows) if (r.ident, r.place) == (keep.ident, keep.place)]
            at = same[0] if same else 0
        column = self.model.editable or 0
        self.table.setCurrentIndex(self.model.index(at, column))
        self.table.scrollTo(self.model.index(at, column))
        if not self.table.hasFocus() and self.isActiveWindow():
            self.table.setFocus()

    def _enter(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        if self.model.editable is None:
            self._open(row)
            return
        self.edit_row(row)

    def edit_row(self, row: int) -> None:
        """Edit the row's decision in place (said why not, when its meeting is locked)."""
        entry = self.model.rows[row]
        if entry.locked:
            self.message.setText(entry.locked)
            return
        index = self.model.index(row, self.model.editable or 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            meeting_id, position = self.model.rows[row].place
            self.open_at.emit(meeting_id, position)

    # --- changing (each an operation, on the window's undo stack) -------------------------

    def _run(self, operation: Callable[[], Any], meeting_id: int) -> None:
        if self.session is None:
            return
        try:
            shown = self.session.meeting_id
            self.session.record(operation(), shown if shown is not None else meeting_id)
        except PccError as exc:
            self.message.setText(str(exc))
        self._refresh.start()  # the stored words, or those put back after a refusal

    def _edited(self, ident: int, text: str) -> None:
        from pcc_minutes import operations as ops

        row = next((r for r in self.model.rows if r.ident == ident), None)
        store = self.session.store if self.session is not None else None
        if row is not None and store is not None:
            self._run(lambda: ops.update_decision(store, ident, text), row.place[0])

    def _delete(self) -> None:
        entry = self._current_row()
        if entry is None or entry.ident is None or self.model.editable is None:
            return
        if entry.locked:
            self.message.setText(entry.locked)
            return
        from pcc_minutes import operations as ops

        store = self.session.store if self.session is not None else None
        if store is not None:
            self._run(lambda: ops.remove_decision(store, entry.ident), entry.place[0])


def open_view(
    session: Any, kind: str, series: int | str | None, parent: QWidget | None = None
) -> RegisterView:
    """The Decision Register (``kind="decisions"``) or Action Log (``"actions"``) of a series
    (every meeting when None), sharing ``session`` (or a store's own) for its edits."""
    session = Session.of(session)
    view = RegisterView(
        "Decision Register" if kind == "decisions" else "Action Log",
        DECISION_COLUMNS if kind == "decisions" else ACTION_COLUMNS,
        loader(session.store, kind, series),
        parent,
        session=session,
        editable=2 if kind == "decisions" else None,
        recent_toggle=kind != "decisions",
    )
    return view


def loader(store: Any, kind: str, series: int | str | None) -> Callable[[], Register]:
    """What the view reads on its worker thread, for the series."""
    from pcc_minutes import operations as ops

    if kind == "decisions":

        def load() -> Register:
            from pcc_minutes.operations.actions import locked_meetings

            entries = ops.list_decisions(store, series=series)
            return decision_register(entries, locked_meetings(store, series))
    else:

        def load() -> Register:
            from pcc_minutes.core.clock import local_now

            return action_log(ops.list_actions(store, series=series), local_now().date())

    return load
