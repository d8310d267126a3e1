"""The window's workflows, driven from the keyboard as a minute-taker would (offscreen)."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.ui.actions import ACTIONS, ActionId


@pytest.fixture
def meeting_id(store) -> int:
    return ops.create_from_template(store, builtin_templates()[0], date(2026, 3, 12)).value


def press(qtbot, window, action_id: ActionId) -> None:
    """Press the command's own shortcut in the notes, as the user would."""
    sequence = window.action(action_id).shortcut()
    assert not sequence.isEmpty(), action_id
    combo = sequence[0]
    qtbot.keyClick(window.editor, combo.key(), combo.keyboardModifiers())


def notes_in_store(store, meeting_id: int, position: int) -> str:
    return ops.load_meeting(store, meeting_id).items[position - 1].notes


def test_every_command_has_a_menu_entry_and_a_shortcut(window):
    menu_actions = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    for spec in ACTIONS:
        action = window.action(spec.id)
        assert action in menu_actions, spec.id
        if spec.id is not ActionId.ABOUT:
            assert not action.shortcut().isEmpty(), spec.id


def test_typing_bullets_with_indentation_is_saved_without_pressing_save(
    qtbot, window, store, meeting_id
):
    editor = window.editor
    assert editor.hasFocus() or window.focusWidget() is editor
    qtbot.keyClicks(editor, "Opening remarks")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "- First point")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "Detail under it")
    window.saver.wait()
    saved = notes_in_store(store, meeting_id, 1)
    assert saved == "Opening remarks\n\n- First point\n  - Detail under it\n"
    assert window.saved_label.text().startswith(("Saved", "Saving"))


def test_live_mode_moves_between_items_and_records_their_times(qtbot, window, store, meeting_id):
    press(qtbot, window, ActionId.LIVE)
    assert window.live and window.live_bar.isVisible()
    press(qtbot, window, ActionId.NEXT_ITEM)
    press(qtbot, window, ActionId.NEXT_ITEM)
    press(qtbot, window, ActionId.PREVIOUS_ITEM)
    shown = window.view  # the window shows the times at once; the worker writes them
    window.live_writer.wait()
    view = ops.load_meeting(store, meeting_id)
    assert [(i.actual_start, i.actual_end) for i in view.items] == [
        (i.actual_start, i.actual_end) for i in shown.items
    ]
    first, second, third = view.items[:3]
    assert first.actual_start and first.actual_end
    assert second.actual_start and second.actual_end is None  # back on item 2: it runs
    assert third.actual_start and third.actual_end
    assert window.item_id == second.id and window.editor.hasFocus()
    assert window.live_bar.item_label.text().startswith("Item 2 of")
    qtbot.keyClicks(window.editor, "Typed in item two")
    window.saver.wait()
    assert "Typed in item two" in notes_in_store(store, meeting_id, 2)


def test_an_action_is_captured_by_keyboard(qtbot, window, store, meeting_id):
    qtbot.keyClicks(window.editor, "The Chief Constable to report back on overtime costs.")
    press(qtbot, window, ActionId.NEW_ACTION)
    form = window.quick_action
    assert form.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    actions = ops.load_meeting(store, meeting_id).items[0].actions
    assert len(actions) == 1 and "overtime costs" in actions[0].text
    assert window.editor.hasFocus()


def test_a_figure_is_captured_by_keyboard_and_esc_loses_nothing(qtbot, window, store, meeting_id):
    qtbot.keyClicks(window.editor, "Answered calls rose from 81% to 88% this quarter.")
    press(qtbot, window, ActionId.NEW_FIGURE)
    assert window.quick_figure.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.quick_figure.isVisible() and window.editor.hasFocus()
    assert ops.load_meeting(store, meeting_id).items[0].figures == ()
    press(qtbot, window, ActionId.NEW_FIGURE)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.quick_figure.isVisible())
    metrics = ops.load_meeting(store, meeting_id).items[0].figures
    assert len(metrics) == 1 and [p.value for p in metrics[0].points] == [81, 88]


