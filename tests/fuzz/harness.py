"""One fuzz case through the real command line, judged against the promise of issue 8:

either the file is refused with exit status 2 and one clear sentence on stderr, the database
byte-identical and nothing new beside it; or it is imported (exit 0) and every meeting it
made exports as Markdown, Word and PDF (exit 0, and the files open again in python-docx and
pikepdf). Never exit 1, a traceback, a library's wording, a URL, a hang or a warning.

Commands run in-process through ``pcc_minutes.cli.main`` (fast enough for hundreds of cases)
under a time limit; ``run_subprocess`` runs ``python -m pcc_minutes`` for the few cases that
must prove the installed entry point behaves the same.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tests.conftest import ROOT
from tests.fuzz.budget import COMMAND_LIMIT
from tests.fuzz.mutations import SECRET_MARK

FORMATS = ("md", "docx", "pdf")
ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|cf|no|vs)\.", re.IGNORECASE)
URL = re.compile(r"(?:https?|file|ftp)://|www\.", re.IGNORECASE)
IMPORT_LINE = re.compile(r"^(\d+) (?:\d{4}-\d\d-\d\d|-) ")
LIBRARY_REPR = re.compile(r"\w*(?:Error|Exception|Warning)\(")


class CaseTimeout(BaseException):
    """Raised by the alarm inside a command that ran too long (not an Exception, so the
    command line's own catch-all cannot swallow it)."""


@dataclass
class Run:
    """What one command did."""

    argv: list[str]
    code: int | None
    out: str
    err: str
    seconds: float
    escaped: str = ""  # the exception that escaped main(), if any
    at: str = ""  # where it was raised: the innermost frame of ours (or a library's)
    unraisable: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"$ pcc-minutes {' '.join(self.argv)}\n  exit {self.code} in {self.seconds:.2f}s"
            + (f"\n  escaped: {self.escaped} at {self.at}" if self.escaped else "")
            + (f"\n  stdout: {self.out[:300]!r}" if self.out.strip() else "")
            + (f"\n  stderr: {self.err.strip()!r}" if self.err.strip() else "")
            + "".join(f"\n  unraisable: {u}" for u in self.unraisable)
            + "".join(f"\n  warning: {w}" for w in self.warned)
        )


@dataclass
class Verdict:
    """A case's outcome: ``imported``, ``refused`` or ``failure`` (with the problems)."""

    outcome: str
    problems: list[str]
    runs: list[Run]

    @property
    def ok(self) -> bool:
        return self.outcome != "failure"

    def explain(self) -> str:
        return "\n".join(
            [f"{self.outcome}: {'; '.join(self.problems)}"] + [r.describe() for r in self.runs]
        )


