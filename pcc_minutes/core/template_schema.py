"""What an agenda template file may hold, declared once and checked on loading and saving.

A ``.pcctemplate.json`` file comes from another laptop, so nothing in it can be trusted: a
title may be a number, ``confidential`` the string "false", a planned length negative, a
string a megabyte long, the JSON nested a hundred thousand deep. The tables below say, for
each field, its type, whether it may be missing or null, and its range or length; checking
against them gives one sentence per problem, each naming the field ("items[3].planned_minutes
must be a whole number from 0 to 600, not the number -5"). The same tables are checked before a
template is written, so a bad value is never saved either.

Only the standard library is used: the tables are small and the checks are a loop.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pcc_minutes.core.errors import UserInputError

FORMAT = "pcc-minutes-template"
FORMAT_VERSION = 1

# Nesting a template needs is three levels (object, list, object); any deeper is refused
# before the JSON is parsed, so that no input can exhaust the parser's recursion.
MAX_DEPTH = 8
MAX_PROBLEMS_SHOWN = 5

_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class Field:
    """One field of a template object: its kind and the limits its value must keep."""

    name: str
    kind: str  # "text", "whole number", "true or false", "list"
    required: bool = False
    nullable: bool = False
    max_length: int = 0  # text: characters; list: entries
    low: int | None = None  # whole number: smallest allowed
    high: int | None = None  # whole number: largest allowed
    not_blank: bool = False  # text: must hold something other than spaces
    clock: bool = False  # text: "" or a time of day written HH:MM
    of: Schema | None = None  # list: the schema of each entry


@dataclass(frozen=True)
class Schema:
    """An object: its fields, in the order they are written."""

    what: str  # with its article: "an agenda item"
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


# Lengths are those of the database columns the values go into (``store.tables``), so that a
# template that loads can always be stored; the series takes its name from the title.
NAME_LENGTH = 300
GROUP_LENGTH = 100
TITLE_LENGTH = 300
ITEM_TITLE_LENGTH = 500
OPENING_LENGTH = 20_000
DAY_MINUTES = 24 * 60

ITEM = Schema(
    "an agenda item",
    (
        Field("title", "text", required=True, max_length=ITEM_TITLE_LENGTH, not_blank=True),
        Field("lead", "text", max_length=NAME_LENGTH),
        Field("planned_minutes", "whole number", nullable=True, low=0, high=600),
        Field("confidential", "true or false"),
        Field("kind", "text", max_length=30),
    ),
)
PERSON = Schema(
    "an attendee",
    (
        Field("name", "text", required=True, max_length=NAME_LENGTH, not_blank=True),
        Field("role", "text", max_length=NAME_LENGTH),
        Field("group", "text", max_length=GROUP_LENGTH),
    ),
)
TEMPLATE = Schema(
    "a template",
    (
        Field("format", "text", required=True, max_length=64),
        Field("version", "whole number", required=True, low=1),
        Field("name", "text", required=True, max_length=NAME_LENGTH),
        Field("title", "text", required=True, max_length=TITLE_LENGTH, not_blank=True),
        Field("organisation", "text", max_length=TITLE_LENGTH),
        Field("venue", "text", max_length=500),
        Field("chair", "text", max_length=NAME_LENGTH),
        Field("marking", "text", max_length=100),
        Field("opening", "text", max_length=OPENING_LENGTH),
        Field("start", "text", max_length=5, clock=True),
        Field("minutes", "whole number", nullable=True, low=1, high=DAY_MINUTES - 1),
        Field("attendees", "list", max_length=500, of=PERSON),
        Field("items", "list", max_length=300, of=ITEM),
    ),
)
NEWER = "it was saved by a newer PCC Minutes; update PCC Minutes to open it"


class TemplateProblems(UserInputError):
    """A template that breaks its schema: ``problems`` holds one sentence for each way.

    The message names the first few in one sentence: what ``subject`` is not, each problem
    with its field, and ``advice`` (what to do)."""

    def __init__(
        self,
        subject: str,
        problems: list[str],
        *,
        saving: bool = False,
        advice: str = "choose a file saved by PCC Minutes",
    ) -> None:
        self.problems = [p[:1].upper() + p[1:].rstrip(".") + "." for p in problems]
        shown = [p.rstrip(".") for p in problems[:MAX_PROBLEMS_SHOWN]]
        more = len(problems) - len(shown)
        listed = "; ".join(shown)
        if more:
            listed += f"; and {more} more problem{'s' if more > 1 else ''}"
        what = (
            "cannot be saved as an agenda template" if saving else "is not a usable agenda template"
        )
        ending = f"; {advice}" if advice and advice not in listed else ""
        super().__init__(f"{subject} {what}: {listed}{ending}.")


def _described(value: Any) -> str:
    """A value as a problem sentence quotes it: short, and with its JSON type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 30 else value[:27] + "..."
        return f"the text {_quoted(text)}"
    if isinstance(value, int | float):
        text = repr(value)
        return f"the number {text if len(text) <= 30 else text[:27] + '...'}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _check_value(spec: Field, where: str, value: Any, problems: list[str]) -> None:
    if value is None:
        if not spec.nullable:
            problems.append(f"{where} must be {_kind(spec)}, not null")
        return
    if spec.kind == "text":
        if not isinstance(value, str):
            problems.append(f"{where} must be {_kind(spec)}, not {_described(value)}")
        elif spec.max_length and len(value) > spec.max_length:
            problems.append(
                f"{where} is {len(value):,} characters long, over the {spec.max_length:,} that fit"
            )
        elif not _encodable(value):
            problems.append(f"{where} holds a character that is not text (a lone surrogate)")
        elif spec.not_blank and not value.strip():
            problems.append(f"there is no {where} (it is empty)")
        elif spec.clock and value and not _CLOCK.fullmatch(value):
            problems.append(f"{where} must be a time of day written HH:MM, not {_described(value)}")
    elif spec.kind == "whole number":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{where} must be {_kind(spec)}, not {_described(value)}")
        elif (spec.low is not None and value < spec.low) or (
            spec.high is not None and value > spec.high
        ):
            problems.append(f"{where} must be {_kind(spec)}, not {_described(value)}")
    elif spec.kind == "true or false":
        if not isinstance(value, bool):
            problems.append(f"{where} must be true or false, not {_described(value)}")
    elif spec.kind == "list":
        if not isinstance(value, list):
            problems.append(f"{where} must be a list, not {_described(value)}")
        elif spec.max_length and len(value) > spec.max_length:
            problems.append(
                f"{where} has {len(value):,} entries, over the {spec.max_length:,} that fit"
            )
        elif spec.of is not None:
            for number, entry in enumerate(value, start=1):
                check(entry, spec.of, f"{where}[{number}]", problems)


