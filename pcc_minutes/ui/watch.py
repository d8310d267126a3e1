"""The window keeps up with its database file: changes made elsewhere, a journal file that
another program removed, and a meeting approved behind the minute-taker's back.

Once a second (``POLL_MS``) the watch asks ``store.watch.FileGuard`` whether the ``-wal`` and
the database file are still the ones our connections write, and ``ChangeProbe`` whether
anyone committed since. Both are a few microseconds; only when something was committed is
the open meeting read again (with ``store.peek``: about a millisecond) and compared with what
the window shows. What differs goes out through the session's ``changed`` fan-out like any
edit, so every pane refreshes as it would after an operation. Notes are never taken from
under the cursor: an item's notes are replaced by the ones from elsewhere only when nothing
typed in it is waiting to be saved.

A meeting approved (or published) elsewhere becomes read-only here at once, with its banner
and status; notes typed since, which the saver could not write, stay on screen, and the
window offers to copy them or to reopen the meeting as a draft, and asks before closing
would drop them.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
)

from pcc_minutes import APP_NAME
from pcc_minutes import operations as ops
from pcc_minutes.core.changes import NOTHING, Changes, changed
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import Meeting
from pcc_minutes.core.status import MeetingStatus, status_text
from pcc_minutes.store import peek, watch
from pcc_minutes.ui.notes.convert import markdown_of

POLL_MS = 1000

_LOST = {
    watch.FileGuard.VANISHED: "Another program deleted the database's journal file",
    watch.FileGuard.REPLACED: "Another program replaced the database's journal file",
    watch.FileGuard.MOVED: "Another program replaced the database file",
}


def differences(
    old: Meeting, new: Meeting, known_notes: dict[int, str]
) -> tuple[Changes, set[int]]:
    """What differs between the meeting as the window shows it (``old``) and as the database
    now holds it (``new``), as ``Changes`` (notes aside); and the items whose notes differ from
    ``known_notes`` (what the database held when the window last read or wrote them: the
    window's own notes in ``old`` are older than its autosave's)."""
    mid = old.id
    parts: Changes = NOTHING
    if (old.status, old.status_by, old.status_at, old.version) != (
        new.status,
        new.status_by,
        new.status_at,
        new.version,
    ):
        parts |= changed(status={mid}, meeting_list=True)
    if _header(old) != _header(new):
        parts |= changed(header={mid}, meeting_list=True, meetings={mid})
    if old.attendees != new.attendees:
        parts |= changed(attendance={mid})
    if [item.id for item in old.items] != [item.id for item in new.items]:
        parts |= changed(agenda={mid})
    items: set[int] = set()
    notes: set[int] = set()
    for item in new.items:
        before = old.item(item.id)
        if before is None:
            continue
        if replace(before, notes="") != replace(item, notes=""):
            items.add(item.id)
        if item.notes != known_notes.get(item.id, before.notes):
            notes.add(item.id)
    if items:
        parts |= changed(items=items)
    return parts, notes


def _header(meeting: Meeting) -> Meeting:
    """The meeting less what is compared on its own (status, people, items, timestamps)."""
    return replace(
        meeting,
        status="",
        status_by="",
        status_at=None,
        version=0,
        approval=None,
        attendees=(),
        items=(),
        updated_at=None,
    )


class UnsavedBar(QFrame):
    """Under the approved banner: the notes typed since the approval are not in the meeting;
    copy them, or reopen the meeting as a draft so that they are saved."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("unsaved-bar")
        self.setStyleSheet(
            "#unsaved-bar { background: #fde7e9; border: 1px solid #d13438; }"
            " QLabel { color: #4a0004; }"
        )
        self.setAccessibleName("Unsaved notes")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.copy_button = QPushButton("&Copy my unsaved notes")
        self.reopen_button = QPushButton("Reopen as d&raft")
        row.addWidget(self.label, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.reopen_button)


