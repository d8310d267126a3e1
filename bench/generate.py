"""Benchmark helper (not a test): a database of N meetings built through the app's operations.

    .venv/bin/python bench/generate.py --meetings 10000 --words 20000 OUT.sqlite3

Meetings are imported with ``ops.import_documents`` (as the demo and the importers do), 500
documents per call: several series, dates spread over ten years, about six items each with
notes, a few figures and actions. One extra "big" meeting, the newest (so the window opens
on it) and imported first (so its id is 1), has W words of notes in its first item.

Generated files are cached in the system temp folder (``<tmp>/pcc-bench``) by (N, W), so a
second run is a copy. The other benches call ``cached_database(meetings, words)``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pcc_minutes import operations as ops  # noqa: E402
from pcc_minutes.core.records import Action, Figure, FigurePoint, Person  # noqa: E402
from pcc_minutes.documents.markdown import from_markdown  # noqa: E402
from pcc_minutes.documents.tree import ItemSection, MinutesDocument  # noqa: E402
from pcc_minutes.store.database import open_store  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "pcc-bench"
BATCH = 500
VERSION = 1  # bump when the generated content changes, so stale caches are not reused

SERIES = [
    ("Accountability and Performance Meeting", "Police and Crime Commissioner"),
    ("Joint Audit Committee", "Police and Crime Commissioner and Chief Constable"),
    ("Police and Crime Panel", "County Council"),
    ("Ethics Committee", "Office of the Police and Crime Commissioner"),
    ("Strategic Governance Board", "Police and Crime Commissioner"),
    ("Victims Services Board", "Office of the Police and Crime Commissioner"),
]
TOPICS = [
    "Crime Recording Standards",
    "Firearms Licensing",
    "Out of Court Resolutions",
    "Domestic Abuse",
    "Rural Crime",
    "Call Handling",
    "Workforce and Wellbeing",
    "Budget Monitoring",
    "Stop and Search",
    "Road Safety",
    "Neighbourhood Policing",
    "Complaints and Conduct",
]
LEADS = ["Chief Constable", "Deputy Chief Constable", "Chief Executive, OPCC", "Chief Finance"]
NOTE_TEXTS = [
    "The lead officer described progress since the last meeting and the risks ahead. "
    "Response times improved from 78% to approximately 84–85% over the quarter.\n\n"
    "### Points Raised:\n\n"
    "- Staffing on the late shift is still thin – two posts are vacant.\n"
    "  - Recruitment closes at the end of the month.\n"
    "- The Commissioner asked for a breakdown by district.\n\n"
    "The item closed with agreement to return to it in three months’ time.\n",
    "- Outstanding renewals came down from 1,200 to 800 over the year.\n"
    "- An extra 12–13 staff now work on local cases.\n",
    "So far this year 320 resolutions were given, 4% of all resolutions. The target is to "
    "reach 8%. The panel asked how the figure compares with similar forces.\n",
    "The report was noted. **Decision:** the board agreed the revised plan, with a review "
    "in *six months*.\n\n1. Publish the plan.\n2. Brief the districts.\n",
]
WORDS = (
    "the panel reviewed records and found that response times had improved across every "
    "district although staffing on the late shift remained thin and the commissioner asked "
    "for a breakdown of the figures by area before the next meeting of the board"
).split()


def cache_path(meetings: int, words: int) -> Path:
    return CACHE / f"v{VERSION}-meetings{meetings}-words{words}.sqlite3"


def big_notes(words: int) -> str:
    """About ``words`` words: paragraphs of ~80 words, with a short bullet list now and then."""
    if words <= 0:
        return ""
    parts: list[str] = []
    written = 0
    n = 0
    while written < words:
        count = min(80, words - written)
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(count))
        parts.append(text[0].upper() + text[1:] + ".")
        written += count
        n += 1
        if n % 5 == 0 and written < words:
            parts.append("- Figures were 78% against a target of 85%.\n- Two posts are vacant.")
            written += 12
    return "\n\n".join(parts) + "\n"


_BLOCKS = [from_markdown(text) for text in NOTE_TEXTS]
_PEOPLE = [
    Person("Alex Morgan", "Police and Crime Commissioner", "Chair"),
    Person("Sam Okafor", "Chief Constable"),
    Person("Priya Nair", "Chief Executive, OPCC"),
    Person("Tom Ellery", "Deputy Chief Constable", present=False),
]


def _document(n: int, day: date, first_blocks: list | None = None) -> MinutesDocument:
    title, organisation = SERIES[n % len(SERIES)]
    items = []
    for i in range(6):
        topic = TOPICS[(n + i) % len(TOPICS)]
        figures = []
        actions = []
        if i % 3 == 0:
            figures.append(
                Figure(
                    f"{topic} within target",
                    "%",
                    (FigurePoint("Q1", 70 + n % 20), FigurePoint("Q2", 75 + n % 20, True, 80)),
                    higher_is_better=True,
                )
            )
        if i % 2 == 0:
            actions.append(
                Action(f"Report back on {topic.lower()}", LEADS[i % 4], day + timedelta(28))
            )
        blocks = first_blocks if (i == 0 and first_blocks is not None) else _BLOCKS[(n + i) % 4]
        items.append(
            ItemSection(
                title=topic,
                lead=LEADS[(n + i) % len(LEADS)],
                planned_minutes=5 + 5 * (i % 3),
                blocks=blocks,
                figures=figures,
                actions=actions,
            )
        )
    return MinutesDocument(
        title=title,
        organisation=organisation,
        date=day,
        start=clock(10, 0),
        end=clock(12, 0),
        venue="Committee Room 2, Force Headquarters",
        chair="Alex Morgan",
        marking="OFFICIAL",
        opening=_BLOCKS[2],
        attendance=list(_PEOPLE),
        source_name="bench",
        items=items,
    )


def build(out: Path, meetings: int, words: int) -> int:
    """Write the database to ``out`` (which must not exist); returns the big meeting's id."""
    first_day = date(2015, 1, 5)
    span = 3650  # ten years of days
    others = max(0, meetings - 1)
    store = open_store(out)
    try:
        big_blocks = from_markdown(big_notes(words)) if words else []
        big = _document(0, first_day + timedelta(span + 1), big_blocks)
        big_id = ops.import_documents(store, [big]).value[0].id
        batch: list[MinutesDocument] = []
        for n in range(others):
            day = first_day + timedelta(days=(n * span) // max(1, others))
            batch.append(_document(n + 1, day))
            if len(batch) >= BATCH:
                ops.import_documents(store, batch)
                batch = []
        if batch:
            ops.import_documents(store, batch)
    finally:
        store.close()
    return big_id


def cached_database(meetings: int, words: int, *, quiet: bool = False) -> tuple[Path, int]:
    """The cached database for (meetings, words), built on first use; and the big meeting's id."""
    path = cache_path(meetings, words)
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, int(json.loads(meta.read_text())["big_meeting_id"])
    CACHE.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        partial = Path(folder) / "building.sqlite3"
        big_id = build(partial, meetings, words)
        for extra in ("-wal", "-shm"):
            if Path(str(partial) + extra).exists():
                raise SystemExit(f"unexpected {extra} file left beside {partial}")
        os.replace(partial, path)
    meta.write_text(json.dumps({"meetings": meetings, "words": words, "big_meeting_id": big_id}))
    if not quiet:
        took = time.perf_counter() - started
        print(f"generated {meetings} meetings, {words} words in {took:.1f} s -> {path}")
    return path, big_id


def fresh_copy(meetings: int, words: int, folder: str | Path) -> tuple[Path, int]:
    """A copy of the cached database in ``folder`` (benches write to it; the cache stays)."""
    path, big_id = cached_database(meetings, words)
    target = Path(folder) / f"bench-{meetings}-{words}.sqlite3"
    shutil.copyfile(path, target)
    return target, big_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--words", type=int, default=0, help="words in the big meeting's item")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("out", type=Path, metavar="OUT.sqlite3")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.out.exists() and not args.force:
        parser.error(f"{args.out} exists (use --force to overwrite)")
    started = time.perf_counter()
    path, big_id = cached_database(args.meetings, args.words)
    shutil.copyfile(path, args.out)
    took = time.perf_counter() - started
    print(f"{args.out}: {args.meetings} meetings; big meeting id {big_id}; {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