def _encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8: JSON's "\\ud800" escape gives a lone
    surrogate, which no file or database can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _quoted(text: str) -> str:
    """Text quoted for a message, control characters escaped; a lone surrogate (which no
    screen or terminal can show) escaped too."""
    return json.dumps(text, ensure_ascii=not _encodable(text))


def _kind(spec: Field) -> str:
    if spec.kind == "text":
        return "text"
    if spec.kind == "whole number":
        if spec.low is not None and spec.high is not None:
            return f"a whole number from {spec.low} to {spec.high}"
        if spec.low is not None:
            return f"a whole number of at least {spec.low}"
        return "a whole number"
    return spec.kind


def check(data: Any, schema: Schema, where: str, problems: list[str]) -> None:
    """Add to ``problems`` one sentence for each way ``data`` breaks ``schema``."""
    if not isinstance(data, dict):
        problems.append(f"{where or 'the file'} must be an object ({schema.what}), not "
                        f"{_described(data)}")  # fmt: skip
        return
    prefix = f"{where}." if where else ""
    for key in data:
        if schema.field(key) is None:
            shown = _quoted(key if len(key) <= 40 else key[:37] + "...")
            problems.append(f"{prefix}{shown} is not a field of {schema.what}")
    for spec in schema.fields:
        if spec.name not in data:
            if spec.required:
                problems.append(f"{prefix}{spec.name} is missing")
            continue
        _check_value(spec, f"{prefix}{spec.name}", data[spec.name], problems)


def template_problems(data: Any) -> list[str]:
    """Every way ``data`` (a parsed template file) breaks the template schema, one sentence
    each; a file of another format or a newer version gives only that one sentence."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return ["it is not a template file saved by PCC Minutes"]
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return [NEWER]
    problems: list[str] = []
    check(data, TEMPLATE, "", problems)
    start, minutes = data.get("start"), data.get("minutes")
    if (
        not problems
        and isinstance(start, str)
        and start
        and isinstance(minutes, int)
        and int(start[:2]) * 60 + int(start[3:]) + minutes >= DAY_MINUTES
    ):
        problems.append(
            f"start {start} and minutes {minutes} would end the meeting at or after midnight, "
            "before its start"
        )
    return problems


def nesting_depth_exceeds(raw: str, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text ``raw`` nests objects and lists deeper than ``limit``; read
    without parsing (brackets inside strings do not count), in one pass."""
    depth = 0
    for match in _BRACKETS_OUTSIDE_STRINGS.finditer(raw):
        char = match.group()
        if char == "[" or char == "{":
            depth += 1
            if depth > limit:
                return True
        elif char == "]" or char == "}":
            depth -= 1
    return False


# A JSON string (skipped whole) or one bracket: brackets are counted only outside strings.
_BRACKETS_OUTSIDE_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*+"|[\[\]{}]')
