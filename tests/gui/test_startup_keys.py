"""The shortcuts work the moment the window shows, before the work start-up leaves for later.

The window is started as ``pcc-minutes`` starts it (the store opened lazily, the meeting read
before SQLAlchemy, shown, then the first events), and Ctrl+L and Ctrl+PgDown are pressed in
the notes before the deferred work (the store's engine, the full meetings list, spelling)
has run.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store.database import open_store
from pcc_minutes.ui.actions import ActionId


@pytest.fixture
def started(qtbot, db_path):
    store = open_store(db_path)
    create_demo(store)
    store.close()
    from pcc_minutes.ui.window import MainWindow

    lazy = open_store(db_path, defer=True)
    win = MainWindow(lazy)
    qtbot.addWidget(win)
    win.start()  # as ui.app does: the meeting is on the window before it is first shown
    win.show()
    yield win
    win.saver.close()
    win.live_writer.close()
    lazy.close()


def test_ctrl_l_and_ctrl_pgdown_work_right_after_the_window_shows(qtbot, started):
    win = started
    assert not win.store.is_ready  # nothing deferred has run: the engine is not made yet
    assert not win._after_paint_done
    items = [item.id for item in win.view.items]
    assert win.item_id == items[0]
    assert QApplication.focusWidget() is win.editor  # typing goes to the notes at once
    qtbot.keyClick(win.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.live
    assert win.action(ActionId.LIVE).isChecked()
    qtbot.keyClick(win.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.item_id == items[1]
    assert win.live_bar.isVisible()
    win.live_writer.wait(5.0)
    assert ops.load_meeting(win.store, win.view.id).live_started_at is not None
