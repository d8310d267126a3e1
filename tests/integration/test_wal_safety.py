"""Typed notes end up in the database file itself, not only in its journal (the ``-wal``).

A sync client or a clean-up tool may delete or replace the ``-wal`` while the window runs;
what our connections wrote there since the last checkpoint is then gone once the program
ends. "What a kill would leave" is read here as a copy of the main file alone: the notes must
be in it once the status bar says "Saved", and soon after the journal was taken away.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError
from pcc_minutes.core.templates import builtin_templates
from tests.conftest import database_dump


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QApplication.setOrganizationName("pcc-minutes-tests")


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 5, 7)).value


@pytest.fixture
def window(qtbot, store, meeting_id):
    from pcc_minutes.ui.window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.start(meeting_id)
    qtbot.waitUntil(lambda: win._after_paint_done, timeout=5000)
    qtbot.wait(300)  # the store's start-up work on its worker has reported back
    yield win
    win.saver.close()
    win.live_writer.close()


def wal_path(db: Path) -> Path:
    return db.with_name(db.name + "-wal")


def main_file_notes(db: Path, item_id: int, scratch: Path) -> str:
    """The item's notes in a copy of the database file alone: what is left if the journal
    is gone (deleted, or the process killed after it was deleted)."""
    copy = scratch / f"main-only-{len(list(scratch.glob('main-only-*')))}.sqlite3"
    shutil.copyfile(db, copy)
    connection = sqlite3.connect(copy)
    try:
        row = connection.execute(
            "SELECT notes FROM agenda_item WHERE id = ?", (item_id,)
        ).fetchone()
        return row[0] if row else ""
    except sqlite3.OperationalError:  # not even the tables are in the file itself yet
        return ""
    finally:
        connection.close()


def first_item(store, meeting_id: int) -> int:
    return ops.load_meeting(store, meeting_id).items[0].id


def saved_only_when_in_the_file(qtbot, window, db, item_id, scratch, words, timeout=8000):
    """Wait for "Saved"; whenever the status bar says it, the words are in the main file."""

    def honest_and_saved() -> bool:
        if not window.saved_label.text().startswith("Saved"):
            return False
        notes = main_file_notes(db, item_id, scratch)
        missing = [w for w in words if w not in notes]
        assert not missing, f"'Saved' shown, but {missing} only in the journal: {notes!r}"
        return True

    qtbot.waitUntil(honest_and_saved, timeout=timeout)


def test_saved_is_shown_only_once_the_notes_are_in_the_database_file(
    qtbot, window, store, db_path, meeting_id, tmp_path
):
    item_id = first_item(store, meeting_id)
    qtbot.keyClicks(window.editor, "Quarterly budget agreed")
    window.saver.wait()
    saved_only_when_in_the_file(qtbot, window, db_path, item_id, tmp_path, ["Quarterly budget"])


def test_a_deleted_journal_loses_no_notes(qtbot, window, store, db_path, meeting_id, tmp_path):
    item_id = first_item(store, meeting_id)
    qtbot.keyClicks(window.editor, "alpha bravo ")
    window.saver.wait()
    qtbot.wait(200)
    os.unlink(wal_path(db_path))  # a clean-up tool, while the window runs
    qtbot.keyClicks(window.editor, "charlie delta")
    window.saver.wait()
    words = ["alpha bravo", "charlie delta"]
    qtbot.waitUntil(
        lambda: all(w in main_file_notes(db_path, item_id, tmp_path) for w in words), timeout=8000
    )
    saved_only_when_in_the_file(qtbot, window, db_path, item_id, tmp_path, words)
    assert "journal" in window.statusBar().currentMessage()
    window.close()
    store.close()
    connection = sqlite3.connect(db_path)  # the window is gone: plain sqlite3 on the file
    try:
        notes = connection.execute(
            "SELECT notes FROM agenda_item WHERE id = ?", (item_id,)
        ).fetchone()[0]
    finally:
        connection.close()
    assert "alpha bravo charlie delta" in notes


def test_a_journal_replaced_by_an_old_copy_loses_no_notes(
    qtbot, window, store, db_path, meeting_id, tmp_path
):
    item_id = first_item(store, meeting_id)
    wal = wal_path(db_path)
    old_copy = tmp_path / "old-journal"
    shutil.copyfile(wal, old_copy)  # what a sync client had of it a while ago
    qtbot.keyClicks(window.editor, "echo foxtrot ")
    window.saver.wait()
    os.replace(old_copy, wal)  # …and puts back over the live one
    qtbot.keyClicks(window.editor, "golf hotel")
    window.saver.wait()
    words = ["echo foxtrot", "golf hotel"]
    qtbot.waitUntil(
        lambda: all(w in main_file_notes(db_path, item_id, tmp_path) for w in words), timeout=8000
    )
    saved_only_when_in_the_file(qtbot, window, db_path, item_id, tmp_path, words)


def test_the_guard_tells_a_vanished_or_replaced_journal(store, db_path, meeting_id, tmp_path):
    from pcc_minutes.store import watch

    item_id = first_item(store, meeting_id)
    ops.save_item_notes(store, item_id, "one")
    guard = watch.FileGuard(db_path)
    assert guard.check(written=True) is None  # remembers the files now there
    assert guard.check() is None
    wal = wal_path(db_path)
    stand_in = tmp_path / "stand-in"
    stand_in.write_bytes(b"")
    os.replace(stand_in, wal)
    assert guard.check() == watch.FileGuard.REPLACED
    os.unlink(wal)
    assert guard.check() == watch.FileGuard.VANISHED
    watch.reconnect(store)  # fresh connections, a fresh journal
    guard.forget()
    ops.save_item_notes(store, item_id, "two")
    assert guard.check(written=True) is None
    assert watch.checkpoint(store)
    assert main_file_notes(db_path, item_id, tmp_path) == "two"


def test_the_probe_sees_commits_of_other_connections_only(store, db_path, meeting_id):
    from pcc_minutes.store import watch

    item_id = first_item(store, meeting_id)
    probe = watch.ChangeProbe(db_path)
    try:
        assert probe.changed()  # the first look has nothing to compare with
        assert not probe.changed()
        ops.save_item_notes(store, item_id, "from another connection")
        assert probe.changed()
        assert not probe.changed()
    finally:
        probe.close()


def test_stopping_the_clock_of_a_meeting_approved_meanwhile_is_refused(store, db_path, meeting_id):
    ops.start_live(store, meeting_id)
    ops.enter_item(store, meeting_id, first_item(store, meeting_id))
    ops.set_status(store, meeting_id, "for-approval", "Clerk")
    ops.set_status(store, meeting_id, "approved", "Chair")
    before = database_dump(db_path)
    with pytest.raises(LockedError):
        ops.end_live(store, meeting_id)
    assert database_dump(db_path) == before
