"""Figures found in the notes: proposing them, and storing the ones the user accepts."""

from __future__ import annotations

from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.records import same_figure
from pcc_minutes.documents.markdown import markdown_plain_text
from pcc_minutes.operations.capture import remove_figures
from pcc_minutes.operations.indicators import match_figures
from pcc_minutes.operations.reading import load_meeting
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.mapping import figure_record, figure_row
from pcc_minutes.text.figures import ProposedFigure, detect_figures


def proposed_figures(store: Store, meeting_id: int) -> list[tuple[int, ProposedFigure]]:
    """The figures detected in each item's notes, as (item position, proposal)."""
    meeting = load_meeting(store, meeting_id)
    found: list[tuple[int, ProposedFigure]] = []
    for item in meeting.items:
        found.extend((item.position, f) for f in detect_figures(markdown_plain_text(item.notes)))
    return found


def figure_json(position: int, figure: ProposedFigure) -> dict[str, Any]:
    return {
        "item": position,
        "label": figure.label,
        "unit": figure.unit,
        "points": [p.as_json() for p in figure.points],
        "target": figure.target,
        "text": figure.text,
    }


def accept_figures(
    store: Store, meeting_id: int, figures: list[tuple[int, ProposedFigure]]
) -> Outcome[int]:
    """Store proposals as the items' figures (skipping ones already stored); the value is
    how many were added."""
    added: list[int] = []
    items: set[int] = set()
    with store.transaction() as session:
        meeting = queries.open_meeting_row(session, meeting_id)
        by_position = {item.position: item for item in meeting.items}
        new_rows = []
        for position, proposal in figures:
            item = by_position[position]
            figure = proposal.as_figure()
            if any(same_figure(figure, figure_record(row)) for row in item.figures):
                continue
            row = figure_row(figure, len(item.figures))
            item.figures.append(row)
            new_rows.append(row)
            items.add(item.id)
        session.flush()
        match_figures(session, new_rows)
        added = [row.id for row in new_rows]

    if not added:
        return Outcome(0)
    return Outcome(
        len(added),
        changed(figures=items),
        Undo(f"Accept {len(added)} figure(s)", lambda s: remove_figures(s, added)),
    )
