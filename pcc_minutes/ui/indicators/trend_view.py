"""One indicator's trend: a small line chart, the same values as a table, and the trend's
sentence.

The chart is drawn with QPainter in the widget's own palette (so a dark palette reads as
well as a light one). Its points take the keyboard: Left/Right (Home/End) move the focused
point, whose value is read out through the accessible description, the tooltip and the
status line; the table's row follows, and choosing a row moves the point. A point whose
meetings reported different values is drawn hollow with a ring and says so in words.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes.core.formatting import format_date, format_number
from pcc_minutes.core.tracking import Trend, TrendPoint
from pcc_minutes.documents.layout import metric_value


def point_value(point: TrendPoint, unit: str = "") -> str:
    """ "approx. 800", "5–6%", "£1,200", "over 200": the value as the minutes write it."""
    return metric_value(unit, point.value, point.high, point.approx, point.bound)


def point_sentence(trend: Trend, index: int) -> str:
    """What a screen reader and the status line say for one point."""
    point = trend.points[index]
    unit = trend.indicator.unit
    words = f"{point.period or format_date(point.date)}: {point_value(point, unit)}"
    if point.target is not None:
        words += f", target {format_number(point.target)}"
    if point.mismatch:
        reported = ", ".join(
            f"{format_number(s.value)} on {format_date(s.date)}" for s in point.sources
        )
        words += f". The meetings disagree: {reported}"
    return f"Point {index + 1} of {len(trend.points)}. {words}."


def _short(day) -> str:
    return f"{day.day} {day:%b %Y}" if day else "undated"


def _sources(point: TrendPoint) -> str:
    """Each meeting's report, one a line: "11 Sep 2025, item 2: 800"."""
    if not point.sources:
        return _short(point.date)
    return "\n".join(
        f"{_short(s.date)}, item {s.item}: {format_number(s.value)}" for s in point.sources
    )


