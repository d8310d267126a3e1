"""Plain-text minutes: the published shape is recognised; anything else is kept as text."""

from __future__ import annotations

from datetime import date, time

import pytest

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers.text import decode_text, parse_text
from pcc_minutes.documents.tree import BulletList, Heading, Paragraph, blocks_text
from pcc_minutes.text.parsing import (
    find_time_range,
    is_title_case_heading,
    parse_action,
    parse_schedule,
)


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "14th August 2025, 10:30-11.30; Gold Command, Police HQ",
            (date(2025, 8, 14), time(10, 30), time(11, 30), "Gold Command, Police HQ"),
        ),
        (
            "11 September 2025, 10:30-11.30: Gold Command, Police HQ",
            (date(2025, 9, 11), time(10, 30), time(11, 30), "Gold Command, Police HQ"),
        ),
        (
            "Thursday 2nd April 2026\n2pm to 3.30pm\nVenue: Town Hall, Room 1",
            (date(2026, 4, 2), time(14, 0), time(15, 30), "Town Hall, Room 1"),
        ),
        ("31 February 2026, 10:00-11:00, Room 9", (None, time(10), time(11), "Room 9")),
    ],
)
def test_schedule_lines_give_date_times_and_venue(line, expected):
    found = parse_schedule(line)
    assert (found.date, found.start, found.end, found.venue) == expected


def test_counts_and_ranges_are_not_mistaken_for_times():
    assert find_time_range("an extra 12–13 staff") is None
    assert find_time_range("in 2023-24 the rate") is None


@pytest.mark.parametrize(
    "text, heading",
    [
        ("Sexual Offences Recording:", True),
        ("Use of Force Recording", True),
        ("Highlighted Issues & Responses:", True),
        ("The Chief Constable emphasised that:", False),
        ("This reflects improved awareness.", False),
        ("A very long line that goes on and on Past Ten Words For Sure Yes Indeed", False),
    ],
)
def test_sub_headings_are_short_title_case_lines(text, heading):
    assert is_title_case_heading(text) is heading


def test_action_lines_give_reference_owner_and_text():
    action = parse_action("ACTION 4: Jo Bloggs (JB) to send the revised forecast.")
    assert (action.reference, action.owner) == ("4", "Jo Bloggs (JB)")
    assert action.text == "Jo Bloggs (JB) to send the revised forecast."
    assert parse_action("Actions were reviewed.") is None


def test_text_in_no_known_shape_is_kept_as_one_item():
    doc = parse_text("Budget chat\n\nWe talked about the budget.\n- It is tight.\n")
    assert doc.title == "Budget chat"
    assert len(doc.items) == 1
    assert "We talked about the budget." in blocks_text(doc.items[0].blocks)
    assert "It is tight." in blocks_text(doc.items[0].blocks)


def test_item_headings_without_an_agenda_still_make_items():
    doc = parse_text(
        "Audit Committee Meeting\n5 May 2026, 09:00-10:00, Room 2\nMinutes\n"
        "Item 1: Accounts\nThe accounts were noted.\nItem 2 - Risks\n· Cyber risk is rising.\n"
    )
    assert [i.title for i in doc.items] == ["Accounts", "Risks"]
    assert doc.document_kind == "Minutes"
    assert isinstance(doc.items[0].blocks[0], Paragraph)
    assert isinstance(doc.items[1].blocks[0], BulletList)


def test_sub_headings_inside_an_item_become_headings():
    doc = parse_text(
        "Board Meeting\n1 June 2026\nItem 1: Estates\nNew Depot Plans\nWork starts soon.\n"
    )
    assert isinstance(doc.items[0].blocks[0], Heading)


def test_windows_encoded_text_is_read():
    text = decode_text("Costs rose to £40 – a rise.\n".encode("cp1252"), path="x.txt")
    assert "£40 – a rise" in text


def test_binary_data_is_refused():
    with pytest.raises(UserInputError, match="not a text or Word file"):
        decode_text(b"\x00\x01\x02binary", path="x.bin")
