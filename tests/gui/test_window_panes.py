"""The widgets hidden at start-up are made on first use, in the place the layout always had
for them: a quick-capture form above the find bar, both between the item's details and the
notes, whichever is opened first."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.ui.actions import ActionId


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


def column_order(window) -> list[str]:
    column = window._column
    names = {
        id(window.item_details): "details",
        id(window.pages): "notes",
        id(window._find_bar): "find",
    }
    names.update({id(form): kind for kind, form in window._quick_forms.items()})
    return [
        names[id(column.itemAt(i).widget())]
        for i in range(column.count())
        if id(column.itemAt(i).widget()) in names
    ]


def test_nothing_hidden_is_made_before_it_is_wanted(window):
    assert window._find_bar is None and window._preview is None and window._welcome is None
    assert not window._quick_forms


@pytest.mark.parametrize("first", ["find", "form"])
def test_the_find_bar_and_a_quick_form_take_their_places_in_either_order(window, first):
    if first == "find":
        window.find_bar.show_find()
        window.quick_capture(window.quick_action)
    else:
        window.quick_capture(window.quick_action)
        window.find_bar.show_find()
    assert column_order(window) == ["details", "action", "find", "notes"]
    assert window.find_bar.isVisible() and window.quick_action.isVisible()


def test_the_preview_is_made_when_first_shown(window):
    window.action(ActionId.PREVIEW).setChecked(True)
    assert window.pages.currentWidget() is window.preview
    window.action(ActionId.PREVIEW).setChecked(False)
    assert window.pages.currentWidget() is window.editor
