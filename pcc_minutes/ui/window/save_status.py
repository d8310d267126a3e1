"""What the status bar says of saving: when the notes were last written, that a meeting just
opened is all stored, that a write failed and is retried, and why a key typed into read-only
notes did nothing."""

from __future__ import annotations

import time

from pcc_minutes.core.formatting import format_moment


class SaveStatus:
    """The save line of the status bar, mixed into ``MainWindow``."""

    def _say_read_only(self) -> None:
        """A key typed into read-only notes: say why nothing happened, and what to do."""
        if self.store.read_only:
            reason = f"The database is read-only: {self.store.read_only_reason}"
        elif self.view is not None and self.view.locked:
            reason = (
                f"These minutes are {self.view.status.replace('-', ' ')} and read-only; use "
                "Approval ▸ Reopen as Draft to change them."
            )
        else:
            reason = "Choose an agenda item to type its notes."
        self.statusBar().showMessage(reason, 6000)

    def _show_stored_state(self) -> None:
        """A meeting just opened: everything in it is stored; say when it last changed (the
        time of another meeting's last save would be wrong here)."""
        for saver in (self.saver, self.private_notes.saver):
            saver.last_saved = None
        when = self.view.updated_at if self.view is not None else None
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(
            f"All changes saved · last changed {format_moment(when)}"
            if when
            else "All changes saved"
        )

    def _show_saved(self, _when: float) -> None:
        self._update_saved_age()

    def _update_saved_age(self) -> None:
        savers = (self.saver, self.private_notes.saver)
        if any(saver.pending for saver in savers):
            return
        times = [saver.last_saved for saver in savers if saver.last_saved is not None]
        if not times:
            return
        age = time.monotonic() - max(times)
        text = f"Saved {age:.1f} s ago" if age < 60 else f"Saved {int(age // 60)} min ago"
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(text)

    def _show_save_failure(self, message: str) -> None:
        self.saved_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.saved_label.setText(f"Not saved yet — {message} Retrying.")


def spoken_moment(moment: str) -> str:
    """ "today at 14:02" as it follows "Approved by …": "today at 14:02"; a date takes "on"."""
    return moment if moment.startswith(("today", "yesterday")) else f"on {moment}"
