"""The PDF writer's quick paths must make exactly what reportlab makes on its own.

Plain paragraphs are broken into lines and drawn without reportlab's general machinery, list
labels are drawn in one step, tables are sized and drawn by the writer's own grid (and
cells holding one paragraph placed directly in reportlab's),
characters are coded in one pass, the frame is copied cheaply, and the structure tree,
bookmarks and metadata are written into reportlab's own file. Each is checked against the
reportlab code it stands in for: the same lines, the same operators, the same pages byte for
byte, and a structure tree that still claims every mark on every page.
"""

from __future__ import annotations

import copy
import random
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pikepdf
import pytest
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import KeepTogether
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.paragraph import cleanBlockQuotedText

from pcc_minutes.core.records import Action, Figure, FigurePoint
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
from pcc_minutes.documents.writers.pdf import flowables, line_breaking, render_pdf, story, writer
from pcc_minutes.documents.writers.pdf.canvas import MinutesCanvas
from pcc_minutes.documents.writers.pdf.fonts import FONT, FONT_BOLD, register_fonts
from pcc_minutes.documents.writers.pdf.fragments import clean
from pcc_minutes.documents.writers.pdf.frame import MinutesFrame
from pcc_minutes.documents.writers.pdf.furniture import Furniture
from pcc_minutes.documents.writers.pdf.line_breaking import plain_lines
from pcc_minutes.documents.writers.pdf.paragraph_draw import draw_label, draw_plain, split_string
from pcc_minutes.documents.writers.pdf.styles import styles
from pcc_minutes.documents.writers.pdf.table import MinutesTable, reportlab_table

WORDS = (
    "the quay patrol café £1,200 night–shift ’logged’ → beats Rhŵs of a an to volunteers "
    "lighthouse breakwater Tidemill extraordinarily-long-hyphenated-word seals"
).split()


