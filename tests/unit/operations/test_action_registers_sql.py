"""The registers read in one SQL query each (``store.registers``) give exactly what the
ORM walk they replaced gave: kept here as the oracle, and compared on a database with two
series, actions raised, carried, updated, closed and dropped, an undated meeting, decisions
in several items and the seed meetings when present."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import ActionUpdate
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.store.mapping import action_record
from pcc_minutes.store.tables import MeetingRow
from tests.conftest import seed_files

# --- the ORM walk the registers used before (the oracle) ---------------------------------


def _order(meeting):
    return (meeting.date or date.max, meeting.id)


def _old_series_id(session, series):
    if series is None:
        return None
    rows = session.query(MeetingRow).all()
    ids = {m.series_id for m in rows if m.series_id is not None}
    text = str(series).strip()
    if text.isdigit() and int(text) in ids:
        return int(text)
    for m in rows:
        if m.series is not None and m.series.name.casefold() == text.casefold():
            return m.series_id
    raise UserInputError(f"There is no meeting series '{series}'.")


def _old_tracked(row, upto=None):
    raised = row.item.meeting
    updates = sorted(row.updates, key=lambda u: _order(u.meeting))
    if upto is not None:
        updates = [u for u in updates if _order(u.meeting) <= _order(upto)]
    record = action_record(row)
    status = updates[-1].status if updates else row.status
    return TrackedAction(
        action=replace(record, status=status),
        raised_meeting_id=raised.id,
        raised_date=raised.date,
        raised_item=row.item.position,
        raised_title=row.item.title,
        meeting_title=raised.title,
        updates=tuple(
            ActionUpdate(u.meeting_id, u.meeting.date, u.status, u.note) for u in updates
        ),
    )


def old_list_actions(store, meeting_id=None, series=None, open_only=False):
    with store.transaction() as session:
        series_id = _old_series_id(session, series)
        result = []
        if meeting_id is not None:
            meeting = session.get(MeetingRow, meeting_id)
            rows = [a for i in sorted(meeting.items, key=lambda i: i.position) for a in i.actions]
            carried = sorted(
                (u for i in meeting.items for u in i.carried),
                key=lambda u: (u.item.position, u.position),
            )
            result = [_old_tracked(r, meeting) for r in rows + [u.action for u in carried]]
        else:
            for meeting in sorted(session.query(MeetingRow).all(), key=_order):
                if series_id is not None and meeting.series_id != series_id:
                    continue
                for item in sorted(meeting.items, key=lambda i: i.position):
                    result.extend(_old_tracked(row) for row in item.actions)
    if open_only:
        result = [t for t in result if t.action.status == "open"]
    return result


def old_list_decisions(store, series=None):
    with store.transaction() as session:
        series_id = _old_series_id(session, series)
        result = []
        for meeting in sorted(session.query(MeetingRow).all(), key=_order):
            if series_id is not None and meeting.series_id != series_id:
                continue
            for item in sorted(meeting.items, key=lambda i: i.position):
                result.extend(
                    DecisionEntry(
                        d.id,
                        d.text,
                        meeting.id,
                        meeting.date,
                        item.position,
                        meeting.title,
                        item.title,
                    )
                    for d in item.decisions
                )
    return result


# --- a database with a bit of everything -------------------------------------------------


@pytest.fixture
def busy(store):
    if seed_files():
        from pcc_minutes.documents.readers import read_minutes

        ops.import_documents(store, [read_minutes(path) for path in seed_files()])
    panel = builtin_templates()[0]
    audit = replace(panel, title="Joint Audit Committee")
    first = ops.create_from_template(store, panel, date(2026, 1, 15)).value
    items = ops.load_meeting(store, first).items
    kept = ops.add_action(
        store, items[2].id, "Review the licence backlog", "Chief Constable", date(2026, 3, 1)
    ).value
    ops.add_action(store, items[1].id, "Publish the plan", "PCC")
    closed = ops.add_action(store, items[2].id, "Circulate the report").value
    ops.add_action(store, items[2].id, "Dropped at once")
    ops.set_action_status(store, closed, "done")
    ops.add_decision(store, items[2].id, "Adopt the target")
    ops.add_decision(store, items[1].id, "Meet monthly")
    ops.add_decision(store, items[2].id, "Write to the Home Office")
    second = ops.create_from_last(store, first, date(2026, 2, 12)).value
    ops.update_action(store, kept, "Half cleared", meeting_id=second)
    third = ops.create_from_last(store, second, date(2026, 3, 12)).value
    ops.update_action(store, kept, "Cleared", "done", meeting_id=third)
    other = ops.create_from_template(store, audit, date(2026, 2, 1)).value
    other_items = ops.load_meeting(store, other).items
    ops.add_action(store, other_items[0].id, "Audit the audit", "Auditor")
    ops.add_decision(store, other_items[0].id, "Accept the accounts")
    undated = ops.create_from_template(store, panel, None).value
    ops.add_action(store, ops.load_meeting(store, undated).items[0].id, "Undated action")
    ops.add_decision(store, ops.load_meeting(store, undated).items[0].id, "Undated decision")
    return [m.id for m in ops.list_meetings(store)]


def test_the_registers_read_in_sql_give_what_the_orm_walk_gave(store, busy):
    series = {None, *(str(m.series) for m in ops.list_meetings(store) if m.series)}
    with store.transaction() as session:
        series |= {m.series_id for m in session.query(MeetingRow) if m.series_id}
    assert len(series) >= 3
    for each in series:
        for open_only in (False, True):
            got = ops.list_actions(store, series=each, open_only=open_only)
            assert got == old_list_actions(store, series=each, open_only=open_only), each
        assert ops.list_decisions(store, series=each) == old_list_decisions(store, each)
    for meeting_id in busy:
        for open_only in (False, True):
            got = ops.list_actions(store, meeting_id, open_only=open_only)
            assert got == old_list_actions(store, meeting_id, open_only=open_only), meeting_id
    everything = ops.list_actions(store)
    assert any(t.updates for t in everything) and any(t.raised_date is None for t in everything)
    assert {t.action.status for t in everything} >= {"open", "done"}
    assert len(ops.list_decisions(store)) >= 5


def test_an_unknown_series_or_meeting_is_one_sentence(store, busy):
    with pytest.raises(UserInputError, match="There is no meeting series 'Estates'"):
        ops.list_actions(store, series="Estates")
    with pytest.raises(UserInputError, match="There is no meeting series '999'"):
        ops.list_decisions(store, series=999)
    with pytest.raises(UserInputError, match="There is no meeting 999"):
        ops.list_actions(store, 999)
