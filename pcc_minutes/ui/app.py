"""Starts the desktop window: opens the store, shows the most recent meeting (or the welcome
page that offers the demo on a first start).

Only Qt, SQLAlchemy and the window are imported on the way to the first paint; python-docx,
reportlab and the importers load when a command needs them.

The launcher pauses Python's cycle collector while the window is built (start-up makes some
50,000 objects that live as long as the window, and collecting them again and again cost
about 10 ms before the first paint). At the first paint they are frozen — never scanned
again, which also keeps later collections short while the minute-taker types — and
collecting resumes.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    import argparse


def resume_collection() -> None:
    """Collecting cycles again, after start-up paused it: what start-up made is frozen first."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class _FirstPaint(QObject):
    """Notices the window's first paint (its own, or its central widget's): collecting
    resumes, and for ``--startup-check`` the program quits. Then it stops watching."""

    def __init__(self, app: QApplication, *, quit_after: bool):
        super().__init__()
        self.app = app
        self.quit_after = quit_after
        self.painted = False
        self.watched: list[QObject] = []

    def watch(self, widget: QObject | None) -> None:
        if widget is not None:
            widget.installEventFilter(self)
            self.watched.append(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            resume_collection()
            if self.quit_after:
                QTimer.singleShot(0, self.app.quit)
            for widget in self.watched:
                widget.removeEventFilter(self)
        return False


def run_window(args: argparse.Namespace) -> int:
    from pcc_minutes import APP_NAME
    from pcc_minutes.core.errors import PccError
    from pcc_minutes.store.database import open_store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("pcc-minutes")
    app.setApplicationDisplayName(APP_NAME)

    from pcc_minutes.ui.theme import apply_palette

    apply_palette(app, QSettings().value("view/dark", False, type=bool))
    try:
        store = open_store(args.db, defer=True)  # the engine is made after the first paint
    except PccError as exc:
        if not args.startup_check:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APP_NAME, str(exc))
        raise
    from pcc_minutes.ui.window import MainWindow

    try:
        if args.open is not None:
            from pcc_minutes.store import peek

            if peek.latest_meeting(store.path, args.open) is None:
                from pcc_minutes.operations import load_meeting

                load_meeting(store, args.open)  # a missing meeting is one line and exit 2
        window = MainWindow(store)
        watcher = _FirstPaint(app, quit_after=args.startup_check)
        watcher.watch(window)
        watcher.watch(window.centralWidget())
        if args.startup_check:
            window.remember_layout = False  # a check leaves the user's window layout alone
        window.start(args.open, live=args.open is not None)
        window.show()
        # Should neither be painted (a window that is never exposed), collect all the same.
        QTimer.singleShot(2000, resume_collection)
        code = app.exec()
        if args.startup_check and not watcher.painted:
            print("pcc-minutes: the window never painted", file=sys.stderr)
            return 1
        return code
    finally:
        resume_collection()
        if not args.startup_check:
            QSettings().sync()  # the launcher leaves without tearing down: write settings now
        store.close()
