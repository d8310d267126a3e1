"""The private notes of an agenda item: typed below its notes, in a tinted box of their own.

What the minute-taker writes here is kept with the item but never printed in the public
version of the minutes; the full draft prints it under a "Private notes — not for
publication" line (``documents.build``). The box looks unlike the notes on purpose — a lilac
background, a dashed border and a "Private — never in the public version" heading with a
lock — so nobody types a public sentence into it by mistake, or a private one into the notes.

It is saved as the notes are: a ``NotesSaver`` of its own, writing through
``operations.notes.save_item_private_notes`` on its own worker, after a short pause in the
typing and at most about a second after an edit. Each item has its own ``QTextDocument``,
so Ctrl+Z in the box takes back that item's private typing only, and coming back to an item
finds its undo history as it was. Nothing here runs while the main notes are typed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pcc_minutes.core.records import AgendaItem, Meeting
from pcc_minutes.store.database import Store
from pcc_minutes.ui.agenda.model import lock_icon
from pcc_minutes.ui.autosave import NotesSaver
from pcc_minutes.ui.notes.convert import markdown_of
from pcc_minutes.ui.notes.editor import NotesEditor

HEADING = "Private — never in the public version"
DESCRIPTION = (
    "Private notes for the current agenda item: kept with the item, printed only in the full "
    "draft under a 'not for publication' line, never in the public version. Ctrl+Alt+N moves "
    "between the notes and the private notes."
)
# The box, its heading, the text field and its text: lilac, unlike the white notes and the
# yellow read-only banner; a deep violet version of the same on the dark palette.
LIGHT = ("#f4effb", "#8764b8", "#3b2160", "#fbf9fe", "#1b1027", "#c8b6e2")
DARK = ("#2a2140", "#a58bd6", "#dcd0f2", "#1f1830", "#ece6f7", "#5b4785")
FILES_POLL_MS = 500  # two os.stat calls a tick: a lost journal is found within half a second
LINES_SHOWN = 5  # the box's height, in lines of text: the notes stay the largest thing


def lines_for(screen_height: int) -> int:
    """The box's lines on a screen ``screen_height`` logical pixels high: five on an ordinary
    screen, fewer on a short one (1080p at 200% is 540 high), where the notes need the room."""
    if screen_height >= 800:
        return LINES_SHOWN
    return 3 if screen_height >= 640 else 2


def save_private_notes(store: Store, item_id: int, notes: str) -> object:
    """The saver's write (on its worker thread; imported here, not at start-up)."""
    from pcc_minutes.operations.notes import save_item_private_notes

    return save_item_private_notes(store, item_id, notes)


