"""Agenda templates: the shape of a meeting before it happens, shareable as a file.

A template holds what repeats from one meeting to the next — title, venue, chair, marking,
the purpose paragraph, attendees and standing agenda items — never notes. The built-in one is
for the Accountability and Performance Meeting; users save their own as ``.pcctemplate.json``
files to pass between laptops.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from pcc_minutes.core.records import ACTION_LOG
from pcc_minutes.core.template_schema import FORMAT, FORMAT_VERSION, template_problems

SUFFIX = ".pcctemplate.json"


@dataclass
class TemplateItem:
    title: str
    lead: str = ""
    planned_minutes: int | None = None
    confidential: bool = False
    kind: str = ""  # "" or "action_log": the standing "Matters arising / action log" item


@dataclass
class TemplatePerson:
    name: str
    role: str = ""
    group: str = ""


@dataclass
class AgendaTemplate:
    name: str
    title: str
    organisation: str = ""
    venue: str = ""
    chair: str = ""
    marking: str = ""
    opening: str = ""  # Markdown; "{date}" is replaced by the meeting's date; "" is generated
    start: str = ""  # "HH:MM"
    minutes: int | None = None  # planned length of the meeting
    attendees: list[TemplatePerson] = field(default_factory=list)
    items: list[TemplateItem] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        """The template as the JSON object its file holds."""
        return {"format": FORMAT, "version": FORMAT_VERSION, **asdict(self)}

    def problems(self) -> list[str]:
        """Every way this template breaks the template schema (``template_schema``), one
        sentence each: checked before it is saved, as files are checked when loaded."""
        return template_problems(self.to_data())

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AgendaTemplate:
        """The template a file's JSON object holds; ``data`` must have passed
        ``template_problems`` with no problems, so every field has its declared type."""
        fields = {k: v for k, v in data.items() if k not in ("format", "version")}
        fields["items"] = [TemplateItem(**item) for item in data.get("items", [])]
        fields["attendees"] = [TemplatePerson(**person) for person in data.get("attendees", [])]
        return cls(**fields)


def builtin_templates() -> list[AgendaTemplate]:
    return [
        AgendaTemplate(
            name="Accountability and Performance Meeting",
            title="Accountability and Performance Meeting",
            organisation="Police and Crime Commissioner and Chief Constable",
            venue="Gold Command, Police HQ",
            chair="Police and Crime Commissioner",
            marking="OFFICIAL",
            start="10:30",
            minutes=60,
            # No opening of its own: each meeting's is written from its attendance
            # (core.opening) until the minute-taker edits it.
            attendees=[
                TemplatePerson("Police and Crime Commissioner", "Chair", "Chair"),
                TemplatePerson("Chief Constable", "Chief Constable"),
                TemplatePerson("Chief Executive", "Office of the PCC"),
                TemplatePerson("Minute-taker", "Office of the PCC"),
            ],
            items=[
                TemplateItem(
                    "Minutes of the Last Meeting and Action Log",
                    "Chief Executive",
                    5,
                    kind=ACTION_LOG,
                ),
                TemplateItem(
                    "Performance Against the Police and Crime Plan", "Chief Constable", 15
                ),
                TemplateItem("Themed Item", "Chief Constable", 15),
                TemplateItem("Inspection and Scrutiny Update", "Chief Constable", 10),
                TemplateItem("Finance and Resources", "Chief Finance Officer", 10),
                TemplateItem("Any Other Business", "Chair", 5),
            ],
        )
    ]
