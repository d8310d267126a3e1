"""Benchmark (not a test): search across 1,000 and 10,000 meetings, and what the index adds to
one item's notes save.

    .venv/bin/python bench/search_bench.py [--meetings 1000 10000] [--runs 20]

Databases come from ``bench/generate.py`` (built through the app's operations and cached; an
older cached file is migrated on opening, which fills its index, and an index numbered by an
earlier version is renumbered once, ``store.search.catch_up``: that time is printed too).
A few rare words are added to three meetings through the operations. Then, per size:

- search p50/p95 over a fixed set of queries (common and rare words, phrases, prefixes,
  exclusions, filters), each run ``--runs`` times, through ``ops.search`` (limit 50), with
  the number of matches each has (the newest ``store.search_rank.SCORED`` of them are
  ranked: all of them but for the few words as common as "report") and the CPU time
  of the p50 (the wall time also counts whatever else the machine is running);
- ``ops.save_item_notes`` of an item with 2,000 and 20,000 words of notes (a word changed each
  time, as typing does), with the index kept and with it switched off
  (``store.search.set_enabled``): p50 of each and the difference.

Targets: search p95 <= 20 ms at 10,000 meetings; <= 2 ms added per save of a normal item.
Matches are ranked by bm25 inside FTS5 (no join unless a series or date filter asks), at about
one microsecond a match; at most the newest 10,000 are scored, so that "report" (45,000 index
rows) costs what a word with 10,000 matches does. Compare the CPU column when the machine is
loaded: wall times then count the other processes' turns.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import big_notes, fresh_copy  # noqa: E402
from pcc_minutes import operations as ops  # noqa: E402
from pcc_minutes.store import search as index  # noqa: E402
from pcc_minutes.store.database import open_store  # noqa: E402

QUERIES = [
    "report",  # the commonest: every action and many notes (45,000 matches at 10,000 meetings)
    "staffing",  # common: in most meetings' notes
    "police",  # common: titles and attendees' roles
    "firearms licensing",  # two words, one topic
    '"late shift"',  # phrase
    '"response times improved"',  # longer phrase
    "recruit*",  # prefix
    "renewals -outstanding",  # exclusion
    "resolutions kind:notes",  # kind filter
    "report kind:action",  # actions only
    "budget from:2019-01-01 to:2019-12-31",  # dates
    'series:"Joint Audit Committee" road safety',  # series
    "SelectaDNA",  # rare
    "quad bikes",  # rare, two words
    "hedgerow*",  # rare prefix
    "nonexistentword",  # nothing
]
RARE = [
    ("Rural thefts", "Over 200 SelectaDNA kits went to farms; quad bikes were marked."),
    ("Hedgerows", "Hedgerow cutting season and wildlife crime."),
    ("Marking kits", "The SelectaDNA scheme will be extended."),
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def matches(store, query: str) -> int:
    """How many index rows the query's words match (before any filter)."""
    from pcc_minutes.core.search_query import parse
    from pcc_minutes.store.search_rank import render_fts5

    with store.transaction() as session:
        return (
            session.connection()
            .exec_driver_sql(
                "SELECT count(*) FROM search_text WHERE search_text MATCH ?",
                (render_fts5(parse(query)),),
            )
            .scalar()
        )


def add_rare_words(store, big_id: int) -> None:
    meetings = [m.id for m in ops.list_meetings(store)][:3]
    for mid, (title, notes) in zip(meetings, RARE, strict=False):
        item_id = ops.add_item(store, mid, title).value
        ops.save_item_notes(store, item_id, notes)


def save_times(store, item_id: int, words: int, runs: int) -> list[float]:
    text = big_notes(words)
    ops.save_item_notes(store, item_id, text)  # the starting point, not timed
    times = []
    for n in range(runs):
        changed = text + f"\nTyped word{n}\n"
        started = time.perf_counter()
        ops.save_item_notes(store, item_id, changed)
        times.append((time.perf_counter() - started) * 1000)
    return times


def bench(meetings: int, runs: int, folder: str) -> None:
    path, big_id = fresh_copy(meetings, 2000, folder)
    started = time.perf_counter()
    store = open_store(path).ready()  # migrated, its index filled or renumbered if older
    opened = time.perf_counter() - started
    try:
        print(
            f"\n{meetings} meetings ({path.stat().st_size / 1e6:.0f} MB): opened in {opened:.1f} s"
        )
        add_rare_words(store, big_id)
        all_times = []
        for query in QUERIES:
            ops.search(store, query)  # warm
            times, cpu = [], []
            for _ in range(runs):
                started, used = time.perf_counter(), time.process_time()
                hits = ops.search(store, query)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - used) * 1000)
            all_times += times
            print(
                f"  {query:46} {matches(store, query):6} matches {len(hits):3} hits"
                f"  p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms"
                f"  (CPU p50 {pct(cpu, 50):5.1f} ms)"
            )
        print(
            f"  all queries: p50 {pct(all_times, 50):.1f} ms, p95 {pct(all_times, 95):.1f} ms"
            " (target p95 <= 20 ms at 10,000 meetings)"
        )
        item_id = ops.load_meeting(store, big_id).items[0].id
        for words in (300, 2000, 20000):
            with_index = save_times(store, item_id, words, runs)
            index.set_enabled(False)
            try:
                without = save_times(store, item_id, words, runs)
            finally:
                index.set_enabled(True)
            ops.save_item_notes(store, item_id, big_notes(words))  # index right again
            a, b = pct(with_index, 50), pct(without, 50)
            print(
                f"  save_item_notes, {words:6} words: {a:6.2f} ms with the index, {b:6.2f} ms"
                f" without: +{a - b:.2f} ms (p95 {pct(with_index, 95):.2f} / "
                f"{pct(without, 95):.2f} ms)"
            )
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        for meetings in args.meetings:
            bench(meetings, args.runs, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
