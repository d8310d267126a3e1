"""Setting up and running a meeting through the operations the window calls."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError, UserInputError
from pcc_minutes.core.records import FigurePoint, Person
from pcc_minutes.core.templates import AgendaTemplate, builtin_templates
from pcc_minutes.operations.templates import load_template, save_template


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value


def test_a_meeting_from_the_builtin_template_has_its_agenda_and_people(store, meeting_id):
    view = ops.load_meeting(store, meeting_id)
    assert view.title == "Accountability and Performance Meeting"
    assert (view.start, view.end) == (time(10, 30), time(11, 30))
    assert [i.position for i in view.items] == list(range(1, len(view.items) + 1))
    assert view.items[0].planned_minutes == 5 and view.attendees[0].group == "Chair"
    assert "15 January 2026" in ops.meeting_json(store, meeting_id)["opening"]


def test_templates_round_trip_through_a_shared_file(tmp_path, store, meeting_id):
    ops.add_item(store, meeting_id, "Road Safety", lead="ACC Operations", planned_minutes=10)
    template = ops.template_from_meeting(store, meeting_id, name="Our APM")
    path = save_template(template, tmp_path / "apm.pcctemplate.json")
    again = load_template(path)
    assert again == template
    assert again.items[-1].title == "Road Safety"


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not JSON"),
        ('{"format": "other"}', "not a template file"),
        ('{"format": "pcc-minutes-template", "version": 1, "title": "", "name": "x"}', "no title"),
    ],
)
def test_a_broken_template_file_is_refused_in_one_sentence(tmp_path, content, message):
    path = tmp_path / "t.pcctemplate.json"
    path.write_text(content)
    with pytest.raises(UserInputError, match=message):
        load_template(path)


def test_the_next_meeting_copies_agenda_people_venue_and_marking_but_not_notes(store, meeting_id):
    view = ops.load_meeting(store, meeting_id)
    ops.save_item_notes(store, view.items[1].id, "- Crime is down.\n")
    ops.set_attendees(
        store,
        meeting_id,
        [
            Person("Dana Whitfield", "PCC", "Chair"),
            Person("Lee Harte", "CC", present=False),
        ],
    )
    next_id = ops.create_from_last(store, meeting_id, date(2026, 2, 12)).value
    after = ops.load_meeting(store, next_id)
    assert [i.title for i in after.items] == [i.title for i in view.items]
    assert all(i.notes == "" for i in after.items)
    assert [p.name for p in after.attendees] == ["Dana Whitfield", "Lee Harte"]
    # Last time's apologies are apologies again (issue 10): the minute-taker ticks who comes.
    assert [p.present for p in after.attendees] == [True, False]
    assert (after.venue, after.marking, after.series) == (view.venue, view.marking, view.series)


def test_items_are_added_removed_and_moved_keeping_positions_1_to_n(store, meeting_id):
    first = ops.load_meeting(store, meeting_id).items
    new_id = ops.add_item(store, meeting_id, "Urgent Item", after=1).value
    titles = [i.title for i in ops.load_meeting(store, meeting_id).items]
    assert titles[1] == "Urgent Item"
    ops.move_item(store, new_id, len(titles))
    view = ops.load_meeting(store, meeting_id)
    assert view.items[-1].title == "Urgent Item"
    ops.remove_item(store, first[0].id)
    view = ops.load_meeting(store, meeting_id)
    assert [i.position for i in view.items] == list(range(1, len(view.items) + 1))
    assert first[0].title not in [i.title for i in view.items]


def test_moving_between_items_records_actual_starts_and_ends(store, meeting_id):
    items = ops.load_meeting(store, meeting_id).items
    t0 = datetime(2026, 1, 15, 10, 31)
    ops.start_live(store, meeting_id, t0)
    ops.enter_item(store, meeting_id, items[0].id, t0)
    ops.enter_item(store, meeting_id, items[1].id, t0 + timedelta(minutes=6))
    ops.enter_item(store, meeting_id, items[0].id, t0 + timedelta(minutes=20))
    ops.enter_item(store, meeting_id, items[2].id, t0 + timedelta(minutes=22))
    view = ops.load_meeting(store, meeting_id)
    assert view.live_started_at == t0
    assert view.items[0].actual_start == t0  # going back keeps the first start
    assert view.items[0].actual_end == t0 + timedelta(minutes=22)
    assert view.items[1].actual_start == t0 + timedelta(minutes=6)
    assert view.items[1].actual_end == t0 + timedelta(minutes=20)
    assert view.items[2].actual_end is None


def test_items_timed_live_give_their_place_in_the_recording(store, meeting_id):
    items = ops.load_meeting(store, meeting_id).items
    t0 = datetime(2026, 1, 15, 10, 30)
    ops.enter_item(store, meeting_id, items[0].id, t0)
    ops.enter_item(store, meeting_id, items[1].id, t0 + timedelta(minutes=12, seconds=5))
    doc = ops.minutes_document(store, meeting_id, timings=True)
    assert doc.items[1].recording_offset == 725
    from pcc_minutes.documents.layout import layout
    from pcc_minutes.documents.markdown import to_markdown

    assert "In the recording from 0:12:05" in to_markdown(layout(doc))
    plain = ops.minutes_document(store, meeting_id)
    assert "In the recording" not in to_markdown(layout(plain))


def test_actions_and_figures_are_captured_against_an_item(store, meeting_id):
    item = ops.load_meeting(store, meeting_id).items[1]
    action_id = ops.add_action(
        store, item.id, "Share the audit", "Chief Constable", date(2026, 3, 1)
    ).value
    ops.add_metric(
        store,
        item.id,
        "Recording accuracy",
        "%",
        [FigurePoint("2025", 80), FigurePoint("2026", 92, True, 93)],
        target=95,
    )
    view = ops.load_meeting(store, meeting_id).item(item.id)
    assert view.actions[0].owner == "Chief Constable"
    assert view.figures[0].points[1] == FigurePoint("2026", 92, True, 93)
    ops.set_action_status(store, action_id, "done")
    assert ops.load_meeting(store, meeting_id).item(item.id).actions[0].status == "done"


def test_open_actions_carry_into_the_next_meeting_of_the_series(store, meeting_id):
    item = ops.load_meeting(store, meeting_id).items[0]
    ops.add_action(store, item.id, "Write to the council", "Chief Executive")
    next_id = ops.create_from_last(store, meeting_id, date(2026, 2, 12)).value
    assert ops.open_actions_of_series(store, next_id) == [
        (date(2026, 1, 15), "Write to the council", "Chief Executive")
    ]


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda s, m, i: ops.update_meeting(s, m, start_time=time(11), end_time=time(10)),
            "cannot end",
        ),
        (lambda s, m, i: ops.add_item(s, m, "  ").value, "needs a title"),
        (lambda s, m, i: ops.update_item(s, i, planned_minutes=-5), "whole number"),
        (lambda s, m, i: ops.add_metric(s, i, "x", "kg", [FigurePoint("", 1)]).value, "not a unit"),
        (lambda s, m, i: ops.add_action(s, i, "").value, "needs some words"),
    ],
)
def test_impossible_input_gets_one_clear_sentence(store, meeting_id, call, message):
    item_id = ops.load_meeting(store, meeting_id).items[0].id
    with pytest.raises(UserInputError, match=message):
        call(store, meeting_id, item_id)


def test_an_approved_meeting_refuses_every_edit(store, meeting_id):
    item_id = ops.load_meeting(store, meeting_id).items[0].id
    ops.set_status(store, meeting_id, "for-approval")
    ops.set_status(store, meeting_id, "approved", "Chair")
    for call in (
        lambda: ops.update_meeting(store, meeting_id, venue="Elsewhere"),
        lambda: ops.add_item(store, meeting_id, "Late").value,
        lambda: ops.move_item(store, item_id, 3),
        lambda: ops.add_action(store, item_id, "Do it").value,
        lambda: ops.enter_item(store, meeting_id, item_id),
    ):
        with pytest.raises(LockedError):
            call()


def test_template_dataclass_defaults_are_sane():
    assert AgendaTemplate(name="x", title="y").items == []


def test_a_template_from_a_meeting_ending_before_it_starts_has_no_length(
    tmp_path, store, meeting_id
):
    """An imported meeting may say it ended before it started; its template then gives no
    length rather than a negative one (which the template schema would refuse)."""
    from pcc_minutes.store.tables import MeetingRow

    with store.transaction() as session:
        row = session.get(MeetingRow, meeting_id)
        row.start_time, row.end_time = time(14, 0), time(10, 0)
    template = ops.template_from_meeting(store, meeting_id, name="Imported")
    assert template.minutes is None and template.start == "14:00"
    assert load_template(save_template(template, tmp_path / "t.pcctemplate.json")) == template
