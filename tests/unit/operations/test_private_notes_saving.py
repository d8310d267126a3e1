"""Saving an item's private notes: one write through a real database, apart from its notes,
refused once the meeting is approved, and never found by search."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.operations.notes import save_item_private_notes
from pcc_minutes.store.database import open_store


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


def test_private_notes_are_saved_apart_from_the_notes_and_read_back(store, db_path, meeting_id):
    item = ops.load_meeting(store, meeting_id).items[0]
    ops.save_item_notes(store, item.id, "Said in public.\n")
    outcome = save_item_private_notes(store, item.id, "- Quokka case: off the record\n")
    assert outcome.changes.items == {item.id} and outcome.undo is None
    reopened = open_store(db_path)
    try:
        again = ops.load_meeting(reopened, meeting_id).items[0]
    finally:
        reopened.close()
    assert again.private_notes == "- Quokka case: off the record\n"
    assert again.notes == "Said in public.\n"


def test_private_notes_are_never_in_the_search_index(store, meeting_id):
    item = ops.load_meeting(store, meeting_id).items[0]
    save_item_private_notes(store, item.id, "Quokka\n")
    ops.save_item_notes(store, item.id, "Wombat\n")
    assert ops.search(store, "Quokka") == []
    assert ops.search(store, "Wombat")


def test_an_approved_meeting_refuses_them(store, meeting_id):
    item = ops.load_meeting(store, meeting_id).items[0]
    ops.set_status(store, meeting_id, "for-approval", "Minute Taker")
    ops.set_status(store, meeting_id, "approved", "Dana Whitfield")
    with pytest.raises(LockedError):
        save_item_private_notes(store, item.id, "too late\n")
    assert ops.load_meeting(store, meeting_id).items[0].private_notes == ""
