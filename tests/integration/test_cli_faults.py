"""The command line under every database fault: one sentence, the contract's exit status (2 for
bad input, 1 for the rest), the file byte-identical and nothing left beside it; reading
commands never create a database, and work on one that can only be read."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pcc_minutes.store import database
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

LIBRARY_WORDS = ("sqlalchemy", "sqlite3.", "sqlite://", "OperationalError", "Errno", "Traceback")

READING = [
    ["list"],
    ["list", "--json"],
    ["show", "1"],
    ["show", "1", "--json"],
    ["figures", "1"],
    ["figures", "1", "--json"],
    ["export", "1", "--format", "md", "-o", "{out}"],
    ["export", "1", "--format", "md", "-o", "-"],
    ["backup", "-o", "{out}"],
]
CHANGING = [["figures", "1", "--accept"], ["status", "1", "for-approval", "--by", "Clerk"]]


def one_clean_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("pcc-minutes: "), err
    assert err.rstrip().endswith("."), err
    assert not any(word.lower() in err.lower() for word in LIBRARY_WORDS), err


def args_for(command: list[str], out: Path) -> list[str]:
    return [part.replace("{out}", str(out)) for part in command]


# --- reading commands never create a database ------------------------------------------------


@pytest.mark.parametrize("command", READING + CHANGING, ids=" ".join)
def test_a_command_on_a_path_with_no_database_creates_nothing(cli, tmp_path, command):
    missing = tmp_path / "mistyped" / "minutes.sqlite3"
    result = cli(*args_for(command, tmp_path / "out.file"), db=missing)
    assert result.code == 2
    one_clean_line(result.err)
    assert "There is no database at" in result.err and result.out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_command_on_an_empty_file_leaves_it_empty(cli, tmp_path):
    empty = tmp_path / "minutes.sqlite3"
    empty.write_bytes(b"")
    result = cli("list", db=empty)
    assert result.code == 2 and "empty file" in result.err
    one_clean_line(result.err)
    assert snapshot(tmp_path) == {"minutes.sqlite3": snapshot(tmp_path)["minutes.sqlite3"]}
    assert empty.stat().st_size == 0


def test_demo_and_import_still_create_the_database(cli, tmp_path):
    path = tmp_path / "new" / "minutes.sqlite3"
    assert cli("demo", db=path).code == 0
    assert len(json.loads(cli("list", "--json", db=path).out)) == 2


# --- faults that refuse the file: the message, the status, the file untouched ----------------


def text_file(folder: Path) -> Path:
    path = folder / "minutes.sqlite3"
    path.write_text("Notes typed into the wrong file.\n" * 40)
    return path


def alembic_program(folder: Path) -> Path:
    path = folder / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version VALUES ('4f2e8c1d9a7b')")
        db.execute("CREATE TABLE orders (total REAL)")
        db.commit()
    return path


def newer_in_rollback_mode(folder: Path) -> Path:
    path = in_rollback_mode(demo_database(folder / "minutes.sqlite3"))
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0042'")
        db.commit()
    return path


def truncated(folder: Path) -> Path:
    whole = demo_database(folder.parent / "whole.sqlite3")
    path = folder / "minutes.sqlite3"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    whole.unlink()
    return path


def a_folder(folder: Path) -> Path:
    path = folder / "minutes.sqlite3"
    path.mkdir()
    return path


FAULTS: dict[str, tuple[Callable[[Path], Path], int, str]] = {
    "not a database": (text_file, 2, "not an SQLite file"),
    "another program using Alembic": (alembic_program, 2, "another program"),
    "newer schema, rollback journal": (newer_in_rollback_mode, 1, "newer PCC Minutes"),
    "truncated": (truncated, 1, "is damaged"),
    "a folder": (a_folder, 2, "is a folder"),
}


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", [["list"], ["status", "1", "for-approval"]], ids=" ".join)
def test_a_refused_file_gets_one_sentence_and_is_left_byte_identical(cli, tmp_path, fault, command):
    build, code, fragment = FAULTS[fault]
    folder = tmp_path / "faulty"
    folder.mkdir()
    path = build(folder)
    before = snapshot(folder)
    result = cli(*command, db=path)
    assert result.code == code and fragment in result.err
    one_clean_line(result.err)
    assert ("backup" in result.err) == (fault == "truncated")  # only damage advises one
    assert snapshot(folder) == before  # byte-identical, and no -wal, -shm or -journal


def test_a_locked_database_is_called_locked_and_left_as_it_was(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_SECONDS", 0.2)
    path = in_rollback_mode(demo_database(tmp_path / "minutes.sqlite3"))
    before = snapshot(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("list", db=path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.code == 1 and "locked by another program" in result.err
    one_clean_line(result.err)
    assert snapshot(tmp_path) == before


def test_a_fifo_given_as_the_database_is_refused_at_once(tmp_path):
    path = tmp_path / "minutes.sqlite3"
    os.mkfifo(path)
    command = [sys.executable, "-m", "pcc_minutes", "--db", str(path), "list"]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=30, cwd=ROOT, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the command waited for ever on a FIFO")
    assert result.returncode == 2 and "not an ordinary file" in result.stderr
    one_clean_line(result.stderr)


# --- readable but not writable: reading works, changing refuses in one sentence --------------


def assert_reads_but_refuses_changes(cli, path: Path, out: Path, why: str) -> None:
    for command in READING:
        result = cli(*args_for(command, out), db=path)
        assert result.code == 0, (command, result.err)
        assert result.err == ""
    listed = json.loads(cli("list", "--json", db=path).out)
    assert len(listed) == 2
    for command in CHANGING + [["demo"]]:
        result = cli(*command, db=path)
        assert result.code == 1, (command, result.err)
        one_clean_line(result.err)
        assert "Nothing was changed" in result.err and "read-only" in result.err
        assert why in result.err


def test_a_database_on_a_read_only_share_can_be_read_but_not_changed(cli, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    path = demo_database(share / "minutes.sqlite3")
    before = snapshot(share)
    with read_only_mount(share):
        assert_reads_but_refuses_changes(cli, path, tmp_path / "out.file", "mounted read-only")
    assert snapshot(share) == before


def test_a_database_on_a_full_disk_can_be_read_but_not_changed(cli, tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk, 2 << 20):
        path = demo_database(disk / "minutes.sqlite3")
        fill(disk)
        before = snapshot(disk)
        assert_reads_but_refuses_changes(
            cli, path, tmp_path / "out.file", "disk holding it is full"
        )
        assert snapshot(disk) == before


def test_a_disk_that_fills_during_an_import_is_one_sentence_and_changes_nothing(cli, tmp_path):
    big = tmp_path / "long meeting.txt"
    big.write_text(
        "Long Meeting\n\nItem 1: Everything\n" + ("A sentence of the notes. " * 40 + "\n") * 3000
    )
    disk = tmp_path / "disk"
    with small_disk(disk, 4 << 20):
        path = demo_database(disk / "minutes.sqlite3")
        fill(disk, leave=(1 << 20) + (300 << 10))  # above the read-only threshold (1 MiB)
        before = snapshot(disk)
        result = cli("import", big, db=path)
        assert result.code == 1 and "disk holding it is full" in result.err
        one_clean_line(result.err)
        assert snapshot(disk) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_another_user_who_may_not_write_can_read_but_not_change(what):
    with shared_folder() as shared:
        path = unwritable_database(shared, what)
        folder = path.parent
        before = snapshot(folder)
        cli = ["-m", "pcc_minutes", "--db", str(path)]
        listed = as_nobody(*cli, "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == 2
        changed = as_nobody(*cli, "status", "1", "for-approval")
        assert changed.returncode == 1
        one_clean_line(changed.stderr)
        expected = "its file is read-only" if what == "file" else "its folder cannot be written"
        assert "Nothing was changed" in changed.stderr and expected in changed.stderr
        after = snapshot(folder)
        assert after["minutes.sqlite3"] == before["minutes.sqlite3"]
        # SQLite's (empty) reader files may appear beside a WAL file in a writable folder.
        assert set(after) - set(before) <= {"minutes.sqlite3-wal", "minutes.sqlite3-shm"}


def test_an_output_path_another_user_may_not_write_is_one_sentence():
    with shared_folder() as shared:
        path = demo_database(shared / "minutes.sqlite3")
        path.chmod(0o644)
        closed = shared / "closed"
        closed.mkdir(mode=0o755)  # root's: nobody may not write in it
        cli = ["-m", "pcc_minutes", "--db", str(path)]
        for command in (
            ["export", "1", "--format", "md", "-o", str(closed / "x.md")],
            ["backup", "-o", str(closed / "copy.sqlite3")],
        ):
            result = as_nobody(*cli, *command)
            assert result.returncode in (1, 2), result.stderr
            one_clean_line(result.stderr)
            assert "permission" in result.stderr.lower() or "write" in result.stderr.lower()
        assert list(closed.iterdir()) == []


# --- every message one sentence, every exit status per the contract --------------------------

LONG = "n" * 300


@pytest.mark.parametrize(
    "place", ["export output", "backup output", "import input", "database"], ids=str
)
def test_a_file_name_too_long_is_bad_input_in_one_sentence(cli, tmp_path, place):
    db = demo_database(tmp_path / "minutes.sqlite3")
    long_path = tmp_path / f"{LONG}.md"
    commands = {
        "export output": (["export", "1", "--format", "md", "-o", long_path], db),
        "backup output": (["backup", "-o", long_path], db),
        "import input": (["import", long_path], db),
        "database": (["list"], long_path),
    }
    command, path = commands[place]
    before = snapshot(tmp_path)
    result = cli(*command, db=path)
    assert result.code == 2, result.err
    one_clean_line(result.err)
    assert "too long" in result.err and len(result.err) < 400
    assert snapshot(tmp_path) == before


def test_a_control_character_in_a_path_keeps_the_message_on_one_line(cli, tmp_path):
    result = cli("list", db=tmp_path / "two\nlines.sqlite3")
    assert result.code == 2
    one_clean_line(result.err)
    assert "two\\x0alines" in result.err


def test_an_unexpected_error_names_no_library_text_unless_debug(cli, monkeypatch):
    from pcc_minutes import operations

    cli("demo")

    def broken(_store):
        raise ValueError("engine sqlite:///secret/path.db said no")

    monkeypatch.setattr(operations, "list_meetings", broken)
    result = cli("list")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "unexpected error (ValueError)" in result.err
    assert "secret" not in result.err and "sqlite:" not in result.err
    with pytest.raises(ValueError):
        cli("--debug", "list")


# --- the agenda for publishing is the public one --------------------------------------------


@pytest.fixture
def with_confidential_item(db_path: Path) -> str:
    from pcc_minutes import operations as ops
    from pcc_minutes.store.database import open_store

    demo_database(db_path)
    store = open_store(db_path)
    title = "Staffing matter concerning a named officer"
    ops.add_item(store, 1, title, confidential=True)
    store.close()
    return title


@pytest.mark.parametrize(
    "options, listed",
    [
        ([], False),
        (["--public"], False),
        (["--include-confidential"], True),
    ],
    ids=["default", "--public", "--include-confidential"],
)
def test_the_agenda_is_public_unless_asked_otherwise(cli, with_confidential_item, options, listed):
    result = cli("export", "1", "--format", "md", "--agenda", *options, "-o", "-")
    assert result.code == 0, result.err
    assert (with_confidential_item in result.out) is listed
    assert "Item" in result.out or "Agenda" in result.out


def test_the_full_minutes_still_list_confidential_items(cli, with_confidential_item):
    assert with_confidential_item in cli("export", "1", "--format", "md", "-o", "-").out
    public = cli("export", "1", "--format", "md", "--public", "-o", "-").out
    assert with_confidential_item not in public


def test_public_and_include_confidential_together_is_bad_usage(cli, with_confidential_item):
    result = cli(
        "export", "1", "--format", "md", "--agenda", "--public", "--include-confidential", "-o", "-"
    )
    assert result.code == 2 and result.out == ""
    one_clean_line(result.err)


def test_the_help_documents_the_confidential_agenda(cli):
    result = cli("export", "--help", db=None)
    text = " ".join(result.out.split())
    assert result.code == 0 and "--include-confidential" in text and "public agenda" in text
