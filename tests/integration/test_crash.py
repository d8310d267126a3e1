"""A killed process loses at most the last second of typing.

The app runs as a real process in a real X window (Xvfb); xdotool types into it; the process
is killed with SIGKILL; the database is reopened and every word typed more than a second
before the kill must be there.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store.database import open_store
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed (apt: xvfb xdotool)")
    return found


@pytest.fixture
def display():
    xvfb = _need("Xvfb")
    _need("xdotool")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    if not number.strip():
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number.decode().strip()}"
    server.terminate()
    server.wait(timeout=10)


def xdotool(env, *args: str, timeout: float = 30) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout, check=True
    ).stdout


def _typing_session(tmp_path, display, type_then_kill) -> tuple[str, str]:
    """Start the app on a demo meeting in a real X window, let ``type_then_kill(env, db)``
    type into it, SIGKILL it; return the first item's notes as the database then holds them,
    and what the app printed to stderr."""
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
        time.sleep(1.0)  # let the window settle with the cursor in the first item's notes
        type_then_kill(env, db)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == -signal.SIGKILL, errors.read_text()
    store = open_store(db)
    notes = ops.load_meeting(store, meeting_id).item(first_item).notes
    store.close()
    return notes, errors.read_text()


SAFE = ["alpha bravo charlie ", "delta echo foxtrot ", "golf hotel india "]


def test_words_typed_a_second_before_a_kill_are_in_the_database(tmp_path, display):
    def type_then_kill(env, _db) -> None:
        for words in SAFE:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(1.3)  # everything above was typed more than a second before the kill
        xdotool(env, "type", "--delay", "5", "juliet kilo")

    notes, _errors = _typing_session(tmp_path, display, type_then_kill)
    for words in SAFE:
        assert words.strip() in notes, f"lost {words!r}; notes were {notes!r}"


def test_words_survive_a_deleted_journal_and_then_a_kill(tmp_path, display):
    """A clean-up tool deletes the -wal mid-meeting: the window writes the notes again into
    a fresh journal, so a kill afterwards still loses at most the last second."""
    later = ["lima mike november ", "oscar papa quebec "]

    def type_then_kill(env, db) -> None:
        for words in SAFE:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(1.3)
        os.unlink(db.with_name(db.name + "-wal"))
        for words in later:
            xdotool(env, "type", "--delay", "15", words)
        time.sleep(1.3)
        xdotool(env, "type", "--delay", "5", "romeo sierra")

    notes, errors = _typing_session(tmp_path, display, type_then_kill)
    for words in SAFE + later:
        assert words.strip() in notes, f"lost {words!r}; notes were {notes!r}; {errors}"