def test_a_suggested_figure_is_accepted_with_one_key(qtbot, window, store, meeting_id):
    qtbot.keyClicks(window.editor, "Crime recording accuracy rose from 80% to 92%.")
    qtbot.waitUntil(lambda: window.side.accept_first_suggestion is not None, timeout=3000)
    qtbot.wait(1500)  # the suggestions are found after a pause in the typing
    press(qtbot, window, ActionId.ACCEPT_FIGURE)
    metrics = ops.load_meeting(store, meeting_id).items[0].figures
    assert len(metrics) == 1 and metrics[0].unit == "%"


def test_export_from_the_window_writes_a_word_file(qtbot, window, tmp_path, meeting_id):
    qtbot.keyClicks(window.editor, "Notes to export")
    target = tmp_path / "out.docx"
    window.export("docx", path=target, public=False)
    qtbot.waitUntil(target.exists, timeout=15000)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Notes to export" in text


def test_an_approved_meeting_is_read_only_with_a_banner(qtbot, window, store, meeting_id):
    window.change_status("for-approval", by="Minute Taker")
    window.change_status("approved", by="Dana Whitfield")
    assert window.banner.isVisible() and "Dana Whitfield" in window.banner.text()
    assert window.editor.isReadOnly()
    before = notes_in_store(store, meeting_id, 1)
    qtbot.keyClicks(window.editor, "should not appear")
    window.saver.wait()
    assert notes_in_store(store, meeting_id, 1) == before
    assert not window.action(ActionId.NEW_ACTION).isEnabled()
    window.change_status("draft", by="Minute Taker")
    assert not window.editor.isReadOnly() and not window.banner.isVisible()


def test_approving_during_live_mode_ends_the_running_item_first(qtbot, window, store, meeting_id):
    press(qtbot, window, ActionId.LIVE)
    assert window.live
    press(qtbot, window, ActionId.NEXT_ITEM)
    window.change_status("for-approval", by="Minute Taker")
    window.change_status("approved", by="Dana Whitfield")
    assert not window.live and window.view.locked
    meeting = ops.load_meeting(store, meeting_id)
    entered = [item for item in meeting.items if item.actual_start is not None]
    assert len(entered) == 2 and all(item.actual_end is not None for item in entered)


def test_the_preview_shows_the_minutes_as_exported(qtbot, window, meeting_id):
    qtbot.keyClicks(window.editor, "Preview me")
    press(qtbot, window, ActionId.PREVIEW)
    assert window.pages.currentWidget() is window.preview
    assert "Preview me" in window.preview.toPlainText()
    assert "Item 1:" in window.preview.toPlainText()


def test_a_first_start_offers_the_demo(qtbot, tmp_path):
    from pcc_minutes.store.database import open_store
    from pcc_minutes.ui.window import MainWindow

    empty = open_store(tmp_path / "empty.sqlite3")
    win = MainWindow(empty)
    qtbot.addWidget(win)
    win.show()
    win.start()
    assert win.stack.currentWidget() is win.empty
    qtbot.mouseClick(win.demo_button, Qt.MouseButton.LeftButton)
    assert win.view is not None and win.stack.currentWidget() is win.splitter
    win.saver.close()
    empty.close()


def test_spelling_is_switched_on_after_start_up(qtbot, window):
    from pcc_minutes.ui.notes.spelling import available

    if not available().ok:
        pytest.skip(available().reason)
    qtbot.waitUntil(lambda: window.editor.spell_checker is not None, timeout=5000)
    assert window.editor.spell_checker.is_misspelt("recieve")


def test_the_dark_palette_and_the_window_layout_are_remembered(qtbot, window, store):
    from PySide6.QtCore import QSettings

    window.action(ActionId.DARK_MODE).setChecked(True)
    dark = QApplication.instance().palette().window().color().lightness()
    assert dark < 80
    window.close()
    assert QSettings().value("view/dark", type=bool) is True
    assert QSettings().value("window/geometry") is not None
    window.action(ActionId.DARK_MODE).setChecked(False)


