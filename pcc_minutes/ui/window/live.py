"""The window's live-mode commands: start and stop the clock, step through the items (the
new times show at once, the write goes to a worker), quick capture."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.clock import local_now
from pcc_minutes.core.errors import LockedError, PccError
from pcc_minutes.core.live import entering
from pcc_minutes.ui.actions import ActionId


class LiveCommands:
    """Live mode, mixed into ``MainWindow``."""

    # --- live mode -----------------------------------------------------------------------

    def toggle_live(self, force: bool | None = None) -> None:
        want = (not self.live) if force is None else force
        action = self.actions_by_id[ActionId.LIVE]
        if self.view is None or (want and self.editing_locked):
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
            return
        self.live = want
        action.blockSignals(True)
        action.setChecked(want)
        action.blockSignals(False)
        self.live_writer.wait()  # the steps already taken are written before the clock stops
        # Live steps are taken back by stepping, not by Edit ▸ Undo (which stays with the
        # notes being typed): their outcomes are announced, their undos not pushed.
        try:
            if want:
                self.session.notify(ops.start_live(self.store, self.view.id).changes)
                if self.item_id is not None:
                    entered = ops.enter_item(self.store, self.view.id, self.item_id)
                    self.session.notify(entered.changes)
            else:
                try:
                    self.session.notify(ops.end_live(self.store, self.view.id).changes)
                except LockedError:
                    pass  # approved meanwhile, here or elsewhere: its times stay as recorded
        except PccError as exc:
            self.show_error(str(exc))
        self.header.set_live(want)
        self.meetings_dock.setVisible(not want)
        self.reload()
        if want:
            self.statusBar().clearMessage()  # e.g. the note that the meeting was left live
            self.live_bar.start()
            self.agenda.set_live_item(self.item_id)
        else:
            self.live_bar.stop()
            self.agenda.set_live_item(None)
        self.focus_notes()

    def step_item(self, delta: int) -> None:
        """Next/previous item; in live mode the move is timed. The cursor lands in the notes."""
        if self.view is None or not self.view.items:
            return
        ids = [item.id for item in self.view.items]
        index = ids.index(self.item_id) if self.item_id in ids else -1
        target = ids[max(0, min(len(ids) - 1, index + delta))]
        if target == self.item_id:
            self.focus_notes()
            return
        self._time_move(target)
        self.show_item(target)
        self.focus_notes()

    def choose_item(self, item_id: int) -> None:
        """An item picked in the agenda (a click, the arrow keys): in live mode discussion
        moves there, timed like Ctrl+PgDown; otherwise it is only shown."""
        if item_id != self.item_id:
            self._time_move(item_id)
        self.show_item(item_id)

    def _time_move(self, target: int) -> None:
        """In live mode, discussion moves to ``target``: the item left closes its visit, the
        item entered opens one. The new times show at once; the write goes to a worker (no
        fsync on this thread)."""
        if not self.live or self.view is None:
            return
        now, meeting_id = local_now(), self.view.id
        self.view = entering(self.view, target, now)
        self.live_writer.submit(lambda store: ops.enter_item(store, meeting_id, target, now))
        self.agenda.set_meeting(self.view)
        self.agenda.set_live_item(target)

    def _live_step_failed(self, message: str) -> None:
        self.show_error(message)
        self.reload()  # what the database holds, not what the window assumed

    def quick_capture(self, form: QWidget) -> None:
        if self.view is None or self.item_id is None or self.editing_locked:
            return
        self.saver.flush()
        for other in self._quick_forms.values():
            if other is not form:
                other.hide()
        form.context = self.editor.paragraph_at_cursor()  # what the figure form reads around it
        form.open_for(self.item_id, self.editor.sentence_at_cursor(), self.view.date)

    def accept_figure(self) -> None:
        if self.side.accept_first_suggestion():
            self.statusBar().showMessage("Figure stored.", 3000)
        self.focus_notes()
