"""The series' registers in the window: the decision register and the action log.

Each is a table of what ``ops.list_decisions`` / ``ops.list_actions`` return, read on a worker
thread when the view opens; Enter or a double-click on a row opens that meeting and item.
Made the first time it is opened, never at start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes.core.errors import PccError
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # (meeting id, item position) of a row


def _day(day: date | None) -> str:
    return day.strftime("%-d %b %Y") if day else ""


def decision_rows(entries: Sequence[DecisionEntry]) -> list[tuple[list[str], tuple[int, int]]]:
    return [
        (
            [_day(e.date), f"{e.item}. {e.item_title}".strip(), e.text],
            (e.meeting_id, e.item),
        )
        for e in entries
    ]


def action_rows(entries: Sequence[TrackedAction]) -> list[tuple[list[str], tuple[int, int]]]:
    rows = []
    for e in entries:
        a = e.action
        latest = e.updates[-1].note if e.updates else ""
        rows.append(
            (
                [
                    str(a.status).capitalize(),
                    a.text,
                    a.owner,
                    _day(a.due),
                    f"{_day(e.raised_date)}, item {e.raised_item}",
                    latest,
                ],
                (e.raised_meeting_id, e.raised_item),
            )
        )
    return rows


class RegisterView(QDialog):
    """A table of a register; ``open_at(meeting_id, item_position)`` on Enter/double-click."""

    open_at = Signal(int, int)
    _loaded = Signal(object)

    def __init__(
        self,
        title: str,
        columns: Sequence[str],
        load: Callable[[], list[tuple[list[str], tuple[int, int]]]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._load = load
        self.message = QLabel("Reading…")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(columns))
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.table.cellActivated.connect(lambda row, _col: self._open(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 520)
        self._loaded.connect(self._fill)

    def reload(self) -> None:
        """Read the register again, on a worker thread."""
        self.message.setText("Reading…")
        load, emit = self._load, self._loaded.emit

        def work() -> None:
            try:
                result: object = load()
            except PccError as exc:
                result = str(exc)
            except Exception as exc:  # never leave the view saying "Reading…"
                result = f"The register could not be read (unexpected {type(exc).__name__})."
            try:
                emit(result)
            except RuntimeError:  # closed meanwhile
                pass

        threading.Thread(target=work, name="register", daemon=True).start()

    def _fill(self, result: object) -> None:
        if isinstance(result, str):
            self.table.setRowCount(0)
            self.message.setText(result)
            return
        rows = list(result)  # type: ignore[call-overload]
        self.table.setRowCount(len(rows))
        for r, (cells, place) in enumerate(rows):
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(PLACE_ROLE, place)
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        self.message.setText(
            f"{len(rows)} entries. Enter or a double-click opens the meeting."
            if rows
            else "Nothing recorded in this series yet."
        )
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _open(self, row: int) -> None:
        cell = self.table.item(row, 0)
        if cell is None:
            return
        meeting_id, position = cell.data(PLACE_ROLE)
        self.open_at.emit(meeting_id, position)
