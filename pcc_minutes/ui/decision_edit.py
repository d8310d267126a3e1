"""The side panel's commands on the item's decisions: editing one's words in place.

Enter, F2 or a double-click on a decision edits it in its row; Enter stores the words
through ``ops.update_decision`` (one step on the meeting's undo stack, "Edit decision"), Esc
leaves them as they were. In a locked meeting the panel says so instead of editing.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListWidgetItem

from pcc_minutes import operations as ops

_KEY_ROLE = Qt.ItemDataRole.UserRole  # the side panel's KEY_ROLE: ("decision", id)


class DecisionCommands:
    """Mixed into ``SidePanel``, whose ``decisions_list``, ``_item``, ``_run``,
    ``_rendering``, ``read_only``, ``_locked_sentence`` and ``error`` these use."""

    def _connect_decision_editing(self) -> None:
        rows = self.decisions_list
        rows.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2; Enter below
        rows.enter_pressed.connect(self.edit_current_decision)
        rows.itemDoubleClicked.connect(lambda _row: self.edit_current_decision())
        rows.itemChanged.connect(self._decision_changed)

    def decision_flags(self) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsEditable

    def edit_current_decision(self) -> None:
        """Edit the selected decision's words in its row (or say why not)."""
        row = self.decisions_list.currentItem()
        key = row.data(_KEY_ROLE) if row is not None else None
        if (
            not key
            or key[0] != "decision"
            or self.decisions_list.state() == (QAbstractItemView.State.EditingState)
        ):
            return
        if self.read_only:
            self.error.emit(self._locked_sentence())
            return
        self.decisions_list.editItem(row)

    def _decision_changed(self, row: QListWidgetItem) -> None:
        if self._rendering:
            return
        key = row.data(_KEY_ROLE)
        item = self._item()
        if not key or key[0] != "decision" or item is None:
            return
        stored = next((d for d in item.decisions if d.id == key[1]), None)
        text = row.text().strip()
        if stored is None or text == stored.text:
            return
        # The list is inside its own setData call here: store (and redraw) once it returns.
        QTimer.singleShot(0, self, partial(self._store_decision, key[1], text))

    def _store_decision(self, decision_id: int, text: str) -> None:
        if self.read_only:
            self.error.emit(self._locked_sentence())
            self._render_decisions()
            return
        # A refusal (no words left) is said in one sentence and the row shows the stored words.
        self._run(lambda: ops.update_decision(self.store, decision_id, text))