class PrivateNotesPane(QFrame):
    """Below the notes editor: the current item's private notes, saved continuously."""

    edited = Signal()  # the minute-taker changed the private notes (the window says "Saving…")
    written = Signal(int, str)  # (item id, the private notes as the database now holds them)
    undo_changed = Signal()  # what Edit ▸ Undo / Redo would take back here changed

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("private-notes")
        self.setAccessibleName("Private notes area")
        self._colours: tuple[str, ...] = ()
        self._retint = QTimer(self, singleShot=True, interval=0)  # dies with the box
        self._retint.timeout.connect(self._tint)
        self._tint()
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 6)
        column.setSpacing(3)
        top = QHBoxLayout()
        lock = QLabel()  # the agenda's padlock, drawn: emoji fonts are missing on many laptops
        size = self.fontMetrics().height()
        lock.setPixmap(lock_icon().pixmap(size, size))
        lock.setAccessibleName("Padlock")
        top.addWidget(lock)
        self.heading = QLabel(HEADING)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel("Ctrl+Alt+N to move here and back")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.heading, self.hint):  # a narrow column (or 200%) wraps, never widens
            label.setWordWrap(True)
        top.addWidget(self.heading, 1)
        top.addWidget(self.hint)
        column.addLayout(top)
        self.editor = NotesEditor()
        self.editor.setAccessibleName("Private notes")
        self.editor.setAccessibleDescription(DESCRIPTION)
        self.editor.setPlaceholderText(
            "Private notes for this item: never printed in the public version."
        )
        self.editor.setTabChangesFocus(False)
        line = self.editor.fontMetrics().lineSpacing()
        screen = QGuiApplication.primaryScreen()
        shown = lines_for(screen.availableGeometry().height()) if screen else LINES_SHOWN
        self.editor.setFixedHeight(line * shown + 12)
        self.heading.setBuddy(self.editor)
        column.addWidget(self.editor)

        self.saver = NotesSaver(store, self, save=save_private_notes)
        self.saver.written.connect(self._written)
        self.saver.file_lost.connect(self.recover)
        # Twice a second (the window's watch checks the notes' once a second): is the journal
        # file still ours? (Two os.stat calls.) Text written to a deleted one is written again.
        self._files = QTimer(self, interval=FILES_POLL_MS)
        self._files.timeout.connect(self._check_files)
        self._files.start()
        self.editor.content_changed.connect(self._changed)
        self._documents: dict[int, QTextDocument] = {}
        self._known: dict[int, str] = {}  # each item's private notes as the database holds them
        self.item_id: int | None = None
        # Shown while no item is. The pane's own: the editor deletes a document it parents
        # when another is swapped in, and this one is swapped back at every meeting switch.
        self._blank = QTextDocument(self)
        self.editor.setDocument(self._blank)
        # Set by the window: its recovery from a lost journal file, which covers this pane
        # too; False when it has none yet (the store not ready).
        self.recover_others: Callable[[str], bool] | None = None

    # --- looks -------------------------------------------------------------------------

    def _tint(self) -> None:
        """Lilac on the light palette, deep violet on the dark one (set again when it flips)."""
        # The application's palette: this box's own is the style sheet's.
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        colours = DARK if dark else LIGHT
        if colours == self._colours:
            return
        self._colours = colours
        box, edge, heading, field, text, field_edge = colours
        self.setStyleSheet(
            f"#private-notes {{ background: {box}; border: 1px dashed {edge};"
            " border-radius: 4px; }"
            f" #private-notes QLabel {{ color: {heading}; background: transparent; }}"
            f" #private-notes QTextEdit {{ background: {field}; color: {text};"
            f" border: 1px solid {field_edge}; }}"
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        retint = getattr(self, "_retint", None)  # not yet made while the box is built
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if retint is not None and event.type() in kinds:
            retint.start()  # once the palette has finished changing

    def set_shortcut(self, keys: str) -> None:
        """The heading's hint names the command's key, as the user has bound it."""
        self.hint.setText(f"{keys} to move here and back" if keys else "")

    # --- following the window ------------------------------------------------------------

    def show_item(self, item: AgendaItem | None, *, read_only: bool) -> None:
        """Show ``item``'s private notes (what was typed for the previous one is saved first).
        Each item's document is made from the record the first time it is shown; after that
        the document is the newest copy."""
        self.saver.track(None, None)
        self.item_id = item.id if item is not None else None
        if item is None:
            self.editor.setDocument(self._blank)
            self.set_read_only(True)
            return
        document = self._documents.get(item.id)
        if document is None:
            document = self._documents[item.id] = QTextDocument(self)
            document.undoAvailable.connect(self.undo_changed)
            document.redoAvailable.connect(self.undo_changed)
            self.editor.setDocument(document)
            self.editor.set_markdown(item.private_notes)
            self._known[item.id] = item.private_notes
        else:
            self.editor.setDocument(document)
        self.set_read_only(read_only)
        self.saver.track(item.id, self.editor.snapshot)

    def follow(self, meeting: Meeting) -> None:
        """The meeting was read again: private notes changed elsewhere (another window, the
        command line) replace the ones shown, unless something typed here waits to be saved
        — never taken from under the cursor. A string comparison per item, so cheap enough
        for every reload."""
        waiting = self.saver.waiting()
        for item_id in list(self._documents):
            item = meeting.item(item_id)
            if item is None or item_id in waiting:
                continue
            if item.private_notes == self._known.get(item_id, item.private_notes):
                continue
            self._known[item_id] = item.private_notes
            document = self._documents[item_id]
            if markdown_of(document) == item.private_notes:
                continue  # our own write, read back before its signal arrived
            if document is self.editor.document():
                self.editor.set_markdown(item.private_notes)
            else:  # made again from the meeting when next shown
                self._documents.pop(item_id).deleteLater()

    def set_read_only(self, read_only: bool) -> None:
        """Approved minutes (or a read-only file): the private notes can be read, not typed."""
        self.editor.set_read_only(read_only or self.item_id is None)

    def forget_documents(self) -> None:
        """Another meeting is open: save what is pending, and drop this meeting's documents.
        The write is waited for (milliseconds): this meeting, opened again at once, must read
        back what was typed, not the text before it."""
        self.saver.track(None, None)
        self.saver.wait(2.0)
        self.item_id = None
        self.editor.setDocument(self._blank)
        for document in self._documents.values():
            document.deleteLater()
        self._documents.clear()
        self._known.clear()

    def markdown(self) -> str:
        return self.editor.markdown()

    @property
    def pending(self) -> bool:
        return self.saver.pending

    def can_undo(self, *, redo: bool = False) -> bool:
        document = self.editor.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()

    def has_focus(self) -> bool:
        return self.editor.hasFocus()

    def focus(self) -> None:
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_saver(self) -> None:
        """Closing the window: write what is pending into the database file."""
        self._files.stop()
        self.saver.close()

    # --- saving --------------------------------------------------------------------------

    def _written(self, item_id: int, text: str) -> None:
        self._known[item_id] = text
        self.written.emit(item_id, text)

    def _changed(self) -> None:
        self.saver.changed()
        self.edited.emit()

    def _check_files(self) -> None:
        if self._documents and self.saver.guard.check() is not None:
            self.recover()

    def recover(self, verdict: str = "") -> None:
        """The journal file our connections wrote was lost. The window closes every
        connection at once and writes all the notes again, these included
        (``recover_others``: ``ui.watch``); before its watch runs, this saver reconnects
        and writes the private notes shown so far again itself."""
        if self.recover_others is not None and self.recover_others(verdict):
            return
        self.saver.wait(3.0)
        self.saver.reconnect()
        self.resave_all()

    def resave_all(self) -> None:
        """Write every private note shown so far again, into the file that is there now."""
        for item_id, document in self._documents.items():
            self.saver.resave(item_id, partial(markdown_of, document.clone()))
