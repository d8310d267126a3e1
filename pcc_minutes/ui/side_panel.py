"""The right-hand panel: the FIGURES and then the ACTIONS of the current agenda item.

The panel shows a ``Meeting`` (plain frozen data, never ORM objects). Every change it
makes is one editing operation; afterwards it reads the meeting again, redraws itself and
emits ``changed`` so the window can refresh the rest. A refused operation (a locked meeting,
an action that is gone) emits ``error`` with the one sentence the ``PccError`` carries.

Besides the stored figures it shows *suggestions*: figures detected in the item's notes
(``text.figures.detect_figures``) that are not stored yet. The window calls
``update_suggestions`` on every edit; detection runs only once typing has paused for
``SUGGESTION_DELAY_MS`` (a single-shot timer restarted by each call), and then on a worker
thread, so typing never waits for it. Only the newest result is shown.

Keyboard (the panel is usable without a mouse; Tab moves from figures to actions):

- Up/Down move through the rows of a list.
- Enter on a suggestion stores it as a figure; Ctrl+Shift+Enter in the window stores the
  first suggestion wherever the focus is (``accept_first_suggestion``).
- Space toggles an action between done and open (its checkbox).
- Delete removes the selected figure or action at once, without asking: in a live meeting a
  confirmation costs more than re-adding the rare figure deleted by mistake. Delete on a
  suggestion dismisses it for this item until the panel shows another item.
- The context menu (right click or the Menu key) offers the same commands.

A suggestion counts as already stored when a stored figure of the same unit has the same
label (ignoring case) or the same values; that is how an accepted suggestion leaves the list.
In read-only mode (``set_read_only(True)``, or any approved or published meeting) nothing
can be added, accepted, toggled or removed and no suggestions are shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.changes import Outcome
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.records import (
    AgendaItem,
    Figure,
    FigurePoint,
    Meeting,
    same_figure,
)
from pcc_minutes.store.database import Store
from pcc_minutes.ui import relay
from pcc_minutes.ui.decision_edit import DecisionCommands
from pcc_minutes.ui.record_lines import action_summary, figure_summary, figure_values
from pcc_minutes.ui.session import Session
from pcc_minutes.ui.stored_figures import StoredFigureCommands
from pcc_minutes.ui.suggestion_work import _detect, start_detection

log = logging.getLogger(__name__)

# What a row stands for: ("metric", id), ("suggestion", index), ("action", id) or None.
KEY_ROLE = Qt.ItemDataRole.UserRole

if TYPE_CHECKING:  # detection loads on first use, after start-up
    from pcc_minutes.text.figures import ProposedFigure


def _points(figure: ProposedFigure) -> tuple[FigurePoint, ...]:
    return tuple(
        FigurePoint(p.period or "", p.value, p.approx, p.high, p.bound) for p in figure.points
    )


def _is_stored(figure: ProposedFigure, stored: tuple[Figure, ...]) -> bool:
    proposal = figure.as_figure()
    return any(same_figure(proposal, each) for each in stored)


class _RowList(QListWidget):
    """A list that reports Enter and Delete, which plain list widgets leave unused."""

    enter_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SidePanel(StoredFigureCommands, DecisionCommands, QWidget):
    """FIGURES (stored, then suggested) and ACTIONS of one agenda item."""

    changed = Signal()
    error = Signal(str)

    SUGGESTION_DELAY_MS = 600
    # Only the figures nearest the end of the notes, where the meeting has got to: a
    # 20,000-word item can hold hundreds, and drawing them all would stall the typing.
    MOST_SUGGESTIONS = 20

    def __init__(self, store: Store | Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = Session.of(store)
        self.store = self.session.store
        self._view: Meeting | None = None
        self._item_id: int | None = None
        self._read_only = False
        self._rendering = False
        self._markdown: str | Callable[[], str] | None = None
        self._generation = 0  # bumped by each detection asked for; older results are dropped
        self._applied = 0  # the generation whose result is shown
        self._detected: list[ProposedFigure] = []
        self._suggestions: list[ProposedFigure] = []
        self._dismissed: set[tuple[str, str]] = set()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SUGGESTION_DELAY_MS)
        self._timer.timeout.connect(self._detect_in_background)
        relay.prepare()  # on the GUI thread, before a worker hands it a result
        self._trend_dialog = None  # built on first use (ui.indicators)

        self.setAccessibleName("Figures and actions")
        self.setAccessibleDescription("The figures and actions recorded for the current item.")
        self.figures_heading = self._heading("FIGURES")
        self.figures_list = _RowList()
        self.figures_list.setAccessibleName("Figures")
        self.actions_heading = self._heading("ACTIONS")
        self.actions_list = _RowList()
        self.actions_list.setAccessibleName("Actions")
        self.decisions_heading = self._heading("DECISIONS")
        self.decisions_list = _RowList()
        self.decisions_list.setAccessibleName("Decisions")
        for heading, rows in (
            (self.figures_heading, self.figures_list),
            (self.actions_heading, self.actions_list),
            (self.decisions_heading, self.decisions_list),
        ):
            heading.setBuddy(rows)
            rows.setWordWrap(True)
            rows.setUniformItemSizes(False)
            rows.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
            rows.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            rows.delete_pressed.connect(partial(self._remove_current, rows))
            rows.customContextMenuRequested.connect(partial(self._context_menu, rows))
        self.figures_list.enter_pressed.connect(self._accept_current)
        self.figures_list.itemDoubleClicked.connect(lambda _row: self._accept_current())
        # "last: 800, September 2025" for indicators the notes mention (live hints)
        self.hints_label = QLabel()
        self.hints_label.setWordWrap(True)
        self.hints_label.setAccessibleName("Earlier values of figures mentioned")
        hint_font = QFont(self.hints_label.font())
        hint_font.setItalic(True)  # earlier meetings' values, not this item's figures
        self.hints_label.setFont(hint_font)
        self.hints_label.hide()
        self.actions_list.itemChanged.connect(self._action_check_changed)
        self._connect_decision_editing()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.figures_heading)
        layout.addWidget(self.hints_label)
        layout.addWidget(self.figures_list, 1)
        layout.addWidget(self.actions_heading)
        layout.addWidget(self.actions_list, 1)
        layout.addWidget(self.decisions_heading)
        layout.addWidget(self.decisions_list, 1)
        QWidget.setTabOrder(self.figures_list, self.actions_list)
        QWidget.setTabOrder(self.actions_list, self.decisions_list)
        self._render()

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setAccessibleName(text.capitalize())
        return label

    # --- what the window calls ----------------------------------------------------------

    def show_item(self, view: Meeting, item_id: int | None) -> None:
        """Show the stored figures and actions of ``item_id`` (none when it is None)."""
        if item_id != self._item_id or (self._view is not None and view.id != self._view.id):
            # Suggestions belong to one item's notes: a pending detection is for the old one.
            self._timer.stop()
            self._generation += 1  # a detection still running is for the old item
            self._markdown = None
            self._detected = []
            self._dismissed = set()
            self._take_hints([], self._generation)
        self._view = view
        self._item_id = item_id if item_id is not None and view.item(item_id) else None
        self._render()

    def update_suggestions(self, markdown: str | Callable[[], str]) -> None:
        """The current item's notes changed: detect figures once typing pauses. ``markdown``
        is the notes, or a snapshot that makes them (``NotesEditor.snapshot``) on the worker."""
        self._markdown = markdown
        self._generation += 1
        self._timer.start()  # restarting the timer is the debounce

    def accept_first_suggestion(self) -> bool:
        """Store the first suggested figure; False when there is none or it was refused."""
        if self.read_only:
            self.error.emit(self._locked_sentence())
            return False
        if self._timer.isActive() or self._applied != self._generation:
            # Typed a figure and pressed the shortcut at once: detect now, not in 600 ms.
            self._timer.stop()
            self._detect_now()
        if not self._suggestions:
            return False
        return self._accept(self._suggestions[0])

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._render()

    @property
    def read_only(self) -> bool:
        return self._read_only or (self._view is not None and self._view.locked)

    @property
    def suggestions(self) -> tuple[ProposedFigure, ...]:
        """The suggestions shown now, in the order of the list."""
        return tuple(self._suggestions)

    @property
    def item_id(self) -> int | None:
        return self._item_id

    # --- detection ----------------------------------------------------------------------

    def _detect_now(self) -> None:
        """Detect at once, on this thread (the user asked for the first suggestion)."""
        if self._markdown is None or self._item_id is None:
            return
        self._generation += 1
        self._applied = self._generation
        found = _detect(self._markdown)
        if found is not None:
            self._detected = found
            self._render_figures()

    def _detect_in_background(self) -> None:
        if self._markdown is None or self._item_id is None:
            return
        meeting_id = self._view.id if self._view is not None else None
        start_detection(self, self.store, meeting_id, self._markdown, self._generation)

    def _take_hints(self, hints: list, generation: int) -> None:
        if generation != self._generation:
            return
        lines = [f"{hint.indicator.label} — {hint.text}" for hint in hints]
        self.hints_label.setText("\n".join(lines))
        self.hints_label.setToolTip(self.hints_label.text())
        self.hints_label.setVisible(bool(lines))

    def _take_detected(self, found: list[ProposedFigure], generation: int) -> None:
        if generation != self._generation or self._item_id is None:
            return  # typed on, or moved to another item, since: a newer detection follows
        self._applied = generation
        self._detected = found
        self._render_figures()

    # --- drawing ------------------------------------------------------------------------

    def _item(self) -> AgendaItem | None:
        if self._view is None or self._item_id is None:
            return None
        return self._view.item(self._item_id)

    def _render(self) -> None:
        self._render_figures()
        self._render_actions()
        self._render_decisions()

    def _refill(self, rows: QListWidget, fill: Callable[[], None]) -> None:
        """Rebuild a list keeping the selected row (by what it stands for, else by place)."""
        current = rows.currentItem()
        key = current.data(KEY_ROLE) if current is not None else None
        row = rows.currentRow()
        self._rendering = True
        try:
            rows.clear()
            fill()
        finally:
            self._rendering = False
        if row < 0:
            return
        selectable = [
            i for i in range(rows.count()) if rows.item(i).flags() & Qt.ItemFlag.ItemIsSelectable
        ]
        same = [i for i in selectable if rows.item(i).data(KEY_ROLE) == key]
        nearest = [i for i in selectable if i >= row] or selectable[-1:]
        chosen = same or nearest
        if chosen:
            rows.setCurrentRow(chosen[0])

    def _placeholder(self, rows: QListWidget, text: str) -> None:
        row = QListWidgetItem(text)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        rows.addItem(row)

    def _render_figures(self) -> None:
        item = self._item()
        metrics = item.figures if item is not None else ()
        self._suggestions = []
        if item is not None and not self.read_only:
            self._suggestions = [
                figure
                for figure in self._detected
                if not _is_stored(figure, metrics)
                and (figure.label, figure.unit) not in self._dismissed
            ][-self.MOST_SUGGESTIONS :]

        def fill() -> None:
            for metric in metrics:
                line = figure_summary(metric.label, metric.unit, metric.points, metric.target)
                row = QListWidgetItem(line)
                row.setData(KEY_ROLE, ("metric", metric.id))
                row.setToolTip(line)
                row.setData(Qt.ItemDataRole.AccessibleTextRole, f"Figure: {line}")
                self.figures_list.addItem(row)
            italic = QFont(self.figures_list.font())
            italic.setItalic(True)
            for index, figure in enumerate(self._suggestions):
                points = _points(figure)
                line = f"suggested: {figure.label} {figure_values(figure.unit, points)}"
                row = QListWidgetItem(line + "  ⏎")
                row.setFont(italic)
                row.setData(KEY_ROLE, ("suggestion", index))
                row.setToolTip(
                    figure_summary(figure.label, figure.unit, points, figure.target)
                    + f"\nFrom: {figure.text}\nEnter stores it; Delete dismisses it."
                )
                row.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"Suggested figure, not stored yet: {figure.label} "
                    f"{figure_values(figure.unit, points)}",
                )
                self.figures_list.addItem(row)
            if not metrics and not self._suggestions:
                self._placeholder(
                    self.figures_list,
                    "No item selected" if item is None else "No figures yet",
                )

        self._refill(self.figures_list, fill)
        how = (
            "Read only."
            if self.read_only
            else "Enter stores a suggested figure; Delete removes the selected figure."
        )
        self.figures_list.setAccessibleDescription(
            f"{len(metrics)} stored, {len(self._suggestions)} suggested. {how}"
        )

    def _render_actions(self) -> None:
        item = self._item()
        actions = item.actions if item is not None else ()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable

        def fill() -> None:
            for action in actions:
                line = action_summary(action)
                row = QListWidgetItem(line)
                row.setFlags(flags)
                done = action.status == "done"
                row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
                row.setData(KEY_ROLE, ("action", action.id))
                row.setToolTip(line)
                row.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"Action, {action.status}: {line}",
                )
                self.actions_list.addItem(row)
            if not actions:
                self._placeholder(
                    self.actions_list, "No item selected" if item is None else "No actions yet"
                )

        self._refill(self.actions_list, fill)
        how = (
            "Read only."
            if self.read_only
            else "Space marks the selected action done or open; Delete removes it."
        )
        self.actions_list.setAccessibleDescription(f"{len(actions)} actions. {how}")

    def _render_decisions(self) -> None:
        item = self._item()
        decisions = item.decisions if item is not None else ()

        def fill() -> None:
            for decision in decisions:
                row = QListWidgetItem(decision.text)
                row.setFlags(self.decision_flags())
                row.setData(KEY_ROLE, ("decision", decision.id))
                row.setToolTip(decision.text)
                row.setData(Qt.ItemDataRole.AccessibleTextRole, f"Decision: {decision.text}")
                self.decisions_list.addItem(row)
            if not decisions:
                self._placeholder(
                    self.decisions_list, "No item selected" if item is None else "No decisions yet"
                )

        self._refill(self.decisions_list, fill)
        how = (
            "Read only."
            if self.read_only
            else "Enter edits the selected decision; Delete removes it."
        )
        self.decisions_list.setAccessibleDescription(f"{len(decisions)} decisions. {how}")

    # --- operations ---------------------------------------------------------------------

    def _locked_sentence(self) -> str:
        if self._view is not None and self._view.locked:
            return (
                f"This meeting is {self._view.status} and locked against edits; "
                "set it back to draft to change its figures or actions."
            )
        return "The figures and actions are read-only here."

    def _run(self, operation: Callable[[], Outcome]) -> bool:
        """One editing operation, then a fresh view; a refusal becomes one ``error`` sentence."""
        try:
            self.session.record(operation(), self._view.id if self._view else None)
        except PccError as problem:
            self.error.emit(str(problem))
            self._reload()  # the refusal may mean our view is stale (locked elsewhere)
            return False
        self._reload()
        self.changed.emit()
        return True

    def _reload(self) -> None:
        if self._view is not None:
            try:
                self._view = ops.load_meeting(self.store, self._view.id)
            except PccError as problem:
                self.error.emit(str(problem))
        self._render()

    def _accept(self, figure: ProposedFigure) -> bool:
        item_id = self._item_id
        if item_id is None:
            return False
        return self._run(
            lambda: ops.add_metric(
                self.store,
                item_id,
                figure.label,
                figure.unit,
                list(_points(figure)),
                figure.target,
                source_text=figure.text,
            )
        )

    def _current_key(self, rows: QListWidget) -> tuple[str, int] | None:
        current = rows.currentItem()
        return current.data(KEY_ROLE) if current is not None else None

    def _accept_current(self) -> None:
        key = self._current_key(self.figures_list)
        if key is not None and key[0] == "metric":
            self.open_trend(key[1])
            return
        if key is None or key[0] != "suggestion":
            return
        if self.read_only:
            self.error.emit(self._locked_sentence())
            return
        self._accept(self._suggestions[key[1]])

    def _remove_current(self, rows: QListWidget) -> None:
        key = self._current_key(rows)
        if key is None:
            return
        kind, ident = key
        if kind == "suggestion":
            figure = self._suggestions[ident]
            self._dismissed.add((figure.label, figure.unit))
            self._render_figures()
            return
        if self.read_only:
            self.error.emit(self._locked_sentence())
            return
        if kind == "metric":
            self._run(lambda: ops.remove_figure(self.store, ident))
        elif kind == "action":
            self._run(lambda: ops.remove_action(self.store, ident))
        elif kind == "decision":
            self._run(lambda: ops.remove_decision(self.store, ident))

    def _action_check_changed(self, row: QListWidgetItem) -> None:
        if self._rendering:
            return
        key = row.data(KEY_ROLE)
        if not key or key[0] != "action":
            return
        status = "done" if row.checkState() == Qt.CheckState.Checked else "open"
        # The list is still inside its own setData call here; rebuilding it (as the store
        # refresh does) must wait until that call has returned.
        QTimer.singleShot(0, self, partial(self._set_action_status, key[1], status))

    def _set_action_status(self, action_id: int, status: str) -> None:
        if self.read_only:
            self.error.emit(self._locked_sentence())
            self._render_actions()
            return
        self._run(lambda: ops.set_action_status(self.store, action_id, status))

    def toggle_current_action(self) -> None:
        """Mark the selected action done, or open again (Space does the same)."""
        current = self.actions_list.currentItem()
        if current is None or not current.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            if current is not None and self.read_only:
                self.error.emit(self._locked_sentence())
            return
        checked = current.checkState() == Qt.CheckState.Checked
        current.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    # --- context menu -------------------------------------------------------------------

    def _context_menu(self, rows: QListWidget, where: QPoint) -> None:
        key = self._current_key(rows)
        menu = QMenu(self)
        menu.setAccessibleName("Figure and action commands")
        if key is not None and key[0] == "suggestion":
            store_it = QAction("Store this figure\tEnter", menu)
            store_it.setEnabled(not self.read_only)
            store_it.triggered.connect(self._accept_current)
            menu.addAction(store_it)
            dismiss = QAction("Dismiss suggestion\tDel", menu)
            dismiss.triggered.connect(partial(self._remove_current, rows))
            menu.addAction(dismiss)
        elif key is not None:
            if key[0] == "action":
                toggle = QAction("Mark done / open\tSpace", menu)
                toggle.setEnabled(not self.read_only)
                toggle.triggered.connect(self.toggle_current_action)
                menu.addAction(toggle)
            if key[0] == "decision":
                edit = QAction("Edit\tEnter", menu)
                edit.setEnabled(not self.read_only)
                edit.triggered.connect(self.edit_current_decision)
                menu.addAction(edit)
            if key[0] == "metric":
                trend = QAction("Trend…\tEnter", menu)
                trend.triggered.connect(partial(self.open_trend, key[1]))
                menu.addAction(trend)
                edit = QAction("Edit…", menu)
                edit.setEnabled(not self.read_only)
                edit.triggered.connect(partial(self.edit_figure, key[1]))
                menu.addAction(edit)
            remove = QAction("Remove\tDel", menu)
            remove.setEnabled(not self.read_only)
            remove.triggered.connect(partial(self._remove_current, rows))
            menu.addAction(remove)
        if menu.actions():
            menu.exec(rows.viewport().mapToGlobal(where))
