"""Edit ▸ Undo and Redo in the window: the newer of the notes' typing and the meeting's last
edit, and the menu's texts that say which ("Undo Typing", "Undo Remove item 3")."""

from __future__ import annotations

from pcc_minutes.ui.actions import ActionId
from pcc_minutes.ui.window.undo_order import MEETING, TEXT


class UndoCommands:
    """Undo and redo, mixed into ``MainWindow``."""

    def undo(self) -> None:
        """Edit ▸ Undo (Ctrl+Z, in the notes too): the last thing done, whichever it was —
        typing in the notes of this item, or an edit of the meeting (a figure accepted, an
        item removed…)."""
        self._undo_or_redo(redo=False)

    def redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_choice(self, *, redo: bool) -> str | None:
        document, group = self.editor.document(), self.session.undo_group
        text_there = document.isRedoAvailable() if redo else document.isUndoAvailable()
        meeting_there = group.canRedo() if redo else group.canUndo()
        return self._undo_order.choose(
            redo=redo,
            text=(id(document), text_there and not self.editor.isReadOnly()),
            meeting=(self.session.meeting_id or 0, meeting_there),
        )

    def _undo_level_added(self, kind: str, key: int) -> None:
        self._undo_order.added(kind, key)
        self._update_undo_texts()

    def _undo_or_redo(self, *, redo: bool) -> None:
        if self.private_notes.has_focus():  # the private notes' own typing, item by item
            self.private_notes.editor.redo() if redo else self.private_notes.editor.undo()
            return
        choice = self._undo_choice(redo=redo)
        if choice == TEXT:
            document = self.editor.document()
            self.editor.redo() if redo else self.editor.undo()
            self._undo_order.done(TEXT, id(document), redo=redo)
        elif choice == MEETING:
            meeting_id = self.session.meeting_id or 0
            self.saver.flush()
            group = self.session.undo_group
            group.redo() if redo else group.undo()
            self._undo_order.done(MEETING, meeting_id, redo=redo)
        self._update_undo_texts()

    def _update_undo_texts(self, *_args: object) -> None:
        """Edit ▸ Undo / Redo say what they will take back: "Undo Typing", or the meeting's
        last edit ("Undo Remove item 3")."""
        if not hasattr(self, "actions_by_id"):
            return
        group = self.session.undo_group
        for action_id, redo, what in (
            (ActionId.UNDO, False, group.undoText()),
            (ActionId.REDO, True, group.redoText()),
        ):
            verb = "&Redo" if redo else "&Undo"
            choice = self._undo_choice(redo=redo)
            label = {TEXT: f"{verb} Typing", MEETING: f"{verb} {what}"}.get(choice, verb)
            if self.private_notes.has_focus():  # Edit ▸ Undo takes back the private typing
                label = f"{verb} Typing" if self.private_notes.can_undo(redo=redo) else verb
            self.actions_by_id[action_id].setText(label)
