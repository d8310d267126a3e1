"""Starts the desktop window: opens the store, shows the most recent meeting (or the welcome
page that offers the demo on a first start).

Only Qt, SQLAlchemy and the window are imported on the way to the first paint; python-docx,
reportlab and the importers load when a command needs them.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class _QuitAfterFirstPaint(QObject):
    """For ``--startup-check``: quit as soon as the window has painted once."""

    def __init__(self, app: QApplication):
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
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
        watcher = _QuitAfterFirstPaint(app)
        if args.startup_check:
            window.remember_layout = False  # a check leaves the user's window layout alone
            window.installEventFilter(watcher)
            if window.centralWidget() is not None:
                window.centralWidget().installEventFilter(watcher)
        window.start(args.open, live=args.open is not None)
        window.show()
        code = app.exec()
        if args.startup_check and not watcher.painted:
            print("pcc-minutes: the window never painted", file=sys.stderr)
            return 1
        return code
    finally:
        if not args.startup_check:
            QSettings().sync()  # the launcher leaves without tearing down: write settings now
        store.close()
