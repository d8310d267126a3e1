"""Search ranks every match (up to the newest 10,000; a filter reaches older ones), shows one
hit per row and never two alike, finds what was said of a carried action where it was said,
and brings an index made by an earlier version up to date when the file is opened. Real
SQLite files through the real migrations."""

from __future__ import annotations

import sqlite3
from datetime import date

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Figure, FigurePoint
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import ItemSection, MinutesDocument
from pcc_minutes.store import search as index
from pcc_minutes.store.database import open_store
from pcc_minutes.store.tables import ActionUpdateRow

PADDING = " ".join(["the panel heard how the work was going across the districts"] * 6)


def _document(day: date, notes: list[str]) -> MinutesDocument:
    items = [ItemSection(title=f"Item {n}", blocks=from_markdown(t)) for n, t in enumerate(notes)]
    return MinutesDocument(title="Estates Board", date=day, items=items, source_name="test")


def test_the_best_hit_of_an_old_meeting_is_found_among_thousands_of_newer_matches(store):
    # the oldest meeting, indexed first, says it best: one short sentence about staffing
    old = ops.import_documents(store, [_document(date(2015, 3, 2), ["Staffing."])]).value[0].id
    # then 3,200 newer items that mention staffing once in a long paragraph
    newer = [
        _document(date(2016, 1, 1 + n % 28), [f"{PADDING} staffing {PADDING}"] * 80)
        for n in range(40)
    ]
    ops.import_documents(store, newer)
    with sqlite3.connect(store.path) as db:
        matches = db.execute(
            "SELECT count(*) FROM search_text WHERE search_text MATCH 'staffing'"
        ).fetchone()[0]
    assert matches > 3200
    best = ops.search(store, "staffing", limit=1)[0]
    assert (best.meeting_id, best.snippet) == (old, "Staffing.")
    # ranked inside FTS5 alone (no filter) or through the filters' join: the same order
    plain = [(h.meeting_id, h.item_id) for h in ops.search(store, "staffing", limit=20)]
    joined = ops.search(store, "staffing from:2000-01-01 to:2030-12-31", limit=20)
    assert [(h.meeting_id, h.item_id) for h in joined] == plain
    assert ops.search(store, "staffing kind:notes", limit=1)[0].meeting_id == old


def _meeting(store, title="Rural Crime Panel"):
    mid = ops.create_from_template(store, builtin_templates()[0], date(2025, 9, 11)).value
    ops.update_meeting(store, mid, title=title)
    return mid


def test_one_hit_per_row_and_never_two_alike(store):
    mid = _meeting(store)
    iid = ops.add_item(store, mid, "Firearms licensing").value
    sentence = "Renewals waiting fell from 1,200 to 800 over the year."
    ops.save_item_notes(store, iid, "Licensing staff were added.")
    for label in ("Backlog", "Backlog at year end", "Backlog"):  # one sentence, three figures
        point = (FigurePoint("2025", 800),)
        ops.add_figure(store, iid, Figure(label, "count", point, source=sentence))
    hits = ops.search(store, "renewals")
    keys = [(h.meeting_id, h.item_id, h.kind, h.snippet) for h in hits]
    assert len(keys) == len(set(keys))
    assert [h.kind for h in hits] == ["figure"]
    rows = [(h.kind, h.row_id) for h in ops.search(store, "backlog")]
    assert len(rows) == len(set(rows)) == 2  # the two labels; the repeated one once
    # the limit counts the hits shown, after the alike ones are dropped: a dozen alike rank
    # best, then five that differ
    for n in range(12):
        ops.add_figure(
            store, iid, Figure("Waiting", "count", (FigurePoint("Q1", n),), source="Renewals.")
        )
    for n in range(5):
        words = f"Renewals were {n + 2} hundred over the long year at the board."
        ops.add_figure(
            store, iid, Figure("Waiting", "count", (FigurePoint("Q2", n),), source=words)
        )
    shown = ops.search(store, "renewals", limit=5)
    assert len(shown) == 5 and len({h.snippet for h in shown}) == 5
    assert shown[0].snippet == "Renewals."


def _carried(store):
    first = ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value
    item = ops.load_meeting(store, first).items[2]
    action = ops.add_action(store, item.id, "Review OOCRs in six months", "Chief Constable")
    second = ops.create_from_last(store, first, date(2026, 2, 12)).value
    log = next(i for i in ops.load_meeting(store, second).items if i.carried)
    return first, second, action.value, log


