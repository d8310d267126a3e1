"""View ▸ Indicators…: the series' indicators (label, unit, points, last value), with
Trend…, Rename…, Merge into… and, for the figures reporting the selected one, Link to… and
Unlink. Every change goes through the indicator operations and onto the window's undo
stack (``Session.record``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.changes import Outcome
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.formatting import format_date
from pcc_minutes.core.tracking import Indicator, Trend
from pcc_minutes.ui.indicators.trend_view import TrendDialog, point_value
from pcc_minutes.ui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole


class IndicatorsDialog(QDialog):
    COLUMNS = ("Indicator", "Unit", "Points", "Last value")

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = Session.of(store)
        self.store = self.session.store
        self.setWindowTitle("Indicators")
        self.indicators: list[Indicator] = []
        self.trends: dict[int, Trend] = {}
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName("Indicators")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures = QListWidget()
        self.figures.setAccessibleName("Figures reporting the selected indicator")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")

        buttons = QHBoxLayout()
        self.trend_button = QPushButton("&Trend…")
        self.rename_button = QPushButton("&Rename…")
        self.merge_button = QPushButton("&Merge into…")
        for button, slot in (
            (self.trend_button, self._ask_trend),
            (self.rename_button, self._ask_rename),
            (self.merge_button, self._ask_merge),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        figure_buttons = QHBoxLayout()
        self.link_button = QPushButton("&Link to…")
        self.unlink_button = QPushButton("&Unlink")
        self.link_button.clicked.connect(self._ask_link)
        self.unlink_button.clicked.connect(self._ask_unlink)
        figure_buttons.addWidget(self.link_button)
        figure_buttons.addWidget(self.unlink_button)
        figure_buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        figures_label = QLabel("&Figures reporting it:")
        figures_label.setBuddy(self.figures)
        layout.addWidget(figures_label)
        layout.addWidget(self.figures, 1)
        layout.addLayout(figure_buttons)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.table.currentCellChanged.connect(lambda *_: self._show_figures())
        self.table.cellDoubleClicked.connect(lambda *_: self._ask_trend())
        self._trend_dialog: TrendDialog | None = None
        self.resize(720, 480)
        self.refresh()

    # --- reading ----------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        try:
            self.indicators = ops.list_indicators(self.store)
            self.trends = {i.id: ops.indicator_trend(self.store, i.id) for i in self.indicators}
        except PccError as problem:
            self.problem.setText(str(problem))
            return
        self.table.setRowCount(len(self.indicators))
        for row, indicator in enumerate(self.indicators):
            trend = self.trends[indicator.id]
            last = trend.points[-1] if trend.points else None
            cells = (
                indicator.label,
                indicator.unit,
                str(len(trend.points)),
                f"{point_value(last, indicator.unit)}, {last.period or format_date(last.date)}"
                if last
                else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, indicator.id)
                self.table.setItem(row, column, cell)
        ids = [i.id for i in self.indicators]
        self.table.setCurrentCell(ids.index(keep) if keep in ids else 0, 0)
        self._show_figures()

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.indicators[row].id if 0 <= row < len(self.indicators) else None

    def _show_figures(self) -> None:
        self.figures.clear()
        trend = self.trends.get(self.current_id() or -1)
        for point in trend.points if trend else ():
            for source in point.sources:
                line = (
                    f"{format_date(source.date)}, item {source.item}: "
                    f"{point.period} {point_value(point, trend.indicator.unit)}"
                )
                row = QListWidgetItem(line)
                row.setData(ID_ROLE, source.figure_id)
                self.figures.addItem(row)
        if self.figures.count():
            self.figures.setCurrentRow(0)

    def current_figure(self) -> int | None:
        row = self.figures.currentItem()
        return row.data(ID_ROLE) if row is not None else None

    # --- changing (each an operation, undoable) ----------------------------------------

    def _run(self, operation: Callable[[], Outcome], keep: int | None = None) -> bool:
        try:
            self.session.record(operation())
        except PccError as problem:
            self.problem.setText(str(problem))
            return False
        self.problem.clear()
        self.refresh(keep)
        return True

    def rename(self, indicator_id: int, label: str) -> bool:
        return self._run(lambda: ops.rename_indicator(self.store, indicator_id, label))

    def merge(self, keep_id: int, other_id: int) -> bool:
        return self._run(lambda: ops.merge_indicators(self.store, keep_id, other_id), keep_id)

    def link(self, figure_id: int, indicator_id: int) -> bool:
        return self._run(lambda: ops.link_figure(self.store, figure_id, indicator_id))

    def unlink(self, figure_id: int) -> bool:
        return self._run(lambda: ops.unlink_figure(self.store, figure_id))

    def open_trend(self, indicator_id: int) -> TrendDialog:
        if self._trend_dialog is not None:
            self._trend_dialog.close()
        self._trend_dialog = TrendDialog(self.trends[indicator_id], self)
        self._trend_dialog.show()
        self._trend_dialog.activateWindow()  # its keys: the points, Esc
        return self._trend_dialog

    # --- asking -----------------------------------------------------------------------

    def _others(self, indicator_id: int) -> list[Indicator]:
        return [i for i in self.indicators if i.id != indicator_id]

    def _choose(self, title: str, prompt: str, choices: list[Indicator]) -> int | None:
        if not choices:
            self.problem.setText("There is no other indicator to choose; add figures first.")
            return None
        names = [f"{i.label} ({i.unit})" for i in choices]
        name, ok = QInputDialog.getItem(self, title, prompt, names, 0, False)
        return choices[names.index(name)].id if ok else None

    def _ask_trend(self) -> None:
        if (current := self.current_id()) is not None:
            self.open_trend(current)

    def _ask_rename(self) -> None:
        if (current := self.current_id()) is None:
            return
        old = next(i.label for i in self.indicators if i.id == current)
        label, ok = QInputDialog.getText(self, "Rename indicator", "New name:", text=old)
        if ok:
            self.rename(current, label)

    def _ask_merge(self) -> None:
        if (current := self.current_id()) is None:
            return
        keep = self._choose("Merge into", "Merge this indicator into:", self._others(current))
        if keep is not None:
            self.merge(keep, current)

    def _ask_link(self) -> None:
        figure, current = self.current_figure(), self.current_id()
        if figure is None or current is None:
            return
        target = self._choose("Link figure", "Link this figure to:", self._others(current))
        if target is not None:
            self.link(figure, target)

    def _ask_unlink(self) -> None:
        if (figure := self.current_figure()) is not None:
            self.unlink(figure)
