"""Moving a meeting along draft → for-approval → approved → published, or back to draft.

The rules are ``core.status``'s; this records who made the move and when. Only sending for
approval can be undone (it puts the draft back exactly as it was); approving, publishing and
reopening are decisions on the record, so their undo is another status change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pcc_minutes.core.changes import Outcome, Undo, changed
from pcc_minutes.core.clock import local_now
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.status import MeetingStatus, check_move, check_status, refuse_if_locked
from pcc_minutes.store import queries
from pcc_minutes.store.database import Store
from pcc_minutes.store.tables import StatusChangeRow


@dataclass(frozen=True)
class StatusResult:
    meeting_id: int
    status: str
    by: str
    at: datetime | None
    changed: bool
    version: int


def set_status(store: Store, meeting_id: int, status: str, by: str = "") -> Outcome[StatusResult]:
    """Setting the status a meeting already has changes nothing. Going back to draft starts
    a new version, so exports of the correction are told apart from the approved text."""
    wanted = check_status(status)
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        if meeting.status == wanted:
            return Outcome(
                StatusResult(
                    meeting.id, wanted, meeting.status_by, meeting.status_at, False, meeting.version
                )
            )
        check_move(meeting_id, meeting.status, wanted)
        before = (meeting.status, meeting.status_by, meeting.status_at)
        now = local_now()
        if wanted == MeetingStatus.DRAFT:
            meeting.version += 1
        meeting.status, meeting.status_by, meeting.status_at = wanted, by, now
        record = StatusChangeRow(status=wanted, by=by, at=now)
        meeting.status_history.append(record)
        session.flush()
        record_id = record.id
        result = StatusResult(meeting.id, wanted, by, now, True, meeting.version)
    undo = None
    if before[0] == MeetingStatus.DRAFT and wanted == MeetingStatus.FOR_APPROVAL:
        undo = Undo("Send for approval", lambda s: _take_back(s, meeting_id, record_id, before, by))
    return Outcome(result, changed(status={meeting_id}, meeting_list=True), undo)


def _take_back(
    store: Store,
    meeting_id: int,
    record_id: int,
    before: tuple[str, str, datetime | None],
    sent_by: str,
) -> Outcome[StatusResult]:
    """Undo a send-for-approval: the draft as it was, the trail without that entry; its
    redo sends it again in the name of ``sent_by``, who sent it the first time."""
    with store.transaction() as session:
        meeting = queries.meeting_row(session, meeting_id)
        # Approved or published since: the approval stands and the undo is refused; reopened
        # as a draft since: there is no sending left to take back.
        refuse_if_locked(meeting_id, meeting.status)
        if meeting.status != MeetingStatus.FOR_APPROVAL:
            raise UserInputError(
                f"Meeting {meeting_id} is no longer waiting for approval, so sending it "
                "cannot be undone."
            )
        meeting.status, meeting.status_by, meeting.status_at = before
        meeting.status_history = [c for c in meeting.status_history if c.id != record_id]
        result = StatusResult(meeting.id, before[0], before[1], before[2], True, meeting.version)
    return Outcome(
        result,
        changed(status={meeting_id}, meeting_list=True),
        Undo(
            "Send for approval",
            lambda s: set_status(s, meeting_id, MeetingStatus.FOR_APPROVAL, sent_by),
        ),
    )
