"""A worker's result reaches a widget on the GUI thread, or nobody once the widget is gone:
never a crash from emitting on a widget being destroyed."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from pcc_minutes.ui import relay


def test_a_result_reaches_a_live_widget_on_the_gui_thread(qtbot):
    relay.prepare()
    widget = QWidget()
    qtbot.addWidget(widget)
    got: list[tuple[str, bool]] = []

    def take(text: str) -> None:
        got.append((text, threading.current_thread() is threading.main_thread()))

    worker = threading.Thread(target=lambda: relay.hand_to(widget, take, "done"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: got == [("done", True)], timeout=2000)


def test_a_widget_destroyed_before_the_result_arrives_is_left_alone(qtbot):
    relay.prepare()
    widget = QWidget()
    got: list[str] = []
    worker = threading.Thread(target=lambda: relay.hand_to(widget, got.append, "late"))
    worker.start()
    worker.join()
    shiboken6.delete(widget)  # closed before the GUI thread ran the delivery
    QApplication.processEvents()
    qtbot.wait(50)
    assert got == []
