"""The window's view commands: the minutes preview, focus mode, the dark palette, the
meetings filter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
)

from pcc_minutes import operations as ops
from pcc_minutes.ui.actions import ActionId


class ViewCommands:
    """Views, mixed into ``MainWindow``."""

    # --- views ---------------------------------------------------------------------------

    def toggle_preview(self) -> None:
        showing = self.actions_by_id[ActionId.PREVIEW].isChecked()
        if showing:
            self.saver.flush()
            self._render_preview()
            self.pages.setCurrentWidget(self.preview)
        else:
            self.pages.setCurrentWidget(self.editor)
            self.editor.setFocus()

    def _render_preview(self) -> None:
        if self.view is None:
            return
        self.saver.wait(2.0)
        self.live_writer.wait(2.0)
        from pcc_minutes.documents.layout import layout
        from pcc_minutes.documents.markdown import to_markdown

        doc = ops.minutes_document(self.store, self.view.id)
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setMarkdown(to_markdown(layout(doc)))
        self.preview.verticalScrollBar().setValue(scroll)

    def toggle_focus_mode(self) -> None:
        on = self.actions_by_id[ActionId.FOCUS_MODE].isChecked()
        self.agenda.setVisible(not on)
        self.side.setVisible(not on)
        self.meetings_dock.setVisible(not on and not self.live)
        self.header.setVisible(not on)
        self.editor.set_text_scale(1.35 if on else 1.0)
        self.focus_notes()

    def toggle_dark(self) -> None:
        from pcc_minutes.ui.theme import apply_palette

        dark = self.actions_by_id[ActionId.DARK_MODE].isChecked()
        apply_palette(QApplication.instance(), dark)
        self.settings.setValue("view/dark", dark)

    def _filter_meetings(self) -> None:
        self.meetings_dock.show()
        self.meetings.focus_filter()
