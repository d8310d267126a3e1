"""Hypothesis strategies for hostile text files and agenda templates, and a hand-picked list
of templates from the first hostile test (``version: null``, a number as title, JSON nested
100,000 deep, ``"confidential": "false"``, negative minutes, an end before the start).

Text files mix lines in the shape the text reader looks for (title, date line, "Meeting
note", "Agenda:", "Item 1: …", "·" bullets) with arbitrary Unicode, control characters and
very long lines, then encode them as UTF-8, UTF-16 or Latin-1, with or without a BOM, so that
the reader's deeper paths are reached and not only its refusals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from hypothesis import strategies as st

from tests.fuzz.budget import heavy

SHAPED_LINES = [
    "Police and Crime Commissioner and Chief Constable",
    "Accountability and Performance Meeting",
    "12 February 2026, 10:30-11:45; Committee Room 1",
    "31 February 2026, 25:99 - 10:00",
    "Meeting note",
    "Agenda:",
    "· Item 1: Response Times",
    "· Item 2: Neighbourhood Policing",
    "Item 1: Response Times",
    "Item 2: Neighbourhood Policing",
    "Item 99999999999999999999: Overflow",
    "Next Steps:",
    "· Emergency calls answered within ten seconds: 93%, against a target of 90%.",
    "· Arrests rose from 1,204 to 1,388 (15%) in the quarter.",
    "ACTION: The Chief Constable to report back in March.",
    "Decision: the plan was agreed.",
    "Present: Jo Bloggs (Chair), Sam Okafor",
    "[image: a logo",
    "]",
    "9" * 309 + " crimes recorded, up from 1e400",
]

CONTROL_CHARACTERS = "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x7f\x80\x85\x9f\u2028\u2029\ufeff\ufffe"

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]
SUFFIXES = [".txt", ".md", ".TXT", ".docx", ".json", ""]


@dataclass
class TextFile:
    """A generated file: its bytes and the suffix it is saved with."""

    data: bytes
    suffix: str
    encoding: str

    def __repr__(self) -> str:  # short enough to read in a failure report
        more = "…" if len(self.data) > 400 else ""
        return (
            f"TextFile(suffix={self.suffix!r}, encoding={self.encoding!r}, "
            f"data={self.data[:400]!r}{more} [{len(self.data)} bytes])"
        )


_any_text = st.text(
    st.one_of(st.characters(), st.sampled_from(["\ud800", "\udfff", "\U0010ffff"])), max_size=120
)
_line = st.one_of(
    st.sampled_from(SHAPED_LINES),
    _any_text,
    st.builds(lambda a, b: a + b, st.sampled_from(SHAPED_LINES), _any_text),
    st.text(st.sampled_from(CONTROL_CHARACTERS + "ab ·£%"), max_size=20),
)


@st.composite
def text_files(draw) -> TextFile:
    lines = draw(st.lists(_line, min_size=1, max_size=40))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(lines)))
        word = draw(st.sampled_from(["word ", "£1,234 ", "\u00b7 ", "é", "\U0001f600", "x"]))
        lines.insert(at, word * draw(st.sampled_from([1_000, 10_000, heavy(10_000, 60_000)])))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    text = newline.join(lines)
    encoding = draw(st.sampled_from(ENCODINGS))
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    data = text.encode(encoding, errors)
    if draw(st.integers(0, 9)) == 0:  # a BOM that disagrees with the encoding
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + data
    return TextFile(data, draw(st.sampled_from(SUFFIXES)), encoding)


# --- templates -------------------------------------------------------------------------------


def base_template() -> dict:
    """A template as PCC Minutes saves it (our own words)."""
    return {
        "format": "pcc-minutes-template",
        "version": 1,
        "name": "Quarterly Estates Review",
        "title": "Quarterly Estates Review",
        "organisation": "Office of the Police and Crime Commissioner",
        "venue": "Meeting Room 3",
        "chair": "Deputy Commissioner",
        "marking": "OFFICIAL",
        "opening": "On {date} the estates board met.",
        "start": "09:30",
        "minutes": 45,
        "attendees": [{"name": "Jo Bloggs", "role": "Estates Director", "group": ""}],
        "items": [
            {"title": "Station Refurbishments", "lead": "Estates Director", "planned_minutes": 20},
            {"title": "Fleet Renewal", "lead": "Fleet Manager", "planned_minutes": 15},
        ],
    }


def _with(**changes) -> str:
    data = base_template()
    for key, value in changes.items():
        if key.startswith("item_"):
            data["items"][0][key.removeprefix("item_")] = value
        elif key.startswith("person_"):
            data["attendees"][0][key.removeprefix("person_")] = value
        else:
            data[key] = value
    return json.dumps(data, ensure_ascii=False)


DEEP = 100_000

HAND_TEMPLATES: dict[str, str | bytes] = {
    "version null": _with(version=None),
    "version text": _with(version="two"),
    "version huge": _with(version=10**400),
    "version float": _with(version=1.5),
    "title a number": _with(title=42),
    "title null": _with(title=None),
    "title a list": _with(title=["a", "b"]),
    "title very long": _with(title="T" * 100_000),
    "title control characters": _with(title="Board\x0bMeeting\x00\x1b"),
    "confidential 'false'": _with(item_confidential="false"),
    "confidential a number": _with(item_confidential=2),
    "planned minutes -5": _with(item_planned_minutes=-5),
    "planned minutes text": _with(item_planned_minutes="twenty"),
    "planned minutes huge": _with(item_planned_minutes=10**30),
    "planned minutes float": _with(item_planned_minutes=12.5),
    "planned minutes NaN": _with(item_planned_minutes=float("nan")),
    "minutes -90": _with(minutes=-90),
    "minutes huge": _with(minutes=10**12),
    "end before start": _with(start="23:30", minutes=-120),
    "start 25:99": _with(start="25:99"),
    "start garbage": _with(start="half past ten"),
    "start a number": _with(start=1030),
    "items not a list": _with(items="none"),
    "items a dict": _with(items={"title": "x"}),
    "item a string": _with(items=["Just a title"]),
    "item unknown key": _with(item_colour="red"),
    "item without title": _with(items=[{"lead": "Nobody"}]),
    "items many": _with(items=[{"title": f"Item {i}"} for i in range(heavy(2_000, 20_000))]),
    "attendee a number": _with(attendees=[7]),
    "attendees null": _with(attendees=None),
    "unknown top-level key": _with(colour="blue"),
    "format missing": json.dumps({k: v for k, v in base_template().items() if k != "format"}),
    "not an object": json.dumps([base_template()]),
    "json null": "null",
    "empty": "",
    "nested 100,000 deep": '{"format": "pcc-minutes-template", "version": 1, "title": "x", '
    '"items": ' + "[" * DEEP + "]" * DEEP + "}",
    "nested objects deep": '{"format": "pcc-minutes-template", "title": "x", "name": '
    + '{"a": ' * DEEP
    + "1"
    + "}" * DEEP
    + "}",
    "duplicate keys": _with()[:-1] + ', "title": 5}',
    "utf-16 with BOM": _with().encode("utf-16"),
    "latin-1 bytes": _with(title="Caf\u00e9 Board").encode("latin-1"),
    "not utf-8": b'{"format": "pcc-minutes-template", "title": "\xff\xfe"}',
    "truncated": _with()[:150],
    "NaN and Infinity": _with(minutes=float("inf"), version=float("nan")),
    "surrogate escape": _with()[:-1] + ', "venue": "\\ud800"}',
}

_json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.sampled_from(["", "false", "true", "10:30", "25:61", "-5", "{date}", "\x0b", "T" * 400]),
)
_json_value = st.recursive(
    _json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
TEMPLATE_KEYS = [
    "format",
    "version",
    "name",
    "title",
    "organisation",
    "venue",
    "chair",
    "marking",
    "opening",
    "start",
    "minutes",
    "attendees",
    "items",
]
ITEM_KEYS = ["title", "lead", "planned_minutes", "confidential"]


@st.composite
def template_files(draw) -> bytes:
    """A real template with a few values replaced by arbitrary JSON values."""
    data = base_template()
    for key in draw(st.lists(st.sampled_from(TEMPLATE_KEYS), max_size=4, unique=True)):
        data[key] = draw(_json_value)
    items = data.get("items")
    if isinstance(items, list) and items and isinstance(items[0], dict):
        for key in draw(st.lists(st.sampled_from(ITEM_KEYS), max_size=3, unique=True)):
            items[0][key] = draw(_json_value)
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
