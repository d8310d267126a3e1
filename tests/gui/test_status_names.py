"""Who is asked for at each status change: the approver's name is remembered apart from the
name of whoever sends, publishes or reopens, so Publish never offers the approver's; the
status bar says the change in words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QInputDialog

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


def test_publish_offers_the_publishers_name_not_the_approvers(window, monkeypatch):
    offered: list[str] = []
    answers = iter(["Sam Okafor", "Dana Whitfield", "Sam Okafor"])

    def ask(parent, title, question, text=""):
        offered.append(text)
        return next(answers), True

    monkeypatch.setattr(QInputDialog, "getText", ask)
    window.change_status("for-approval")
    assert window.statusBar().currentMessage() == "Meeting sent for approval."
    window.change_status("approved")
    assert window.statusBar().currentMessage().startswith("Meeting approved")
    window.change_status("published")
    assert window.statusBar().currentMessage() == "Meeting published."
    # Sending offered nobody yet; approving offered no approver yet; publishing offers the
    # sender's name, never the approver's.
    assert offered == ["", "", "Sam Okafor"]


def test_dates_in_the_window_title_have_no_leading_zero(window):
    assert "· 12 March 2026 —" in window.windowTitle()


def test_typing_into_approved_minutes_says_why_nothing_happens(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    window.change_status("for-approval", by="Sam Okafor")
    window.change_status("approved", by="Dana Whitfield")
    window.statusBar().clearMessage()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_End)  # moving about is allowed, and silent
    assert window.statusBar().currentMessage() == ""
    qtbot.keyClicks(window.editor, "x")
    assert window.statusBar().currentMessage() == (
        "These minutes are approved and read-only; use Approval ▸ Reopen as Draft to change them."
    )
    assert "x" not in window.editor.toPlainText()
    assert window.editor.viewport().backgroundRole() == QPalette.ColorRole.Window
    window.change_status("draft", by="Sam Okafor")
    assert window.editor.viewport().backgroundRole() == QPalette.ColorRole.Base


def test_a_meeting_just_opened_says_it_is_all_saved_not_another_meetings_save_time(
    qtbot, window, store, meeting_id
):
    assert window.saved_label.text().startswith("All changes saved · last changed today at ")
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "The panel met.")
    window.saver.flush()
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Saved "), timeout=5000)
    other = ops.create_from_template(store, builtin_templates()[0], date(2026, 4, 9)).value
    window.open_meeting(other)
    assert window.saved_label.text().startswith("All changes saved")
    window._update_saved_age()  # the ticker's next beat keeps it so
    assert window.saved_label.text().startswith("All changes saved")


def test_alt_p_reaches_the_opening_paragraph(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    qtbot.keyClick(window.editor, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.header.opening.edit