def test_a_file_found_damaged_after_the_first_paint_closes_the_window_untouched(
    qtbot, tmp_path, monkeypatch
):
    """The window opens the store after its first paint; when the read of every page then
    finds damage, it says so in one sentence and closes, and the file is left as it was."""
    from PySide6.QtWidgets import QMessageBox

    from pcc_minutes.operations.demo import create_demo
    from pcc_minutes.store.database import open_store
    from pcc_minutes.ui.window import MainWindow

    path = tmp_path / "minutes.sqlite3"
    store = open_store(path)
    create_demo(store)
    store.close()
    data = bytearray(path.read_bytes())
    data[-4096 * 3 : -4096 * 3 + 300] = b"\xff" * 300  # scribble over a page near the end
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _parent, _title, text: said.append(text))
    )
    deferred = open_store(path, defer=True)
    win = MainWindow(deferred)
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "damaged" in said[0] and said[0].count(".") <= 3
    qtbot.waitUntil(lambda: not win.isVisible())
    win.live_writer.close()
    deferred.close()
    assert path.read_bytes() == before


def test_the_preview_follows_the_exports_trends_choice(qtbot, window, store, meeting_id):
    from PySide6.QtCore import QSettings

    from pcc_minutes.core.records import Figure, FigurePoint

    first = ops.load_meeting(store, meeting_id).items[1]
    renewals = "Outstanding firearms licence renewals"
    ops.add_figure(store, first.id, Figure(renewals, "count", (FigurePoint("March 2026", 800),)))
    later = ops.create_from_last(store, meeting_id, date(2026, 4, 9)).value
    item = next(i for i in ops.load_meeting(store, later).items if i.title == first.title)
    ops.add_figure(store, item.id, Figure(renewals, "count", (FigurePoint("April 2026", 650),)))
    QSettings().setValue("export/trends", False)  # settings outlive a test in one process
    window.open_meeting(later)
    press(qtbot, window, ActionId.PREVIEW)
    assert "Trend:" not in window.preview.toPlainText()
    press(qtbot, window, ActionId.PREVIEW)
    QSettings().setValue("export/trends", True)  # as the export dialog leaves it
    press(qtbot, window, ActionId.PREVIEW)
    assert f"Trend: {renewals}" in window.preview.toPlainText()


def test_the_preview_follows_the_exports_figure_tables_choice(qtbot, window, store, meeting_id):
    from PySide6.QtCore import QSettings

    from pcc_minutes.core.records import Figure, FigurePoint

    QSettings().setValue("export/figures", False)  # whatever an earlier test left
    item = ops.load_meeting(store, meeting_id).items[1]
    label = "Calls answered in ten seconds"
    ops.add_figure(store, item.id, Figure(label, "%", (FigurePoint("March 2026", 91),)))
    window.open_meeting(meeting_id)
    press(qtbot, window, ActionId.PREVIEW)
    assert label not in window.preview.toPlainText()  # the notes give figures in prose
    press(qtbot, window, ActionId.PREVIEW)
    QSettings().setValue("export/figures", True)  # as the export dialog leaves it
    press(qtbot, window, ActionId.PREVIEW)
    shown = window.preview.toPlainText()
    assert label in shown and "Unit" in shown


def test_the_figure_form_from_the_notes_reads_the_whole_bullet(qtbot, window):
    qtbot.keyClicks(
        window.editor, "Over 150 farms now use the marking kits. The target is 300 farms."
    )
    cursor = window.editor.textCursor()
    cursor.setPosition(3)  # in the first sentence
    window.editor.setTextCursor(cursor)
    press(qtbot, window, ActionId.NEW_FIGURE)
    form = window.quick_figure
    assert form.isVisible()
    assert (form.label_edit.text(), form.values_edit.text(), form.target_edit.text()) == (
        "Farms",
        "over 150",
        "300",
    )