class OutsideWatch(QObject):
    """Made by ``attach`` for a ``MainWindow``, once its store is ready."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.saver = window.saver
        # Its connection closes with all the others when the store reconnects.
        self.probe = watch.ChangeProbe(self.store.path, self.store)
        self._known: dict[int, str] = {}  # item id → its notes as the database holds them
        self._known_meeting: int | None = None
        self._copied: tuple[dict[int, str], dict[int, str]] = ({}, {})
        self._busy = False
        self._again = False  # look again at the next poll, even if nothing was committed
        self.saver.file_lost.connect(self.recover)
        self.bar = UnsavedBar()
        self._bar_meeting: int | None = None
        self.bar.hide()
        self.bar.copy_button.clicked.connect(self.copy_unsaved)
        self.bar.reopen_button.clicked.connect(lambda: self.reopen())
        column = window._column
        column.insertWidget(column.indexOf(window.banner) + 1, self.bar)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    # --- polling -------------------------------------------------------------------------

    def poll(self) -> None:
        """Once a second: the files first (a lost journal is urgent), then other writers."""
        if self._busy or not self.store.is_ready or self.window._closing_unusable:
            return
        view = self.window.view
        if self.bar.isVisible() and (view is None or view.id != self._bar_meeting):
            self.bar.hide()  # another meeting is open now; closing still asks about the notes
        verdict = self.saver.guard.check()
        if verdict is not None:
            self.recover(verdict)
            return
        if self.probe.changed() or self._again:
            self.look()

    def look(self) -> None:
        """Something was committed: read the open meeting and show what others changed."""
        window = self.window
        view = window.view
        self._again = False
        if view is None:
            return
        if window.live_writer.busy:
            self._again = True  # a live step of ours is on its way: compare once it landed
            return
        self._follow(view)
        self._known.update(self.saver.take_written())
        fresh = peek.latest_meeting(self.store.path, view.id)
        if fresh is None:  # unreadable this way just now, or gone: the store says which
            try:
                fresh = ops.load_meeting(self.store, view.id)
            except PccError:
                return
        parts, notes = differences(view, fresh, self._known)
        typing = notes & self.saver.waiting()
        if typing:  # ours in flight, or typed and not yet saved: kept; look again later
            self._again = True
            notes -= typing
        parts |= changed(items=notes) if notes else NOTHING
        if not parts:
            return
        self._busy = True
        try:
            self._take_notes(fresh, notes)
            was_locked = view.locked
            window.session.notify(parts)  # the panes refresh as after any edit
            if window.view is not None and window.view.locked and not was_locked:
                self._became_locked()
            elif window.view is not None and not window.view.locked:
                self.bar.hide()
                self.saver.retry_now()  # reopened elsewhere: write what was refused
        finally:
            self._busy = False

    def _follow(self, view: Meeting) -> None:
        if view.id != self._known_meeting:
            self._known_meeting = view.id
            self._known = {item.id: item.notes for item in view.items}

    def _take_notes(self, fresh: Meeting, item_ids: set[int]) -> None:
        """Show notes changed elsewhere in items with nothing of ours waiting to be saved."""
        window = self.window
        for item_id in item_ids:
            item = fresh.item(item_id)
            if item is None:
                continue
            self._known[item_id] = item.notes
            document = window._documents.get(item_id)
            if document is None:
                continue  # made from the meeting, as read now, when it is shown
            if document is window.editor.document():
                if window.editor.markdown() != item.notes:
                    window.editor.set_markdown(item.notes)
            else:  # made again from the meeting when next shown
                window._documents.pop(item_id).deleteLater()

    # --- a meeting locked elsewhere ------------------------------------------------------

    def _became_locked(self) -> None:
        window = self.window
        if window.live:
            window.toggle_live(force=False)  # the clock stops; nothing is written
        self.saver.flush()
        self.saver.wait(2.0)  # typing in flight comes back refused
        private = self._private_saver()
        if private is not None:
            private.flush()
            private.wait(2.0)
        if self.unsaved() or self.unsaved_private():
            self._show_bar()

    def unsaved(self) -> dict[int, str]:
        """Notes the saver could not write because their meeting is locked."""
        return self.saver.unsaved_locked()

    def _private_saver(self):
        pane = getattr(self.window, "private_notes", None)  # ui.notes.private_notes
        return pane.saver if pane is not None else None

    def unsaved_private(self) -> dict[int, str]:
        """Private notes refused the same way (they have a saver of their own)."""
        private = self._private_saver()
        return private.unsaved_locked() if private is not None else {}

    def _show_bar(self) -> None:
        view = self.window.view
        status = status_text(view.status).lower() if view else "locked"
        self.bar.label.setText(
            f"<b>This meeting was {status} elsewhere while you were typing.</b> The notes you "
            "typed since are not in it: copy them, or reopen the meeting as a draft to save them."
        )
        self._bar_meeting = view.id if view else None
        self.bar.show()

    def copy_unsaved(self) -> None:
        unsaved, private = self.unsaved(), self.unsaved_private()
        if not unsaved and not private:
            return
        view = self.window.view
        parts = []
        for texts, what in ((unsaved, ""), (private, " (private notes)")):
            for item_id, text in texts.items():
                item = view.item(item_id) if view else None
                heading = f"Item {item.position}: {item.shown_heading}" if item else "Notes"
                parts.append(f"{heading}{what}\n\n{text.strip()}\n")
        QApplication.clipboard().setText("\n".join(parts))
        self._copied = (dict(unsaved), dict(private))
        self.window.statusBar().showMessage(
            "Your unsaved notes are on the clipboard; they are not in the approved meeting.", 8000
        )

    def reopen(self, by: str | None = None) -> bool:
        """Reopen the locked meeting as a draft; the refused notes are then written."""
        window = self.window
        if window.view is None or not window.view.locked:
            return True
        if by is None:
            by = str(window.settings.value("user/name", "") or "")
        window.change_status(MeetingStatus.DRAFT, by)
        if window.view.locked:
            return False
        self.bar.hide()
        self.saver.retry_now()
        private = self._private_saver()
        if private is not None:
            private.retry_now()
            private.wait(3.0)
        return self.saver.wait(3.0)

    # --- closing -------------------------------------------------------------------------

    def close_ok(self) -> bool:
        """Before the window closes: never drop notes refused by a lock without asking.
        Returns False when the minute-taker chose to stay."""
        if self.window._closing_unusable:
            self.stop()
            return True
        self.saver.wait(3.0)
        private = self._private_saver()
        if private is not None:
            private.wait(3.0)
        unsaved, private_unsaved = self.unsaved(), self.unsaved_private()
        if (unsaved or private_unsaved) and (unsaved, private_unsaved) != self._copied:
            answer = self._ask_before_closing(len(set(unsaved) | set(private_unsaved)))
            if answer == "cancel":
                return False
            if answer == "copy":
                self.copy_unsaved()
            elif answer == "reopen" and not self.reopen():
                return False
        self.saver.forget(set(self.unsaved()))
        if private is not None:
            private.forget(set(self.unsaved_private()))
        self.stop()
        return True

    def _ask_before_closing(self, count: int) -> str:
        box = QMessageBox(self.window)
        box.setObjectName("unsaved-on-close")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        items = "one item" if count == 1 else f"{count} items"
        box.setText(
            f"Notes you typed in {items} are not saved: the meeting was approved elsewhere "
            "meanwhile. Copy them before closing, or reopen the meeting as a draft to save them?"
        )
        copy = box.addButton("&Copy and Close", QMessageBox.ButtonRole.AcceptRole)
        copy.setObjectName("copy")
        reopen = box.addButton("&Reopen as Draft and Save", QMessageBox.ButtonRole.ActionRole)
        reopen.setObjectName("reopen")
        drop = box.addButton("Close &Without Them", QMessageBox.ButtonRole.DestructiveRole)
        drop.setObjectName("drop")
        stay = box.addButton(QMessageBox.StandardButton.Cancel)
        stay.setObjectName("cancel")
        box.setDefaultButton(copy)
        box.exec()
        clicked = box.clickedButton()
        return {copy: "copy", reopen: "reopen", drop: "drop"}.get(clicked, "cancel")

    def stop(self) -> None:
        self.timer.stop()
        self.probe.close()

    # --- a journal file lost -------------------------------------------------------------

    def recover(self, verdict: str) -> None:
        """The ``-wal`` (or the file) is not the one our connections write: whatever they
        write now is lost when the program ends. Once every writer is idle, close all our
        connections at once (the probe's too: one left open keeps the lost journal's shared
        memory, and every later write fails), then write the open meeting's notes and private
        notes again at once, through the ordinary saves."""
        if self._busy:
            return
        window = self.window
        private = getattr(window, "private_notes", None)
        self._busy = True
        try:
            self.saver.wait(3.0)
            window.live_writer.wait(3.0)
            if private is not None:
                private.saver.wait(3.0)
            # Here, not on a saver's worker: the other writers would go on meanwhile. The gate
            # lets a worker's transaction in flight end first (milliseconds).
            self.store.reconnect(timeout=2.0)
            view = window.view
            if view is not None and not view.locked:
                for item_id, document in list(window._documents.items()):
                    if view.item(item_id) is not None:
                        # converted on the saver's thread, as typing is
                        self.saver.resave(item_id, partial(markdown_of, document.clone()))
                if private is not None:
                    private.resave_all()
            window.saved_label.setText("Saving…")
            window.statusBar().showMessage(
                f"{_LOST.get(verdict, _LOST[watch.FileGuard.VANISHED])}; the notes of this "
                "meeting were written again.",
                10000,
            )
        finally:
            self._busy = False


def attach(window: Any) -> OutsideWatch:
    """Start watching for the window (once its store is ready)."""
    found = getattr(window, "watch", None)
    if isinstance(found, OutsideWatch):
        return found
    window.watch = OutsideWatch(window)
    return window.watch
