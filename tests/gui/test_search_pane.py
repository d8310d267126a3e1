"""The search pane: results after the typing pause, Enter opens the item with the match
selected, a late answer to an older query never replaces a newer one's, one sentence for a
bad query. On the two seed meetings (skipped without seeds) and a fake search."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.tracking import SearchHit
from pcc_minutes.ui.actions import ActionId
from pcc_minutes.ui.search_pane import SearchPane
from tests.conftest import need, seed_files

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def meeting_id(store, cli):
    assert cli("import", *need(seed_files(), "the seed meetings")).code == 0
    return 1  # the window opens the August meeting; the match is in September's


def test_typing_shows_results_and_enter_opens_the_item_with_the_match_selected(qtbot, window):
    window.actions_by_id[ActionId.SEARCH].trigger()
    pane = window.search_pane
    assert pane.isVisible() and pane.line.hasFocus()
    qtbot.keyClicks(pane.line, "firearms")
    assert pane.results.count() == 0  # nothing before the pause
    qtbot.waitUntil(lambda: pane.results.count() > 0, timeout=3000)
    hit = pane.hits[0]
    assert hit.meeting_id == 2 and "firearms" in hit.snippet.casefold()
    assert "results" in pane.message.text() or "result" in pane.message.text()

    qtbot.keyClick(pane.line, Qt.Key.Key_Return)
    assert window.view.id == 2 and window.item_id == hit.item_id
    assert not pane.isVisible()
    assert window.editor.hasFocus()
    assert window.editor.textCursor().selectedText().casefold() == "firearms"


def test_escape_returns_to_the_notes(qtbot, window):
    window.open_search()
    qtbot.keyClick(window.search_pane.line, Qt.Key.Key_Escape)
    assert not window.search_pane.isVisible()
    assert window.editor.hasFocus()


def _hit(word: str) -> SearchHit:
    return SearchHit(
        1, date(2025, 8, 14), "A meeting", 1, "notes", f"about {word}", ((6, 6 + len(word)),)
    )


def test_a_late_answer_to_an_older_query_is_dropped(qtbot, store):
    release_old = threading.Event()

    def search(_store, query, _limit):
        if query == "old":
            release_old.wait(5)
        return [_hit(query)]

    pane = SearchPane(store, search)
    qtbot.addWidget(pane)
    pane.show()
    pane.line.setText("old")
    pane.run_query()
    pane.line.setText("new")
    pane.run_query()
    qtbot.waitUntil(lambda: pane.results.count() == 1, timeout=3000)
    assert pane.hits[0].snippet == "about new"
    release_old.set()
    qtbot.wait(300)  # the old query's answer arrives now
    assert [h.snippet for h in pane.hits] == ["about new"]


def test_a_bad_query_or_none_found_is_one_sentence(qtbot, store):
    def search(_store, query, _limit):
        if query.startswith("from:"):
            raise UserInputError("'from:' needs a date such as 2025-08-14.")
        return []

    pane = SearchPane(store, search)
    qtbot.addWidget(pane)
    pane.show()
    pane.line.setText("from:soon")
    pane.run_query()
    qtbot.waitUntil(lambda: "needs a date" in pane.message.text(), timeout=3000)
    assert pane.results.count() == 0
    pane.line.setText("nothing")
    pane.run_query()
    qtbot.waitUntil(lambda: pane.message.text().startswith("Nothing matches"), timeout=3000)


def test_the_match_is_selected_where_its_snippet_came_from(qtbot, window):
    """A word said twice in an item: the one the snippet shows is selected, not the first."""
    window.open_meeting(2)
    item = window.view.items[0]
    text = window.editor.document().toPlainText() if window.item_id == item.id else ""
    word = "rural"
    first, second = (
        text.casefold().find(word),
        text.casefold().find(word, text.casefold().find(word) + 1),
    )
    assert 0 <= first < second
    snippet = "…" + text[second - 20 : second + 20]
    hit = SearchHit(2, date(2025, 9, 11), "A meeting", 1, "notes", snippet, ((21, 26),), item.id)
    window.open_search_hit(hit)
    cursor = window.editor.textCursor()
    assert cursor.selectedText().casefold() == word
    assert cursor.selectionStart() == second
