"""The window's panes: the meetings dock, the agenda, the header and notes column, the side
panel and the status bar, laid out once at start-up; the widgets hidden at start-up (the find
bar, the quick-capture forms, the minutes preview, the welcome page) are made the first time
they are wanted, in their place in the layout, so that the first paint does not wait for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes.ui.accessible import SpokenLabel
from pcc_minutes.ui.actions import ActionId
from pcc_minutes.ui.agenda import AgendaOutline
from pcc_minutes.ui.header import HeaderForm
from pcc_minutes.ui.live_bar import LiveBar
from pcc_minutes.ui.meeting_list import MeetingList
from pcc_minutes.ui.notes import FindBar, NotesEditor
from pcc_minutes.ui.notes.private_notes import PrivateNotesPane
from pcc_minutes.ui.side_panel import SidePanel

if TYPE_CHECKING:  # made when the preview is first shown
    from PySide6.QtWidgets import QTextBrowser


class WindowPanes:
    """Building the window's widgets, mixed into ``MainWindow``."""

    def _build_widgets(self) -> None:
        store = self.session
        self.meetings = MeetingList(self.store)
        self.meetings.meeting_chosen.connect(self.open_meeting)
        self.meetings_dock = QDockWidget("Meetings", self)
        self.meetings_dock.setObjectName("meetings")
        self.meetings_dock.setWidget(self.meetings)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.meetings_dock)

        self.agenda = AgendaOutline(store)
        self.agenda.item_selected.connect(self.choose_item)  # timed when live
        self.agenda.error.connect(self.show_error)

        self.header = HeaderForm(store)
        self.header.error.connect(self.show_error)
        self.live_bar = LiveBar()
        self.live_bar.hide()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4ce; color: #3d2e00; padding: 6px; border: 1px solid #e0c060;"
        )
        self.banner.setAccessibleName("Read-only notice")
        self.banner.hide()
        self.item_title = SpokenLabel("Current agenda item")
        font = self.item_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.item_title.setFont(font)
        # A long title ("Public Protection – Clare's Law and Domestic Violence Protection
        # Orders") wraps: unwrapped, it widened the centre and squeezed the agenda to "1 ✓ …".
        self.item_title.setWordWrap(True)
        self.item_details = SpokenLabel("Item lead and planned time")
        self.item_details.setWordWrap(True)

        self.editor = NotesEditor()
        self.editor.undo_elsewhere = True  # Ctrl+Z reaches Edit ▸ Undo, which picks the newer
        self.editor.content_changed.connect(self._notes_edited)
        # Made on first use, not before the first paint: the find bar, the quick-capture
        # forms, the minutes preview and the welcome page are all hidden at start-up.
        self._find_bar: FindBar | None = None
        self._quick_forms: dict[str, QWidget] = {}
        self._preview: QTextBrowser | None = None
        self._welcome: QWidget | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.editor)

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(6, 4, 6, 4)
        for widget in (
            self.header,
            self.live_bar,
            self.banner,
            self.item_title,
            self.item_details,
        ):
            column.addWidget(widget)
        column.addWidget(self.pages, 1)
        self._column = column
        self._build_private_notes(column)

        self.side = SidePanel(store)
        self.side.error.connect(self.show_error)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        self.splitter.addWidget(self.agenda)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([240, 720, 300])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.saved_label = QLabel("Nothing to save yet")
        self.saved_label.setAccessibleName("Save status")
        self.state_label = QLabel()
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.state_label)

    def _build_private_notes(self, column: QVBoxLayout) -> None:
        """The item's private notes, in their tinted box under the notes (ui.notes.private_notes),
        with a saver of their own; the status line's "Saving…"/"Saved" covers both."""
        pane = self.private_notes = PrivateNotesPane(self.store)
        pane.hide()  # until an item is shown
        pane.edited.connect(lambda: self.saved_label.setText("Saving…"))
        pane.saver.safe.connect(lambda _when: self._update_saved_age())
        pane.saver.failed.connect(lambda message: self._show_save_failure(message))
        pane.written.connect(self._private_notes_written)
        pane.undo_changed.connect(lambda: self._update_undo_texts())
        # The journal file lost (the pane's own check): the watch recovers every note.
        pane.recover_others = lambda verdict: self._recover_file(verdict)
        self.pages.currentChanged.connect(lambda _index: self._place_private_notes())
        column.addWidget(pane)

    def _recover_file(self, verdict: str) -> bool:
        watch = getattr(self, "watch", None)  # ui.watch, once the store is ready
        if watch is None:
            return False
        watch.recover(verdict)
        return True

    def _show_private_notes(self, item) -> None:
        self.private_notes.show_item(item, read_only=self.editing_locked)
        keys = self.actions_by_id[ActionId.PRIVATE_NOTES].shortcut()
        self.private_notes.set_shortcut(keys.toString(QKeySequence.SequenceFormat.NativeText))
        self._place_private_notes()

    def _place_private_notes(self) -> None:
        """Shown under the notes while an item is: not over the preview, not on its own."""
        shown = self.private_notes.item_id is not None and self.pages.currentWidget() is self.editor
        self.private_notes.setVisible(shown)

    def _private_notes_written(self, item_id: int, text: str) -> None:
        """Our own write: the meeting shown holds it too, so the outside-changes watch does
        not take it for someone else's edit and read the meeting again every second."""
        from dataclasses import replace

        view = self.view
        if view is None or view.item(item_id) is None:
            return
        items = tuple(
            replace(item, private_notes=text) if item.id == item_id else item for item in view.items
        )
        self.view = replace(view, items=items)

    def toggle_private_notes(self) -> None:
        """View ▸ Go to Private Notes: from the notes to this item's private notes, and back."""
        if self.private_notes.has_focus():
            self.focus_notes()
            return
        if self.item_id is None:
            return
        if self.pages.currentWidget() is not self.editor:
            self.focus_notes()  # out of the preview first
        self.private_notes.focus()

    @property
    def find_bar(self) -> FindBar:
        """Find and replace under the notes (made the first time it is wanted)."""
        if self._find_bar is None:
            self._find_bar = FindBar(self.editor)
            self._find_bar.hide()
            self._column.insertWidget(self._column.indexOf(self.pages), self._find_bar)
        return self._find_bar

    @property
    def preview(self) -> QTextBrowser:
        """The minutes as the export renders them, in place of the notes (made when first
        shown)."""
        if self._preview is None:
            from PySide6.QtWidgets import QTextBrowser

            self._preview = QTextBrowser()
            self._preview.setAccessibleName("Minutes preview")
            self._preview.setOpenLinks(False)
            self.pages.addWidget(self._preview)
        return self._preview

    @property
    def empty(self) -> QWidget:
        """The welcome page of a database with no meetings (made when first shown)."""
        if self._welcome is None:
            self._welcome = self._build_welcome()
            self.stack.addWidget(self._welcome)
        return self._welcome

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        column_box = QWidget()
        column_box.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        centred = QHBoxLayout(page)
        centred.addStretch(1)
        centred.addWidget(column_box, 3)
        centred.addStretch(1)
        empty_layout = QVBoxLayout(column_box)
        empty_layout.addStretch(1)
        welcome = QLabel(
            "<h2>No meetings yet</h2><p>Set up your first meeting, import past "
            "minutes, or explore a demo series to see how it works.</p>"
        )
        welcome.setWordWrap(True)
        empty_layout.addWidget(welcome)
        self.demo_button = QPushButton("Explore the &demo meeting")
        self.demo_button.clicked.connect(self.add_demo)
        new_button = QPushButton("Set up a &new meeting…")
        new_button.clicked.connect(self.new_meeting)
        import_button = QPushButton("&Import minutes…")
        import_button.clicked.connect(self.import_minutes)
        for button in (self.demo_button, new_button, import_button):
            empty_layout.addWidget(button)
        empty_layout.addStretch(2)
        return page

    @property
    def quick_action(self) -> QWidget:
        """The inline action form (made the first time it is wanted)."""
        return self._quick_form("action")

    @property
    def quick_figure(self) -> QWidget:
        """The inline figure form (made the first time it is wanted)."""
        return self._quick_form("figure")

    @property
    def quick_decision(self) -> QWidget:
        """The inline decision form (made the first time it is wanted)."""
        return self._quick_form("decision")

    def _quick_form(self, kind: str) -> QWidget:
        form = self._quick_forms.get(kind)
        if form is None:
            from pcc_minutes.ui import quick_capture

            forms = {
                "action": quick_capture.QuickActionForm,
                "figure": quick_capture.QuickFigureForm,
                "decision": quick_capture.QuickDecisionForm,
            }
            form = forms[kind](self.session)
            form.hide()
            form.closed.connect(self.focus_notes)
            # Above the find bar, below the item's title, as if laid out with the others.
            below = self._find_bar if self._find_bar is not None else self.pages
            self._column.insertWidget(self._column.indexOf(below), form)
            self._quick_forms[kind] = form
        return form
