"""Figure detection: bounds ("over 200") kept as bounds, targets found across a sentence or
line break for their own measure only, and counts that are not measures left out.

The sentences here are written for these tests; the seed check reads the seeds at run time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pcc_minutes.core.records import BOUNDS
from pcc_minutes.text.figures import FigurePoint, ProposedFigure, detect_figures

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def only(text: str) -> ProposedFigure:
    figures = detect_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def point(text: str) -> FigurePoint:
    figure = only(text)
    assert len(figure.points) == 1, figure
    return figure.points[0]


# -- bounds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("Over 150 tracker kits were posted to farms.", 150, "above"),
        ("More than 60 volunteers signed up.", 60, "above"),
        ("Above 90% of calls were answered.", 90, "above"),
        ("In excess of £2m was recovered from offenders.", 2_000_000, "above"),
        ("Under 4% of files were returned.", 4, "below"),
        ("Fewer than 20 complaints were upheld.", 20, "below"),
        ("Less than 3% of stops found nothing.", 3, "below"),
        ("Response fell below 75% in the spring.", 75, "below"),
        ("At least 45 shops display the sticker.", 45, "at_least"),
        ("No fewer than 300 calls were logged.", 300, "at_least"),
        ("250+ leaflets were handed out.", 250, "at_least"),
        ("Patrols covered 12 or more villages.", 12, "at_least"),
        ("At most 6% of cases are delayed.", 6, "at_most"),
        ("Up to £40k is available for each scheme.", 40_000, "at_most"),
        ("No more than 15 vehicles were seized.", 15, "at_most"),
    ],
)
def test_words_of_a_limit_make_a_bound_not_an_approximation(text, value, bound):
    found = point(text)
    assert (found.value, found.bound, found.approx) == (value, bound, False)
    assert found.bound in BOUNDS


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 40 shops have joined the scheme.",  # a little under, but no limit is stated
        "Almost 70% of victims were contacted.",
        "About 25 cameras were fitted.",
        "Around £1.5m was saved.",
        "Approximately 30 businesses are protected.",
        "Roughly 18% of reports were withdrawn.",
        "Some 1,250 letters were sent.",
        "c. 400 visits were made.",
        "40-odd arrests were made.",
    ],
)
def test_nearly_almost_and_other_words_of_approximation_stay_approximations(text):
    found = point(text)
    assert (found.approx, found.bound) == (True, "")


def test_a_bound_is_part_of_the_figures_span_and_its_text():
    text = "Last week more than 90 bikes were marked."
    figure = only(text)
    assert text[figure.start : figure.end] == "more than 90"


def test_a_change_may_end_at_a_bound_and_up_to_in_a_change_is_its_to():
    fell = only("Attendance fell from 80% to under 70%.")
    assert fell.points == (FigurePoint("before", 80), FigurePoint("after", 70, bound="below"))
    rose = only("Attendance rose from 60% up to 72%.")
    assert rose.points == (FigurePoint("before", 60), FigurePoint("after", 72))


def test_a_bound_travels_to_the_stored_figure():
    (stored,) = only("Over 300 checks were completed.").as_figure().points
    assert stored.bound == "above"
    assert stored.as_json()["bound"] == "above"


# -- targets ---------------------------------------------------------------------------------


def test_a_target_after_a_sentence_break_in_one_bullet_is_attached():
    _, share = detect_figures(
        "- So far 410 community resolutions were given, 5% of all outcomes. The aim is to reach 9%."
    )
    assert (share.points[0].value, share.target) == (5, 9)


def test_a_target_opening_the_next_line_is_attached():
    share = only("Use of the app is 12% of contacts.\nThe target is to get to 20%.")
    assert (share.points[0].value, share.target) == (12, 20)
    assert share.text.endswith("The target is to get to 20%.")


def test_a_target_line_under_a_figure_line_is_attached():
    share = only("- Online reporting: 31%\n- Target: 40%")
    assert (share.label, share.target) == ("Online reporting", 40)


def test_a_target_naming_the_same_measure_is_attached():
    figure = only("Victim satisfaction is 78%. The satisfaction target is 85%.")
    assert figure.target == 85
    figure = only("Victim satisfaction is 78%; the target for satisfaction is 85%.")
    assert figure.target == 85


def test_a_target_naming_another_measure_is_not_attached():
    arrests, target = detect_figures(
        "Arrests for shoplifting rose by 14%. The target for victim contact is 95%."
    )
    assert arrests.target is None
    assert (target.points, target.target, target.label) == ((), 95, "Victim contact")


def test_a_target_two_sentences_away_or_after_a_gap_line_is_not_attached():
    figures = detect_figures("Thefts fell by 7%.\nPatrols were doubled.\nThe target is 10%.")
    assert [f.target for f in figures] == [None, 10]
    assert figures[1].points == ()


def test_a_target_of_another_unit_is_not_attached():
    figures = detect_figures("The backlog stands at 640 files. The target is 25%.")
    assert [(f.unit, f.target) for f in figures] == [("count", None), ("%", 25)]


# -- counts that are not measures --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # counts in words are prose
        "Two staff moved from the front desk to the licensing team.",
        "Three members asked about the budget.",
        "A dozen residents came to the surgery.",
        "Eleven vans were serviced.",
        # a number that picks members out of a sequence
        "Interviews for the last 3 posts end in January.",
        "The first 2 items were taken together.",
        "Our next 4 meetings will be held online.",
        # small headcounts said in passing
        "2 officers attended the community meeting.",
        "3 members raised questions about the precept.",
        "4 staff moved to the new control room.",
        "The chair took 2 questions from the public.",
    ],
)
def test_no_figure_for_counts_that_are_not_measures(text):
    assert detect_figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The rural team consists of 6 officers.", 6),  # the strength of a team
        ("The unit now has 8 investigators.", 8),  # not a headcount noun
        ("4 posts remain vacant in the control room.", 4),
        ("3 officers were recruited to the team.", 3),
        ("An extra 5 staff joined the contact centre.", 5),
        ("12 officers attended the training.", 12),  # not a small count
        ("Around 6 officers were on duty.", 6),  # an approximation is reported, not passing
        ("2 meetings were held in March 2025.", 2),  # dated
        ("7 complaints were received.", 7),  # complaints are a measure at any size
    ],
)
def test_counts_reported_as_measures_are_kept(text, value):
    assert [p.value for p in only(text).points] == [value]


def test_out_of_court_is_part_of_what_is_counted():
    figure = only("This year 280 out of court disposals were issued.")
    assert (figure.label, figure.points[0].value) == ("Out of court disposals issued", 280)


# -- the seeds, before and after -------------------------------------------------------------


def test_the_september_seed_keeps_its_bound_and_its_target():
    path = SEEDS / "004_bf04959017a5c92a.txt"
    if not path.is_file():
        pytest.skip("seed note not found beside the project (../shared/seeds)")
    figures = detect_figures(path.read_text(encoding="utf-8"))
    bounded = [f for f in figures if any(p.bound for p in f.points)]
    assert [(f.points[0].value, f.points[0].bound) for f in bounded] == [(200, "above")]
    assert not bounded[0].points[0].approx
    approximate = [f.points[0].value for f in figures if any(p.approx for p in f.points)]
    assert approximate == [30]  # "Approximately 30 businesses"
    assert [f.target for f in figures if f.unit == "%"] == [8]


# -- numbers that name something, rates and comparisons (minutes of other bodies) ----------


@pytest.mark.parametrize(
    "text",
    [
        "Calls to 999 and 101 were answered more quickly.",
        "Residents can report it on 101 or online.",
        "The 111 service passed on the case.",
        "Demand on the 101 line was discussed.",
        "412. APOLOGIES FOR ABSENCE",
        "413 DECLARATIONS OF INTEREST",
        "Risk 7 on the register was closed.",
    ],
)
def test_phone_lines_minute_numbers_and_risk_numbers_are_not_figures(text):
    assert detect_figures(text) == []


def test_a_rate_per_thousand_is_one_figure_with_its_base_in_the_label():
    figure = only(
        "Burglary stood at 8.4 offences per 1,000 households, below the peer group average of 9.7."
    )
    assert (figure.label, figure.unit) == ("Offences per 1,000 households", "count")
    assert [p.value for p in figure.points] == [8.4]


def test_the_value_a_figure_is_compared_with_is_context_not_a_figure():
    figure = only("Charge rates reached 13%, above the national average of 10%.")
    assert ([p.value for p in figure.points], figure.target) == ([13], None)
    assert "national average of 10%" in figure.text


def test_per_cent_in_words_is_a_percentage():
    figure = only("Confidence in the force was 74 per cent.")
    assert (figure.unit, [p.value for p in figure.points]) == ("%", [74])


def test_n_out_of_m_counts_n_and_reads_what_they_are():
    figure = only("15 out of 28 milestones are complete.")
    assert (figure.label, [p.value for p in figure.points]) == ("Milestones complete", [15])


def test_a_response_time_change_is_a_figure_and_a_plain_duration_is_not():
    figure = only("Rural response times were 35 seconds slower than 2022/23.")
    assert (figure.label, figure.points) == (
        "Rural response times (seconds slower)",
        (FigurePoint("", 35),),  # "than 2022/23" is the comparison, not the period
    )
    assert detect_figures("The panel will look at it again in four months.") == []
    assert detect_figures("Calls are returned within 48 hours.") == []


# -- labels beside periods and lists ---------------------------------------------------------


def test_in_may_is_a_month_and_two_dated_values_make_a_series():
    figure = only("Detection was 14% in May and 11% in June.")
    assert (figure.label, figure.points) == (
        "Detection",
        (FigurePoint("May", 14), FigurePoint("June", 11)),
    )
    assert detect_figures("Officers may review it later.") == []


def test_a_period_between_the_subject_and_its_value_does_not_hide_the_subject():
    figure = only("Vehicle crime rose in March 2025 by 12%.")
    assert (figure.label, figure.points) == ("Vehicle crime", (FigurePoint("March 2025", 12),))


def test_a_second_subject_after_and_is_labelled_without_the_and():
    _, second = detect_figures("Robbery fell by 5% and burglary by 7%.")
    assert second.label == "Burglary"


# -- a bound typed in the figure form --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "bound"),
    [
        ("over 200", "above"),
        (">200", "above"),
        ("more than 200", "above"),
        ("at least 200", "at_least"),
        (">= 200", "at_least"),
        ("under 200", "below"),
        ("<200", "below"),
        ("at most 200", "at_most"),
        ("up to 200", "at_most"),
        ("≤ 200", "at_most"),
    ],
)
def test_a_bound_typed_in_the_figure_form_is_read(typed, bound):
    from pcc_minutes.text.capture import parse_values

    (draft,), _ = parse_values(typed)
    assert (draft.value, draft.bound, draft.approx) == (200, bound, False)


def test_a_detected_bound_prefills_the_form_and_reads_back_unchanged():
    from pcc_minutes.text.capture import format_values, parse_values

    figure = only("Under 7% of files were late, down from 9%.")
    shown = format_values(figure.points)
    drafts, _ = parse_values(shown)
    assert [(d.value, d.bound) for d in drafts] == [(p.value, p.bound) for p in figure.points]
    assert "under 7" in shown


def test_an_adverb_and_a_comma_before_the_values_leave_the_subject_its_label():
    from pcc_minutes.text.figures import detect_figures

    for sentence, label in (
        (
            "Backlog: Outstanding vetting checks have fallen again, from 900 to 610.",
            "Outstanding vetting checks",
        ),
        (
            "Arrests for burglary have risen sharply, from 40 in June to 55 in July.",
            "Arrests for burglary",
        ),
    ):
        (figure,) = detect_figures(sentence)
        assert figure.label == label
