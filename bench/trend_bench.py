"""Benchmark (not a test): opening an indicator's trend when a series has 120 meetings.

Builds a database in a temporary folder through the operations (120 monthly meetings of one
series imported, each item reporting the same few indicators: this month's value, and the
last month's again, sometimes a little different), then prints the in-process time of
``indicator_trend`` for each indicator (median and 95th percentile over the runs), of
``list_indicators``, of ``item_trends`` for the newest meeting, and of ``indicator_hints``.
Target: opening a trend with 120 meetings of points in at most 50 ms.

    .venv/bin/python bench/trend_bench.py [--meetings 120] [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pcc_minutes import operations as ops  # noqa: E402
from pcc_minutes.core.records import Figure, FigurePoint  # noqa: E402
from pcc_minutes.documents.tree import ItemSection, MinutesDocument  # noqa: E402
from pcc_minutes.store.database import open_store  # noqa: E402

MEASURES = (
    ("Outstanding licence renewals", "count", False, 1200),
    ("Calls answered within ten seconds", "%", True, 80),
    ("Overtime spend", "£", False, 250000),
    ("Stop and search disparity", "ratio", False, 3),
)


def _month(n: int) -> date:
    return date(2016 + n // 12, n % 12 + 1, 1)


def _document(n: int) -> MinutesDocument:
    day = _month(n).replace(day=10)
    items = []
    for i, (label, unit, better, base) in enumerate(MEASURES):
        this, last = _month(n), _month(n - 1)
        value = base * (1 + ((n * 7 + i) % 13) / 50)
        earlier = base * (1 + ((n * 7 + i - 7) % 13) / 50) + (1 if n % 5 == 0 else 0)
        points = (FigurePoint(f"{last:%B %Y}", round(earlier, 1)),) if n else ()
        points += (FigurePoint(f"{this:%B %Y}", round(value, 1)),)
        # The label varies a little, as minutes do.
        worded = f"The {label.lower()}" if n % 2 else label
        figure = Figure(worded, unit, points, higher_is_better=better)
        items.append(ItemSection(title=f"Performance {i + 1}", figures=[figure]))
    return MinutesDocument(
        title="Accountability and Performance Meeting (bench)", date=day, items=items
    )


def _times(action, runs: int) -> tuple[float, float]:
    action()  # warm-up
    taken = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        taken.append((time.perf_counter() - start) * 1000)
    taken.sort()
    return statistics.median(taken), taken[min(len(taken) - 1, int(len(taken) * 0.95))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=120)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "trends.sqlite3")
        try:
            start = time.perf_counter()
            summaries = ops.import_documents(store, [_document(n) for n in range(args.meetings)])
            built = time.perf_counter() - start
            newest = summaries.value[-1].id
            indicators = ops.list_indicators(store)
            print(f"{args.meetings} meetings, {len(indicators)} indicators, built in {built:.1f} s")
            for indicator in indicators:
                p50, p95 = _times(lambda i=indicator.id: ops.indicator_trend(store, i), args.runs)
                trend = ops.indicator_trend(store, indicator.id)
                print(
                    f"indicator_trend  {indicator.label[:36]:36}  {len(trend.points):4} points  "
                    f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  (target <= 50 ms)"
                )
            for name, action in (
                ("list_indicators", lambda: ops.list_indicators(store)),
                ("item_trends (newest meeting)", lambda: ops.item_trends(store, newest)),
                (
                    "indicator_hints",
                    lambda: ops.indicator_hints(
                        store, newest, "Licence renewals and overtime spend were discussed."
                    ),
                ),
            ):
                p50, p95 = _times(action, args.runs)
                print(f"{name:30}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