def sentence(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def meeting(items: int) -> MinutesDocument:
    """An invented board's meeting with headings, nested bullets, a table and actions."""
    notes = [
        Paragraph(spans("Counts at the quay rose – the café fund stayed at £1,200 all year.")),
        Heading(3, spans("Points raised:")),
        BulletList(
            (
                ListItem(
                    spans("Night beats doubled on the north quay"),
                    (BulletList((ListItem(spans("Volunteers joined in May")),)),),
                ),
                ListItem((Span("Lights ", bold=True), Span("stayed on", italic=True))),
            )
        ),
        BulletList((ListItem(spans("Survey the slipway")),), ordered=True),
    ]
    return MinutesDocument(
        title="Harbour Watch Oversight Board",
        organisation="Commissioner for Lantern Vale",
        show_figures=True,  # the export's figures option: every item has a figure table
        date=date(2025, 10, 2),
        start=time(9, 30),
        venue="Tidemill House",
        marking="OFFICIAL",
        status="draft",
        items=[
            ItemSection(
                title=f"Harbour topic {n}",
                blocks=list(notes),
                figures=[Figure("Calls answered", "%", [FigurePoint("Q1", 81)], target=90)],
                actions=[Action(f"Report on topic {n}", owner="Tomos Quill")],
            )
            for n in range(1, items + 1)
        ],
    )


# --- line breaking --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_plain_lines_are_reportlabs_lines(seed):
    register_fonts()
    rng = random.Random(seed)
    line_breaking.new_export()
    for role in ("body", "item", "cell", "h2", "timing"):
        style = styles()[role]
        for _ in range(40):
            text = sentence(rng, rng.randint(1, 60))
            width = rng.choice([60.0, 123.4, 200.0, 451.27559055118115])
            ours = RLParagraph(text, style)
            theirs = RLParagraph(text, style)
            mine = plain_lines(ours, [width, width])
            reference = RLParagraph.breakLines(theirs, [width, width])
            if mine is None:  # a word wider than the line: left to reportlab
                assert any(
                    getFont(style.fontName).stringWidth(word, style.fontSize) > width
                    for word in text.split()
                )
                continue
            assert mine.lines == reference.lines
            assert (mine.kind, mine.ascent, mine.descent, mine.fontSize) == (
                reference.kind,
                reference.ascent,
                reference.descent,
                reference.fontSize,
            )
            assert ours._width_max == theirs._width_max


def test_paragraphs_with_extras_are_left_to_reportlab():
    register_fonts()
    style = styles()["body"]
    assert plain_lines(RLParagraph("a <b>bold</b> word", style), [100, 100]) is None
    assert plain_lines(RLParagraph("soft\xadhyphen here", style), [100, 100]) is None
    assert plain_lines(RLParagraph("no\xa0break", style), [100, 100]) is None


# --- drawing --------------------------------------------------------------------------------


def _canvas(tmp_path: Path) -> MinutesCanvas:
    """The writer's own canvas (its lines end in a real space), with an empty page."""
    canvas = MinutesCanvas(
        str(tmp_path / "scratch.pdf"), furniture=Furniture(), initialFontName=FONT
    )
    canvas._code = []
    return canvas


@pytest.mark.parametrize("role", ["body", "h1", "h2", "cell", "header_cell", "draft", "timing"])
def test_a_plain_paragraph_is_drawn_with_reportlabs_own_operators(tmp_path, role):
    register_fonts()
    rng = random.Random(role)
    style = styles()[role]
    drawn = 0
    for _ in range(15):
        text = sentence(rng, rng.randint(1, 40)).replace("&", "&amp;")
        ours, theirs = RLParagraph(text, style), RLParagraph(text, style)
        ours.wrap(300, 1000)
        theirs.wrap(300, 1000)
        mine, reference = _canvas(tmp_path), _canvas(tmp_path)
        if not draw_plain(ours, mine, 72, 400.5):
            # only a line squeezed to fit (reportlab narrows its word spacing) is left
            assert any(extra <= -1e-8 for extra, _ in ours.blPara.lines)
            continue
        drawn += 1
        theirs.drawOn(reference, 72, 400.5)
        # the page is its code entries joined by line breaks
        assert "\n".join(mine._code) == "\n".join(reference._code)
        assert mine.__dict__.keys() == reference.__dict__.keys()
        assert mine._currentMatrix == reference._currentMatrix
        assert mine._fillColorObj == reference._fillColorObj
    assert drawn >= 5


def test_a_paragraph_that_is_not_plain_is_left_to_reportlab(tmp_path):
    register_fonts()
    paragraph = RLParagraph("mixed <b>bold</b> and plain", styles()["body"])
    paragraph.wrap(300, 1000)
    assert not draw_plain(paragraph, _canvas(tmp_path), 72, 400)


def test_a_list_label_is_drawn_with_reportlabs_own_operators(tmp_path):
    register_fonts()
    style = styles()["item"]
    for label in ("•", "1.", "12.", "ŵ"):
        mine, reference = _canvas(tmp_path), _canvas(tmp_path)
        draw_label(mine, 30.5, 4, label, style.fontName, style.fontSize, style.textColor)
        reference.setFont(style.fontName, style.fontSize)
        reference.setFillColor(style.textColor)
        reference.drawRightString(30.5, 4, label)
        assert "\n".join(mine._code) == "\n".join(reference._code)
        assert (mine._fontname, mine._fontsize, mine._leading) == (
            reference._fontname,
            reference._fontsize,
            reference._leading,
        )


def test_characters_are_coded_as_reportlab_codes_them(tmp_path):
    register_fonts()
    doc = _canvas(tmp_path)._doc
    ours, theirs = getFont(FONT_BOLD), getFont(FONT_BOLD)
    rng = random.Random(3)
    for _ in range(300):
        text = sentence(rng, rng.randint(1, 8)) + rng.choice(["", " ", "\x00", "\xa0x"])
        # The reference runs second: it must find the codes the quick path left behind.
        mine = split_string(ours, text, doc)
        assert mine == theirs.splitString(text, doc)


# --- cleaning and copying -------------------------------------------------------------------


def test_markup_is_cleaned_as_reportlab_cleans_it():
    rng = random.Random(5)
    pieces = ["a", "bc", " ", "  ", "\n", "\t", "\r\n", "\u2028", "\u3000", "\u200b", "\xa0"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert clean(text) == cleanBlockQuotedText(text), repr(text)


def test_a_copied_frame_is_a_deep_copy():
    frame = MinutesFrame(72, 72, 400, 600, id="text")
    frame._frameBGs = [("red", 1)]
    frame._extra = {"kept": [1, 2]}
    twin = copy.deepcopy(frame)
    assert twin.__dict__ == frame.__dict__
    assert twin._frameBGs is not frame._frameBGs
    assert twin._extra["kept"] is not frame._extra["kept"]
    twin._add_height = 3
    assert not hasattr(frame, "_add_height")


# --- whole files ----------------------------------------------------------------------------


def _contents(path: Path) -> list[bytes]:
    with pikepdf.open(path) as pdf:
        return [page.Contents.read_bytes() for page in pdf.pages]


def test_the_quick_paths_change_no_byte_of_any_page(tmp_path, monkeypatch):
    doc = meeting(12)
    doc.items[3].blocks.append(Paragraph(spans("Seals on the breakwater again. " * 300)))
    rows = [(spans("Ward"), spans("Calls"))] + [
        (spans(f"Ward {n}"), spans(str(n * 7))) for n in range(70)
    ]
    doc.items[5].blocks.append(Table(tuple(rows), header=True))
    quick = tmp_path / "quick.pdf"
    render_pdf(doc, quick)

    monkeypatch.setattr(flowables, "draw_plain", lambda *args: False)
    monkeypatch.setattr(flowables, "plain_lines", lambda *args: None)

    def label(canvas, right, baseline, text, font_name, size, color):
        canvas.setFont(font_name, size)
        canvas.setFillColor(color)
        canvas.drawRightString(right, baseline, text)

    monkeypatch.setattr(flowables, "draw_label", label)
    monkeypatch.setattr(MinutesTable, "_drawCell", RLTable._drawCell)
    monkeypatch.setattr(writer, "KeepWithNext", KeepTogether)
    monkeypatch.setattr(story, "table_cell", story.tagged_paragraph)
    monkeypatch.setattr(story, "text_flowable", story.paragraph_flowable)
    plain = tmp_path / "plain.pdf"
    render_pdf(doc, plain)
    assert len(_contents(quick)) > 5
    assert _contents(quick) == _contents(plain)


def test_the_grid_tables_change_no_byte_of_any_page(tmp_path, monkeypatch):
    """Tables sized and drawn by ``GridTable`` make the pages reportlab's own table made:
    with and without a header, with empty cells, inside a list, split across pages (a long
    table, and short ones wherever they meet the foot of a page)."""
    doc = meeting(14)
    rows = [(spans("Ward"), spans("Calls"))] + [
        (spans(f"Ward {n}"), spans(str(n * 7) if n % 5 else "")) for n in range(70)
    ]
    doc.items[2].blocks.append(Table(tuple(rows), header=True))
    plain_rows = tuple((spans(f"Beat {n} of the quay"), spans("night")) for n in range(4))
    for item in doc.items[4:]:
        item.blocks.append(Table(plain_rows, header=False))
    nested = ListItem(spans("Counts by beat"), (Table(plain_rows[:2], header=True),))
    doc.items[6].blocks.append(BulletList((nested,)))
    ragged = ((spans("One"), spans("Two"), spans("Three")), (spans("only one"),))
    doc.items[8].blocks.append(Table(ragged, header=True, widths=(1, 2, 1)))
    grid = tmp_path / "grid.pdf"
    render_pdf(doc, grid)

    monkeypatch.setattr(story, "GridTable", reportlab_table)
    reference = tmp_path / "reportlab.pdf"
    render_pdf(doc, reference)
    assert len(_contents(grid)) > 8
    assert _contents(grid) == _contents(reference)


def test_plain_cells_change_no_byte_of_any_page(tmp_path, monkeypatch):
    """Cells measured and drawn by ``PlainText`` make the pages paragraphs of their text
    made: one line or several, empty, bold, with '&', a no-break space, a word wider than
    its column, narrow columns, a header repeated on the next page."""
    rng = random.Random(8)
    doc = meeting(6)
    odd = ["", "a\xa0b", "A & B", "<tag>", "extraordinarily-long-hyphenated-word-of-the-quay"]
    rows = [(spans("Ward"), spans("Calls"), (Span("Note", bold=True),), spans("x"))]
    for n in range(60):
        rows.append(
            (
                spans(sentence(rng, rng.randint(1, 12))),
                spans(rng.choice(odd + [str(n)])),
                (Span("bold ", bold=True), Span(sentence(rng, 3))) if n % 7 == 0 else spans(""),
                spans(sentence(rng, rng.randint(1, 30))),
            )
        )
    doc.items[1].blocks.append(Table(tuple(rows), header=True, widths=(3, 1, 2, 1)))
    cells = tmp_path / "cells.pdf"
    render_pdf(doc, cells)
    monkeypatch.setattr(story, "table_cell", story.tagged_paragraph)
    paragraphs = tmp_path / "paragraphs.pdf"
    render_pdf(doc, paragraphs)
    assert len(_contents(cells)) > 4
    assert _contents(cells) == _contents(paragraphs)


def test_plain_text_changes_no_byte_of_any_page(tmp_path, monkeypatch):
    """Paragraphs and bullets whose text is a ``PlainText`` make the pages paragraphs of
    their text made: short and long ones, bold ones, numbered and nested lists, text cut
    across pages."""
    rng = random.Random(9)
    doc = meeting(8)
    for item in doc.items:
        bullets = []
        for n in range(rng.randint(3, 12)):
            content = spans(sentence(rng, rng.choice([2, 8, 40, 90])))
            if n % 5 == 4:
                content = (Span("Agreed: ", bold=True), *content)
            nested = (BulletList((ListItem(spans(sentence(rng, 20))),), ordered=True),)
            bullets.append(ListItem(content, nested if n % 4 == 3 else ()))
        item.blocks.append(BulletList(tuple(bullets), ordered=rng.random() < 0.5))
        for _ in range(rng.randint(1, 4)):
            item.blocks.append(Paragraph(spans(sentence(rng, rng.choice([3, 30, 120])))))
    text = tmp_path / "text.pdf"
    render_pdf(doc, text)
    monkeypatch.setattr(story, "text_flowable", story.paragraph_flowable)
    paragraphs = tmp_path / "paragraphs.pdf"
    render_pdf(doc, paragraphs)
    pages = _contents(text)
    assert len(pages) > 8
    assert pages == _contents(paragraphs)


@pytest.mark.parametrize("status", ["draft", "approved"])
def test_page_furniture_drawn_once_and_repeated_changes_no_byte(tmp_path, monkeypatch, status):
    """The watermark and header drawn on the first page are repeated on the others: the
    pages are those of drawing them afresh on every page."""
    doc = replace(meeting(10), status=status)
    kept = tmp_path / "kept.pdf"
    render_pdf(doc, kept)
    monkeypatch.setattr(Furniture, "draw_page_start", Furniture.draw_page_start_afresh)
    afresh = tmp_path / "afresh.pdf"
    render_pdf(doc, afresh)
    pages = _contents(kept)
    assert len(pages) > 3
    assert (b"DRAFT" in pages[-1]) == (status == "draft")
    assert pages == _contents(afresh)


def _number_tree(node):
    if "/Nums" in node:
        nums = list(node.Nums)
        yield from zip(nums[::2], nums[1::2], strict=True)
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


def _claimed(element, page) -> set[int]:
    kids = element.K
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    found = set()
    for kid in kids:
        if isinstance(kid, int) and element.Pg.objgen == page.objgen:
            found.add(int(kid))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            if kid.Pg.objgen == page.objgen:
                found.add(int(kid.MCID))
    return found


def test_the_structure_tree_claims_every_mark_on_every_page_of_a_long_meeting(tmp_path):
    target = tmp_path / "long.pdf"
    render_pdf(meeting(30), target)
    with pikepdf.open(target) as pdf:
        assert len(pdf.pages) > 8
        root = pdf.Root.StructTreeRoot
        parent_tree = dict(_number_tree(root.ParentTree))
        assert int(root.ParentTreeNextKey) == len(pdf.pages)
        for index, page in enumerate(pdf.pages):
            assert int(page.StructParents) == index
            mcids = [
                int(instruction.operands[-1].MCID)
                for instruction in pikepdf.parse_content_stream(page)
                if str(instruction.operator) == "BDC"
                and isinstance(instruction.operands[-1], pikepdf.Dictionary)
                and "/MCID" in instruction.operands[-1]
            ]
            assert mcids == list(range(len(mcids)))
            elements = list(parent_tree[index])
            assert len(elements) == len(mcids)
            for mcid, element in enumerate(elements):
                assert element.Type == "/StructElem"
                assert mcid in _claimed(element, page), (index, mcid)
                # every element's parent chain ends at the tree's root
                node = element
                while "/P" in node and node.get("/Type") == "/StructElem":
                    node = node.P
                assert node.objgen == root.objgen


def _roles(path: Path) -> list[tuple[str, int]]:
    """Every structure element's role and kid count, in reading order."""
    found = []
    with pikepdf.open(path) as pdf:
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            element = stack.pop()
            kids = element.get("/K", [])
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            found.append((str(element.S), len(kids)))
            stack += [
                kid
                for kid in reversed(kids)
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem"
            ]
    return found


def test_a_file_written_by_reportlab_itself_has_the_same_structure(tmp_path, monkeypatch):
    """With reportlab's debugging comments on, reportlab formats the file itself: the
    structure elements written as one run of objects are then written one by one."""
    quick = tmp_path / "quick.pdf"
    render_pdf(meeting(4), quick)
    monkeypatch.setattr(rl_config, "pdfComments", 1)
    monkeypatch.setattr(rl_config, "invariant", 0)
    slow = tmp_path / "reportlab.pdf"
    render_pdf(meeting(4), slow)
    assert b"% page stream" in slow.read_bytes()  # reportlab's own writing, comments and all
    assert len(_roles(quick)) > 50
    assert _roles(slow) == _roles(quick)
    assert _contents(slow) == _contents(quick)


def test_bookmarks_point_at_their_headings_and_the_file_is_pdf_1_7(tmp_path):
    target = tmp_path / "marks.pdf"
    render_pdf(meeting(5), target)
    assert target.read_bytes().startswith(b"%PDF-1.7")
    with pikepdf.open(target) as pdf:
        assert pdf.Root.PageMode == "/UseOutlines"
        with pdf.open_outline() as outline:
            top = list(outline.root)
            assert [item.title for item in top] == [
                f"Item {n}: Harbour topic {n}" for n in range(1, 6)
            ]
            for item in top:
                assert item.is_closed
                assert [child.title for child in item.children] == ["Points raised:"]
        entry = pdf.Root.Outlines.First
        while entry is not None:
            assert entry.SE.S == "/H2"
            assert entry.Dest[0].Type == "/Page"
            entry = entry.get("/Next")
        info = pdf.docinfo
        assert "/Trapped" not in info
        xmp = pdf.open_metadata()
        created = str(info.CreationDate)  # D:YYYYMMDDhhmmss+hh'mm'
        assert xmp["xmp:CreateDate"].startswith(
            f"{created[2:6]}-{created[6:8]}-{created[8:10]}T{created[10:12]}:{created[12:14]}"
        )
        assert xmp["dc:creator"] == ["Commissioner for Lantern Vale"]
