"""Agenda templates as files: ``.pcctemplate.json`` passed between laptops.

A template file comes from another laptop and is read as untrusted input: through the same
limits as every user file (``documents.readers.source``: a regular file, not too large),
refused before parsing if its JSON nests deeper than a template ever does, then checked
against the declared schema (``core.template_schema``) with one sentence per problem.
Saving checks the same schema first, so a bad value is never written, and writes through
a temporary file and a rename.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.template_schema import (
    MAX_DEPTH,
    NEWER,
    TemplateProblems,
    nesting_depth_exceeds,
    template_problems,
)
from pcc_minutes.core.templates import AgendaTemplate
from pcc_minutes.documents.readers.source import read_user_file, shown
from pcc_minutes.documents.writers.files import write_atomically

MAX_TEMPLATE_BYTES = 1024 * 1024  # a template with 200 items and 500 people is under 100 KB


def _problem(path: Path, what: str) -> UserInputError:
    return TemplateProblems(shown(path), [what])


def load_template(path: Path) -> AgendaTemplate:
    """The template in the file ``path``, or one ``UserInputError`` naming every problem."""
    path = Path(path)
    data = read_user_file(path, limit=MAX_TEMPLATE_BYTES)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(path, "it is not UTF-8 text") from None
    if nesting_depth_exceeds(raw):
        raise _problem(path, f"its JSON nests deeper than {MAX_DEPTH} levels")
    try:
        parsed: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _problem(path, f"it is not JSON, line {exc.lineno}") from None
    except (ValueError, RecursionError):  # a number of thousands of digits, or deep nesting
        raise _problem(path, "it is not JSON a template can hold") from None
    problems = template_problems(parsed)
    if problems:
        # A newer file is not a bad one: updating is the only advice.
        advice = "" if problems == [NEWER] else "choose a file saved by PCC Minutes"
        raise TemplateProblems(shown(path), problems, advice=advice)
    return AgendaTemplate.from_data(parsed)


def save_template(template: AgendaTemplate, path: Path) -> Path:
    """Write ``template`` to ``path``; a template that breaks the schema is refused unsaved."""
    problems = template.problems()
    if problems:
        raise TemplateProblems(
            "This agenda", problems, saving=True, advice="correct it in the meeting first"
        )
    return write_atomically(Path(path), template.to_json().encode("utf-8"))
