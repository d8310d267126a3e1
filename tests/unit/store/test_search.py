"""Search across everything: real SQLite files through the real migrations, the index kept
right by every operation, the 0003 -> 0004 migration, and the command line's contract."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from alembic import command
from sqlalchemy import create_engine

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import Figure, FigurePoint, Person
from pcc_minutes.store.database import alembic_config, open_store
from pcc_minutes.store.tables import AgendaItemRow, MeetingRow
from tests.conftest import need, seed_files


def kinds(store, query, limit=50):
    return [(h.kind, h.meeting_id, h.item_id) for h in ops.search(store, query, limit)]


@pytest.fixture
def meeting(store):
    """An empty meeting of its own series, dated 2025-09-11."""
    from pcc_minutes.core.templates import AgendaTemplate

    mid = ops.create_from_template(store, AgendaTemplate("Panel", "Panel"), date(2025, 9, 11)).value
    ops.update_meeting(store, mid, title="Rural Crime Panel")
    return mid


def item(store, meeting_id, title, notes=""):
    item_id = ops.add_item(store, meeting_id, title).value
    if notes:
        ops.save_item_notes(store, item_id, notes)
    return item_id


def test_words_are_stemmed_and_case_and_accents_do_not_matter(store, meeting):
    iid = item(store, meeting, "Café security", "The **Renewals** of licences were _reviewed_.")
    for query in ("renewal", "RENEWING", "licence", "cafe", "CAFÉ", "review*"):
        assert ("notes", meeting, iid) in kinds(store, query), query
    hit = ops.search(store, "renewals")[0]
    assert "**" not in hit.snippet and "_" not in hit.snippet  # Markdown is not shown
    start, end = hit.marks[0]
    assert hit.snippet[start:end] == "Renewals"


def test_phrases_exclusions_prefixes_and_punctuation(store, meeting):
    a = item(store, meeting, "Thefts", "Farm machinery thefts fell; quad bikes were marked.")
    b = item(store, meeting, "Machinery", "Thefts of farm vehicles and machinery rose.")
    assert {i for _k, _m, i in kinds(store, '"farm machinery"')} == {a}
    assert {i for _k, _m, i in kinds(store, "machinery -quad")} == {b}
    assert {i for _k, _m, i in kinds(store, 'machinery -"quad bikes"')} == {b}
    assert {i for _k, _m, i in kinds(store, "mach* vehic*")} == {b}
    # punctuation FTS5 would choke on is searched as words, never a syntax error
    for odd in ('thefts"', "thefts AND OR NOT", "(thefts", "thefts:", "thefts ^ NEAR"):
        assert ops.search(store, odd) is not None


def test_filters_narrow_by_series_dates_and_kind(store, meeting):
    iid = item(store, meeting, "Speeding", "Speeding on rural lanes.")
    ops.add_action(store, iid, "Report speeding figures", "Inspector Hale")
    ops.add_decision(store, iid, "Speeding patrols to continue")
    assert {k for k, _m, _i in kinds(store, "speeding")} == {"notes", "action", "decision"}
    assert {k for k, _m, _i in kinds(store, "speeding kind:action kind:decisions")} == {
        "action",
        "decision",
    }
    assert kinds(store, "speeding from:2025-09-11 to:2025-09-11")
    assert not kinds(store, "speeding from:2025-09-12")
    assert not kinds(store, "speeding to:2025-09-10")
    ops.update_meeting(store, meeting, date=date(2025, 10, 2))  # the filters follow the meeting
    assert kinds(store, "speeding from:2025-10-01") and not kinds(store, "speeding to:2025-09-30")
    with store.transaction() as session:
        series_id = session.get(MeetingRow, meeting).series_id
    assert kinds(store, f"speeding series:{series_id}")
    assert kinds(store, 'speeding series:"panel"')
    with pytest.raises(UserInputError, match="No meeting series"):
        ops.search(store, "speeding series:Nowhere")


def test_titles_decisions_and_actions_rank_above_the_same_words_in_notes(store, meeting):
    # the same words in an item's title and notes (indexed first, so they would win a tie)
    # and in a decision
    iid = item(store, meeting, "Hedgerow", "cutting to be reported")
    ops.add_decision(store, iid, "Hedgerow cutting to be reported")
    assert ops.search(store, "hedgerow cutting")[0].kind == "decision"


def test_every_kind_follows_add_update_remove_and_undo(store, meeting):
    iid = item(store, meeting, "Wildlife crime", "Badger sett interference.")
    # item notes and title
    ops.save_item_notes(store, iid, "Hare coursing reports.")
    assert not kinds(store, "badger") and kinds(store, "coursing")
    ops.update_item(store, iid, title="Poaching")
    assert kinds(store, "poaching") and not kinds(store, "wildlife")
    # action
    aid = ops.add_action(store, iid, "Brief the otter group", "Sergeant Lowe").value
    assert ("action", meeting, iid) in kinds(store, "otter")
    assert ("action", meeting, iid) in kinds(store, "lowe")
    undo = ops.remove_action(store, aid).undo
    assert not kinds(store, "otter")
    undo.apply(store)
    assert ("action", meeting, iid) in kinds(store, "otter")
    # decision
    did = ops.add_decision(store, iid, "Kestrel nest boxes approved").value
    assert kinds(store, "kestrel")
    undo = ops.remove_decision(store, did).undo
    assert not kinds(store, "kestrel")
    undo.apply(store)
    assert kinds(store, "kestrel")
    # figure
    fig = Figure("Deer poaching reports", "count", (FigurePoint("2025", 41),), source="41 deer")
    fid = ops.add_figure(store, iid, fig).value
    assert ("figure", meeting, iid) in kinds(store, "deer")
    ops.update_figure(store, fid, Figure("Fox reports", "count", (FigurePoint("2025", 3),)))
    assert not kinds(store, "deer") and kinds(store, "fox")
    ops.remove_figure(store, fid)
    assert not kinds(store, "fox")
    # attendees
    ops.set_attendees(store, meeting, [Person("Ms Ffion Prydderch", "Rural crime officer")])
    assert ("attendee", meeting, None) in kinds(store, "prydderch")
    assert kinds(store, "officer kind:attendee")
    ops.set_attendees(store, meeting, [Person("Mr Tom Ash")])
    assert not kinds(store, "prydderch") and kinds(store, "ash")
    # meeting title
    ops.update_meeting(store, meeting, title="Countryside Board")
    with store.transaction() as session:
        session.get(MeetingRow, meeting).subtitle = "Quarterly"
    assert ("meeting", meeting, None) in kinds(store, "countryside")
    assert kinds(store, "quarterly") and not kinds(store, "rural kind:meeting")
    # removing the item takes its notes and every row under it; undo brings them back
    undo = ops.remove_item(store, iid).undo
    for word in ("coursing", "otter", "kestrel"):
        assert not kinds(store, word), word
    undo.apply(store)
    for word in ("coursing", "otter", "kestrel"):
        assert kinds(store, word), word
    # removing the meeting leaves nothing of it in the index
    with store.transaction() as session:
        session.delete(session.get(MeetingRow, meeting))
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM search_entry").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM search_text").fetchone() == (0,)


def test_private_notes_are_never_indexed_but_confidential_items_are(store, meeting):
    iid = item(store, meeting, "Staffing", "Vacancies in the rural team.")
    ops.update_item(store, iid, private_notes="Zebrafish rumour", confidential=True)
    assert not kinds(store, "zebrafish")
    assert kinds(store, "vacancies")


def test_the_migration_from_0003_fills_the_index(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()
    now = "'2025-01-01 10:00:00'"
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO meeting (id, title, organisation, subtitle, venue, schedule_text, chair,"
            " document_kind, opening, marking, logo_alt, status, status_by, version, source_name,"
            f" created_at, updated_at, date) VALUES (1, 'Estates Board', '', '', '', '', '',"
            f" 'Meeting note', '', '', '', 'draft', '', 1, '', {now}, {now}, '2024-05-02')"
        )
        db.execute(
            "INSERT INTO agenda_item (id, meeting_id, position, title, heading, lead,"
            " confidential, notes, private_notes, kind, updated_at) VALUES (4, 1, 1,"
            f" 'Custody suite', '', '', 0, '- Roof **repairs** due', 'secret', '', {now})"
        )
        db.execute(
            "INSERT INTO action (id, item_id, position, reference, text, owner, status)"
            " VALUES (9, 4, 0, '', 'Tender the boiler', 'Estates lead', 'open')"
        )
        db.execute("INSERT INTO decision (id, item_id, position, text) VALUES (2, 4, 0, 'Solar')")
        db.execute(
            'INSERT INTO attendee (id, meeting_id, position, name, role, "group", present)'
            " VALUES (3, 1, 0, 'Dr Ola Brennan', 'Estates director', '', 1)"
        )
    store = open_store(path)
    try:
        assert kinds(store, "estates kind:meeting") == [("meeting", 1, None)]
        assert kinds(store, "repair") == [("notes", 1, 4)]
        assert kinds(store, "boiler") == [("action", 1, 4)]
        assert kinds(store, "solar") == [("decision", 1, 4)]
        assert kinds(store, "brennan") == [("attendee", 1, None)]
        assert not kinds(store, "secret")
        assert ops.search(store, "repairs")[0].snippet == "Roof repairs due"
    finally:
        store.close()


def test_the_seed_meetings_find_selectadna_and_firearms(store):
    from pcc_minutes.cli import main

    assert main(["--db", str(store.path), "import", *map(str, need(seed_files(), "seeds"))]) == 0
    for word, title_word in (("SelectaDNA", "rural"), ("firearms", "firearms")):
        hits = ops.search(store, word)
        assert hits and hits[0].kind == "notes", word
        with store.transaction() as session:
            title = session.get(AgendaItemRow, hits[0].item_id).title
        assert title_word in (title + " " + hits[0].snippet).casefold(), (word, title)
        assert word.casefold() in hits[0].snippet.casefold()


def test_the_command_line_contract(cli, store, meeting):
    iid = item(store, meeting, "Burglary", "Burglary of outbuildings. Burglary advice given.")
    ops.add_action(store, iid, "Burglary leaflet", "PCSO Reed")
    result = cli("search", "--json", "burglary")
    assert result.code == 0
    hits = json.loads(result.out)
    assert hits and all(
        set(h) == {"meeting", "date", "title", "item", "kind", "snippet"} for h in hits
    )
    assert {h["kind"] for h in hits} == {"notes", "action"}
    assert hits[0]["date"] == "2025-09-11" and hits[0]["title"] == "Rural Crime Panel"
    assert all(isinstance(h["item"], int) for h in hits)
    assert len(json.loads(cli("search", "--json", "--limit", "1", "burglary").out)) == 1
    plain = cli("search", "burglary -leaflet")
    assert plain.code == 0 and len(plain.out.splitlines()) == 1
    assert cli("search", "--", "burglary", "-leaflet").out == plain.out
    assert "2025-09-11" in plain.out and "(notes)" in plain.out
    bad = cli("search", "-leaflet -burglary")
    assert bad.code == 2 and bad.out == ""
    assert len(bad.err.strip().splitlines()) == 1 and bad.err.strip().endswith(".")
    assert cli("search", "burglary from:2025-13-01").code == 2
    assert cli("search", "--limit", "0", "burglary").code == 2
