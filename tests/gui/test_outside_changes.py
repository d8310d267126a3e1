"""The window keeps up with changes made by another process to the meeting it shows.

The other process is real: a child Python that calls the operations (or the command line) on
the same database file while the window is open. A meeting approved that way turns read-only
in the window, keeps the notes typed since, and closing neither drops them unasked nor writes
into the approved meeting.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from tests.conftest import ROOT, database_dump


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 6, 18)).value


@pytest.fixture
def ready_window(window, qtbot):
    qtbot.waitUntil(lambda: window._after_paint_done, timeout=5000)
    qtbot.wait(300)  # the store's start-up work on its worker has reported back
    return window


def elsewhere(db, code: str) -> None:
    """Run ``code`` in another process with ``store`` open on the same file. It blocks this
    thread, so the window cannot notice anything before it has finished."""
    program = (
        "from pcc_minutes import operations as ops\n"
        "from pcc_minutes.store.database import open_store\n"
        f"store = open_store({str(db)!r})\n{code}\nstore.close()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", program], env=env, check=True, timeout=60)


def command_line(db, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "--db", str(db), *args],
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
    )


def approve_elsewhere(db, meeting_id: int) -> None:
    command_line(db, "status", str(meeting_id), "for-approval", "--by", "Clerk")
    command_line(db, "status", str(meeting_id), "approved", "--by", "Chair Person")


def answer_close_prompt(choice: str) -> list[str]:
    """Click ``choice`` in the prompt that closing shows; what it said is returned (empty
    when no prompt came within two seconds)."""
    said: list[str] = []
    tries = [40]

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "unsaved-on-close":
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(50, click)
            return
        said.append(box.text())
        box.findChild(QPushButton, choice).click()

    QTimer.singleShot(50, click)
    return said


def test_notes_edited_elsewhere_show_in_the_window(qtbot, ready_window, store, db_path, meeting_id):
    window = ready_window
    items = ops.load_meeting(store, meeting_id).items
    first, second = items[0].id, items[1].id
    assert window.item_id == first
    elsewhere(
        db_path,
        f"ops.save_item_notes(store, {first}, 'Minutes of the last meeting agreed.')\n"
        f"ops.save_item_notes(store, {second}, 'Apologies from the treasurer.')",
    )
    qtbot.waitUntil(
        lambda: "Minutes of the last meeting agreed." in window.editor.toPlainText(), timeout=5000
    )
    window.show_item(second)
    assert "Apologies from the treasurer." in window.editor.toPlainText()
    # Typing in an item that is then edited elsewhere: what was typed is kept, and saved.
    qtbot.keyClicks(window.editor, " Typed here")
    elsewhere(db_path, f"ops.save_item_notes(store, {second}, 'Written elsewhere')")
    qtbot.wait(2500)
    window.saver.wait()
    assert "Typed here" in window.editor.toPlainText()
    assert "Typed here" in ops.load_meeting(store, meeting_id).item(second).notes


def test_a_meeting_approved_elsewhere_keeps_the_typing_and_is_not_written_on_close(
    qtbot, ready_window, store, db_path, meeting_id
):
    window = ready_window
    first = ops.load_meeting(store, meeting_id).items[0].id
    window.toggle_live(True)
    qtbot.keyClicks(window.editor, "Saved before the approval. ")
    window.saver.wait()
    window.live_writer.wait()
    approve_elsewhere(db_path, meeting_id)
    approved = database_dump(db_path)
    qtbot.keyClicks(window.editor, "Typed after the approval")  # before the window noticed
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert "Approved" in window.banner.text()
    footer = window.state_label.text()
    assert "Draft" not in footer and "Approved" in footer
    assert window.editor.isReadOnly()
    assert "Typed after the approval" in window.editor.toPlainText()
    assert window.findChild(QWidget, "unsaved-bar").isVisible()  # offers copy / reopen
    said = answer_close_prompt("copy")
    window.close()
    assert said, "closing dropped the notes typed after the approval without asking"
    assert "Typed after the approval" in QApplication.clipboard().text()
    assert database_dump(db_path) == approved  # nothing written into the approved meeting
    notes = ops.load_meeting(store, meeting_id).item(first).notes
    assert "Typed after the approval" not in notes


def test_closing_can_be_cancelled_and_the_meeting_reopened_to_save_the_typing(
    qtbot, ready_window, store, db_path, meeting_id
):
    window = ready_window
    first = ops.load_meeting(store, meeting_id).items[0].id
    approve_elsewhere(db_path, meeting_id)
    qtbot.keyClicks(window.editor, "Late words")
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    said = answer_close_prompt("cancel")
    window.close()
    assert said
    assert window.isVisible()  # stayed open: nothing dropped
    assert ops.load_meeting(store, meeting_id).status == "approved"
    window.findChild(QWidget, "unsaved-bar").reopen_button.click()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    window.saver.wait()
    meeting = ops.load_meeting(store, meeting_id)
    assert meeting.status == "draft"
    assert "Late words" in meeting.item(first).notes
    assert "Draft" in window.state_label.text()
    said = answer_close_prompt("cancel")
    window.close()
    assert not said  # saved now: nothing to ask about
