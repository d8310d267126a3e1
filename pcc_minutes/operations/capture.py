"""Capturing an item's actions, figures and decisions; each edit is undoable.

Removing keeps the record in the undo, so putting it back restores it whole, in its old
place, with its old id where that is still free.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import UNITS, Action, Decision, Figure, FigurePoint
from pcc_minutes.core.status import check_action_status, refuse_if_locked
from pcc_minutes.operations.indicators import match_figure
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.indicators import indicator_row
from pcc_minutes.store.mapping import action_record, action_row, figure_record, figure_row
from pcc_minutes.store.tables import ActionRow, DecisionRow, FigureRow
from pcc_minutes.text.indicators import indicator_key


def _insert_at(rows: list, row: object, position: int) -> None:
    position = max(0, min(position, len(rows)))
    rows.insert(position, row)
    for number, each in enumerate(rows):
        each.position = number


def _take_out(row: Any, siblings: str) -> tuple[int, int]:
    """Remove ``row`` from its item's ``siblings`` list (refusing a locked meeting) and close
    up the others; the (item id, position it had), for the undo that puts it back."""
    item = row.item
    refuse_if_locked(item.meeting.id, item.meeting.status)
    rows = getattr(item, siblings)
    position = rows.index(row)
    rows.remove(row)
    for number, each in enumerate(rows):
        each.position = number
    return item.id, position


# --- actions -------------------------------------------------------------------------------


def add_action(
    store: Store, item_id: int, text: str, owner: str = "", due: date | None = None
) -> Outcome[int]:
    if not text.strip():
        raise UserInputError("An action needs some words saying what is to be done.")
    return restore_action(store, item_id, Action(text.strip(), owner.strip(), due), None)


def restore_action(
    store: Store,
    item_id: int,
    action: Action,
    position: int | None,
    updates: tuple[tuple, ...] = (),
) -> Outcome[int]:
    """Add ``action`` to the item at ``position`` (the end when None); ``updates`` (meeting,
    item, position, status, note), what later meetings said of it, are put back with it
    where their items still are."""
    from pcc_minutes.store.tables import ActionUpdateRow, AgendaItemRow

    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        if not queries.is_free(session, ActionRow, action.id):
            action = replace(action, id=None)
        row = action_row(action, 0)
        _insert_at(item.actions, row, len(item.actions) if position is None else position)
        session.flush()
        new_id = row.id
        for meeting_id, log_id, at, status, note in updates:
            log = session.get(AgendaItemRow, log_id)
            if log is None or log.meeting_id != meeting_id:
                continue  # that meeting's action log has gone since
            entry = ActionUpdateRow(
                action_id=new_id, meeting_id=meeting_id, item_id=log_id, status=status, note=note
            )
            _insert_at(log.carried, entry, min(at, len(log.carried)))
        session.flush()
    return Outcome(
        new_id,
        changed(actions={item_id}),
        Undo("Add action", lambda s: remove_action(s, new_id)),
    )


def remove_action(store: Store, action_id: int, meeting_id: int | None = None) -> Outcome[None]:
    """Remove an action; with ``meeting_id`` of a later meeting it was carried into, only
    that meeting's entry goes."""
    if meeting_id is not None:
        from pcc_minutes.operations.actions import remove_carried

        with store.transaction() as session:
            row = queries.action_row(session, action_id)
            later = row is not None and row.item.meeting_id != meeting_id
        if later:
            return remove_carried(store, action_id, meeting_id)
    with store.transaction() as session:
        row = queries.action_row(session, action_id)
        if row is None:
            return Outcome(None)
        for update in row.updates:  # later minutes list it: they must be open to change
            refuse_if_locked(update.meeting.id, update.meeting.status)
        kept = action_record(row)
        updates = tuple(
            (u.meeting_id, u.item_id, u.position, u.status, u.note) for u in row.updates
        )
        logs = {u.item_id for u in row.updates}
        item_id, position = _take_out(row, "actions")
    return Outcome(
        None,
        changed(actions={item_id, *logs}),
        Undo("Remove action", lambda s: restore_action(s, item_id, kept, position, updates)),
    )


def set_action_status(
    store: Store, action_id: int, status: str, meeting_id: int | None = None
) -> Outcome[None]:
    """Set an action's status in the meeting that raised it; with ``meeting_id`` of a later
    meeting it was carried into, that meeting's entry (``update_action``), never the raising
    meeting's, so the earlier minutes keep it as it stood then."""
    status = check_action_status(status)
    if meeting_id is not None:
        from pcc_minutes.operations.actions import update_action

        with store.transaction() as session:
            row = queries.action_row(session, action_id)
            later = row is not None and row.item.meeting_id != meeting_id
        if later:
            return update_action(store, action_id, status=status.value, meeting_id=meeting_id)
    with store.transaction() as session:
        row = queries.action_row(session, action_id)
        if row is None:
            raise UserInputError(f"There is no action {action_id}.")
        refuse_if_locked(row.item.meeting.id, row.item.meeting.status)
        before, item_id = row.status, row.item.id
        row.status = status
    if before == status:
        return Outcome(None)
    return Outcome(
        None,
        changed(actions={item_id}),
        Undo(f"Mark action {status}", lambda s: set_action_status(s, action_id, before)),
    )


# --- figures -------------------------------------------------------------------------------


def check_figure(figure: Figure) -> Figure:
    if not figure.label.strip():
        raise UserInputError("A figure needs a label saying what was measured.")
    if figure.unit not in UNITS:
        raise UserInputError(f"'{figure.unit}' is not a unit; use %, count, ratio or £.")
    if not figure.points and figure.target is None:
        raise UserInputError("A figure needs a value (or at least a target).")
    return replace(figure, label=figure.label.strip())


