"""Private notes in the window: a tinted box under the notes, reached with a shortcut, saved
continuously on its own, one undo history per item, read back when the meeting is opened
again, printed in the full draft only (offscreen, driven from the keyboard)."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.documents.build import PRIVATE_NOTES_LABEL
from pcc_minutes.ui.actions import ActionId
from pcc_minutes.ui.notes.private_notes import HEADING


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


@pytest.fixture
def pane(window):
    yield window.private_notes
    window.private_notes.close_saver()


def press(qtbot, widget, window, action_id: ActionId) -> None:
    combo = window.action(action_id).shortcut()[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def stored(store, meeting_id: int, position: int):
    return ops.load_meeting(store, meeting_id).items[position - 1]


def test_the_box_is_under_the_notes_labelled_and_tinted(window, pane):
    assert pane.isVisible() and pane.editor.isVisible()
    assert HEADING in pane.heading.text() and "public version" in HEADING
    assert "background" in pane.styleSheet() and pane.editor.accessibleName() == "Private notes"
    # Below the notes, and smaller: the notes stay the largest thing on screen.
    notes = window.editor.mapTo(window, window.editor.rect().topLeft())
    box = pane.mapTo(window, pane.rect().topLeft())
    assert box.y() > notes.y() and pane.height() < window.editor.height()
    assert not pane.editor.isReadOnly()


def test_the_shortcut_moves_between_the_notes_and_the_private_notes(qtbot, window, pane):
    assert window.action(ActionId.PRIVATE_NOTES).shortcut().toString() == "Ctrl+Alt+N"
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    assert QApplication.focusWidget() is pane.editor
    press(qtbot, pane.editor, window, ActionId.PRIVATE_NOTES)
    assert QApplication.focusWidget() is window.editor
    assert window.editor.markdown() == "" and pane.markdown() == ""  # no letter leaked in


def test_private_typing_is_saved_by_itself_apart_from_the_notes(
    qtbot, window, pane, store, meeting_id
):
    qtbot.keyClicks(window.editor, "Said in public.")
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "- Named officer: keep off the record")
    assert window.saved_label.text() == "Saving…"
    # No Save command and no flush: the autosave writes it after a short pause.
    qtbot.waitUntil(
        lambda: (
            stored(store, meeting_id, 1).private_notes == "- Named officer: keep off the record\n"
        ),
        timeout=5000,
    )
    window.saver.wait()
    item = stored(store, meeting_id, 1)
    assert item.notes == "Said in public.\n" and "Named officer" not in item.notes
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Saved"), timeout=8000)
    # The window's own record holds it too: the outside-changes watch sees nothing new.
    assert window.view.items[0].private_notes == item.private_notes


def test_typing_the_notes_leaves_the_private_saver_idle(qtbot, window, pane):
    qtbot.keyClicks(window.editor, "Only the public notes are typed here")
    assert window.saver.pending and not pane.saver.pending and not pane.saver.waiting()


def test_each_item_keeps_its_private_notes_and_their_undo(qtbot, window, pane, store, meeting_id):
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "first item aside")
    press(qtbot, pane.editor, window, ActionId.NEXT_ITEM)
    assert window.item_id == stored(store, meeting_id, 2).id and pane.markdown() == ""
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "second")
    press(qtbot, pane.editor, window, ActionId.PREVIOUS_ITEM)
    assert pane.markdown() == "first item aside\n"
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.markdown() == ""  # this item's typing taken back; item 2's is untouched
    pane.saver.wait()
    assert stored(store, meeting_id, 1).private_notes == ""
    assert stored(store, meeting_id, 2).private_notes == "second\n"
    assert window.editor.markdown() == ""  # the notes were never touched


def test_private_notes_come_back_when_the_meeting_is_opened_again(
    qtbot, store, meeting_id, window, pane
):
    from pcc_minutes.ui.window import MainWindow

    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "Remember the exempt report")
    window.close()  # closing writes what is pending
    again = MainWindow(store)
    qtbot.addWidget(again)
    again.show()
    again.start(meeting_id)
    try:
        assert again.private_notes.markdown() == "Remember the exempt report\n"
        assert again.editor.markdown() == ""
    finally:
        again.saver.close()
        again.private_notes.close_saver()
        again.live_writer.close()


def test_an_approved_meeting_shows_its_private_notes_read_only(
    qtbot, window, pane, store, meeting_id
):
    item = stored(store, meeting_id, 1)
    ops.update_item(store, item.id, private_notes="Kept aside")
    window.open_meeting(meeting_id, live=False)  # same meeting: already shown
    window.change_status("for-approval", by="Minute Taker")
    window.change_status("approved", by="Dana Whitfield")
    assert pane.editor.isReadOnly()
    qtbot.keyClicks(pane.editor, "should not appear")
    pane.saver.wait()
    assert stored(store, meeting_id, 1).private_notes == "Kept aside"


def test_the_full_export_has_them_the_public_one_does_not(qtbot, window, pane, tmp_path):
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "Zebrafinch is not for the public")
    for public in (False, True):
        target = tmp_path / f"{'public' if public else 'full'}.docx"
        window.export("docx", path=target, public=public)  # waits for the private saver
        qtbot.waitUntil(target.exists, timeout=15000)
        text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
        assert ("Zebrafinch" in text) is not public
        assert (PRIVATE_NOTES_LABEL in text) is not public


def test_private_notes_changed_elsewhere_are_shown_unless_typed_here(
    qtbot, window, pane, store, meeting_id
):
    first, second = (item.id for item in ops.load_meeting(store, meeting_id).items[:2])
    ops.update_item(store, first, private_notes="Written from the command line")
    window.reload()  # what the outside-changes watch does when it sees the commit
    assert pane.markdown() == "Written from the command line\n"
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, " and typed here")
    ops.update_item(store, first, private_notes="Another edit elsewhere")
    window.reload()
    assert pane.markdown() == "Written from the command line and typed here\n"  # kept
    pane.saver.wait()
    assert stored(store, meeting_id, 1).private_notes == pane.markdown()
    # An item shown before and changed elsewhere since is read again when next shown.
    press(qtbot, pane.editor, window, ActionId.NEXT_ITEM)
    press(qtbot, window.editor, window, ActionId.PREVIOUS_ITEM)
    ops.update_item(store, second, private_notes="Item two, from elsewhere")
    window.reload()
    press(qtbot, window.editor, window, ActionId.NEXT_ITEM)
    assert pane.markdown() == "Item two, from elsewhere\n"


def test_the_box_follows_the_dark_palette(qtbot, window, pane):
    from pcc_minutes.ui.notes.private_notes import DARK, LIGHT

    assert LIGHT[0] in pane.styleSheet()
    window.action(ActionId.DARK_MODE).setChecked(True)
    try:
        qtbot.waitUntil(lambda: DARK[0] in pane.styleSheet(), timeout=2000)
    finally:
        window.action(ActionId.DARK_MODE).setChecked(False)
    qtbot.waitUntil(lambda: LIGHT[0] in pane.styleSheet(), timeout=2000)


def test_edit_undo_from_the_private_notes_takes_back_their_typing_only(qtbot, window, pane):
    qtbot.keyClicks(window.editor, "Public words")
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    undo = window.action(ActionId.UNDO)
    assert undo.text() == "&Undo"  # nothing typed here yet: the notes' typing is not offered
    qtbot.keyClicks(pane.editor, "Private words")
    assert undo.text() == "&Undo Typing"
    undo.trigger()  # Edit ▸ Undo from the menu
    assert pane.markdown() == "" and window.editor.markdown() == "Public words\n"


def test_switching_meetings_shows_each_meetings_private_notes(
    qtbot, window, pane, store, meeting_id
):
    other = ops.create_from_template(store, builtin_templates()[0], date(2026, 4, 9)).value
    ops.update_item(store, ops.load_meeting(store, other).items[0].id, private_notes="April aside")
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "March aside")
    window.open_meeting(other)
    assert pane.markdown() == "April aside\n" and not pane.editor.isReadOnly()
    window.open_meeting(meeting_id)
    assert pane.markdown() == "March aside\n"  # written before the switch, read back
    assert stored(store, meeting_id, 1).private_notes == "March aside\n"


def test_private_notes_typed_as_the_meeting_is_approved_elsewhere_are_never_dropped(
    qtbot, window, pane, store, db_path, meeting_id
):
    from PySide6.QtWidgets import QWidget

    from tests.gui.test_outside_changes import answer_close_prompt, approve_elsewhere

    qtbot.waitUntil(lambda: getattr(window, "watch", None) is not None, timeout=5000)
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    qtbot.keyClicks(pane.editor, "Saved before. ")
    pane.saver.wait()
    approve_elsewhere(db_path, meeting_id)
    qtbot.keyClicks(pane.editor, "Typed after the approval")  # before the window noticed
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert pane.editor.isReadOnly() and "Typed after the approval" in pane.markdown()
    assert window.findChild(QWidget, "unsaved-bar").isVisible()  # copy, or reopen
    said = answer_close_prompt("copy")
    window.close()
    assert said, "closing dropped the private notes typed after the approval without asking"
    copied = QApplication.clipboard().text()
    assert "(private notes)" in copied and "Typed after the approval" in copied
    assert "Typed after" not in stored(store, meeting_id, 1).private_notes


def test_reopening_as_a_draft_saves_the_refused_private_notes(
    qtbot, window, pane, store, db_path, meeting_id
):
    from PySide6.QtWidgets import QWidget

    from tests.gui.test_outside_changes import approve_elsewhere

    qtbot.waitUntil(lambda: getattr(window, "watch", None) is not None, timeout=5000)
    press(qtbot, window.editor, window, ActionId.PRIVATE_NOTES)
    approve_elsewhere(db_path, meeting_id)
    qtbot.keyClicks(pane.editor, "Late aside")
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    window.findChild(QWidget, "unsaved-bar").reopen_button.click()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    pane.saver.wait()
    assert stored(store, meeting_id, 1).private_notes == "Late aside\n"
    assert not pane.editor.isReadOnly()


def test_the_box_never_widens_the_notes_column(window, pane):
    # Its heading and hint wrap: the box asks for less than either line's width.
    widest = max(
        pane.heading.fontMetrics().horizontalAdvance(pane.heading.text()),
        pane.hint.fontMetrics().horizontalAdvance(pane.hint.text()),
    )
    assert pane.minimumSizeHint().width() < widest


def test_the_box_takes_fewer_lines_on_a_short_screen():
    from pcc_minutes.ui.notes.private_notes import LINES_SHOWN, lines_for

    assert lines_for(1040) == LINES_SHOWN == 5
    assert lines_for(700) == 3
    assert lines_for(540) == 2  # 1920x1080 at 200%
