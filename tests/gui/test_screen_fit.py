"""The window fits the screen it opens on: a saved size larger than the screen (a 200 %
laptop) is cut to the screen's available area and moved onto it, so no panel is off-screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from pcc_minutes.ui.window.screen_fit import fit_to_screen, fitted


def test_a_frame_larger_than_the_screen_is_cut_and_moved_inside():
    screen = QRect(0, 0, 960, 540)  # 1920x1080 at 200 %
    assert fitted(QRect(-50, 100, 1600, 1000), screen) == QRect(0, 0, 960, 540)
    assert fitted(QRect(700, 300, 400, 300), screen) == QRect(560, 240, 400, 300)
    assert fitted(QRect(10, 10, 300, 200), screen) == QRect(10, 10, 300, 200)


def test_a_window_restored_too_large_fits_the_available_area(qtbot):
    available = QGuiApplication.primaryScreen().availableGeometry()
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(
        available.left() + 300, available.top() + 200, 3 * available.width(), 3 * available.height()
    )
    fit_to_screen(window, restored=True)
    frame = window.frameGeometry()
    assert available.contains(frame), (frame, available)


def test_a_first_start_takes_most_of_the_screen_centred(qtbot):
    available = QGuiApplication.primaryScreen().availableGeometry()
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, restored=False)
    assert window.width() == int(available.width() * 0.85)
    assert available.contains(window.geometry())


def test_the_main_window_reopens_within_the_screen_whatever_size_was_saved(qtbot, store):
    from PySide6.QtCore import QSettings

    from pcc_minutes.ui.window import MainWindow

    available = QGuiApplication.primaryScreen().availableGeometry()
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(
        available.left() + 500, available.top() + 400, 2 * available.width(), 2 * available.height()
    )
    QSettings().setValue("window/geometry", big.saveGeometry())
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.width() <= available.width() and window.height() <= available.height()
    assert available.contains(window.geometry().topLeft())
    window.saver.close()
    window.live_writer.close()


def test_a_window_whose_layout_needs_more_than_asked_is_still_placed_on_the_screen(qtbot):
    available = QGuiApplication.primaryScreen().availableGeometry()
    for restored in (False, True):
        window = QWidget()
        qtbot.addWidget(window)
        window.setMinimumSize(int(available.width() * 0.95), int(available.height() * 0.95))
        window.setGeometry(available.left() + 200, available.top() + 150, 400, 300)
        fit_to_screen(window, restored=restored)
        assert available.contains(window.frameGeometry()), (restored, window.frameGeometry())
