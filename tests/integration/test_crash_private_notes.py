"""Private notes are as safe as the notes: a killed process loses at most their last second,
even after a clean-up tool deleted the journal file mid-meeting.

As ``test_crash``: the app runs as a real process in a real X window (Xvfb), xdotool types
into it (Ctrl+Alt+N moves to the private notes), the process is killed with SIGKILL and the
database is reopened.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store.database import open_store
from tests.conftest import ROOT
from tests.integration.test_crash import display, xdotool  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow

PUBLIC = "said in the open "
PRIVATE = ["alpha bravo charlie ", "delta echo foxtrot "]
LATER = ["golf hotel india ", "juliet kilo lima "]


def _session(tmp_path, display, type_then_kill):  # noqa: F811 - the fixture's value
    db = tmp_path / "live.sqlite3"
    store = open_store(db)
    meeting_id = create_demo(store).value[0].id
    first_item = ops.load_meeting(store, meeting_id).items[0].id
    store.close()
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    errors = tmp_path / "app-stderr.txt"
    with errors.open("wb") as stderr:
        app = subprocess.Popen(
            [sys.executable, "-m", "pcc_minutes", "--db", str(db), "--open", str(meeting_id)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        window = xdotool(
            env, "search", "--sync", "--onlyvisible", "--name", "PCC Minutes", timeout=90
        ).split()[0]
        xdotool(env, "windowfocus", "--sync", window)
        time.sleep(1.0)  # the cursor in the first item's notes
        xdotool(env, "type", "--delay", "15", PUBLIC)
        xdotool(env, "key", "ctrl+alt+n")
        time.sleep(0.3)
        type_then_kill(env, db)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == -signal.SIGKILL, errors.read_text()
    store = open_store(db)
    item = ops.load_meeting(store, meeting_id).item(first_item)
    store.close()
    return item, errors.read_text()


def test_private_words_typed_a_second_before_a_kill_are_saved(tmp_path, display):  # noqa: F811
    def type_then_kill(env, _db) -> None:
        for words in PRIVATE:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(1.3)
        xdotool(env, "type", "--delay", "5", "mike november")

    item, errors = _session(tmp_path, display, type_then_kill)
    for words in PRIVATE:
        assert words.strip() in item.private_notes, (words, item.private_notes, errors)
        assert words.strip() not in item.notes
    assert PUBLIC.strip() in item.notes and PUBLIC.strip() not in item.private_notes


def test_private_words_survive_a_deleted_journal_and_then_a_kill(tmp_path, display):  # noqa: F811
    def type_then_kill(env, db) -> None:
        for words in PRIVATE:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(1.3)
        os.unlink(db.with_name(db.name + "-wal"))
        for words in LATER:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(1.3)
        xdotool(env, "type", "--delay", "5", "oscar papa")

    item, errors = _session(tmp_path, display, type_then_kill)
    for words in PRIVATE + LATER:
        assert words.strip() in item.private_notes, (words, item.private_notes, errors)
    assert PUBLIC.strip() in item.notes


def test_private_words_in_a_journal_deleted_before_its_checkpoint_are_written_again(
    tmp_path,
    display,  # noqa: F811
):
    """Written to the journal, then the journal deleted before it was copied into the file,
    and only the notes typed after: the private notes are written again all the same."""

    def type_then_kill(env, db) -> None:
        for words in PRIVATE:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(0.8)  # written (the autosave's pause), not yet checkpointed (1 s idle)
        os.unlink(db.with_name(db.name + "-wal"))
        xdotool(env, "key", "ctrl+alt+n")  # back to the notes
        for words in LATER:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(2.5)
        xdotool(env, "type", "--delay", "5", "oscar papa")

    item, errors = _session(tmp_path, display, type_then_kill)
    for words in PRIVATE:
        assert words.strip() in item.private_notes, (words, item.private_notes, errors)
    for words in LATER:
        assert words.strip() in item.notes, (words, item.notes, errors)
