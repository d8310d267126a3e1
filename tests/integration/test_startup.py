"""Start-up paints the last meeting before loading what only later work needs.

A real process starts the window on a real database (``--startup-check``) and notes, at the
first paint, which libraries are loaded: Markdown parsing, SQLAlchemy and the exporters' and
importers' libraries must not be among them, and the notes must be on screen. A check
leaves the user's saved window layout alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pcc_minutes import operations as ops
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store.database import open_store
from tests.conftest import ROOT

LATER = ["markdown_it", "sqlalchemy", "alembic", "docx", "reportlab", "pikepdf"]
# Our own modules that only later work needs: the commands' grammar and the writers'
# registry, the trend and chart records, the spelling checker and the item dialog.
LATER += [
    "pcc_minutes.cli.parser",
    "pcc_minutes.documents.writers",
    "pcc_minutes.core.tracking",
    "pcc_minutes.documents.chart",
    "pcc_minutes.ui.notes.spelling",
    "pcc_minutes.ui.agenda.dialog",
]

CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTextEdit

later = json.loads(sys.argv[2])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["loaded"] = sorted(name for name in later if name in sys.modules)
            notes = [w for w in QApplication.allWidgets() if w.accessibleName() == "Notes"]
            seen["notes"] = notes[0].toPlainText() if notes else None
        return False

app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
from pcc_minutes.cli import main
from pcc_minutes.ui.app import run_window

code = main(["--db", sys.argv[1], "--startup-check"], open_window=run_window)
print(json.dumps({"code": code, **seen}))
"""


def first_paint(tmp_path: Path, db: Path) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), json.dumps(LATER)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_paint_shows_the_notes_without_the_later_libraries(tmp_path):
    db = tmp_path / "minutes.sqlite3"
    store = open_store(db)
    for meeting in create_demo(store).value:  # whichever the window opens first
        first = ops.load_meeting(store, meeting.id).items[0]
        ops.save_item_notes(store, first.id, "The board **agreed** the plan.\n\n- Publish it.\n")
    store.close()
    seen = first_paint(tmp_path, db)
    assert seen["code"] == 0
    assert seen["loaded"] == []
    assert "The board agreed the plan." in seen["notes"]
    assert "Publish it." in seen["notes"]


def test_a_startup_check_leaves_the_saved_window_layout_alone(tmp_path):
    db = tmp_path / "minutes.sqlite3"
    store = open_store(db)
    create_demo(store)
    store.close()
    assert first_paint(tmp_path, db)["code"] == 0
    written = [
        p.read_text(errors="replace") for p in (tmp_path / "config").rglob("*") if p.is_file()
    ]
    assert not any("geometry" in text for text in written)
