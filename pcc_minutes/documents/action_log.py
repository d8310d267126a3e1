"""A series' registers as documents: the action log and the decision register.

Both are ``MinutesDocument`` trees with ``register`` set, so every writer draws them with the
look of the minutes (fonts, marking, header and footer, tagged PDF tables) and nothing new
to draw: each section is a heading and one table.

The action log holds every open action, and the actions closed recently: in the series'
last meeting, or within the last 90 days, whichever reaches further back. An action's closing
date is that of the meeting whose update closed it (or of the raising meeting, when it was
closed there). The window's Action Log view shows the same by default (``recent_rule``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pcc_minutes.core.formatting import format_date
from pcc_minutes.core.status import ActionStatus
from pcc_minutes.core.tracking import DecisionEntry, TrackedAction
from pcc_minutes.documents.layout import (
    ACTION_WIDTHS,
    action_cell,
    action_number,
    raised_text,
    status_label,
)
from pcc_minutes.documents.tree import ItemSection, MinutesDocument, Paragraph, Table, spans

ACTION_COLUMNS = ("No.", "Action", "Owner", "Due", "Status", "Latest update")
DECISION_COLUMNS = ("No.", "Decision", "Meeting", "Item")
RECENT_DAYS = 90


@dataclass(frozen=True)
class RecentRule:
    """Which closed actions count as recent: those closed on or after ``since``; ``by_meeting``
    says the series' last meeting (``last_meeting``) reaches further back than 90 days."""

    since: date
    by_meeting: bool = False
    last_meeting: date | None = None

    def sentence(self) -> str:
        """ "closed since 11 September 2025, the series' last meeting", or "… in the last 90
        days"."""
        if self.by_meeting:
            return f"closed since {format_date(self.since)}, the series' last meeting"
        return f"closed since {format_date(self.since)}, in the last {RECENT_DAYS} days"


def closed_on(tracked: TrackedAction) -> date | None:
    """The date of the meeting in which the action was closed (None while it is open)."""
    if tracked.action.status == ActionStatus.OPEN:
        return None
    for update in reversed(tracked.updates):
        if update.status == tracked.action.status and update.date is not None:
            closing = update.date
            # the earliest meeting of the run of updates that leave it closed
            for earlier in reversed(tracked.updates[: tracked.updates.index(update)]):
                if earlier.status != tracked.action.status or earlier.date is None:
                    break
                closing = earlier.date
            return closing
    return tracked.raised_date


def recent_rule(actions: list[TrackedAction], today: date) -> RecentRule:
    """The last 90 days, or back to the series' last meeting on or before ``today`` when
    that is further back (the meetings are those the actions were raised or updated in)."""
    cutoff = today - timedelta(days=RECENT_DAYS)
    meetings = {t.raised_date for t in actions if t.raised_date} | {
        u.date for t in actions for u in t.updates if u.date
    }
    held = [day for day in meetings if day <= today]
    last = max(held) if held else None
    if last is not None and last < cutoff:
        return RecentRule(last, by_meeting=True, last_meeting=last)
    return RecentRule(cutoff, last_meeting=last)


def recent_cutoff(actions: list[TrackedAction], today: date) -> date:
    """The earliest closing date still shown (``recent_rule``'s)."""
    return recent_rule(actions, today).since


def is_recent(tracked: TrackedAction, rule: RecentRule) -> bool:
    """Open, or closed on or after the rule's date."""
    if tracked.action.status == ActionStatus.OPEN:
        return True
    closed = closed_on(tracked)
    return closed is None or closed >= rule.since


def shown_actions(actions: list[TrackedAction], today: date) -> list[TrackedAction]:
    """Open actions and those closed recently, in the order given."""
    rule = recent_rule(actions, today)
    return [tracked for tracked in actions if is_recent(tracked, rule)]


def latest_update(tracked: TrackedAction) -> str:
    for update in reversed(tracked.updates):
        if update.note.strip():
            when = format_date(update.date)
            return f"{when}: {update.note}" if when else update.note
    return ""


def _action_table(actions: list[TrackedAction]) -> Table:
    rows = [tuple(spans(h) for h in ACTION_COLUMNS)]
    for tracked in actions:
        action = tracked.action
        rows.append(
            (
                spans(action_number(action)),
                action_cell(action.text, raised_text(tracked.raised_date, tracked.raised_item)),
                spans(action.owner),
                spans(format_date(action.due) if action.due else ""),
                spans(status_label(action.status)),
                spans(latest_update(tracked)),
            )
        )
    return Table(tuple(rows), header=True, widths=ACTION_WIDTHS)


def action_log_document(
    series_name: str, actions: list[TrackedAction], today: date, *, marking: str = ""
) -> MinutesDocument:
    """The series' action log as of ``today``: open actions, then those closed recently."""
    shown = shown_actions(actions, today)
    open_ = [t for t in shown if t.action.status == ActionStatus.OPEN]
    closed = [t for t in shown if t.action.status != ActionStatus.OPEN]
    closing = recent_rule(actions, today).sentence()
    sections = [
        ItemSection(
            title="Open actions",
            blocks=[_action_table(open_)] if open_ else [Paragraph(spans("No open actions."))],
        ),
        ItemSection(
            title="Closed recently",
            heading=closing[:1].upper() + closing[1:],
            blocks=[_action_table(closed)]
            if closed
            else [Paragraph(spans("No actions closed in this time."))],
        ),
    ]
    return MinutesDocument(
        title=series_name or "Action log",
        subtitle=f"As at {format_date(today)}",
        document_kind="Action log",
        marking=marking,
        items=sections,
        status="approved",  # a register is no draft minutes: no DRAFT line or watermark
        register=True,
    )


def decision_register_document(
    series_name: str, decisions: list[DecisionEntry], *, marking: str = ""
) -> MinutesDocument:
    """The series' decisions, oldest meeting first, one row each."""
    rows = [tuple(spans(h) for h in DECISION_COLUMNS)]
    ordered = sorted(decisions, key=lambda d: (d.date or date.min, d.meeting_id, d.item, d.id))
    for entry in ordered:
        meeting = format_date(entry.date) if entry.date else entry.meeting_title
        rows.append(
            (
                spans(str(entry.id)),
                spans(entry.text),
                spans(meeting),
                spans(f"{entry.item}. {entry.item_title}" if entry.item_title else str(entry.item)),
            )
        )
    table = Table(tuple(rows), header=True, widths=(7.0, 55.0, 18.0, 20.0))
    blocks = [table] if ordered else [Paragraph(spans("No decisions."))]
    return MinutesDocument(
        title=series_name or "Decision register",
        document_kind="Decision register",
        marking=marking,
        items=[ItemSection(title="Decisions", blocks=blocks)],
        status="approved",
        register=True,
    )
