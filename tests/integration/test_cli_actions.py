"""The command line's contracts for actions followed across meetings and for decisions."""

from __future__ import annotations

import json

import pytest


def _ok(result):
    assert result.code == 0, result.err
    return result.out


@pytest.fixture
def three(cli):
    """An action raised in meeting 1, two meetings made from the last, closed in meeting 3."""
    first = _ok(cli("new", "--date", "2026-01-15", "--title", "Monthly review")).split()[0]
    action = _ok(
        cli("action", "add", first, "--item", "2", "Review", "the", "backlog", "--owner", "Chief")
    ).strip()
    second = _ok(cli("new", "--from-last", first, "--date", "2026-02-12")).split()[0]
    third = _ok(cli("new", "--from-last", second, "--date", "2026-03-12")).split()[0]
    _ok(cli("action", "update", action, "--note", "Cleared in March", "--status", "done"))
    return int(first), int(second), int(third), int(action)


def test_action_closed_two_meetings_later(cli, three):
    first, second, third, action = three
    [now] = json.loads(_ok(cli("actions", "--json")))
    assert now["id"] == action and now["status"] == "done" and now["owner"] == "Chief"
    assert now["raised"] == {"meeting": first, "date": "2026-01-15", "item": 2}
    assert now["updates"] == [
        {"meeting": second, "date": "2026-02-12", "status": "open", "note": ""},
        {"meeting": third, "date": "2026-03-12", "status": "done", "note": "Cleared in March"},
    ]
    as_then = {
        m: json.loads(_ok(cli("actions", "--meeting", str(m), "--json")))
        for m in (first, second, third)
    }
    assert [a["status"] for a in as_then[first]] == ["open"]
    assert as_then[first][0]["updates"] == []
    assert [a["status"] for a in as_then[second]] == ["open"]
    assert [a["status"] for a in as_then[third]] == ["done"]
    assert json.loads(_ok(cli("actions", "--open", "--json"))) == []

    shown = json.loads(_ok(cli("show", str(third), "--json")))
    # The built-in template's "Minutes of the Last Meeting and Action Log" is the action log.
    log = shown["items"][0]
    assert log["title"] == "Minutes of the Last Meeting and Action Log"
    assert not any(a.get("carried") for item in shown["items"][1:] for a in item["actions"])
    [carried] = log["actions"]
    assert carried["id"] == action and carried["carried"] is True
    assert carried["status"] == "done" and carried["note"] == "Cleared in March"
    assert carried["raised"] == {"meeting": first, "date": "2026-01-15", "item": 2}
    # The earlier minutes keep the action as it stood then.
    raised = json.loads(_ok(cli("show", str(first), "--json")))
    here = [a for item in raised["items"] for a in item["actions"]]
    assert here == [
        {
            "id": action,
            "reference": None,
            "text": "Review the backlog",
            "owner": "Chief",
            "due": None,
            "status": "open",
            "carried": False,
        }
    ]
    assert "Cleared in March" not in _ok(cli("show", str(first)))
    assert "Review the backlog" in _ok(cli("show", str(third)))
    # A meeting made from the third does not carry the closed action.
    fourth = _ok(cli("new", "--from-last", str(third), "--date", "2026-04-09")).split()[0]
    assert json.loads(_ok(cli("actions", "--meeting", fourth, "--json"))) == []


def test_locked_meeting_refused(cli, three):
    first, second, third, action = three
    _ok(cli("status", str(third), "for-approval"))
    _ok(cli("status", str(third), "approved", "--by", "Chair"))
    result = cli("action", "update", str(action), "--note", "Reopened", "--status", "open")
    assert result.code == 2 and "locked" in result.err and result.err.count("\n") == 1
    [now] = json.loads(_ok(cli("actions", "--json")))
    assert now["status"] == "done"


@pytest.mark.parametrize(
    "args",
    [
        ("new", "--date", "2025-02-30"),
        ("action", "update", "99", "--note", "x"),
        ("action", "add", "1", "--item", "40", "x"),
        ("action", "update", "1", "--note", "x", "--status", "finished"),
        ("actions", "--meeting", "77"),
        ("actions", "--series", "No such series"),
        ("new", "--template", "No such template"),
    ],
)
def test_bad_input_is_one_sentence(cli, args):
    _ok(cli("new", "--date", "2026-01-15"))
    _ok(cli("action", "add", "1", "--item", "1", "Something"))
    result = cli(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.strip()


def test_decisions_added_and_listed_in_meeting_order(cli):
    first = _ok(cli("new", "--date", "2026-01-15")).split()[0]
    second = _ok(cli("new", "--from-last", first, "--date", "2026-02-12")).split()[0]
    later = _ok(cli("decision", "add", second, "--item", "1", "Adopt", "the", "target")).strip()
    earlier = _ok(cli("decision", "add", first, "--item", "3", "Keep the panel")).strip()
    listed = json.loads(_ok(cli("decisions", "--json")))
    assert listed == [
        {
            "id": int(earlier),
            "text": "Keep the panel",
            "meeting": int(first),
            "date": "2026-01-15",
            "item": 3,
        },
        {
            "id": int(later),
            "text": "Adopt the target",
            "meeting": int(second),
            "date": "2026-02-12",
            "item": 1,
        },
    ]
    shown = json.loads(_ok(cli("show", second, "--json")))
    assert shown["items"][0]["decisions"] == [{"id": int(later), "text": "Adopt the target"}]
    assert "Keep the panel" in _ok(cli("decisions"))
