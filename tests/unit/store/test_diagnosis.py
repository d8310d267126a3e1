"""Diagnose before advising: each fault built for real, told apart in one sentence, and the
file left byte-identical with nothing beside it; a database that can be read but not written
opens read-only instead of being called damaged."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import NotADatabaseError, ReadOnlyStoreError, StorageError
from pcc_minutes.store import database, peek
from pcc_minutes.store.database import open_store
from tests.conftest import ROOT
from tests.unit.store.faults import (
    as_nobody,
    demo_database,
    fill,
    in_rollback_mode,
    read_only_mount,
    shared_folder,
    small_disk,
    snapshot,
    unwritable_database,
)

LIBRARY_WORDS = ("sqlalchemy", "sqlite3.", "sqlite://", "OperationalError", "malformed", "Errno")


def one_sentence(message: str) -> bool:
    return "\n" not in message and message.endswith(".") and message.count("; ") <= 2


def assert_clean(message: str) -> None:
    assert one_sentence(message), message
    assert not any(word.lower() in message.lower() for word in LIBRARY_WORDS), message


def refused(path: Path, error: type[Exception] = StorageError, **options) -> str:
    """Open ``path``; it must be refused, leaving its folder exactly as it was."""
    before = snapshot(path.parent)
    with pytest.raises(error) as caught:
        open_store(path, **options)
    assert snapshot(path.parent) == before
    assert_clean(str(caught.value))
    return str(caught.value)


# --- not there, or not a database -----------------------------------------------------------


def test_a_missing_database_is_not_created_when_only_reading(tmp_path):
    path = tmp_path / "typo" / "minutes.sqlite3"
    with pytest.raises(NotADatabaseError, match="There is no database at") as caught:
        open_store(path, create=False)
    assert caught.value.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_is_not_a_database_to_read(tmp_path):
    path = tmp_path / "minutes.sqlite3"
    path.write_bytes(b"")
    message = refused(path, NotADatabaseError, create=False)
    assert "empty" in message


def test_a_new_database_is_still_created_where_asked(tmp_path):
    path = tmp_path / "first" / "minutes.sqlite3"
    open_store(path).close()
    assert path.stat().st_size > 0


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    path = tmp_path / "minutes.sqlite3"
    os.mkfifo(path)  # opening it to read the header would wait for a writer for ever
    child = textwrap.dedent(
        f"""
        from pcc_minutes.core.errors import NotADatabaseError
        from pcc_minutes.store.database import open_store
        try:
            open_store({str(path)!r})
        except NotADatabaseError as exc:
            print(exc)
        """
    )
    try:  # in a child, so that a hang fails the test instead of stopping the suite
        result = subprocess.run(
            [sys.executable, "-c", child], capture_output=True, text=True, timeout=30, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        pytest.fail("opening a FIFO as the database hung")
    assert "not an ordinary file" in result.stdout, result.stderr
    assert_clean(result.stdout.strip())
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.sqlite3"]


def test_a_path_too_long_is_bad_input(tmp_path):
    message = refused(tmp_path / ("x" * 300 + ".sqlite3"), NotADatabaseError, create=False)
    assert "too long" in message and len(message) < 300


def test_a_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "minutes.sqlite3"
    path.write_text("Minutes of the meeting, typed here by mistake.\n" * 50)
    message = refused(path, NotADatabaseError)
    assert "not an SQLite file" in message and "backup" not in message


# --- damaged: the only fault that advises a backup -------------------------------------------


@pytest.mark.parametrize("keep", [40, 4096, 60_000], ids=["in the header", "page 1", "half"])
def test_a_truncated_database_is_damaged_and_advises_a_backup(tmp_path, keep):
    source = demo_database(tmp_path / "whole.sqlite3")
    path = tmp_path / "cut" / "minutes.sqlite3"
    path.parent.mkdir()
    path.write_bytes(source.read_bytes()[:keep])
    message = refused(path)
    assert "is damaged" in message and "restore a backup" in message


def test_a_scribbled_wal_database_is_damaged_and_nothing_is_left_beside_it(tmp_path):
    path = demo_database(tmp_path / "minutes.sqlite3")
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\xa5" * 300  # a b-tree page scribbled over
    path.write_bytes(bytes(data))
    message = refused(path)  # also: no -wal or -shm left by the read-only probe
    assert "is damaged" in message and "restore a backup" in message


def test_the_windows_deferred_check_finds_damage_after_the_first_paint(tmp_path):
    path = demo_database(tmp_path / "minutes.sqlite3")
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\xa5" * 300
    path.write_bytes(bytes(data))
    store = open_store(path, defer=True)  # the cheap check reads the header and schema only
    with pytest.raises(StorageError, match="is damaged") as caught:
        store.verify()
    assert_clean(str(caught.value))
    store.close()


# --- another program's file, or a newer PCC Minutes ------------------------------------------


@pytest.mark.parametrize("mode", ["delete", "wal"])
@pytest.mark.parametrize("alembic", [False, True], ids=["plain", "also uses Alembic"])
def test_another_programs_database_is_refused_untouched(tmp_path, mode, alembic):
    path = tmp_path / "songs.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA journal_mode={mode}")
        db.execute("CREATE TABLE songs (title TEXT)")
        if alembic:  # another program that migrates with Alembic too
            db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            db.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        db.commit()
    message = refused(path, NotADatabaseError)
    assert "another program" in message and "newer" not in message


@pytest.mark.parametrize("mode", ["delete", "wal"])
def test_a_newer_pcc_database_is_refused_untouched_in_either_journal_mode(tmp_path, mode):
    path = demo_database(tmp_path / "minutes.sqlite3")
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA journal_mode={mode}")
        db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        db.commit()
    message = refused(path)
    assert "newer PCC Minutes" in message and "backup" not in message


def test_a_known_revision_without_our_tables_is_another_programs(tmp_path):
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version VALUES ('0001')")  # a common revision name
        db.execute("CREATE TABLE invoices (total REAL)")
        db.commit()
    assert "another program" in refused(path, NotADatabaseError)


# --- locked, and a crash's hot journal -------------------------------------------------------


@pytest.mark.parametrize("mode", ["rollback", "wal"])
def test_a_database_locked_by_another_program_is_called_locked(tmp_path, monkeypatch, mode):
    monkeypatch.setattr(database, "BUSY_SECONDS", 0.2)
    path = demo_database(tmp_path / "minutes.sqlite3")
    if mode == "rollback":
        in_rollback_mode(path)
    before = snapshot(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    if mode == "wal":
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE meeting SET title = title")
    try:
        with pytest.raises(StorageError, match="locked by another program") as caught:
            open_store(path)
        assert_clean(str(caught.value))
        assert "damaged" not in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(tmp_path) == before


def crash_mid_write(path: Path, update: str) -> None:
    """A program killed in the middle of a write, leaving a hot ``-journal`` beside ``path``."""
    crash = textwrap.dedent(
        f"""
        import os, sqlite3
        db = sqlite3.connect({str(path)!r})
        db.execute("PRAGMA cache_size=1")  # spill to the file before the commit
        db.execute("BEGIN")
        db.execute({update!r}, ("x" * 20000,))
        os._exit(9)
        """
    )
    subprocess.run([sys.executable, "-c", crash], timeout=60, check=False)
    assert Path(f"{path}-journal").exists()


def test_a_hot_journal_left_by_a_crash_is_rolled_back_not_called_damaged(tmp_path):
    path = in_rollback_mode(demo_database(tmp_path / "minutes.sqlite3"))
    crash_mid_write(path, "UPDATE agenda_item SET notes = notes || ?")
    store = open_store(path)
    try:
        meetings = ops.list_meetings(store)
        assert len(meetings) == 2
        notes = ops.load_meeting(store, meetings[0].id).items[0].notes
        assert "x" * 100 not in notes  # the unfinished update is gone
    finally:
        store.close()


def test_another_programs_file_with_a_hot_journal_is_refused_unrepaired(tmp_path):
    path = tmp_path / "songs.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE songs (title TEXT)")
        db.executemany("INSERT INTO songs VALUES (?)", [(f"Song {n}",) for n in range(500)])
        db.commit()
    crash_mid_write(path, "UPDATE songs SET title = title || ?")
    message = refused(path, NotADatabaseError)  # the -journal is left for its own program
    assert "another program" in message


# --- readable but not writable: open read-only ------------------------------------------------


def assert_read_only(path: Path, why: str) -> None:
    store = open_store(path, create=False)
    try:
        assert store.read_only
        assert why in store.read_only_reason and one_sentence(store.read_only_reason)
        meetings = ops.list_meetings(store)
        assert len(meetings) == 2
        assert ops.meeting_json(store, meetings[0].id)["title"]
        with pytest.raises(ReadOnlyStoreError) as caught:
            ops.save_item_notes(store, ops.load_meeting(store, meetings[0].id).items[0].id, "x")
        message = str(caught.value)
        assert_clean(message)
        assert message.startswith("Nothing was changed") and why in message
        assert "sqlite:" not in message and str(path) in message
    finally:
        store.close()


def test_a_database_on_a_read_only_disk_opens_read_only(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    path = demo_database(folder / "minutes.sqlite3")
    before = snapshot(folder)
    with read_only_mount(folder):
        assert_read_only(path, "mounted read-only")
        assert peek.latest_meeting(path) is not None  # the window's first paint reads it too
        assert peek.first_summaries(path, 10)
    assert snapshot(folder) == before


def test_a_read_only_database_file_opens_read_only(tmp_path):
    path = demo_database(tmp_path / "minutes.sqlite3")
    before = snapshot(tmp_path)
    with read_only_mount(path):
        assert_read_only(path, "its file is read-only")
    after = snapshot(tmp_path)
    # The file is byte-identical. SQLite's reader files may stay beside a WAL database in a
    # folder that can be written (every reader makes them), but they hold nothing.
    assert after["minutes.sqlite3"] == before["minutes.sqlite3"]
    assert set(after) - set(before) <= {"minutes.sqlite3-wal", "minutes.sqlite3-shm"}
    wal = tmp_path / "minutes.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_database_on_a_full_disk_opens_read_only_and_is_not_called_damaged(tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk, 2 << 20):
        path = demo_database(disk / "minutes.sqlite3")
        fill(disk)
        before = snapshot(disk)
        assert_read_only(path, "the disk holding it is full")
        assert peek.latest_meeting(path) is not None
        assert snapshot(disk) == before


def test_a_disk_that_fills_during_a_change_says_so_and_keeps_the_file(tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk, 4 << 20):
        path = demo_database(disk / "minutes.sqlite3")
        fill(disk, leave=(1 << 20) + (300 << 10))  # above the read-only threshold (1 MiB)
        before = snapshot(disk)
        store = open_store(path)
        assert not store.read_only
        item = ops.load_meeting(store, 1).items[0].id
        with pytest.raises(StorageError) as caught:
            ops.save_item_notes(store, item, "A long note. " * 200_000)  # 2.6 MB
        store.close()
        message = str(caught.value)
        assert_clean(message)
        assert "disk holding it is full" in message and "damaged" not in message
        assert snapshot(disk) == before


def test_a_refusal_the_checks_could_not_foresee_still_opens_read_only(tmp_path, monkeypatch):
    from pcc_minutes.store import diagnosis

    folder = tmp_path / "share"
    folder.mkdir()
    path = demo_database(folder / "minutes.sqlite3")
    before = snapshot(folder)
    with read_only_mount(folder):
        # As on a network share whose permissions the system does not report truly.
        monkeypatch.setattr(diagnosis, "writability", lambda _real: None)
        store = open_store(path, create=False)
        try:
            assert store.read_only and "read-only" in store.read_only_reason
            assert len(ops.list_meetings(store)) == 2
            with pytest.raises(ReadOnlyStoreError):
                ops.set_status(store, 1, "for-approval", "")
        finally:
            store.close()
    assert snapshot(folder) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_permissions_that_forbid_writing_open_read_only(what):
    with shared_folder() as shared:
        path = unwritable_database(shared, what)
        folder = path.parent
        before = snapshot(folder)
        probe = textwrap.dedent(
            f"""
            import json
            from pcc_minutes import operations as ops
            from pcc_minutes.core.errors import ReadOnlyStoreError
            from pcc_minutes.store.database import open_store
            store = open_store({str(path)!r}, create=False)
            meetings = ops.list_meetings(store)
            try:
                ops.set_status(store, meetings[0].id, "for-approval", "")
                refusal = ""
            except ReadOnlyStoreError as exc:
                refusal = str(exc)
            store.close()
            print(json.dumps([store.read_only, store.read_only_reason, len(meetings), refusal]))
            """
        )
        result = as_nobody("-c", probe)
        assert result.returncode == 0, result.stderr
        read_only, reason, count, refusal = json.loads(result.stdout)
        expected = "its file is read-only" if what == "file" else "its folder cannot be written"
        assert read_only and expected in reason and count == 2
        assert refusal.startswith("Nothing was changed") and expected in refusal
        after = snapshot(folder)
        assert after["minutes.sqlite3"] == before["minutes.sqlite3"]
        assert set(after) - set(before) <= {"minutes.sqlite3-wal", "minutes.sqlite3-shm"}


def test_an_older_database_that_cannot_be_written_is_refused_untouched(tmp_path):
    from tests.integration.test_migrations import first_schema_database

    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "old.sqlite3"
    first_schema_database(path)
    with read_only_mount(folder):
        message = refused(path)
    assert "older PCC Minutes" in message and "mounted read-only" in message


# --- migrations: one transaction, the file byte-identical when one fails ---------------------


@pytest.mark.parametrize("mode", ["delete", "wal"])
def test_a_migration_failing_half_way_leaves_the_file_byte_identical(tmp_path, monkeypatch, mode):
    from alembic import op

    from tests.integration.test_migrations import first_schema_database, revision

    path = tmp_path / "old.sqlite3"
    first_schema_database(path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA journal_mode={mode}")
    before = snapshot(tmp_path)
    real, calls = op.batch_alter_table, []

    def fail_on_the_second_table(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(op, "batch_alter_table", fail_on_the_second_table)
    with pytest.raises(RuntimeError, match="power cut"):
        open_store(path)
    assert len(calls) == 2  # the first table had been rebuilt before the failure
    assert snapshot(tmp_path) == before
    assert revision(path) == "0001"


def test_a_new_database_whose_first_migration_fails_is_not_left_empty(tmp_path, monkeypatch):
    from pcc_minutes.store import database as store_module

    def broken(_path):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_module, "_migrate", broken)
    with pytest.raises(sqlite3.OperationalError):
        open_store(tmp_path / "new.sqlite3")
    assert list(tmp_path.iterdir()) == []


# --- the sentences themselves ----------------------------------------------------------------


def test_only_damage_advises_a_backup(tmp_path):
    from pcc_minutes.store import diagnosis

    others = [
        diagnosis.missing(tmp_path),
        diagnosis.locked(tmp_path),
        diagnosis.another_program(tmp_path),
    ]
    assert all("backup" not in str(error) for error in others)
    assert "backup" in str(diagnosis.damaged(tmp_path))


def test_os_errors_become_our_own_sentence():
    from pcc_minutes.core.errors import from_os_error

    long_name = "n" * 400
    error = from_os_error(OSError(errno.ENAMETOOLONG, "File name too long", long_name))
    assert error.exit_code == 2 and "too long" in str(error) and len(str(error)) < 200
    full = from_os_error(OSError(errno.ENOSPC, "No space left on device", "/x/out.pdf"))
    assert full.exit_code == 1 and "disk is full" in str(full) and "No space" not in str(full)
