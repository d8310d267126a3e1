"""The window starts on a real database and exits cleanly (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, database_dump


def test_a_first_start_on_no_database_paints_without_crashing(tmp_path):
    db = tmp_path / "first.sqlite3"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "--db", str(db), "--startup-check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert any("alembic_version" in line for line in database_dump(db))


def test_startup_check_opens_the_most_recent_meeting(tmp_path):
    from pcc_minutes.model.demo import create_demo
    from pcc_minutes.model.store import open_store

    db = tmp_path / "demo.sqlite3"
    store = open_store(db)
    create_demo(store)
    store.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "--db", str(db), "--startup-check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_opening_a_missing_meeting_is_one_line_and_exit_2(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pcc_minutes",
            "--db",
            str(tmp_path / "x.sqlite3"),
            "--open",
            "42",
            "--startup-check",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2 and "no meeting 42" in result.stderr
