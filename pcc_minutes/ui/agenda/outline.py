"""The agenda pane: the meeting's items in order, with what is done, live and confidential.

``AgendaOutline`` shows a frozen ``Meeting``'s items through ``AgendaModel`` and turns each
user action (add, edit, remove, reorder by keyboard or by drag and drop) into exactly one
``editing`` operation. After an operation it reads the meeting again and emits ``changed`` so
the window refreshes its other panes; it never holds an ORM object. Its list view routes the
agenda's keys (Alt+Up/Down, Insert, F2, Delete) and context menu to it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import AgendaItem, Meeting
from pcc_minutes.store.database import Store
from pcc_minutes.ui.agenda.model import (
    DONE_MARK,
    ITEM_ID_ROLE,
    LIVE_MARK,
    MINUTES,
    NUMBER,
    STATE,
    TITLE,
    AgendaModel,
)
from pcc_minutes.ui.session import Session

KEYS_HELP = (
    "Alt+Up and Alt+Down move the selected item, Insert adds an item after it, "
    "F2 edits it and Delete removes it."
)


def _shortcut_text(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class _AgendaView(QTreeView):
    """The list itself: routes the agenda's keys and context menu to the outline."""

    def __init__(self, outline: AgendaOutline):
        super().__init__(outline)
        self._outline = outline

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        # The window's action registry may bind the same keys as shortcuts; then the shortcut
        # fires first and this is never reached, with the same effect.
        if mods == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._outline.move_current(-1 if key == Qt.Key.Key_Up else +1)
        elif mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Insert:
            self._outline.add_item()
        elif mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Delete:
            self._outline.remove_current()
        elif mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_F2:
            self._outline.edit_current()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard and self.currentIndex().isValid():
            # From the Menu key: open beside the selected item, not where the mouse happens to be.
            where = self.visualRect(self.currentIndex()).bottomLeft()
            position = self.viewport().mapToGlobal(where)
        else:
            position = event.globalPos()
        menu = self._outline.context_menu()
        menu.exec(position)
        menu.deleteLater()
        event.accept()


