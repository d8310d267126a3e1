"""Live steps as visits: what a step costs once a meeting has many visits behind it.

For meetings whose items already hold 0, 100 and 1,000 visits in all, measures the stored
step (``ops.enter_item``, the worker thread's write, with its fsync) and the window's own
rule (``core.live.entering`` on the meeting record, what the UI thread runs before it paints),
and prints medians and the ratio to the meeting with no visits. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from pcc_minutes import operations as ops
from pcc_minutes.core.live import entering
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.store.database import open_store


def measure(prior: int, steps: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        try:
            template = builtin_templates()[0]
            meeting_id = ops.create_from_template(store, template, date(2026, 1, 15)).value
            ids = [item.id for item in ops.load_meeting(store, meeting_id).items]
            now = datetime(2026, 1, 15, 10, 30)
            for n in range(prior):  # back and forth between the items
                ops.enter_item(store, meeting_id, ids[n % len(ids)], now)
                now += timedelta(seconds=40)
            stored, shown = [], []
            view = ops.load_meeting(store, meeting_id)
            for n in range(steps):
                target = ids[(prior + n) % len(ids)]
                started = time.perf_counter()
                view = entering(view, target, now)
                shown.append(time.perf_counter() - started)
                started = time.perf_counter()
                ops.enter_item(store, meeting_id, target, now)
                stored.append(time.perf_counter() - started)
                now += timedelta(seconds=40)
            return statistics.median(stored) * 1000, statistics.median(shown) * 1000
        finally:
            store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prior", default="0,100,1000", help="visits already in the meeting")
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    rows = [(int(p), *measure(int(p), args.steps)) for p in args.prior.split(",")]
    base_stored, base_shown = rows[0][1], rows[0][2]
    print(
        f"{'visits before':>13} | {'stored step ms':>14} {'ratio':>6} | "
        f"{'window rule ms':>14} {'ratio':>6}"
    )
    for prior, stored, shown in rows:
        print(
            f"{prior:>13,} | {stored:>14.2f} {stored / base_stored:>6.2f} | "
            f"{shown:>14.3f} {shown / base_shown:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
