"""A very long paragraph in the PDF: every word printed, one ``P`` element, linear time.

reportlab on its own lays a paragraph that runs over many pages out again for every page, so
export time grew with the square of the paragraph's length (half a minute for 300 KB); the
writer breaks such a paragraph into line-aligned pieces and still tags it as one element.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from pcc_minutes.documents.tree import ItemSection, MinutesDocument, Paragraph, Span, spans
from pcc_minutes.documents.writers.pdf import render_pdf

WORDS = (
    "the board noted that patrol counts on the quayside climbed mostly at night and agreed a "
    "plan for harbour volunteers cadets lights budget report with thanks to everyone present"
).split()


def long_text(size: int) -> str:
    """Ordinary words in numbered sentences ("Minute 17 …"), about ``size`` characters."""
    sentences, length, number = [], 0, 0
    while length < size:
        words = [WORDS[(number * 7 + k * 3) % len(WORDS)] for k in range(8 + number % 9)]
        sentence = f"Minute {number} {' '.join(words)}."
        sentences.append(sentence)
        length += len(sentence) + 1
        number += 1
    return " ".join(sentences)


def one_paragraph(content) -> MinutesDocument:
    return MinutesDocument(
        title="Harbour Watch Oversight Board",
        status="approved",
        items=[ItemSection(title="The long report", blocks=[Paragraph(content)])],
    )


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def text_without_footers(path: Path) -> str:
    pages = [
        re.sub(r"Page \d+ of \d+\s*$", "", (page.extract_text() or "").rstrip())
        for page in PdfReader(path).pages
    ]
    return normalise(" ".join(pages))


def paragraphs(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found = []

    def visit(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                visit(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.S == "/P":
                found.append(node)
            if "/K" in node:
                visit(node.K)

    visit(pdf.Root.StructTreeRoot.K)
    return found


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> tuple[str, Path]:
    text = long_text(300_000)
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    render_pdf(one_paragraph(spans(text)), path)
    return text, path


def test_every_word_of_a_300_kb_paragraph_is_in_the_pdf(long_pdf):
    text, path = long_pdf
    printed = text_without_footers(path)
    words = text.split()
    middle = len(words) // 2
    for window in (words[:40], words[middle - 20 : middle + 20], words[-40:]):
        assert " ".join(window) in printed
    numbers = [int(n) for n in re.findall(r"Minute (\d+) ", printed)]
    assert numbers == list(range(len(numbers))) and numbers[-1] == text.count("Minute ") - 1
    assert normalise(text) in printed  # every word, in order, none run together


def test_a_300_kb_paragraph_is_one_p_element_with_one_mark_per_page(long_pdf):
    _, path = long_pdf
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) > 50
        split = [p for p in paragraphs(pdf) if isinstance(p.get("/K"), pikepdf.Array)]
        assert len(split) == 1
        element = split[0]
        first, *rest = list(element.K)
        assert isinstance(first, int)
        pages = [element.Pg.objgen] + [kid.Pg.objgen for kid in rest]
        assert all(kid.Type == "/MCR" for kid in rest)
        assert len(set(pages)) == len(pages)  # one marked-content sequence per page
        page_index = {page.objgen: n for n, page in enumerate(pdf.pages)}
        spanned = [page_index[objgen] for objgen in pages]
        assert spanned == list(range(spanned[0], spanned[0] + len(spanned)))
        assert spanned[-1] == len(pdf.pages) - 1


@pytest.mark.slow
def test_a_screen_reader_meets_the_whole_300_kb_paragraph(long_pdf):
    """The tagged text (read from the structure tree) has every word, none run together
    where one piece of the paragraph ends and the next begins."""
    text, path = long_pdf
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    result = subprocess.run(
        [pdfinfo, "-struct-text", str(path)], capture_output=True, text=True, check=True
    )
    tagged = normalise(" ".join(re.findall(r'^\s*"(.*)"$', result.stdout, re.MULTILINE)))
    assert normalise(text) in tagged


def test_a_long_paragraph_with_bold_italic_and_line_breaks_keeps_its_words(tmp_path):
    text = long_text(40_000)
    content = (
        Span(text[:12_000]),
        Span(" a bold stretch ", bold=True),
        Span(text[12_000:25_000] + "\nafter a line break\n\nand a blank line"),
        Span(" an italic stretch", italic=True),
        Span(" " + text[25_000:]),
    )
    path = tmp_path / "mixed.pdf"
    render_pdf(one_paragraph(content), path)
    printed = text_without_footers(path)
    for span in content:
        assert normalise(span.text) in printed
    with pikepdf.open(path) as pdf:
        assert len([p for p in paragraphs(pdf) if isinstance(p.get("/K"), pikepdf.Array)]) == 1


def _median_seconds(doc: MinutesDocument, target: Path, runs: int = 3) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        render_pdf(doc, target)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def test_export_time_grows_linearly_with_a_paragraph(tmp_path):
    small, large = one_paragraph(spans(long_text(10_000))), one_paragraph(spans(long_text(100_000)))
    render_pdf(small, tmp_path / "warm.pdf")  # fonts registered, modules imported
    ratio = _median_seconds(large, tmp_path / "large.pdf") / _median_seconds(
        small, tmp_path / "small.pdf"
    )
    # Ten times the text: linear is about 10x (the fixed cost of a document makes it less);
    # the quadratic layout this guards against was over 10x at this size and 13x more for 3x.
    assert ratio < 30, f"100 KB took {ratio:.1f}x as long as 10 KB"


@pytest.mark.slow
def test_a_300_kb_paragraph_takes_about_ten_times_a_30_kb_one(tmp_path):
    """Where the old quadratic layout showed most (47x for 10x the text), 30 KB against
    300 KB: linear layout keeps it near 10x."""
    small, large = one_paragraph(spans(long_text(30_000))), one_paragraph(spans(long_text(300_000)))
    render_pdf(small, tmp_path / "warm.pdf")
    ratio = _median_seconds(large, tmp_path / "large.pdf") / _median_seconds(
        small, tmp_path / "small.pdf"
    )
    assert ratio < 30, f"300 KB took {ratio:.1f}x as long as 30 KB"
