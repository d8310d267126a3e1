"""Figure detection: each shape of figure a meeting note holds, what is not a figure, and how
well the two seed notes are read.

The sentences here are written for these tests; only the seed evaluation reads the seeds.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcc_minutes.text.figures import UNITS, FigurePoint, ProposedFigure, detect_figures

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def only(text: str) -> ProposedFigure:
    figures = detect_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def values(figure: ProposedFigure) -> list[float]:
    return [point.value for point in figure.points]


def periods(figure: ProposedFigure) -> list[str | None]:
    return [point.period for point in figure.points]


# -- a change ------------------------------------------------------------------------------


def test_a_change_to_an_approximate_range_is_one_figure_with_two_points():
    figure = only("Burglary detection moved from 41% to roughly 55–56% over the review.")
    assert figure.unit == "%"
    assert figure.label == "Burglary detection"
    assert figure.points == (
        FigurePoint("before", 41),
        FigurePoint("after", 55, approx=True, high=56),
    )


def test_a_fall_between_two_percentages_reads_before_and_after():
    figure = only("Public satisfaction slipped from 77% to 70%.")
    assert (figure.label, figure.unit) == ("Public satisfaction", "%")
    assert periods(figure) == ["before", "after"]
    assert values(figure) == [77, 70]


def test_a_change_given_as_a_single_amount_is_a_single_value():
    figure = only("Reports of anti-social behaviour increased by 15%.")
    assert figure.points == (FigurePoint("", 15),)
    assert figure.label == "Reports of anti-social behaviour"


def test_up_from_puts_the_earlier_value_first():
    figure = only("Arrests rose to 412, up from 380.")
    assert figure.label == "Arrests"
    assert figure.points == (FigurePoint("before", 380), FigurePoint("after", 412))


# -- a single value --------------------------------------------------------------------------


def test_a_percentage_takes_its_label_from_the_noun_after_it():
    figure = only("The audit found 91% compliance with the new policy.")
    assert (figure.label, figure.unit, values(figure)) == ("Compliance", "%", [91])


def test_a_count_takes_its_label_from_what_it_counts():
    figure = only("The unit now has 9 detectives.")
    assert (figure.label, figure.unit, values(figure)) == ("Detectives", "count", [9])


def test_nearly_is_an_approximation_and_more_than_a_lower_bound():
    first, second = detect_figures(
        "Nearly 40 shops have joined the scheme. More than 350 leaflets were handed out."
    )
    assert first.points == (FigurePoint("", 40, approx=True),)
    assert first.label == "Shops joined"
    assert second.points == (FigurePoint("", 350, bound="above"),)
    assert second.label == "Leaflets handed out"


def test_a_count_in_words_is_prose_not_a_figure():
    assert detect_figures("Eleven patrol cars were replaced.") == []
    assert detect_figures("A dozen volunteers and twenty-five cadets attended.") == []


def test_a_number_word_still_makes_a_percentage_a_ratio_and_a_range():
    assert values(only("Twenty per cent of reports were withdrawn.")) == [20]
    assert only("Cyclists were four times more likely to be hurt.").unit == "ratio"
    share = only("Between six and nine per cent of calls were abandoned.")
    assert (share.unit, share.points) == ("%", (FigurePoint("", 6, high=9),))


def test_a_count_in_words_lends_its_noun_to_the_counts_after_it():
    figure = only("Sixteen warrants were executed. Of these, 12 were at homes.")
    assert (figure.label, values(figure)) == ("Warrants at homes", [12])


def test_thousands_separators_are_read():
    figure = only("Some 1,250 leaflets were delivered.")
    assert figure.points == (FigurePoint("", 1250, approx=True),)


def test_a_non_breaking_space_after_a_word_of_approximation_is_a_space():
    figure = only("About\u00a030 volunteers took part.")
    assert figure.points == (FigurePoint("", 30, approx=True),)


# -- a share ---------------------------------------------------------------------------------


def test_a_share_becomes_one_figure_per_category():
    good, poor = detect_figures("Of the files checked, 88% were rated good and 9% were rated poor.")
    assert (good.label, good.unit, values(good)) == ("Rated good", "%", [88])
    assert (poor.label, poor.unit, values(poor)) == ("Rated poor", "%", [9])


def test_a_share_of_a_group_is_labelled_as_a_share():
    figure = only("Cautions made up 3% of all outcomes.")
    assert (figure.label, values(figure)) == ("Share of outcomes", [3])


# -- a ratio ---------------------------------------------------------------------------------


def test_times_more_likely_in_words_is_a_ratio():
    figure = only("Young men were three times more likely to be searched than older men.")
    assert figure.unit == "ratio"
    assert figure.points == (FigurePoint("", 3),)
    assert figure.label == "Young men more likely to be searched"


def test_a_ratio_given_for_two_periods_is_one_figure_with_two_points():
    figure = only(
        "In 2019/20 rural victims were 2.4 times more likely to wait; "
        "by 2024 this had fallen to 1.6 times."
    )
    assert figure.unit == "ratio"
    assert figure.points == (FigurePoint("2019/20", 2.4), FigurePoint("2024", 1.6))
    assert figure.label.startswith("Rural victims")


def test_twice_as_likely_is_a_ratio_of_two():
    figure = only("Older drivers were twice as likely to be stopped at night.")
    assert (figure.unit, values(figure)) == ("ratio", [2])


# -- a series --------------------------------------------------------------------------------


def test_a_series_with_arrows_is_one_figure_labelled_by_its_heading():
    text = "- Community Trigger: 12 (2022) → 19 (2023) → 25 (2024 YTD)"
    figure = only(text)
    assert (figure.label, figure.unit) == ("Community Trigger", "count")
    assert figure.points == (
        FigurePoint("2022", 12),
        FigurePoint("2023", 19),
        FigurePoint("2024 YTD", 25),
    )
    assert text[figure.start : figure.end] == "12 (2022) → 19 (2023) → 25 (2024 YTD)"
    assert figure.text == "Community Trigger: 12 (2022) → 19 (2023) → 25 (2024 YTD)"


def test_a_series_under_a_bold_markdown_heading_with_ascii_arrows():
    figure = only("- **Closure Orders:** 8 (2023) -> 15 (2024)")
    assert figure.label == "Closure Orders"
    assert periods(figure) == ["2023", "2024"]
    assert values(figure) == [8, 15]


def test_values_dated_in_one_sentence_form_one_series():
    figure = only("Satisfaction was 81% in 2023, 84% in 2024 and 86% in 2025.")
    assert figure.label == "Satisfaction"
    assert periods(figure) == ["2023", "2024", "2025"]
    assert values(figure) == [81, 84, 86]


# -- counts with outcomes ------------------------------------------------------------------


def test_counts_with_outcomes_are_separate_figures_that_share_their_noun():
    figures = detect_figures(
        "22 closure orders were obtained. Of these, 6 were breached, leading to 4 arrests, "
        "with the other 2 orders still under review."
    )
    assert [(f.label, f.unit, values(f)) for f in figures] == [
        ("Closure orders obtained", "count", [22]),
        ("Closure orders breached", "count", [6]),
        ("Arrests", "count", [4]),
        ("Orders still under review", "count", [2]),
    ]


def test_of_which_borrows_the_noun_counted_before():
    _, approved = detect_figures("31 bids were received, 9 of which were approved.")
    assert (approved.label, values(approved)) == ("Bids approved", [9])


# -- a value against a target --------------------------------------------------------------


def test_a_target_in_the_next_sentence_is_attached_to_the_value():
    cautions, share = detect_figures(
        "So far 150 cautions have been given, making up 3% of all outcomes. "
        "The target is to get to 6%."
    )
    assert (cautions.label, cautions.unit, values(cautions)) == ("Cautions given", "count", [150])
    assert (share.unit, values(share), share.target) == ("%", [3], 6)
    assert share.text.endswith("The target is to get to 6%.")


def test_against_a_target_of_attaches_the_target():
    figure = only("Around 5% of stops led to arrest, against a target of 10%.")
    assert figure.points == (FigurePoint("", 5, approx=True),)
    assert figure.target == 10


def test_a_target_stated_first_is_attached_to_the_value_that_follows():
    figure = only("We aim for 95% of calls to be answered. Currently 88% are answered.")
    assert (values(figure), figure.target) == ([88], 95)


def test_a_target_with_nothing_measured_is_a_figure_without_points():
    figure = only("The target is 90%.")
    assert (figure.points, figure.target, figure.unit) == ((), 90, "%")


def test_target_time_is_not_a_target():
    figure = only("85% of calls were answered within target time.")
    assert (figure.target, values(figure)) == (None, [85])


# -- a dated trend ---------------------------------------------------------------------------


def test_a_backlog_trend_keeps_its_month_and_year_periods():
    backlog, expected = detect_figures(
        "Open investigations came down from 2,400 in March 2024 to 1,900 by June 2025, "
        "with 4,200 cases expected in 2025/26."
    )
    assert backlog.label == "Open investigations"
    assert backlog.points == (FigurePoint("March 2024", 2400), FigurePoint("June 2025", 1900))
    assert (expected.label, expected.points) == (
        "Cases expected",
        (FigurePoint("2025/26", 4200),),
    )


def test_a_relative_period_is_a_period_not_a_duration():
    figure = only("Over the past 12 months, 640 referrals were received.")
    assert figure.points == (FigurePoint("past 12 months", 640),)


# -- ranges ----------------------------------------------------------------------------------


def test_a_range_of_counts_has_a_high_end():
    figure = only("A further 15–16 investigators have joined the team.")
    assert figure.points == (FigurePoint("", 15, high=16),)
    assert figure.label == "Investigators joined"


def test_between_two_values_is_a_range():
    figure = only("Between 20 and 25% of reports were withdrawn.")
    assert (figure.unit, figure.points) == ("%", (FigurePoint("", 20, high=25),))


# -- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The overspend stands at £412,300.", 412_300),
        ("A grant of £2m was agreed.", 2_000_000),
        ("Reserves of £0.25bn are held.", 250_000_000),
        ("A further £250k was released.", 250_000),
        ("The contract is worth £1.5 million.", 1_500_000),
        ("The hotel bill was small (£12,500) overall.", 12_500),
    ],
)
def test_sums_of_money_are_read_in_pounds(text: str, value: float):
    figure = only(text)
    assert (figure.unit, values(figure)) == ("£", [value])


def test_a_bracketed_sum_standing_alone_like_a_table_cell_is_negative():
    overtime, fuel = detect_figures("Overtime\t(£12,500)\nFuel\t£4,000")
    assert (overtime.label, values(overtime)) == ("Overtime", [-12_500])
    assert (fuel.label, values(fuel)) == ("Fuel", [4_000])


def test_a_scale_at_the_end_of_a_range_applies_to_both_ends():
    figure = only("Costs were estimated at £10–17m.")
    assert figure.points == (FigurePoint("", 10_000_000, high=17_000_000),)


# -- spans, text and order -------------------------------------------------------------------


def test_offsets_cover_the_value_and_its_word_of_approximation():
    text = "Last month, over 200 kits were handed to farmers."
    figure = only(text)
    assert text[figure.start : figure.end] == "over 200"
    assert figure.text == text


def test_figures_come_in_order_of_appearance_with_bullets_stripped_from_their_text():
    text = "- 7 new cameras were fitted.\n- Crime fell by 12%.\n- 3 arrests followed."
    figures = detect_figures(text)
    assert [values(f) for f in figures] == [[7], [12], [3]]
    assert [f.text for f in figures] == [
        "7 new cameras were fitted.",
        "Crime fell by 12%.",
        "3 arrests followed.",
    ]
    assert [f.start for f in figures] == sorted(f.start for f in figures)


# -- not figures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # years and financial years
        "The Annual Report 2024/25 was noted.",
        "The plan runs until 2027.",
        "Item 6: Police and Crime Plan 2022-2025",
        # dates
        "The next meeting is on 3 October 2025.",
        "The new rota was introduced on 15 June.",
        "An inspection is planned between March 2026 and May 2026.",
        "The form was signed on 04/11/2025.",
        # times
        "The meeting ran 09:30-11.00 in the Council Chamber.",
        "The helpline is open 24/7.",
        "The surgery starts at 2pm.",
        # item, clause and section numbers
        "Item 4: Road Safety",
        "See paragraph 3.2 and section 136 of the Act.",
        "3.1 The Chair welcomed members.",
        "Tranche 2 was approved.",
        # durations
        "Calls must be returned within 48 hours.",
        "The licence is reviewed after 2 years.",
        "The board will look again in six months.",
        "A 12-month pilot was agreed.",
        # ordinals, names, phone numbers and postcodes
        "This was the 3rd meeting of the panel.",
        "The COVID-19 recovery plan was noted.",
        "Call 101 or 01992 555123.",
        "The office is at SG13 8DE.",
        "The office is at 65 Mill Street.",
        # a scope in a commitment, and a frequency
        "The scheme will run across all 10 districts by March 2026.",
        "The panel met three times.",
        "One of the officers spoke.",
    ],
)
def test_no_figure_is_proposed_for(text: str):
    assert detect_figures(text) == []


def test_a_percentage_beside_a_duration_and_an_item_number_is_still_a_figure():
    figure = only("Item 3 showed that within 24 hours, 83% of crimes were recorded.")
    assert (figure.unit, values(figure), figure.label) == ("%", [83], "Crimes recorded")


def test_a_duration_inside_a_label_is_kept_as_words():
    figure = only("The share of calls closed within 24 hours went from 60% to 64%.")
    assert figure.label == "Share of calls closed within 24 hours"


# -- any text --------------------------------------------------------------------------------

_PIECES = [
    "from", "to", "80%", "92–93%", "→", "(2023)", "£1m", "(£17,000)", "five", "times",
    "more", "likely", "Item", "3", "24/7", "10:30-11.30", "in", "February 2025", "by",
    "2024/25", ",", ".", ";", ":", "\n", "- ", "**", "target", "of", "these", "were",
    "breached", "Over", "200", "kits", "1,200", "twice", "as", "between", "and", "up from",
    "\u00a0", "(", ")", "a dozen", "all 10", "six months", "YTD", "x", "per cent",
    "Right to Ask:", "compared with", "then", "£", "%", "-", "–", "0", "9.5", "people",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join) | st.text(max_size=200))
def test_any_text_gives_well_formed_proposals_in_order(text: str):
    figures = detect_figures(text)
    for figure in figures:
        assert figure.unit in UNITS
        assert figure.label
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.points or figure.target is not None
        assert all(math.isfinite(p.value) for p in figure.points)
    assert [f.start for f in figures] == sorted(f.start for f in figures)


# -- the seed notes ------------------------------------------------------------------------

# Every figure a reader would want charted, as (unit, first value). Decisions: "all 10
# districts" is a scope, not a figure; "24 hours" and "six months" are durations; the share
# (green/amber) is two figures; a change or a series is one figure.
EXPECTED = {
    "000_51eedace5f671cbc.txt": [
        ("%", 80),  # crime recording accuracy, 80% -> 92–93%
        ("%", 98),  # sexual offences recording accuracy
        ("%", 83),  # recorded within 24 hours, 83% -> 72%
        ("%", 20),  # use of force recording increase
        ("%", 93),  # graded green
        ("%", 6),  # graded amber
        ("ratio", 5),  # Taser use disproportionality
        ("%", 83),  # panel confidence
        ("ratio", 6.8),  # stop and search disproportionality, 6.8 -> 4.3
        ("%", 8.5),  # police staff from minority ethnic backgrounds
        ("%", 6.5),  # minority ethnic officers
        ("count", 30),  # young people in the youth forum
    ],
    "004_bf04959017a5c92a.txt": [
        ("count", 7),  # ROST officers
        ("count", 29),  # farms near the borders
        ("count", 200),  # forensic marking kits
        ("count", 30),  # businesses protected
        ("count", 50),  # fly-tipping concerns raised
        ("count", 29),  # ... formally recorded
        ("count", 1200),  # renewals backlog, 1,200 -> 800
        ("count", 8500),  # licences due for renewal
        ("count", 12),  # staff recruited, 12–13
        ("count", 76),  # Right to Ask series
        ("count", 6),  # Right to Know series
        ("count", 14),  # DVPOs issued
        ("count", 10),  # ... breached
        ("count", 5),  # ... arrests
        ("count", 5),  # ... under monitoring
        ("count", 320),  # OOCRs issued
        ("%", 4),  # OOCR share of resolutions, target 8%
    ],
}


def _matches(figure: ProposedFigure, unit: str, value: float) -> bool:
    return figure.unit == unit and any(math.isclose(p.value, value) for p in figure.points)


def _score(expected: list[tuple[str, float]], proposals: list[ProposedFigure]) -> tuple:
    """Recall counts each expected figure once against a proposal of its own (two "83%"
    figures need two proposals); precision counts proposals that match any expected figure."""
    unused = list(proposals)
    found = 0
    for unit, value in expected:
        match = next((f for f in unused if _matches(f, unit, value)), None)
        if match is not None:
            unused.remove(match)
            found += 1
    relevant = sum(any(_matches(f, u, v) for u, v in expected) for f in proposals)
    return found, len(expected), relevant, len(proposals)


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed note {name} not found beside the project (../shared/seeds)")
    return path.read_text(encoding="utf-8")


def test_the_seed_notes_are_read_with_full_recall_and_precision():
    totals = [0, 0, 0, 0]
    for name, expected in EXPECTED.items():
        score = _score(expected, detect_figures(_seed(name)))
        found, wanted, relevant, proposed = score
        print(f"{name}: recall {found / wanted:.2f} precision {relevant / proposed:.2f}")
        totals = [a + b for a, b in zip(totals, score, strict=True)]
    found, wanted, relevant, proposed = totals
    recall, precision = found / wanted, relevant / proposed
    print(f"combined: recall {recall:.2f} precision {precision:.2f}")
    assert recall >= 1.0
    assert precision >= 1.0


def test_the_seed_series_changes_and_targets_are_labelled_and_dated():
    by_label = {f.label: f for f in detect_figures(_seed("004_bf04959017a5c92a.txt"))}
    right_to_ask = next(f for label, f in by_label.items() if "Right to Ask" in label)
    assert periods(right_to_ask) == ["2023", "2024", "2025 YTD"]
    assert "DVPOs breached" in by_label
    backlog = by_label["Outstanding firearms licence renewals"]
    assert periods(backlog) == ["February 2025", "September 2025"]
    assert next(f for f in by_label.values() if f.unit == "%").target == 8


def test_the_seed_ratio_and_change_are_single_figures():
    figures = detect_figures(_seed("000_51eedace5f671cbc.txt"))
    accuracy = next(f for f in figures if f.label == "Crime recording accuracy")
    assert accuracy.points[1] == FigurePoint("after", 92, approx=True, high=93)
    ratio = next(f for f in figures if f.unit == "ratio" and len(f.points) == 2)
    assert ratio.points == (FigurePoint("2018/19", 6.8), FigurePoint("2024", 4.3))
    assert not any(_matches(f, "count", 10) for f in figures)  # "all 10 districts"
