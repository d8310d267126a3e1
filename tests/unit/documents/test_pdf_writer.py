"""The PDF minutes: every word in reading order on A4, fonts embedded, tagged for screen readers.

The file is re-opened the way its readers meet it: its text (pypdf), its bookmarks, document
properties and catalog (pikepdf), its structure tree and marked content, and the PDF/UA checks
of the ``pdfua`` package. The minutes here are invented for the tests; the real seed notes are
used as data at the end.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from pcc_minutes.core.records import Action, Figure, FigurePoint, Person
from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.readers.text import read_text
from pcc_minutes.documents.tree import (
    BulletList,
    Heading,
    Image,
    ItemSection,
    ListItem,
    MinutesDocument,
    Paragraph,
    Span,
    Table,
    block_text,
    spans,
)
from pcc_minutes.documents.writers.files import write_atomically
from pcc_minutes.documents.writers.pdf import render_pdf
from tests.conftest import need, seed_files

SPECIALS = ["–", "’", "→", "£", "é", "ŵ", "&", "<", ">"]
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"}


def minutes(status: str = "approved", status_note: str = "", marking: str = "OFFICIAL"):
    """A small meeting of an invented board, with one of everything the minutes can hold."""
    return MinutesDocument(
        title="Harbour Watch Oversight Board",
        organisation="Commissioner for Lantern Vale and the Harbour Chief",
        show_figures=True,  # the export's figures option: the figure table is printed
        date=date(2025, 10, 2),
        start=time(9, 30),
        end=time(11, 0),
        venue="Room 4, Tidemill House",
        marking=marking,
        status=status,
        status_note=status_note,
        opening=[
            Paragraph(
                (
                    Span("The Commissioner, "),
                    Span("Ffion Rhŵs", bold=True),
                    Span(", chaired; the café fund (£1,200) & <spare> notes were ’logged’ → "),
                    Span("later", italic=True),
                    Span("."),
                )
            )
        ],
        attendance=[
            Person("Ffion Rhŵs", "Commissioner"),
            Person("Tomos Quill", "Harbour Chief"),
            Person("Ilse Marrow", "Treasurer", present=False),
        ],
        items=[
            ItemSection(
                title="Lighthouse patrol figures",
                blocks=[
                    Paragraph(spans("Patrol counts climbed – mostly at night.")),
                    Heading(3, spans("Quayside beats:")),
                    BulletList(
                        (
                            ListItem(
                                spans("Night beats doubled"),
                                (
                                    BulletList(
                                        (
                                            ListItem(spans("North quay: 12 → 19")),
                                            ListItem(
                                                (Span("South quay "), Span("flat", italic=True))
                                            ),
                                        )
                                    ),
                                ),
                            ),
                            ListItem(spans("Day beats steady")),
                        )
                    ),
                    BulletList(
                        (ListItem(spans("Survey the slipway")), ListItem(spans("Paint buoys"))),
                        ordered=True,
                    ),
                ],
                figures=[
                    Figure(
                        "Calls answered within 15 minutes",
                        "%",
                        [FigurePoint("Q1", 81), FigurePoint("Q2", 88, approx=True)],
                        target=90,
                    )
                ],
                actions=[
                    Action("Publish the beat map", owner="Tomos Quill", due=date(2025, 11, 1))
                ],
                decisions=["The board adopted the night plan."],
            ),
            ItemSection(
                title="Cadet volunteers <and> sea scouts",
                blocks=[
                    Paragraph(spans("Twenty-two cadets joined; the café <b>stays</b> open.")),
                    Heading(3, spans("Kit budget")),
                    Paragraph(spans("Spend stayed under £3,400 for the year.")),
                ],
            ),
        ],
    )


def render(doc: MinutesDocument, folder: Path, name: str = "minutes.pdf") -> Path:
    target = folder / name
    render_pdf(doc, target)
    return target


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def full_text(path: Path) -> str:
    return normalise(" ".join(page_texts(path)))


def structure(pdf: pikepdf.Pdf) -> list[tuple[str, pikepdf.Dictionary]]:
    """Every structure element of an open PDF as (role, element), parents first, in order."""
    found = []

    def visit(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                visit(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append((str(node.S)[1:], node))
            if "/K" in node:
                visit(node.K)

    visit(pdf.Root.StructTreeRoot.K)
    return found


def roles(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return [role for role, _ in structure(pdf)]


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


@pytest.fixture
def approved_pdf(tmp_path) -> Path:
    return render(minutes(), tmp_path)


@pytest.fixture
def draft_pdf(tmp_path) -> Path:
    return render(minutes("draft", "version 2, 3 October 2025"), tmp_path, "draft.pdf")


# --- what it says ------------------------------------------------------------------------


def test_every_line_of_the_minutes_is_in_the_pdf_in_reading_order(approved_pdf):
    text = full_text(approved_pdf)
    position = 0
    for block in layout(minutes()):
        for line in block_text(block).split("\n"):
            line = normalise(line)
            if not line:
                continue
            found = text.find(line, position)
            assert found >= 0, f"missing or out of order: {line!r}"
            position = found + len(line)


def test_every_special_character_survives(approved_pdf):
    text = full_text(approved_pdf)
    for char in SPECIALS:
        assert char in text, char
    assert "Ffion Rhŵs" in text
    assert "(£1,200) & <spare> notes were ’logged’ →" in text


def test_markup_typed_by_the_user_stays_text(approved_pdf):
    assert "the café <b>stays</b> open." in full_text(approved_pdf)


def test_pages_are_a4(approved_pdf):
    for page in PdfReader(approved_pdf).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1


def test_every_page_is_numbered_page_x_of_y(tmp_path):
    doc = minutes()
    doc.items.append(
        ItemSection(title="Long report", blocks=[Paragraph(spans("Gulls and lights. " * 600))])
    )
    texts = page_texts(render(doc, tmp_path))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in normalise(text)


def test_the_marking_heads_and_foots_every_page(tmp_path):
    doc = minutes(marking="OFFICIAL-SENSITIVE")
    doc.items.append(ItemSection(title="Long report", blocks=[Paragraph(spans("Tide. " * 900))]))
    for text in page_texts(render(doc, tmp_path)):
        assert normalise(text).count("OFFICIAL-SENSITIVE") >= 2


def test_a_draft_says_draft_with_its_status_note(draft_pdf):
    texts = page_texts(draft_pdf)
    for text in texts:
        assert "DRAFT – version 2, 3 October 2025" in normalise(text)


def test_approved_minutes_carry_no_draft_marking(approved_pdf):
    assert "DRAFT" not in full_text(approved_pdf)
    with pikepdf.open(approved_pdf) as pdf:
        for page in pdf.pages:
            assert b"Watermark" not in page.Contents.read_bytes()


def test_a_draft_has_a_watermark_on_every_page_marked_as_an_artifact(draft_pdf):
    with pikepdf.open(draft_pdf) as pdf:
        for page in pdf.pages:
            content = page.Contents.read_bytes()
            assert b"/Artifact <</Type /Pagination /Subtype /Watermark>> BDC" in content


# --- document properties and navigation --------------------------------------------------


def test_each_agenda_item_has_a_bookmark_titled_with_its_heading(approved_pdf):
    outline = PdfReader(approved_pdf).outline
    top = [entry for entry in outline if not isinstance(entry, list)]
    assert [entry.title for entry in top] == [
        "Item 1: Lighthouse patrol figures",
        "Item 2: Cadet volunteers <and> sea scouts",
    ]
    nested = [entry for entry in outline if isinstance(entry, list)]
    assert [[sub.title for sub in group] for group in nested] == [
        ["Quayside beats:"],
        ["Kit budget"],
    ]


def test_document_properties_title_author_subject_and_language(approved_pdf):
    meta = PdfReader(approved_pdf).metadata
    assert meta.title == "Harbour Watch Oversight Board"
    assert meta.author == "Commissioner for Lantern Vale and the Harbour Chief"
    assert "2 October 2025" in meta.subject
    with pikepdf.open(approved_pdf) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(pdf.Root.MarkInfo.Marked) is True
        xmp = pdf.open_metadata()
        assert xmp["dc:title"] == "Harbour Watch Oversight Board"
        assert str(xmp["pdfuaid:part"]) == "1"
        assert "en-GB" in xmp["dc:language"]


def test_the_file_works_through_write_atomically(tmp_path):
    target = tmp_path / "out.pdf"
    write_atomically(target, lambda temp: render_pdf(minutes(), temp))
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


# --- tagging -------------------------------------------------------------------------------


def test_the_structure_tree_has_headings_paragraphs_lists_and_a_table(approved_pdf):
    found = roles(approved_pdf)
    assert found[0] == "Document"
    for role in ["H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"]:
        assert role in found, role
    assert found.count("H1") == 1
    assert found.count("H2") == 2
    assert found.count("TH") == 5  # Figure, Period, Value, Unit, Target


def test_header_cells_are_column_headers_and_lists_say_how_they_are_numbered(approved_pdf):
    with pikepdf.open(approved_pdf) as pdf:
        elements = structure(pdf)
        scopes = [str(e.A.Scope) for role, e in elements if role == "TH"]
        numbering = [str(e.A.ListNumbering) for role, e in elements if role == "L"]
    assert scopes == ["/Column"] * 5
    assert set(numbering) == {"/Disc", "/Decimal"}


def test_a_nested_list_belongs_to_the_body_of_its_bullet(approved_pdf):
    with pikepdf.open(approved_pdf) as pdf:
        parents = [str(e.P.S) for role, e in structure(pdf) if role == "L"]
    assert parents.count("/LBody") == 1


def test_every_mark_on_every_page_is_tagged_content_or_an_artifact(draft_pdf):
    with pikepdf.open(draft_pdf) as pdf:
        parent_tree = dict(_number_tree(pdf.Root.StructTreeRoot.ParentTree))
        for index, page in enumerate(pdf.pages):
            assert int(page.StructParents) == index
            assert str(page.Tabs) == "/S"
            depth, mcids = 0, []
            for instruction in pikepdf.parse_content_stream(page):
                operator = str(instruction.operator)
                if operator in ("BDC", "BMC"):
                    depth += 1
                    properties = instruction.operands[-1]
                    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                        mcids.append(int(properties.MCID))
                elif operator == "EMC":
                    depth -= 1
                elif operator in PAINTING:
                    assert depth > 0, f"page {index + 1}: {operator} outside marked content"
            assert depth == 0
            assert mcids == list(range(len(mcids)))
            elements = parent_tree[index]
            assert len(elements) == len(mcids)
            for mcid, element in enumerate(elements):
                assert mcid in _mcids_of(element, page), (index, mcid)


def test_a_paragraph_split_across_pages_stays_one_element(tmp_path):
    doc = minutes()
    doc.items[1].blocks.append(Paragraph(spans("Seals on the breakwater again. " * 220)))
    with pikepdf.open(render(doc, tmp_path)) as pdf:
        split = [
            element
            for role, element in structure(pdf)
            if role == "P" and isinstance(element.get("/K"), pikepdf.Array)
        ]
        assert len(split) == 1
        first, *rest = list(split[0].K)
        assert isinstance(first, int)  # on the element's own page
        assert rest  # and the rest on the pages after it
        for kid in rest:
            assert kid.Type == "/MCR"
            assert kid.Pg.objgen != split[0].Pg.objgen


def test_a_table_header_repeated_on_the_next_page_is_not_read_twice(tmp_path):
    doc = minutes()
    rows = [(spans("Ward"), spans("Calls"))] + [
        (spans(f"Ward {n}"), spans(str(n * 7))) for n in range(90)
    ]
    doc.items[1].blocks.append(Table(tuple(rows)))
    path = render(doc, tmp_path)
    assert roles(path).count("TH") == 5 + 2
    assert normalise(page_texts(path)[-1]).count("Ward Calls") == 1  # drawn again, as artifact


def test_a_logo_picture_is_a_figure_with_its_alt_text(tmp_path):
    pil = pytest.importorskip("PIL.Image")
    logo = tmp_path / "crest.png"
    pil.new("RGB", (240, 80), (20, 90, 40)).save(logo)
    doc = minutes()
    doc.logo = Image(alt="Green crest of the harbour board", source=str(logo))
    with pikepdf.open(render(doc, tmp_path)) as pdf:
        alts = [str(e.Alt) for role, e in structure(pdf) if role == "Figure"]
    assert alts == ["Green crest of the harbour board"]


def test_a_logo_without_its_picture_draws_nothing(tmp_path):
    doc = minutes()
    doc.logo = Image(alt="A crest we do not have", source="logo")
    path = render(doc, tmp_path)
    assert "Figure" not in roles(path)
    assert "A crest we do not have" not in full_text(path)


def test_pdfua_checks_find_no_errors_and_no_warnings(approved_pdf, draft_pdf):
    pdfua = pytest.importorskip("pdfua")
    for path in (approved_pdf, draft_pdf):
        report = pdfua.validate(str(path))
        assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
        assert report.skipped == ()


@pytest.mark.slow
def test_page_furniture_is_left_out_of_the_structure(draft_pdf):
    """What a screen reader reads (the tagged text) has no header, footer or watermark."""
    result = subprocess.run(
        [tool("pdfinfo"), "-struct-text", str(draft_pdf)],
        capture_output=True,
        text=True,
        check=True,
    )
    tagged = normalise(result.stdout)
    assert "Harbour Watch Oversight Board" in tagged
    assert "Page 1 of" not in tagged
    assert "DRAFT" not in tagged
    # Each line break is a real space, so words at the ends of lines do not run together.
    assert "Ffion Rhŵs, chaired; the café fund (£1,200)" in tagged


# --- fonts ---------------------------------------------------------------------------------


def test_every_font_is_embedded_and_none_is_base_14(draft_pdf):
    with pikepdf.open(draft_pdf) as pdf:
        fonts = {}
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                fonts[str(font.BaseFont)] = font
        assert fonts
        for base_font, font in fonts.items():
            assert "LiberationSans" in base_font, base_font
            descriptor = font.FontDescriptor
            assert "/FontFile2" in descriptor, base_font


@pytest.mark.slow
def test_pdffonts_shows_every_font_embedded(draft_pdf):
    result = subprocess.run(
        [tool("pdffonts"), str(draft_pdf)], capture_output=True, text=True, check=True
    )
    rows = result.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        columns = row.split()
        assert columns[-5] == "yes", row  # the "emb" column


# --- the real seed notes -------------------------------------------------------------------


def normalise_seed_line(line: str) -> str:
    line = normalise(line)
    line = re.sub(r"^·\s*", "", line)
    return re.sub(r"^Item (\d+)\.\s", r"Item \1: ", line)


def seed_lines(path: Path) -> list[str]:
    """The seed's lines, except the logo's alt text: the picture itself was never imported."""
    kept, in_image = [], False
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.lstrip().startswith("[image:") or in_image:
            in_image = not raw.rstrip().endswith("]")
            continue
        line = normalise_seed_line(raw)
        if line:
            kept.append(line)
    return kept


@pytest.mark.parametrize("index", [0, 1])
def test_every_line_of_a_seed_note_is_in_its_pdf(tmp_path, index):
    seeds = need(seed_files(), "seed notes")
    if index >= len(seeds):
        pytest.skip("fewer seed notes than expected")
    seed = seeds[index]
    doc = read_text(seed)
    # As published: with no DRAFT header or watermark, only the page number stands between
    # the halves of a paragraph that runs on to the next page.
    doc.status = "approved"
    path = render(doc, tmp_path)
    pages = [re.sub(r"Page \d+ of \d+\s*$", "", text.rstrip()) for text in page_texts(path)]
    text = normalise(" ".join(pages))
    for line in seed_lines(seed):
        assert line in text, f"lost: {line!r}"
    top = [e for e in PdfReader(path).outline if not isinstance(e, list)]
    assert [e.title for e in top] == [
        f"Item {n}: {item.shown_heading}" for n, item in enumerate(doc.items, start=1)
    ]
    original = seed.read_text(encoding="utf-8")
    for char in "–’→":
        assert (char in text) == (char in original), char


@pytest.mark.slow
def test_a_screen_reader_meets_every_line_of_a_seed_note_in_order(tmp_path):
    """The tagged text, read from the structure tree, has every line of the seed in order."""
    pdfinfo = tool("pdfinfo")
    for seed in need(seed_files(), "seed notes"):
        path = render(read_text(seed), tmp_path, f"{seed.stem}.pdf")
        result = subprocess.run(
            [pdfinfo, "-struct-text", str(path)], capture_output=True, text=True, check=True
        )
        tagged = normalise(" ".join(re.findall(r'^\s*"(.*)"$', result.stdout, re.MULTILINE)))
        position = 0
        for line in seed_lines(seed):
            found = tagged.find(line, position)
            assert found >= 0, f"{seed.name}: missing or out of order: {line!r}"
            position = found + len(line)


# --- helpers -------------------------------------------------------------------------------


def _number_tree(node):
    """(key, value) pairs of a PDF number tree, leaves and kids alike."""
    if "/Nums" in node:
        nums = list(node.Nums)
        yield from zip(nums[::2], nums[1::2], strict=True)
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


def _mcids_of(element, page) -> set[int]:
    """The MCIDs an element's /K claims on ``page``."""
    kids = element.K
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    own_page = element.get("/Pg")
    found = set()
    for kid in kids:
        if isinstance(kid, int) and own_page is not None and own_page.objgen == page.objgen:
            found.add(int(kid))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            if kid.Pg.objgen == page.objgen:
                found.add(int(kid.MCID))
    return found
