"""The live strip above the notes: where are we in the agenda, how long has this item run.

"Item 2 of 5 · 07:12 of 10:00" turns amber when the item runs past its planned minutes and
red when it runs well past them; nothing blinks. "Meeting 00:34:10" counts from the start of
live mode. One timer ticks once a second, only while live.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pcc_minutes.core.records import AgendaItem, Meeting

AMBER = "#b35c00"
RED = "#b00020"


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def overrun_level(elapsed: float, planned_minutes: int | None) -> int:
    """0 on time, 1 past the plan (amber), 2 well past it (red: 20% or 2 minutes over)."""
    if not planned_minutes:
        return 0
    planned = planned_minutes * 60
    if elapsed <= planned:
        return 0
    return 2 if elapsed > planned + max(120, planned * 0.2) else 1


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
            elapsed = (now - item.actual_start).total_seconds() if item.actual_start else 0
            if item.actual_end is not None and item.actual_start is not None:
                elapsed = (item.actual_end - item.actual_start).total_seconds()
            planned = f" of {clock(item.planned_minutes * 60)}" if item.planned_minutes else ""
            self.item_label.setText(
                f"Item {item.position} of {len(view.items)} · {clock(elapsed)}{planned}"
            )
            level = overrun_level(elapsed, item.planned_minutes)
            colour = ("", f"color: {AMBER};", f"color: {RED};")[level]
            self.item_label.setStyleSheet(colour)
            self.item_label.setAccessibleDescription(
                ("on time", "over its planned time", "well over its planned time")[level]
            )
        else:
            self.item_label.setText("No item")
        started = view.live_started_at
        running = (now - started).total_seconds() if started else 0
        self.meeting_label.setText(f"Meeting {clock(running)}")
