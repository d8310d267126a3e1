"""A database that can be read but not written (here: on a read-only mount, which even root
cannot write) opens in the window with a banner saying why, and nothing can be edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pcc_minutes.store.database import open_store
from pcc_minutes.ui.actions import ActionId
from tests.unit.store.faults import demo_database, read_only_mount, snapshot


@pytest.fixture
def read_only_window(qtbot, tmp_path):
    from pcc_minutes.ui.window import MainWindow

    folder = tmp_path / "share"
    folder.mkdir()
    demo_database(folder / "minutes.sqlite3")
    before = snapshot(folder)
    with read_only_mount(folder):
        store = open_store(folder / "minutes.sqlite3")
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.start()
        yield win
        win.close()
        win.saver.close()
        win.live_writer.close()
        store.close()
    assert snapshot(folder) == before  # nothing written, nothing left beside it


def test_the_banner_says_why_and_editing_is_off(qtbot, read_only_window):
    win = read_only_window
    assert win.view is not None and win.view.status == "draft"
    assert win.banner.isVisible()
    assert "read-only" in win.banner.text() and "mounted read-only" in win.banner.text()
    assert win.editor.isReadOnly()
    for action_id in (
        ActionId.LIVE,
        ActionId.ADD_ITEM,
        ActionId.NEW_MEETING,
        ActionId.IMPORT,
        ActionId.APPROVE,
        ActionId.SEND_FOR_APPROVAL,
        ActionId.ATTENDANCE,
    ):
        assert not win.action(action_id).isEnabled(), action_id
    # Reading and exporting still work.
    assert win.action(ActionId.EXPORT_PDF).isEnabled()
    assert win.action(ActionId.PREVIEW).isEnabled()


def test_typing_changes_nothing(qtbot, read_only_window):
    win = read_only_window
    before = win.editor.toPlainText()
    win.editor.setFocus()
    qtbot.keyClicks(win.editor, "words that cannot be kept")
    qtbot.keyClick(win.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.editor.toPlainText() == before
    assert not win.live
