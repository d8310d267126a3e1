"""Editing a stored figure keeps its bounds: the values field shows "over 200" and reads it
back as the same bound, so opening the editor and pressing OK changes nothing."""

from __future__ import annotations

import pytest

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import FigurePoint
from pcc_minutes.ui.indicators.figure_edit import parse_points, points_text


def test_bounds_approximations_and_ranges_read_back_unchanged():
    points = (
        FigurePoint("March 2025", 150, bound="above"),
        FigurePoint("April 2025", 140, approx=True),
        FigurePoint("May 2025", 6, high=8),
        FigurePoint("", 9, bound="at_most"),
    )
    shown = points_text(points)
    assert shown == "March 2025: over 150; April 2025: ~140; May 2025: 6–8; at most 9"
    assert parse_points(shown) == points


@pytest.mark.parametrize(
    ("typed", "bound"),
    [("at least 12", "at_least"), ("under 4", "below"), (">= 12", "at_least"), ("<4", "below")],
)
def test_a_bound_typed_in_the_values_field_is_read(typed, bound):
    (point,) = parse_points(f"June 2025: {typed}")
    assert (point.period, point.bound, point.approx) == ("June 2025", bound, False)


def test_a_word_that_is_not_a_bound_is_refused_in_one_sentence():
    with pytest.raises(UserInputError, match="over 200"):
        parse_points("June 2025: beyond 12")
