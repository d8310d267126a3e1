"""Benchmark (not a test): how long exporting a meeting of 10 / 60 / 240 items takes.

For each size it prints the in-process time to write .docx and .pdf (median of several
runs, after a warm-up), the time LibreOffice takes to convert our own .docx to PDF, and
the whole-process time of ``python -m pcc_minutes export`` (start-up included) for both
formats. Then the PDF of one item holding a single 10 KB paragraph against one holding a
single 300 KB paragraph, with their ratio (the text is 30 times longer; the target is at
most 30 times the time).

Every item carries one figure, printed as a table: the minutes printed every figure that way
when this bench was written. Where the figures' tables are an export option (``show_figures``,
``export --figures``), the bench asks for them, in process and on the command line alike, so
that it measures the same minutes, and LibreOffice converts a .docx of the same content.

Every export runs in a child process with a time limit: one taking over ``--limit`` seconds
(120) is stopped and reported as "over 120 s". Ratios are from this one run.

    .venv/bin/python bench/export_bench.py [--items 10,60,240] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import queue
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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
SENTENCE = (
    "The panel reviewed the records of the quarter and found that response times had "
    "improved from 78% to approximately 84% across every district. "
)
OVER = "over"
# The fastest of each measurement's runs, by (kind, size): on a machine busy with other work
# the median of a few runs swings with the load of the moment, the fastest much less.
BEST: dict[tuple[str, int], float] = {}
# The median CPU time (user and system) of each measurement's runs: what the work itself
# costs, whatever else the cores were doing (LibreOffice runs several threads, so on a busy
# machine it gets more of the cores than a one-threaded export does).
CPU: dict[tuple[str, int], float] = {}


def meeting(items: int, figures: bool = False) -> MinutesDocument:
    sections = [
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
        for n in range(1, items + 1)
    ]
    return _document(sections, figures)


def one_paragraph(kilobytes: int) -> MinutesDocument:
    """One item whose notes are a single paragraph of about ``kilobytes`` KB of text."""
    text = (SENTENCE * (kilobytes * 1024 // len(SENTENCE) + 1))[: kilobytes * 1024].strip()
    section = ItemSection(
        title="One Long Paragraph", lead="Chief Constable", blocks=from_markdown(text + "\n")
    )
    return _document([section])


def _document(sections: list[ItemSection], figures: bool = False) -> MinutesDocument:
    options = {"show_figures": True} if figures else {}
    return MinutesDocument(
        title="Accountability and Performance Meeting",
        organisation="Police and Crime Commissioner and Chief Constable",
        date=date(2025, 12, 11),
        start=clock(10),
        end=clock(15),
        venue="Force Headquarters",
        marking="OFFICIAL",
        opening=from_markdown("A long meeting to measure exports with."),
        items=sections,
        **options,
    )


def figure_tables_optional() -> bool:
    """Whether figures' tables are an export option (printed only when asked for), both in
    the minutes document and on the command line."""
    if "show_figures" not in MinutesDocument.__dataclass_fields__:
        return False
    shown = subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "export", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return "--figures" in shown.stdout


# --- the child: one kind of export, timed in process ----------------------------------------


def child(kind: str, size: int, runs: int, figures: bool) -> int:
    """Prints "ready" after a warm-up, then one line per export: seconds, and CPU seconds."""
    from pcc_minutes.documents.writers.docx import render_docx
    from pcc_minutes.documents.writers.pdf import render_pdf

    render = render_docx if kind == "docx" else render_pdf
    doc = one_paragraph(size) if kind == "pdf-paragraph" else meeting(size, figures)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"m.{'docx' if kind == 'docx' else 'pdf'}"
        render(meeting(2, figures), target)  # imports, fonts and templates load here, untimed
        print("ready", flush=True)
        for _ in range(runs):
            started, cpu = time.perf_counter(), time.process_time()
            render(doc, target)
            elapsed = time.perf_counter() - started
            print(f"{elapsed:.6f} {time.process_time() - cpu:.6f}", flush=True)
    return 0


# --- the parent -----------------------------------------------------------------------------


def _lines(process: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def in_process(kind: str, size: int, runs: int, limit: float, figures: bool) -> float | str:
    """The median of ``runs`` in-process exports, or OVER when one took over ``limit`` s."""
    command = [sys.executable, __file__, "--child", kind, "--size", str(size)]
    command += ["--figures"] if figures else []
    process = subprocess.Popen(
        command + ["--runs", str(runs)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    lines = _lines(process)
    samples: list[float] = []
    cpu: list[float] = []
    try:
        if lines.get(timeout=limit) != "ready":
            raise RuntimeError(f"{kind} {size}: the child failed before exporting")
        for _ in range(runs):
            try:
                line = lines.get(timeout=limit)
            except queue.Empty:
                return OVER
            if line is None:
                raise RuntimeError(f"{kind} {size}: the child failed")
            elapsed, used = line.split()
            samples.append(float(elapsed))
            cpu.append(float(used))
    finally:
        process.kill()
        process.wait()
    BEST[(kind, size)] = min(samples)
    CPU[(kind, size)] = statistics.median(cpu)
    return statistics.median(samples)


def _children_cpu() -> float:
    """CPU seconds (user and system) of all finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_process(
    command: list[str], runs: int, limit: float, env: dict, key: tuple[str, int] | None = None
) -> float | str:
    samples = []
    cpu = []
    for _ in range(runs):
        started, before = time.perf_counter(), _children_cpu()
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=limit, env=env)
        except subprocess.TimeoutExpired:
            return OVER
        samples.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - before)
    if key is not None:
        BEST[key] = min(samples)
        CPU[key] = statistics.median(cpu)
    return statistics.median(samples)


