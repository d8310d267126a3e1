"""The two real published meeting notes: imported faithfully, exported with every line kept."""

from __future__ import annotations

import json
import re
from datetime import date, time

import pytest

from pcc_minutes.documents.readers.text import read_text
from pcc_minutes.documents.tree import BulletList, Heading
from tests.conftest import need, seed_files

SPECIALS = "–’→"


def seed(name_start: str):
    for path in need(seed_files(), "seed notes"):
        if path.name.startswith(name_start):
            return path
    pytest.skip(f"seed {name_start} not found")


def normalise_seed_line(line: str) -> str:
    line = re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()
    line = re.sub(r"^·\s*", "", line)
    # House style numbers every item heading "Item N:"; the seeds mix "Item N:" and "Item N."
    return re.sub(r"^Item (\d+)\.\s", r"Item \1: ", line)


def normalise_markdown_line(line: str) -> str:
    line = re.sub(r"^\s*(?:#{1,6} |[-*] |\d+\. )", "", line)
    line = re.sub(r"\\([\\`*_\[\]<>#&|.+\-!])", r"\1", line).replace("**", "")
    return re.sub(r"\s+", " ", line).strip()


def seed_lines(path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    kept, in_image = [], False
    for raw in lines:
        if raw.lstrip().startswith("[image:"):
            in_image = not raw.rstrip().endswith("]")
            continue
        if in_image:
            in_image = not raw.rstrip().endswith("]")
            continue
        line = normalise_seed_line(raw)
        if line:
            kept.append(line)
    return kept


@pytest.mark.parametrize("name", ["000", "004"])
def test_every_line_of_a_seed_survives_import_and_markdown_export(cli, tmp_path, name):
    path = seed(name)
    imported = cli("import", path)
    assert imported.code == 0, imported.err
    meeting_id = imported.out.split()[0]
    out = tmp_path / "minutes.md"
    exported = cli("export", meeting_id, "--format", "md", "-o", out)
    assert exported.code == 0, exported.err
    markdown = out.read_text(encoding="utf-8")
    exported_lines = [normalise_markdown_line(line) for line in markdown.split("\n")]
    exported_lines = [line for line in exported_lines if line]

    # Every seed line appears, whole and in the same order, as a line of the export.
    position = 0
    for line in seed_lines(path):
        try:
            position = exported_lines.index(line, position) + 1
        except ValueError:
            pytest.fail(f"line lost or out of order: {line!r}")
    # The special characters all survive, none doubled (the export's own DRAFT line aside).
    ours = "\n".join(line for line in markdown.split("\n") if not line.startswith("**DRAFT"))
    for char in SPECIALS:
        assert ours.count(char) == path.read_text(encoding="utf-8").count(char), char


def test_the_logo_alt_text_becomes_image_alt_text(cli, tmp_path):
    path = seed("000")
    meeting_id = cli("import", path).out.split()[0]
    markdown = cli("export", meeting_id, "--format", "md", "-o", "-").out
    assert (
        "![A black background with green and blue text Description automatically generated]"
        in markdown
    )


def test_the_august_seed_reads_as_a_structured_meeting():
    doc = read_text(seed("000"))
    assert doc.organisation == "Police and Crime Commissioner and Chief Constable"
    assert doc.title == "Accountability and Performance Meeting"
    assert doc.date == date(2025, 8, 14)
    assert (doc.start, doc.end) == (time(10, 30), time(11, 30))
    assert doc.venue == "Gold Command, Police HQ"
    assert doc.chair == "Jonathan Ash-Edwards"
    assert [(a.name, a.role) for a in doc.attendance][1] == ("Andy Prophet", "Chief Constable")
    assert [item.title for item in doc.items] == [
        "HMICFRS Closure of Cause of Concern",
        "Police Powers and Public Treatment",
        "Stop & Search Scrutiny Panel Annual Report 2024/25",
        "Independent Custody Visitors Report 2024/25",
        "Police Race Action Plan",
    ]
    assert (
        doc.items[2].heading == "Stop and Search: Scrutiny, Effectiveness, and Disproportionality"
    )
    sub_headings = [
        block.content[0].text for block in doc.items[0].blocks if isinstance(block, Heading)
    ]
    assert sub_headings == ["Sexual Offences Recording:", "Timeliness of Crime Recording:"]
    assert doc.opening and doc.opening[0].content[0].text.startswith("On 14 August 2025")


def test_the_september_seed_nests_the_flattened_bullets_under_their_lead_in():
    doc = read_text(seed("004"))
    assert doc.date == date(2025, 9, 11)
    assert [item.heading for item in doc.items][1:3] == [
        "Firearms Licensing",
        "Public Protection – Clare’s Law & DVPOs",
    ]
    assert doc.items[1].title == "Firearms Licencing"  # as the agenda spelt it
    clare = doc.items[2].blocks[0]
    assert isinstance(clare, BulletList)
    lead_in = clare.items[0]
    assert lead_in.content[0].text.startswith("Clare’s Law Disclosures:")
    nested = lead_in.children[0]
    assert [i.content[0].text for i in nested.items] == [
        "Right to Ask: 76 (2023) → 334 (2024) → 304 (2025 YTD)",
        "Right to Know: 6 (2023) → 20 (2024) → 130 (2025 YTD)",
    ]


def test_show_json_has_the_contracted_shape_for_a_seed(cli):
    meeting_id = cli("import", seed("004")).out.split()[0]
    shown = json.loads(cli("show", meeting_id, "--json").out)
    assert {
        "id",
        "title",
        "date",
        "start",
        "end",
        "venue",
        "chair",
        "attendees",
        "status",
        "items",
    } <= shown.keys()
    assert (shown["date"], shown["start"], shown["end"]) == ("2025-09-11", "10:30", "11:30")
    assert shown["status"] == "draft"
    first = shown["items"][0]
    assert {
        "position",
        "title",
        "heading",
        "notes",
        "metrics",
        "actions",
        "confidential",
    } <= first.keys()
    assert first["position"] == 1 and first["notes"].startswith("- Dedicated Response Team")
