"""Word minutes: re-opened with python-docx for their structure, and opened by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pcc_minutes.core.records import Action, Figure, FigurePoint, Person
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.readers.text import read_text
from pcc_minutes.documents.resources import resource_path
from pcc_minutes.documents.tree import ItemSection, MinutesDocument
from pcc_minutes.documents.writers.docx import STYLES, render_docx
from pcc_minutes.documents.writers.docx_reference import REFERENCE
from tests.conftest import need, seed_files

SPECIALS = "– ’ → £ é ŵ & < >"
VML_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"


def sample(status: str = "draft") -> MinutesDocument:
    return MinutesDocument(
        title="Estates Board",
        organisation="Riverside Fire Authority",
        date=date(2026, 2, 4),
        start=time(9, 30),
        end=time(11, 0),
        venue="Station 3 Training Room",
        marking="OFFICIAL",
        status=status,
        status_note="DRAFT – version 2, 5 February 2026" if status == "draft" else "",
        show_figures=True,  # the export's figures option: the figure tables are printed
        opening=from_markdown("The board met to review the depots. " + SPECIALS),
        attendance=[
            Person("Ria Chandra", "Chair", "Members"),
            Person("Ken Bower", present=False),
        ],
        items=[
            ItemSection(
                title="Depot Roofs",
                blocks=from_markdown(
                    "Repairs are behind plan.\n\n### Costs:\n\n"
                    "- Quote one came in at £41,000\n  - with scaffolding extra\n"
                    "    - for six weeks\n- Quote two is pending\n\n"
                    "1. Agree the budget\n2. Tender again\n"
                ),
                figures=[
                    Figure(
                        "Roofs repaired",
                        "count",
                        [FigurePoint("2025", 4), FigurePoint("2026", 9)],
                    )
                ],
                actions=[Action("Send the tender pack", "Ria Chandra", date(2026, 3, 1))],
            ),
            ItemSection(
                title="Fleet",
                heading="Fleet and Vehicles",
                blocks=from_markdown("Two engines are off the road."),
            ),
        ],
    )


@pytest.fixture
def written(tmp_path: Path):
    def write(doc: MinutesDocument) -> docx.document.Document:
        target = tmp_path / "minutes.docx"
        render_docx(doc, target)
        return docx.Document(str(target))

    return write


def test_the_reference_document_defines_every_style_the_writer_uses():
    reference = docx.Document(str(resource_path(REFERENCE)))
    defined = {style.name for style in reference.styles}
    assert set(STYLES) <= defined


def test_items_and_sub_headings_use_real_heading_styles(written):
    document = written(sample())
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Estates Board") in styled
    assert ("Heading 1", "Item 1: Depot Roofs") in styled
    assert ("Heading 1", "Item 2: Fleet and Vehicles") in styled
    assert ("Heading 2", "Costs:") in styled


def test_bullets_are_word_lists_with_nesting(written):
    document = written(sample())
    numbered = {}
    for paragraph in document.paragraphs:
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is not None:
            numbered[paragraph.text] = (num_pr.numId.val, num_pr.ilvl.val, paragraph.style.name)
    assert numbered["Quote one came in at £41,000"][1:] == (0, "List Bullet")
    assert numbered["with scaffolding extra"][1:] == (1, "List Bullet 2")
    assert numbered["for six weeks"][1:] == (2, "List Bullet 3")
    assert numbered["Agree the budget"][2] == "List Number"
    bullet_id = numbered["Quote one came in at £41,000"][0]
    assert numbered["Agree the budget"][0] != bullet_id
    formats = document.part.numbering_part.element.xpath(
        f'//w:num[@w:numId="{bullet_id}"]/w:abstractNumId/@w:val'
    )
    abstract = document.part.numbering_part.element.xpath(
        f'//w:abstractNum[@w:abstractNumId="{formats[0]}"]/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val'
    )
    assert abstract == ["bullet"]


def test_figure_tables_have_a_unit_column_a_repeating_header_row_and_the_label_once(written):
    document = written(sample())
    table = document.tables[0]
    header = ["Figure", "Period", "Value", "Unit", "Target"]
    assert [c.text for c in table.rows[0].cells] == header
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == ["Roofs repaired", "2025", "4", "number", ""]
    assert [c.text for c in table.rows[2].cells] == ["", "2026", "9", "", ""]


def test_without_the_figures_option_no_figure_table_is_printed(written):
    from dataclasses import replace

    document = written(replace(sample(), show_figures=False))
    assert not any(t.rows[0].cells[0].text == "Figure" for t in document.tables)


def test_header_and_footer_carry_marking_draft_and_page_fields(written):
    document = written(sample())
    header = document.sections[0].header.paragraphs[0]
    footer = document.sections[0].footer
    assert "OFFICIAL" in header.text and "DRAFT – version 2" in header.text
    watermark = [t.get("string") for t in header._p.iter(VML_TEXTPATH) if t.get("string")]
    assert watermark == ["DRAFT"]
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "OFFICIAL" in footer.paragraphs[0].text


def test_approved_minutes_have_no_draft_marking(written):
    document = written(sample("approved"))
    header = document.sections[0].header.paragraphs[0]
    assert "DRAFT" not in header.text and not list(header._p.iter(VML_TEXTPATH))
    assert all("DRAFT" not in p.text for p in document.paragraphs)


def test_document_properties_say_title_subject_author_and_language(written):
    props = written(sample()).core_properties
    assert props.title == "Estates Board"
    assert props.subject == "Meeting note 4 February 2026"
    assert props.author == "Riverside Fire Authority"
    assert props.language == "en-GB"


def test_every_special_character_survives(written):
    text = "\n".join(p.text for p in written(sample()).paragraphs)
    for char in SPECIALS.split():
        assert char in text


def test_the_agenda_alone_lists_items_with_times_and_leads(written):
    doc = sample()
    doc.agenda_only, doc.document_kind = True, "Agenda"
    doc.items[0].planned_minutes, doc.items[0].lead = 20, "Head of Estates"
    doc.items[1].planned_minutes = 15
    document = written(doc)
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[1] == ["09:30", "Item 1: Depot Roofs", "Head of Estates", "20"]
    assert rows[2][0] == "09:50"
    assert "Repairs are behind plan." not in "\n".join(p.text for p in document.paragraphs)


def _libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (apt: libreoffice-writer-nogui)")
    return found


def convert_with_libreoffice(source: Path, folder: Path) -> str:
    profile = folder / "lo-profile"
    subprocess.run(
        [
            _libreoffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = folder / (source.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


@pytest.mark.slow
def test_libreoffice_opens_the_word_file_and_keeps_its_text(tmp_path):
    target = tmp_path / "minutes.docx"
    render_docx(sample(), target)
    text = convert_with_libreoffice(target, tmp_path)
    for expected in [
        "Estates Board",
        "Item 1: Depot Roofs",
        "for six weeks",
        "Roofs repaired",
        "£41,000",
        "Page 1 of",
    ]:
        assert expected in text


@pytest.mark.slow
def test_libreoffice_renders_every_line_of_the_seed_notes(tmp_path):
    from tests.integration.test_seed_notes import seed_lines

    for path in need(seed_files(), "seed notes"):
        target = tmp_path / (path.stem + ".docx")
        render_docx(read_text(path), target)
        text = convert_with_libreoffice(target, tmp_path)
        # Paragraphs run across pages: drop the page furniture (header and footer lines).
        furniture = re.compile(r"^(Page \d+ of \d+|(?:OFFICIAL · )?DRAFT( – version .*)?)$")
        text = "\n".join(line for line in text.split("\n") if not furniture.match(line.strip()))
        # Lines wrap and hyphenated words break across lines: compare without white space.
        flat = re.sub(r"\s+", "", text)
        for line in seed_lines(path):
            assert re.sub(r"\s+", "", line) in flat, line


def test_many_paragraphs_keep_their_order_and_the_section_stays_last(written):
    """Paragraphs go in beside the section properties (not by python-docx's scan of the whole
    body for them, which made 20,000 paragraphs take minutes): same place, same order."""
    count = 3000
    notes = "\n\n".join(f"Paragraph number {n}." for n in range(count))
    doc = sample()
    doc.items[1].blocks = from_markdown(notes)
    body = written(doc).element.body
    assert body[-1].tag == qn("w:sectPr")
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    numbered = [t for t in texts if t.startswith("Paragraph number ")]
    assert numbered == [f"Paragraph number {n}." for n in range(count)]
