"""Trends in the minutes: a figure reported in earlier meetings is followed by a table of its
values and a chart whose alt text says what it shows; in Word a picture with that alt text,
in the PDF vector drawing tagged as a Figure with /Alt; an item without earlier values prints
no trend. The figures here are invented for the tests."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pikepdf
import pytest
from PIL import Image

from pcc_minutes.core.records import AgendaItem, Figure, FigurePoint, Meeting
from pcc_minutes.core.tracking import Indicator, Trend, TrendPoint, TrendSource
from pcc_minutes.documents import trends as trend_text
from pcc_minutes.documents.build import build_minutes
from pcc_minutes.documents.chart import line_chart, value_range
from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.documents.tree import Chart, Table, plain_text
from pcc_minutes.documents.writers.docx import render_docx
from pcc_minutes.documents.writers.pdf import render_pdf

AUG, SEP, OCT = date(2025, 8, 14), date(2025, 9, 11), date(2025, 10, 9)
SENTENCE = (
    "Chart: outstanding firearms licence renewals fell from 1,200 in August 2025 to 650 in "
    "October 2025."
)


def point(period, when, value, meeting_id, day, target=None) -> TrendPoint:
    return TrendPoint(
        period,
        when,
        value,
        target=target,
        meeting_id=meeting_id,
        date=day,
        item=1,
        sources=(TrendSource(meeting_id, day, 1, value),),
    )


def renewals(*, later: bool = False) -> Trend:
    points = [
        point("August 2025", date(2025, 8, 1), 1200, 1, AUG),
        point("September 2025", date(2025, 9, 1), 800, 2, SEP),
        point("October 2025", date(2025, 10, 1), 650, 3, OCT),
    ]
    if later:  # a meeting after the one exported: never in its minutes
        points.append(point("November 2025", date(2025, 11, 1), 400, 4, date(2025, 11, 13)))
    return Trend(
        Indicator(7, "Outstanding firearms licence renewals", "count", False), tuple(points)
    )


def october(*, with_new_figure: bool = True) -> Meeting:
    figures = [
        Figure(
            "Outstanding firearms licence renewals",
            "count",
            (FigurePoint("October 2025", 650),),
            id=31,
        )
    ]
    if with_new_figure:
        figures.append(Figure("Drones deployed", "count", (FigurePoint("October 2025", 3),), id=32))
    item = AgendaItem(
        id=5,
        position=1,
        title="Firearms licensing",
        notes="Renewals outstanding fell again, to 650.",
        figures=tuple(figures),
    )
    title = "Accountability and Performance Meeting"
    # Approved: no DRAFT watermark, whose letters pdftotext would mix into the table's lines.
    return Meeting(id=3, title=title, date=OCT, items=(item,), status="approved")


def drones() -> Trend:  # reported only in this meeting: no earlier values
    return Trend(
        Indicator(8, "Drones deployed", "count"),
        (point("October 2025", date(2025, 10, 1), 3, 3, OCT),),
    )


def minutes_with_trends():
    return build_minutes(october(), trends={31: renewals(later=True), 32: drones()})


# --- the document model -----------------------------------------------------------------


def test_rows_are_period_value_meeting_with_the_minutes_number_formatting():
    assert trend_text.table_rows(renewals()) == [
        ("August 2025", "1,200", "14 August 2025"),
        ("September 2025", "800", "11 September 2025"),
        ("October 2025", "650", "9 October 2025"),
    ]


def test_the_summary_is_one_sentence_from_the_first_value_to_the_last():
    assert trend_text.summary(renewals()) == SENTENCE
    rising = Trend(
        Indicator(1, "Calls answered within ten seconds", "%"),
        (
            point("July 2025", date(2025, 7, 1), 88.5, 1, AUG),
            point("August 2025", date(2025, 8, 1), 91, 2, SEP, 90),
        ),
    )
    assert trend_text.summary(rising) == (
        "Chart: calls answered within ten seconds rose from 88.5% in July 2025 to 91% in "
        "August 2025, against a target of 90%."
    )
    acronym = Trend(Indicator(2, "OOCRs issued", "count"), (point("", None, 4, 1, AUG),))
    assert trend_text.summary(acronym) == "Chart: OOCRs issued was 4 on 14 August 2025."
    # A period that is no date ("before", "year to date") is said with its meeting's date.
    undated = Trend(
        Indicator(3, "Crimes recorded within 24 hours", "%"),
        (
            point("before", date(2025, 8, 1), 83, 1, AUG),
            point("October 2025", date(2025, 10, 1), 79, 3, OCT),
        ),
    )
    assert trend_text.summary(undated) == (
        "Chart: crimes recorded within 24 hours fell from 83% (before) on 14 August 2025 to "
        "79% in October 2025."
    )


def test_only_a_figure_with_earlier_values_gets_a_trend_and_never_a_later_meetings_value():
    doc = minutes_with_trends()
    (section,) = doc.items
    assert [t.indicator.label for t in section.trends] == ["Outstanding firearms licence renewals"]
    assert [p.period for p in section.trends[0].points] == [
        "August 2025",
        "September 2025",
        "October 2025",
    ]
    blocks = layout(doc)
    tables = [b for b in blocks if isinstance(b, Table) and plain_text(b.rows[0][0]) == "Period"]
    assert len(tables) == 1
    assert [plain_text(c) for c in tables[0].rows[-1]] == ["October 2025", "650", "9 October 2025"]
    charts = [b for b in blocks if isinstance(b, Chart)]
    assert [c.alt for c in charts] == [SENTENCE]
    assert "November" not in to_markdown(blocks)


def test_without_the_option_or_without_earlier_values_there_is_no_trend():
    assert "Trend:" not in to_markdown(layout(build_minutes(october())))
    only_now = build_minutes(october(), trends={32: drones()})
    assert only_now.items[0].trends == []
    assert "Trend:" not in to_markdown(layout(only_now))
    agenda = build_minutes(october(), agenda_only=True, trends={31: renewals()})
    assert agenda.items[0].trends == []


def test_markdown_has_the_table_and_the_sentence():
    text = to_markdown(layout(minutes_with_trends()))
    assert "| Period | Value | Meeting |" in text
    assert "| August 2025 | 1,200 | 14 August 2025 |" in text
    assert f"*{SENTENCE}*" in text


def test_the_value_axis_starts_at_zero_for_counts_and_leaves_room_above_the_top_point():
    assert value_range([1200, 800, 650]) == (0.0, 1500.0, 500.0)
    bottom, top, _ = value_range([-3.0, 2.0])
    assert bottom <= -3 and top > 2
    picture = line_chart([5.0], ["May"], label_of=str)
    assert len(picture.dots) == 1  # one value: a dot, no line


# --- Word --------------------------------------------------------------------------------


def test_word_has_the_table_and_a_picture_with_the_sentence_as_alt_text(tmp_path):
    target = tmp_path / "minutes.docx"
    render_docx(minutes_with_trends(), target)
    word = docx.Document(str(target))
    trend_tables = [t for t in word.tables if t.rows[0].cells[0].text == "Period"]
    assert len(trend_tables) == 1
    assert [[c.text for c in row.cells] for row in trend_tables[0].rows] == [
        ["Period", "Value", "Meeting"],
        ["August 2025", "1,200", "14 August 2025"],
        ["September 2025", "800", "11 September 2025"],
        ["October 2025", "650", "9 October 2025"],
    ]
    (shape,) = word.inline_shapes
    assert shape._inline.docPr.get("descr") == SENTENCE
    assert shape._inline.docPr.get("title") == SENTENCE
    blob = word.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    png = Image.open(io.BytesIO(blob))
    assert png.format == "PNG"
    # 5 inches wide on the page at twice screen resolution: sharp at 100% zoom.
    assert round(shape.width.inches, 1) == 5.0
    assert png.width >= 2 * 96 * 5


def test_word_without_earlier_values_has_no_picture(tmp_path):
    target = tmp_path / "minutes.docx"
    render_docx(build_minutes(october(), trends={32: drones()}), target)
    assert len(docx.Document(str(target)).inline_shapes) == 0


# --- PDF -----------------------------------------------------------------------------------


def figures_of(path: Path) -> list[pikepdf.Dictionary]:
    found = []
    with pikepdf.open(path) as pdf:

        def visit(node):
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    visit(kid)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                if node.S == "/Figure":
                    found.append(
                        {"alt": str(node.get("/Alt", "")), "bbox": list(node.A.BBox), "k": node.K}
                    )
                if "/K" in node:
                    visit(node.K)

        visit(pdf.Root.StructTreeRoot.K)
    return found


def test_pdf_chart_is_a_figure_with_alt_text_and_a_bounding_box(tmp_path):
    target = tmp_path / "minutes.pdf"
    render_pdf(minutes_with_trends(), target)
    (figure,) = figures_of(target)
    assert figure["alt"] == SENTENCE
    left, bottom, right, top = (float(v) for v in figure["bbox"])
    assert right - left > 300 and top - bottom > 100
    assert int(figure["k"]) >= 0  # its drawing is marked content on the page


def test_pdftotext_reads_the_table(tmp_path):
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = tmp_path / "minutes.pdf"
    render_pdf(minutes_with_trends(), target)
    text = subprocess.run(
        [tool, "-layout", str(target), "-"], capture_output=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for row in (
        "Period Value Meeting",
        "August 2025 1,200 14 August 2025",
        "September 2025 800 11 September 2025",
        "October 2025 650 9 October 2025",
    ):
        assert row in lines


def test_the_pdf_with_a_chart_passes_the_accessibility_checks(tmp_path):
    pdfua = pytest.importorskip("pdfua")
    target = tmp_path / "minutes.pdf"
    render_pdf(minutes_with_trends(), target)
    report = pdfua.validate(str(target))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
    assert report.skipped == ()


def test_pdf_without_earlier_values_has_no_figure(tmp_path):
    target = tmp_path / "minutes.pdf"
    render_pdf(build_minutes(october(), trends={32: drones()}), target)
    assert figures_of(target) == []


def test_many_points_name_fewer_periods_always_the_last_and_none_crowd():
    months = [
        f"{m} 2025"
        for m in (
            "January February March April May June July August September October November December"
        ).split()
    ]
    values = [91.5, 90.2, 88.0, 89.4, 92.1, 93.0, 90.8, 87.5, 88.9, 91.2, 94.0, 92.6]
    picture = line_chart(values, months, label_of=lambda v: f"{v:g}%", target=90)
    bottom = min(label.y for label in picture.labels)
    periods = [label for label in picture.labels if label.y == bottom]
    assert periods[-1].text == "Dec 2025"
    assert 3 <= len(periods) < 12
    gaps = [b.x - a.x for a, b in zip(periods, periods[1:], strict=False)]
    assert min(gaps) >= 40
    valued = [label.text for label in picture.labels if label.bold]
    assert "92.6%" in valued and "87.5%" in valued and len(valued) < 12
    # 88% against 91%: the axis does not start at zero, or the change would not show.
    assert value_range(values + [90])[0] > 80
