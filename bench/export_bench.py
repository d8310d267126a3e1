"""Benchmark (not a test): how long exporting a 60-item meeting takes.

Prints the in-process time to write .docx and .pdf (median of several runs) and the time
LibreOffice takes to convert the same .docx to PDF, with ratios measured in this one run.

    .venv/bin/python bench/export_bench.py [--items 60] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pcc_minutes.core.records import Action, Figure, FigurePoint  # noqa: E402
from pcc_minutes.documents.markdown import from_markdown  # noqa: E402
from pcc_minutes.documents.tree import ItemSection, MinutesDocument  # noqa: E402

NOTES = """The lead officer described progress since the last meeting and the risks ahead.
Response times improved from 78% to approximately 84–85% over the quarter.

### Points Raised:

- Staffing on the late shift is still thin – two posts are vacant.
  - Recruitment closes at the end of the month.
- The Commissioner asked for a breakdown by district.

The item closed with agreement to return to it in three months’ time.
"""


def sixty_items(count: int) -> MinutesDocument:
    items = [
        ItemSection(
            title=f"Performance Topic {n}",
            lead="Chief Constable",
            planned_minutes=5,
            blocks=from_markdown(NOTES),
            figures=[
                Figure(
                    "Response within target",
                    "%",
                    [FigurePoint("Q1", 78), FigurePoint("Q2", 84, True, 85)],
                )
            ],
            actions=[Action(f"Report back on topic {n}", "Chief Constable", date(2026, 1, 5))],
        )
        for n in range(1, count + 1)
    ]
    return MinutesDocument(
        title="Accountability and Performance Meeting",
        organisation="Police and Crime Commissioner and Chief Constable",
        date=date(2025, 12, 11),
        start=clock(10),
        end=clock(15),
        venue="Force Headquarters",
        marking="OFFICIAL",
        opening=from_markdown("A long meeting to measure exports with."),
        items=items,
    )


def timed(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    doc = sixty_items(args.items)
    from pcc_minutes.documents.writers.docx import render_docx
    from pcc_minutes.documents.writers.pdf import render_pdf

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        docx_s = timed(lambda: render_docx(doc, out / "m.docx"), args.runs)
        pdf_s = timed(lambda: render_pdf(doc, out / "m.pdf"), args.runs)
        print(f"items: {args.items}, runs: {args.runs} (median)")
        print(f"docx in process: {docx_s * 1000:8.1f} ms")
        print(f"pdf  in process: {pdf_s * 1000:8.1f} ms")
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if not office:
            print("LibreOffice not installed: no conversion time")
            return 0
        profile = (out / "profile").as_uri()
        convert = [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out / "lo"),
            str(out / "m.docx"),
        ]
        subprocess.run(convert, check=True, capture_output=True)  # first run makes the profile
        lo_s = timed(lambda: subprocess.run(convert, check=True, capture_output=True), args.runs)
        print(f"LibreOffice docx->pdf: {lo_s * 1000:8.1f} ms")
        print(f"ratio LibreOffice / our pdf: {lo_s / pdf_s:6.1f}x")
        print(f"ratio LibreOffice / our docx: {lo_s / docx_s:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
