"""The chair is one fact: the attendance row of the person chairing (core.chair)."""

from __future__ import annotations

from pcc_minutes.core.chair import chair_of, is_office, says_chair, with_chair
from pcc_minutes.core.records import Meeting, Person

PCC = Person("Police and Crime Commissioner", "Chair", "Chair")
CC = Person("Andy Prophet", "Chief Constable")
CE = Person("Priya Nair", "Chief Executive")


def test_the_chair_is_marked_by_group_or_by_role_and_vice_chairs_are_not():
    assert chair_of(Meeting(1, "M", attendees=(CC, PCC))) == PCC
    by_role = Person("Ann Lee", "Member, Chairman")
    assert chair_of(Meeting(1, "M", attendees=(CC, by_role))) == by_role
    assert chair_of(Meeting(1, "M", attendees=(Person("Bo Ng", "Vice-Chair"),))) is None
    assert not says_chair("Deputy Chair") and says_chair("the Chair")


def test_an_imported_header_chair_finds_its_row_or_stands_alone():
    savory = Person("Heather Savory (HS)", "Member")
    assert chair_of(Meeting(1, "M", chair="Heather Savory", attendees=(CC, savory))) == savory
    alone = chair_of(Meeting(1, "M", chair="Dana Whitfield", attendees=(CC,)))
    assert alone == Person("Dana Whitfield", group="Chair")
    assert chair_of(Meeting(1, "M")) is None


def test_naming_an_attendee_moves_the_chair_to_them():
    people = with_chair([PCC, CC, CE], "priya nair")
    assert people[2] == Person("Priya Nair", "Chief Executive", "Chair")
    assert people[0].group == "" and people[1] == CC


def test_naming_someone_new_renames_the_chair_s_row_keeping_the_office_as_role():
    people = with_chair([PCC, CC], "Jonathan Ash-Edwards")
    assert people[0] == Person("Jonathan Ash-Edwards", "Police and Crime Commissioner", "Chair")
    assert with_chair([CC], "Dana Whitfield")[0] == Person("Dana Whitfield", group="Chair")


def test_a_chair_marked_by_role_gives_up_that_role_to_the_new_chair():
    people = with_chair([Person("Ann Lee", "Member, Chair"), CC], "Andy Prophet")
    assert people[0] == Person("Ann Lee", "Member")
    assert people[1].group == "Chair"


def test_offices_are_told_from_people():
    assert is_office("Police and Crime Commissioner") and is_office("Minute-taker")
    assert not is_office("Andy Prophet")
