"""From the side panel to the record across meetings: a stored figure opens its indicator's
trend, is edited through a form with undo, and the notes' mention of a known indicator shows
its last value. On the two seed meetings and a third of our own (skipped without seeds)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.records import FigurePoint
from pcc_minutes.ui.side_panel import KEY_ROLE, SidePanel
from tests.conftest import need, seed_files

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def october(store, cli):
    assert cli("import", *need(seed_files(), "the seed meetings")).code == 0
    for meeting_id in (1, 2):
        assert cli("figures", str(meeting_id), "--accept").code == 0
    meeting = ops.create_from_last(store, 2, date(2025, 10, 9)).value
    item = ops.load_meeting(store, meeting).items[0]
    figure_id = ops.add_metric(
        store,
        item.id,
        "Number of outstanding firearms licence renewals",
        "count",
        [FigurePoint("September 2025", 800), FigurePoint("October 2025", 650)],
        source_text="Renewals waiting came down again, to 650 by the end of October.",
    ).value
    return meeting, item.id, figure_id


@pytest.fixture
def panel(qtbot, store, october):
    meeting, item_id, _ = october
    panel = SidePanel(store)
    qtbot.addWidget(panel)
    panel.show_item(ops.load_meeting(store, meeting), item_id)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _select_figure(panel, figure_id):
    rows = panel.figures_list
    for index in range(rows.count()):
        if rows.item(index).data(KEY_ROLE) == ("metric", figure_id):
            rows.setCurrentRow(index)
            return
    raise AssertionError("figure not listed")


def test_enter_on_a_stored_figure_opens_its_trend(qtbot, panel, october):
    _, _, figure_id = october
    _select_figure(panel, figure_id)
    panel.figures_list.setFocus()
    qtbot.keyClick(panel.figures_list, Qt.Key.Key_Return)
    dialog = panel._trend_dialog
    assert dialog is not None and dialog.isVisible()
    view = dialog.view
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == [
        "February 2025",
        "September 2025",
        "October 2025",
    ]
    assert view.summary.text().startswith("Fell from 1,200 in February 2025 to 650")
    assert view.chart.current == 2
    qtbot.keyClick(view.chart, Qt.Key.Key_Left)
    assert "September 2025: 800" in view.chart.accessibleDescription()
    dialog.close()


def test_a_figure_edited_in_the_form_is_stored_and_undone(qtbot, panel, store, october):
    meeting, item_id, figure_id = october

    def fill(dialog):
        dialog.values.setText("September 2025: 800; October 2025: ~640")
        dialog.target.setText("500")
        dialog.direction.setCurrentIndex(2)  # lower is better
        return True

    assert panel.edit_figure(figure_id, dialog_hook=fill)
    stored = next(f for f in ops.load_meeting(store, meeting).item(item_id).figures)
    assert stored.points[-1] == FigurePoint("October 2025", 640, approx=True)
    assert stored.target == 500 and stored.higher_is_better is False
    stack = panel.session.stack(meeting)
    assert stack.undoText().startswith("Edit figure")
    stack.undo()
    stored = next(f for f in ops.load_meeting(store, meeting).item(item_id).figures)
    assert stored.points[-1] == FigurePoint("October 2025", 650)
    assert stored.target is None


def test_a_value_that_is_no_number_is_refused_in_the_form(qtbot, panel, store, october):
    meeting, item_id, figure_id = october
    from pcc_minutes.ui.indicators.figure_edit import FigureEditDialog

    figure = ops.load_meeting(store, meeting).item(item_id).figures[0]
    dialog = FigureEditDialog(figure)
    qtbot.addWidget(dialog)
    dialog.values.setText("October 2025: lots")
    dialog._try_accept()
    assert "is not a value" in dialog.problem.text()
    assert dialog.result() == 0


def test_notes_mentioning_a_known_indicator_show_its_last_value(qtbot, panel):
    panel.update_suggestions("The firearms licence renewals were discussed again.")
    qtbot.waitUntil(lambda: panel.hints_label.isVisible(), timeout=5000)
    text = panel.hints_label.text()
    assert "last: 800" in text and "September 2025" in text
    panel.update_suggestions("Nothing measured here.")
    qtbot.waitUntil(lambda: not panel.hints_label.isVisible(), timeout=5000)
    assert QApplication.instance() is not None
