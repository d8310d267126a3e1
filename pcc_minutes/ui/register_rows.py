"""The lines of the window's registers, as plain data (no Qt): each decision or action as
the cells of its row, the meeting and item it opens, and, for the action log, whether the
default view (open and recently closed, the exported log's rule) shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pcc_minutes.core.errors import PccError
from pcc_minutes.core.status import refuse_if_locked
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.documents.action_log import RecentRule, closed_on, is_recent, recent_rule

DECISION_COLUMNS = ("Date", "Item", "Decision")
ACTION_COLUMNS = ("Status", "Action", "Owner", "Due", "Raised", "Latest update")


@lru_cache(maxsize=4096)  # a register of thousands of rows names few distinct days
def _day(day: date | None) -> str:
    return day.strftime("%-d %b %Y") if day else ""


def locked_sentence(meeting_id: int, status: str) -> str:
    """The usual refusal of an edit in a locked meeting, as the operations word it."""
    try:
        refuse_if_locked(meeting_id, status)
    except PccError as exc:
        return str(exc)
    return ""


@dataclass(frozen=True)
class RegisterRow:
    """One line of a register: its cells, the (meeting id, item position) it opens, the
    decision it edits (``ident``), and whether it is shown without Show all."""

    cells: tuple[str, ...]
    place: tuple[int, int]
    ident: int | None = None
    locked: str = ""  # the sentence refusing an edit, when its meeting is locked
    recent: bool = True


@dataclass(frozen=True)
class Register:
    rows: tuple[RegisterRow, ...] = ()
    rule: RecentRule | None = None  # the action log's "closed recently"


def decision_register(
    entries: Sequence[DecisionEntry], locked: dict[int, str] | None = None
) -> Register:
    locked = locked or {}
    return Register(
        tuple(
            RegisterRow(
                (_day(e.date), f"{e.item}. {e.item_title}".strip(), e.text),
                (e.meeting_id, e.item),
                e.id,
                locked_sentence(e.meeting_id, locked[e.meeting_id])
                if e.meeting_id in locked
                else "",
            )
            for e in entries
        )
    )


def action_log(entries: Sequence[TrackedAction], today: date) -> Register:
    """The series' actions; ``recent`` marks those the exported action log shows."""
    entries = list(entries)
    rule = recent_rule(entries, today)
    rows = []
    for e in entries:
        a = e.action
        latest = next((u for u in reversed(e.updates) if u.note.strip()), None)
        status = str(a.status).capitalize()
        closed = closed_on(e)
        if closed is not None:
            status += f" {_day(closed)}"
        rows.append(
            RegisterRow(
                (
                    status,
                    a.text,
                    a.owner,
                    _day(a.due),
                    f"{_day(e.raised_date)}, item {e.raised_item}".lstrip(", "),
                    latest.note if latest is not None else "",
                ),
                (e.raised_meeting_id, e.raised_item),
                a.id,
                recent=is_recent(e, rule),
            )
        )
    return Register(tuple(rows), rule)
