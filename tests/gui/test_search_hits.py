"""Opening a search hit of each kind selects what matched: the words in the notes where the
snippet came from (whatever accents, stemming, Markdown or line breaks stand between), the
action, decision or figure in the side panel, the carried action whose update matched in
matters arising. Real meetings through the operations on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Figure, FigurePoint
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.core.tracking import SearchHit
from pcc_minutes.ui.matters_arising import ACTION_ROLE
from pcc_minutes.ui.search_pane import hit_html, locate, qt_position
from pcc_minutes.ui.side_panel import KEY_ROLE

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

NOTES = (
    "Licences were listed first.\n\n"
    "- The **Café** owners asked about their\n  licences and the renewal fees.\n"
)


@pytest.fixture
def ids(store):
    first = ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value
    raised = ops.load_meeting(store, first).items[2].id
    action = ops.add_action(store, raised, "Review OOCRs in six months", "Chief Constable").value
    second = ops.create_from_last(store, first, date(2026, 2, 12)).value
    ops.update_action(store, action, note="Reported to the scrutiny panel", meeting_id=second)
    item = ops.load_meeting(store, second).items[2].id
    ops.save_item_notes(store, item, NOTES)
    return {
        "meeting": second,
        "item": item,
        "carried": action,
        "action": ops.add_action(store, item, "Write to the hauliers", "Inspector Vale").value,
        "decision": ops.add_decision(store, item, "Quarry patrols to continue").value,
        "figure": ops.add_figure(
            store,
            item,
            Figure("Waiting", "count", (FigurePoint("2025", 800),), source="Kilns 800 waiting."),
        ).value,
    }


@pytest.fixture
def meeting_id(ids):
    return ids["meeting"]


def _open(window, store, query) -> SearchHit:
    hits = ops.search(store, query)
    assert hits, query
    window.open_search_hit(hits[0])
    return hits[0]


def test_a_notes_hit_selects_its_words_where_the_snippet_came_from(qtbot, window, store, ids):
    hit = _open(window, store, "cafe licence kind:notes")
    assert hit.kind == "notes" and window.item_id == ids["item"]
    html = hit_html(hit)
    assert "<b>Café</b>" in html and "<b>licences</b>" in html  # accents and stems marked
    cursor = window.editor.textCursor()
    text = window.editor.document().toPlainText()
    start, end = hit.marks[0]
    assert cursor.selectedText() == hit.snippet[start:end] == "Licences"
    assert cursor.selectionStart() == text.index("Licences")
    # a stemmed word said twice: the one after "their" (past Markdown and a line break)
    snippet = "…owners asked about their licences and the renewal fees."
    at = snippet.index("licences")
    second = SearchHit(
        hit.meeting_id, hit.date, hit.title, hit.item, "notes", snippet, ((at, at + 8),),
        hit.item_id,
    )  # fmt: skip
    window.open_search_hit(second)
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "licences"
    assert cursor.selectionStart() == text.index("licences")
    assert window.editor.hasFocus()


@pytest.mark.parametrize(
    ("query", "kind", "key"),
    [
        ("hauliers", "action", "action"),
        ("quarry patrols", "decision", "decision"),
        ("kilns", "figure", "metric"),
    ],
)
def test_a_row_hit_selects_its_row_in_the_side_panel(qtbot, window, store, ids, query, kind, key):
    hit = _open(window, store, query)
    assert hit.kind == kind and window.item_id == ids["item"]
    rows = {
        "action": window.side.actions_list,
        "decision": window.side.decisions_list,
        "figure": window.side.figures_list,
    }[kind]
    assert rows.currentItem().data(KEY_ROLE) == (key, ids[kind])
    assert rows.hasFocus()


def test_an_update_of_a_carried_action_selects_it_in_matters_arising(qtbot, window, store, ids):
    hit = _open(window, store, "reported scrutiny")
    assert (hit.kind, hit.carried, hit.meeting_id) == ("action", True, ids["meeting"])
    pane = window._matters_arising
    assert pane.isVisible()
    assert pane.rows.currentItem().data(ACTION_ROLE) == ids["carried"]
    assert pane.rows.hasFocus()


def test_locate_folds_accents_case_and_markup_and_counts_as_qt_does():
    text = "🔒 Licences.\n\n> The CAFE\u0301 **licences**\nwere renewed"
    hit = SearchHit(1, None, "", 1, "notes", "The CAFÉ licences were renewed", ((9, 17),))
    start, end = locate(text, hit)
    assert text[start:end] == "licences" and start == text.index("licences")
    assert qt_position(text, start) == start + 1  # the padlock is two UTF-16 units
    gone = SearchHit(1, None, "", 1, "notes", "about hedgerows", ((6, 15),))
    assert locate(text, gone) is None
