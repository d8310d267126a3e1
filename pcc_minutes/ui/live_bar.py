"""The live strip above the notes: where are we in the agenda, how long has this item run.

"Item 2 of 5 · 07:12 of 10:00" is the time actually spent on the item — all its visits, the
open one running — so going back to an item carries on from where its timer stopped. It turns
amber when that time passes the item's planned minutes and red when it is well past them;
nothing blinks. "Meeting 00:34:10" counts the whole meeting, from the start of live mode.
One timer ticks once a second, only while live.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pcc_minutes.core.clock import OVERRUN_WORDS, clock_text, overrun_level
from pcc_minutes.core.live import time_spent, visits_of
from pcc_minutes.core.records import AgendaItem, Meeting

AMBER = "#b35c00"
RED = "#b00020"


def item_timer_text(item: AgendaItem, item_count: int, now: datetime) -> str:
    """ "Item 2 of 5 · 07:12 of 10:00", and "· visit 2" once the meeting has gone back to it."""
    planned = f" of {clock_text(item.planned_minutes * 60)}" if item.planned_minutes else ""
    visits = len(visits_of(item))
    again = f" · visit {visits}" if visits > 1 else ""
    spent = clock_text(time_spent(item, now))
    return f"Item {item.position} of {item_count} · {spent}{planned}{again}"


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
            self.item_label.setText(item_timer_text(item, len(view.items), now))
            level = overrun_level(time_spent(item, now), item.planned_minutes)
            colour = ("", f"color: {AMBER};", f"color: {RED};")[level]
            self.item_label.setStyleSheet(colour)
            self.item_label.setAccessibleDescription(OVERRUN_WORDS[level])
        else:
            self.item_label.setText("No item")
        started = view.live_started_at
        running = (now - started).total_seconds() if started else 0
        self.meeting_label.setText(f"Meeting {clock_text(running)}")
