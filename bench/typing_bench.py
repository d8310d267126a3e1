"""Benchmark (not a test): time to handle one keystroke in the notes editor, saving on.

Opens the main window offscreen on a demo meeting in live mode, types a few hundred
characters (words, spaces, Enter, bullets) into the notes and measures each key press from
delivery to return, with the autosave timers and the saver thread running as in a meeting.
Prints the median and 99th percentile. A key's time is from the press being delivered to the
editor until the editor has handled it (saving happens off this path, on timers and a thread).

    .venv/bin/python bench/typing_bench.py [--keys 600]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=600)
    parser.add_argument("--gap-ms", type=int, default=80)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        app.setOrganizationName("pcc-minutes-bench")
        from pcc_minutes.operations.demo import create_demo
        from pcc_minutes.store.database import open_store
        from pcc_minutes.ui.main_window import MainWindow

        store = open_store(Path(folder) / "bench.sqlite3")
        meeting_id = create_demo(store).value[0].id
        window = MainWindow(store)
        window.show()
        window.start(meeting_id, live=True)
        editor = window.editor
        text = (
            "- The panel reviewed 93% of records and found 6% amber\n"
            "Progress on recruitment is steady "
        )
        samples: list[float] = []
        saves = []
        window.saver.saved.connect(saves.append)
        typed = 0
        while typed < args.keys:
            for char in text:
                started = time.perf_counter()
                if char == "\n":
                    QTest.keyClick(editor, Qt.Key.Key_Return)
                else:
                    QTest.keyClick(editor, char)
                samples.append(time.perf_counter() - started)
                typed += 1
                # A brisk typist: ~12 keys a second; timers, saves and repaints run between.
                QTest.qWait(args.gap_ms)
                if typed >= args.keys:
                    break
        window.saver.wait(5)
        QTest.qWait(100)
        window.close()
        window.deleteLater()
        app.processEvents()
        store.close()
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(
        f"keys: {len(samples)} at one every {args.gap_ms} ms; "
        f"saves committed meanwhile: {len(saves)}"
    )
    print(
        f"per keystroke: median {statistics.median(samples) * 1000:.2f} ms, "
        f"99th percentile {p99 * 1000:.2f} ms, max {samples[-1] * 1000:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
