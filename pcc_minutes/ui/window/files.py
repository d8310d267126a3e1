"""The window's commands that make meetings and files: new meeting, demo, templates,
attendance, import, backup, export and the approval trail; slow ones run on a worker. The
dialogs are imported when first opened: start-up does not pay for their Qt classes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pcc_minutes import operations as ops
from pcc_minutes.core.changes import changed
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.status import MeetingStatus, is_locked, status_message


class _Relay(QObject):
    """Carries a background job's result back to the GUI thread."""

    done = Signal(object, object)  # (callback, result or exception)


def documents_folder() -> Path:
    """Where a first export goes: the user's Documents folder, else their home folder."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class FileCommands:
    """Meetings and files, mixed into ``MainWindow``."""

    # --- setting up ----------------------------------------------------------------------

    def new_meeting(self) -> None:
        from PySide6.QtWidgets import QDialog

        from pcc_minutes.ui.setup_dialogs import NewMeetingDialog

        dialog = NewMeetingDialog(self.store, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.meeting_id:
            self.session.notify(changed(meeting_list=True, meetings={dialog.meeting_id}))
            self.open_meeting(dialog.meeting_id)

    def add_demo(self) -> None:
        from pcc_minutes.operations.demo import create_demo

        created = self.session.record(create_demo(self.store))
        self.open_meeting(created[-1].id)

    def save_template(self) -> None:
        if self.view is None:
            return
        from pcc_minutes.ui.setup_dialogs import save_template_dialog

        try:
            saved = save_template_dialog(self.store, self.view.id, self)
        except PccError as exc:
            self.show_error(str(exc))
            return
        if saved:
            self.statusBar().showMessage(f"Template saved to {saved}", 8000)

    def edit_attendance(self) -> None:
        if self.view is None or self.editing_locked:
            return
        from pcc_minutes.ui.setup_dialogs import AttendanceDialog

        AttendanceDialog(self.session, self.view.id, self).exec()

    def import_minutes(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.settings.value("folders/import", str(Path.home()))
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import minutes", folder, "Minutes (*.docx *.txt *.md);;All files (*)"
        )
        if not files:
            return
        self.settings.setValue("folders/import", str(Path(files[0]).parent))

        def work():
            from pcc_minutes.documents.readers import read_minutes

            docs = [read_minutes(Path(name)) for name in files]
            return ops.import_documents(self.store, docs)

        def finished(result):
            if isinstance(result, BaseException):
                self.show_error(str(result))
                return
            result = self.session.record(result)
            self.statusBar().showMessage(f"Imported {len(result)} meeting(s).", 5000)
            if result:
                self.open_meeting(result[-1].id)

        self.run_in_background(work, finished, "Importing…")

    def backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.settings.value("folders/backup", str(Path.home()))
        target, _ = QFileDialog.getSaveFileName(
            self,
            "Back up the database",
            str(Path(folder) / "pcc-minutes-backup.sqlite3"),
            "SQLite database (*.sqlite3)",
        )
        if not target:
            return
        self.settings.setValue("folders/backup", str(Path(target).parent))
        self.run_in_background(
            lambda: ops.backup(self.store, Path(target)),
            lambda r: self._after("Backed up to", r),
            "Backing up…",
        )

    # --- exporting and approval ----------------------------------------------------------

    def export(
        self,
        kind: str,
        *,
        agenda: bool = False,
        path: Path | None = None,
        public: bool | None = None,
    ) -> None:
        """Export through the options dialog (or directly when ``path`` is given)."""
        if self.view is None:
            return
        from pcc_minutes.documents.writers import writer  # the registry, on first export

        file_filter = writer(kind).file_filter  # the one list of formats, as the CLI's
        folder = Path(self.settings.value("folders/export", str(documents_folder())))
        when = f"{self.view.date:%Y-%m-%d} " if self.view.date else ""
        stem = f"{when}{self.view.title}{' agenda' if agenda else ''}".strip()
        timings = trends = figures = False
        logo: Path | None = None
        if path is None:
            from PySide6.QtWidgets import QDialog

            from pcc_minutes.ui.window.export_dialog import ExportDialog

            dialog = ExportDialog(self, folder / f"{stem}.{kind}", file_filter, agenda)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            path = Path(dialog.path.text()).expanduser()
            public, timings = dialog.public.isChecked(), dialog.timings.isChecked()
            trends = dialog.trends.isChecked() and not agenda
            figures = dialog.figures.isChecked() and not agenda
            logo = dialog.logo_path()
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        self.settings.setValue("folders/export", str(path.parent))
        self.saver.wait(3.0)
        self.private_notes.saver.wait(3.0)  # the full draft prints them
        self.live_writer.wait(3.0)
        meeting_id = self.view.id

        def work():
            return ops.export_minutes(
                self.store,
                meeting_id,
                kind,
                path,
                public=bool(public),
                agenda_only=agenda,
                timings=timings,
                trends=trends,
                figures=figures,
                logo=logo,
            )

        self.run_in_background(work, lambda r: self._after("Exported", r), "Exporting…")

    def export_action_log(self, path: Path | None = None) -> None:
        """File ▸ Export Action Log…: the open meeting's series, written off the GUI thread."""
        series = (self.view.series or None) if self.view is not None else None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            folder = Path(self.settings.value("folders/export", str(documents_folder())))
            name = f"{series or 'All meetings'} action log.docx"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                "Export Action Log",
                str(folder / name),
                "Word (*.docx);;PDF (*.pdf);;Markdown (*.md)",
            )
            if not chosen:
                return
            path = Path(chosen).expanduser()
        kind = path.suffix.lower().lstrip(".")
        if kind not in ("docx", "pdf", "md"):
            kind, path = "docx", path.with_name(path.name + ".docx")
        self.settings.setValue("folders/export", str(path.parent))
        store = self.store
        self.run_in_background(
            lambda: ops.export_action_log(store, series, path, kind),
            lambda r: self._after("Exported the action log to", r),
            "Exporting the action log…",
        )

    def _after(self, verb: str, result: object) -> None:
        if isinstance(result, BaseException):
            self.show_error(str(result))
        else:
            self.statusBar().showMessage(f"{verb} {result}", 8000)

    def change_status(self, status: str, by: str | None = None) -> None:
        if self.view is None:
            return
        # The approver is usually someone else than whoever sends, publishes or reopens: each
        # is remembered apart, so Publish never offers the approver's name.
        name_key = "user/approver" if status == MeetingStatus.APPROVED else "user/name"
        if by is None:
            default = self.settings.value(name_key, "")
            question = {
                MeetingStatus.FOR_APPROVAL: "Sent for approval by (your name):",
                MeetingStatus.APPROVED: "Approved by (name):",
                MeetingStatus.PUBLISHED: "Published by (your name):",
                MeetingStatus.DRAFT: "Reopen as a draft for a correction. Your name:",
            }.get(status, "Your name:")
            from PySide6.QtWidgets import QInputDialog

            by, ok = QInputDialog.getText(self, "Approval", question, text=default)
            if not ok:
                return
            self.settings.setValue(name_key, by)
        if self.live and is_locked(status):
            self.toggle_live(force=False)  # the running item ends, and the clock stops, first
        self.saver.wait(3.0)
        self.private_notes.saver.wait(3.0)
        self.live_writer.wait(3.0)
        try:
            result = self.session.record(ops.set_status(self.store, self.view.id, status, by))
        except PccError as exc:
            self.show_error(str(exc))
            return
        if self.view.item(self.item_id or -1) is not None:
            self.editor.set_read_only(self.view.locked)
        self.statusBar().showMessage(status_message(result.status, result.changed), 5000)

    # --- helpers -------------------------------------------------------------------------

    def run_in_background(
        self, work: Callable[[], object], finished: Callable[[object], None], busy: str
    ) -> None:
        """Run slow work (export, import, backup) off the GUI thread; typing goes on."""
        self.statusBar().showMessage(busy)

        def run():
            try:
                result = work()
            except BaseException as exc:  # reported to the user by ``finished``
                result = exc
            self._relay.done.emit(finished, result)

        threading.Thread(target=run, name="pcc-job", daemon=True).start()
