"""Characters the PDF's fonts cannot draw (C0/C1 controls) and soft hyphens, mixed into
words with "&" or "<" (which cut a word into several fragments): every line of the PDF stays
inside the page's margins and keeps its last word, in titles, notes, attendance and table
cells alike. reportlab left the part of such a word after its soft hyphen unsplit, so it ran
past the right edge and lost its end."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pcc_minutes.core.records import AgendaItem, Decision, Figure, FigurePoint, Meeting, Person
from pcc_minutes.documents.build import build_minutes
from pcc_minutes.documents.characters import drawn_text
from pcc_minutes.documents.writers.pdf import render_pdf
from pcc_minutes.documents.writers.pdf.styles import MARGIN, PAGE_WIDTH


def awkward(end: str) -> str:
    """One long "word" of soft hyphens, C1/C0 controls, entities and letters, ending ``end``."""
    return (
        "\xad\x96\x96\x96ccc\x96\x96\x96\x96\x96cccccc\x96\x96\x96\x96c\x96\x01\x96cccc\x96"
        f"\x96æcc\x96ccc<\x96c\x96\x7f\x96cc\x9f\x96Æcc&c\x96\xadcc\x96\x96cccc{end}"
    )


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)')


def words(path: Path) -> list[tuple[float, float, str]]:
    """Each word pdftotext finds, with its left and right edge."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("poppler's pdftotext is not installed")
    out = subprocess.run(
        [tool, "-q", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [(float(left), float(right), word) for left, right, word in WORD.findall(out)]


def glyphless_meeting() -> Meeting:
    item = AgendaItem(
        id=1,
        position=1,
        title=awkward("Title5"),
        notes=f"Said: {awkward('Notes5')}\n\nThen {awkward('More5')} and on.",
        figures=(
            Figure(
                label=awkward("Label5"),
                unit="count",
                points=(FigurePoint(period=awkward("Period5"), value=3),),
            ),
        ),
        decisions=(Decision(awkward("Decided5")),),
    )
    return Meeting(
        id=1,
        title=awkward("Board5"),
        organisation=awkward("Org5"),
        venue=awkward("Venue5"),
        attendees=(
            Person(name=awkward("Name5"), role=awkward("Role5"), present=True),
            Person(name="Kit Moss", present=False),
        ),
        items=(item,),
    )


ENDS = ("Title5", "Notes5", "More5", "Label5", "Period5", "Decided5", "Board5", "Org5")
ENDS += ("Venue5", "Name5", "Role5")


def test_every_line_with_glyphless_characters_stays_inside_the_margins(tmp_path):
    path = tmp_path / "minutes.pdf"
    render_pdf(build_minutes(glyphless_meeting(), figures=True), path)
    found = words(path)
    assert found
    for left, right, word in found:
        assert left >= MARGIN - 0.5 and right <= PAGE_WIDTH - MARGIN + 0.5, (left, right, word)
    text = "".join(word for _, _, word in found)
    for end in ENDS:
        assert end in text, end


def test_drawn_text_drops_controls_and_soft_hyphens_but_keeps_white_space_and_letters():
    assert drawn_text("a\xadb\x96c\x00d\x7fe\x9ff") == "abcdef"
    assert (
        drawn_text("one\ttwo\nthree\x0bfour\x85five\x1cæ€")
        == "one\ttwo\nthree\x0bfour\x85five\x1cæ€"
    )
    assert drawn_text("lone \ud800 surrogate") == "lone \ufffd surrogate"
