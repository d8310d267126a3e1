"""Edit ▸ Undo in the window: the meeting's last edit when the notes do not have the focus,
the typing in the notes when they do; live steps leave the meetings browser alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pcc_minutes import operations as ops
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.ui.actions import ActionId


@pytest.fixture
def meeting_id(store) -> int:
    """The October demo meeting: three items, the first with notes, a figure and an action."""
    return create_demo(store).value[0].id


def item_ids(window) -> list[int]:
    return [item.id for item in window.view.items]


def focus_the_agenda(qtbot, window) -> None:
    window.agenda.tree.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: not window.editor.hasFocus())


def test_edit_undo_puts_a_removed_item_back_and_redo_removes_it_again(
    qtbot, window, store, meeting_id, monkeypatch
):
    before = ops.load_meeting(store, meeting_id)
    second = before.items[1]
    window.show_item(second.id)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    assert window.agenda.remove_current()
    assert second.id not in item_ids(window)
    assert second.id not in window.agenda.model.item_ids()
    stack = window.session.stack(meeting_id)
    assert stack.undoText() == "Remove item 2"
    assert window.session.undo_group.undoText() == "Remove item 2"

    focus_the_agenda(qtbot, window)
    window.action(ActionId.UNDO).trigger()
    assert item_ids(window) == [item.id for item in before.items]
    assert window.agenda.model.item_ids() == [item.id for item in before.items]
    assert window.view.item(second.id) == second
    assert ops.load_meeting(store, meeting_id).items == before.items
    assert stack.redoText() == "Remove item 2"

    focus_the_agenda(qtbot, window)
    window.action(ActionId.REDO).trigger()
    assert second.id not in item_ids(window)
    assert second.id not in window.agenda.model.item_ids()
    assert second.id not in [item.id for item in ops.load_meeting(store, meeting_id).items]
    assert stack.undoText() == "Remove item 2"


def test_edit_undo_reverses_an_edit_recorded_through_the_session(qtbot, window, store, meeting_id):
    third = window.view.items[2]
    window.session.record(ops.remove_item(store, third.id), meeting_id)
    assert third.id not in item_ids(window)
    assert window.session.undo_group.undoText() == "Remove item 3"

    focus_the_agenda(qtbot, window)
    window.action(ActionId.UNDO).trigger()
    assert window.view.item(third.id) == third
    assert third.id in window.agenda.model.item_ids()


def test_several_edits_undo_one_by_one_from_the_edit_menu(qtbot, window, store, meeting_id):
    before = ops.meeting_json(store, meeting_id)
    first = window.view.items[0].id
    window.session.record(ops.update_meeting(store, meeting_id, venue="Council Chamber"))
    window.session.record(ops.add_action(store, first, "Publish the audit"))
    window.session.record(ops.move_item(store, first, 3))
    assert window.view.items[2].id == first

    focus_the_agenda(qtbot, window)
    for text in ("Move item 1 to 3", "Add action", "Change venue"):
        assert window.session.undo_group.undoText() == text
        window.action(ActionId.UNDO).trigger()
    assert ops.meeting_json(store, meeting_id) == before
    assert window.view.items[0].id == first
    assert window.view.venue == before["venue"]


def test_an_undo_refused_because_the_meeting_was_approved_says_so_and_changes_nothing(
    qtbot, window, store, meeting_id, monkeypatch
):
    errors: list[str] = []
    # The window says it in a message box: here the box is a list.
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, m: errors.append(m)))
    second = window.view.items[1].id
    window.session.record(ops.remove_item(store, second), meeting_id)
    ops.set_status(store, meeting_id, "for-approval", by="Clerk")
    ops.set_status(store, meeting_id, "approved", by="Chair")
    approved = ops.meeting_json(store, meeting_id)

    focus_the_agenda(qtbot, window)
    window.action(ActionId.UNDO).trigger()
    assert ops.meeting_json(store, meeting_id) == approved
    assert len(errors) == 1
    assert "locked" in errors[0]
    assert not window.session.undo_group.canUndo()  # the refused step is dropped


def test_typing_undo_in_the_notes_survives_switching_to_another_item_and_back(
    qtbot, window, store, meeting_id
):
    first, second = (item.id for item in window.view.items[:2])
    assert window.item_id == first
    editor = window.editor
    original = editor.markdown()
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(editor, " Extra sentence")
    assert editor.markdown() != original

    window.show_item(second)
    assert editor.markdown() != original
    window.show_item(first)
    assert "Extra sentence" in editor.markdown()
    assert editor.document().isUndoAvailable()
    editor.undo()
    assert editor.markdown() == original


def test_edit_undo_with_the_focus_in_the_notes_undoes_the_typing_not_the_meeting(
    qtbot, window, store, meeting_id
):
    first = window.view.items[0].id
    window.session.record(ops.update_meeting(store, meeting_id, venue="Council Chamber"))
    editor = window.editor
    original = editor.markdown()
    window.focus_notes()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, " Typed")

    window.action(ActionId.UNDO).trigger()
    assert editor.markdown() == original
    assert ops.load_meeting(store, meeting_id).venue == "Council Chamber"
    assert window.item_id == first
    assert window.session.undo_group.undoText() == "Change venue"


def test_a_live_step_does_not_touch_the_meetings_browser(qtbot, window, monkeypatch):
    window.toggle_live(force=True)
    assert window.live
    calls: list[str] = []
    meetings = window.meetings
    for name in ("reload", "refresh", "load_in_background"):
        original = getattr(meetings, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(meetings, name, counted)

    start = window.item_id
    window.step_item(+1)
    assert window.item_id != start
    window.step_item(+1)
    window.step_item(-1)
    assert calls == []
    timed = [item for item in window.view.items if item.actual_start is not None]
    assert len(timed) >= 2


def test_ctrl_z_in_the_notes_takes_back_the_newer_of_the_typing_and_a_figure_accepted(
    qtbot, window, store, meeting_id
):
    """In a live meeting the focus never leaves the notes: Ctrl+Z there must take back the
    figure just accepted, not the words typed before it, and then the words."""
    editor = window.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    item_id = window.item_id
    figures_before = window.view.item(item_id).figures
    qtbot.keyClicks(editor, " Custody checks rose from 80% to 90%.")
    window.saver.wait()
    window.side._detect_now()
    assert window.side.accept_first_suggestion()
    assert len(window.view.item(item_id).figures) == len(figures_before) + 1
    assert window.action(ActionId.UNDO).text().startswith("&Undo Add figure")

    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.view.item(item_id).figures == figures_before  # the figure went first
    assert "90%" in editor.toPlainText()  # the typing is still there
    assert window.action(ActionId.UNDO).text() == "&Undo Typing"

    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "90%" not in editor.toPlainText()

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor, Qt.Key.Key_Z, redo)
    assert "90%" in editor.toPlainText()  # what was undone last is redone first
    qtbot.keyClick(editor, Qt.Key.Key_Z, redo)
    assert len(window.view.item(item_id).figures) == len(figures_before) + 1
