"""The agenda's item model: a meeting's items as rows of number, state, title and minutes.

``AgendaModel`` is a thin table model over a frozen ``Meeting``'s ``AgendaItem``s. It owns the
column numbers, the state marks (done ✓, live ▶), the padlock of confidential items, what a
screen reader hears for each cell, and drag and drop of a row, which it hands to a ``mover``
that runs the real operation before the row moves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from pcc_minutes.core.live import is_done, spent_words
from pcc_minutes.core.records import AgendaItem

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A private MIME type: a drag carries only the item's id, so a drop can never be mistaken
# for text dragged in from elsewhere.
ITEM_MIME_TYPE = "application/x-pcc-minutes-agenda-item"

DONE_MARK = "✓"
LIVE_MARK = "▶"

NUMBER, STATE, TITLE, MINUTES = range(4)


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
        for row, (before, after) in enumerate(zip(old, items, strict=True)):
            if before != after:  # row by row: a live step changes two rows, maybe far apart
                self.dataChanged.emit(self.index(row, 0), self.index(row, MINUTES))

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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        # The header is hidden; a screen reader still names the columns.
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return ("Number", "State", "Title", "Planned time")[section] if section < 4 else None
        return super().headerData(section, orientation, role)

    def _state(self, item: AgendaItem) -> str:
        if item.id == self._live_id:
            return LIVE_MARK
        return DONE_MARK if is_done(item) else ""

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
            if state == DONE_MARK:
                return f"done, {spent_words(item)}"
            return {LIVE_MARK: "being discussed now"}.get(state, "")
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
        if is_done(item):
            lines.append(f"Spent: {spent_words(item)}")
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
