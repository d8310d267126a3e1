"""The main window as it stands before the full workspace: meetings on the left, the
selected meeting's minutes on the right, rendered from the same document tree as exports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
)

from pcc_minutes import APP_NAME
from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.model import services
from pcc_minutes.model.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)
        self.meetings = QListWidget()
        self.meetings.setAccessibleName("Meetings")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Minutes preview")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.meetings)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self.meetings.currentItemChanged.connect(self._show_current)
        self.reload()

    def reload(self) -> None:
        self.meetings.clear()
        for summary in services.list_meetings(self.store):
            when = summary.date.isoformat() if summary.date else "undated"
            entry = QListWidgetItem(f"{when}  {summary.title}")
            entry.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.meetings.addItem(entry)
        if self.meetings.count():
            self.meetings.setCurrentRow(0)

    def open_meeting(self, meeting_id: int) -> None:
        for row in range(self.meetings.count()):
            if self.meetings.item(row).data(Qt.ItemDataRole.UserRole) == meeting_id:
                self.meetings.setCurrentRow(row)
                return

    def _show_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            self.preview.clear()
            return
        doc = services.minutes_document(self.store, current.data(Qt.ItemDataRole.UserRole))
        self.preview.setMarkdown(to_markdown(layout(doc)))
