"""The window's view commands: the minutes preview, focus mode, the dark palette, the
meetings filter."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
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
        self.private_notes.saver.wait(2.0)  # the preview is the full draft: they are in it
        self.live_writer.wait(2.0)
        from pcc_minutes.documents.layout import layout
        from pcc_minutes.documents.markdown import to_markdown

        # As the export is set (its dialog remembers the choices): the preview is the file.
        settings = self.settings
        doc = ops.minutes_document(
            self.store,
            self.view.id,
            timings=settings.value("export/timings", False, type=bool),
            trends=settings.value("export/trends", False, type=bool),
            figures=settings.value("export/figures", False, type=bool),
        )
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

    # --- search across meetings ----------------------------------------------------------

    @property
    def search_pane(self):
        """The search pane above the notes (made the first time it is wanted)."""
        pane = getattr(self, "_search_pane", None)
        if pane is None:
            from pcc_minutes.ui.search_pane import SearchPane

            pane = self._search_pane = SearchPane(self.store)
            pane.hide()
            pane.opened.connect(self.open_search_hit)
            pane.closed.connect(self.focus_notes)
            self._column.insertWidget(0, pane)  # above the meeting: it is about all of them
        return pane

    def open_search(self) -> None:
        self.search_pane.open()

    def open_search_hit(self, hit) -> None:
        """Open the hit's meeting and item with what matched selected (``select_hit``)."""
        from pcc_minutes.ui.search_pane import select_hit

        self.saver.flush()
        self.open_meeting(hit.meeting_id)
        if self.view is None or self.view.id != hit.meeting_id:
            return  # could not be opened; the error was shown
        if hit.item_id is not None and self.view.item(hit.item_id) is not None:
            self.show_item(hit.item_id)
        self.search_pane.hide()
        select_hit(self, hit)

    # --- matters arising -----------------------------------------------------------------

    def _show_carried(self, item) -> None:
        """The item's carried actions above its notes; the view is made for the first item
        that carries any."""
        pane = getattr(self, "_matters_arising", None)
        if pane is None:
            if item is None or not item.carried:
                return
            from pcc_minutes.ui.matters_arising import MattersArising

            pane = self._matters_arising = MattersArising()
            pane.update.connect(self.update_carried_action)
            self._column.insertWidget(self._column.indexOf(self.pages), pane)
        pane.show_item(item)

    # --- registers -----------------------------------------------------------------------

    def open_register(self, kind: str) -> None:
        """View ▸ Decision Register… / Action Log…: the open meeting's series (made on first
        use, read again each time it is opened). Its edits share the window's undo stack,
        and Edit ▸ Undo / Redo work from it."""
        from pcc_minutes.ui import registers

        views = self.__dict__.setdefault("_registers", {})
        series = (self.view.series or None) if self.view is not None else None
        view = views.get(kind)
        if view is None:
            view = views[kind] = registers.open_view(self.session, kind, series, self)
            view.open_at.connect(self.open_meeting_item)
            view.addActions([self.action(ActionId.UNDO), self.action(ActionId.REDO)])
        view.set_loader(registers.loader(self.store, kind, series))  # the meeting open now
        view.show()
        view.raise_()
        view.activateWindow()
        view.reload()

    def open_meeting_item(self, meeting_id: int, position: int) -> None:
        self.open_meeting(meeting_id)
        if self.view is None or self.view.id != meeting_id:
            return
        for item in self.view.items:
            if item.position == position:
                self.show_item(item.id)
                break
        self.activateWindow()
        self.focus_notes()

    def update_carried_action(self, action_id: int, note: str, status: str) -> None:
        """Record a carried action's update and status in the open meeting (undoable)."""
        if self.view is None or self.editing_locked:
            return
        meeting_id = self.view.id
        try:
            self.session.record(
                ops.update_action(self.store, action_id, note, status, meeting_id=meeting_id)
            )
        except PccError as exc:
            self.show_error(str(exc))
            return
        if self.view is not None and self.item_id is not None:
            self._show_carried(self.view.item(self.item_id))
