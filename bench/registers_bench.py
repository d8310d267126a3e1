"""Benchmark (not a test): the series' registers at 1,000 and 10,000 meetings — the action and
decision lists the operations give, and opening the Action Log and Decision Register views.

    .venv/bin/python bench/registers_bench.py [--meetings 1000 10000] [--runs 20]

Databases come from ``bench/generate.py`` (built through the app's operations and cached):
about six items a meeting, three actions each, all open. On a copy, through the operations,
a decision is added to one meeting in five, and the largest series gets three meetings made
from the last one (so its open actions are carried, and two updates are said on them: one
closed, one dropped). Then, per size, p50/p95 of:

- ``list_actions(series=…)``, ``list_actions(open_only=True)`` (every series, as
  ``pcc-minutes actions --open``), ``list_actions(meeting_id=…)`` of the last meeting made,
  ``list_decisions(series=…)``;
- opening each register view (``ui.registers``, offscreen): from asking to the table filled,
  and the longest the GUI thread was busy in that time (reading is on a worker thread).

Target: each under ~50 ms at 10,000 meetings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import SERIES, fresh_copy  # noqa: E402
from pcc_minutes import operations as ops  # noqa: E402
from pcc_minutes.store.database import open_store  # noqa: E402

SERIES_NAME = SERIES[0][0]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def prepare(store) -> int:
    """Decisions in one meeting in five; three meetings made from the last of the first
    series, with updates said on two carried actions. The last meeting made's id."""
    meetings = ops.list_meetings(store)
    started = time.perf_counter()
    for n, summary in enumerate(meetings):
        if n % 5:
            continue
        item = ops.load_meeting(store, summary.id).items[1]
        ops.add_decision(store, item.id, f"The board agreed the {item.title.lower()} plan {n}.")
    series = [m for m in meetings if m.series == SERIES_NAME]
    last = max(series, key=lambda m: (m.date or date.min, m.id)).id
    for month in (1, 2, 3):
        last = ops.create_from_last(store, last, date(2026, month, 15)).value
    carried = [c for i in ops.load_meeting(store, last).items for c in i.carried]
    if len(carried) >= 2:
        ops.update_action(store, carried[0].action.id, "Done.", "done", meeting_id=last)
        ops.update_action(store, carried[1].action.id, "No longer needed.", "dropped", last)
    took = time.perf_counter() - started
    print(
        f"  prepared: {len(meetings) // 5} decisions, {len(carried)} actions carried ({took:.0f} s)"
    )
    return last


def timed(call, runs: int) -> tuple[list[float], object]:
    result = call()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def report(name: str, times: list[float], count: int) -> None:
    print(f"  {name:44} {count:6} rows  p50 {pct(times, 50):7.1f} ms  p95 {pct(times, 95):7.1f} ms")


def bench_views(store, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from pcc_minutes.ui import registers

    app = QApplication.instance() or QApplication([])
    for kind in ("actions", "decisions"):
        view = registers.open_view(store, kind, SERIES_NAME)
        busy: list[float] = []
        fill = view._fill

        def measured_fill(result, fill=fill, busy=busy):
            started = time.perf_counter()
            fill(result)
            busy.append((time.perf_counter() - started) * 1000)

        view._fill = measured_fill  # the relay calls the view's _fill when a read is done
        totals = []
        for n in range(runs + 1):
            started = time.perf_counter()
            view.reload()
            while view.loading:
                app.processEvents()
                time.sleep(0.0005)
            if n:  # the first is the warm-up
                totals.append((time.perf_counter() - started) * 1000)
        rows = view.row_count()
        report(f"open the {view.windowTitle()} view", totals, rows)
        report("  of which the GUI thread was busy", busy[1:], rows)
        view.close()
        view.deleteLater()
        app.processEvents()


def bench(meetings: int, runs: int, folder: str) -> None:
    path, _big = fresh_copy(meetings, 0, folder)
    store = open_store(path)
    try:
        print(f"\n{meetings} meetings ({path.stat().st_size / 1e6:.0f} MB)")
        last = prepare(store)
        for name, call in (
            ("list_actions(series)", lambda: ops.list_actions(store, series=SERIES_NAME)),
            ("list_actions(open, every series)", lambda: ops.list_actions(store, open_only=True)),
            ("list_actions(meeting) of a carrying one", lambda: ops.list_actions(store, last)),
            ("list_decisions(series)", lambda: ops.list_decisions(store, series=SERIES_NAME)),
        ):
            times, result = timed(call, runs)
            report(name, times, len(result))  # type: ignore[arg-type]
        bench_views(store, runs)
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-views", action="store_true", help="only the operations")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.no_views:
        global bench_views
        bench_views = lambda store, runs: None  # noqa: E731
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("target: each under ~50 ms at 10,000 meetings")
    with tempfile.TemporaryDirectory() as folder:
        for meetings in args.meetings:
            bench(meetings, args.runs, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