class AgendaOutline(QWidget):
    """The left "AGENDA" pane. Selecting an item emits ``item_selected``; editing the agenda
    emits ``changed`` once the store holds the change; a refused change emits ``error`` with
    the one-sentence reason."""

    item_selected = Signal(int)
    changed = Signal()
    error = Signal(str)

    def __init__(self, store: Store | Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = Session.of(store)
        self.store = self.session.store
        self._view: Meeting | None = None
        self._read_only = False
        self._current_id: int | None = None
        # True while the selection is moved by code, so only the user's choices are announced.
        self._quiet = False
        # The item the window was last told about (by item_selected) or told us (set_current).
        self._told_id: int | None = None

        self.model = AgendaModel(self._move_in_store, self)
        self.model.item_moved.connect(self._after_move)
        self.tree = _AgendaView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # F2 edits the item's properties in a dialog, never a cell in place.
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Columns as narrow as their widest possible contents: the pane is narrow and the title
        # needs the room. Fixed widths, not "resize to contents", which asks every row for its
        # size after every change (a live step would re-measure the whole agenda).
        header.setMinimumSectionSize(1)
        for column in (NUMBER, STATE, MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self._fitted_digits = 0
        self._fit_columns(1)
        self.tree.setAccessibleName("Agenda")
        self.tree.setAccessibleDescription(f"The meeting's agenda items. {KEYS_HELP}")
        self.tree.setToolTip(KEYS_HELP)
        self.tree.selectionModel().currentRowChanged.connect(self._current_row_changed)

        self.heading = QLabel("AGENDA")
        self.heading.setAccessibleName("Agenda")
        self.heading.setBuddy(self.tree)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)
        self.setAccessibleName("Agenda pane")

    # --- what is shown -------------------------------------------------------------------

    def set_meeting(self, view: Meeting) -> None:
        """Show ``view``. The same meeting with the same items in the same order updates in
        place (cheap: the window calls this after every change); the current item is kept
        when it still exists, otherwise the first item becomes current without a signal (the
        window opens a meeting at its first item)."""
        same_meeting = self._view is not None and self._view.id == view.id
        if not same_meeting:
            self._current_id = None
        self._view = view
        keep = self._current_id
        self._fit_columns(len(view.items))
        # No item planned (imported minutes): the minutes column would only take the titles'
        # room in a narrow pane.
        self.tree.setColumnHidden(MINUTES, not any(item.planned_minutes for item in view.items))
        self.model.set_items(view.items)
        self._apply_read_only()
        row = self.model.row_of(keep)
        if row >= 0:
            self._select_row(row, announce=False)
            return
        # A new meeting, or the current item went: the first item, as the window shows it.
        self._select_row(0 if view.items else -1, announce=False)
        self._told_id = self._current_id

    def _fit_columns(self, item_count: int) -> None:
        digits = max(2, len(str(item_count)))
        if digits == self._fitted_digits:
            return
        self._fitted_digits = digits
        metrics, pad = self.tree.fontMetrics(), self.tree.fontMetrics().horizontalAdvance("M")
        header = self.tree.header()
        header.resizeSection(NUMBER, metrics.horizontalAdvance("9" * digits) + pad)
        marks = max(metrics.horizontalAdvance(mark) for mark in (DONE_MARK, LIVE_MARK))
        header.resizeSection(STATE, marks + pad)
        header.resizeSection(MINUTES, metrics.horizontalAdvance("600 min") + pad)

    def set_current(self, item_id: int | None) -> None:
        """Select ``item_id`` (the window's navigation); no ``item_selected`` comes back.
        An id not on this agenda (an item just removed) changes nothing; None clears."""
        row = self.model.row_of(item_id)
        if item_id is not None and row < 0:
            return
        self._told_id = item_id
        if item_id == self._current_id and self.tree.currentIndex().isValid():
            return
        self._select_row(row, announce=False)

    def set_live_item(self, item_id: int | None) -> None:
        """Mark the item being discussed in live mode (None when live mode ends)."""
        self.model.set_live_item(item_id)

    def current_item_id(self) -> int | None:
        return self._current_id

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._apply_read_only()

    def is_read_only(self) -> bool:
        return self._read_only or (self._view is not None and self._view.locked)

    def _apply_read_only(self) -> None:
        editable = not self.is_read_only()
        self.model.movable = editable
        self.tree.setDragDropMode(
            QAbstractItemView.DragDropMode.InternalMove
            if editable
            else QAbstractItemView.DragDropMode.NoDragDrop
        )

    # --- selection -----------------------------------------------------------------------

    def _select_row(self, row: int, *, announce: bool) -> None:
        selection = self.tree.selectionModel()
        was_quiet, self._quiet = self._quiet, not announce
        try:
            if row < 0:
                selection.clearCurrentIndex()
                selection.clearSelection()
                self._current_id = None
                return
            index = self.model.index(row, TITLE)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)
        finally:
            self._quiet = was_quiet

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Only an id comparison and a signal: moving through the agenda must stay instant.
        item_id = current.data(ITEM_ID_ROLE) if current.isValid() else None
        if item_id == self._current_id:
            return  # the same item at a new row (after a move): nothing to announce
        self._current_id = item_id
        if item_id is not None and not self._quiet:
            self._told_id = item_id
            self.item_selected.emit(item_id)

    def _current_item(self) -> AgendaItem | None:
        if self._view is None or self._current_id is None:
            return None
        return self._view.item(self._current_id)

    # --- operations ----------------------------------------------------------------------

    def _can_edit(self) -> bool:
        return self._view is not None and not self.is_read_only()

    def _refresh(self) -> bool:
        """Read the meeting again after an operation; False (and ``error``) if that fails."""
        assert self._view is not None
        try:
            view = ops.load_meeting(self.store, self._view.id)
        except PccError as exc:
            self.error.emit(str(exc))
            return False
        self.set_meeting(view)
        return True

    def _finish(self, select: int | None = None) -> None:
        """After a successful operation: refresh, emit ``changed``, then make ``select`` (or
        else the item already current) the current item, announcing it if the window does
        not know it yet. ``changed`` comes first so that the window's own copy of the meeting
        already holds the item that ``item_selected`` then names (a new item, say)."""
        if not self._refresh():
            return
        target = select if select is not None else self._current_id
        self.changed.emit()
        # The window may have moved the selection while refreshing; the target wins.
        self._select_row(self.model.row_of(target), announce=False)
        if self._current_id is not None and self._current_id != self._told_id:
            self._told_id = self._current_id
            self.item_selected.emit(self._current_id)

    def add_item(self) -> int | None:
        """Ask for a new item's details and add it after the current item (at the end when
        none is selected); returns the new item's id, or None if cancelled or refused."""
        if not self._can_edit():
            return None
        assert self._view is not None
        current = self._current_item()
        from pcc_minutes.ui.agenda.dialog import ItemDialog  # made on first use

        dialog = ItemDialog(self, with_heading=False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return None
        try:
            new_id = self.session.record(
                ops.add_item(
                    self.store,
                    self._view.id,
                    values["title"],
                    after=current.position if current else None,
                    lead=values["lead"],
                    planned_minutes=values["planned_minutes"],
                    confidential=values["confidential"],
                ),
                self._view.id,
            )
        except PccError as exc:
            self.error.emit(str(exc))
            return None
        self._finish(select=new_id)
        return new_id

    def edit_current(self) -> bool:
        """Edit the current item's title, heading, lead, planned time and confidentiality."""
        item = self._current_item()
        if item is None or not self._can_edit():
            return False
        from pcc_minutes.ui.agenda.dialog import ItemDialog  # made on first use

        dialog = ItemDialog(self, item=item)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return False
        # Only what the user changed, in one update_item.
        changes = {name: value for name, value in values.items() if value != getattr(item, name)}
        if not changes:
            return False
        try:
            self.session.record(ops.update_item(self.store, item.id, **changes), self._view.id)
        except PccError as exc:
            self.error.emit(str(exc))
            return False
        self._finish()
        return True

    def remove_current(self) -> bool:
        """Remove the current item, its notes, figures and actions, once the user confirms."""
        item = self._current_item()
        if item is None or not self._can_edit():
            return False
        ids = self.model.item_ids()
        row = ids.index(item.id)
        # The next item takes its place (the previous one when the last item goes).
        after = ids[row + 1] if row + 1 < len(ids) else (ids[row - 1] if row else None)
        from PySide6.QtWidgets import QMessageBox  # made on first use, not at start-up

        answer = QMessageBox.question(
            self,
            "Remove agenda item",
            f"Remove item {row + 1}, “{item.title}”, with its notes, figures and actions?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.session.record(ops.remove_item(self.store, item.id), self._view.id)
        except PccError as exc:
            self.error.emit(str(exc))
            return False
        self._finish(select=after)
        return True

    def move_current(self, delta: int) -> bool:
        """Move the current item ``delta`` places (−1 up, +1 down); it stays selected."""
        item = self._current_item()
        if item is None or not self._can_edit():
            return False
        row = self.model.row_of(item.id)
        target = max(0, min(row + delta, self.model.rowCount() - 1))
        if target == row:
            return False
        # moveRows names the row to insert before, counted before the move.
        before = target + 1 if target > row else target
        return self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), before)

    def _move_in_store(self, item_id: int, to_position: int) -> bool:
        """The model's mover: one ``move_item`` for a keyboard move or a drop."""
        try:
            self.session.record(ops.move_item(self.store, item_id, to_position), self._view.id)
        except PccError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def _after_move(self, item_id: int) -> None:
        # The model has moved its row: the moved item stays the current one.
        self._select_row(self.model.row_of(item_id), announce=False)
        self._finish(select=item_id)

    def context_menu(self) -> QMenu:
        """The agenda's commands with their keys; disabled where they cannot apply."""
        menu = QMenu(self)
        has_item = self._current_item() is not None
        editable = self._can_edit()
        row = self.model.row_of(self._current_id)
        entries = [
            ("&Add Item After This…", "Ins", self.add_item, editable),
            ("&Properties…", "F2", self.edit_current, editable and has_item),
            ("Move &Up", "Alt+Up", lambda: self.move_current(-1), editable and row > 0),
            (
                "Move &Down",
                "Alt+Down",
                lambda: self.move_current(+1),
                editable and has_item and row < self.model.rowCount() - 1,
            ),
            ("&Remove Item…", "Del", self.remove_current, editable and has_item),
        ]
        for text, keys, handler, enabled in entries:
            # The key is shown after a tab rather than bound: the view handles the keys itself,
            # and a second binding would make the window's shortcuts ambiguous.
            action = menu.addAction(f"{text}\t{_shortcut_text(keys)}")
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False, h=handler: h())
        return menu
