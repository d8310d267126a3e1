"""``pcc-minutes search``: the words after ``search`` are one query, ``-word`` leaves a word out
without ``--``, and ``--limit N`` and ``--json`` work wherever they stand.

Two meetings are imported into a real database through the command line; both discuss
firearms licensing, only the second mentions renewals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

NOTE = """\
Police and Crime Commissioner and Chief Constable
Accountability and Performance Meeting
{day} {month} 2026, 14:00-15.15; Room 4, Civic Offices
Meeting note
On {day} {month} 2026 Dana Whitfield chaired, joined by Chief Constable Lee Harte.

Agenda:
· Item 1: Firearms Licensing

Item 1: Firearms Licensing
{text}
"""

FIRST = "The firearms licensing team cleared its backlog of new grant applications."
SECOND = "Firearms licence renewals are taking eleven weeks against a target of eight."


@pytest.fixture
def two_meetings(cli, tmp_path: Path) -> dict[str, int]:
    """The meeting id of each note, by the word only it holds."""
    march = tmp_path / "march.txt"
    march.write_text(NOTE.format(day=3, month="March", text=FIRST), encoding="utf-8")
    april = tmp_path / "april.txt"
    april.write_text(NOTE.format(day=7, month="April", text=SECOND), encoding="utf-8")
    result = cli("import", march, april)
    assert result.code == 0, result.err
    ids = [int(line.split()[0]) for line in result.out.splitlines()]
    return {"backlog": ids[0], "renewals": ids[1]}


def _meetings(out: str) -> set[int]:
    return {hit["meeting"] for hit in json.loads(out)}


def test_both_meetings_are_found_without_an_exclusion(cli, two_meetings):
    result = cli("search", "firearms", "--json")
    assert result.code == 0, result.err
    assert _meetings(result.out) == set(two_meetings.values())


@pytest.mark.parametrize(
    "words",
    [
        ["firearms", "-renewals", "--json"],
        ["-renewals", "firearms", "--json"],
        ["--json", "firearms", "-renewals"],
        ["firearms", "--json", "-renewals", "--limit", "5"],
        ["--limit=5", "firearms", "-renewals", "--json"],
        ["--json", "--", "firearms", "-renewals"],
    ],
)
def test_a_dashed_word_leaves_its_meeting_out_wherever_the_options_stand(cli, two_meetings, words):
    result = cli("search", *words)
    assert result.code == 0, result.err
    assert _meetings(result.out) == {two_meetings["backlog"]}


def test_limit_still_limits(cli, two_meetings):
    result = cli("search", "firearms", "--limit", "1", "--json")
    assert result.code == 0 and len(json.loads(result.out)) == 1


def test_the_real_program_excludes_a_dashed_word(cli, two_meetings, db_path, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "pcc_minutes", "--db", str(db_path), "search"]
        + ["firearms", "-renewals"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"#{two_meetings['backlog']} " in done.stdout
    assert f"#{two_meetings['renewals']} " not in done.stdout
    assert "renewals" not in done.stdout.lower()


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["search", "firearms", "--bogus"], "unrecognized arguments: --bogus"),
        (["search", "--json"], "required: QUERY"),
        (["search", "firearms", "--limit", "many"], "invalid int value"),
        (["list", "-renewals"], "unrecognized arguments: -renewals"),
        (["show", "1", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_unknown_options_are_still_one_clear_line(cli, two_meetings, args, fragment):
    result = cli(*args)
    assert result.code == 2 and fragment in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
