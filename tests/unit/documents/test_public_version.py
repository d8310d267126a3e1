"""The public version keeps the agenda's numbers and planned times (an item left out is an
"exempt item" line), never holds a private note or a confidential item's words in any
format, and the full version marks what the public one will leave out. The agenda published
before the meeting lists nobody as present, and its "Minutes" header stays on one line."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import pytest

from pcc_minutes.core.records import AgendaItem, Meeting, Person
from pcc_minutes.documents.build import (
    EXEMPT_TITLE,
    NOT_FOR_PUBLICATION,
    PRIVATE_NOTES_LABEL,
    build_minutes,
)
from pcc_minutes.documents.layout import layout, planned_starts
from pcc_minutes.documents.tree import Heading, Table, blocks_text, plain_text
from pcc_minutes.documents.writers.docx import render_docx
from pcc_minutes.documents.writers.markdown import write_markdown
from pcc_minutes.documents.writers.pdf import render_pdf
from tests.conftest import SEEDS, need, seed_files
from tests.unit.documents.test_export_property import docx_text, pdf_text

SECRET_ITEM = "Vetting appeal of a named officer"
SECRET_WORDS = "Inspector Quartermain appealed the vetting refusal"
PRIVATE_WORDS = "Zebrafinch case stays off the record"
NOTES = "- Burglary solved rate rose to 9%."


def meeting() -> Meeting:
    items = (
        AgendaItem(id=1, position=1, title="Rural Crime", planned_minutes=15, notes=NOTES),
        AgendaItem(
            id=2,
            position=2,
            title=SECRET_ITEM,
            lead="Head of Professional Standards",
            planned_minutes=20,
            confidential=True,
            notes=f"- {SECRET_WORDS}.",
        ),
        AgendaItem(
            id=3,
            position=3,
            title="Firearms Licensing",
            lead="Detective Chief Superintendent, Public Protection",
            planned_minutes=10,
            notes="- Backlog down to 800.",
            private_notes=f"**{PRIVATE_WORDS}.**\n\n- Ring the licensing manager.",
        ),
        AgendaItem(
            id=4,
            position=4,
            title="Any Other Business, including the date and venue of the next meeting",
            planned_minutes=5,
        ),
    )
    return Meeting(
        id=1,
        title="Accountability and Performance Meeting",
        date=date(2025, 9, 11),
        start=time(10, 30),
        attendees=(
            Person("Pat Chair", "Commissioner", "Chair", True),
            Person("Sam Absent", "Deputy", "", False),
        ),
        items=items,
    )


def headings(doc) -> list[str]:
    return [plain_text(b.content) for b in layout(doc) if isinstance(b, Heading) and b.level == 2]


def test_the_public_version_keeps_every_number_with_an_exempt_line():
    doc = build_minutes(meeting(), public=True)
    assert headings(doc) == [
        "Item 1: Rural Crime",
        f"Item 2: {EXEMPT_TITLE}",
        "Item 3: Firearms Licensing",
        "Item 4: Any Other Business, including the date and venue of the next meeting",
    ]
    exempt = doc.items[1]
    assert exempt.exempt and not exempt.lead and not exempt.figures and not exempt.actions
    # The planned times of the items after it are those of the agenda published in advance.
    full = build_minutes(meeting())
    assert planned_starts(doc) == planned_starts(full)
    assert planned_starts(doc)[2:] == [time(11, 5), time(11, 15)]


def test_the_full_version_marks_what_the_public_one_leaves_out():
    doc = build_minutes(meeting())
    confidential, private = doc.items[1], doc.items[2]
    assert NOT_FOR_PUBLICATION in blocks_text(confidential.blocks[:1])
    text = blocks_text(private.blocks)
    assert PRIVATE_NOTES_LABEL in text and PRIVATE_WORDS in text
    assert text.index("Backlog") < text.index(PRIVATE_NOTES_LABEL) < text.index(PRIVATE_WORDS)
    # Items with nothing to leave out carry no marker.
    for item in (doc.items[0], doc.items[3]):
        assert NOT_FOR_PUBLICATION not in blocks_text(item.blocks)
        assert PRIVATE_NOTES_LABEL not in blocks_text(item.blocks)


def written(doc, folder: Path) -> dict[str, str]:
    """The document written in every format and read back from the file."""
    write_markdown(doc, folder / "m.md")
    render_docx(doc, folder / "m.docx")
    render_pdf(doc, folder / "m.pdf")
    body, header = docx_text(docx.Document(str(folder / "m.docx")))
    return {
        "md": (folder / "m.md").read_text(encoding="utf-8"),
        "docx": body + "\n" + header,
        "pdf": " ".join(pdf_text(folder / "m.pdf").split()),
    }


def test_private_notes_and_confidential_items_are_in_no_public_file(tmp_path):
    for format_name, text in written(build_minutes(meeting(), public=True), tmp_path).items():
        for secret in (SECRET_ITEM, SECRET_WORDS, PRIVATE_WORDS, "licensing manager"):
            assert secret not in text, (format_name, secret)
        assert "Professional Standards" not in text, format_name  # the lead too
        assert PRIVATE_NOTES_LABEL.split(" —")[0] not in text, format_name
        assert f"Item 2: {EXEMPT_TITLE}" in text, format_name
        assert "Item 3: Firearms Licensing" in text, format_name
        assert "Item 4: Any Other Business" in text, format_name


def test_the_full_files_show_the_markers(tmp_path):
    for format_name, text in written(build_minutes(meeting()), tmp_path).items():
        assert NOT_FOR_PUBLICATION in text, format_name
        assert PRIVATE_NOTES_LABEL in text, format_name
        assert PRIVATE_WORDS in text and SECRET_WORDS in text, format_name


def test_the_agenda_lists_no_attendance_and_keeps_its_minutes_header_whole(tmp_path):
    doc = build_minutes(meeting(), agenda_only=True, public=True)
    assert doc.attendance == []
    table = next(b for b in layout(doc) if isinstance(b, Table))
    assert [plain_text(cell) for cell in table.rows[0]] == ["Time", "Item", "Lead", "Minutes"]
    assert len(table.widths) == 4
    assert plain_text(table.rows[2][1]) == f"Item 2: {EXEMPT_TITLE}"
    assert plain_text(table.rows[3][0]) == "11:05"  # 10:30 + 15 + 20, as published
    files = written(doc, tmp_path)
    for format_name, text in files.items():
        assert "Present" not in text and "Apologies" not in text, format_name
        assert "Sam Absent" not in text and "Pat Chair" not in text, format_name
    lines = pdf_text(tmp_path / "m.pdf").split("\n")
    assert "Minutes" in [line.strip() for line in lines]  # one line, not "Minute" / "s"
    # The minutes themselves still say who attended.
    full = tmp_path / "full"
    full.mkdir()
    assert "Apologies" in written(build_minutes(meeting()), full)["md"]


def test_the_members_agenda_lists_the_confidential_item_marked():
    doc = build_minutes(meeting(), agenda_only=True)
    table = next(b for b in layout(doc) if isinstance(b, Table))
    assert plain_text(table.rows[2][1]) == f"Item 2: {SECRET_ITEM} — not for publication"
    assert plain_text(table.rows[1][1]) == "Item 1: Rural Crime"


# --- through the command line, on the September seed ----------------------------------------


@pytest.fixture
def september(cli, db_path: Path) -> None:
    seed = SEEDS / "004_bf04959017a5c92a.txt"
    need([p for p in seed_files() if p == seed], "the September seed")
    assert cli("import", seed).code == 0
    from pcc_minutes import operations as ops
    from pcc_minutes.store.database import open_store

    store = open_store(db_path)
    try:
        ids = [item.id for item in ops.load_meeting(store, 1).items]
        ops.update_item(store, ids[1], confidential=True)
        ops.update_item(store, ids[2], private_notes=f"{PRIVATE_WORDS}.")
    finally:
        store.close()


def test_the_public_september_minutes_keep_item_3_as_item_3(cli, september):
    public = cli("export", "1", "--format", "md", "--public", "-o", "-").out
    assert "## Item 3: Public Protection" in public
    assert f"## Item 2: {EXEMPT_TITLE}" in public
    assert "## Item 4: Out of Court Resolutions" in public
    assert "Firearms" not in public and PRIVATE_WORDS not in public
    full = cli("export", "1", "--format", "md", "-o", "-").out
    assert "## Item 2: Firearms" in full and PRIVATE_WORDS in full
    assert NOT_FOR_PUBLICATION in full
