"""The window starts on a real database and exits cleanly (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, database_dump


def run_app(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pcc-minutes --db DB ARGS`` as a real process, offscreen, with its own settings."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_first_start_on_no_database_paints_without_crashing(tmp_path):
    db = tmp_path / "first.sqlite3"
    result = run_app(tmp_path, db, "--startup-check")
    assert result.returncode == 0, result.stderr
    assert any("alembic_version" in line for line in database_dump(db))


def test_startup_check_opens_the_most_recent_meeting(tmp_path):
    from pcc_minutes.operations.demo import create_demo
    from pcc_minutes.store.database import open_store

    db = tmp_path / "demo.sqlite3"
    store = open_store(db)
    create_demo(store)
    store.close()
    result = run_app(tmp_path, db, "--startup-check")
    assert result.returncode == 0, result.stderr


def test_opening_a_missing_meeting_is_one_line_and_exit_2(tmp_path):
    result = run_app(tmp_path, tmp_path / "x.sqlite3", "--open", "42", "--startup-check")
    assert result.returncode == 2 and "no meeting 42" in result.stderr
