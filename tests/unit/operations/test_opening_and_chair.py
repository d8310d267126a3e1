"""The opening paragraph, the chair as one fact and the next meeting of a series, through the
operations the window and the command line call, on real SQLite files made by the migrations.
Exports are re-opened (python-docx) to see what a reader of the minutes gets."""

from __future__ import annotations

import json
from datetime import date

import docx
import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Person
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.documents.readers.text import read_text
from tests.conftest import SEEDS, need

SEPTEMBER = "004_bf04959017a5c92a.txt"
AUGUST = "000_51eedace5f671cbc.txt"


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 1, 15)).value


def seed(name: str):
    path = SEEDS / name
    need([path] if path.exists() else [], "the seed notes")
    return path


def import_seeds(store, *names: str) -> list[int]:
    docs = [read_text(seed(name)) for name in names]
    return [summary.id for summary in ops.import_documents(store, docs).value]


def seed_opening(name: str) -> str:
    """The seed's own opening sentence, as the published note words it."""
    lines = seed(name).read_text(encoding="utf-8").splitlines()
    sentence = next(line for line in lines if line.startswith("On "))
    return sentence.split(". ")[0] + "."


def body_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# --- the opening paragraph ---------------------------------------------------------------


def test_a_new_meeting_s_opening_is_written_from_its_attendance(store, meeting_id):
    shown = ops.meeting_json(store, meeting_id)
    assert shown["opening_edited"] is False
    assert shown["opening"] == (
        "On 15 January 2026, the Police and Crime Commissioner chaired the Accountability and "
        "Performance Meeting, joined by the Chief Constable, the Chief Executive (Office of the "
        "PCC) and the Minute-taker (Office of the PCC).\n"
    )
    assert ops.load_meeting(store, meeting_id).opening == ""  # stored as "generate"


def test_the_generated_opening_follows_the_chair_and_attendance(store, meeting_id):
    ops.set_attendees(
        store,
        meeting_id,
        [
            Person("Police and Crime Commissioner", "Chair", "Chair"),
            Person("Andy Prophet", "Chief Constable"),
            Person("Tom Ellery", "Deputy Chief Constable", present=False),
        ],
    )
    ops.set_chair(store, meeting_id, "Jonathan Ash-Edwards")
    assert ops.meeting_json(store, meeting_id)["opening"] == (
        "On 15 January 2026, the Police and Crime Commissioner, Jonathan Ash-Edwards, chaired "
        "the Accountability and Performance Meeting, joined by Chief Constable Andy Prophet. "
        "Apologies were received from Deputy Chief Constable Tom Ellery.\n"
    )


def test_the_september_seed_s_attendance_gives_the_seed_s_own_sentence(store):
    (september,) = import_seeds(store, SEPTEMBER)
    ops.update_meeting(store, september, opening="")  # as if never typed: generated
    generated = ops.meeting_json(store, september)["opening"].strip()
    # The seed says "the monthly …"; how often a series meets is not an attendance fact.
    assert generated == seed_opening(SEPTEMBER).replace("the monthly ", "the ")


def test_an_edited_opening_is_kept_and_undo_and_regenerate_go_back(store, meeting_id):
    generated = ops.meeting_json(store, meeting_id)["opening"]
    edit = ops.update_meeting(store, meeting_id, opening="The Commissioner met the force.\n")
    ops.set_attendees(store, meeting_id, [Person("Ann Lee", group="Chair")])
    shown = ops.meeting_json(store, meeting_id)
    assert shown["opening"] == "The Commissioner met the force.\n" and shown["opening_edited"]
    regenerate = ops.update_meeting(store, meeting_id, opening="")
    assert regenerate.undo.text == "Change opening paragraph"
    assert ops.meeting_json(store, meeting_id)["opening"].startswith(
        "On 15 January 2026, Ann Lee chaired"
    )
    regenerate.undo.apply(store)  # Undo brings the user's text back
    assert ops.meeting_json(store, meeting_id)["opening"] == "The Commissioner met the force.\n"
    assert generated != "The Commissioner met the force.\n" and edit.undo is not None


def test_show_json_prints_the_opening_the_exports_print(cli, store, meeting_id, tmp_path):
    ops.update_meeting(store, meeting_id, opening="On 15 January 2026 the *panel* met.\n")
    shown = json.loads(cli("show", str(meeting_id), "--json").out)
    assert shown["opening"] == "On 15 January 2026 the *panel* met.\n"
    assert shown["opening_edited"] is True
    assert {"id", "title", "chair", "attendees", "items"} <= set(shown)


def test_the_word_export_opens_with_the_edited_opening(store, tmp_path):
    (september,) = import_seeds(store, SEPTEMBER)
    text = (
        "On 11 September 2025, the Police and Crime Commissioner for Hertfordshire, Jonathan "
        "Ash-Edwards, chaired the monthly meeting, joined by Chief Constable Andy Prophet and "
        "the Chief Executive, Dana Whitfield."
    )
    ops.update_meeting(store, september, opening=text + "\n")
    target = ops.export_minutes(store, september, "docx", tmp_path / "september.docx")
    body = body_text(target)
    assert text in body
    assert "These meetings support the Commissioner" not in body  # the imported text replaced