class TrendChart(QWidget):
    """The line chart; ``current`` is the focused point (−1 when there are none)."""

    current_changed = Signal(int)

    MARGIN_LEFT = 56
    MARGIN_RIGHT = 40
    MARGIN_TOP = 18
    MARGIN_BOTTOM = 40
    RADIUS = 4.5

    def __init__(self, trend: Trend, parent: QWidget | None = None):
        super().__init__(parent)
        self.trend = trend
        self.current = len(trend.points) - 1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 200)
        self.setAccessibleName(f"Trend chart: {trend.indicator.label}")
        self._describe()

    # --- geometry ---------------------------------------------------------------------

    def _range(self) -> tuple[float, float]:
        values = [p.value for p in self.trend.points]
        values += [p.high for p in self.trend.points if p.high is not None]
        values += [p.target for p in self.trend.points if p.target is not None]
        if not values:
            return 0.0, 1.0
        low, high = min(values), max(values)
        if low >= 0 and (high - low) >= 0.25 * high:
            low = 0.0  # counts that vary a lot read best from zero
        spread = (high - low) or abs(high) or 1.0
        return low - 0.1 * spread * (low != 0), high + 0.12 * spread

    def plot_rect(self) -> QRectF:
        return QRectF(
            self.MARGIN_LEFT,
            self.MARGIN_TOP,
            max(1, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
            max(1, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM),
        )

    def _y(self, value: float) -> float:
        low, high = self._range()
        area = self.plot_rect()
        return area.bottom() - (value - low) / (high - low) * area.height()

    def point_position(self, index: int) -> QPointF:
        """Where point ``index`` is drawn (tests and mouse clicks use it)."""
        area = self.plot_rect()
        count = len(self.trend.points)
        inset = 14  # the first and last points stand clear of the axes
        x = (
            area.center().x()
            if count == 1
            else area.left() + inset + (area.width() - 2 * inset) * index / (count - 1)
        )
        return QPointF(x, self._y(self.trend.points[index].value))

    # --- drawing ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(palette.ColorRole.WindowText)
        base = palette.color(palette.ColorRole.Base)
        line = palette.color(palette.ColorRole.Highlight)
        faint = QColor(text)
        faint.setAlpha(70)
        painter.fillRect(self.rect(), base)
        area = self.plot_rect()
        points = self.trend.points
        if not points:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No values yet")
            return
        font = QFont(self.font())
        painter.setFont(font)
        metrics = painter.fontMetrics()
        # axis: the lowest and highest values drawn, and the baseline
        low, high = self._range()
        painter.setPen(QPen(faint, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.setPen(text)
        shown = sorted({min(p.value for p in points), max(p.value for p in points)})
        if low == 0 and shown[0] != 0:
            shown.insert(0, 0.0)  # an axis from zero says so
        for value in shown:
            y = self._y(value)
            label = format_number(value)
            painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, self.MARGIN_LEFT - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        # target line
        targets = [p.target for p in points if p.target is not None]
        if targets:
            y = self._y(targets[-1])
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(
                QPointF(area.left() + 4, y - 3), f"target {format_number(targets[-1])}"
            )
        # periods under the axis, every n-th when crowded (always the last)
        every = max(1, int(len(points) * 90 / max(area.width(), 1)) + 1)
        for index, point in enumerate(points):
            if index % every and index != len(points) - 1:
                continue
            x = self.point_position(index).x()
            label = point.period or format_date(point.date)
            width = metrics.horizontalAdvance(label) + 4
            left = min(max(x - width / 2, 0), self.width() - width)
            painter.drawText(
                QRectF(left, area.bottom() + 6, width, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        # the line and its points
        painter.setPen(QPen(line, 2))
        for index in range(1, len(points)):
            painter.drawLine(self.point_position(index - 1), self.point_position(index))
        for index, point in enumerate(points):
            where = self.point_position(index)
            if point.mismatch:
                painter.setPen(QPen(QColor("#d04030"), 2))
                painter.setBrush(base)
                painter.drawEllipse(where, self.RADIUS + 3, self.RADIUS + 3)
            painter.setPen(QPen(line, 2))
            painter.setBrush(base if point.mismatch else line)
            painter.drawEllipse(where, self.RADIUS, self.RADIUS)
        # the focused point: a ring and its value
        if 0 <= self.current < len(points):
            where = self.point_position(self.current)
            if self.hasFocus():
                painter.setPen(QPen(text, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(where, self.RADIUS + 6, self.RADIUS + 6)
            label = point_value(points[self.current], self.trend.indicator.unit)
            width = metrics.horizontalAdvance(label) + 6
            left = min(max(where.x() - width / 2, area.left()), self.width() - width)
            top = where.y() - self.RADIUS - 8 - metrics.height()
            if top < 0:
                top = where.y() + self.RADIUS + 8
            painter.setPen(text)
            painter.drawText(
                QRectF(left, top, width, metrics.height()), Qt.AlignmentFlag.AlignCenter, label
            )
        painter.end()

    # --- keyboard and mouse -----------------------------------------------------------

    def set_current(self, index: int) -> None:
        if not self.trend.points:
            return
        index = max(0, min(index, len(self.trend.points) - 1))
        if index == self.current:
            return
        self.current = index
        self._describe()
        self.update()
        self.current_changed.emit(index)

    def _describe(self) -> None:
        if 0 <= self.current < len(self.trend.points):
            sentence = point_sentence(self.trend, self.current)
        else:
            sentence = "No values yet."
        self.setAccessibleDescription(sentence + " Left and Right move between points.")
        self.setToolTip(sentence)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: self.current - 1,
            Qt.Key.Key_Right: self.current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self.trend.points) - 1,
        }
        if event.key() in moves and self.trend.points:
            self.set_current(moves[event.key()])
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.trend.points:
            x = event.position().x()
            nearest = min(
                range(len(self.trend.points)),
                key=lambda i: abs(self.point_position(i).x() - x),
            )
            self.set_current(nearest)
            QToolTip.showText(event.globalPosition().toPoint(), self.toolTip(), self)
        super().mousePressEvent(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)


class TrendView(QWidget):
    """Chart, status line and sentence on the left; the data table beside them."""

    COLUMNS = ("Period", "Value", "Meeting", "Sources")

    def __init__(self, trend: Trend, parent: QWidget | None = None):
        super().__init__(parent)
        self.trend = trend
        indicator = trend.indicator
        self.setAccessibleName(f"Trend of {indicator.label}")
        self.title = QLabel(indicator.label + (f" ({indicator.unit})" if indicator.unit else ""))
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title.setFont(bold)
        self.summary = QLabel(trend.summary or "No values yet.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = TrendChart(trend)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Focused point")
        # room for two lines, so the chart keeps its size as the focused point moves
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table = QTableWidget(len(trend.points), len(self.COLUMNS))
        self.table.setAccessibleName(f"{indicator.label}: values by period")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        for row, point in enumerate(trend.points):
            value = point_value(point, indicator.unit)
            if point.mismatch:
                value += " (differs)"
            cells = (
                point.period or format_date(point.date),
                value,
                _short(point.date),
                _sources(point),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 1:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.resizeRowsToContents()

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.chart, 1)
        left.addWidget(self.status)
        left.addWidget(self.summary)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.chart, self.table)

        self.chart.current_changed.connect(self._point_moved)
        self.table.currentCellChanged.connect(self._row_moved)
        self._point_moved(self.chart.current)

    def _point_moved(self, index: int) -> None:
        if not 0 <= index < len(self.trend.points):
            self.status.setText("No values yet.")
            return
        self.status.setText(point_sentence(self.trend, index))
        if self.table.currentRow() != index:
            self.table.setCurrentCell(index, 0)

    def _row_moved(self, row: int, *_: int) -> None:
        if row >= 0:
            self.chart.set_current(row)


class TrendDialog(QDialog):
    """A trend in a window of its own (from a figure or the indicator list)."""

    def __init__(self, trend: Trend, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Trend — {trend.indicator.label}")
        self.view = TrendView(trend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(980, 440)
        self.view.chart.setFocus()
