"""Numbers that do not fit a float are never figures, and reading numbers stays linear.

A number of 309 digits or more (or "1e999") is larger than any float: it must not be proposed
as a figure, must not be accepted from the quick-capture form, and must not crash the
``figures`` command. An item number of thousands of digits is not an item heading (Python
refuses to turn so many digits into an int). A long number written with thousands
separators, and a long run of "1-1-1-..." with no space in it, must cost time in proportion
to their length.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import docx
import pytest

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers import read_minutes
from pcc_minutes.documents.readers.text import parse_text
from pcc_minutes.text import figures
from pcc_minutes.text.capture import parse_target, parse_values
from pcc_minutes.text.figures import detect_figures, structure

HUGE = "9" * 309  # 10**309 - 1: over the largest float, 1.8 * 10**308
LONGEST = "9" * 308  # still a float


def finite(found) -> bool:
    return all(
        math.isfinite(p.value) and (p.high is None or math.isfinite(p.high))
        for f in found
        for p in f.points
    ) and all(f.target is None or math.isfinite(f.target) for f in found)


# -- numbers too large for a float ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        HUGE,
        "1e999 officers",
        f"We hired {HUGE} officers this year.",
        f"£{HUGE} was spent.",
        f"Costs rose from 80% to {HUGE}%.",
        f"between 5 and {HUGE} officers",
        f"£{LONGEST}bn in savings",  # finite digits, infinite once scaled
        "1," + "999," * 103 + "999 officers",  # 310 digits with separators
    ],
)
def test_numbers_too_large_for_a_float_are_not_figures(text):
    found = detect_figures(text)
    assert finite(found)
    assert all(f.unit != "count" or f.points[0].value < 1e308 for f in found)


@pytest.mark.parametrize(
    "typed", [HUGE, f"80 -> {HUGE}", f"5-{HUGE}", f"£{HUGE}", f"{LONGEST}bn", f"~{HUGE}%"]
)
def test_the_figure_form_refuses_a_value_too_large_in_one_sentence(typed):
    with pytest.raises(UserInputError, match="too large to be a figure's value") as caught:
        parse_values(typed)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 200


def test_the_figure_form_refuses_a_target_too_large():
    with pytest.raises(UserInputError, match="too large"):
        parse_target(HUGE)


def test_the_largest_float_is_still_a_value():
    (draft,), _ = parse_values(LONGEST)
    assert draft.value == float(LONGEST)


def test_the_figures_command_lists_the_figures_beside_a_huge_number(cli, tmp_path: Path):
    note = tmp_path / "huge.txt"
    note.write_text(
        "Panel Meeting\n"
        "14 August 2025, 10:30-11.30; Council Chamber\n"
        "Meeting note\n"
        "Item 1: Recruitment\n"
        f"We hired {HUGE} officers and 1e999 staff, and 7 officers left in 2025.\n",
        encoding="utf-8",
    )
    assert cli("import", note).code == 0
    shown = cli("figures", "1")
    assert shown.code == 0 and shown.err == ""
    listed = cli("figures", "1", "--json")
    assert listed.code == 0
    found = json.loads(listed.out, parse_constant=lambda name: pytest.fail(name))
    values = [p["value"] for f in found for p in f["points"]]
    assert values == [7]


# -- item numbers of thousands of digits ---------------------------------------------------------


def test_an_item_number_of_thousands_of_digits_is_not_a_heading_in_text():
    text = "Panel Meeting\n\nItem " + "9" * 5_000 + ": Finance\n\nThe budget was agreed.\n"
    doc = parse_text(text)
    assert doc.items and all(len(item.title) < 100 for item in doc.items)


def test_an_item_number_of_thousands_of_digits_is_not_a_heading_in_word(tmp_path):
    document = docx.Document()
    document.add_paragraph("Panel Meeting")
    document.add_paragraph("Item " + "9" * 5_000 + ": Finance")
    document.add_paragraph("Item 2: Complaints")
    document.add_paragraph("Item 3: Any Other Business")
    path = tmp_path / "minutes.docx"
    document.save(path)
    doc = read_minutes(path)
    assert [item.title for item in doc.items][-2:] == ["Complaints", "Any Other Business"]


def test_ordinary_item_headings_still_read():
    doc = parse_text("Panel Meeting\n\nItem 12: Finance\n\nThe budget was agreed.\n")
    assert [item.title for item in doc.items] == ["Finance"]


# -- linear ------------------------------------------------------------------------------------


def _cpu_seconds(text: str) -> float:
    started = time.process_time()
    detect_figures(text)
    return time.process_time() - started


def test_a_long_number_with_thousands_separators_takes_linear_time():
    """ "1,999,999,..." used to be read from every comma to its end by one pattern
    (quadratic: 80,000 characters took over a minute)."""
    assert _cpu_seconds("1" + ",999" * 20_000) < 5


def test_a_run_without_spaces_builds_only_the_tokens_near_its_values(monkeypatch):
    """ "1-1-1-..." is one sentence without a space: its every character was made a token
    for the one value read in it (490,000 tokens); now only the chunk around the value is."""
    built = []
    real_token = structure.Token
    monkeypatch.setattr(structure, "Token", lambda *a: built.append(1) or real_token(*a))
    text = "1-" * (figures.MAX_CHARS // 2)
    detect_figures(text)
    assert 0 < len(built) <= 2 * structure.CHUNK < len(text) // 10


def test_reading_tokens_by_chunk_gives_what_reading_whole_sentences_gave(monkeypatch):
    """Reading tokens by chunk changes nothing where a chunk can be cut at a space."""
    text = "Over 200 kits were handed out to 12 farmers. " * 400
    chunked = detect_figures(text)
    monkeypatch.setattr(structure, "CHUNK", 10**9)
    assert detect_figures(text) == chunked


@pytest.mark.parametrize("unit", ["1-", "1 -", "- 1", "twenty ", "a dozen ", "from 1 to "])
def test_pathological_runs_at_the_limit_take_well_under_seconds(unit):
    text = (unit * (figures.MAX_CHARS // len(unit) + 1))[: figures.MAX_CHARS]
    detect_figures(text[:1000])  # the patterns are compiled
    assert _cpu_seconds(text) < 3  # about half a second on a loaded laptop
