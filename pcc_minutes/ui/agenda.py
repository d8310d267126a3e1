"""The agenda pane: the meeting's items in order, with what is done, live and confidential.

``AgendaOutline`` shows a frozen ``Meeting``'s items through a thin table model and turns
each user action (add, edit, remove, reorder by keyboard or by drag and drop) into exactly one
``editing`` operation. After an operation it reads the meeting again and emits ``changed`` so
the window refreshes its other panes; it never holds an ORM object. ``ItemDialog`` is the small
form for an item's title, heading, lead, planned minutes and confidentiality.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import AgendaItem, Meeting
from pcc_minutes.store.database import Store
from pcc_minutes.ui.session import Session

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A private MIME type: a drag carries only the item's id, so a drop can never be mistaken
# for text dragged in from elsewhere.
ITEM_MIME_TYPE = "application/x-pcc-minutes-agenda-item"

DONE_MARK = "✓"
LIVE_MARK = "▶"

NUMBER, STATE, TITLE, MINUTES = range(4)

KEYS_HELP = (
    "Alt+Up and Alt+Down move the selected item, Insert adds an item after it, "
    "F2 edits it and Delete removes it."
)


@functools.cache
def lock_icon() -> QIcon:
    """A padlock for confidential items, drawn rather than taken from a font or an icon
    theme: emoji fonts and theme icons are missing on many office laptops."""
    size = 64  # drawn large once (cached); Qt scales it down sharply at any display scaling
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#7a4b00")  # dark amber: readable on light and selected rows alike
    painter.setPen(QPen(colour, 7))
    painter.drawArc(QRectF(18, 6, 28, 34), 0, 180 * 16)
    painter.drawLine(18, 23, 18, 30)
    painter.drawLine(46, 23, 46, 30)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(10, 28, 44, 32), 5, 5)
    painter.end()
    return QIcon(pixmap)


def _shortcut_text(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class AgendaModel(QAbstractTableModel):
    """The items of one meeting as rows (number, state, title, planned minutes).

    Rows are plain ``AgendaItem``s. A move (keyboard or drop) is handed to ``mover``, which runs
    the real operation; only when it succeeds does the model move its own row, so the list
    never shows an order the database does not have. ``item_moved`` follows a stored move.
    """

    item_moved = Signal(int)

    def __init__(self, mover: Callable[[int, int], bool], parent: Any = None):
        super().__init__(parent)
        self._mover = mover
        self._items: tuple[AgendaItem, ...] = ()
        self._live_id: int | None = None
        self.movable = True

    # --- contents ------------------------------------------------------------------------

    def item_ids(self) -> list[int]:
        return [item.id for item in self._items]

    def item_at(self, row: int) -> AgendaItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int | None) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def set_items(self, items: tuple[AgendaItem, ...]) -> None:
        """Show ``items``; when only their contents changed (same ids, same order) the rows
        are updated in place, so selection, scroll position and focus stay where they are."""
        if [item.id for item in items] != self.item_ids():
            self.beginResetModel()
            self._items = items
            self.endResetModel()
            return
        old, self._items = self._items, items
        changed = [row for row, (a, b) in enumerate(zip(old, items, strict=True)) if a != b]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), MINUTES))

    def set_live_item(self, item_id: int | None) -> None:
        rows = [r for r in (self.row_of(self._live_id), self.row_of(item_id)) if r >= 0]
        self._live_id = item_id
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, MINUTES))

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def _state(self, item: AgendaItem) -> str:
        if item.id == self._live_id:
            return LIVE_MARK
        return DONE_MARK if item.actual_end is not None else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        # The number is the row, not the stored position: it stays right during a move.
        number = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return str(number)
            if column == STATE:
                return self._state(item)
            if column == TITLE:
                return item.title
            return f"{item.planned_minutes} min" if item.planned_minutes else ""
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and item.confidential:
            return lock_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(item, number, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, number)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ITEM_ID_ROLE:
            return item.id
        return None

    def _spoken(self, item: AgendaItem, number: int, column: int) -> str:
        # A screen reader hears words, not the glyphs ✓ ▶ and the padlock.
        if column == NUMBER:
            return f"Item {number}"
        if column == STATE:
            state = self._state(item)
            return {LIVE_MARK: "being discussed now", DONE_MARK: "done"}.get(state, "")
        if column == TITLE:
            return f"{item.title}, confidential" if item.confidential else item.title
        if item.planned_minutes:
            return f"planned {item.planned_minutes} minutes"
        return "no planned time"

    def _tooltip(self, item: AgendaItem, number: int) -> str:
        lines = [f"Item {number}: {item.heading or item.title}"]
        if item.lead:
            lines.append(f"Lead: {item.lead}")
        if item.planned_minutes:
            lines.append(f"Planned: {item.planned_minutes} min")
        if item.confidential:
            lines.append("Confidential: left out of the public minutes")
        return "\n".join(lines)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows (on the root), never onto an item.
            return Qt.ItemFlag.ItemIsDropEnabled if self.movable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME_TYPE]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            item = self._items[rows[0]]
            data.setData(ITEM_MIME_TYPE, QByteArray(str(item.id).encode("ascii")))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ITEM_MIME_TYPE):
            return False
        try:
            item_id = int(bytes(data.data(ITEM_MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return False
        source = self.row_of(item_id)
        if source < 0:
            return False
        if row < 0:
            # Dropped onto an item (or the empty space below the last one).
            row = parent.row() if parent.isValid() else len(self._items)
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)

    def moveRows(
        self,
        source_parent: QModelIndex | QPersistentModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex | QPersistentModelIndex,
        destination_child: int,
    ) -> bool:
        """Move one row so it sits before ``destination_child`` (Qt's convention)."""
        if (
            not self.movable
            or source_parent.isValid()
            or destination_parent.isValid()
            or count != 1
            or not 0 <= source_row < len(self._items)
        ):
            return False
        destination_child = max(0, min(destination_child, len(self._items)))
        if destination_child in (source_row, source_row + 1):
            return False  # onto itself: nothing to do
        # Qt counts the destination before the row is taken out; positions count after.
        to_position = destination_child if destination_child > source_row else destination_child + 1
        if not self._mover(self._items[source_row].id, to_position):
            return False
        self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(), destination_child)
        items = list(self._items)
        moved = items.pop(source_row)
        items.insert(to_position - 1, moved)
        self._items = tuple(items)
        self.endMoveRows()
        # Every number between the two places has changed.
        first, last = sorted((source_row, to_position - 1))
        self.dataChanged.emit(self.index(first, NUMBER), self.index(last, NUMBER))
        self.item_moved.emit(moved.id)
        return True


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
        # Columns as narrow as their contents: the pane is narrow and the title needs the room.
        header.setMinimumSectionSize(1)
        for column in (NUMBER, STATE, MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
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
        self.model.set_items(view.items)
        self._apply_read_only()
        row = self.model.row_of(keep)
        if row >= 0:
            self._select_row(row, announce=False)
            return
        # A new meeting, or the current item went: the first item, as the window shows it.
        self._select_row(0 if view.items else -1, announce=False)
        self._told_id = self._current_id

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


class ItemDialog(QDialog):
    """An agenda item's details. Adding asks for title, lead, planned minutes and
    confidentiality; editing also offers the heading the minutes use for the item.

    Enter accepts, Esc cancels; a blank title is refused inline and the dialog stays open.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        item: AgendaItem | None = None,
        with_heading: bool = True,
    ):
        super().__init__(parent)
        adding = item is None
        self.setWindowTitle("Add agenda item" if adding else "Agenda item properties")

        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setAccessibleName("Title")
        self.heading_edit = QLineEdit(item.heading if item else "")
        self.heading_edit.setAccessibleName("Heading in the minutes")
        self.heading_edit.setPlaceholderText("Same as the title")
        self.lead_edit = QLineEdit(item.lead if item else "")
        self.lead_edit.setAccessibleName("Lead")
        self.lead_edit.setPlaceholderText("Who presents the item")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 600)
        self.minutes_spin.setSuffix(" min")
        # Zero reads as "not planned" because an item without a planned time is common.
        self.minutes_spin.setSpecialValueText("Not planned")
        self.minutes_spin.setValue((item.planned_minutes or 0) if item else 0)
        self.minutes_spin.setAccessibleName("Planned minutes")
        self.confidential_check = QCheckBox("&Confidential (left out of the public minutes)")
        self.confidential_check.setChecked(item.confidential if item else False)
        self.confidential_check.setAccessibleName("Confidential")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Add" if adding else "Save")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        if with_heading:
            form.addRow("&Heading:", self.heading_edit)
        else:
            self.heading_edit.hide()
        form.addRow("&Lead:", self.lead_edit)
        form.addRow("&Planned:", self.minutes_spin)
        form.addRow(self.confidential_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Wide enough for a typical item title, in text widths so it scales with the font.
        self.title_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def values(self) -> dict[str, Any]:
        """The fields as ``editing.update_item`` names them."""
        return {
            "title": self.title_edit.text().strip(),
            "heading": self.heading_edit.text().strip(),
            "lead": self.lead_edit.text().strip(),
            "planned_minutes": self.minutes_spin.value() or None,
            "confidential": self.confidential_check.isChecked(),
        }

    def accept(self) -> None:
        if not self.title_edit.text().strip():
            self.problem.setText("An agenda item needs a title; type one in.")
            self.problem.show()
            self.title_edit.setFocus()
            return
        super().accept()
