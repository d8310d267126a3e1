"""Reading a date as a minute-taker types it into a date field."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes.text.date_entry import long_date, parts_typed, read_typed_date

AROUND = date(2026, 3, 5)


@pytest.mark.parametrize(
    "typed",
    [
        "11 September 2025",
        "11 Sep 2025",
        "11 sept 2025",
        "11 Sep. 2025",
        "11th September 2025",
        "11th of September, 2025",
        "Thursday 11 September 2025",
        "September 11, 2025",
        "11/09/2025",
        "11.9.2025",
        "11-09-2025",
        "11/09/25",
        "2025-09-11",
        "11September2025",
        "  11   SEPTEMBER   2025 ",
    ],
)
def test_each_whole_form_reads_as_11_september_2025(typed):
    assert read_typed_date(typed, around=AROUND).value == date(2025, 9, 11)


def test_a_date_without_a_year_is_in_the_year_of_the_date_it_replaces():
    assert read_typed_date("11 September", around=AROUND).value == date(2026, 9, 11)
    assert read_typed_date("11/09", around=date(2024, 1, 2)).value == date(2024, 9, 11)
    assert read_typed_date("11", around=AROUND).value == date(2026, 3, 11)  # a day: this month


def test_a_month_may_be_the_start_of_its_name_when_only_one_month_starts_so():
    assert read_typed_date("11 oct 2025", around=AROUND).value == date(2025, 10, 11)
    assert read_typed_date("11 ju 2025", around=AROUND).value is None
    assert "June or July" in read_typed_date("11 ju 2025", around=AROUND).problem


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("31 February 2026", "There is no 31 February 2026: February 2026 has 28 days."),
        ("29/02/2026", "There is no 29 February 2026: February 2026 has 28 days."),
        ("30 Feb", "There is no 30 February 2026: February 2026 has 28 days."),
        ("11/13/2025", "There is no month 13: type the day first, as in"),
        ("11 Septober 2025", "“septober” is not a month"),
        ("next week", "“next week” is not a date: type one such as 11 September 2025"),
    ],
)
def test_a_text_that_is_no_date_says_why_in_one_sentence(typed, problem):
    read = read_typed_date(typed, around=AROUND)
    assert read.value is None
    assert read.problem.startswith(problem)
    assert read.problem.endswith(".") and read.problem.count(". ") == 0


def test_a_leap_day_is_a_date_in_a_leap_year():
    assert read_typed_date("29 February 2028", around=AROUND).value == date(2028, 2, 29)


def test_nothing_typed_is_no_reading():
    assert read_typed_date("   ", around=AROUND) is None


def test_dates_are_shown_back_without_a_leading_zero():
    assert long_date(date(2026, 3, 5)) == "5 March 2026"
    assert long_date(date(2025, 9, 11)) == "11 September 2025"


def test_the_parts_written_are_counted_for_tab_to_move_on():
    assert [parts_typed(t) for t in ("11", "11 Sep", "Thursday 11", "11/09/2025")] == [1, 2, 1, 3]