def innermost_frame(exc: BaseException) -> str:
    """``module.py:function`` of the innermost frame in pcc_minutes (else the last one)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "pcc_minutes" in f.filename] or frames
    if not ours:
        return ""
    last = ours[-1]
    name = last.filename.split("pcc_minutes")[-1].lstrip("/\\") or Path(last.filename).name
    return f"{name}:{last.name}"


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def expire(_signum, _frame):
        raise CaseTimeout(f"took longer than {seconds:.0f}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(action: Callable[[], object], limit: float = COMMAND_LIMIT) -> tuple[object, Run]:
    """Call ``action`` with stdout/stderr captured, warnings and unraisable exceptions
    recorded (a ``ZipFile.__del__`` traceback is a failure too), under a time limit."""
    out, err = io.StringIO(), io.StringIO()
    unraisable: list[str] = []
    previous_hook = sys.unraisablehook
    sys.unraisablehook = lambda u: unraisable.append(f"{u.exc_type.__name__}: {u.exc_value}")
    result: object = None
    escaped = at = ""
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"docx\b")
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                with _time_limit(limit):
                    result = action()
        except CaseTimeout as exc:
            escaped = f"hang: {exc}"
        except BaseException as exc:  # noqa: B036 - anything escaping main() is the finding
            escaped = f"{type(exc).__name__}: {str(exc)[:300]}"
            at = innermost_frame(exc)
        gc.collect()  # flush __del__ of anything the command left open
    sys.unraisablehook = previous_hook
    run = Run(
        argv=[],
        code=None,
        out=out.getvalue(),
        err=err.getvalue(),
        seconds=time.perf_counter() - start,
        escaped=escaped,
        at=at,
        unraisable=unraisable,
        warned=[f"{w.category.__name__}: {w.message}" for w in caught],
    )
    return result, run


def run_cli(*args: str | os.PathLike[str], limit: float = COMMAND_LIMIT) -> Run:
    """``pcc-minutes ARGS`` in-process."""
    from pcc_minutes.cli import main

    argv = [str(a) for a in args]
    code, run = guarded(lambda: main(argv), limit)
    run.argv = argv
    run.code = code if isinstance(code, int) else None
    return run


def run_subprocess(*args: str | os.PathLike[str], limit: float = 120) -> Run:
    """``python -m pcc_minutes ARGS`` in a child process, as a user runs it."""
    argv = [str(a) for a in args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pcc_minutes", *argv],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=limit,
            env=env,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return Run(argv, None, "", "", time.perf_counter() - start, escaped="hang: timeout")
    return Run(argv, done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


# --- judging one message ---------------------------------------------------------------------


def sentence_problems(err: str, *paths: Path) -> list[str]:
    """Why ``err`` is not exactly one clear sentence (empty when it is)."""
    text = err.rstrip("\n")
    problems = []
    if not text.strip():
        return ["no message on stderr"]
    if "\n" in text:
        problems.append("message on more than one line")
    if "Traceback" in text:
        problems.append("traceback")
    if "unexpected error" in text:
        problems.append("'unexpected error'")
    if LIBRARY_REPR.search(text):
        problems.append("library repr in message")
    if URL.search(text):
        problems.append("URL in message")
    if not text.endswith("."):
        problems.append("message does not end with '.'")
    bare = text
    for path in sorted(paths, key=lambda p: -len(str(p))):
        bare = bare.replace(str(path), "FILE")
    bare = ABBREVIATIONS.sub("", bare)
    if re.search(r"[.!?][\"')\]]*\s+[A-Z]", bare.removesuffix(".")):
        problems.append("more than one sentence")
    return problems


def _stream_problems(run: Run) -> list[str]:
    problems = []
    if run.escaped.startswith("hang"):
        problems.append("hang (over the time limit)")
    elif run.escaped:
        problems.append("escaped: " + run.escaped.split(":")[0])
    if run.unraisable:
        problems.append("unraisable exception: " + run.unraisable[0].split(":")[0])
    if run.warned:
        problems.append("warning: " + run.warned[0].split(":")[0])
    if "Traceback" in run.err:
        problems.append("traceback")
    return problems


def exit_problem(run: Run) -> str:
    """``exit 1 (unexpected ValueError)``-style label for a wrong exit status."""
    found = re.search(r"unexpected error\W+(\w+)", run.err)
    return f"exit {run.code}" + (f" (unexpected {found.group(1)})" if found else "")


# --- the database, before and after ----------------------------------------------------------


def make_template_db(folder: Path) -> Path:
    """A database made through the real migrations, holding the demo series: copied for
    every case, so each case starts from the same bytes."""
    path = folder / "template.sqlite3"
    if not path.exists():
        run = run_cli("--db", path, "demo")
        assert run.code == 0, run.describe()
        assert sorted(p.name for p in folder.iterdir()) == ["template.sqlite3"]
    return path


@dataclass
class Workspace:
    """One case's folders: the database alone in its own, outputs in another."""

    root: Path
    db: Path
    out: Path

    @classmethod
    def make(cls, root: Path, template_db: Path) -> Workspace:
        (root / "db").mkdir(parents=True)
        (root / "out").mkdir()
        db = root / "db" / "minutes.sqlite3"
        shutil.copyfile(template_db, db)
        return cls(root, db, root / "out")

    def snapshot(self) -> tuple[bytes, list[str]]:
        return self.db.read_bytes(), sorted(p.name for p in self.db.parent.iterdir())


# --- the checks ------------------------------------------------------------------------------


