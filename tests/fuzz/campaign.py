"""A longer fuzz campaign than the test run: thousands of cases, a table, kept reproducers.

    nice -n 19 .venv/bin/python -m tests.fuzz.campaign --cases 3000 --findings DIR

Every case goes through the same checks as the suite (``harness.check_import`` and
``check_template``); nothing stops at the first failure. Each case's outcome is appended to
``DIR/cases.jsonl`` as it finishes (so an interrupted campaign still counts), failures are
grouped by what went wrong (and, for exit 1, where: the innermost frame of the ``--debug``
traceback), and for each distinct failure the input is shrunk (lines, then paragraphs of a
Word body) while it still fails the same way and kept as ``DIR/<failure>/minimal.*``. The
end prints the table "fault class → cases → outcomes" and one line per distinct failure
with the command that reproduces it.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

from tests.conftest import realworld_files, seed_files
from tests.fuzz import mutations
from tests.fuzz.harness import (
    Verdict,
    check_import,
    check_template,
    make_template_db,
    run_cli,
    summary,
)
from tests.fuzz.inputs import HAND_TEMPLATES, template_files, text_files

TEMPLATE_SUFFIX = ".pcctemplate.json"


@dataclass
class Case:
    fault: str
    name: str
    data: bytes
    suffix: str
    kind: str = "import"  # or "template"


def _word_cases(fault: str, count: int, seed: int) -> Iterator[Case]:
    sources = realworld_files()
    for number in range(count):
        rng = random.Random(f"{seed}/{fault}/{number}")
        source = rng.choice(sources)
        mutation = mutations.pick(mutations.WORD_CLASSES, fault, rng)
        try:
            data = mutation(source.read_bytes(), rng)
        except Exception as exc:  # a mutation that does not apply to this file
            data = source.read_bytes()
            print(f"  ({mutation.__name__} on {source.name}: {type(exc).__name__}; unmutated)")
        yield Case(fault, f"{fault}/{number}/{mutation.__name__}/{source.stem}", data, ".docx")


def _text_cases(fault: str, count: int, seed: int) -> Iterator[Case]:
    sources = seed_files()
    for number in range(count):
        rng = random.Random(f"{seed}/{fault}/{number}")
        source = rng.choice(sources)
        mutation = mutations.pick(mutations.TEXT_CLASSES, fault, rng)
        data = mutation(source.read_bytes(), rng)
        yield Case(fault, f"{fault}/{number}/{mutation.__name__}/{source.stem}", data, ".txt")


def _generated(strategy, count: int, seed: int, make: Callable[[object], Case]) -> list[Case]:
    """``count`` examples of a Hypothesis strategy, drawn without shrinking or stopping."""
    drawn: list[Case] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(value=strategy)
    def collect(value) -> None:
        drawn.append(make(value))

    collect._hypothesis_internal_use_seed = seed  # a fixed seed: the same cases again
    collect()
    return drawn


def plan(total: int, seed: int, only: set[str] | None) -> Iterator[Case]:
    """About ``total`` cases shared among the fault classes (Word files weigh the most)."""
    weights = {fault: 3 for fault in mutations.WORD_CLASSES}
    weights.update({"sizes": 1, "nesting": 1})  # slow or few distinct variants
    weights.update({"text-bytes": 2, "text-shape": 2, "text-generated": 4})
    weights.update({"template-generated": 3})
    share = total / sum(weights.values())
    counts = {fault: max(1, round(share * w)) for fault, w in weights.items()}

    def wanted(fault: str) -> bool:
        return only is None or fault in only

    if wanted("template-hand"):
        for name, value in HAND_TEMPLATES.items():
            data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
            yield Case("template-hand", f"template-hand/{name}", data, TEMPLATE_SUFFIX, "template")
    if wanted("template-generated"):
        yield from _generated(
            template_files(),
            counts["template-generated"],
            seed,
            lambda data: Case(
                "template-generated", "template-generated", data, TEMPLATE_SUFFIX, "template"
            ),
        )
    if wanted("text-generated"):
        yield from _generated(
            text_files(),
            counts["text-generated"],
            seed,
            lambda f: Case(
                "text-generated", f"text-generated/{f.encoding}", f.data, f.suffix or ".txt"
            ),
        )
    for fault in mutations.TEXT_CLASSES:
        if wanted(fault) and seed_files():
            yield from _text_cases(fault, counts[fault], seed)
    for fault in mutations.WORD_CLASSES:
        if wanted(fault) and realworld_files():
            yield from _word_cases(fault, counts[fault], seed)


# --- running and grouping --------------------------------------------------------------------


def run_case(case: Case, template_db: Path) -> Verdict:
    with tempfile.TemporaryDirectory(prefix="fuzz-campaign-") as folder:
        path = Path(folder) / f"input{case.suffix}"
        path.write_bytes(case.data)
        check = check_template if case.kind == "template" else check_import
        verdict = check(path, Path(folder) / "case", template_db)
        if not verdict.ok:
            verdict.problems += where(verdict)
        return verdict


def where(verdict: Verdict) -> list[str]:
    """Where a failure was raised: for an exception that escaped, its innermost frame; for an
    exit 1, the innermost frame of the same command run again with ``--debug``."""
    for run in verdict.runs:
        if run.escaped and run.at:
            return [f"at {run.at}"]
    failing = next((r for r in verdict.runs if r.code == 1 and r.argv[:1] != ["(template)"]), None)
    if failing is None:
        return []
    again = run_cli("--debug", *failing.argv)
    return [f"at {again.at}"] if again.at else []


def signature(verdict: Verdict) -> str:
    """What went wrong, without the details that differ from case to case."""
    kinds = sorted({re.sub(r"\d+", "N", p) for p in verdict.problems})
    return "; ".join(kinds)


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text).strip("-")[:90]


# --- shrinking a failing input ---------------------------------------------------------------


def _ddmin(pieces: list[bytes], join: Callable[[list[bytes]], bytes | None], fails, budget: int):
    """Drop chunks of ``pieces`` while ``fails(join(kept))`` holds, halving the chunk size."""
    tries = 0
    chunk = max(1, len(pieces) // 2)
    while chunk >= 1 and tries < budget and len(pieces) > 1:
        i, progressed = 0, False
        while i < len(pieces) and tries < budget:
            trial = pieces[:i] + pieces[i + chunk :]
            data = join(trial) if trial else None
            tries += 1
            if data is not None and fails(data):
                pieces, progressed = trial, True
            else:
                i += chunk
        if not progressed:
            chunk //= 2
    return pieces


def shrink(case: Case, template_db: Path, wanted: str, budget: int = 40) -> bytes:
    def fails(data: bytes) -> bool:
        trial = Case(case.fault, case.name, data, case.suffix, case.kind)
        verdict = run_case(trial, template_db)
        return not verdict.ok and signature(verdict) == wanted

    data = case.data
    if data.startswith(b"PK"):
        try:
            parts = mutations.entries(data)
        except Exception:
            return data
        names = [i.filename for i, _ in parts]
        body = dict((i.filename, p) for i, p in parts).get(mutations.DOCUMENT)
        if body is None or names.count(mutations.DOCUMENT) != 1:
            return data
        match = re.search(rb"(<w:body>)(.*)(<w:sectPr.*</w:body>|</w:body>)", body, re.S)
        if not match:
            return data
        paragraphs = re.findall(rb"<w:(?:p|tbl)[ >].*?</w:(?:p|tbl)>|<w:p/>", match.group(2), re.S)

        def join(kept: list[bytes]) -> bytes:
            new_body = body[: match.start(2)] + b"".join(kept) + body[match.end(2) :]
            return _rebuild(parts, new_body)

        kept = _ddmin(paragraphs, join, fails, budget)
        return join(kept) if kept != paragraphs else data
    lines = data.split(b"\n")
    kept = _ddmin(lines, lambda k: b"\n".join(k), fails, budget)
    return b"\n".join(kept)


def _rebuild(parts: list[tuple[zipfile.ZipInfo, bytes]], body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, payload in parts:
            archive.writestr(
                info.filename, body if info.filename == mutations.DOCUMENT else payload
            )
    return buffer.getvalue()


# --- the campaign ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.campaign")
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=0, help="stop after this long")
    parser.add_argument("--only", action="append", help="fault classes to run")
    parser.add_argument(
        "--findings", type=Path, default=Path(tempfile.gettempdir()) / "fuzz-findings"
    )
    parser.add_argument("--no-shrink", action="store_true")
    args = parser.parse_args(argv)
    findings: Path = args.findings
    findings.mkdir(parents=True, exist_ok=True)
    log = (findings / f"cases-{args.seed}.jsonl").open("a", encoding="utf-8")
    template_db = make_template_db(Path(tempfile.mkdtemp(prefix="fuzz-campaign-db-")))
    started = time.monotonic()
    by_class: dict[str, list[Verdict]] = {}
    first: dict[str, tuple[Case, Verdict]] = {}
    for count, case in enumerate(
        plan(args.cases, args.seed, set(args.only) if args.only else None), 1
    ):
        if args.minutes and time.monotonic() - started > args.minutes * 60:
            print(f"time is up after {count - 1} cases")
            break
        t0 = time.perf_counter()
        verdict = run_case(case, template_db)
        by_class.setdefault(case.fault, []).append(verdict)
        record = {
            "fault": case.fault,
            "name": case.name,
            "outcome": verdict.outcome,
            "problems": verdict.problems,
            "seconds": round(time.perf_counter() - t0, 2),
            "bytes": len(case.data),
        }
        log.write(json.dumps(record, ensure_ascii=False) + "\n")
        log.flush()
        if not verdict.ok:
            sig = signature(verdict)
            if sig not in first or len(case.data) < len(first[sig][0].data):
                first[sig] = (case, verdict)
            print(f"[{count}] {case.name}: {sig}", flush=True)
        elif count % 100 == 0:
            print(f"[{count}] {time.monotonic() - started:.0f}s", flush=True)
    print("\nfault class → cases tried → outcomes")
    for fault, verdicts in by_class.items():
        print(f"  {fault}: {summary(verdicts)}")
    print(f"\n{len(first)} distinct failures:")
    for sig, (case, verdict) in sorted(first.items()):
        folder = findings / slug(sig)
        folder.mkdir(exist_ok=True)
        (folder / f"example{case.suffix}").write_bytes(case.data)
        small = case.data if args.no_shrink else shrink(case, template_db, sig)
        minimal = folder / f"minimal{case.suffix}"
        minimal.write_bytes(small)
        (folder / "what.txt").write_text(
            f"{case.name}\n{sig}\n\n{verdict.explain()}\n", encoding="utf-8"
        )
        print(
            f"- {sig}\n    {case.fault}: {case.name}; "
            f"{len(case.data)} → {len(small)} bytes: {minimal}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
