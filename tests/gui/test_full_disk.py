"""The disk fills during the meeting: the status bar says so in our own words (no library
text, no URL), the notes stay on screen, and they are saved once there is room again."""

from __future__ import annotations

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.store.database import open_store
from tests.unit.store.faults import demo_database, fill, small_disk

LIBRARY_WORDS = ("sqlalchemy", "sqlite://", "OperationalError", "Errno", "(sqlite3")


@pytest.fixture
def full_disk_window(qtbot, tmp_path):
    from pcc_minutes.ui.window import MainWindow

    disk = tmp_path / "disk"
    # 12 MB: once there is room again, the 2.9 MB note and its search-index entry (FTS5 keeps
    # a plain-text copy beside its index) must both fit.
    with small_disk(disk, 12 << 20):
        path = demo_database(disk / "minutes.sqlite3")
        store = open_store(path)
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.start()
        yield win, store, disk
        win.close()
        win.saver.close()
        win.live_writer.close()
        store.close()


def test_a_full_disk_is_said_plainly_and_the_notes_are_saved_when_room_returns(
    qtbot, full_disk_window
):
    win, store, disk = full_disk_window
    fill(disk, leave=(1 << 20) + (200 << 10))  # room to open, not for a long note
    note = "The force reported its figures for the quarter. " * 60_000  # about 2.9 MB
    win.editor.setPlainText(note)
    win.editor.document().setModified(True)
    win._notes_edited()
    qtbot.waitUntil(lambda: "Not saved yet" in win.saved_label.text(), timeout=20000)
    shown = win.saved_label.text()
    assert "full" in shown and "damaged" not in shown, shown
    assert not any(word in shown for word in LIBRARY_WORDS), shown
    assert win.editor.toPlainText() == note  # kept on screen
    (disk / "filler").unlink()  # room again
    item_id = win.item_id
    qtbot.waitUntil(
        lambda: ops.load_meeting(store, win.view.id).item(item_id).notes.strip() != "",
        timeout=30000,
    )
    saved = ops.load_meeting(store, win.view.id).item(item_id).notes
    assert "The force reported its figures for the quarter." in saved