def check_refusal(run: Run, ws: Workspace, before: tuple[bytes, list[str]], *paths: Path):
    problems = sentence_problems(run.err, ws.db, *paths)
    now = ws.snapshot()
    if now[0] != before[0]:
        problems.append("database changed on refusal")
    if now[1] != before[1]:
        problems.append(
            "left beside the database: " + ", ".join(sorted(set(now[1]) - set(before[1])))
        )
    return problems


def reopen(path: Path, fmt: str) -> str:
    """The exported file's text, read back by an independent library (or raises)."""
    if fmt == "md":
        return path.read_bytes().decode("utf-8")
    if fmt == "docx":
        import docx

        document = docx.Document(str(path))
        return "\n".join(p.text for p in document.paragraphs)
    import pikepdf

    with pikepdf.open(path) as pdf:
        if len(pdf.pages) < 1:
            raise ValueError("a PDF with no pages")
    return ""


def check_exports(ws: Workspace, meeting_ids: list[str], runs: list[Run]) -> list[str]:
    """Every meeting exports in every format, the files re-open, nothing else is written."""
    problems: list[str] = []
    expected = []
    for meeting_id in meeting_ids:
        for fmt in FORMATS:
            target = ws.out / f"{meeting_id}.{fmt}"
            expected.append(target.name)
            run = run_cli("--db", ws.db, "export", meeting_id, "--format", fmt, "-o", target)
            runs.append(run)
            problems += [f"export {fmt}: {p}" for p in _stream_problems(run)]
            if run.escaped.startswith("hang"):
                return problems  # one hang is the finding; the rest would only add minutes
            if run.code is None:
                continue
            if run.code != 0:
                problems.append(f"export {fmt}: {exit_problem(run)}")
                continue
            try:
                text = reopen(target, fmt)
            except Exception as exc:
                problems.append(f"export {fmt}: does not re-open ({type(exc).__name__})")
                continue
            if SECRET_MARK in text:
                problems.append(f"export {fmt}: an external entity was resolved")
        run = run_cli("--db", ws.db, "figures", meeting_id, "--json")
        runs.append(run)
        problems += [f"figures: {p}" for p in _stream_problems(run)]
        if run.code != 0:
            problems.append(f"figures: {exit_problem(run)}")
        else:
            try:
                json.loads(run.out)
            except ValueError:
                problems.append("figures: not JSON")
    left = sorted(set(p.name for p in ws.out.iterdir()) - set(expected))
    if left:
        problems.append("left in the export folder: " + ", ".join(left))
    return problems


def verdict_of(problems: list[str], outcome: str, runs: list[Run]) -> Verdict:
    return Verdict("failure" if problems else outcome, problems, runs)


def check_import(source: Path, root: Path, template_db: Path) -> Verdict:
    """``pcc-minutes --db DB import SOURCE``, then the exports: the promise of issue 8."""
    ws = Workspace.make(root, template_db)
    before = ws.snapshot()
    run = run_cli("--db", ws.db, "import", source)
    runs = [run]
    problems = _stream_problems(run)
    if run.code == 2:
        return verdict_of(problems + check_refusal(run, ws, before, source), "refused", runs)
    if run.code != 0:
        if run.code is not None:
            problems.append(exit_problem(run))
        return verdict_of(problems, "failure", runs)
    lines = [line for line in run.out.split("\n") if line]
    ids = [m.group(1) for m in map(IMPORT_LINE.match, lines) if m]
    if not ids:
        return verdict_of(problems + ["import printed no meeting ID"], "failure", runs)
    if len(ids) != len(lines):
        problems.append("import output not one 'ID DATE TITLE' line per meeting")
    problems += check_exports(ws, ids, runs)
    return verdict_of(problems, "imported", runs)


