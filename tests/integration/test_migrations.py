"""Migrations run as one transaction: a failure half way leaves the file as it was, and a
database of the first schema moves to the newest with every row and id kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command, op
from sqlalchemy import create_engine

from pcc_minutes.core.errors import StorageError
from pcc_minutes.store.database import alembic_config, open_store
from pcc_minutes.store.migrations import HEAD
from tests.conftest import database_dump


def first_schema_database(path: Path) -> None:
    """A file at revision 0001, as the first version wrote them, with a meeting in it."""
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO meeting (id, title, organisation, subtitle, venue, schedule_text, chair,"
            " document_kind, opening, marking, logo_alt, status, status_by, version, source_name,"
            " created_at, updated_at) VALUES (1, 'Panel', '', '', '', '', '', 'Meeting note', '',"
            " '', '', 'draft', '', 1, '', '2025-01-01 10:00:00', '2025-01-01 10:00:00')"
        )
        for item_id in (3, 7):
            db.execute(
                "INSERT INTO agenda_item (id, meeting_id, position, title, heading, lead,"
                " confidential, notes, private_notes, updated_at) VALUES"
                f" ({item_id}, 1, {item_id}, 'Item {item_id}', '', '', 0, 'Notes {item_id}', '',"
                " '2025-01-01 10:00:00')"
            )
        db.execute(
            "INSERT INTO action (id, item_id, position, reference, text, owner, status)"
            " VALUES (5, 7, 0, '', 'Share the data', 'CC', 'open')"
        )


def revision(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_migration_that_fails_half_way_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    first_schema_database(path)
    before = database_dump(path)
    real = op.batch_alter_table
    calls = []

    def fail_on_the_second_table(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(op, "batch_alter_table", fail_on_the_second_table)
    with pytest.raises(RuntimeError, match="power cut"):
        open_store(path)
    assert calls == ["agenda_item", "metric"]  # the first table had been rebuilt
    assert database_dump(path) == before
    assert revision(path) == "0001"


def test_the_first_schema_moves_to_the_newest_keeping_every_row_and_id(tmp_path):
    path = tmp_path / "old.sqlite3"
    first_schema_database(path)
    store = open_store(path)
    store.close()
    assert revision(path) == HEAD
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, title, notes FROM agenda_item ORDER BY id").fetchall() == [
            (3, "Item 3", "Notes 3"),
            (7, "Item 7", "Notes 7"),
        ]
        assert db.execute("SELECT id, item_id, text FROM action").fetchall() == [
            (5, 7, "Share the data")
        ]
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'agenda_item'").fetchone()[0]
        assert "AUTOINCREMENT" in sql
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_id_removed_is_never_given_to_a_new_row(store):
    from pcc_minutes import operations as ops
    from pcc_minutes.operations.demo import create_demo

    first, second = (s.id for s in create_demo(store).value)
    newest = ops.load_meeting(store, first).items[-1].id
    ops.remove_item(store, newest)
    added = ops.add_item(store, second, "Any other business").value
    assert added > newest


def test_a_broken_link_between_rows_stops_the_migration(tmp_path):
    path = tmp_path / "old.sqlite3"
    first_schema_database(path)
    with sqlite3.connect(path) as db:  # foreign keys are off here: plant an orphan
        db.execute(
            "INSERT INTO action (id, item_id, position, reference, text, owner, status)"
            " VALUES (6, 99, 0, '', 'Orphan', '', 'open')"
        )
    before = database_dump(path)
    with pytest.raises(StorageError, match="left as it was"):
        open_store(path)
    assert database_dump(path) == before


KILLED_MIGRATION = """
import sys, time
from alembic import op
from pcc_minutes.store.database import open_store

real = op.batch_alter_table
calls = []

def pause_on_the_second_table(*args, **kwargs):
    calls.append(args[0])
    if len(calls) == 2:
        print("half way", flush=True)  # the first table is rebuilt, inside the transaction
        time.sleep(60)
    return real(*args, **kwargs)

op.batch_alter_table = pause_on_the_second_table
open_store(sys.argv[1])
"""


def test_a_process_killed_half_way_through_a_migration_leaves_the_file_as_it_was(tmp_path):
    """SIGKILL in the middle of the migration (a laptop's battery, a forced quit): the next
    open finds the file at its old schema with every row, and migrates it then."""
    import signal
    import subprocess
    import sys

    path = tmp_path / "old.sqlite3"
    first_schema_database(path)
    before = database_dump(path)
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_MIGRATION, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout.readline().strip() == "half way", child.stderr.read()
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == -signal.SIGKILL
    assert database_dump(path) == before  # the journal left behind is rolled back on reading
    assert revision(path) == "0001"
    store = open_store(path)
    try:
        assert revision(path) == HEAD
        assert [item.notes for item in ops_items(store)] == ["Notes 3", "Notes 7"]
    finally:
        store.close()


def ops_items(store):
    from pcc_minutes import operations as ops

    return ops.load_meeting(store, 1).items


def test_an_item_timed_before_visits_were_kept_gets_its_stretch_as_its_first_visit(tmp_path):
    from pcc_minutes import operations as ops

    path = tmp_path / "old.sqlite3"
    first_schema_database(path)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE agenda_item SET actual_start = '2025-01-01 10:05:00',"
            " actual_end = '2025-01-01 10:20:00' WHERE id = 3"
        )
        db.execute(
            "INSERT INTO metric (id, item_id, position, label, unit, source_text)"
            " VALUES (9, 3, 0, 'Kits issued', 'count', 'Over 200 kits')"
        )
        db.execute(
            "INSERT INTO metric_point (metric_id, position, period, value, approx)"
            " VALUES (9, 0, '', 200, 0)"
        )
    store = open_store(path)
    try:
        items = {item.id: item for item in ops.load_meeting(store, 1).items}
        (visit,) = items[3].visits
        assert (visit.start.minute, visit.end.minute) == (5, 20)
        assert items[7].visits == ()
        assert items[3].figures[0].points[0].bound == ""
    finally:
        store.close()
