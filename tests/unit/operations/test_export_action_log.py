"""Exporting a series' action log and decision register: the lists the actions operations
give (stood in for here until they land) written whole by every writer and re-opened."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import Action, ActionUpdate
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.operations.exporting import export_action_log
from tests.unit.documents.test_pdf_writer import full_text

ACTIONS = [
    TrackedAction(
        Action("Chief Constable to publish the custody audit", owner="Chief Constable", id=4),
        raised_meeting_id=1,
        raised_date=date(2025, 8, 14),
        raised_item=4,
        meeting_title="Accountability and Performance Meeting",
        updates=(ActionUpdate(2, date(2025, 9, 11), "open", "Being written."),),
    )
]
DECISIONS = [
    DecisionEntry(9, "The Panel agreed a six-monthly custody report.", 2, date(2025, 9, 11), 1)
]


@pytest.fixture
def listed(monkeypatch):
    asked = []

    def list_actions(store, meeting_id=None, series=None, open_only=False):
        asked.append(("actions", series))
        return ACTIONS

    def list_decisions(store, series=None):
        asked.append(("decisions", series))
        return DECISIONS

    monkeypatch.setattr(ops, "list_actions", list_actions, raising=False)
    monkeypatch.setattr(ops, "list_decisions", list_decisions, raising=False)
    return asked


def test_the_action_log_is_written_in_each_format(store, tmp_path, listed):
    pdf = export_action_log(store, 1, tmp_path / "log.pdf", "pdf", today=date(2025, 10, 1))
    text = full_text(pdf)
    assert text.startswith("Accountability and Performance Meeting As at 1 October 2025")
    assert "Chief Constable to publish the custody audit" in text
    assert "11 September 2025: Being written." in text
    word = export_action_log(store, "Panel", tmp_path / "log.docx", "docx")
    rows = docx.Document(word).tables[0].rows
    assert rows[1].cells[0].text == "4"
    assert listed == [("actions", 1), ("actions", "Panel")]


def test_the_decision_register_is_written(store, tmp_path, listed):
    path = export_action_log(store, "Panel", tmp_path / "d.md", "md", register="decisions")
    text = path.read_text()
    assert text.startswith("# Panel\n")
    assert "| 9 | The Panel agreed a six-monthly custody report. | 11 September 2025 | 1 |" in text


def test_an_unknown_register_is_refused_and_nothing_is_written(store, tmp_path, listed):
    with pytest.raises(UserInputError, match="export 'actions' or 'decisions'"):
        export_action_log(store, 1, tmp_path / "x.md", "md", register="minutes")
    assert not (tmp_path / "x.md").exists()
