"""Takes the README's screenshots of the main window in live mode and in drafting.

Run under a real X server (Xvfb): ``xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python
scripts/screenshots.py docs/`` — it opens the demo series in a scratch database, types a
little as a minute-taker would, and grabs the screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        app.setOrganizationName("pcc-minutes-screenshots")
        from pcc_minutes.operations.demo import create_demo
        from pcc_minutes.store.database import open_store
        from pcc_minutes.ui.theme import apply_palette
        from pcc_minutes.ui.window import MainWindow

        apply_palette(app, False)
        store = open_store(Path(folder) / "shots.sqlite3")
        meetings = create_demo(store).value
        window = MainWindow(store)
        window.resize(1360, 860)
        window.show()
        window.start(meetings[0].id, live=True)
        editor = window.editor
        for _ in range(2):
            window.step_item(+1)
        window.step_item(-1)
        for _ in range(2):  # Enter on an empty bullet ends the list
            QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "The Commissioner asked how the backlog will be cleared.")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "- Two staff moved from the front counter to renewals")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClick(editor, Qt.Key.Key_Tab)
        QTest.keyClicks(editor, "Recruitment for the last 3 posts closes in December")
        window.saver.wait()
        for _ in range(20):
            app.processEvents()
            QTest.qWait(100)
        screen = app.primaryScreen()
        screen.grabWindow(window.winId()).save(str(out / "live-mode.png"))
        window.toggle_live(force=False)
        window.open_meeting(meetings[0].id)
        for _ in range(10):
            app.processEvents()
            QTest.qWait(100)
        screen.grabWindow(window.winId()).save(str(out / "drafting.png"))
        from pcc_minutes.ui.actions import ActionId

        window.action(ActionId.PREVIEW).setChecked(True)
        for _ in range(10):
            app.processEvents()
            QTest.qWait(100)
        screen.grabWindow(window.winId()).save(str(out / "drafting-preview.png"))
        window.close()
        store.close()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
