"""What belongs together stays on one page in the Word and PDF minutes: a lead-in line with
the bullets it introduces, an item's heading and timing line with its notes, and a decision
with its label and with what it follows. The PDF is rendered with the filler before the
lead-in (or decision) grown a line at a time, so that it falls at the foot of a page in
some rendering, and each page's text is read back; the Word file is re-opened for its
keep-with-next and keep-together marks."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from pcc_minutes.core.records import ItemVisit
from pcc_minutes.documents.layout import is_lead_in
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import (
    BulletList,
    ItemSection,
    ListItem,
    MinutesDocument,
    Paragraph,
    Span,
    spans,
)
from pcc_minutes.documents.writers.docx import render_docx
from pcc_minutes.documents.writers.pdf import render_pdf

LEAD_IN = "Clare's Law disclosures:"
FIRST_BULLET = "Requests rose in the quarter"
DECISION = (
    "The panel agreed to fund two more disclosure officers for the rest of the year, to "
    "review the backlog every month and to report the waiting times to the next meeting, "
    "with the figures for each district shown separately and compared with the last "
    "quarter's figures closingword"
)
# Some of the fillers' counts put the line in question at the foot of page 1.
FILLERS = range(24, 36)
# A decision (four lines) or a timed item (after another item's heading) needs fewer.
FEWER_FILLERS = range(16, 28)


def filler(count: int) -> list:
    return [Paragraph(spans(f"Filler line {n} of the notes.")) for n in range(count)]


def lead_in_doc(count: int, bold: bool = False) -> MinutesDocument:
    lead = Paragraph(spans(LEAD_IN.rstrip(":"), bold=True)) if bold else Paragraph(spans(LEAD_IN))
    bullets = BulletList((ListItem(spans(FIRST_BULLET)), ListItem(spans("Most were answered"))))
    item = ItemSection(title="Safeguarding", blocks=[*filler(count), lead, bullets])
    return MinutesDocument(title="Panel", items=[item])


def decision_doc(count: int) -> MinutesDocument:
    item = ItemSection(title="Disclosures", blocks=filler(count), decisions=[DECISION])
    return MinutesDocument(title="Panel", items=[item])


def timing_doc(count: int) -> MinutesDocument:
    """A first item of ``count`` fillers, then a timed second item."""
    timed = ItemSection(
        title="Custody visits",
        recording_offset=600,
        visits=[ItemVisit(start=_at(10), end=_at(20))],
        blocks=[Paragraph(spans("The visitors saw every cell this time."))],
    )
    return MinutesDocument(
        title="Panel",
        show_timings=True,
        items=[ItemSection(title="Other", blocks=filler(count)), timed],
    )


def _at(minute: int):
    from datetime import datetime

    return datetime(2026, 3, 2, 10, minute)


def pages(doc: MinutesDocument, target: Path) -> list[str]:
    render_pdf(doc, target)
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(target).pages]


def page_of(texts: list[str], words: str) -> int:
    found = [number for number, text in enumerate(texts) if words in text]
    assert found, f"{words!r} is on no page"
    return found[-1]  # the last: an item heading is in the agenda list too


def test_lead_ins_are_short_lines_ending_in_a_colon_or_all_bold():
    assert is_lead_in(spans(LEAD_IN))
    assert is_lead_in(spans("Performance", bold=True))
    assert not is_lead_in(spans("The panel heard from the lead officer about the disclosures."))
    assert not is_lead_in(spans("A long paragraph " * 20 + "ending in a colon:"))
    assert not is_lead_in((Span("Mixed", bold=True), Span(" line")))


@pytest.mark.parametrize("bold", [False, True])
def test_pdf_a_lead_in_is_on_the_page_of_its_first_bullet(tmp_path, bold):
    lead = LEAD_IN.rstrip(":") if bold else LEAD_IN
    moved = 0
    for count in FILLERS:
        texts = pages(lead_in_doc(count, bold), tmp_path / f"{count}.pdf")
        assert page_of(texts, lead) == page_of(texts, FIRST_BULLET), count
        moved += page_of(texts, lead) > 0
    assert 0 < moved < len(FILLERS)  # some renderings did put the lead-in at a page foot


def test_pdf_a_decision_keeps_its_label_and_its_words_on_one_page(tmp_path):
    moved = 0
    for count in FEWER_FILLERS:
        texts = pages(decision_doc(count), tmp_path / f"{count}.pdf")
        label = page_of(texts, "Decision:")
        assert label == page_of(texts, "closingword"), count
        assert label == page_of(texts, f"Filler line {count - 1} "), count  # with what it follows
        moved += label > 0
    assert 0 < moved < len(FEWER_FILLERS)


def test_pdf_an_items_heading_and_timing_line_stay_with_its_notes(tmp_path):
    moved = 0
    for count in FEWER_FILLERS:
        texts = pages(timing_doc(count), tmp_path / f"{count}.pdf")
        heading = page_of(texts, "Item 2: Custody visits")
        assert heading == page_of(texts, "In the recording from 0:10:00"), count
        assert heading == page_of(texts, "saw every cell"), count
        moved += heading > 0
    assert 0 < moved < len(FEWER_FILLERS)


def written(doc: MinutesDocument, tmp_path: Path) -> docx.document.Document:
    target = tmp_path / "minutes.docx"
    render_docx(doc, target)
    return docx.Document(str(target))


def paragraph(word, text: str):
    """The last paragraph starting with ``text`` (an item heading follows the agenda)."""
    return [p for p in word.paragraphs if p.text.startswith(text)][-1]


def test_word_a_lead_in_keeps_with_next_and_prose_does_not(tmp_path):
    word = written(lead_in_doc(3), tmp_path)
    assert paragraph(word, LEAD_IN).paragraph_format.keep_with_next is True
    assert not paragraph(word, "Filler line 1").paragraph_format.keep_with_next
    bold = written(lead_in_doc(3, bold=True), tmp_path)
    assert paragraph(bold, LEAD_IN.rstrip(":")).paragraph_format.keep_with_next is True


def test_word_a_bullet_over_sub_bullets_keeps_with_them(tmp_path):
    notes = from_markdown("- Disclosures:\n  - Requests rose\n- Plain bullet\n")
    doc = MinutesDocument(title="Panel", items=[ItemSection(title="Safeguarding", blocks=notes)])
    word = written(doc, tmp_path)
    assert paragraph(word, "Disclosures:").paragraph_format.keep_with_next is True
    assert not paragraph(word, "Plain bullet").paragraph_format.keep_with_next


def test_word_item_headings_keep_with_next_by_their_style(tmp_path):
    word = written(timing_doc(2), tmp_path)
    heading = paragraph(word, "Item 2: Custody visits")
    assert heading.style.name == "Heading 1"
    assert heading.style.paragraph_format.keep_with_next is True


def test_word_a_timing_line_keeps_with_the_notes_it_heads(tmp_path):
    word = written(timing_doc(2), tmp_path)
    assert paragraph(word, "In the recording from").paragraph_format.keep_with_next is True


def test_word_a_decision_is_kept_whole_and_with_what_it_follows(tmp_path):
    word = written(decision_doc(3), tmp_path)
    decision = paragraph(word, "Decision:")
    assert decision.paragraph_format.keep_together is True
    assert paragraph(word, "Filler line 2").paragraph_format.keep_with_next is True
    assert not paragraph(word, "Filler line 1").paragraph_format.keep_with_next


def test_pdf_a_long_paragraph_before_a_decision_still_splits_across_pages(tmp_path):
    """Kept whole with the decision, a long paragraph would leave most of a page empty."""
    long = Paragraph(spans("Long prose " + "word " * 400 + "endoflong."))
    item = ItemSection(title="Disclosures", blocks=[*filler(12), long], decisions=["Agreed."])
    texts = pages(MinutesDocument(title="Panel", items=[item]), tmp_path / "long.pdf")
    assert page_of(texts, "Long prose") == 0
    assert page_of(texts, "endoflong") == page_of(texts, "Decision: Agreed.") == 1


def test_word_only_short_lines_are_held_with_what_follows(tmp_path):
    long = "The panel heard a long account " + "of the work done " * 30 + "in the year."
    blocks = [Paragraph(spans(LEAD_IN)), Paragraph(spans(long)), Paragraph(spans(long))]
    item = ItemSection(title="Disclosures", blocks=blocks, decisions=["Agreed."])
    word = written(MinutesDocument(title="Panel", items=[item]), tmp_path)
    kept = [p.paragraph_format.keep_with_next for p in word.paragraphs if p.text == long]
    assert kept == [None, None]  # neither the long lines a lead-in leads, nor the decision's
    assert not paragraph(word, LEAD_IN).paragraph_format.keep_with_next
