"""Benchmark (not a test): start-up time of the app against an empty PySide6 window.

Both run as fresh processes until their first paint (``--startup-check`` for the app), on
the offscreen platform unless DISPLAY is set; prints medians and their ratio from one run.

    .venv/bin/python bench/startup_bench.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EMPTY_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
window = QWidget()
quit_filter = Quit()
window.installEventFilter(quit_filter)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def run(command: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if "DISPLAY" not in env:
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        env["XDG_CONFIG_HOME"] = folder
        subprocess.run(
            [sys.executable, "-m", "pcc_minutes", "--db", str(db), "demo"],
            env=env,
            check=True,
            capture_output=True,
        )
        app = [sys.executable, "-m", "pcc_minutes", "--db", str(db), "--startup-check"]
        empty = [sys.executable, "-c", EMPTY_WINDOW]
        run(app, env, 1)  # warm the file cache for both
        run(empty, env, 1)
        app_s = run(app, env, args.runs)
        empty_s = run(empty, env, args.runs)
    print(
        f"platform: {env.get('QT_QPA_PLATFORM', 'display ' + env.get('DISPLAY', ''))}, "
        f"runs: {args.runs} (median)"
    )
    print(f"empty PySide6 window: {empty_s * 1000:7.0f} ms")
    print(f"pcc-minutes --startup-check: {app_s * 1000:7.0f} ms")
    print(f"ratio: {app_s / empty_s:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
