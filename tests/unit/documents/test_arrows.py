"""Arrows ("1,200 → 800") print at the size and height of the text around them.

Liberation Sans (the PDF's font) and Arial (the Word file's) have the arrows but draw them
small and low; the PDF draws them from the bundled DejaVu Sans arrows and the Word file puts
them in runs of a symbol font. The files are re-opened: the PDF's text with the font each
piece is drawn in (pypdf), the Word runs (python-docx), and LibreOffice's rendering of the
Word file (pdffonts, pdftotext).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from pcc_minutes.documents.resources import resource_path
from pcc_minutes.documents.tree import (
    BulletList,
    Heading,
    ItemSection,
    ListItem,
    MinutesDocument,
    Paragraph,
    Span,
    Table,
    spans,
)
from pcc_minutes.documents.writers.docx import SYMBOL_FONT, render_docx
from pcc_minutes.documents.writers.pdf import render_pdf
from pcc_minutes.documents.writers.pdf.fonts import SYMBOLS
from pcc_minutes.documents.writers.pdf.long_paragraph import LONG_PARAGRAPH

FIGURE = "Referrals fell 1,200 → 800 in the year"


def minutes(*blocks) -> MinutesDocument:
    return MinutesDocument(title="Panel", items=[ItemSection(title="Figures", blocks=list(blocks))])


def drawn_fonts(path: Path) -> list[tuple[str, str]]:
    """(text, font) of every piece of text the PDF draws, in order."""
    pieces: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font, _size):
        if text and font is not None:
            pieces.append((text, str(font["/BaseFont"]).split("+")[-1]))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return pieces


def arrow_fonts(path: Path) -> set[str]:
    return {font for text, font in drawn_fonts(path) if "→" in text}


LONG = "Referrals " + "rose and fell " * (LONG_PARAGRAPH // 10) + "1,200 → 800."
PLACES = {
    "paragraph": Paragraph(spans(FIGURE)),
    "heading": Heading(3, spans(FIGURE)),
    "bullet": BulletList((ListItem(spans(FIGURE)),)),
    "table cell": Table(((spans("Measure"),), (spans(FIGURE),))),
    "long paragraph": Paragraph(spans(LONG)),
    "words in bold": Paragraph((Span("Referrals "), Span("1,200 → 800", bold=True))),
}


@pytest.mark.parametrize("place", PLACES)
def test_pdf_arrows_are_drawn_from_the_arrow_font_and_read_back(tmp_path, place):
    target = tmp_path / "arrows.pdf"
    render_pdf(minutes(PLACES[place]), target)
    faces = arrow_fonts(target)
    expected = "DejaVuSans-Bold" if place in ("words in bold", "heading") else "DejaVuSans"
    assert faces == {expected}
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "1,200 → 800" in " ".join(text.split())
    assert {font for piece, font in drawn_fonts(target) if "800" in piece} <= {
        "LiberationSans",
        "LiberationSans-Bold",
    }  # the figures beside the arrow stay in the text's font


def test_pdf_without_arrows_embeds_no_arrow_font(tmp_path):
    target = tmp_path / "plain.pdf"
    render_pdf(minutes(Paragraph(spans("Referrals fell from 1,200 to 800."))), target)
    assert not {font for _, font in drawn_fonts(target) if font.startswith("DejaVu")}


def test_the_bundled_arrow_fonts_hold_every_arrow_the_writers_swap():
    from reportlab.pdfbase.ttfonts import TTFontFile

    for name in ("DejaVuSans-Arrows.ttf", "DejaVuSans-Bold-Arrows.ttf"):
        font = TTFontFile(str(resource_path("fonts") / name))
        assert all(ord(symbol) in font.charToGlyph for symbol in SYMBOLS), name


def test_word_puts_each_arrow_in_a_run_of_the_symbol_font(tmp_path):
    target = tmp_path / "arrows.docx"
    render_docx(minutes(Paragraph((Span("Referrals 1,200 "), Span("→ 800", bold=True)))), target)
    paragraph = [p for p in docx.Document(str(target)).paragraphs if "→" in p.text][-1]
    assert paragraph.text == "Referrals 1,200 → 800"
    runs = [(run.text, run.bold, run._r.rPr) for run in paragraph.runs]
    arrow = [r for r in runs if r[0] == "→"]
    assert len(arrow) == 1
    _, bold, properties = arrow[0]
    assert bold is True  # the arrow keeps its words' look
    fonts = properties.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == SYMBOL_FONT
    others = [r for r in runs if r[0] != "→"]
    assert all(p is None or p.find(qn("w:rFonts")) is None for _, _, p in others)


@pytest.mark.slow
def test_libreoffice_draws_the_word_files_arrow_from_a_font_that_has_it(tmp_path):
    soffice, pdffonts = shutil.which("soffice"), shutil.which("pdffonts")
    if soffice is None or pdffonts is None:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    source = tmp_path / "arrows.docx"
    render_docx(minutes(Paragraph(spans(FIGURE))), source)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        timeout=180,
        check=True,
    )
    target = tmp_path / "arrows.pdf"
    assert arrow_fonts(target) and not any(f.startswith("Liberation") for f in arrow_fonts(target))
    assert "1,200 → 800" in " ".join(PdfReader(target).pages[0].extract_text().split())