def test_the_word_export_of_a_generated_opening_names_everyone_once(store, meeting_id, tmp_path):
    ops.set_attendees(
        store,
        meeting_id,
        [
            Person("Ann Lee", "Police and Crime Commissioner", "Chair"),
            Person("Bo Ng", "Chief Constable", present=False),
        ],
    )
    body = body_text(ops.export_minutes(store, meeting_id, "docx", tmp_path / "m.docx"))
    assert (
        "On 15 January 2026, the Police and Crime Commissioner, Ann Lee, chaired the "
        "Accountability and Performance Meeting. Apologies were received from Chief Constable "
        "Bo Ng." in body
    )
    assert "Apologies:" not in body  # the opening names them; no second list


def test_the_next_meeting_carries_an_edited_opening_with_its_own_date(store):
    (september,) = import_seeds(store, SEPTEMBER)
    october = ops.create_from_last(store, september).value
    shown = ops.meeting_json(store, october)
    assert shown["date"] == "2025-10-09"
    assert shown["opening_edited"] is True
    assert shown["opening"].startswith(
        "On 9 October 2025, the Police and Crime Commissioner for Hertfordshire, Jonathan "
        "Ash-Edwards, chaired the monthly Accountability and Performance Meeting"
    )
    assert "These meetings support the Commissioner" in shown["opening"]


def test_the_next_meeting_of_a_generated_opening_generates_its_own(store, meeting_id):
    next_id = ops.create_from_last(store, meeting_id, date(2026, 2, 12)).value
    assert ops.load_meeting(store, next_id).opening == ""
    assert ops.meeting_json(store, next_id)["opening"].startswith("On 12 February 2026, the ")


# --- the chair, one fact -----------------------------------------------------------------


def test_the_chair_field_and_the_attendance_row_are_the_same_fact(store, meeting_id):
    outcome = ops.update_meeting(store, meeting_id, chair="Jonathan Ash-Edwards")
    view = ops.load_meeting(store, meeting_id)
    assert view.chair == "Jonathan Ash-Edwards"
    assert view.attendees[0] == Person(
        "Jonathan Ash-Edwards", "Police and Crime Commissioner", "Chair"
    )
    assert outcome.changes.attendance == {meeting_id}
    outcome.undo.apply(store)
    view = ops.load_meeting(store, meeting_id)
    assert view.chair == "Police and Crime Commissioner"
    assert view.attendees[0] == Person("Police and Crime Commissioner", "Chair", "Chair")


def test_choosing_another_attendee_moves_the_chair_and_the_export_names_them(
    store, meeting_id, tmp_path
):
    ops.set_chair(store, meeting_id, "Chief Constable")
    view = ops.load_meeting(store, meeting_id)
    assert [p.group for p in view.attendees][:2] == ["", "Chair"]
    assert ops.meeting_json(store, meeting_id)["chair"] == "Chief Constable"
    assert ops.minutes_document(store, meeting_id).chair == "Chief Constable"
    body = body_text(ops.export_minutes(store, meeting_id, "docx", tmp_path / "m.docx"))
    assert "On 15 January 2026, the Chief Constable chaired" in body


def test_the_attendance_list_s_chair_is_the_header_s(store, meeting_id):
    outcome = ops.set_attendees(
        store, meeting_id, [Person("Andy Prophet"), Person("Ann Lee", "PCC", "Chair")]
    )
    assert ops.load_meeting(store, meeting_id).chair == "Ann Lee"
    assert outcome.changes.header == {meeting_id}
    outcome.undo.apply(store)
    assert ops.load_meeting(store, meeting_id).chair == "Police and Crime Commissioner"


def test_imported_minutes_naming_only_a_chair_keep_them(store):
    from pcc_minutes.documents.tree import MinutesDocument

    (only,) = [
        s.id
        for s in ops.import_documents(
            store, [MinutesDocument(title="Board", date=date(2025, 1, 9), chair="Dana Whitfield")]
        ).value
    ]
    assert ops.meeting_json(store, only)["chair"] == "Dana Whitfield"
    assert ops.meeting_json(store, only)["opening"] == (
        "On 9 January 2025, Dana Whitfield chaired the Board.\n"
    )
    next_id = ops.create_from_last(store, only).value
    assert ops.meeting_json(store, next_id)["chair"] == "Dana Whitfield"


# --- the next meeting of a series --------------------------------------------------------


def test_the_next_meeting_falls_on_the_series_next_date_with_apologies_and_chair(store):
    august, september = import_seeds(store, AUGUST, SEPTEMBER)
    people = ops.load_meeting(store, september).attendees
    ops.set_attendees(
        store, september, [people[0], Person("Andy Prophet", "Chief Constable", present=False)]
    )
    assert ops.next_date(store, august) == date(2025, 10, 9)  # after the series' latest
    october = ops.create_from_last(store, september).value
    view = ops.load_meeting(store, october)
    assert view.date == date(2025, 10, 9)  # the second Thursday, as August's and September's
    assert [(p.name, p.present) for p in view.attendees] == [
        ("Jonathan Ash-Edwards", True),
        ("Andy Prophet", False),
    ]
    assert view.chair == "Jonathan Ash-Edwards" and view.attendees[0].group == "Chair"
    assert ops.next_date(store, october) == date(2025, 11, 13)


def test_new_from_last_on_the_command_line_takes_the_next_date_unless_told(cli, store):
    (september,) = import_seeds(store, SEPTEMBER)
    made = cli("new", "--from-last", str(september))
    assert made.code == 0 and "2025-10-09" in made.out
    told = cli("new", "--from-last", str(september), "--date", "2025-10-16")
    assert told.code == 0 and "2025-10-16" in told.out
