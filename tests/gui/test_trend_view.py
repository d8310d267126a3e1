"""The trend view: chart points drawn where they say, keyboard moves the focused point and
its spoken text, the table and the sentence match the trend."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from pcc_minutes.core.tracking import Indicator, Trend, TrendPoint, TrendSource
from pcc_minutes.ui.indicators.trend_view import TrendDialog, TrendView


def _trend() -> Trend:
    def point(period, when, value, meeting, mismatch=False, sources=()):
        return TrendPoint(
            period=period,
            when=when,
            value=value,
            target=700.0,
            meeting_id=meeting,
            date=when,
            item=2,
            sources=sources or (TrendSource(meeting_id=meeting, date=when, item=2, value=value),),
            mismatch=mismatch,
        )

    disagree = (
        TrendSource(meeting_id=2, date=date(2025, 9, 11), item=2, value=820),
        TrendSource(meeting_id=3, date=date(2025, 10, 9), item=3, value=800),
    )
    return Trend(
        indicator=Indicator(id=1, label="Waiting list", unit="count", points=3),
        points=(
            point("August 2025", date(2025, 8, 14), 1200, 1),
            point("September 2025", date(2025, 9, 11), 800, 3, mismatch=True, sources=disagree),
            point("October 2025", date(2025, 10, 9), 650, 3),
        ),
        summary="Fell from 1,200 in August 2025 to 650 in October 2025.",
    )


def _view(qtbot) -> TrendView:
    view = TrendView(_trend())
    qtbot.addWidget(view)
    view.resize(900, 360)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_chart_paints_each_point_where_its_value_is(qtbot):
    view = _view(qtbot)
    chart = view.chart
    positions = [chart.point_position(i) for i in range(3)]
    assert positions[0].x() < positions[1].x() < positions[2].x()
    # higher values sit higher up (smaller y)
    assert positions[0].y() < positions[1].y() < positions[2].y()
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    line = chart.palette().color(chart.palette().ColorRole.Highlight)
    base = chart.palette().color(chart.palette().ColorRole.Base)

    def colour(p):
        return QColor(image.pixel(int(p.x() * ratio), int(p.y() * ratio)))

    # a filled point shows the line's colour at its centre; the mismatch point is hollow
    for index in (0, 2):
        assert colour(positions[index]) == line
    assert colour(positions[1]) == base


def test_left_and_right_move_the_focused_point_and_its_spoken_text(qtbot):
    view = _view(qtbot)
    chart = view.chart
    chart.setFocus()
    assert chart.current == 2
    assert "October 2025: 650" in chart.accessibleDescription()
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 1
    assert "September 2025: 800" in chart.accessibleDescription()
    assert "disagree: 820 on 11 September 2025, 800 on 9 October 2025" in chart.toolTip()
    assert view.status.text() == chart.toolTip()
    assert view.table.currentRow() == 1
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.current == 0 and view.table.currentRow() == 0
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # stays at the first point
    assert chart.current == 0
    view.table.setCurrentCell(2, 0)  # the chart follows the table too
    assert chart.current == 2


def test_the_table_and_summary_match_the_trend(qtbot):
    view = _view(qtbot)
    table = view.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [
        ["August 2025", "1,200", "14 Aug 2025"],
        ["September 2025", "800 (differs)", "11 Sep 2025"],
        ["October 2025", "650", "9 Oct 2025"],
    ]
    assert table.item(1, 3).text() == "11 Sep 2025, item 2: 820\n9 Oct 2025, item 3: 800"
    assert view.summary.text() == "Fell from 1,200 in August 2025 to 650 in October 2025."
    assert view.summary.isVisible()


def test_an_empty_trend_says_so(qtbot):
    trend = Trend(indicator=Indicator(id=2, label="Complaints", unit=""))
    dialog = TrendDialog(trend)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.view.chart, Qt.Key.Key_Right)
    assert dialog.view.status.text() == "No values yet."
    assert dialog.windowTitle() == "Trend — Complaints"
