"""`pcc-minutes export ID --format F --trends`: the minutes with each figure's values in
earlier meetings. The meetings are real SQLite files through the real migrations; the trends
come from the indicators' ``item_trends`` (here stood in for, as the test's own records, where
the indicators are not yet in the build)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from pcc_minutes.core.tracking import Indicator, Trend, TrendPoint
from pcc_minutes.operations import reading

NOTE = """\
Police and Crime Commissioner and Chief Constable
Accountability and Performance Meeting
9 October 2025, 10:00-11.30; Room 2, Force Headquarters
Meeting note
On 9 October 2025 Dana Whitfield chaired, joined by Chief Constable Lee Harte.
Agenda:
· Item 1: Firearms Licensing
Item 1: Firearms Licensing
Outstanding firearms licence renewals fell from 800 to 650 in October 2025.
"""


@pytest.fixture
def october(cli, tmp_path: Path) -> Path:
    note = tmp_path / "october.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert cli("import", note).code == 0
    assert cli("figures", "1", "--accept").code == 0
    return note


def earlier(store, meeting_id: int) -> dict:
    """Every stored figure of the meeting with an August and a September value before it."""
    meeting = reading.load_meeting(store, meeting_id)
    found = {}
    for item in meeting.items:
        for figure in item.figures:
            points = (
                TrendPoint(
                    "August 2025", date(2025, 8, 1), 1200, meeting_id=90, date=date(2025, 8, 14)
                ),
                TrendPoint(
                    "September 2025", date(2025, 9, 1), 800, meeting_id=91, date=date(2025, 9, 11)
                ),
                TrendPoint(
                    "October 2025", date(2025, 10, 1), 650, meeting_id=meeting_id, date=meeting.date
                ),
            )
            found[figure.id] = Trend(Indicator(1, figure.label, figure.unit), points)
    return found


def test_export_with_trends_prints_the_table_and_without_it_does_not(
    cli, october, tmp_path, monkeypatch
):
    monkeypatch.setattr(reading, "earlier_trends", earlier)
    plain, with_trends = tmp_path / "plain.md", tmp_path / "trends.md"
    assert cli("export", "1", "--format", "md", "-o", plain).code == 0
    result = cli("export", "1", "--format", "md", "--trends", "-o", with_trends)
    assert result.code == 0, result.err
    assert "Trend:" not in plain.read_text(encoding="utf-8")
    text = with_trends.read_text(encoding="utf-8")
    assert "| August 2025 | 1,200 | 14 August 2025 |" in text
    assert "| October 2025 | 650 | 9 October 2025 |" in text
    assert "fell from 1,200 in August 2025 to 650 in October 2025." in text


def test_word_export_with_trends_has_the_chart_with_alt_text(cli, october, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "earlier_trends", earlier)
    target = tmp_path / "minutes.docx"
    assert cli("export", "1", "--format", "docx", "--trends", "-o", target).code == 0
    (shape,) = docx.Document(str(target)).inline_shapes
    assert "fell from 1,200 in August 2025 to 650" in shape._inline.docPr.get("descr")


def test_trends_leave_an_agenda_alone(cli, october, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "earlier_trends", earlier)
    target = tmp_path / "agenda.md"
    assert cli("export", "1", "--format", "md", "--agenda", "--trends", "-o", target).code == 0
    assert "Trend:" not in target.read_text(encoding="utf-8")
