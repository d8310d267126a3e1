"""Matters arising: the actions an item carries from earlier meetings, above its notes.

Each line says what the action is, who owns it, where it was raised ("raised 14 Aug 2025,
item 4"), its status in this meeting and the update said here. Made the first time an item
with carried actions is shown, never at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pcc_minutes.core.records import AgendaItem, CarriedAction

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_WORDS = {"open": "open", "done": "done", "dropped": "dropped"}


def raised_where(carried: CarriedAction) -> str:
    day = carried.raised_date.strftime("%-d %b %Y") if carried.raised_date else "an earlier meeting"
    return f"raised {day}, item {carried.raised_item}"


def carried_line(carried: CarriedAction) -> str:
    """'Done here: Review overtime costs (Chief Constable, due 30 Sep 2025)' over
    'raised 14 Aug 2025, item 4 · Update: …'."""
    action = carried.action
    who = action.owner or "no owner"
    if action.due is not None:
        who += f", due {action.due.strftime('%-d %b %Y')}"
    status = STATUS_WORDS.get(str(action.status), str(action.status)).capitalize()
    note = carried.note.strip()
    update = f"Update: {note}" if note else "No update recorded yet"
    where = raised_where(carried)
    return f"{status} here: {action.text} ({who})\n{where[:1].upper()}{where[1:]} · {update}"


STATUS_KEYS = {Qt.Key.Key_D: "done", Qt.Key.Key_X: "dropped", Qt.Key.Key_O: "open"}


class _Rows(QListWidget):
    key_status = Signal(str)
    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if event.key() in STATUS_KEYS:
                self.key_status.emit(STATUS_KEYS[event.key()])
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.enter_pressed.emit()
                return
        super().keyPressEvent(event)


class MattersArising(QWidget):
    """The carried actions of the item on screen (hidden when it carries none). On a row,
    D marks it done here, X dropped, O open again; Enter writes its update. ``update(action
    id, note, status)`` asks the window to record it."""

    update = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._carried: dict[int, CarriedAction] = {}
        self.setObjectName("matters_arising")
        self.heading = QLabel()
        self.heading.setWordWrap(True)  # never widens the centre column
        self.heading.setAccessibleName("Matters arising")
        self.rows = _Rows()
        self.rows.key_status.connect(self._set_status)
        self.rows.enter_pressed.connect(self.edit_note)
        self.rows.itemDoubleClicked.connect(lambda _row: self.edit_note())
        self.rows.setAccessibleName("Carried actions")
        self.rows.setWordWrap(True)
        self.rows.setAlternatingRowColors(True)
        self.rows.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.rows)
        self.hide()

    def show_item(self, item: AgendaItem | None) -> None:
        carried = tuple(item.carried) if item is not None else ()
        self._carried = {entry.action.id: entry for entry in carried}
        current = self.rows.currentRow()
        self.rows.clear()
        for entry in carried:
            row = QListWidgetItem(carried_line(entry))
            row.setData(ACTION_ROLE, entry.action.id)
            row.setToolTip(f"{entry.raised_title}" if entry.raised_title else "")
            self.rows.addItem(row)
        if carried:
            self.rows.setCurrentRow(min(max(current, 0), len(carried) - 1))
        still_open = sum(1 for entry in carried if str(entry.action.status) == "open")
        self.heading.setText(
            f"<b>MATTERS ARISING</b>  {len(carried)} carried action"
            f"{'' if len(carried) == 1 else 's'}, {still_open} still open"
            "  <small>D done · X dropped · O open · Enter writes the update</small>"
        )
        self.rows.setAccessibleDescription(
            self.heading.text().replace("<b>", "").replace("</b>", "")
        )
        self.setVisible(bool(carried))
        self._fit()
        QTimer.singleShot(0, self._fit)  # again once laid out at its real width

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Tall enough for every row at this width, up to a dozen lines (then it scrolls)."""
        metrics, width = self.rows.fontMetrics(), max(self.rows.viewport().width() - 8, 100)
        spacing = 2 * self.rows.spacing() + 4
        flags = Qt.TextFlag.TextWordWrap
        rows = sum(
            metrics.boundingRect(0, 0, width, 10_000, flags, self.rows.item(row).text()).height()
            + spacing
            for row in range(self.rows.count())
        )
        most = metrics.height() * 14
        self.rows.setFixedHeight(min(rows + 2 * self.rows.frameWidth() + 2, most))

    def _current(self) -> CarriedAction | None:
        row = self.rows.currentItem()
        return self._carried.get(row.data(ACTION_ROLE)) if row is not None else None

    def _set_status(self, status: str) -> None:
        entry = self._current()
        if entry is not None:
            self.update.emit(entry.action.id, entry.note, status)

    def edit_note(self) -> None:
        entry = self._current()
        if entry is None:
            return
        from PySide6.QtWidgets import QInputDialog

        note, ok = QInputDialog.getText(
            self, "Update", f"What was said of: {entry.action.text}", text=entry.note
        )
        if ok:
            self.update.emit(entry.action.id, note.strip(), str(entry.action.status))
