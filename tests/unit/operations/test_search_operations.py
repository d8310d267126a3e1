"""Search through the command line on a worked example: an action raised in one meeting,
carried into the next by ``new --from-last`` and updated there; the update is found as an
action of the later meeting, at its item, in the exact JSON shape; repeated figures are one
hit and ``--limit`` counts the hits shown."""

from __future__ import annotations

import json

from pcc_minutes import operations as ops
from pcc_minutes.core.records import Figure, FigurePoint

SHAPE = {"meeting", "date", "title", "item", "kind", "snippet"}


def test_an_update_said_in_a_later_meeting_through_the_command_line(cli, store):
    first = int(
        cli("new", "--date", "2025-08-14", "--title", "Accountability Meeting").out.split()[0]
    )
    item = ops.load_meeting(store, first).items[2]
    made = cli("action", "add", first, "--item", item.position, "Review OOCRs in six months")
    action = int(made.out.strip())
    second = int(cli("new", "--from-last", first, "--date", "2025-09-11").out.split()[0])
    said = cli(
        "action", "update", action, "--meeting", second, "--note", "Review reported to the panel"
    )
    assert said.code == 0, said.err
    log = next(i for i in ops.load_meeting(store, second).items if i.carried)

    hits = json.loads(cli("search", "--json", "reported to the panel").out)
    assert hits == [
        {
            "meeting": second,
            "date": "2025-09-11",
            "title": "Accountability Meeting",
            "item": log.position,
            "kind": "action",
            "snippet": "Review reported to the panel",
        }
    ]
    only = json.loads(cli("search", "--json", "panel kind:action").out)
    assert [(h["meeting"], h["kind"]) for h in only] == [(second, "action")]
    raised = json.loads(cli("search", "--json", "oocrs").out)
    assert [(h["meeting"], h["kind"], h["item"]) for h in raised] == [
        (first, "action", item.position)
    ]
    plain = cli("search", "reported panel")
    assert plain.code == 0 and "2025-09-11" in plain.out and "(action)" in plain.out


def test_figures_of_one_sentence_are_one_hit_and_the_limit_counts_hits_shown(cli, store):
    mid = int(cli("new", "--date", "2025-08-14", "--title", "Panel").out.split()[0])
    item = ops.load_meeting(store, mid).items[1].id
    for n in range(4):
        points = (FigurePoint("2025", 800 + n),)
        ops.add_figure(store, item, Figure(f"Queue {n}", "count", points, source="Renewals 800."))
    ops.add_figure(
        store, item, Figure("Queue", "count", (FigurePoint("Q2", 3),), source="Renewals rose.")
    )
    hits = json.loads(cli("search", "--json", "renewals").out)
    assert all(set(h) == SHAPE for h in hits)
    assert sorted(h["snippet"] for h in hits) == ["Renewals 800.", "Renewals rose."]
    assert len(json.loads(cli("search", "--json", "--limit", "2", "renewals").out)) == 2
    keys = [(h["meeting"], h["item"], h["kind"], h["snippet"]) for h in hits]
    assert len(keys) == len(set(keys))
