"""The side panel's commands on a stored figure: its trend across meetings, and editing it.

Both windows they open (``ui.indicators``) are imported on first use, after start-up.
"""

from __future__ import annotations

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import Figure


class StoredFigureCommands:
    """Mixed into ``SidePanel``, whose ``_item``, ``_run``, ``store``, ``error`` and
    ``_trend_dialog`` these use."""

    def _stored_figure(self, figure_id: int) -> Figure | None:
        item = self._item()
        return next((f for f in item.figures if f.id == figure_id), None) if item else None

    def open_trend(self, figure_id: int) -> None:
        """The trend of the indicator a stored figure reports, in a window of its own."""
        figure = self._stored_figure(figure_id)
        if figure is None:
            return
        if figure.indicator_id is None:
            self.error.emit(
                f"“{figure.label}” is not followed across meetings; link it to an indicator "
                "from View ▸ Indicators… first."
            )
            return
        try:
            trend = ops.indicator_trend(self.store, figure.indicator_id)
        except PccError as problem:
            self.error.emit(str(problem))
            return
        from pcc_minutes.ui.indicators.trend_view import TrendDialog

        if self._trend_dialog is not None:
            self._trend_dialog.close()
        self._trend_dialog = TrendDialog(trend, self.window())
        self._trend_dialog.show()
        self._trend_dialog.activateWindow()  # its keys: the points, Esc
        self._trend_dialog.view.chart.setFocus()

    def edit_figure(self, figure_id: int, *, dialog_hook=None) -> bool:
        """Edit a stored figure through a form; stored with ``ops.update_figure`` (undoable).
        ``dialog_hook`` lets tests fill the form instead of a user."""
        figure = self._stored_figure(figure_id)
        if figure is None:
            return False
        if self.read_only:
            self.error.emit(self._locked_sentence())
            return False
        from pcc_minutes.ui.indicators.figure_edit import FigureEditDialog

        dialog = FigureEditDialog(figure, self.window())
        accepted = (
            dialog_hook(dialog) if dialog_hook else dialog.exec() == dialog.DialogCode.Accepted
        )
        if not accepted:
            return False
        try:
            edited = dialog.figure()
        except PccError as problem:
            self.error.emit(str(problem))
            return False
        return self._run(lambda: ops.update_figure(self.store, figure_id, edited))
