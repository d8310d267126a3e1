"""The worked example of the record across meetings, from the seed meetings: an action raised
on 14 August 2025, updated on 11 September, carried into a third meeting's action log, and
a decision there, exported in every format and re-opened; the Word file read back gives the
same decisions and actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import docx

from pcc_minutes import operations as ops
from pcc_minutes.core.records import ACTION_LOG, ActionUpdate, AgendaItem, CarriedAction
from pcc_minutes.documents.build import build_minutes
from pcc_minutes.documents.readers import read_minutes
from pcc_minutes.documents.writers import writer
from tests.conftest import need, seed_files
from tests.unit.documents.test_pdf_writer import full_text, roles

AUDIT = "Chief Constable to send the Panel the custody visitors' findings on cell checks"
DECISION = "The Panel agreed to receive the custody report every six months."


def third_meeting(store) -> tuple:
    """The seeds imported, an action added to the first meeting, and the next meeting made
    from the second; its action-log item carries the action (made here as the records say
    it when the store does not carry actions yet)."""
    docs = [read_minutes(path) for path in need(seed_files(), "seed meetings")]
    first, second = (summary.id for summary in ops.import_documents(store, docs).value)
    custody = ops.load_meeting(store, first).items[3]
    assert custody.title.startswith("Independent Custody Visitors")
    ops.add_action(store, custody.id, AUDIT, owner="Chief Constable", due=date(2025, 10, 31))
    third = ops.create_from_last(store, second, date(2025, 10, 9)).value
    meeting = ops.load_meeting(store, third)
    ops.add_decision(store, meeting.items[0].id, DECISION)
    meeting = ops.load_meeting(store, third)
    action = ops.load_meeting(store, first).items[3].actions[0]
    if not any(item.carried for item in meeting.items):
        carried = CarriedAction(
            action=action,
            raised_meeting_id=first,
            raised_date=date(2025, 8, 14),
            raised_item=4,
            raised_title=custody.title,
            note="Findings drafted; they go to the Panel with the next custody report.",
            earlier=(
                ActionUpdate(second, date(2025, 9, 11), "open", "Visitors' notes being collated."),
            ),
        )
        log = AgendaItem(0, 0, "Matters arising / action log", kind=ACTION_LOG, carried=(carried,))
        items = tuple(replace(item, position=n) for n, item in enumerate(meeting.items, 2))
        meeting = replace(meeting, items=(replace(log, position=1), *items))
    return meeting, action


def test_the_worked_example_prints_the_carried_action_and_the_decision(store, tmp_path):
    meeting, action = third_meeting(store)
    doc = build_minutes(meeting)
    paths = {}
    for fmt in ("md", "docx", "pdf"):
        paths[fmt] = tmp_path / f"third.{fmt}"
        writer(fmt).load()(doc, paths[fmt])

    markdown = paths["md"].read_text()
    assert AUDIT in markdown and "Raised 14 August 2025, item 4" in markdown
    assert f"**Decision:** {DECISION}" in markdown

    table = docx.Document(paths["docx"]).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "No.",
        "Action",
        "Owner",
        "Due",
        "Status",
        "Update",
    ]
    row = [c.text for c in table.rows[1].cells]
    assert row[1] == f"{AUDIT}\nRaised 14 August 2025, item 4"
    assert row[2:5] == ["Chief Constable", "31 October 2025", "Open"]

    text = full_text(paths["pdf"])
    assert "Raised 14 August 2025, item 4" in text and DECISION in text
    assert roles(paths["pdf"]).count("TH") >= 6

    read = read_minutes(paths["docx"])
    assert [d for item in read.items for d in item.decisions] == [DECISION]
    carried_words = " ".join(
        "".join(span.text for span in cell)
        for item in read.items
        for block in item.blocks
        if hasattr(block, "rows")
        for row in block.rows
        for cell in row
    )
    assert AUDIT in carried_words

    # imported again as a meeting: the decision is a decision of its item
    (summary,) = ops.import_documents(store, [read]).value
    again = ops.load_meeting(store, summary.id)
    assert [d.text for item in again.items for d in item.decisions] == [DECISION]
    assert action.text == AUDIT
