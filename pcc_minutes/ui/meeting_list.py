"""The meetings browser: every meeting grouped by series, newest first, filtered as you type.

One ``list_meetings`` query fills a small item model (cheap enough to run after every change,
as the window does); a proxy narrows it to the meetings whose title, series, date or status
contain every word typed. Choosing a meeting emits ``meeting_chosen`` with its id.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from pcc_minutes import operations as ops
from pcc_minutes.core.records import MeetingSummary
from pcc_minutes.store.database import Store
from pcc_minutes.ui.header import status_text

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def meeting_label(summary: MeetingSummary, series: str) -> str:
    """ "14 Aug 2025 · Draft"; the title is added when it is not the series' own name."""
    when = f"{summary.date.day} {summary.date:%b %Y}" if summary.date else "Undated"
    parts = [when]
    if summary.title and summary.title != series:
        parts.append(summary.title)
    parts.append(status_text(summary.status))
    return " · ".join(parts)


def _date_words(value: date | None) -> str:
    # Every way a user might type the date: "14 August 2025", "14 Aug", "2025-08-14", "14/08".
    if value is None:
        return "undated"
    return (
        f"{value.day} {value:%B %Y} {value.day} {value:%b %Y} {value.isoformat()} {value:%d/%m/%Y}"
    )


class _MeetingFilter(QSortFilterProxyModel):
    """Keeps the rows whose search text holds every typed word (any order, any case); a
    series is kept when it matches or any of its meetings does, and a matching series keeps
    all its meetings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_words(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+: the non-deprecated way
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = str(index.data(SEARCH_ROLE) or "").casefold()
        return all(word in haystack for word in self._words)


class _MeetingTree(QTreeView):
    """Up from the first row goes back to the filter box, so the pair works as one control."""

    def __init__(self, owner: MeetingList):
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        first = self.model().index(0, 0)
        if event.key() == Qt.Key.Key_Up and self.currentIndex() == first:
            self._owner.focus_filter()
            event.accept()
            return
        super().keyPressEvent(event)


class _FilterEdit(QLineEdit):
    """Down or Enter moves into the list; Esc clears the filter."""

    def __init__(self, owner: MeetingList):
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._owner.focus_list(choose=key != Qt.Key.Key_Down)
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class MeetingList(QWidget):
    """Series as parent rows, their meetings newest first beneath them."""

    meeting_chosen = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._quiet = False
        self._chosen_id: int | None = None

        self.filter_edit = _FilterEdit(self)
        self.filter_edit.setPlaceholderText("Filter meetings")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter meetings")
        self.filter_edit.setAccessibleDescription(
            "Type words from a meeting's title, series or date; Down moves into the list."
        )

        self.source = QStandardItemModel(self)
        self.proxy = _MeetingFilter(self)
        self.proxy.setSourceModel(self.source)
        self.tree = _MeetingTree(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Meetings")
        self.tree.setAccessibleDescription(
            "Meetings grouped by series, newest first. Enter opens the selected meeting."
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)

    # --- contents ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the meetings again (one query), keeping the filter and the selection."""
        keep = self.current_meeting_id()
        summaries = ops.list_meetings(self.store)
        self._quiet = True
        try:
            self.source.clear()
            groups: dict[str, QStandardItem] = {}
            counts: dict[str, int] = {}
            for summary in summaries:  # newest first, so series come most recent first
                series = summary.series or summary.title
                group = groups.get(series)
                if group is None:
                    group = groups[series] = QStandardItem(series)
                    group.setData(series, SEARCH_ROLE)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.source.appendRow(group)
                counts[series] = counts.get(series, 0) + 1
                row = QStandardItem(meeting_label(summary, series))
                row.setData(summary.id, MEETING_ID_ROLE)
                row.setData(
                    f"{summary.title} {series} {_date_words(summary.date)} "
                    f"{status_text(summary.status)}",
                    SEARCH_ROLE,
                )
                row.setToolTip(f"{summary.title}\n{status_text(summary.status)}")
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                group.appendRow(row)
            for series, group in groups.items():
                count = counts[series]
                group.setData(
                    f"{series}, series of {count} meeting{'s' if count != 1 else ''}",
                    Qt.ItemDataRole.AccessibleTextRole,
                )
            self.tree.expandAll()
            if keep is not None:
                self._select(keep)
        finally:
            self._quiet = False

    def refresh(self, meeting_ids: frozenset[int] | set[int]) -> None:
        """Some meetings were added, removed, renamed, re-dated or changed status."""
        self.reload()

    def select_meeting(self, meeting_id: int) -> None:
        """Highlight ``meeting_id`` (the window opened it); no ``meeting_chosen`` comes back."""
        if self.current_meeting_id() == meeting_id:
            self._chosen_id = meeting_id
            return
        self._quiet = True
        try:
            if not self._select(meeting_id) and self.filter_edit.text():
                # Hidden by the filter: the open meeting must be visible in the list.
                self.filter_edit.clear()
                self._select(meeting_id)
        finally:
            self._quiet = False
        self._chosen_id = meeting_id

    def current_meeting_id(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(MEETING_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def meeting_rows(self) -> list[int]:
        """The ids of the meetings the filter lets through, top to bottom."""
        ids = []
        for group_row in range(self.proxy.rowCount()):
            group = self.proxy.index(group_row, 0)
            for row in range(self.proxy.rowCount(group)):
                ids.append(int(self.proxy.index(row, 0, group).data(MEETING_ID_ROLE)))
        return ids

    def count(self) -> int:
        """How many meetings the list shows (after the filter)."""
        return len(self.meeting_rows())

    def _source_index(self, meeting_id: int) -> QModelIndex:
        for group_row in range(self.source.rowCount()):
            group = self.source.item(group_row)
            for row in range(group.rowCount()):
                if group.child(row).data(MEETING_ID_ROLE) == meeting_id:
                    return group.child(row).index()
        return QModelIndex()

    def _select(self, meeting_id: int) -> bool:
        index = self.proxy.mapFromSource(self._source_index(meeting_id))
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.tree.scrollTo(index)
        return True

    # --- the user's choices --------------------------------------------------------------

    def focus_filter(self) -> None:
        """Put the cursor in the filter box with its text selected (the window's Ctrl+F)."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def focus_list(self, *, choose: bool = False) -> None:
        """Move into the list at the first meeting shown; ``choose`` opens it too."""
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.current_meeting_id() not in self.meeting_rows():
            rows = self.meeting_rows()
            if rows:
                self._select(rows[0])  # announced: the selection moved to a meeting
        if choose and self.current_meeting_id() is not None:
            self._announce(self.current_meeting_id(), force=True)

    def _filter_changed(self, text: str) -> None:
        # Quiet: when the selected meeting is filtered out Qt moves the selection, and typing
        # in the filter must not open whatever meeting it lands on.
        self._quiet = True
        try:
            self.proxy.set_words(text)
            self.tree.expandAll()
        finally:
            self._quiet = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        value = current.data(MEETING_ID_ROLE)
        if value is not None:
            self._announce(int(value))

    def _activated(self, index: QModelIndex) -> None:
        value = index.data(MEETING_ID_ROLE)
        if value is None:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        self._announce(int(value), force=True)

    def _announce(self, meeting_id: int | None, *, force: bool = False) -> None:
        if meeting_id is None or (meeting_id == self._chosen_id and not force):
            return
        self._chosen_id = meeting_id
        self.meeting_chosen.emit(meeting_id)
