"""Benchmark (not a test): start-up time of the app against an empty PySide6 window.

Each run is a fresh process until its first paint: ``python -m pcc_minutes --startup-check
--db DB`` on databases of 2 and 10,000 meetings (``bench/generate.py``), and a minimal
PySide6 script that opens an empty QMainWindow, paints once and quits. The three run
interleaved (so a change in the machine's load hits all alike), on the offscreen platform;
prints medians and the ratios from one run.

    .venv/bin/python bench/startup_bench.py [--runs 7] [--sizes 2,10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

EMPTY_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
window = QMainWindow()
quit_filter = Quit()
window.installEventFilter(quit_filter)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="2,10000", help="meetings in each database")
    parser.add_argument("--words", type=int, default=2000, help="words in the big meeting")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    import generate

    sizes = [int(size) for size in args.sizes.split(",")]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = folder  # no saved window layout or last meeting
        script = Path(folder) / "empty_window.py"
        script.write_text(EMPTY_WINDOW)
        commands: dict[str, list[str]] = {"empty": [sys.executable, str(script)]}
        for size in sizes:
            source, _big = generate.cached_database(size, args.words)
            db = Path(folder) / f"startup-{size}.sqlite3"
            shutil.copyfile(source, db)
            commands[f"app {size}"] = [
                sys.executable,
                "-m",
                "pcc_minutes",
                "--startup-check",
                "--db",
                str(db),
            ]
        for command in commands.values():
            once(command, env)  # warm the file cache for each
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                samples[name].append(once(command, env))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"platform: offscreen, runs: {args.runs} interleaved (median, min-max)")
    print(f"{'':46}{'median':>9}{'min':>9}{'max':>9}")
    for name, values in samples.items():
        label = (
            "empty PySide6 QMainWindow"
            if name == "empty"
            else f"pcc-minutes --startup-check, {int(name.split()[1]):,} meetings"
        )
        print(
            f"{label:46}{medians[name] * 1000:7.0f}ms{min(values) * 1000:7.0f}ms"
            f"{max(values) * 1000:7.0f}ms"
        )
    first, last = sizes[0], sizes[-1]
    ratio = medians[f"app {first}"] / medians["empty"]
    print(f"ratio startup/empty ({first:,} meetings): {ratio:.2f}x")
    if last != first:
        ratio = medians[f"app {last}"] / medians[f"app {first}"]
        print(f"ratio {last:,} vs {first:,} meetings: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
