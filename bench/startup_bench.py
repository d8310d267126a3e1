"""Benchmark (not a test): start-up time of the app against an empty PySide6 window.

Each run is a fresh process until its first paint: ``python -m pcc_minutes --startup-check
--db DB`` on databases of 2 and 10,000 meetings (``bench/generate.py``), and a minimal
PySide6 script that opens an empty QMainWindow, paints once and quits. The three run
interleaved (so a change in the machine's load hits all alike), on the offscreen platform;
prints medians and the ratios from one run: of the wall-clock medians (the measure), of the
CPU medians, and of the fastest runs (what a quiet machine gives while other work on a
shared one comes and goes). The load average is printed before and after.

Python's compiled bytecode is kept between the runs, as on any installed copy (pip compiles
every module when it installs a wheel; an editable checkout writes ``__pycache__`` on its first
start). ``PYTHONDONTWRITEBYTECODE`` in the caller's environment would otherwise make each run
compile all of the app's own modules again, which no user pays. The children write their
bytecode to a folder of the bench's own (``PYTHONPYCACHEPREFIX``), so the tree is not
touched; ``--compile-each-run`` measures that other case too, for comparison.

    .venv/bin/python bench/startup_bench.py [--runs 7] [--sizes 2,10000] [--compile-each-run]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds of one run, and the CPU seconds it used (all its threads)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


Samples = dict[str, list[tuple[float, float]]]


def measure(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> Samples:
    for command in commands.values():
        once(command, env)  # warm the file cache (and the bytecode cache) for each
    samples: Samples = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(once(command, env))
    return samples


def report(samples: Samples, sizes: list[int], heading: str) -> None:
    """Wall-clock medians (the measure), CPU medians (steadier on a busy machine) and the
    fastest runs' ratio (what a quiet machine gives, when other work comes and goes)."""
    wall = {name: statistics.median(w for w, _c in values) for name, values in samples.items()}
    cpu = {name: statistics.median(c for _w, c in values) for name, values in samples.items()}
    fastest = {name: min(w for w, _c in values) for name, values in samples.items()}
    print(heading)
    print(f"{'':46}{'median':>9}{'min':>9}{'max':>9}{'CPU':>9}")
    for name, values in samples.items():
        label = (
            "empty PySide6 QMainWindow"
            if name == "empty"
            else f"pcc-minutes --startup-check, {int(name.split()[1]):,} meetings"
        )
        walls = [w for w, _c in values]
        print(
            f"{label:46}{wall[name] * 1000:7.0f}ms{min(walls) * 1000:7.0f}ms"
            f"{max(walls) * 1000:7.0f}ms{cpu[name] * 1000:7.0f}ms"
        )
    first, last = sizes[0], sizes[-1]
    app = f"app {first}"
    print(
        f"ratio startup/empty ({first:,} meetings): {wall[app] / wall['empty']:.2f}x"
        f" (CPU {cpu[app] / cpu['empty']:.2f}x,"
        f" fastest runs {fastest[app] / fastest['empty']:.2f}x)"
    )
    if last != first:
        big = f"app {last}"
        print(
            f"ratio {last:,} vs {first:,} meetings: {wall[big] / wall[app]:.2f}x"
            f" (CPU {cpu[big] / cpu[app]:.2f}x, fastest runs {fastest[big] / fastest[app]:.2f}x)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="2,10000", help="meetings in each database")
    parser.add_argument("--words", type=int, default=2000, help="words in the big meeting")
    parser.add_argument(
        "--compile-each-run",
        action="store_true",
        help="also measure with no bytecode kept (every module compiled at each start)",
    )
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    import generate

    sizes = [int(size) for size in args.sizes.split(",")]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = folder  # no saved window layout or last meeting
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
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
        cached = measure(commands, env, args.runs)
        compiled = None
        if args.compile_each_run:
            env.pop("PYTHONPYCACHEPREFIX")
            env["PYTHONDONTWRITEBYTECODE"] = "1"  # the app's own modules have no bytecode
            compiled = measure(commands, env, args.runs)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    interleaved = f"platform: offscreen, runs: {args.runs} interleaved (median, min-max)"
    report(cached, sizes, f"{interleaved}; bytecode kept, as installed")
    if compiled is not None:
        print()
        report(compiled, sizes, f"{interleaved}; no bytecode kept (the app's modules compiled)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
