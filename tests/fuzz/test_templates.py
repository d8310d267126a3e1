"""Hostile agenda templates, read as the window reads them and then imported by the command
line: one sentence per problem with nothing stored, or a meeting with sane values that
exports in every format."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from tests.fuzz.budget import fuzz_settings
from tests.fuzz.harness import assert_promise, check_import, check_template
from tests.fuzz.inputs import HAND_TEMPLATES, template_files

SUFFIX = ".pcctemplate.json"


def _bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("name", sorted(HAND_TEMPLATES))
def test_a_hostile_template_is_refused_in_one_sentence_or_makes_a_sane_meeting(
    name, tmp_path, template_db
):
    data = _bytes(HAND_TEMPLATES[name])
    path = tmp_path / f"agenda{SUFFIX}"
    path.write_bytes(data)
    assert_promise(check_template(path, tmp_path / "case", template_db), name, data, SUFFIX)


@pytest.mark.parametrize("name", ["nested 100,000 deep", "title a number", "version null"])
def test_a_hostile_template_given_to_import_is_refused_or_imported(name, tmp_path, template_db):
    """A template file handed to ``import`` by mistake is text like any other."""
    data = _bytes(HAND_TEMPLATES[name])
    path = tmp_path / f"agenda{SUFFIX}"
    path.write_bytes(data)
    assert_promise(check_import(path, tmp_path / "case", template_db), name, data, SUFFIX)


@fuzz_settings(25)
@given(data=template_files())
def test_a_generated_template_is_refused_in_one_sentence_or_makes_a_sane_meeting(template_db, data):
    with tempfile.TemporaryDirectory(prefix="fuzz-template-") as folder:
        path = Path(folder) / f"agenda{SUFFIX}"
        path.write_bytes(data)
        verdict = check_template(path, Path(folder) / "case", template_db)
        assert_promise(verdict, "template-generated", data, SUFFIX)


def test_the_saved_template_itself_makes_a_meeting(tmp_path, template_db):
    """The base every hostile template starts from is accepted: the refusals are earned."""
    import json

    from tests.fuzz.inputs import base_template

    path = tmp_path / f"agenda{SUFFIX}"
    path.write_text(json.dumps(base_template()), encoding="utf-8")
    verdict = check_template(path, tmp_path / "case", template_db)
    assert verdict.outcome == "imported", verdict.explain()