def _found(store, query):
    return [(h.kind, h.meeting_id, h.item, h.carried) for h in ops.search(store, query)]


def test_an_update_said_in_a_later_meeting_is_found_there(store):
    first, second, action, log = _carried(store)
    assert _found(store, "reported panel") == []
    ops.update_action(store, action, note="Review reported to the panel", meeting_id=second)
    assert _found(store, "reported panel") == [("action", second, log.position, True)]
    hit = ops.search(store, "reported kind:action")[0]
    assert (hit.row_id, hit.item_id, hit.snippet) == (
        action,
        log.id,
        "Review reported to the panel",
    )
    assert hit.as_json()["kind"] == "action" and hit.as_json()["item"] == log.position
    # the raising meeting's action is found as before, once
    assert _found(store, "oocrs") == [("action", first, 3, False)]
    # edited, emptied, undone, taken off the meeting, put back
    ops.update_action(store, action, note="Scrutiny panel briefed", meeting_id=second)
    assert _found(store, "reported panel") == [] and _found(store, "scrutiny briefed")
    ops.update_action(store, action, status="done", meeting_id=second)  # the note stays
    assert _found(store, "briefed") == [("action", second, log.position, True)]
    with store.transaction() as session:  # a note emptied: nothing of it is found
        session.query(ActionUpdateRow).filter_by(action_id=action).one().note = "  "
    assert _found(store, "briefed") == []
    undo = ops.update_action(store, action, note="Closed at the panel", meeting_id=second).undo
    assert _found(store, "closed panel") == [("action", second, log.position, True)]
    undo.apply(store)
    assert _found(store, "closed panel") == []
    ops.update_action(store, action, note="Closed at the panel", meeting_id=second)
    undo = ops.remove_action(store, action, meeting_id=second).undo
    assert _found(store, "closed panel") == []
    undo.apply(store)
    assert _found(store, "closed panel") == [("action", second, log.position, True)]
    # its item or its meeting removed: nothing of it is left in the index
    ops.remove_item(store, log.id)
    assert _found(store, "closed panel") == []
    with sqlite3.connect(store.path) as db:
        kinds = {k for (k,) in db.execute("SELECT kind FROM search_entry")}
    assert index.UPDATE_KIND not in kinds


def _indexed_updates(path) -> tuple[set, set]:
    """The updates with a note, and the updates the index holds."""
    with sqlite3.connect(path) as db:
        said = {i for (i,) in db.execute("SELECT id FROM action_update WHERE trim(note) != ''")}
        held = {
            i
            for (i,) in db.execute(
                "SELECT row_id FROM search_entry WHERE kind = ?", (index.UPDATE_KIND,)
            )
        }
    return said, held


def test_removing_the_raising_action_takes_its_later_updates_too(store):
    first, second, action, log = _carried(store)
    ops.update_action(store, action, note="Review reported to the panel", meeting_id=second)
    undo = ops.remove_action(store, action).undo
    assert _found(store, "reported panel") == []
    assert _indexed_updates(store.path) == (set(), set())
    undo.apply(store)
    said, held = _indexed_updates(store.path)
    assert said == held  # whatever the undo puts back is indexed, and nothing else
    assert bool(_found(store, "reported panel")) == bool(said)


def _as_first_indexed(path) -> None:
    """Make the file's index as the first version wrote it: rowids 1, 2, 3… in any kind,
    and no rows for the updates of carried actions."""
    with sqlite3.connect(path) as db:
        db.execute(
            f"DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_entry"
            f" WHERE kind = '{index.UPDATE_KIND}')"
        )
        db.execute(f"DELETE FROM search_entry WHERE kind = '{index.UPDATE_KIND}'")
        rows = db.execute(
            "SELECT id, title, body FROM search_entry e JOIN search_text t"
            " ON t.rowid = e.id ORDER BY id"
        ).fetchall()
        db.execute("DELETE FROM search_text")
        for n, (old, title, body) in enumerate(rows, start=1):
            db.execute("UPDATE search_entry SET id = ? WHERE id = ?", (-n, old))
            db.execute(
                "INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)", (n, title, body)
            )
        db.execute("UPDATE search_entry SET id = -id")


