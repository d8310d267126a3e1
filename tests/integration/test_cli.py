"""The command line contract: names, output shapes, exit codes, and bad input refused cleanly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, database_dump

OWN_NOTE = """\
Police and Crime Commissioner and Chief Constable
Accountability and Performance Meeting
3 March 2026, 14:00-15.15; Room 4, Civic Offices
Meeting note
On 3 March 2026 Dana Whitfield chaired, joined by Chief Constable Lee Harte.

Agenda:
· Item 1: Neighbourhood Patrols
· Item 2: Call Handling

Item 1: Neighbourhood Patrols
Foot patrol hours rose from 1,100 to 1,450 in the quarter.
Next Steps:
· A review of evening cover in town centres.
Item 2: Call Handling
· 999 calls answered within ten seconds: 91%, against a target of 90%.
"""


@pytest.fixture
def own_note(tmp_path: Path) -> Path:
    path = tmp_path / "march.txt"
    path.write_text(OWN_NOTE, encoding="utf-8")
    return path


def test_import_prints_id_date_and_title_per_meeting(cli, own_note):
    result = cli("import", own_note, own_note)
    assert result.code == 0
    assert result.out.splitlines() == [
        "1 2026-03-03 Accountability and Performance Meeting",
        "2 2026-03-03 Accountability and Performance Meeting",
    ]


def test_list_json_gives_id_date_title_and_status(cli, own_note):
    cli("import", own_note)
    listed = json.loads(cli("list", "--json").out)
    assert listed == [
        {
            "id": 1,
            "date": "2026-03-03",
            "title": "Accountability and Performance Meeting",
            "status": "draft",
        }
    ]


def test_show_json_gives_times_items_and_notes(cli, own_note):
    cli("import", own_note)
    shown = json.loads(cli("show", "1", "--json").out)
    assert (shown["start"], shown["end"], shown["venue"]) == (
        "14:00",
        "15:15",
        "Room 4, Civic Offices",
    )
    assert [i["title"] for i in shown["items"]] == ["Neighbourhood Patrols", "Call Handling"]
    assert "### Next Steps:" in shown["items"][0]["notes"]
    assert shown["items"][1]["notes"].startswith("- 999 calls answered")


def test_figures_json_has_numbers_as_json_numbers(cli, own_note):
    cli("import", own_note)
    figures = json.loads(cli("figures", "1", "--json").out)
    assert figures, "expected figures in the notes"
    for figure in figures:
        assert {"item", "label", "unit", "points", "target", "text"} <= figure.keys()
        assert isinstance(figure["item"], int)
        for point in figure["points"]:
            assert isinstance(point["value"], (int, float))
    patrols = [f for f in figures if f["item"] == 1 and f["unit"] == "count"]
    assert [p["value"] for p in patrols[0]["points"]] == [1100, 1450]
    assert any(f["unit"] == "%" and f["target"] == 90 for f in figures)


def test_accepted_figures_are_stored_as_metrics_once(cli, own_note):
    cli("import", own_note)
    cli("figures", "1", "--accept")
    cli("figures", "1", "--accept")
    shown = json.loads(cli("show", "1", "--json").out)
    metrics = [m for item in shown["items"] for m in item["metrics"]]
    detected = json.loads(cli("figures", "1", "--json").out)
    assert len(metrics) == len({(f["label"], f["unit"]) for f in detected})


def test_export_markdown_is_written_whole(cli, own_note, tmp_path):
    cli("import", own_note)
    target = tmp_path / "out.md"
    result = cli("export", "1", "--format", "md", "-o", target)
    assert result.code == 0
    text = target.read_text(encoding="utf-8")
    assert "## Item 2: Call Handling" in text and "3 March 2026, 14:00-15.15; Room 4" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_into_a_missing_folder_is_one_sentence(cli, own_note, tmp_path):
    cli("import", own_note)
    result = cli("export", "1", "--format", "md", "-o", tmp_path / "nowhere" / "x.md")
    assert result.code == 2 and result.err.count("\n") == 1 and "does not exist" in result.err


def test_backup_copies_the_database(cli, own_note, tmp_path):
    cli("import", own_note)
    result = cli("backup", "-o", tmp_path / "b.sqlite3")
    assert result.code == 0
    assert len(json.loads(cli("list", "--json", db=tmp_path / "b.sqlite3").out)) == 1


def test_demo_adds_a_series_of_two_meetings(cli):
    result = cli("demo")
    assert result.code == 0 and len(result.out.splitlines()) == 2
    shown = json.loads(cli("show", "1", "--json").out)
    assert any(item["actions"] for item in shown["items"])
    assert any(item["metrics"] for item in shown["items"])


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["show", "99"], "no meeting 99"),
        (["show", "abc"], "whole number"),
        (["export", "1", "--format", "odt", "-o", "x"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(cli, args, fragment):
    cli("demo")
    result = cli(*args)
    assert result.code == 2 and fragment in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def _make_bad_inputs(folder: Path) -> dict[str, Path]:
    bad = {}
    bad["empty"] = folder / "empty.txt"
    bad["empty"].write_bytes(b"")
    bad["random bytes"] = folder / "noise.bin"
    bad["random bytes"].write_bytes(os.urandom(4096) + b"\x00")
    bad["text named .docx"] = folder / "fake.docx"
    bad["text named .docx"].write_text("Not really a Word file.\n")
    bad["zip that is not Word"] = folder / "photos.docx"
    with zipfile.ZipFile(bad["zip that is not Word"], "w") as archive:
        archive.writestr("holiday/readme.txt", "just some text")
    bad["encrypted document"] = folder / "locked.docx"
    bad["encrypted document"].write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"EncryptedPackage" + os.urandom(2048)
    )
    bad["directory"] = folder / "a folder"
    bad["directory"].mkdir()
    bad["missing path"] = folder / "no-such-file.docx"
    return bad


BAD_KINDS = [
    "empty",
    "random bytes",
    "text named .docx",
    "zip that is not Word",
    "encrypted document",
    "directory",
    "missing path",
]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_is_refused_in_one_sentence_and_the_database_is_unchanged(
    cli, tmp_path, db_path, own_note, kind
):
    cli("import", own_note)
    before = database_dump(db_path)
    (tmp_path / "bad").mkdir()
    bad = _make_bad_inputs(tmp_path / "bad")[kind]
    result = cli("import", own_note, bad)  # a good file alongside: still nothing is imported
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert bad.name in result.err
    assert result.out == ""
    assert database_dump(db_path) == before


def test_errors_in_a_real_process_have_no_traceback_unless_debug(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [
        sys.executable,
        "-m",
        "pcc_minutes",
        "--db",
        str(tmp_path / "d.sqlite3"),
        "import",
        str(tmp_path / "missing.txt"),
    ]
    plain = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    debug = subprocess.run(
        command[:3] + ["--debug"] + command[3:], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Traceback" in debug.stderr
