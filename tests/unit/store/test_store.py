"""The store: real SQLite files through the real migrations, and refusal of unsafe files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, select

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError, StorageError
from pcc_minutes.store.database import open_store, resolve_db_path
from pcc_minutes.store.search import FTS_TABLES
from pcc_minutes.store.tables import AgendaItemRow, Base, MeetingRow
from tests.conftest import ROOT


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _not_fts(object_, name, type_, reflected, compare_to) -> bool:
    """The search index's FTS5 table and its shadow tables are SQLite's, not the models'."""
    return not (type_ == "table" and reflected and compare_to is None and name in FTS_TABLES)


def test_migrating_an_empty_database_gives_exactly_the_models(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _not_fts})
        diff = compare_metadata(context, Base.metadata)
        tables = {
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
    assert diff == []
    assert set(FTS_TABLES) <= tables  # ignored above, but there


def test_every_connection_has_wal_and_foreign_keys(store):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_deleting_a_meeting_deletes_its_items_through_foreign_keys(store):
    from pcc_minutes.operations.demo import create_demo

    first = create_demo(store).value[0]
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM meeting WHERE id = ?", (first.id,))
    with store.transaction() as session:
        left = session.scalars(select(AgendaItemRow.meeting_id)).all()
    assert first.id not in left and left


def test_reopening_keeps_the_data(db_path):
    from pcc_minutes.operations.demo import create_demo

    store = open_store(db_path)
    create_demo(store)
    store.close()
    again = open_store(db_path)
    assert len(ops.list_meetings(again)) == 2
    again.close()


def test_the_database_path_comes_from_option_then_variable_then_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("PCC_MINUTES_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_db_path(tmp_path / "opt.sqlite3") == tmp_path / "opt.sqlite3"
    assert resolve_db_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv("PCC_MINUTES_DB")
    assert resolve_db_path().name == "minutes.sqlite3"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"These are my notes, not a database.\n" * 20, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x13" * 4000, "damaged"),
    ],
    ids=["text file", "damaged database"],
)
def test_a_file_that_is_not_a_healthy_database_is_refused_and_left_untouched(
    tmp_path, content, expected
):
    path = tmp_path / "minutes.sqlite3"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StorageError, match=expected):
        open_store(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.sqlite3"]


def test_a_database_damaged_inside_is_refused_and_left_untouched(tmp_path, db_path):
    from pcc_minutes.operations.demo import create_demo

    store = open_store(db_path)
    create_demo(store)
    store.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(StorageError, match="damaged"):
        open_store(db_path)
    assert digest(db_path) == before


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(StorageError, match="another program"):
        open_store(path)
    assert digest(path) == before


def test_a_folder_given_as_the_database_is_refused(tmp_path):
    with pytest.raises(StorageError, match="is a folder"):
        open_store(tmp_path)


def test_a_database_from_a_newer_version_is_refused(db_path):
    open_store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = 'zz99'")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError, match="newer PCC Minutes"):
        open_store(db_path)


def test_a_database_locked_by_another_program_gives_a_clear_message(db_path, monkeypatch):
    from pcc_minutes.store import database as store_module

    store = open_store(db_path)
    blocker = sqlite3.connect(db_path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.2)
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            with store.transaction() as session:
                session.add(MeetingRow(title="Blocked"))
    finally:
        blocker.rollback()
        blocker.close()
        store.close()


def test_two_processes_can_write_to_the_same_file_at_once(db_path):
    open_store(db_path).close()
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pcc_minutes.store.database import open_store
        from pcc_minutes.store.tables import MeetingRow
        store = open_store({str(db_path)!r})
        for n in range(40):
            with store.transaction() as session:
                session.add(MeetingRow(title=f"{{sys.argv[1]}} {{n}}"))
        store.close()
        """
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", script, name], stderr=subprocess.PIPE)
        for name in ("first", "second")
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
    store = open_store(db_path)
    assert len(ops.list_meetings(store)) == 80
    store.close()


def test_saving_one_items_notes_is_one_short_update(store):
    from pcc_minutes.operations.demo import create_demo

    meeting = create_demo(store).value[0]
    with store.transaction() as session:
        item_id = session.scalar(
            select(AgendaItemRow.id).where(AgendaItemRow.meeting_id == meeting.id)
        )
    writes: list[str] = []

    def record(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith(("SELECT", "PRAGMA")):
            writes.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    ops.save_item_notes(store, item_id, "- Typed live\n")
    event.remove(store.engine, "before_cursor_execute", record)
    # the notes, then only their one row in the search index (never a rebuild)
    assert writes[0].startswith("UPDATE agenda_item")
    assert [w.split()[:2] for w in writes[1:]] == [["UPDATE", "search_text"]]
    with store.transaction() as session:
        assert session.get(AgendaItemRow, item_id).notes == "- Typed live\n"


def test_backup_is_a_complete_readable_copy(store, tmp_path):
    from pcc_minutes.operations.demo import create_demo

    create_demo(store)
    target = ops.backup(store, tmp_path / "copy.sqlite3")
    copy = open_store(target)
    assert [m.title for m in ops.list_meetings(copy)] == [m.title for m in ops.list_meetings(store)]
    copy.close()
    assert not list(tmp_path.glob("*.part"))


def test_backup_into_a_missing_folder_says_so_and_leaves_nothing(store, tmp_path):
    with pytest.raises(PccError, match="does not exist; create it or choose another"):
        ops.backup(store, tmp_path / "no such folder" / "copy.sqlite3")
    assert not list(tmp_path.rglob("*.part"))


def test_backup_is_written_as_every_export_is(store, tmp_path):
    """Through a symbolic link to its target, with the umask's mode, and a second backup
    of the same name replaces the first whole."""
    import os

    from pcc_minutes.operations.demo import create_demo

    create_demo(store)
    real = tmp_path / "backups" / "latest.sqlite3"
    real.parent.mkdir()
    link = tmp_path / "latest-link.sqlite3"
    link.symlink_to(real)
    old = os.umask(0o022)
    try:
        ops.backup(store, link)
        ops.backup(store, link)
    finally:
        os.umask(old)
    assert link.is_symlink() and real.is_file()
    assert real.stat().st_mode & 0o777 == 0o644
    copy = open_store(real)
    assert len(ops.list_meetings(copy)) == 2
    copy.close()
    assert [p.name for p in real.parent.iterdir()] == ["latest.sqlite3"]


def test_the_head_constant_is_alembics_head():
    from alembic.script import ScriptDirectory

    from pcc_minutes.store.database import alembic_config
    from pcc_minutes.store.migrations import HEAD

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD
