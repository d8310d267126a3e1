"""A decision captured from the sentence under the cursor, by keyboard, and undone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.ui.actions import ActionId

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


def _press(qtbot, window, action_id: ActionId) -> None:
    combo = window.action(action_id).shortcut()[0]
    qtbot.keyClick(window.editor, combo.key(), combo.keyboardModifiers())


def _decisions(store, meeting_id: int) -> list[str]:
    return [d.text for d in ops.load_meeting(store, meeting_id).items[0].decisions]


def test_a_decision_is_captured_from_the_sentence_and_undone(qtbot, window, store, meeting_id):
    qtbot.keyClicks(window.editor, "Decision: the panel will review overtime each quarter.")
    _press(qtbot, window, ActionId.NEW_DECISION)
    form = window.quick_decision
    assert form.isVisible()
    assert form.text_edit.text() == "The panel will review overtime each quarter."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert _decisions(store, meeting_id) == ["The panel will review overtime each quarter."]
    assert window.editor.hasFocus()

    window.side.setFocus()  # the meeting's own undo, not the notes' typing
    window.undo()
    qtbot.waitUntil(lambda: _decisions(store, meeting_id) == [])


def test_esc_stores_nothing_and_an_empty_decision_is_one_sentence(qtbot, window, store, meeting_id):
    qtbot.keyClicks(window.editor, "Agreed to meet again in May.")
    _press(qtbot, window, ActionId.NEW_DECISION)
    form = window.quick_decision
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not form.isVisible() and window.editor.hasFocus()
    assert _decisions(store, meeting_id) == []
    _press(qtbot, window, ActionId.NEW_DECISION)
    form.text_edit.clear()
    qtbot.keyClick(form.text_edit, Qt.Key.Key_Return)
    assert form.isVisible() and "decision needs some words" in form.error_text
    assert _decisions(store, meeting_id) == []


def test_decisions_are_listed_in_the_side_panel_and_delete_removes_one_undoably(
    qtbot, window, store, meeting_id
):
    item_id = ops.load_meeting(store, meeting_id).items[0].id
    window.session.record(ops.add_decision(store, item_id, "Estate strategy adopted"))
    rows = window.side.decisions_list
    qtbot.waitUntil(lambda: rows.count() == 1 and rows.item(0).text() == "Estate strategy adopted")
    rows.setFocus()
    rows.setCurrentRow(0)
    qtbot.keyClick(rows, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _decisions(store, meeting_id) == [])
    qtbot.waitUntil(lambda: rows.item(0).text() == "No decisions yet")
    window.undo()
    qtbot.waitUntil(lambda: _decisions(store, meeting_id) == ["Estate strategy adopted"])
    qtbot.waitUntil(lambda: rows.item(0).text() == "Estate strategy adopted")


def test_a_decision_said_within_a_bullet_is_taken_from_its_marker(qtbot, window):
    window.editor.set_markdown("- Progress was noted. Decision: the plan is adopted.")
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    _press(qtbot, window, ActionId.NEW_DECISION)
    assert window.quick_decision.text_edit.text() == "The plan is adopted."


@pytest.fixture
def said(monkeypatch):
    """What the window would say in a message box."""
    from PySide6.QtWidgets import QMessageBox

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, m: messages.append(m)))
    return messages


def test_a_decision_is_edited_in_place_in_the_side_panel_and_undone_and_redone(
    qtbot, window, store, meeting_id, said
):
    item_id = ops.load_meeting(store, meeting_id).items[0].id
    window.session.record(ops.add_decision(store, item_id, "Estate strategy adopted"))
    rows = window.side.decisions_list
    qtbot.waitUntil(lambda: rows.count() == 1 and rows.item(0).text() == "Estate strategy adopted")
    rows.setFocus()
    rows.setCurrentRow(0)
    qtbot.keyClick(rows, Qt.Key.Key_Return)  # edits in place
    editor = QApplication.focusWidget()
    assert editor is not rows and editor.text() == "Estate strategy adopted"
    editor.selectAll()
    qtbot.keyClicks(editor, "Estate strategy withdrawn")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # cancelled
    qtbot.wait(50)
    assert _decisions(store, meeting_id) == ["Estate strategy adopted"]
    assert rows.item(0).text() == "Estate strategy adopted"

    rows.itemDoubleClicked.emit(rows.item(0))  # a double-click edits too
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not rows)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Estate strategy adopted for 2026-29")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: _decisions(store, meeting_id) == ["Estate strategy adopted for 2026-29"]
    )
    assert window.action(ActionId.UNDO).text() == "&Undo Edit decision"
    window.undo()
    qtbot.waitUntil(lambda: _decisions(store, meeting_id) == ["Estate strategy adopted"])
    qtbot.waitUntil(lambda: rows.item(0).text() == "Estate strategy adopted")
    window.redo()
    qtbot.waitUntil(
        lambda: _decisions(store, meeting_id) == ["Estate strategy adopted for 2026-29"]
    )

    rows.setCurrentRow(0)  # words all taken away: refused in one sentence, the words kept
    rows.editItem(rows.item(0))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not rows)
    editor = QApplication.focusWidget()
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(said) == 1)
    assert said[0] == "A decision needs some words saying what was decided."
    qtbot.waitUntil(lambda: rows.item(0).text() == "Estate strategy adopted for 2026-29")


def test_a_locked_meetings_decision_is_not_edited(qtbot, window, store, meeting_id, said):
    item_id = ops.load_meeting(store, meeting_id).items[0].id
    window.session.record(ops.add_decision(store, item_id, "Estate strategy adopted"))
    ops.set_status(store, meeting_id, "for-approval", by="Chair")
    ops.set_status(store, meeting_id, "approved", by="Chair")
    window.reload()
    rows = window.side.decisions_list
    rows.setFocus()
    rows.setCurrentRow(0)
    qtbot.keyClick(rows, Qt.Key.Key_Return)
    assert said == [
        "This meeting is approved and locked against edits; set it back to draft to change "
        "its figures or actions."
    ]
    assert QApplication.focusWidget() is rows
    assert _decisions(store, meeting_id) == ["Estate strategy adopted"]
