"""An update recorded in a later meeting goes into its standing action-log item: the one
marked so, else the item its title names ("Matters arising"), else one made — first on the
agenda of a meeting not yet held, at the end of one already minuted, so that published items
keep their numbers. Real SQLite files through the real migrations."""

from __future__ import annotations

from datetime import date

from pcc_minutes import operations as ops
from pcc_minutes.core.records import ACTION_LOG
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import ItemSection, MinutesDocument


def imported(store, day: date, titles: list[str]) -> int:
    items = [ItemSection(title=t, blocks=from_markdown(f"Notes on {t}.")) for t in titles]
    doc = MinutesDocument(title="Accountability Meeting", date=day, items=items, source_name="t")
    return ops.import_documents(store, [doc]).value[0].id


def titles(store, meeting_id: int) -> list[tuple[int, str, str]]:
    return [(i.position, i.title, i.kind) for i in ops.load_meeting(store, meeting_id).items]


def test_a_minuted_meeting_gets_the_action_log_at_its_end_and_keeps_its_numbers(store):
    first = imported(store, date(2025, 8, 14), ["Crime recording", "Police powers"])
    second = imported(store, date(2025, 9, 11), ["Rural crime", "Firearms licensing"])
    action = ops.add_action(store, ops.load_meeting(store, first).items[0].id, "Report back").value
    done = ops.update_action(store, action, "Reported", "done", meeting_id=second)
    assert titles(store, second) == [
        (1, "Rural crime", ""),
        (2, "Firearms licensing", ""),
        (3, "Matters arising / action log", ACTION_LOG),
    ]
    done.undo.apply(store)
    assert titles(store, second) == [(1, "Rural crime", ""), (2, "Firearms licensing", "")]


def test_an_item_named_matters_arising_is_used_and_given_back_on_undo(store):
    first = imported(store, date(2025, 8, 14), ["Crime recording"])
    later = imported(store, date(2025, 10, 16), ["Matters arising", "Firearms licensing"])
    action = ops.add_action(store, ops.load_meeting(store, first).items[0].id, "Report back").value
    done = ops.update_action(store, action, "In hand", meeting_id=later)
    assert titles(store, later) == [
        (1, "Matters arising", ACTION_LOG),
        (2, "Firearms licensing", ""),
    ]
    (carried,) = ops.load_meeting(store, later).items[0].carried
    assert (carried.action.id, carried.note) == (action, "In hand")
    done.undo.apply(store)
    assert titles(store, later) == [(1, "Matters arising", ""), (2, "Firearms licensing", "")]


def test_a_new_meeting_from_the_last_uses_its_matters_arising_item_not_a_second_one(store):
    first = imported(store, date(2025, 8, 14), ["Matters arising", "Crime recording"])
    item = ops.load_meeting(store, first).items[1]
    ops.add_action(store, item.id, "Share the recording data", "Chief Constable")
    second = ops.create_from_last(store, first, date(2025, 9, 11)).value
    agenda = titles(store, second)
    assert agenda == [(1, "Matters arising", ACTION_LOG), (2, "Crime recording", "")]
    (carried,) = ops.load_meeting(store, second).items[0].carried
    assert carried.action.text == "Share the recording data"


def test_undoing_the_removal_of_an_action_brings_back_what_later_meetings_said_of_it(store):
    first = imported(store, date(2025, 8, 14), ["Crime recording"])
    later = imported(store, date(2025, 10, 16), ["Matters arising", "Firearms licensing"])
    action = ops.add_action(store, ops.load_meeting(store, first).items[0].id, "Report back").value
    ops.update_action(store, action, "In hand", meeting_id=later)
    removed = ops.remove_action(store, action)
    assert ops.load_meeting(store, later).items[0].carried == ()
    removed.undo.apply(store)
    (carried,) = ops.load_meeting(store, later).items[0].carried
    assert (carried.action.text, carried.note) == ("Report back", "In hand")
    assert [h.kind for h in ops.search(store, "in hand")] == ["action"]  # indexed again


def test_an_action_listed_in_approved_later_minutes_is_not_removed(store):
    import pytest

    from pcc_minutes.core.errors import PccError

    first = imported(store, date(2025, 8, 14), ["Crime recording"])
    later = imported(store, date(2025, 10, 16), ["Matters arising"])
    action = ops.add_action(store, ops.load_meeting(store, first).items[0].id, "Report back").value
    ops.update_action(store, action, "In hand", meeting_id=later)
    ops.set_status(store, later, "for-approval", "Clerk")
    ops.set_status(store, later, "approved", "Chair")
    with pytest.raises(PccError, match="approved"):
        ops.remove_action(store, action)
    assert ops.load_meeting(store, later).items[0].carried[0].note == "In hand"
