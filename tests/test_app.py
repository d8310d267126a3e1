"""The window starts on a real database and exits cleanly (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, database_dump


def test_first_start_offers_the_demo_and_paints_without_crashing(tmp_path):
    db = tmp_path / "first.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "--db", str(db), "--startup-check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert any('INSERT INTO "meeting"' in line for line in database_dump(db))


def test_the_window_lists_meetings_and_previews_the_minutes(qtbot, store):
    from pcc_minutes.model.demo import create_demo
    from pcc_minutes.ui.main_window import MainWindow

    create_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.meetings.count() == 2
    window.open_meeting(1)
    assert "Crime Recording Standards" in window.preview.toPlainText()
