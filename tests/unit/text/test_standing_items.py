"""The standing action-log item is recognised by the names bodies give it, and nothing else
is taken for it."""

from __future__ import annotations

import pytest

from pcc_minutes.text.standing_items import is_action_log_title


@pytest.mark.parametrize(
    "title",
    [
        "Matters arising",
        "Matters Arising / Action Log",
        "Minutes of the previous meeting and matters arising",
        "Action log",
        "Action tracker",
        "Actions from the last meeting",
        "Actions arising from the previous meeting",
        "Review of outstanding actions",
        "Open actions",
        "ACTION POINTS",
    ],
)
def test_names_of_the_action_log_item(title):
    assert is_action_log_title(title)


@pytest.mark.parametrize(
    "title",
    [
        "Firearms Licensing",
        "Police Race Action Plan",
        "Stop & Search Scrutiny Panel Annual Report",
        "Any other business",
        "Minutes of the previous meeting",
        "Actions taken on rural crime",
    ],
)
def test_other_items_are_not_taken_for_it(title):
    assert not is_action_log_title(title)