def check_template(source: Path, root: Path, template_db: Path) -> Verdict:
    """A template file read as the window reads it (``operations.load_template``), a meeting
    made from it, then the same exports: refused in one sentence, or a meeting that exports
    and holds sane values (no negative planned minutes, no end before the start)."""
    from pcc_minutes import operations as ops
    from pcc_minutes.core.errors import PccError
    from pcc_minutes.operations.templates import load_template
    from pcc_minutes.store.database import open_store

    ws = Workspace.make(root, template_db)
    before = ws.snapshot()

    def create() -> int:
        try:
            template = load_template(source)
            store = open_store(ws.db)
            try:
                meeting_id = ops.create_from_template(store, template, date(2026, 1, 15)).value
            finally:
                store.close()
        except PccError as exc:  # worded as the window and the command line word it
            print(f"pcc-minutes: {exc}", file=sys.stderr)
            return exc.exit_code
        print(meeting_id)
        return 0

    code, run = guarded(create)
    run.argv, run.code = ["(template)", str(source)], code if isinstance(code, int) else None
    runs = [run]
    problems = _stream_problems(run)
    if run.code == 2:
        return verdict_of(problems + check_refusal(run, ws, before, source), "refused", runs)
    if run.code != 0:
        if run.code is not None:
            problems.append(f"exit {run.code}")
        return verdict_of(problems, "failure", runs)
    meeting_id = run.out.split()[0]
    problems += check_exports(ws, [meeting_id], runs)
    shown = run_cli("--db", ws.db, "show", meeting_id, "--json")
    runs.append(shown)
    if shown.code == 0:
        problems += stored_template_problems(json.loads(shown.out), _raw_json(source))
    else:
        problems.append(f"show: {exit_problem(shown)}")
    return verdict_of(problems, "imported", runs)


def _raw_json(source: Path) -> object:
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except (ValueError, RecursionError):
        return None


def stored_template_problems(meeting: dict, raw: object = None) -> list[str]:
    """Values a template should never have put into a meeting (``raw`` is the template as
    JSON: a confidential flag written as the string "false" must not make an item secret)."""
    problems = []
    raw_items = raw.get("items") if isinstance(raw, dict) else None
    if isinstance(raw_items, list):
        for item, stored in zip(raw_items, meeting.get("items", []), strict=False):
            flag = item.get("confidential") if isinstance(item, dict) else None
            falsy = isinstance(flag, str) and flag.strip().lower() in ("false", "no", "0", "")
            if falsy and stored.get("confidential") is True:
                problems.append("stored the string 'false' as confidential")
    if meeting.get("start") and meeting.get("end") and meeting["end"] <= meeting["start"]:
        problems.append("stored an end before the start")
    for item in meeting.get("items", []):
        minutes = item.get("planned_minutes")
        if minutes is not None and (not isinstance(minutes, int) or minutes < 0):
            problems.append("stored planned minutes that are not a whole number of 0 or more")
        if not isinstance(item.get("confidential"), bool):
            problems.append("stored a confidential flag that is not true or false")
        if not isinstance(item.get("title"), str):
            problems.append("stored a title that is not text")
    if not isinstance(meeting.get("title"), str):
        problems.append("stored a title that is not text")
    return sorted(set(problems))


def summary(verdicts: list[Verdict]) -> str:
    """``N cases → X imported+exported, Y refused, Z failures (kinds)``."""
    imported = sum(v.outcome == "imported" for v in verdicts)
    refused = sum(v.outcome == "refused" for v in verdicts)
    kinds: dict[str, int] = {}
    for v in verdicts:
        for problem in dict.fromkeys(v.problems):
            kinds[problem] = kinds.get(problem, 0) + 1
    failed = len(verdicts) - imported - refused
    detail = ", ".join(f"{k} ×{n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return (
        f"{len(verdicts)} cases → {imported} imported+exported, {refused} refused with one "
        f"sentence, {failed} failures" + (f" ({detail})" if detail else "")
    )


def keep_finding(name: str, data: bytes, suffix: str) -> Path | None:
    """Save a failing input under ``$PCC_FUZZ_FINDINGS`` (when set) so it can be re-run."""
    folder = os.environ.get("PCC_FUZZ_FINDINGS")
    if not folder:
        return None
    path = Path(folder) / (re.sub(r"[^\w.-]+", "_", name)[:80] + suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def assert_promise(verdict: Verdict, name: str, data: bytes, suffix: str) -> None:
    """Fail with the whole story (and keep the input) when the case broke the promise."""
    if verdict.ok:
        return
    kept = keep_finding(name, data, suffix)
    where = (
        f"\nkept as {kept}; re-run: python -m pcc_minutes --db scratch.sqlite3 import {kept}"
        if kept
        else ""
    )
    raise AssertionError(f"{name}: {verdict.explain()}{where}")
