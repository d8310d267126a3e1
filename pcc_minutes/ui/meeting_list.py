"""The meetings browser: every meeting grouped by series, newest first, filtered as you type.

Built to stay instant with ten years of archive (10,000 meetings and more):
- the list is one flat model — a bold heading row per series with its meetings under it —
  shown by a ``QListView`` with uniform rows, and handed to the view a page at a time
  (``fetchMore`` as the user scrolls), so a reset costs the same at 10 or 10,000 meetings;
- filtering narrows the previous matches while the user types on, each word one pass over
  precomputed lower-case search texts, then one model reset (no per-row proxy calls);
- the first screen comes from a small query before the window paints; the whole list is read
  on a worker thread afterwards and swapped in, keeping the selection;
- a change to one meeting (renamed, re-dated, approved) updates its row in place; only a
  meeting added or removed reads the list again, off the UI thread.
Choosing a meeting emits ``meeting_chosen`` with its id.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.records import MeetingSummary
from pcc_minutes.core.status import status_text
from pcc_minutes.store.database import Store
from pcc_minutes.ui import relay
from pcc_minutes.ui.accessible import name_clear_button

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
FIRST_SCREEN = 80  # meetings read before the first paint; the rest follow on a worker


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


@dataclass
class _Entry:
    """One meeting as the list shows it, with what the filter searches."""

    summary: MeetingSummary
    series: str
    label: str
    haystack: str


def _entry(summary: MeetingSummary) -> _Entry:
    series = summary.series or summary.title
    status = status_text(summary.status)
    haystack = f"{summary.title} {series} {_date_words(summary.date)} {status}".casefold()
    return _Entry(summary, series, meeting_label(summary, series), haystack)


def _entries(summaries: list[MeetingSummary]) -> list[_Entry]:
    return [_entry(s) for s in summaries]


class MeetingListModel(QAbstractListModel):
    """Rows are series headings (``_rows`` holds -1 - series number) and meetings (an index
    into ``_entries``); the filter keeps a series when it or any of its meetings matches.
    Only the first ``_shown`` rows are given to the view; ``fetchMore`` hands it more."""

    PAGE = 200

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: list[_Entry] = []
        self._hay: list[str] = []  # the entries' search texts, in the same order
        self._entry_of_id: dict[int, int] = {}
        self._series: list[tuple[str, list[int]]] = []  # name, entry indexes newest first
        self._series_of: list[int] = []  # entry index -> series number
        self._series_hay: list[str] = []
        self._rows: list[int] = []
        self._shown = 0
        self._words: list[str] = []
        self._matches: list[int] | None = None  # entries matching ``_words`` (None: all)

    # --- contents ------------------------------------------------------------------------

    def set_entries(self, entries: list[_Entry]) -> None:
        self._entries = entries
        self._hay = [entry.haystack for entry in entries]
        self._entry_of_id = {entry.summary.id: n for n, entry in enumerate(entries)}
        groups: dict[str, list[int]] = {}
        for number, entry in enumerate(entries):  # newest first: series most recent first
            groups.setdefault(entry.series, []).append(number)
        self._series = list(groups.items())
        self._series_of = [0] * len(entries)
        for series_number, (_name, members) in enumerate(self._series):
            for member in members:
                self._series_of[member] = series_number
        self._series_hay = [name.casefold() for name, _ in self._series]
        self._matches = self._match(self._words, None)
        self._rebuild()

    def set_words(self, text: str) -> bool:
        words = text.casefold().split()
        if words == self._words:
            return False
        # Typing on only narrows: search the last matches, not the whole archive.
        narrowing = len(words) >= len(self._words) and all(
            new.find(old) >= 0 for old, new in zip(self._words, words, strict=False)
        )
        self._matches = self._match(words, self._matches if narrowing else None)
        self._words = words
        self._rebuild()
        return True

    def _match(self, words: list[str], within: list[int] | None) -> list[int] | None:
        if not words:
            return None
        hay = self._hay
        found = list(range(len(hay))) if within is None else within
        for word in words:
            found = [n for n in found if word in hay[n]]
        return found

    def _rebuild(self) -> None:
        words, rows = self._words, []
        if self._matches is None:
            for number, (_name, members) in enumerate(self._series):
                rows.append(-1 - number)
                rows.extend(members)
        else:
            # A series whose own name matches keeps all its meetings.
            whole = {n for n, hay in enumerate(self._series_hay) if all(w in hay for w in words)}
            shown: dict[int, list[int]] = {n: self._series[n][1] for n in whole}
            for entry in self._matches:
                series = self._series_of[entry]
                if series not in whole:
                    shown.setdefault(series, []).append(entry)
            for number in sorted(shown):
                rows.append(-1 - number)
                rows.extend(shown[number])
        self.beginResetModel()
        self._rows = rows
        self._shown = min(len(rows), self.PAGE)
        self.endResetModel()

    def update_entry(self, summary: MeetingSummary) -> bool:
        """Put a changed meeting's new label in place; False when its place in the list
        changes (another date or series) and the list must be read again."""
        number = self._entry_of_id.get(summary.id)
        if number is None:
            return False
        entry, fresh = self._entries[number], _entry(summary)
        if fresh.series != entry.series or summary.date != entry.summary.date:
            return False
        self._entries[number] = fresh
        self._hay[number] = fresh.haystack
        row = self.row_of(summary.id, fetch=False)
        if row is not None and row < self._shown:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
        return True

    # --- handing rows to the view a page at a time ---------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if parent.isValid():
            return
        self._show_up_to(self._shown + self.PAGE)

    def _show_up_to(self, count: int) -> None:
        count = min(count, len(self._rows))
        if count <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, count - 1)
        self._shown = count
        self.endInsertRows()

    # --- lookups -------------------------------------------------------------------------

    def meeting_ids(self) -> list[int]:
        entries = self._entries
        return [entries[r].summary.id for r in self._rows if r >= 0]

    def row_of(self, meeting_id: int, *, fetch: bool = True) -> int | None:
        """The row showing ``meeting_id`` (None when filtered out); ``fetch`` hands the view
        the rows up to it, so that it can be selected."""
        number = self._entry_of_id.get(meeting_id)
        if number is None:
            return None
        try:
            row = self._rows.index(number)
        except ValueError:
            return None
        if fetch and row >= self._shown:
            self._show_up_to(row + self.PAGE)
        return row

    def knows(self, meeting_id: int) -> bool:
        return meeting_id in self._entry_of_id

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row] < 0

    # --- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= self._shown:
            return None
        code = self._rows[index.row()]
        if code < 0:
            name, members = self._series[-1 - code]
            if role == Qt.ItemDataRole.DisplayRole:
                return name
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.AccessibleTextRole:
                count = len(members)
                return f"{name}, series of {count} meeting{'s' if count != 1 else ''}"
            if role == SEARCH_ROLE:
                return name
            return None
        entry = self._entries[code]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label
        if role == MEETING_ID_ROLE:
            return entry.summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.summary.title}\n{status_text(entry.summary.status)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.series}: {entry.label}"
        if role == SEARCH_ROLE:
            return entry.haystack
        return None


class _IndentMeetings(QStyledItemDelegate):
    """Meetings sit indented under their series' heading, as in a tree."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(MEETING_ID_ROLE) is not None:
            option = QStyleOptionViewItem(option)
            indent = option.fontMetrics.horizontalAdvance("M") * 2
            option.rect = QRect(option.rect.adjusted(indent, 0, 0, 0))
        super().paint(painter, option, index)


