"""Indicators across meetings: matching by key and unit, trends, hand edits with undo, and
the command line's shapes — on real SQLite files made through the migrations."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Figure, FigurePoint
from pcc_minutes.text.indicators import indicator_key, period_date, trend_sentence
from tests.conftest import need, seed_files


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Outstanding firearms licence renewals", "outstanding Firearms-licence renewal"),
        ("Number of offences", "offence"),
        ("The total number of policies", "Policy"),
        ("Café visits", "cafe visit"),
        ("Total  arrests.", "arrests"),
    ],
)
def test_labels_that_name_the_same_measure_share_a_key(one, other):
    assert indicator_key(one) == indicator_key(other)


def test_different_measures_keep_different_keys():
    assert indicator_key("Arrests") != indicator_key("Arrests made on warrant")
    assert indicator_key("Status") == "status"  # not "statu"


def test_periods_read_as_dates():
    meeting = date(2025, 9, 11)
    assert period_date("September 2025", meeting)[0] == date(2025, 9, 1)
    assert period_date("Sept 2025", meeting)[1] == period_date("September 2025", None)[1]
    assert period_date("August", meeting)[0] == date(2025, 8, 1)
    assert period_date("December", meeting)[0] == date(2024, 12, 1)
    assert period_date("Q2 2025/26", meeting)[0] == date(2025, 7, 1)
    assert period_date("Q4 2025/26", meeting)[0] == date(2026, 1, 1)
    assert period_date("2024/25", meeting)[0] == date(2024, 4, 1)
    assert period_date("year to date", meeting) == (date(2025, 9, 1), "")
    assert period_date("before the change", meeting) == (None, "")


def test_the_summary_is_one_plain_sentence():
    points = [("August 2025", 1200.0), ("September 2025", 800.0), ("October 2025", 650.0)]
    assert trend_sentence("count", points, False) == (
        "Fell from 1,200 in August 2025 to 650 in October 2025 (3 points); lower is better."
    )
    assert trend_sentence("%", [("2024/25", 80.0), ("2025/26", 92.5)], True) == (
        "Rose from 80% in 2024/25 to 92.5% in 2025/26 (2 points); higher is better."
    )


# --- on the seed meetings, and a third of our own ------------------------------------------


def _renewals(store) -> int:
    return ops.find_indicator(store, "firearms licence renewals")


@pytest.fixture
def three(store, cli):
    """The two seed meetings with their figures accepted, and an October meeting made from
    the last with our own words for the renewals figure."""
    seeds = need(seed_files(), "the seed meetings")
    assert cli("import", *seeds).code == 0
    for meeting_id in (1, 2):
        assert cli("figures", str(meeting_id), "--accept").code == 0
    october = ops.create_from_last(store, 2, date(2025, 10, 9)).value
    item = ops.load_meeting(store, october).items[0]
    figure_id = ops.add_metric(
        store,
        item.id,
        "Number of outstanding firearms licence renewals",
        "count",
        [FigurePoint("September 2025", 800), FigurePoint("October 2025", 650)],
        source_text="The backlog of renewals came down again, to 650 by the end of October.",
    ).value
    return october, figure_id


def test_a_figure_reported_in_three_meetings_is_one_indicator(store, three):
    october, figure_id = three
    trend = ops.indicator_trend(store, _renewals(store))
    periods = [p.period for p in trend.points]
    assert periods == ["February 2025", "September 2025", "October 2025"]
    september = trend.points[1]
    assert [s.meeting_id for s in september.sources] == [2, october]
    assert not september.mismatch
    assert september.meeting_id == october  # the newest report is shown
    assert trend.summary.startswith("Fell from 1,200 in February 2025 to 650 in October 2025")
    listed = {i.id: i for i in ops.list_indicators(store)}
    assert listed[trend.indicator.id].points == 3
    # The minutes of September see nothing of October.
    september_figure = next(
        f.id
        for i in ops.load_meeting(store, 2).items
        for f in i.figures
        if f.indicator_id == trend.indicator.id
    )
    upto = ops.item_trends(store, 2)[september_figure]
    assert [p.period for p in upto.points] == ["February 2025", "September 2025"]
    assert ops.item_trends(store, october)[figure_id].points[-1].value == 650


def test_two_meetings_disagreeing_on_a_period_is_a_mismatch(store, three):
    october, figure_id = three
    stored = next(f for i in ops.load_meeting(store, october).items for f in i.figures)
    edited = Figure(stored.label, "count", (FigurePoint("September 2025", 790),), 600, False)
    ops.update_figure(store, figure_id, edited)
    trend = ops.indicator_trend(store, _renewals(store))
    september = next(p for p in trend.points if p.period == "September 2025")
    assert september.mismatch and september.value == 790
    assert [s.value for s in september.sources] == [800, 790]
    assert september.target == 600


def test_editing_a_label_moves_the_figure_and_undo_brings_it_back(store, three):
    october, figure_id = three
    renewals = _renewals(store)
    stored = next(f for i in ops.load_meeting(store, october).items for f in i.figures)
    outcome = ops.update_figure(
        store, figure_id, Figure("Licences revoked", "count", stored.points)
    )
    moved = next(f for i in ops.load_meeting(store, october).items for f in i.figures)
    assert moved.indicator_id not in (None, renewals)
    _undo(outcome, store)
    back = next(f for i in ops.load_meeting(store, october).items for f in i.figures)
    assert back.indicator_id == renewals


def _undo(outcome, store):
    return outcome.undo.apply(store)


def test_link_unlink_rename_merge_and_direction_undo(store, three):
    october, figure_id = three
    renewals = _renewals(store)
    before = ops.indicator_trend(store, renewals)

    out = ops.unlink_figure(store, figure_id)
    assert len(ops.indicator_trend(store, renewals).points) == 2
    _undo(out, store)
    assert len(ops.indicator_trend(store, renewals).points) == 3

    arrests = ops.find_indicator(store, "arrests")
    out = ops.link_figure(store, figure_id, arrests)
    assert {s.figure_id for p in ops.indicator_trend(store, arrests).points for s in p.sources} >= {
        figure_id
    }
    _undo(out, store)
    assert ops.indicator_trend(store, renewals) == before

    out = ops.rename_indicator(store, renewals, "Firearms renewals waiting")
    assert ops.indicator_trend(store, renewals).indicator.label == "Firearms renewals waiting"
    _undo(out, store)
    assert ops.indicator_trend(store, renewals).indicator.label == before.indicator.label

    out = ops.set_indicator_direction(store, renewals, False)
    assert ops.indicator_trend(store, renewals).as_json()["direction"] == "down"
    assert ops.indicator_trend(store, renewals).summary.endswith("lower is better.")
    _undo(out, store)
    assert ops.indicator_trend(store, renewals).as_json()["direction"] == "unknown"

    officers = ops.find_indicator(store, "officers")
    out = ops.merge_indicators(store, arrests, officers)
    assert officers not in {i.id for i in ops.list_indicators(store)}
    _undo(out, store)
    assert officers in {i.id for i in ops.list_indicators(store)}
    with pytest.raises(Exception, match="same unit"):
        ops.merge_indicators(store, renewals, ops.find_indicator(store, "crime recording accuracy"))


def test_figures_stored_before_indicators_are_linked_on_first_read(store, three, db_path):
    renewals = _renewals(store)
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE metric SET indicator_id = NULL, indicator_manual = 0")
        connection.execute("DELETE FROM indicator")
    connection.close()
    trend = ops.indicator_trend(store, ops.find_indicator(store, "firearms licence renewals"))
    assert len(trend.points) == 3
    assert trend.indicator.id != renewals  # made again
    left = (
        sqlite3.connect(db_path)
        .execute("SELECT count(*) FROM metric WHERE indicator_id IS NULL")
        .fetchone()
    )
    assert left == (0,)


def test_hints_name_the_last_value_before_this_meeting(store, three):
    october, _ = three
    hints = ops.indicator_hints(store, october, "Firearms licence renewals were discussed.")
    texts = {h.indicator.label: h.text for h in hints}
    assert texts["Outstanding firearms licence renewals"] == "last: 800, September 2025"
    assert ops.indicator_hints(store, october, "Nothing measured here.") == []


def test_cli_shapes_and_sentences(store, three, cli):
    listed = cli("indicators", "--json")
    assert listed.code == 0
    rows = json.loads(listed.out)
    assert all(set(r) == {"id", "label", "unit", "points"} for r in rows)
    renewals = next(r for r in rows if "firearms" in r["label"].lower())
    assert renewals["points"] == 3

    shown = cli("trend", str(renewals["id"]), "--json")
    data = json.loads(shown.out)
    assert {"id", "label", "unit", "direction", "points"} <= set(data)
    assert [p["date"] for p in data["points"]][0] == "2025-09-11"
    point = data["points"][-1]
    assert {"meeting", "date", "item", "period", "value", "approx", "high", "target"} <= set(point)
    assert point["value"] == 650 and point["period"] == "October 2025"

    plain = cli("trend", "firearms licence renewals")
    assert plain.code == 0 and "October 2025" in plain.out and "Fell from" in plain.out

    ambiguous = cli("trend", "right to")
    assert (
        ambiguous.code == 2 and "Right to Ask" in ambiguous.err and "Right to Know" in ambiguous.err
    )
    assert len(ambiguous.err.strip().splitlines()) == 1
    unknown = cli("trend", "broomsticks")
    assert unknown.code == 2 and "indicators" in unknown.err
    assert cli("indicators", "--series", "no such series").code == 2
