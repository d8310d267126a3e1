"""Starts the desktop window: opens the store, offers the demo on a first start, shows it.

Only Qt and the store are imported on the way to the first paint; python-docx, reportlab
and the importers load when a command needs them.
"""

from __future__ import annotations

import argparse
import sys


def run_window(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pcc_minutes import APP_NAME
    from pcc_minutes.errors import PccError
    from pcc_minutes.model import services
    from pcc_minutes.model.store import open_store
    from pcc_minutes.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("pcc-minutes")
    try:
        store = open_store(args.db)
    except PccError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        raise
    try:
        if not services.list_meetings(store):
            from pcc_minutes.model.demo import create_demo

            create_demo(store)
        window = MainWindow(store)
        window.show()
        if args.open is not None:
            window.open_meeting(args.open)
        if args.startup_check:
            # Exit right after the first paint has been delivered.
            QTimer.singleShot(0, app.quit)
        return app.exec()
    finally:
        store.close()
