"""Approval: draft → for-approval → approved → published, who and when, locks and markings."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import LockedError, UserInputError
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store.tables import AgendaItemRow


@pytest.fixture
def meeting_id(store) -> int:
    return create_demo(store).value[0].id


def test_a_meeting_moves_through_approval_with_who_and_when(store, meeting_id):
    ops.set_status(store, meeting_id, "for-approval", "Minute Taker")
    approved = ops.set_status(store, meeting_id, "approved", "Alex Morgan").value
    assert approved.changed and approved.by == "Alex Morgan"
    shown = ops.meeting_json(store, meeting_id)
    assert shown["status"] == "approved" and shown["approved_by"] == "Alex Morgan"
    assert shown["approved_at"] is not None
    ops.set_status(store, meeting_id, "published", "Web Team")
    assert ops.meeting_json(store, meeting_id)["approved_by"] == "Alex Morgan"


def test_setting_the_status_a_meeting_already_has_changes_nothing(store, meeting_id):
    first = ops.set_status(store, meeting_id, "for-approval", "A").value
    again = ops.set_status(store, meeting_id, "for-approval", "B").value
    assert not again.changed and again.by == "A" and again.at == first.at


def test_skipping_a_step_is_refused_with_advice(store, meeting_id):
    with pytest.raises(UserInputError, match="send it for approval first"):
        ops.set_status(store, meeting_id, "approved")
    with pytest.raises(UserInputError, match="not a status"):
        ops.set_status(store, meeting_id, "finished")


def test_an_approved_meeting_is_locked_until_reopened_as_a_new_version(store, meeting_id):
    with store.transaction() as session:
        item_id = session.scalar(
            select(AgendaItemRow.id).where(AgendaItemRow.meeting_id == meeting_id)
        )
    ops.set_status(store, meeting_id, "for-approval")
    ops.set_status(store, meeting_id, "approved", "Chair")
    with pytest.raises(LockedError, match="locked against edits"):
        ops.save_item_notes(store, item_id, "changed")
    reopened = ops.set_status(store, meeting_id, "draft", "Minute Taker").value
    assert reopened.version == 2
    ops.save_item_notes(store, item_id, "corrected")
    assert ops.meeting_json(store, meeting_id)["approved_by"] is None


def test_draft_exports_say_draft_and_version_approved_ones_do_not(store, meeting_id):
    draft = ops.minutes_document(store, meeting_id)
    assert draft.is_draft and draft.status_note.startswith("DRAFT – version 1, ")
    ops.set_status(store, meeting_id, "for-approval")
    assert ops.minutes_document(store, meeting_id).status_note.startswith(
        "DRAFT for approval – version 1"
    )
    ops.set_status(store, meeting_id, "approved")
    approved = ops.minutes_document(store, meeting_id)
    assert not approved.is_draft and approved.status_note == ""


def test_the_public_version_leaves_out_confidential_items_and_private_notes(store, meeting_id):
    with store.transaction() as session:
        items = session.scalars(
            select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id)
        ).all()
        items[1].confidential = True
        items[0].private_notes = "Names of officers under investigation."
    full = ops.minutes_document(store, meeting_id)
    public = ops.minutes_document(store, meeting_id, public=True)
    # Every item keeps its place (and number); the confidential one is an exempt line.
    assert len(public.items) == len(full.items)
    assert "Firearms Licensing" not in [i.title for i in public.items]
    assert public.items[1].exempt and not public.items[1].lead
    from pcc_minutes.documents.tree import blocks_text

    assert "officers under investigation" in blocks_text(full.items[0].blocks)
    assert "officers under investigation" not in blocks_text(public.items[0].blocks)


def test_status_from_the_command_line_and_show_reports_it(cli):
    cli("demo")
    assert cli("status", "1", "for-approval", "--by", "Priya Nair").code == 0
    result = cli("status", "1", "approved", "--by", "Alex Morgan")
    assert result.code == 0 and "approved by Alex Morgan" in result.out
    assert "already approved" in cli("status", "1", "approved").out
    shown = json.loads(cli("show", "1", "--json").out)
    assert (shown["status"], shown["approved_by"]) == ("approved", "Alex Morgan")
    refused = cli("status", "2", "published")
    assert refused.code == 2 and "approve it first" in refused.err
