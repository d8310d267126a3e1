"""The export's figure tables and logo, through the command line into real files re-opened:
no figure table unless ``--figures`` is given (the notes give figures in prose); with it, a
Figure | Period | Value | Unit | Target table right after the bullet the figure came from;
``--logo`` puts the picture at the top of the Word file with its alt text; the title block
is laid out alike in Word and PDF (every line flush left)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

NOTE = """\
Harbour Watch Oversight Board
Quarterly Performance Meeting
3 March 2026, 14:00-15.15; Room 4, Civic Offices
Meeting note
On 3 March 2026 Dana Whitfield chaired, joined by Chief Officer Lee Harte.

Agenda:
· Item 1: Call Handling

Item 1: Call Handling
· Staffing: the control room kept its rota through the winter.
· Answering: 999 calls answered within ten seconds reached 91%, against a target of 95%.
· Training: the new starters finished their course in February.
"""


@pytest.fixture
def meeting(cli, tmp_path: Path) -> Path:
    note = tmp_path / "march.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert cli("import", note).code == 0
    assert cli("figures", "1", "--accept").code == 0
    stored = json.loads(cli("show", "1", "--json").out)["items"][0]["metrics"]
    assert stored, "the note's figure is stored"
    return tmp_path


def body_order(word) -> list[str]:
    """Each paragraph's text, and "<table: first header cell>" for each table, in order."""
    out = []
    for element in word.element.body:
        if element.tag == qn("w:tbl"):
            first = element.find(".//" + qn("w:tc"))
            out.append("<table: " + "".join(t.text or "" for t in first.iter(qn("w:t"))) + ">")
        elif element.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
    return out


def test_no_figure_table_by_default_in_any_format(cli, meeting):
    for kind in ("md", "docx"):
        target = meeting / f"plain.{kind}"
        assert cli("export", "1", "--format", kind, "-o", target).code == 0
    assert "| Figure |" not in (meeting / "plain.md").read_text(encoding="utf-8")
    assert docx.Document(str(meeting / "plain.docx")).tables == []


def test_with_figures_the_table_follows_its_own_bullet_and_has_a_unit_column(cli, meeting):
    target = meeting / "figures.docx"
    assert cli("export", "1", "--format", "docx", "--figures", "-o", target).code == 0
    word = docx.Document(str(target))
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Figure", "Period", "Value", "Unit", "Target"]
    row = [c.text for c in table.rows[1].cells]
    assert row[2:] == ["91", "%", "95"]
    order = body_order(word)
    at = order.index("<table: Figure>")
    assert order[at - 1].startswith("Answering: 999 calls")  # right after its own bullet
    assert any(text.startswith("Training:") for text in order[at + 1 :])  # before the next
    # The bullet keeps with its table: a page never ends between them.
    table_element = word.tables[0]._tbl
    bullet = table_element.getprevious()
    assert bullet.tag == qn("w:p") and bullet.find(".//" + qn("w:keepNext")) is not None


def test_markdown_with_figures_places_the_table_before_the_next_bullet(cli, meeting):
    target = meeting / "figures.md"
    assert cli("export", "1", "--format", "md", "--figures", "-o", target).code == 0
    text = target.read_text(encoding="utf-8")
    assert text.index("- Answering:") < text.index("| Figure | Period | Value | Unit | Target |")
    assert text.index("| Figure | Period") < text.index("- Training:")


def _png(path: Path) -> Path:
    pil = pytest.importorskip("PIL.Image")
    pil.new("RGB", (300, 100), (20, 90, 40)).save(path)
    return path


def test_the_logo_is_a_picture_at_the_top_of_the_word_file_with_its_alt_text(cli, meeting):
    logo = _png(meeting / "crest.png")
    target = meeting / "logo.docx"
    assert cli("export", "1", "--format", "docx", "--logo", logo, "-o", target).code == 0
    word = docx.Document(str(target))
    first = word.paragraphs[0]
    described = [d.get("descr") for d in first._p.iter(qn("wp:docPr"))]
    assert described == ["Logo"] or described == ["Logo of Harbour Watch Oversight Board"]
    assert word.inline_shapes[0].height <= docx.shared.Cm(2.5) + 1
    # Without the option: no picture, and the alt text is not printed as body text.
    plain = meeting / "plain.docx"
    assert cli("export", "1", "--format", "docx", "-o", plain).code == 0
    assert len(docx.Document(str(plain)).inline_shapes) == 0


def test_a_missing_logo_picture_is_one_sentence(cli, meeting):
    result = cli("export", "1", "--format", "docx", "--logo", meeting / "no.png", "-o", "x.docx")
    assert result.code != 0
    assert "does not exist" in result.err and result.err.count("\n") == 1


TITLE_STYLES = ("Meeting Organisation", "Title", "Meeting Schedule", "Draft Line", "Meeting Kind")


def test_the_title_block_is_flush_left_in_word_as_in_the_pdf(cli, meeting):
    word_file, pdf_file = meeting / "m.docx", meeting / "m.pdf"
    assert cli("export", "1", "--format", "docx", "-o", word_file).code == 0
    assert cli("export", "1", "--format", "pdf", "-o", pdf_file).code == 0
    word = docx.Document(str(word_file))
    block = [p for p in word.paragraphs[:8] if p.style.name in TITLE_STYLES]
    assert {p.style.name for p in block} >= {"Title", "Meeting Schedule", "Meeting Kind"}
    for paragraph in block:
        style, alignment = paragraph.style, paragraph.alignment
        while alignment is None and style is not None:
            alignment, style = style.paragraph_format.alignment, style.base_style
        assert alignment in (None, WD_ALIGN_PARAGRAPH.LEFT), paragraph.style.name
        assert not paragraph.style.font.bold or paragraph.style.name != "Meeting Schedule"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf_file), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [
        (float(chunk.split('xMin="')[1].split('"')[0]), chunk) for chunk in html.split("<line ")[1:]
    ]
    wanted = ("Harbour", "Quarterly", "3 March 2026", "Meeting note")
    lefts = [x for x, chunk in lines if any(f">{w.split()[0]}<" in chunk for w in wanted)]
    assert len(lefts) >= 4
    assert max(lefts) - min(lefts) < 1.0  # every title-block line starts at the margin
