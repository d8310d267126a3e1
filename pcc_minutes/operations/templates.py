"""Agenda templates as files: ``.pcctemplate.json`` passed between laptops.

Reading refuses anything that is not a template saved by PCC Minutes with one sentence;
writing goes through a temporary file and a rename.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.templates import (
    FORMAT,
    FORMAT_VERSION,
    AgendaTemplate,
    TemplateItem,
    TemplatePerson,
)
from pcc_minutes.documents.writers.files import write_atomically


def _problem(path: Path, what: str) -> UserInputError:
    return UserInputError(
        f"{path} is not a usable agenda template ({what}); choose a file saved by PCC Minutes."
    )


def load_template(path: Path) -> AgendaTemplate:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserInputError(f"{path} does not exist; check the file name.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _problem(path, f"cannot read it: {exc}") from exc
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _problem(path, f"not JSON, line {exc.lineno}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _problem(path, "not a template file")
    if int(data.get("version", 0)) > FORMAT_VERSION:
        raise UserInputError(f"{path} was saved by a newer PCC Minutes; update to open it.")
    try:
        items = [TemplateItem(**item) for item in data.get("items", [])]
        people = [TemplatePerson(**person) for person in data.get("attendees", [])]
        fields = {
            k: v for k, v in data.items() if k not in ("format", "version", "items", "attendees")
        }
        template = AgendaTemplate(**fields, items=items, attendees=people)
    except TypeError as exc:
        raise _problem(path, str(exc)) from exc
    if not template.title.strip():
        raise _problem(path, "it has no title")
    return template


def save_template(template: AgendaTemplate, path: Path) -> Path:
    return write_atomically(Path(path), template.to_json().encode("utf-8"))
