"""The main window: meetings, the agenda, the notes, figures and actions, in one place.

Live mode answers three questions at a glance — where are we in the agenda, how long has this
item run, is my typing safe — and keeps the cursor in the notes after every navigation.
Drafting mode makes the header editable and shows the minutes as the export renders them.
The window holds a frozen ``Meeting``; every command calls one operation and reloads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QToolBar,
)

from pcc_minutes import APP_NAME, __version__
from pcc_minutes import operations as ops
from pcc_minutes.core.changes import Changes
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.formatting import format_date, format_moment
from pcc_minutes.core.live import is_done, running_item, spent_words
from pcc_minutes.core.records import Meeting
from pcc_minutes.core.status import NEXT_STATUSES, MeetingStatus
from pcc_minutes.store.database import Store
from pcc_minutes.ui.actions import ActionId, build_actions, build_menus, build_toolbar
from pcc_minutes.ui.autosave import NotesSaver
from pcc_minutes.ui.background import SerialWriter
from pcc_minutes.ui.session import Session
from pcc_minutes.ui.window.files import FileCommands, _Relay
from pcc_minutes.ui.window.live import LiveCommands
from pcc_minutes.ui.window.panes import WindowPanes
from pcc_minutes.ui.window.save_status import SaveStatus, spoken_moment
from pcc_minutes.ui.window.undo_commands import UndoCommands
from pcc_minutes.ui.window.undo_order import MEETING, TEXT, UndoOrder
from pcc_minutes.ui.window.views import ViewCommands


class MainWindow(
    WindowPanes,
    LiveCommands,
    ViewCommands,
    FileCommands,
    UndoCommands,
    SaveStatus,
    QMainWindow,
):
    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.view: Meeting | None = None
        self.item_id: int | None = None
        self.live = False
        self.settings = QSettings()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.resize(1280, 800)
        self._relay = _Relay()
        self._relay.done.connect(lambda callback, result: callback(result))
        self.session = Session(store, self)
        self.session.changed.connect(self.apply_changes)
        self.session.error.connect(self.show_error)
        self.session.pushed.connect(lambda meeting_id: self._undo_level_added(MEETING, meeting_id))
        self._undo_order = UndoOrder()
        # One text document per item of the open meeting: each keeps its own undo history
        # when the minute-taker moves between items and back.
        self._documents: dict[int, QTextDocument] = {}
        self._closing_unusable = False  # the file turned out unusable: close without writing
        self.remember_layout = True  # off for --startup-check, which leaves the settings be

        self.live_writer = SerialWriter(store, "live-steps", self)
        self.live_writer.failed.connect(self._live_step_failed)
        self.saver = NotesSaver(store, self)
        self.saver.safe.connect(self._show_saved)  # "Saved" once the text is in the file itself
        self.saver.failed.connect(self._show_save_failure)

        self._build_widgets()
        self.actions_by_id = build_actions(self, self._handlers(), self.settings)
        build_menus(self.menuBar(), self.actions_by_id)
        for action_id, op in (
            (ActionId.DECISION_REGISTER, "list_decisions"),
            (ActionId.ACTION_LOG, "list_actions"),
            (ActionId.EXPORT_ACTION_LOG, "export_action_log"),
        ):
            self.actions_by_id[action_id].setEnabled(op in dir(ops))  # until the operation lands
        self.toolbar = QToolBar("Commands")
        self.toolbar.setObjectName("commands")
        build_toolbar(self.toolbar, self.actions_by_id)
        self.addToolBar(self.toolbar)
        for action_id in (ActionId.INDENT, ActionId.OUTDENT):
            self.editor.addAction(self.actions_by_id[action_id])
        self.editor.typing_refused.connect(self._say_read_only)
        self._suggest_timer = QTimer(self, singleShot=True, interval=700)
        self._suggest_timer.timeout.connect(
            lambda: self.side.update_suggestions(self.editor.snapshot())
        )
        self._ticker = QTimer(self, interval=500)
        self._ticker.timeout.connect(self._update_saved_age)
        self._ticker.start()
        self._restore_layout()
        # The first screen of the meetings list now; the rest after the first paint.
        self.meetings.load_in_background(rest=False)
        self._update_enabled()
        self._store_ready.connect(self._after_store_ready)
        self.installEventFilter(self)  # to notice the first paint
        self._after_paint_done = False
        self._closed = False
        # Should the window never be painted itself (its children are), go on anyway.
        QTimer.singleShot(2000, self._after_first_paint)
        group = self.session.undo_group
        for signal in (group.undoTextChanged, group.redoTextChanged):
            signal.connect(self._update_undo_texts)
        QApplication.instance().focusChanged.connect(self._update_undo_texts)
        self._update_undo_texts()

    def _handlers(self) -> dict[ActionId, Callable[[], None]]:
        editor = self.editor
        return {
            ActionId.NEW_MEETING: self.new_meeting,
            ActionId.SAVE_TEMPLATE: self.save_template,
            ActionId.IMPORT: self.import_minutes,
            ActionId.EXPORT_WORD: lambda: self.export("docx"),
            ActionId.EXPORT_PDF: lambda: self.export("pdf"),
            ActionId.EXPORT_AGENDA: lambda: self.export("docx", agenda=True),
            ActionId.EXPORT_ACTION_LOG: self.export_action_log,
            ActionId.BACKUP: self.backup,
            ActionId.QUIT: self.close,
            ActionId.UNDO: self.undo,
            ActionId.REDO: self.redo,
            ActionId.FIND: lambda: self.find_bar.show_find(),
            ActionId.REPLACE: lambda: self.find_bar.show_replace(),
            ActionId.FILTER_MEETINGS: self._filter_meetings,
            ActionId.SEARCH: self.open_search,
            ActionId.BOLD: editor.toggle_bold,
            ActionId.ITALIC: editor.toggle_italic,
            ActionId.SUB_HEADING: editor.toggle_sub_heading,
            ActionId.INDENT: editor.indent,
            ActionId.OUTDENT: editor.outdent,
            ActionId.LIVE: self.toggle_live,
            ActionId.NEXT_ITEM: lambda: self.step_item(+1),
            ActionId.PREVIOUS_ITEM: lambda: self.step_item(-1),
            ActionId.NEW_ACTION: lambda: self.quick_capture(self.quick_action),
            ActionId.NEW_FIGURE: lambda: self.quick_capture(self.quick_figure),  # made lazily
            ActionId.NEW_DECISION: lambda: self.quick_capture(self.quick_decision),
            ActionId.ACCEPT_FIGURE: self.accept_figure,
            ActionId.ADD_ITEM: self.agenda.add_item,
            ActionId.REMOVE_ITEM: self.agenda.remove_current,
            ActionId.EDIT_ITEM: self.agenda.edit_current,
            ActionId.MOVE_ITEM_UP: lambda: self.agenda.move_current(-1),
            ActionId.MOVE_ITEM_DOWN: lambda: self.agenda.move_current(+1),
            ActionId.ATTENDANCE: self.edit_attendance,
            ActionId.REGENERATE_OPENING: self.header.regenerate_opening,
            ActionId.SEND_FOR_APPROVAL: lambda: self.change_status(MeetingStatus.FOR_APPROVAL),
            ActionId.APPROVE: lambda: self.change_status(MeetingStatus.APPROVED),
            ActionId.PUBLISH: lambda: self.change_status(MeetingStatus.PUBLISHED),
            ActionId.REOPEN: lambda: self.change_status(MeetingStatus.DRAFT),
            ActionId.FOCUS_NOTES: self.focus_notes,
            ActionId.PRIVATE_NOTES: self.toggle_private_notes,
            ActionId.PREVIEW: self.toggle_preview,
            ActionId.FOCUS_MODE: self.toggle_focus_mode,
            ActionId.DARK_MODE: self.toggle_dark,
            ActionId.DECISION_REGISTER: lambda: self.open_register("decisions"),
            ActionId.ACTION_LOG: lambda: self.open_register("actions"),
            ActionId.INDICATORS: self.open_indicators,
            ActionId.ABOUT: self.about,
        }

    # --- opening and showing -------------------------------------------------------------

    def start(self, meeting_id: int | None = None, *, live: bool = False) -> None:
        """First screen: the given meeting, else the most recent, else the welcome page.

        Before the store is ready (the window opens it after its first paint) the meeting is
        read with ``store.peek``, so the first paint waits for neither SQLAlchemy nor a
        migration."""
        record = None
        if not self.store.is_ready:
            from pcc_minutes.store import peek

            record = peek.latest_meeting(self.store.path, meeting_id)
        if record is None:
            try:
                meeting_id = meeting_id or ops.latest_meeting_id(self.store)
            except PccError as exc:  # the file cannot be used: say why, and close
                problem = str(exc)
                QTimer.singleShot(0, lambda: self._after_store_ready(problem))
                return
        else:
            meeting_id = record.id
        if meeting_id is None:
            self.stack.setCurrentWidget(self.empty)
            self.demo_button.setFocus()
            return
        self.open_meeting(meeting_id, live=live, record=record)

    def open_meeting(
        self, meeting_id: int, *, live: bool = False, record: Meeting | None = None
    ) -> None:
        """Show a meeting (``record`` when the caller has just read it)."""
        if self.view is not None and self.view.id == meeting_id and not live:
            return
        self.saver.track(None, None)
        if self.live:
            self.toggle_live(force=False)
        try:
            self.view = record or ops.load_meeting(self.store, meeting_id)
        except PccError as exc:
            self.show_error(str(exc))
            return
        self.item_id = None
        self._forget_documents()
        self.session.set_meeting(meeting_id)
        self.meetings.select_meeting(meeting_id)
        self._refresh_meeting()
        self._show_stored_state()
        # A meeting left live (the window killed mid-item) opens at the item still running,
        # whose visit stays open: live mode carries on with it.
        running = running_item(self.view)
        first = running or (self.view.items[0] if self.view.items else None)
        self.show_item(first.id if first else None)
        self.settings.setValue("session/last_meeting", meeting_id)
        if live and not self.editing_locked:
            self.toggle_live(force=True)
        elif running is not None and not self.editing_locked:
            keys = self.action(ActionId.LIVE).shortcut().toString()
            note = (
                f"Item {running.position} was still being discussed when the meeting was last "
                f"closed; press {keys} to carry on in live mode."
            )
            # After the window is shown (its status widgets would be drawn over the note).
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(note, 15000))
        self.focus_notes()

    def apply_changes(self, changes: Changes) -> None:
        """An operation (or an undo) changed something: refresh only what it names. The
        meetings browser is touched only when its rows changed; a live step never does."""
        if changes.meeting_list:
            self.meetings.refresh(changes.meetings | changes.header | changes.status)
        if self.view is None:
            return
        mine = changes.touches_meeting(self.view.id) or bool(
            changes.touches_items() & {item.id for item in self.view.items}
        )
        if mine:
            self.reload()

    def reload(self) -> None:
        """Read the meeting again after an operation changed it; the notes being typed are
        not reloaded (the editor is the newest copy of them)."""
        if self.view is None:
            return
        try:
            self.view = ops.load_meeting(self.store, self.view.id)
        except PccError as exc:
            self.show_error(str(exc))
            return
        self._refresh_meeting()
        self.private_notes.follow(self.view)  # changed elsewhere: shown unless typed here
        if self.item_id is not None and self.view.item(self.item_id) is None:
            self.show_item(self.view.items[0].id if self.view.items else None)
        else:
            self._refresh_item_labels()
            self.side.show_item(self.view, self.item_id)
            self._show_carried(self.view.item(self.item_id) if self.item_id else None)

    def _refresh_meeting(self) -> None:
        view = self.view
        assert view is not None
        self.stack.setCurrentWidget(self.splitter)
        self.header.set_meeting(view)
        self.agenda.set_meeting(view)
        if self.item_id is not None:
            self.agenda.set_current(self.item_id)
        locked = self.editing_locked
        self.header.set_read_only(locked)
        self.agenda.set_read_only(locked)
        self.side.set_read_only(locked)
        self.editor.set_read_only(locked)
        self.private_notes.set_read_only(locked)
        if self.store.read_only:
            from html import escape  # needed only for a read-only file

            self.banner.setText(f"<b>Read-only.</b> {escape(self.store.read_only_reason)}")
        elif locked:
            who = f" by {view.status_by}" if view.status_by else ""
            when = f" {spoken_moment(format_moment(view.status_at))}" if view.status_at else ""
            self.banner.setText(
                f"<b>{view.status.capitalize()}{who}{when}.</b> These minutes are read-only; "
                "use Approval ▸ Reopen as Draft to correct them."
            )
        self.banner.setVisible(locked)
        marking = f"{view.marking} · " if view.marking else ""
        self.state_label.setText(
            f"{marking}{view.status.replace('-', ' ').capitalize()} · version {view.version}"
        )
        title = f"{view.title} · {format_date(view.date)}" if view.date else view.title
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self._update_enabled()
        if self._preview is not None and self.pages.currentWidget() is self._preview:
            self._render_preview()

    def show_item(self, item_id: int | None) -> None:
        """Put ``item_id``'s notes in the editor (saving the previous item's first)."""
        if self.view is None:
            return
        if item_id == self.item_id and item_id is not None:
            return
        self.saver.track(None, None)
        self.item_id = item_id
        item = self.view.item(item_id) if item_id is not None else None
        self._show_document(item.id if item else None, item.notes if item else "")
        self.editor.set_read_only(self.editing_locked or item is None)
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)  # carry on where the notes end
        self.editor.setTextCursor(cursor)
        if item is not None:
            self.saver.track(item.id, self.editor.snapshot)
            self.agenda.set_current(item.id)
        self._show_private_notes(item)
        self._refresh_item_labels()
        self.side.show_item(self.view, item_id)
        self._show_carried(item)
        self.side.update_suggestions(item.notes if item else "")
        self.live_bar.show_state(self.view, item_id)

    def _show_document(self, item_id: int | None, notes: str) -> None:
        """Put the item's own document in the editor, made from ``notes`` the first time."""
        key = item_id if item_id is not None else 0  # 0: the blank page of no item
        document = self._documents.get(key)
        fresh = document is None
        if document is None:
            document = self._documents[key] = QTextDocument(self)
            document.undoAvailable.connect(self._update_undo_texts)
            document.redoAvailable.connect(self._update_undo_texts)
            document.undoCommandAdded.connect(
                lambda d=document: self._undo_level_added(TEXT, id(d))
            )
        if document is not self.editor.document():
            self.editor.setDocument(document)
        if fresh:
            self.editor.set_markdown(notes)
        else:
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self._update_undo_texts()

    def _forget_documents(self) -> None:
        keep = QTextDocument(self)
        self.editor.setDocument(keep)
        for document in self._documents.values():
            document.deleteLater()
        self._documents.clear()
        self.private_notes.forget_documents()

    def _refresh_item_labels(self) -> None:
        item = self.view.item(self.item_id) if self.view and self.item_id else None
        if item is None:
            self.item_title.setText("")
            self.item_details.setText("")
            return
        self.item_title.setText(f"Item {item.position}: {item.heading or item.title}")
        parts = [f"Lead: {item.lead}"] if item.lead else []
        if item.planned_minutes:
            parts.append(f"planned {item.planned_minutes} min")
        if is_done(item):
            parts.append(f"spent {spent_words(item)}")
        if item.confidential:
            parts.append("confidential: left out of the public version")
        self.item_details.setText(" · ".join(parts))
        self.live_bar.show_state(self.view, self.item_id)

    # --- typing and saving ---------------------------------------------------------------

    # --- after the first paint -----------------------------------------------------------

    _store_ready = Signal(object)  # None, or the one sentence saying why the file is unusable

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self and event.type() == QEvent.Type.Show:
            # Shown: the layout's own minimum size is known now, which may be more than the
            # screen's share asked for before (a 200% screen): fit what it really is.
            from pcc_minutes.ui.window.screen_fit import fit_to_screen

            fit_to_screen(self, restored=True)
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        """What start-up did not wait for: the store's engine (and any migration) and a read
        of every page of the file, on a worker; the dictionary on this thread. Once, and not
        for a window already closed (``--startup-check`` quits at the first paint)."""
        if self._after_paint_done or self._closed:
            return
        self._after_paint_done = True
        store, report = self.store, self._store_ready.emit

        def work() -> None:
            try:
                store.ready()
                store.verify()
            except PccError as exc:
                report(str(exc))
                return
            except Exception as exc:  # noqa: BLE001 - said in one sentence, never a traceback
                report(
                    f"The database {store.path} could not be opened "
                    f"(unexpected {type(exc).__name__}); it was left as it was."
                )
                return
            report(None)

        threading.Thread(target=work, name="store-ready", daemon=True).start()
        self.meetings.load_rest()
        QTimer.singleShot(150, self._enable_spelling)

    def _after_store_ready(self, problem: str | None) -> None:
        if problem is None:
            from pcc_minutes.ui.watch import attach

            attach(self)  # changes from elsewhere, a lost journal file: ui/watch.py
            if self.store.read_only and self.view is not None:
                self._refresh_meeting()  # found read-only on opening (a full disk, say)
            return
        # The file cannot be used safely: say why, and close before anything is written.
        self.saver.track(None, None)
        from PySide6.QtWidgets import QMessageBox  # made on first use, not at start-up

        QMessageBox.critical(self, APP_NAME, problem)
        self._closing_unusable = True
        self.close()

    def _enable_spelling(self) -> None:
        from pcc_minutes.ui.notes.spelling import available, create_checker

        checker = create_checker()
        if checker is None:
            self.statusBar().showMessage(f"Spelling is off: {available().reason}", 8000)
            return
        self.editor.set_spell_checker(checker)
        self.private_notes.editor.set_spell_checker(checker)

    def _notes_edited(self) -> None:
        self.saver.changed()
        self.saved_label.setText("Saving…")
        if self.item_id is not None:
            self._suggest_timer.start()  # detect figures after a pause, not per keystroke

    def focus_notes(self) -> None:
        if self.pages.currentWidget() is not self.editor:
            self.actions_by_id[ActionId.PREVIEW].setChecked(False)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_indicators(self) -> None:
        """View ▸ Indicators…, built on first use (ui.indicators)."""
        from pcc_minutes.ui.indicators.indicator_list import IndicatorsDialog

        dialog = getattr(self, "_indicators_dialog", None)
        if dialog is None:
            dialog = self._indicators_dialog = IndicatorsDialog(self.session, self)
        else:
            dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()  # the keys go to it, also where no window manager hands them
        dialog.table.setFocus()

    # --- helpers -------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # made on first use, not at start-up

        QMessageBox.warning(self, APP_NAME, message)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, APP_NAME, f"<b>{APP_NAME}</b> {__version__}<br>Database: {self.store.path}"
        )

    @property
    def editing_locked(self) -> bool:
        """Nothing in the open meeting may change: it is approved or published, or the
        database itself can only be read (its banner says why)."""
        return self.store.read_only or bool(self.view and self.view.locked)

    def _update_enabled(self) -> None:
        has = self.view is not None
        locked = self.editing_locked
        writable = not self.store.read_only
        status = self.view.status if self.view else ""
        ids = ActionId
        if not hasattr(self, "actions_by_id"):
            return
        for action_id in (
            ids.EXPORT_WORD,
            ids.EXPORT_PDF,
            ids.EXPORT_AGENDA,
            ids.PREVIEW,
            ids.PRIVATE_NOTES,
            ids.SAVE_TEMPLATE,
            ids.NEXT_ITEM,
            ids.PREVIOUS_ITEM,
            ids.FOCUS_MODE,
        ):
            self.actions_by_id[action_id].setEnabled(has)
        for action_id in (
            ids.LIVE,
            ids.NEW_ACTION,
            ids.NEW_FIGURE,
            ids.NEW_DECISION,
            ids.ACCEPT_FIGURE,
            ids.ADD_ITEM,
            ids.REMOVE_ITEM,
            ids.EDIT_ITEM,
            ids.MOVE_ITEM_UP,
            ids.MOVE_ITEM_DOWN,
            ids.ATTENDANCE,
            ids.REGENERATE_OPENING,
            ids.BOLD,
            ids.ITALIC,
            ids.SUB_HEADING,
        ):
            self.actions_by_id[action_id].setEnabled(has and not locked)
        # Each status command is on exactly when core.status allows that move.
        moves = NEXT_STATUSES.get(status, frozenset()) if writable else frozenset()
        for action_id in (ids.NEW_MEETING, ids.IMPORT):
            if not writable:
                self.actions_by_id[action_id].setEnabled(False)
        self.actions_by_id[ids.SEND_FOR_APPROVAL].setEnabled(MeetingStatus.FOR_APPROVAL in moves)
        self.actions_by_id[ids.APPROVE].setEnabled(MeetingStatus.APPROVED in moves)
        self.actions_by_id[ids.PUBLISH].setEnabled(MeetingStatus.PUBLISHED in moves)
        self.actions_by_id[ids.REOPEN].setEnabled(MeetingStatus.DRAFT in moves)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        from pcc_minutes.ui.window.screen_fit import fit_to_screen

        fit_to_screen(self, restored=isinstance(geometry, QByteArray))
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        elif self.screen() is not None and self.screen().availableGeometry().width() < 1200:
            # A first start on a narrow screen (1920 wide at 200% is 960): the agenda, the
            # notes and the side panel need the width; the meetings list is a click away.
            self.meetings_dock.hide()
        panes = self.settings.value("window/panes")
        if isinstance(panes, QByteArray):
            self.splitter.restoreState(panes)
        if self.settings.value("view/dark", False, type=bool):
            self.actions_by_id[ActionId.DARK_MODE].setChecked(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        watch = getattr(self, "watch", None)
        if watch is not None and not watch.close_ok():  # notes refused by a lock: ask first
            event.ignore()
            return
        self.saver.close()
        self.private_notes.close_saver()
        self.live_writer.close()
        if self.live and self.view is not None and not self._closing_unusable:
            try:
                ops.end_live(self.store, self.view.id)
            except PccError:
                pass  # closing must not be stopped by a locked meeting
        if self.remember_layout:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("window/panes", self.splitter.saveState())
            self.settings.sync()
        self._closed = True
        super().closeEvent(event)

    def action(self, action_id: ActionId) -> QAction:
        return self.actions_by_id[action_id]