def test_an_index_made_by_the_first_version_is_brought_up_to_date_on_opening(db_path):
    store = open_store(db_path)
    try:
        first, second, action, log = _carried(store)
        ops.update_action(store, action, note="Review reported to the panel", meeting_id=second)
        ops.add_decision(store, log.id, "Review reported to the board")
        before = [(h.kind, h.meeting_id, h.item, h.snippet) for h in ops.search(store, "review")]
    finally:
        store.close()
    _as_first_indexed(db_path)
    with sqlite3.connect(db_path) as db:
        bits = {
            (i & index.KIND_BITS, index.KIND_CODE[k])
            for i, k in db.execute("SELECT id, kind FROM search_entry")
        }
    assert any(a != b for a, b in bits)  # misnumbered, as an old file would be
    store = open_store(db_path)
    try:
        after = [(h.kind, h.meeting_id, h.item, h.snippet) for h in ops.search(store, "review")]
        assert sorted(after) == sorted(before)  # (equal scores may swap: rows renumbered)
        assert ("action", second, log.position, "Review reported to the panel") in after
        with sqlite3.connect(db_path) as db:
            assert all(
                i & index.KIND_BITS == index.KIND_CODE[k]
                for i, k in db.execute("SELECT id, kind FROM search_entry")
            )
    finally:
        store.close()
    # only the updates missing (an index numbered right): they are added, nothing rebuilt
    with sqlite3.connect(db_path) as db:
        db.execute(
            f"DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_entry"
            f" WHERE kind = '{index.UPDATE_KIND}')"
        )
        db.execute(f"DELETE FROM search_entry WHERE kind = '{index.UPDATE_KIND}'")
        kept = db.execute("SELECT max(id) FROM search_entry").fetchone()[0]
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db_path}")
    try:
        assert index.catch_up(engine) == "caught up"
        assert index.catch_up(engine) == ""
    finally:
        engine.dispose()
    with sqlite3.connect(db_path) as db:
        assert (
            db.execute(
                "SELECT min(id) FROM search_entry WHERE kind = ?", (index.UPDATE_KIND,)
            ).fetchone()[0]
            > kept
        )


def test_an_index_that_cannot_be_renumbered_is_searched_the_slower_way(store):
    mid = _meeting(store)
    iid = ops.add_item(store, mid, "Hedgerow").value
    ops.save_item_notes(store, iid, "cutting to be reported")
    ops.add_decision(store, iid, "Hedgerow cutting to be reported")
    fast = [(h.kind, h.row_id) for h in ops.search(store, "hedgerow cutting")]
    url = str(store.engine.url)
    index.unnumbered.add(url)
    try:
        assert [(h.kind, h.row_id) for h in ops.search(store, "hedgerow cutting")] == fast
        assert [h.kind for h in ops.search(store, "hedgerow kind:decision")] == ["decision"]
    finally:
        index.unnumbered.discard(url)
    assert fast[0][0] == "decision"


def test_a_snippet_reads_on_one_line_with_its_marks_on_the_words(store):
    mid = _meeting(store)
    iid = ops.add_item(store, mid, "Rural crime").value
    ops.save_item_notes(store, iid, "- The **Café** owners asked about their\n\n  licences.\n")
    hit = ops.search(store, "cafe licence kind:notes")[0]
    assert hit.snippet == "The Café owners asked about their licences."
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["Café", "licences"]


def test_past_the_newest_scored_matches_a_filter_reaches_the_older_ones(store, monkeypatch):
    from pcc_minutes.store import search_rank

    old = ops.import_documents(store, [_document(date(2015, 3, 2), ["Staffing."])]).value[0].id
    newer = [
        _document(date(2016, 1, 1 + n), [f"{PADDING} staffing {PADDING}"] * 10) for n in range(6)
    ]
    ops.import_documents(store, newer)
    assert ops.search(store, "staffing", limit=1)[0].meeting_id == old  # all 61 scored
    monkeypatch.setattr(search_rank, "SCORED", 30)  # as a word in 30,000+ rows would be
    monkeypatch.setattr(search_rank, "SCORED_LEAST", 10)
    assert old not in {h.meeting_id for h in ops.search(store, "staffing", limit=50)}
    found = ops.search(store, "staffing to:2015-12-31", limit=1)
    assert [h.meeting_id for h in found] == [old]
    # two words: each match dearer, fewer of the newest scored (30 // 2 = 15)
    from pcc_minutes.core.search_query import parse

    assert search_rank.scored(parse("panel staffing")) == 15