class _MeetingView(QListView):
    """Up from the first row goes back to the filter box, so the pair works as one control."""

    def __init__(self, owner: MeetingList):
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() == 0:
            self._owner.focus_filter()
            event.accept()
            return
        super().keyPressEvent(event)


class _FilterEdit(QLineEdit):
    """Down or Enter moves into the list; Esc clears the filter."""

    def __init__(self, owner: MeetingList):
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
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
    """Series headings, their meetings newest first beneath them."""

    meeting_chosen = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._quiet = False
        self._chosen_id: int | None = None
        self._generation = 0
        self._complete = True  # every meeting is in the model

        self.filter_edit = _FilterEdit(self)
        self.filter_edit.setPlaceholderText("Filter meetings")
        self.filter_edit.setClearButtonEnabled(True)
        name_clear_button(self.filter_edit, "Clear filter")
        self.filter_edit.setAccessibleName("Filter meetings")
        self.filter_edit.setAccessibleDescription(
            "Type words from a meeting's title, series or date; Down moves into the list."
        )

        self.model = MeetingListModel(self)
        self.tree = _MeetingView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformItemSizes(True)
        self.tree.setItemDelegate(_IndentMeetings(self.tree))
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
        relay.prepare()  # on the GUI thread, before the worker hands back the meetings

    # --- contents ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every meeting now (one query), keeping the filter and the selection."""
        self._generation += 1
        self._complete = True
        self._show_entries(_entries(ops.list_meetings(self.store)))

    def load_in_background(self, first_screen: int = FIRST_SCREEN, *, rest: bool = True) -> None:
        """Show the newest ``first_screen`` meetings now, and read the rest on a worker
        (later, with ``load_rest``, when ``rest`` is False: start-up does that after the
        first paint, so that the worker does not compete with it)."""
        self._generation += 1
        first = None
        if not self.store.is_ready:  # start-up: read without waiting for SQLAlchemy
            from pcc_minutes.store import peek

            first = peek.first_summaries(self.store.path, first_screen)
        if first is None:
            first = ops.list_meetings(self.store, limit=first_screen)
        self._show_entries(_entries(first))
        self._complete = len(self.model.meeting_ids()) < first_screen  # that was all of them
        if rest:
            self.load_rest()

    def load_rest(self) -> None:
        """Read every meeting on a worker and show them when read (nothing when the first
        screen held them all)."""
        if self._complete:
            return
        generation, store, view, take = self._generation, self.store, self, self._take_loaded

        def work() -> None:
            try:
                entries = _entries(ops.list_meetings(store))
            except Exception:  # noqa: BLE001 - the first screen stays; the next change retries
                return
            relay.hand_to(view, take, entries, generation)  # nobody, if the list is gone

        threading.Thread(target=work, name="meeting-list", daemon=True).start()

    def _take_loaded(self, entries: list[_Entry], generation: int) -> None:
        if generation == self._generation:  # not overtaken by a newer read
            self._complete = True
            self._show_entries(entries)

    def _show_entries(self, entries: list[_Entry]) -> None:
        keep = self._chosen_id if self._chosen_id is not None else self.current_meeting_id()
        self._quiet = True
        try:
            self.model.set_entries(entries)
            if keep is not None:
                self._select(keep)
        finally:
            self._quiet = False

    def refresh(self, meeting_ids: frozenset[int] | set[int]) -> None:
        """Some meetings were added, removed, renamed, re-dated or changed status: rows that
        only read differently change in place; anything else reads the list again."""
        for meeting_id in meeting_ids:
            summary = ops.meeting_summary(self.store, meeting_id)
            if summary is None or not self.model.update_entry(summary):
                self.load_in_background(first_screen=len(self.model.meeting_ids()) + 1)
                return

    def select_meeting(self, meeting_id: int) -> None:
        """Highlight ``meeting_id`` (the window opened it); no ``meeting_chosen`` comes back."""
        self._chosen_id = meeting_id
        if self.current_meeting_id() == meeting_id:
            return
        self._quiet = True
        try:
            if not self._select(meeting_id) and self.filter_edit.text():
                # Hidden by the filter: the open meeting must be visible in the list.
                self.filter_edit.clear()
                self._select(meeting_id)
        finally:
            self._quiet = False

    def current_meeting_id(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(MEETING_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def meeting_rows(self) -> list[int]:
        """The ids of the meetings the filter lets through, top to bottom."""
        return self.model.meeting_ids()

    def count(self) -> int:
        """How many meetings the list shows (after the filter)."""
        return len(self.model.meeting_ids())

    def _select(self, meeting_id: int) -> bool:
        row = self.model.row_of(meeting_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.tree.setCurrentIndex(index)
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
        rows = self.model.meeting_ids()
        if self.current_meeting_id() not in rows and rows:
            self._select(rows[0])  # announced: the selection moved to a meeting
        if choose and self.current_meeting_id() is not None:
            self._announce(self.current_meeting_id(), force=True)

    def _filter_changed(self, text: str) -> None:
        # Quiet: the model is reset, and typing in the filter must not open whatever meeting
        # the selection lands on.
        self._quiet = True
        try:
            if self.model.set_words(text) and self._chosen_id is not None:
                self._select(self._chosen_id)
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
        if value is not None:
            self._announce(int(value), force=True)

    def _announce(self, meeting_id: int | None, *, force: bool = False) -> None:
        if meeting_id is None or (meeting_id == self._chosen_id and not force):
            return
        self._chosen_id = meeting_id
        self.meeting_chosen.emit(meeting_id)
