"""Real minutes by other public bodies, end to end: imported through the command line into a
real database, exported again as Markdown and Word, and every word of the source is there."""

from __future__ import annotations

import re
from collections import Counter

import docx
import pytest

from tests.conftest import REALWORLD, need, realworld_files
from tests.unit.documents.test_docx_reader import source_words

NAMES = [p.name for p in realworld_files()] or ["(realworld folder absent)"]


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("name", NAMES)
def test_real_minutes_keep_every_word_through_the_database(cli, tmp_path, name):
    need(realworld_files(), "real-world minutes")
    path = REALWORLD / name
    imported = cli("import", path)
    assert imported.code == 0, imported.err
    meeting_id = imported.out.split()[0]

    markdown = cli("export", meeting_id, "--format", "md", "-o", "-").out
    missing = source_words(path) - words(unescape(markdown))
    assert not missing, f"words lost from {name} in Markdown: {dict(missing)}"

    target = tmp_path / "again.docx"
    assert cli("export", meeting_id, "--format", "docx", "-o", target).code == 0
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n" + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    missing = source_words(path) - words(text)
    assert not missing, f"words lost from {name} in Word: {dict(missing)}"


def test_all_seven_real_files_import_in_one_go(cli):
    files = need(realworld_files(), "real-world minutes")
    result = cli("import", *files)
    assert result.code == 0, result.err
    assert len(result.out.splitlines()) == len(files) == 7
