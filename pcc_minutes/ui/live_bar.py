"""The live strip above the notes: where are we in the agenda, how long has this item run.

"Item 2 of 5 · 07:12 of 10:00" turns amber when the item runs past its planned minutes and
red when it runs well past them; nothing blinks. "Meeting 00:34:10" counts from the start of
live mode. One timer ticks once a second, only while live.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pcc_minutes.core.clock import OVERRUN_WORDS, clock_text, item_elapsed, overrun_level
from pcc_minutes.core.records import AgendaItem, Meeting

AMBER = "#b35c00"
RED = "#b00020"


class LiveBar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Live meeting status")
        self.item_label = QLabel()
        self.item_label.setAccessibleName("Current item timer")
        self.meeting_label = QLabel()
        self.meeting_label.setAccessibleName("Meeting clock")
        self.live_label = QLabel("● Live")
        self.live_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.item_label)
        layout.addStretch(1)
        layout.addWidget(self.meeting_label)
        layout.addSpacing(16)
        layout.addWidget(self.live_label)
        font = self.item_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        for label in (self.item_label, self.meeting_label):
            label.setFont(font)
        self._view: Meeting | None = None
        self._item: AgendaItem | None = None
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self.refresh)
        self.now = datetime.now  # tests replace the clock

    def show_state(self, view: Meeting, item_id: int | None) -> None:
        self._view = view
        self._item = view.item(item_id) if item_id is not None else None
        self.refresh()

    def start(self) -> None:
        self._timer.start()
        self.show()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def refresh(self) -> None:
        view, item = self._view, self._item
        if view is None:
            return
        now = self.now()
        if item is not None:
            elapsed = item_elapsed(item.actual_start, item.actual_end, now)
            planned = f" of {clock_text(item.planned_minutes * 60)}" if item.planned_minutes else ""
            self.item_label.setText(
                f"Item {item.position} of {len(view.items)} · {clock_text(elapsed)}{planned}"
            )
            level = overrun_level(elapsed, item.planned_minutes)
            colour = ("", f"color: {AMBER};", f"color: {RED};")[level]
            self.item_label.setStyleSheet(colour)
            self.item_label.setAccessibleDescription(OVERRUN_WORDS[level])
        else:
            self.item_label.setText("No item")
        started = view.live_started_at
        running = (now - started).total_seconds() if started else 0
        self.meeting_label.setText(f"Meeting {clock_text(running)}")