def shown(value: float | str | None, limit: float) -> str:
    if value is None:
        return "—"
    if value == OVER:
        return f"over {limit:.0f} s"
    return f"{value * 1000:.0f} ms"


def ratio(top: float | str | None, bottom: float | str | None) -> str:
    if isinstance(top, float) and isinstance(bottom, float):
        return f"{top / bottom:.1f}x"
    return "—"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="10,60,240")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=120, help="seconds for one export")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--figures", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.size, args.runs, args.figures)

    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    from pcc_minutes import operations as ops
    from pcc_minutes.store.database import open_store

    sizes = [int(size) for size in args.items.split(",")]
    figures = figure_tables_optional()
    print(f"figures' tables: {'asked for (--figures)' if figures else 'printed by default'}")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=folder)
        profile = (out / "profile").as_uri()
        warmed = False
        for size in sizes:
            db = out / f"m{size}.sqlite3"
            store = open_store(db)
            meeting_id = ops.import_documents(store, [meeting(size, figures)]).value[0].id
            store.close()
            row: dict[str, float | str | None] = {"items": size}
            row["docx"] = in_process("docx", size, args.runs, args.limit, figures)
            row["pdf"] = in_process("pdf", size, args.runs, args.limit, figures)
            cli = [sys.executable, "-m", "pcc_minutes", "--db", str(db), "export"]
            docx = out / f"m{size}.docx"
            for kind in ("docx", "pdf"):
                command = cli + [
                    str(meeting_id),
                    "--format",
                    kind,
                    "-o",
                    str(out / f"m{size}.{kind}"),
                    *(["--figures"] if figures else []),
                ]
                row[f"cli {kind}"] = whole_process(command, args.runs, args.limit, env)
            row["office"] = None
            if office and docx.exists():
                convert = [office, f"-env:UserInstallation={profile}", "--headless"]
                convert += ["--convert-to", "pdf", "--outdir", str(out / "lo"), str(docx)]
                if not warmed:  # the first run makes the profile
                    subprocess.run(convert, check=True, capture_output=True, timeout=300)
                    warmed = True
                row["office"] = whole_process(
                    convert, args.runs, args.limit, env, key=("office", size)
                )
            rows.append(row)
        paragraph = {
            kb: in_process("pdf-paragraph", kb, args.runs, args.limit, figures) for kb in (10, 300)
        }

    limit = args.limit
    print(f"runs: {args.runs} (median); each export limited to {limit:.0f} s")
    header = (
        f"{'items':>5} | {'docx':>10} {'pdf':>10} | {'LibreOffice':>11} {'LO/pdf':>7} "
        f"{'LO/docx':>7} | {'cli docx':>10} {'cli pdf':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['items']:>5} | {shown(row['docx'], limit):>10} {shown(row['pdf'], limit):>10} | "
            f"{shown(row['office'], limit):>11} {ratio(row['office'], row['pdf']):>7} "
            f"{ratio(row['office'], row['docx']):>7} | {shown(row['cli docx'], limit):>10} "
            f"{shown(row['cli pdf'], limit):>10}"
        )
    print(
        "docx/pdf: in process, after a warm-up; LibreOffice: soffice --headless --convert-to "
        "pdf of our .docx (whole process); cli: python -m pcc_minutes export (whole process)"
    )
    if not office:
        print("LibreOffice (soffice) not installed: no conversion times")
    for row in rows:
        if row["items"] == 60:
            best = ratio(BEST.get(("office", 60)), BEST.get(("pdf", 60)))
            print(
                f"PDF in process vs LibreOffice at 60 items: "
                f"{ratio(row['office'], row['pdf'])} faster by medians, {best} by fastest runs, "
                f"{ratio(CPU.get(('office', 60)), CPU.get(('pdf', 60)))} by CPU time "
                "(target >= 20x)"
            )
    small, large = paragraph[10], paragraph[300]
    print(
        f"PDF of one paragraph: 10 KB {shown(small, limit)}, 300 KB {shown(large, limit)}; "
        f"ratio {ratio(large, small)} (text 30x longer; target <= 30x)"
    )
    # Both exports and LibreOffice compete for the same cores: the load at the end says how
    # busy the machine was while they ran (the ratios are from this one run).
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
