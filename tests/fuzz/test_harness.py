"""The fuzz suite's judge can fail: what it calls one clear sentence, and what it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.harness import check_import, sentence_problems

FILE = Path("in") / "minutes.v2.docx"


def test_one_clear_sentence_passes_even_with_a_dotted_file_name():
    message = (
        f"pcc-minutes: {FILE} is damaged or is not a Word document; open it in Word, save it "
        "as .docx, e.g. with Save As, and import that file.\n"
    )
    assert sentence_problems(message, FILE) == []


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("", "no message on stderr"),
        ("pcc-minutes: bad file.\nTraceback (most recent call last):\n", "traceback"),
        ("pcc-minutes: bad file.\nmore\n", "message on more than one line"),
        ("pcc-minutes: unexpected error: ValueError('x').\n", "library repr in message"),
        ("pcc-minutes: see https://example.invalid/help.\n", "URL in message"),
        ("pcc-minutes: the file is damaged\n", "message does not end with '.'"),
        ("pcc-minutes: the file is damaged. Restore a backup.\n", "more than one sentence"),
    ],
)
def test_a_message_that_is_not_one_clear_sentence_is_caught(message, problem):
    assert problem in sentence_problems(message)


def test_a_refusal_that_leaves_a_file_beside_the_database_is_a_failure(
    tmp_path, template_db, monkeypatch
):
    """Refusing is not enough: a stray ``-wal`` beside the database breaks the promise."""
    from pcc_minutes.cli import commands
    from pcc_minutes.core.errors import UserInputError

    def refuse_untidily(args, open_store):
        Path(f"{args.db}-wal").write_bytes(b"")
        raise UserInputError("That file cannot be imported.")

    monkeypatch.setattr(commands, "import_files", refuse_untidily)
    path = tmp_path / "x.txt"
    path.write_text("Minutes\n", encoding="utf-8")
    verdict = check_import(path, tmp_path / "case", template_db)
    assert verdict.outcome == "failure"
    assert verdict.problems == ["left beside the database: minutes.sqlite3-wal"]