def add_figure(
    store: Store, item_id: int, figure: Figure, position: int | None = None
) -> Outcome[int]:
    """Store a figure on an item (at ``position``, the end when None)."""
    figure = check_figure(figure)
    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        if not queries.is_free(session, FigureRow, figure.id):
            figure = replace(figure, id=None)
        if figure.indicator_id is not None and indicator_row(session, figure.indicator_id) is None:
            figure = replace(figure, indicator_id=None)  # its indicator has gone since
        row = figure_row(figure, 0)
        _insert_at(item.figures, row, len(item.figures) if position is None else position)
        session.flush()
        if row.indicator_id is None:
            match_figure(session, row)
        new_id = row.id
    return Outcome(
        new_id,
        changed(figures={item_id}),
        Undo(f"Add figure “{figure.label}”", lambda s: remove_figure(s, new_id)),
    )


def add_metric(
    store: Store,
    item_id: int,
    label: str,
    unit: str,
    points: list[FigurePoint],
    target: float | None = None,
    source_text: str = "",
) -> Outcome[int]:
    """``add_figure`` from loose values, as the quick-capture form has them."""
    figure = Figure(label, unit, tuple(points), target, source=source_text)
    return add_figure(store, item_id, figure)


def remove_figure(store: Store, figure_id: int) -> Outcome[None]:
    with store.transaction() as session:
        row = queries.figure_row(session, figure_id)
        if row is None:
            return Outcome(None)
        kept = figure_record(row)
        item_id, position = _take_out(row, "figures")
    return Outcome(
        None,
        changed(figures={item_id}),
        Undo(f"Remove figure “{kept.label}”", lambda s: add_figure(s, item_id, kept, position)),
    )


def update_figure(store: Store, figure_id: int, figure: Figure) -> Outcome[None]:
    """Replace a stored figure's label, unit, points, target and direction."""
    figure = check_figure(figure)
    with store.transaction() as session:
        row = queries.figure_row(session, figure_id)
        if row is None:
            raise UserInputError(f"There is no figure {figure_id}.")
        item = row.item
        refuse_if_locked(item.meeting.id, item.meeting.status)
        before, item_id, position = figure_record(row), item.id, item.figures.index(row)
        replacement = figure_row(
            replace(figure, id=figure_id, indicator_id=row.indicator_id), position
        )
        kept_link = (row.indicator_id, row.indicator_manual)
        same_measure = indicator_key(row.label) == indicator_key(figure.label) and (
            row.unit == figure.unit
        )
        item.figures.remove(row)
        session.flush()
        _insert_at(item.figures, replacement, position)
        if same_measure or kept_link[1]:  # still the same indicator, or linked by hand
            replacement.indicator_id, replacement.indicator_manual = kept_link
        else:  # a new label or unit: match again
            session.flush()
            match_figure(session, replacement)
    if replace(before, id=None) == replace(figure, id=None):
        return Outcome(None)
    return Outcome(
        None,
        changed(figures={item_id}),
        Undo(f"Edit figure “{before.label}”", lambda s: update_figure(s, figure_id, before)),
    )


def remove_figures(store: Store, figure_ids: list[int]) -> Outcome[None]:
    """Remove several figures at once (one undo step puts them all back)."""
    kept: list[tuple[int, int, Figure]] = []  # (item id, position, figure)
    with store.transaction() as session:
        for figure_id in figure_ids:
            row = queries.figure_row(session, figure_id)
            if row is None:
                continue
            record = figure_record(row)
            kept.append((*_take_out(row, "figures"), record))
    items = {item_id for item_id, _, _ in kept}

    def put_back(s: Store) -> Outcome[None]:
        # In reverse: each goes back at the index it had when it was taken out.
        ids = [add_figure(s, i, f, at).value for i, at, f in reversed(kept)]
        return Outcome(
            None,
            changed(figures=items),
            Undo(f"Add {len(ids)} figure(s)", lambda s2: remove_figures(s2, ids)),
        )

    return Outcome(None, changed(figures=items), Undo(f"Remove {len(kept)} figure(s)", put_back))


# --- decisions -----------------------------------------------------------------------------


def add_decision(
    store: Store, item_id: int, text: str, position: int | None = None
) -> Outcome[int]:
    if not text.strip():
        raise UserInputError("A decision needs some words saying what was decided.")
    return restore_decision(store, item_id, Decision(text.strip()), position)


def restore_decision(
    store: Store, item_id: int, decision: Decision, position: int | None
) -> Outcome[int]:
    """Put ``decision`` in the item at ``position`` (the end when None), with its old id
    when that is still free."""
    with store.transaction() as session:
        item = queries.open_item_row(session, item_id)
        kept_id = decision.id if queries.is_free(session, DecisionRow, decision.id) else None
        row = DecisionRow(id=kept_id, text=decision.text)
        _insert_at(item.decisions, row, len(item.decisions) if position is None else position)
        session.flush()
        new_id = row.id
    return Outcome(
        new_id,
        changed(actions={item_id}),
        Undo("Add decision", lambda s: remove_decision(s, new_id)),
    )


def remove_decision(store: Store, decision_id: int) -> Outcome[None]:
    with store.transaction() as session:
        row = queries.decision_row(session, decision_id)
        if row is None:
            return Outcome(None)
        kept = Decision(row.text, row.id)
        item_id, position = _take_out(row, "decisions")
    return Outcome(
        None,
        changed(actions={item_id}),
        Undo("Remove decision", lambda s: restore_decision(s, item_id, kept, position)),
    )
