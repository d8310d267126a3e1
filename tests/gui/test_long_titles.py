"""A long agenda item title wraps above the notes instead of widening the centre: the agenda
keeps its width and its titles stay readable."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates

LONG = (
    "Public Protection – Disclosure Schemes, Protection Orders and the Partnership Review of "
    "Multi-Agency Safeguarding Arrangements"
)


@pytest.fixture
def meeting_id(store) -> int:
    meeting = ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value
    first = ops.load_meeting(store, meeting).items[0]
    ops.update_item(store, first.id, title=LONG)
    return meeting


def test_a_long_item_title_wraps_and_the_agenda_keeps_its_width(qtbot, window, meeting_id):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    short = window.view.items[1].id
    window.show_item(short)
    qtbot.wait(50)
    agenda_width = window.agenda.width()
    window.show_item(window.view.items[0].id)
    qtbot.wait(50)
    assert LONG in window.item_title.text()
    assert window.item_title.wordWrap()
    assert window.item_title.height() > window.item_title.fontMetrics().height() * 1.5  # wrapped
    assert window.agenda.width() >= agenda_width - 2
    assert window.width() <= 1280


def test_minutes_with_no_planned_times_give_the_titles_the_minutes_column(qtbot, window, store):
    from pcc_minutes.ui.agenda.model import MINUTES

    assert not window.agenda.tree.isColumnHidden(MINUTES)  # the template plans every item
    for item in window.view.items:
        ops.update_item(store, item.id, planned_minutes=None)
    window.reload()
    assert window.agenda.tree.isColumnHidden(MINUTES)
