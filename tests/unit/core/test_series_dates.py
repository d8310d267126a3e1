"""The next date of a series, on the pattern its meetings keep (core.series_dates)."""

from __future__ import annotations

from datetime import date

from pcc_minutes.core.series_dates import next_meeting_date


def test_monthly_on_the_second_thursday_as_the_seed_meetings_are():
    # 14 August and 11 September 2025 are both second Thursdays.
    assert next_meeting_date([date(2025, 8, 14), date(2025, 9, 11)]) == date(2025, 10, 9)


def test_one_meeting_is_followed_on_the_same_weekday_of_next_month():
    assert next_meeting_date([date(2025, 9, 11)]) == date(2025, 10, 9)
    assert next_meeting_date([date(2025, 12, 11)]) == date(2026, 1, 8)  # across the year


def test_the_last_tuesday_of_the_month_stays_the_last():
    dates = [date(2025, 9, 30), date(2025, 10, 28), date(2025, 11, 25)]
    assert next_meeting_date(dates) == date(2025, 12, 30)


def test_quarterly_weekly_and_fortnightly_patterns():
    quarterly = [date(2025, 3, 6), date(2025, 6, 5), date(2025, 9, 4)]  # first Thursdays
    assert next_meeting_date(quarterly) == date(2025, 12, 4)
    weekly = [date(2025, 9, 1), date(2025, 9, 8), date(2025, 9, 15)]
    assert next_meeting_date(weekly) == date(2025, 9, 22)
    fortnightly = [date(2025, 9, 3), date(2025, 9, 17), date(2025, 10, 1)]
    assert next_meeting_date(fortnightly) == date(2025, 10, 15)


def test_the_same_day_of_each_month_and_no_pattern_at_all():
    assert next_meeting_date([date(2025, 7, 15), date(2025, 8, 15), date(2025, 9, 15)]) == (
        date(2025, 10, 15)
    )
    # Irregular: one month on, on the last meeting's weekday of the month (a Monday here).
    assert next_meeting_date([date(2025, 6, 2), date(2025, 8, 20), date(2025, 9, 1)]) == (
        date(2025, 10, 6)
    )


def test_order_and_repeats_do_not_matter_and_none_gives_none():
    assert next_meeting_date([date(2025, 9, 11), date(2025, 8, 14), date(2025, 9, 11)]) == (
        date(2025, 10, 9)
    )
    assert next_meeting_date([]) is None
