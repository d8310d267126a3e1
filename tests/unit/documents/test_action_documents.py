"""The record across meetings on paper: the actions carried into a meeting's action-log item,
its decisions as the minutes print them (and read back), and the series' action log and
decision register, each written in Markdown, Word and PDF and re-opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pikepdf

from pcc_minutes.core.records import (
    ACTION_LOG,
    Action,
    ActionUpdate,
    AgendaItem,
    CarriedAction,
    Decision,
    Meeting,
)
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.documents.action_log import (
    RecentRule,
    action_log_document,
    decision_register_document,
    recent_rule,
    shown_actions,
)
from pcc_minutes.documents.build import build_minutes
from pcc_minutes.documents.readers import read_minutes
from pcc_minutes.documents.writers import writer
from tests.unit.documents.test_pdf_writer import full_text, roles, structure

CUSTODY = Action(
    "Chief Constable to circulate the custody audit to the Panel",
    owner="Chief Constable",
    due=date(2025, 10, 1),
    reference="3",
    id=7,
)
CARRIED = CarriedAction(
    action=CUSTODY,
    raised_meeting_id=1,
    raised_date=date(2025, 8, 14),
    raised_item=4,
    raised_title="Custody",
    note="Audit drafted; it goes to the Panel after review.",
    earlier=(ActionUpdate(2, date(2025, 9, 11), "open", "Audit under way."),),
)
CLOSED = CarriedAction(
    action=Action("PCC to publish the stop and search figures", owner="PCC", status="done", id=8),
    raised_meeting_id=2,
    raised_date=date(2025, 9, 11),
    raised_item=2,
    note="Published on the website.",
)
DECISIONS = ("The Panel approved the revised budget.", "The Panel agreed to meet monthly.")


def meeting() -> Meeting:
    items = (
        AgendaItem(
            1,
            1,
            "Matters arising / action log",
            kind=ACTION_LOG,
            notes="The Panel went through the action log.",
            carried=(CARRIED, CLOSED),
        ),
        AgendaItem(
            2,
            2,
            "Budget",
            notes="The Treasurer presented the budget.",
            decisions=tuple(Decision(text, index) for index, text in enumerate(DECISIONS, 1)),
            actions=(
                Action("Treasurer to send the figures to members", owner="Treasurer"),
                Action(
                    "Write to the Home Office about the grant",
                    owner="PCC",
                    due=date(2025, 11, 30),
                    status="done",
                    reference="12",
                ),
            ),
        ),
        AgendaItem(3, 3, "Private matter", confidential=True, notes="Kept private."),
    )
    return Meeting(
        3, "Accountability Meeting", date=date(2025, 10, 9), marking="OFFICIAL", items=items
    )


def export(doc, folder: Path, name: str, fmt: str) -> Path:
    target = folder / f"{name}.{fmt}"
    writer(fmt).load()(doc, target)
    return target


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in t.rows] for t in docx.Document(path).tables
    ]


def test_the_action_log_item_prints_the_carried_actions_in_every_format(tmp_path):
    doc = build_minutes(meeting())
    markdown = export(doc, tmp_path, "minutes", "md").read_text()
    assert "| No. | Action | Owner | Due | Status | Update |" in markdown
    assert "Raised 14 August 2025, item 4" in markdown
    assert "*Earlier: 11 September 2025: Audit under way.*" in markdown

    (table,) = docx_tables(export(doc, tmp_path, "minutes", "docx"))
    assert table[0] == ["No.", "Action", "Owner", "Due", "Status", "Update"]
    assert table[1] == [
        "3",
        "Chief Constable to circulate the custody audit to the Panel\n"
        "Raised 14 August 2025, item 4",
        "Chief Constable",
        "1 October 2025",
        "Open",
        "Audit drafted; it goes to the Panel after review.\n"
        "Earlier: 11 September 2025: Audit under way.",
    ]
    assert table[2][0] == "8" and table[2][4] == "Done"

    pdf = export(doc, tmp_path, "minutes", "pdf")
    text = full_text(pdf)
    assert "Raised 14 August 2025, item 4" in text
    assert "Audit drafted; it goes to the Panel after review." in text
    found = roles(pdf)
    assert found.count("TH") == 6 and found.count("TR") == 3  # header and two actions
    with pikepdf.open(pdf) as opened:
        scopes = {str(e.A.Scope) for role, e in structure(opened) if role == "TH"}
    assert scopes == {"/Column"}


def test_public_minutes_keep_the_carried_actions_and_an_agenda_has_none(tmp_path):
    public = export(build_minutes(meeting(), public=True), tmp_path, "public", "md").read_text()
    assert "Raised 14 August 2025, item 4" in public
    assert "Kept private." not in public
    agenda = build_minutes(meeting(), agenda_only=True)
    text = export(agenda, tmp_path, "agenda", "md").read_text()
    assert "Matters arising / action log" in text
    assert "custody audit" not in text and "Raised" not in text
    assert "Raised" not in full_text(export(agenda, tmp_path, "agenda", "pdf"))


def test_decisions_and_actions_come_back_from_our_own_word_export(tmp_path):
    path = export(build_minutes(meeting()), tmp_path, "minutes", "docx")
    read = read_minutes(path)
    by_title = {item.shown_heading: item for item in read.items}
    budget = by_title["Budget"]
    assert budget.decisions == list(DECISIONS)
    assert budget.actions == [
        Action("Treasurer to send the figures to members", owner="Treasurer"),
        Action(
            "Write to the Home Office about the grant",
            owner="PCC",
            due=date(2025, 11, 30),
            status="done",
            reference="12",
        ),
    ]
    log = by_title["Matters arising / action log"]
    assert not log.decisions and not log.actions
    words = "\n".join(
        cell
        for block in log.blocks
        if hasattr(block, "rows")
        for row in block.rows
        for cell in ("".join(s.text for s in c) for c in row)
    )
    assert "Chief Constable to circulate the custody audit to the Panel" in words
    assert "Raised 14 August 2025, item 4" in words


def tracked(action: Action, raised: date, updates=()) -> TrackedAction:
    return TrackedAction(action, 1, raised, 2, updates=tuple(updates))


def test_the_action_log_shows_open_actions_and_those_closed_recently(tmp_path):
    old = tracked(
        Action("Closed long ago", status="done", id=1),
        date(2025, 1, 9),
        [ActionUpdate(2, date(2025, 2, 13), "done", "Finished.")],
    )
    recent = tracked(
        Action("Closed last month", status="done", id=2),
        date(2025, 8, 14),
        [ActionUpdate(5, date(2025, 9, 11), "done", "Sent to members.")],
    )
    open_ = tracked(
        Action("Still to do", owner="PCC", due=date(2025, 12, 1), id=3),
        date(2025, 10, 9),
        [ActionUpdate(6, date(2025, 10, 16), "open", "Started.")],
    )
    today = date(2025, 10, 20)
    # meetings on 9 January, 13 February, 14 August, 11 September, 9 and 16 October: the last
    # (16 October) is within the last 90 days, which reach back to 22 July
    assert [t.action.id for t in shown_actions([old, recent, open_], today)] == [2, 3]
    rule = recent_rule([old, recent, open_], today)
    assert rule == RecentRule(date(2025, 7, 22), by_meeting=False, last_meeting=date(2025, 10, 16))
    assert rule.sentence() == "closed since 22 July 2025, in the last 90 days"
    # when the series last met longer ago, what was closed at that meeting still shows
    earlier = tracked(Action("Closed in January", status="done", id=5), date(2025, 1, 9))
    sparse = [old, tracked(Action("Other", id=4), date(2025, 2, 13)), earlier]
    assert [t.action.id for t in shown_actions(sparse, today)] == [1, 4]
    assert recent_rule(sparse, today).sentence() == (
        "closed since 13 February 2025, the series' last meeting"
    )

    doc = action_log_document("Police and Crime Panel", [old, recent, open_], today)
    (open_table, closed_table) = docx_tables(export(doc, tmp_path, "log", "docx"))
    assert open_table[0] == ["No.", "Action", "Owner", "Due", "Status", "Latest update"]
    assert open_table[1] == [
        "3",
        "Still to do\nRaised 9 October 2025, item 2",
        "PCC",
        "1 December 2025",
        "Open",
        "16 October 2025: Started.",
    ]
    assert [row[0] for row in closed_table[1:]] == ["2"]
    pdf = export(doc, tmp_path, "log", "pdf")
    text = full_text(pdf)
    assert text.startswith("Police and Crime Panel As at 20 October 2025 Action log Open")
    assert "Closed long ago" not in text
    assert "Closed since 22 July 2025, in the last 90 days" in text
    assert "Sent to members." in text and "Page 1 of 1" in text
    found = roles(pdf)
    assert found.count("Table") == 2 and found.count("H2") == 2
    markdown = export(doc, tmp_path, "log", "md").read_text()
    assert "Agenda:" not in markdown and "Item 1" not in markdown


def test_the_decision_register_lists_every_decision_oldest_first(tmp_path):
    entries = [
        DecisionEntry(5, "Meet monthly.", 2, date(2025, 9, 11), 3, item_title="Any other business"),
        DecisionEntry(2, "Approve the plan.", 1, date(2025, 8, 14), 2, item_title="Plan"),
    ]
    doc = decision_register_document("Police and Crime Panel", entries, marking="OFFICIAL")
    (table,) = docx_tables(export(doc, tmp_path, "decisions", "docx"))
    assert table == [
        ["No.", "Decision", "Meeting", "Item"],
        ["2", "Approve the plan.", "14 August 2025", "2. Plan"],
        ["5", "Meet monthly.", "11 September 2025", "3. Any other business"],
    ]
    pdf = export(doc, tmp_path, "decisions", "pdf")
    text = full_text(pdf)
    assert text.count("OFFICIAL") >= 2  # the marking heads and foots the page
    assert "DRAFT" not in text
    assert roles(pdf).count("TD") == 8
