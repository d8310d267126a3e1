"""What the window tests share: settings of their own, and a shown window on ``meeting_id``
(each test module says which meeting that is)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    # QSettings go to a folder of the test's own, never the user's.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QApplication.setOrganizationName("pcc-minutes-tests")
    # Qt reads the config folder once per process: without this, what one test saved (an
    # export option, a window layout) would be the next test's starting point.
    from PySide6.QtCore import QSettings

    settings = QSettings()
    settings.clear()
    settings.sync()


@pytest.fixture
def window(qtbot, store, meeting_id):
    from pcc_minutes.ui.window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.start(meeting_id)
    yield win
    win.saver.close()
    win.live_writer.close()
