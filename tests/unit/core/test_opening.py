"""The opening paragraph written from a meeting's date, chair and attendance (core.opening)."""

from __future__ import annotations

from datetime import date

from pcc_minutes.core.opening import (
    carried_opening,
    generated_opening,
    is_generated,
    opening_doubts,
    opening_of,
    replace_date,
)
from pcc_minutes.core.records import Meeting, Person

TITLE = "Accountability and Performance Meeting"


def meeting(*people: Person, opening: str = "", day: date | None = date(2025, 9, 11), **kw):
    return Meeting(id=1, title=TITLE, date=day, attendees=people, opening=opening, **kw)


PCC = Person("Jonathan Ash-Edwards", "Police and Crime Commissioner for Hertfordshire", "Chair")
CC = Person("Andy Prophet", "Chief Constable")


def test_the_chair_and_who_joined_them_in_the_seed_notes_shape():
    assert generated_opening(meeting(PCC, CC)) == (
        "On 11 September 2025, the Police and Crime Commissioner for Hertfordshire, "
        "Jonathan Ash-Edwards, chaired the Accountability and Performance Meeting, joined by "
        "Chief Constable Andy Prophet.\n"
    )


def test_apologies_are_named_in_a_sentence_of_their_own():
    text = generated_opening(
        meeting(PCC, CC, Person("Tom Ellery", "Deputy Chief Constable", present=False))
    )
    assert "joined by Chief Constable Andy Prophet." in text
    assert text.endswith("Apologies were received from Deputy Chief Constable Tom Ellery.\n")


def test_offices_long_roles_and_several_people_read_as_english():
    text = generated_opening(
        meeting(
            Person("Police and Crime Commissioner", "Chair", "Chair"),
            Person("Chief Constable", "Chief Constable"),
            Person("Priya Nair", "Chief Executive, OPCC"),
            Person("Sam Okafor", "Head of Estates and Facilities"),
        )
    )
    assert text == (
        "On 11 September 2025, the Police and Crime Commissioner chaired the Accountability "
        "and Performance Meeting, joined by the Chief Constable, Priya Nair (Chief Executive, "
        "OPCC) and Sam Okafor (Head of Estates and Facilities).\n"
    )


def test_without_a_date_chair_or_anyone_listed_it_still_says_something_true():
    assert (
        generated_opening(meeting(day=None))
        == "The Accountability and Performance Meeting was held.\n"
    )
    assert generated_opening(meeting(organisation="The Parish Council")) == (
        "On 11 September 2025, the Parish Council held the Accountability and Performance "
        "Meeting.\n"
    )
    assert generated_opening(meeting(CC)) == (
        "On 11 September 2025, the Accountability and Performance Meeting was attended by "
        "Chief Constable Andy Prophet.\n"
    )


def test_an_imported_chair_named_only_in_the_header_chairs():
    assert generated_opening(meeting(CC, chair="Dana Whitfield")).startswith(
        "On 11 September 2025, Dana Whitfield chaired the"
    )


def test_a_long_list_is_left_to_the_attendance_list_below():
    members = [Person(f"Member {n} Smith") for n in range(9)]
    text = generated_opening(meeting(PCC, *members))
    assert "joined by the 9 others listed below." in text


def test_markdown_marks_in_names_are_escaped():
    text = generated_opening(meeting(Person("Ann *Star* Lee", group="Chair")))
    assert "Ann \\*Star\\* Lee chaired" in text


def test_an_edited_opening_is_kept_and_an_empty_one_is_generated():
    edited = meeting(PCC, CC, opening="The Commissioner met the Chief Constable.\n")
    assert not is_generated(edited)
    assert opening_of(edited) == "The Commissioner met the Chief Constable.\n"
    assert is_generated(meeting(PCC, CC, opening="  \n"))
    assert opening_of(meeting(PCC, CC)) == generated_opening(meeting(PCC, CC))


def test_every_way_of_writing_the_date_moves_to_the_new_one():
    old = date(2025, 9, 11)
    for said in (
        "11 September 2025",
        "11th September 2025",
        "Thursday 11 September 2025",
        "Thursday, 11th Sept. 2025",
        "September 11, 2025",
        "11/09/2025",
        "2025-09-11",
    ):
        assert replace_date(f"On {said}, the panel met.", old, "9 October 2025") == (
            "On 9 October 2025, the panel met."
        ), said
    assert replace_date("On 12 September 2025 we met.", old, "X") == "On 12 September 2025 we met."
    assert replace_date("On 111 September 2025", old, "X") == "On 111 September 2025"


def test_the_next_meeting_carries_an_edited_opening_with_its_own_date():
    edited = meeting(PCC, CC, opening="On 11 September 2025, the Commissioner met the force.\n")
    assert carried_opening(edited, date(2025, 10, 9)) == (
        "On 9 October 2025, the Commissioner met the force.\n"
    )
    assert carried_opening(edited, "{date}") == "On {date}, the Commissioner met the force.\n"


def test_a_generated_opening_or_one_saying_the_same_is_generated_again():
    assert carried_opening(meeting(PCC, CC), date(2025, 10, 9)) == ""
    same = meeting(PCC, CC, opening=generated_opening(meeting(PCC, CC)).replace(" ", "  "))
    assert carried_opening(same, date(2025, 10, 9)) == ""


def test_an_edited_opening_that_no_longer_fits_the_attendance_is_doubted():
    text = "On 11 September 2025, Jonathan Ash-Edwards chaired, joined by Andy Prophet.\n"
    assert opening_doubts(meeting(PCC, CC, opening=text)) == ""
    away = Person("Andy Prophet", "Chief Constable", present=False)
    new = Person("Ann Lee", "Chief Executive")
    assert opening_doubts(meeting(PCC, away, new, opening=text)) == (
        "It does not name Ann Lee; it names Andy Prophet, who sent apologies."
    )
    said = "Jonathan Ash-Edwards chaired. Apologies were received from Andy Prophet.\n"
    assert opening_doubts(meeting(PCC, away, opening=said)) == ""


def test_openings_naming_no_one_or_generated_are_never_doubted():
    assert opening_doubts(meeting(PCC, CC, opening="The chair welcomed everyone.\n")) == ""
    assert opening_doubts(meeting(PCC, Person("Andy Prophet", present=False))) == ""


def test_a_chair_who_sent_apologies_is_named_with_the_apologies():
    away = Person("Jonathan Ash-Edwards", "Police and Crime Commissioner", "Chair", present=False)
    assert generated_opening(meeting(away, CC)) == (
        "On 11 September 2025, the Accountability and Performance Meeting was attended by "
        "Chief Constable Andy Prophet. Apologies were received from Jonathan Ash-Edwards "
        "(Police and Crime Commissioner).\n"
    )
