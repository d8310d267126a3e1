"""The exported timings agree with what the minute-taker saw in live mode: the recording
offset is the item's first start, the time spent the sum of its visits, and an item visited
twice says so — the same line in Markdown, Word and PDF (real files, reopened)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import docx
import pytest
from pypdf import PdfReader

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates

T0 = datetime(2026, 1, 15, 10, 30)  # the template's meeting starts at 10:30

FIRST = "In the recording from 0:00:00 · 10:30–10:37 and 10:57–11:03, 13 min (planned 5)"
SECOND = "In the recording from 0:07:00 · 10:37–10:57, 20 min (planned 15)"
THIRD = "In the recording from 0:33:00 · 11:03–11:08, 5 min (planned 15)"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def meeting_id(store) -> int:
    meeting_id = ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value
    items = ops.load_meeting(store, meeting_id).items
    ops.start_live(store, meeting_id, at(0))
    ops.enter_item(store, meeting_id, items[0].id, at(0))
    ops.enter_item(store, meeting_id, items[1].id, at(7))
    ops.enter_item(store, meeting_id, items[0].id, at(27))  # back to item 1 for 6 minutes
    ops.enter_item(store, meeting_id, items[2].id, at(33))
    ops.end_live(store, meeting_id, at(38))
    return meeting_id


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_document_tree_has_the_first_start_and_every_visit(store, meeting_id):
    doc = ops.minutes_document(store, meeting_id, timings=True)
    first = doc.items[0]
    assert first.recording_offset == 0  # the first start, not the second
    assert len(first.visits) == 2
    assert (first.started_at, first.ended_at) == (at(0).time(), at(33).time())
    assert doc.items[1].recording_offset == 7 * 60


def test_markdown_word_and_pdf_print_the_same_timings(store, meeting_id, tmp_path):
    markdown = ops.export_bytes(store, meeting_id, "md", timings=True).decode("utf-8")
    word = ops.export_minutes(store, meeting_id, "docx", tmp_path / "m.docx", timings=True)
    pdf = ops.export_minutes(store, meeting_id, "pdf", tmp_path / "m.pdf", timings=True)
    word_text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    pdf_text = squeezed(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    for line in (FIRST, SECOND, THIRD):
        assert line in markdown
        assert line in word_text
        assert line in pdf_text


def test_items_never_entered_and_exports_without_timings_print_none(store, meeting_id):
    markdown = ops.export_bytes(store, meeting_id, "md", timings=True).decode("utf-8")
    assert markdown.count("In the recording from") == 3  # items 4 to 6 were never reached
    plain = ops.export_bytes(store, meeting_id, "md").decode("utf-8")
    assert "In the recording" not in plain and "13 min" not in plain
