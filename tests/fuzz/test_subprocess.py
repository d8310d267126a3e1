"""A few fuzz cases through ``python -m pcc_minutes`` as a user runs it: what the in-process
cases prove holds for the real entry point too (exit status, stderr, database untouched)."""

from __future__ import annotations

import random
import shutil

from tests.conftest import need, realworld_files, seed_files
from tests.fuzz.harness import FORMATS, reopen, run_subprocess, sentence_problems
from tests.fuzz.mutations import nested_zip, truncate_anywhere, xml_raw_control


def _refused(run, db, before, *paths):
    assert run.code == 2, run.describe()
    assert sentence_problems(run.err, db, *paths) == [], run.describe()
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def test_damaged_word_files_are_refused_by_the_real_entry_point(tmp_path, template_db):
    source = need(realworld_files(), "the real-world Word minutes")[0]
    (tmp_path / "db").mkdir()
    db = tmp_path / "db" / "minutes.sqlite3"
    shutil.copyfile(template_db, db)
    before = db.read_bytes()
    rng = random.Random("subprocess")
    paths = []
    for mutation in (truncate_anywhere, xml_raw_control, nested_zip):
        path = tmp_path / f"{mutation.__name__}.docx"
        path.write_bytes(mutation(source.read_bytes(), rng))
        paths.append(path)
    for path in paths:
        run = run_subprocess("--db", db, "import", path)
        if run.code == 0:  # a nested zip may hold readable minutes: then they must export
            continue
        _refused(run, db, before, path)


def test_a_seed_note_in_utf16_imports_and_exports_through_the_real_entry_point(
    tmp_path, template_db
):
    source = need(seed_files(), "the seed notes")[0]
    db = tmp_path / "minutes.sqlite3"
    shutil.copyfile(template_db, db)
    path = tmp_path / "notes.txt"
    path.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    run = run_subprocess("--db", db, "import", path)
    assert run.code == 0, run.describe()
    meeting_id = run.out.split()[0]
    for fmt in FORMATS:
        target = tmp_path / f"out.{fmt}"
        run = run_subprocess("--db", db, "export", meeting_id, "--format", fmt, "-o", target)
        assert run.code == 0, run.describe()
        reopen(target, fmt)
