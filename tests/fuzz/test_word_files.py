"""Damaged real-world Word files through ``pcc-minutes import``: one sentence and exit 2 with
the database untouched, or minutes that export in every format.

Each case is one mutation (see ``mutations.py``) of one of the published minutes in
``../shared/realworld``; the cases are a fixed list (fault class × number), so a failure in
CI is the same failure on a laptop: re-run it by its test ID.
"""

from __future__ import annotations

import random

import pytest

from tests.conftest import need, realworld_files
from tests.fuzz.budget import cases
from tests.fuzz.harness import assert_promise, check_import
from tests.fuzz.mutations import WORD_CLASSES

# Cases per fault class in the default (CI) run: each mutation of a class at least once.
PER_CLASS = {
    "bytes": 10,
    "entries": 8,
    "truncation": 6,
    "xml": 20,
    "sizes": 4,
    "nesting": 4,
    "content-types": 6,
}
CASES = [(fault, number) for fault, n in PER_CLASS.items() for number in range(cases(n))]


def mutated(fault: str, number: int) -> tuple[str, bytes]:
    """The case's name and bytes: mutation ``number`` of the class, on a file chosen in turn."""
    sources = need(realworld_files(), "the real-world Word minutes")
    mutations = WORD_CLASSES[fault]
    mutation = mutations[number % len(mutations)]
    source = sources[(number // len(mutations)) % len(sources)]
    rng = random.Random(f"{fault}/{number}")
    return f"{fault}-{number}-{mutation.__name__}-{source.stem}", mutation(source.read_bytes(), rng)


@pytest.mark.parametrize(("fault", "number"), CASES, ids=[f"{f}-{n}" for f, n in CASES])
def test_a_damaged_word_file_is_imported_or_refused_in_one_sentence(
    fault, number, tmp_path, template_db
):
    name, data = mutated(fault, number)
    path = tmp_path / "in" / "minutes.docx"
    path.parent.mkdir()
    path.write_bytes(data)
    assert_promise(check_import(path, tmp_path / "case", template_db), name, data, ".docx")


@pytest.mark.parametrize("index", range(7))
def test_each_real_world_file_imports_and_exports_unchanged(index, tmp_path, template_db):
    """The baseline the mutations start from: every real file is imported, not refused."""
    sources = need(realworld_files(), "the real-world Word minutes")
    if index >= len(sources):
        pytest.skip("fewer real-world files")
    verdict = check_import(sources[index], tmp_path, template_db)
    assert verdict.outcome == "imported", verdict.explain()


@pytest.mark.parametrize("suffix", [".txt", "", ".DOCX", ".md"])
def test_a_word_file_under_another_name_is_imported_or_refused(suffix, tmp_path, template_db):
    source = need(realworld_files(), "the real-world Word minutes")[0]
    path = tmp_path / "in" / f"minutes{suffix}"
    path.parent.mkdir()
    path.write_bytes(source.read_bytes())
    verdict = check_import(path, tmp_path / "case", template_db)
    assert_promise(verdict, f"renamed{suffix}", path.read_bytes(), suffix)


def test_a_case_is_the_same_every_run():
    """The fixed list really is fixed: the same name and bytes for the same case."""
    need(realworld_files(), "the real-world Word minutes")
    assert mutated("xml", 3) == mutated("xml", 3)
    assert mutated("bytes", 0)[1] != mutated("bytes", 1)[1]


def test_the_checker_catches_a_broken_promise(tmp_path, template_db, monkeypatch):
    """The harness can fail: an import that raises a library error gives exit 1, a failure."""
    from pcc_minutes.cli import commands

    def broken(args, open_store):
        raise ValueError("library text")

    monkeypatch.setattr(commands, "import_files", broken)
    path = tmp_path / "x.txt"
    path.write_text("Minutes\n", encoding="utf-8")
    verdict = check_import(path, tmp_path / "case", template_db)
    assert verdict.outcome == "failure"
    assert "exit 1 (unexpected ValueError)" in verdict.problems
