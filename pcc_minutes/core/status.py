"""A meeting's status, the moves between statuses, the lock and the draft line.

Draft → sent for approval → approved → published; any status may go back to draft for a
correction, which starts a new version. Approved and published minutes are locked: every
edit refuses them with one sentence (``refuse_if_locked``). This module is the only place
these rules are written.
"""

from __future__ import annotations

import enum
from datetime import date

from pcc_minutes.core.errors import LockedError, UserInputError


class MeetingStatus(enum.StrEnum):
    DRAFT = "draft"
    FOR_APPROVAL = "for-approval"
    APPROVED = "approved"
    PUBLISHED = "published"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


LOCKED_STATUSES = frozenset({MeetingStatus.APPROVED, MeetingStatus.PUBLISHED})
DRAFT_STATUSES = frozenset({MeetingStatus.DRAFT, MeetingStatus.FOR_APPROVAL})

# Where a meeting may go from each status.
NEXT_STATUSES: dict[str, frozenset[str]] = {
    MeetingStatus.DRAFT: frozenset({MeetingStatus.FOR_APPROVAL}),
    MeetingStatus.FOR_APPROVAL: frozenset({MeetingStatus.APPROVED, MeetingStatus.DRAFT}),
    MeetingStatus.APPROVED: frozenset({MeetingStatus.PUBLISHED, MeetingStatus.DRAFT}),
    MeetingStatus.PUBLISHED: frozenset({MeetingStatus.DRAFT}),
}
_ADVICE = {
    MeetingStatus.APPROVED: "send it for approval first",
    MeetingStatus.PUBLISHED: "approve it first",
    MeetingStatus.FOR_APPROVAL: "set it back to draft first",
}
_NAMES = {
    MeetingStatus.DRAFT: "Draft",
    MeetingStatus.FOR_APPROVAL: "Sent for approval",
    MeetingStatus.APPROVED: "Approved",
    MeetingStatus.PUBLISHED: "Published",
}


def is_locked(status: str) -> bool:
    return status in LOCKED_STATUSES


def is_draft(status: str) -> bool:
    return status in DRAFT_STATUSES


def status_text(status: str) -> str:
    """How a status reads to a person ("for-approval" → "Sent for approval")."""
    return _NAMES.get(status, status.replace("-", " ").capitalize())  # type: ignore[call-overload]


_MOVED = {
    MeetingStatus.DRAFT: "Meeting reopened as a draft.",
    MeetingStatus.FOR_APPROVAL: "Meeting sent for approval.",
    MeetingStatus.APPROVED: "Meeting approved: the minutes are now read-only.",
    MeetingStatus.PUBLISHED: "Meeting published.",
}


def status_message(status: str, changed: bool = True) -> str:
    """The one sentence that says a status change happened ("Meeting sent for approval.")."""
    if not changed:
        return f"Nothing changed: the meeting is already {status_text(status).lower()}."
    return _MOVED.get(status, f"Meeting now {status_text(status).lower()}.")  # type: ignore[call-overload]


def check_status(status: str) -> MeetingStatus:
    try:
        return MeetingStatus(status)
    except ValueError:
        valid = ", ".join(s.value for s in MeetingStatus)
        raise UserInputError(f"'{status}' is not a status; use one of {valid}.") from None


def check_move(meeting_id: int, current: str, wanted: str) -> None:
    """Refuse a move the approval trail does not allow, saying which step comes first."""
    if wanted not in NEXT_STATUSES[current]:
        advice = _ADVICE.get(wanted, "change its status step by step")  # type: ignore[call-overload]
        raise UserInputError(
            f"Meeting {meeting_id} is {current} and cannot become {wanted} directly; {advice}."
        )


def check_action_status(status: str) -> ActionStatus:
    try:
        return ActionStatus(status)
    except ValueError:
        raise UserInputError(
            f"'{status}' is not an action status; use open, done or dropped."
        ) from None


def refuse_if_locked(meeting_id: int, status: str) -> None:
    if is_locked(status):
        raise LockedError(
            f"Meeting {meeting_id} is {status} and locked against edits; "
            "set it back to draft to correct it."
        )


def draft_line(status: str, version: int, changed: date | None) -> str:
    """What a draft export says about itself: "DRAFT – version 2, 3 October 2025"; "" once
    approved. Every writer prints this same line."""
    if not is_draft(status):
        return ""
    from pcc_minutes.core.formatting import format_date

    when = f", {format_date(changed)}" if changed else ""
    waiting = " for approval" if status == MeetingStatus.FOR_APPROVAL else ""
    return f"DRAFT{waiting} – version {version}{when}"
