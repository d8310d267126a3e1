"""Word tables as an office publishes them: exactly as wide as the text on an A4 page with
Word's default margins, columns sized to their content with no word broken inside a cell, no
row split across two pages, a trend's table kept on the page of its chart, and widow and
orphan control on. The meeting here is invented for the tests."""

from __future__ import annotations

from datetime import date

import docx
from docx.oxml.ns import qn
from docx.shared import Emu

from pcc_minutes.core.records import Action, AgendaItem, Figure, FigurePoint, Meeting
from pcc_minutes.documents.build import build_minutes
from pcc_minutes.documents.columns import column_shares
from pcc_minutes.documents.tree import Table, spans
from pcc_minutes.documents.writers.docx import render_docx
from tests.unit.documents.test_trends import minutes_with_trends


def cells(*rows: tuple[str, ...]) -> tuple[tuple, ...]:
    return tuple(tuple(spans(text) for text in row) for row in rows)


def test_no_column_is_narrower_than_its_longest_word_and_the_shares_fill_the_width():
    table = Table(
        cells(
            ("No.", "Action", "Owner", "Status"),
            ("1", "Write to every district commander about the plan", "Constabulary", "Open"),
        ),
        widths=(5.0, 80.0, 8.0, 7.0),
    )
    shares = column_shares(table, 4, line_chars=80)
    assert abs(sum(shares) - 1) < 1e-9
    # "Constabulary" is 12 letters: with the cell's margins it needs 14 of the 80 characters.
    assert shares[2] >= 14 / 80 - 1e-9
    assert shares[3] >= (len("Status") * 1.1 + 2) / 80 - 1e-9  # a bold header word
    assert shares[1] > shares[2]  # the long text keeps the room that is left


def test_words_too_long_for_any_share_divide_the_width_by_their_lengths():
    table = Table(cells(("A" * 60, "B" * 60)), header=False)
    assert column_shares(table, 2, line_chars=80) == [0.5, 0.5]


def september() -> Meeting:
    item = AgendaItem(
        id=1,
        position=1,
        title="Firearms licensing",
        notes="Renewals outstanding fell to 800.",
        figures=(
            Figure(
                "Outstanding firearms licence renewals",
                "count",
                (FigurePoint("February 2025", 1200), FigurePoint("September 2025", 800)),
            ),
        ),
        actions=(Action("Report the renewals each month", "Chief Constable", date(2025, 10, 9)),),
    )
    return Meeting(id=1, title="Panel", date=date(2025, 9, 11), items=(item,))


def test_every_table_is_as_wide_as_the_text_and_no_row_splits(tmp_path):
    path = tmp_path / "minutes.docx"
    render_docx(build_minutes(september(), figures=True), path)
    word = docx.Document(str(path))
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == round(section.right_margin.cm, 2) == 2.54
    text_width = section.page_width - section.left_margin - section.right_margin
    assert word.tables, "the meeting has a figure table and an action table"
    for table in word.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) - Emu(text_width).twips) <= 2
        assert table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:type")) == "dxa"
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert (
        defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:widowControl")) is not None
    )


def test_a_trends_table_stays_on_the_page_of_its_chart(tmp_path):
    path = tmp_path / "trends.docx"
    render_docx(minutes_with_trends(), path)
    word = docx.Document(str(path))
    body = list(word.element.body)
    charts = [
        i for i, e in enumerate(body) if e.tag == qn("w:p") and e.findall(".//" + qn("wp:docPr"))
    ]
    assert charts, "the trend's chart is a picture"
    table_index = max(i for i, e in enumerate(body[: charts[0]]) if e.tag == qn("w:tbl"))
    kept = body[table_index].findall(".//" + qn("w:keepNext"))
    paragraphs = body[table_index].findall(".//" + qn("w:p"))
    assert len(kept) == len(paragraphs)  # every line of the table keeps with what follows
    for between in body[table_index + 1 : charts[0]]:  # the spacer paragraph too
        assert between.find(".//" + qn("w:keepNext")) is not None
    # An ordinary figure table elsewhere keeps only its header row with the next row.
    september_path = tmp_path / "september.docx"
    render_docx(build_minutes(september(), figures=True), september_path)
    table = docx.Document(str(september_path)).tables[0]
    assert table.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next
    assert not table.rows[-1].cells[0].paragraphs[0].paragraph_format.keep_with_next
