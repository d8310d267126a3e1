"""View ▸ Indicators…: the list of the series' indicators, renaming, merging, linking and
unlinking figures, each undone from the window's undo stack. On the seed meetings."""

from __future__ import annotations

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.ui.indicators.indicator_list import IndicatorsDialog
from pcc_minutes.ui.session import Session
from tests.conftest import need, seed_files

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def dialog(qtbot, store, cli):
    assert cli("import", *need(seed_files(), "the seed meetings")).code == 0
    for meeting_id in (1, 2):
        assert cli("figures", str(meeting_id), "--accept").code == 0
    session = Session(store)
    session.set_meeting(2)
    dialog = IndicatorsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row(dialog, label):
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == label:
            return row
    raise AssertionError(f"{label} not listed")


def test_the_list_shows_each_indicator_with_points_and_last_value(dialog, store):
    listed = ops.list_indicators(store)
    assert dialog.table.rowCount() == len(listed) > 0
    renewals = ops.find_indicator(store, "firearms licence renewals")
    label = next(i.label for i in listed if i.id == renewals)
    row = _row(dialog, label)
    assert dialog.table.item(row, 2).text() == "2"
    assert dialog.table.item(row, 3).text() == "800, September 2025"
    dialog.table.setCurrentCell(row, 0)
    assert dialog.figures.count() == 2
    trend = dialog.open_trend(renewals)
    assert trend.view.table.rowCount() == 2


def test_rename_and_merge_are_undone_from_the_undo_stack(dialog, store):
    stack = dialog.session.stack(2)
    renewals = ops.find_indicator(store, "firearms licence renewals")
    old = next(i.label for i in ops.list_indicators(store) if i.id == renewals)
    assert dialog.rename(renewals, "Licence renewals waiting")
    assert dialog.table.item(_row(dialog, "Licence renewals waiting"), 0)
    stack.undo()
    assert next(i.label for i in ops.list_indicators(store) if i.id == renewals) == old
    before = len(ops.list_indicators(store))
    listed = ops.list_indicators(store)
    unit = next(i.unit for i in listed if i.id == renewals)
    other = next(i.id for i in listed if i.id != renewals and i.unit == unit)
    assert dialog.merge(renewals, other), dialog.problem.text()
    assert len(ops.list_indicators(store)) == before - 1
    stack.undo()
    assert len(ops.list_indicators(store)) == before


def test_a_figure_is_unlinked_and_linked_again(dialog, store):
    renewals = ops.find_indicator(store, "firearms licence renewals")
    dialog.table.setCurrentCell(_row(dialog, dialog.trends[renewals].indicator.label), 0)
    figure = dialog.current_figure()
    assert figure is not None
    assert dialog.unlink(figure)
    assert len(ops.indicator_trend(store, renewals).points) < 2 or all(
        figure not in [s.figure_id for s in p.sources]
        for p in ops.indicator_trend(store, renewals).points
    )
    assert dialog.link(figure, renewals)
    sources = [s.figure_id for p in ops.indicator_trend(store, renewals).points for s in p.sources]
    assert figure in sources


@pytest.fixture
def meeting_id(store, cli):
    assert cli("import", *need(seed_files(), "the seed meetings")).code == 0
    assert cli("figures", "2", "--accept").code == 0
    return 2


def test_view_indicators_opens_the_list_on_first_use(window, meeting_id):
    from pcc_minutes.ui.actions import ActionId

    assert getattr(window, "_indicators_dialog", None) is None  # nothing built at start-up
    window.actions_by_id[ActionId.INDICATORS].trigger()
    dialog = window._indicators_dialog
    assert dialog.isVisible() and dialog.table.rowCount() > 0
    assert dialog.session is window.session  # its changes go on the window's undo stack
    dialog.close()
