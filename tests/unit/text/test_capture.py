"""Quick capture's guesses from a sentence of the notes: what the action says (without the
bullet's label, the owner who opens it and the full stop), and a due date given as a time
from the meeting ("in six months"). The sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes.text.capture import action_text, add_months, guess_due, guess_owner

MEETING = date(2025, 9, 11)


@pytest.mark.parametrize(
    ("sentence", "text", "owner"),
    [
        (
            "The force will review the new forms in six months to judge their effect.",
            "Review the new forms in six months to judge their effect",
            "Chief Constable",
        ),
        ("Finance team to cost the two options.", "Cost the two options", "Finance team"),
        ("The OPCC will publish the plan next month.", "Publish the plan next month", "OPCC"),
        (
            "Estates: The Chief Constable agreed to survey the custody suites.",
            "Survey the custody suites",
            "Chief Constable",
        ),
        # Not opened by its owner: the sentence stays whole.
        (
            "The Commissioner asked the Chief Constable to share the data.",
            "The Commissioner asked the Chief Constable to share the data",
            "Chief Constable",
        ),
        ("ACTION: CC to brief the panel", "Brief the panel", "CC"),
    ],
)
def test_the_action_text_and_owner_from_a_sentence(sentence, text, owner):
    assert (action_text(sentence), guess_owner(sentence)) == (text, owner)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Review progress in six months", date(2026, 3, 11)),
        ("Report back within 2 weeks", date(2025, 9, 25)),
        ("Come back in a fortnight", date(2025, 9, 25)),
        ("Revisit it in three months' time", date(2025, 12, 11)),
        ("Over the next 10 days, call every victim", date(2025, 9, 21)),
        ("Publish the review by the end of the year", date(2025, 12, 31)),
        ("Finish the audit before the end of the month", date(2025, 9, 30)),
        ("Bring the paper next month", date(2025, 10, 31)),
        ("Report in a year", date(2026, 9, 11)),
        # A written date wins over a time from the meeting.
        ("Report by 14 November 2025, in two months", date(2025, 11, 14)),
        ("Keep the plan under review", None),
    ],
)
def test_a_due_date_counted_from_the_meeting(sentence, due):
    assert guess_due(sentence, MEETING) == due


def test_without_the_meetings_day_a_relative_time_gives_no_date():
    assert guess_due("Review progress in six months") is None


def test_a_month_later_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
