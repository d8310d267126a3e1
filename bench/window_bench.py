"""Benchmark (not a test): the window's response with 2 / 1,000 / 10,000 meetings stored.

For each size a fresh process opens ``MainWindow`` offscreen on a generated database
(``bench/generate.py``), shows it, opens the big meeting and measures, each call followed
by ``QApplication.processEvents()``:

- live-mode item step: ``step_item(+1)`` / ``step_item(-1)`` after ``toggle_live(True)``;
- the meetings filter, one keystroke at a time (``setText`` with the text growing);
- opening another item: ``show_item(other_id)``.

It also counts calls to ``window.meetings.reload`` / ``refresh`` made during the live steps
(the meetings browser should not be touched by a step). Prints a table; asserts nothing.

    .venv/bin/python bench/window_bench.py [--sizes 2,1000,10000] [--words 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

FILTER_TEXT = "accountability 2019"


def ms(seconds: float) -> float:
    return seconds * 1000


def measure(meetings: int, words: int, steps: int) -> dict:
    """Runs in the child process: one window, one database."""
    import generate

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        db, big_id = generate.fresh_copy(meetings, words, folder)
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        app.setOrganizationName("pcc-minutes-bench")
        from pcc_minutes.store.database import open_store
        from pcc_minutes.ui.window import MainWindow

        store = open_store(db)
        started = time.perf_counter()
        window = MainWindow(store)
        window.show()
        app.processEvents()
        built = time.perf_counter() - started
        started = time.perf_counter()
        window.open_meeting(big_id)
        app.processEvents()
        opened = time.perf_counter() - started
        for _ in range(20):  # let the spelling dictionary and first timers settle
            time.sleep(0.02)
            app.processEvents()

        calls = {"reload": 0, "refresh": 0}

        def counting(name: str):
            original = getattr(window.meetings, name)

            def wrapper(*args, **kwargs):
                calls[name] += 1
                return original(*args, **kwargs)

            return wrapper

        window.meetings.reload = counting("reload")
        window.meetings.refresh = counting("refresh")

        # (a) live-mode item steps
        window.toggle_live(force=True)
        app.processEvents()
        calls.update(reload=0, refresh=0)
        count = len(window.view.items)
        step_times = []
        direction = +1
        position = 0
        for _ in range(steps):
            if not 0 <= position + direction < count:
                direction = -direction
            started = time.perf_counter()
            window.step_item(direction)
            app.processEvents()
            step_times.append(time.perf_counter() - started)
            position += direction
        live_calls = dict(calls)
        window.toggle_live(force=False)
        app.processEvents()

        # (b) the meetings filter, per keystroke
        window.meetings_dock.show()
        edit = window.meetings.filter_edit
        filter_times = []
        for end in range(1, len(FILTER_TEXT) + 1):
            started = time.perf_counter()
            edit.setText(FILTER_TEXT[:end])
            app.processEvents()
            filter_times.append(time.perf_counter() - started)
        shown_after = window.meetings.count()
        started = time.perf_counter()
        edit.clear()
        app.processEvents()
        clear_time = time.perf_counter() - started

        # (c) opening another item (the first visit builds its document, later ones reuse it)
        ids = [item.id for item in window.view.items]
        first_visits = []
        revisits = []
        seen = {window.item_id}
        for round_ in range(4):
            for item_id in ids[1:] + ids[:1]:
                started = time.perf_counter()
                window.show_item(item_id)
                app.processEvents()
                took = time.perf_counter() - started
                if round_ == 0 and item_id not in seen:
                    first_visits.append(took)
                else:
                    revisits.append(took)
                seen.add(item_id)
        window.close()
        app.processEvents()
        store.close()
    return {
        "meetings": meetings,
        "window_ms": ms(built),
        "open_ms": ms(opened),
        "step_median": ms(statistics.median(step_times)),
        "step_max": ms(max(step_times)),
        "steps": len(step_times),
        "live_reload": live_calls["reload"],
        "live_refresh": live_calls["refresh"],
        "filter_median": ms(statistics.median(filter_times)),
        "filter_max": ms(max(filter_times)),
        "filter_keys": len(filter_times),
        "filter_shown": shown_after,
        "filter_clear": ms(clear_time),
        "item_first_median": ms(statistics.median(first_visits)) if first_visits else 0.0,
        "item_median": ms(statistics.median(revisits)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,1000,10000")
    parser.add_argument("--words", type=int, default=2000, help="words in the big meeting")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.words, args.steps)))
        return 0

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    import generate

    sizes = [int(size) for size in args.sizes.split(",")]
    for size in sizes:
        generate.cached_database(size, args.words)  # build outside the timed processes
    from child import run_child

    PLATFORM = os.environ.get("QT_QPA_PLATFORM", "offscreen")  # noqa: N806 - as printed

    rows = [
        run_child(
            __file__, [str(size), "--words", str(args.words), "--steps", str(args.steps)], 900
        )
        for size in sizes
    ]
    print(
        f"platform: {PLATFORM}; big meeting: 6 items, {args.words} words in "
        f"the first; times in ms, each including processEvents()"
    )
    header = (
        f"{'meetings':>9} {'window':>7} {'open':>7} | {'live step':>9} {'max':>7} "
        f"{'browser calls':>13} | {'filter key':>10} {'max':>7} | "
        f"{'item open':>9} {'1st open':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        touched = f"{row['live_reload']}r/{row['live_refresh']}f"
        print(
            f"{row['meetings']:>9,} {row['window_ms']:>7.1f} {row['open_ms']:>7.1f} | "
            f"{row['step_median']:>9.2f} {row['step_max']:>7.2f} {touched:>13} | "
            f"{row['filter_median']:>10.2f} {row['filter_max']:>7.2f} | "
            f"{row['item_median']:>9.2f} {row['item_first_median']:>8.2f}"
        )
    print(
        "window: MainWindow() + show; open: open_meeting(big); live step: median/max over "
        f"{rows[0]['steps']} steps; browser calls: meetings.reload (r) / refresh (f) during "
        "the live steps; filter key: per character of "
        f"{FILTER_TEXT!r}; item open: show_item median (revisits), 1st open: first visits"
    )
    for row in rows:
        touched = row["live_reload"] + row["live_refresh"]
        print(
            f"{row['meetings']:,} meetings: live steps touched the meetings browser "
            f"{'NO' if touched == 0 else f'YES ({touched} calls)'}; filter shows "
            f"{row['filter_shown']} meetings; clearing it took {row['filter_clear']:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
