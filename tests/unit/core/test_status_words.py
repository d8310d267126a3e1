"""What the window says of a status change: a sentence a minute-taker reads at a glance, never
the stored value ("for-approval")."""

from __future__ import annotations

import pytest

from pcc_minutes.core.status import MeetingStatus, status_message, status_text


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        (MeetingStatus.DRAFT, "Meeting reopened as a draft."),
        (MeetingStatus.FOR_APPROVAL, "Meeting sent for approval."),
        (MeetingStatus.APPROVED, "Meeting approved: the minutes are now read-only."),
        (MeetingStatus.PUBLISHED, "Meeting published."),
    ],
)
def test_each_move_has_its_own_sentence(status, sentence):
    assert status_message(status) == sentence
    assert "for-approval" not in status_message(status)


def test_no_move_says_nothing_changed_in_words():
    assert status_message("for-approval", changed=False) == (
        "Nothing changed: the meeting is already sent for approval."
    )
    assert status_text("for-approval") == "Sent for approval"
