"""Agenda template files are checked against the declared schema, loading and saving alike.

Each hostile file here is written to disk and loaded as the window loads it: it must be
refused with a ``UserInputError`` (exit status 2) whose sentence names the field, never
with another exception, and a template that breaks the schema is never written.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date

import pytest

from pcc_minutes.core import template_schema
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.template_schema import TemplateProblems, template_problems
from pcc_minutes.core.templates import AgendaTemplate, TemplateItem, TemplatePerson
from pcc_minutes.operations.templates import load_template, save_template

PANEL = AgendaTemplate(
    name="Panel",
    title="Police and Crime Panel",
    organisation="County Police and Crime Panel",
    venue="Council Chamber",
    chair="Panel Chair",
    marking="OFFICIAL",
    opening="On {date} the Panel met.",
    start="14:00",
    minutes=90,
    attendees=[TemplatePerson("Panel Chair", "Chair", "Chair"), TemplatePerson("Clerk")],
    items=[
        TemplateItem("Precept Proposal", "Commissioner", 30),
        TemplateItem("Complaints Update", "Chief Executive", 15, confidential=True),
    ],
)


def good() -> dict:
    return json.loads(PANEL.to_json())


def with_item(**fields) -> dict:
    data = good()
    data["items"][0].update(fields)
    return data


def refused_with(tmp_path, content: str | dict) -> UserInputError:
    path = tmp_path / "hostile.pcctemplate.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    with pytest.raises(UserInputError) as caught:
        load_template(path)
    error = caught.value
    message = str(error)
    assert error.exit_code == 2
    assert "\n" not in message and message.endswith(".") and "Traceback" not in message
    assert str(path) in message
    return error


# -- hostile files ------------------------------------------------------------------------------

HOSTILE = {
    "version null": ({**good(), "version": None}, "version must be a whole number"),
    "version as text": ({**good(), "version": "1"}, "version must be a whole number"),
    "version missing": ({k: v for k, v in good().items() if k != "version"}, "version is missing"),
    "a number as title": ({**good(), "title": 5}, "title must be text, not the number 5"),
    "a list as title": ({**good(), "title": ["x"]}, "title must be text, not a list"),
    "no title": ({**good(), "title": "   "}, "there is no title"),
    "confidential as text": (
        with_item(confidential="false"),
        'items[1].confidential must be true or false, not the text "false"',
    ),
    "negative planned minutes": (
        with_item(planned_minutes=-5),
        "items[1].planned_minutes must be a whole number from 0 to 600, not the number -5",
    ),
    "planned minutes as a fraction": (with_item(planned_minutes=2.5), "items[1].planned_minutes"),
    "planned minutes true": (with_item(planned_minutes=True), "not true"),
    "negative meeting length": ({**good(), "minutes": -30}, "minutes must be a whole number"),
    "ends after midnight, before its start": (
        {**good(), "start": "23:30", "minutes": 90},
        "start 23:30 and minutes 90 would end the meeting at or after midnight",
    ),
    "not a time": ({**good(), "start": "25:99"}, "start must be a time of day written HH:MM"),
    "an over-long venue": ({**good(), "venue": "v" * 100_000}, "venue is 100,000 characters"),
    "an over-long item title": (with_item(title="t" * 5_000), "items[1].title is 5,000"),
    "an unknown field": ({**good(), "colour": "red"}, '"colour" is not a field of a template'),
    "an unknown item field": (with_item(notes="secret"), '"notes" is not a field of an agenda'),
    "items not a list": ({**good(), "items": {"title": "x"}}, "items must be a list"),
    "an item not an object": ({**good(), "items": ["Precept"]}, "items[1] must be an object"),
    "too many items": ({**good(), "items": [{"title": "x"}] * 1_000}, "items has 1,000 entries"),
    "attendee without a name": ({**good(), "attendees": [{"role": "Chair"}]}, "name is missing"),
    "a huge number": ('{"format": "pcc-minutes-template", "version": 1e999}', "version"),
    "a number of 5,000 digits": (
        '{"format": "pcc-minutes-template", "version": ' + "9" * 5_000 + "}",
        "not JSON a template can hold",
    ),
    "not JSON": ("{not json", "it is not JSON, line 1"),
    "a lone surrogate": (
        json.dumps(good())[:-1] + ', "venue": "\\ud800"}',
        "venue holds a character that is not text",
    ),
    "a lone surrogate in a field name": (
        json.dumps(good())[:-1] + ', "\\udc00": 1}',
        '"\\udc00" is not a field of a template',
    ),
    "another format": ({"format": "other"}, "not a template file"),
    "a list, not an object": ("[1, 2, 3]", "not a template file"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_template_is_refused_in_one_sentence_naming_the_field(tmp_path, name):
    content, expected = HOSTILE[name]
    assert expected in str(refused_with(tmp_path, content))


def test_json_nested_a_hundred_thousand_deep_is_refused_before_it_is_parsed(tmp_path):
    started = time.perf_counter()
    for deep in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        assert "nests deeper than" in str(refused_with(tmp_path, deep))
    assert time.perf_counter() - started < 5


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    data = good()
    data["opening"] = '[[[[[[[[[[{{{{{{{{{{ \\" ]]]'
    path = tmp_path / "t.pcctemplate.json"
    path.write_text(json.dumps(data), "utf-8")
    assert load_template(path).opening == data["opening"]


def test_every_problem_is_named_and_the_message_stays_one_sentence(tmp_path):
    data = {**good(), "version": None, "title": 5, "venue": [], "chair": {}, "minutes": 1.5}
    data["items"] = [{"title": "x", "confidential": "false", "planned_minutes": -5}]
    error = refused_with(tmp_path, data)
    assert isinstance(error, TemplateProblems)
    assert len(error.problems) == 7
    assert all(p.endswith(".") and "\n" not in p for p in error.problems)
    assert "and 2 more problems" in str(error)


def test_a_newer_version_asks_for_an_update_only(tmp_path):
    message = str(refused_with(tmp_path, {**good(), "version": 2}))
    assert "newer PCC Minutes" in message and "choose a file" not in message


def test_control_characters_in_a_field_name_do_not_break_the_sentence(tmp_path):
    message = str(refused_with(tmp_path, {**good(), "a\nb\x00": 1}))
    assert '"a\\nb\\u0000"' in message


# -- good files ---------------------------------------------------------------------------------


def test_a_good_template_round_trips_and_only_the_declared_fields_are_written(tmp_path):
    path = save_template(PANEL, tmp_path / "panel.pcctemplate.json")
    assert load_template(path) == PANEL
    written = json.loads(path.read_text("utf-8"))
    assert set(written) == {f.name for f in template_schema.TEMPLATE.fields}


def test_a_template_saved_by_notepad_with_a_bom_still_loads(tmp_path):
    path = tmp_path / "panel.pcctemplate.json"
    path.write_bytes(b"\xef\xbb\xbf" + PANEL.to_json().encode("utf-8"))
    assert load_template(path) == PANEL


def test_the_builtin_template_keeps_the_schema():
    from pcc_minutes.core.templates import builtin_templates

    assert all(t.problems() == [] for t in builtin_templates())


def test_optional_fields_may_be_left_out(tmp_path):
    path = tmp_path / "t.pcctemplate.json"
    path.write_text(
        '{"format": "pcc-minutes-template", "version": 1, "name": "", "title": "Panel"}', "utf-8"
    )
    template = load_template(path)
    assert template.title == "Panel" and template.items == [] and template.minutes is None


# -- saving -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad, field",
    [
        (replace(PANEL, minutes=-30), "minutes"),
        (replace(PANEL, start="23:30", minutes=90), "after midnight"),
        (replace(PANEL, title="t" * 400), "title"),
        (replace(PANEL, items=[TemplateItem("Precept", planned_minutes=-5)]), "planned_minutes"),
        (replace(PANEL, items=[TemplateItem("Precept", confidential="no")]), "confidential"),
    ],
)
def test_a_template_that_breaks_the_schema_is_never_saved(tmp_path, bad, field):
    path = tmp_path / "bad.pcctemplate.json"
    with pytest.raises(UserInputError, match=field) as caught:
        save_template(bad, path)
    assert "cannot be saved as an agenda template" in str(caught.value)
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_what_loads_is_what_a_meeting_can_hold(store, tmp_path):
    """A template that loads makes a meeting whose end comes after its start and whose
    planned minutes are those of the file."""
    from pcc_minutes import operations as ops

    path = save_template(replace(PANEL, start="21:30", minutes=120), tmp_path / "late.json")
    meeting_id = ops.create_from_template(store, load_template(path), date(2026, 1, 15)).value
    view = ops.load_meeting(store, meeting_id)
    assert view.start < view.end
    assert [i.planned_minutes for i in view.items] == [30, 15]


def test_the_schema_problems_of_a_template_are_those_of_its_file():
    data = good()
    assert template_problems(data) == []
    data["items"][1]["planned_minutes"] = 601
    (problem,) = template_problems(data)
    assert problem.startswith("items[2].planned_minutes")
