"""Search across every meeting: a query line and its results, above the notes.

Results come as the minute-taker types, after a short pause; the query runs on a worker
thread through ``ops.search`` and only the newest query's results are shown (an older one
that finishes late is dropped). Each result shows its snippet with the matched words in
bold, as the index matched them (stems and accents: "licence" finds "Licences", "cafe"
"Café"). Up/Down move through the results, Enter opens the meeting and item with what
matched selected (``select_hit``), Esc goes back to the notes. Made the first time it is
wanted, never at start-up.
"""

from __future__ import annotations

import html
import threading
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import PccError
from pcc_minutes.core.tracking import SearchHit
from pcc_minutes.store.database import Store
from pcc_minutes.ui import relay
from pcc_minutes.ui.accessible import name_clear_button

PAUSE_MS = 250
LIMIT = 50
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

KIND_WORDS = {
    "meeting": "Meeting",
    "notes": "Notes",
    "action": "Action",
    "decision": "Decision",
    "figure": "Figure",
    "attendee": "Attendee",
}

Search = Callable[[Store, str, int], list[SearchHit]]


def _default_search(store: Store, query: str, limit: int) -> list[SearchHit]:
    return ops.search(store, query, limit)


def marked_html(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    """The snippet as rich text, each marked range in bold."""
    parts: list[str] = []
    at = 0
    for start, end in sorted(marks):
        start, end = max(start, at), min(end, len(snippet))
        if start >= end:
            continue
        parts.append(html.escape(snippet[at:start]))
        parts.append(f"<b>{html.escape(snippet[start:end])}</b>")
        at = end
    parts.append(html.escape(snippet[at:]))
    return "".join(parts)


def where(hit: SearchHit) -> str:
    """'14 Aug 2025 · Parish Council · item 4, Finance' for a result's second line."""
    day = hit.date.strftime("%-d %b %Y") if hit.date else "No date"
    bits = [day, hit.title]
    if hit.item is not None:
        bits.append(f"item {hit.item}" + (f", {hit.item_title}" if hit.item_title else ""))
    return " · ".join(bit for bit in bits if bit)


def hit_html(hit: SearchHit) -> str:
    kind = "Action update" if hit.carried else KIND_WORDS.get(hit.kind, hit.kind.capitalize())
    return (
        f"<div>{marked_html(hit.snippet, hit.marks)}</div>"
        f"<div><small>{html.escape(kind)} — {html.escape(where(hit))}</small></div>"
    )


# -- finding the match again where the user is taken -------------------------------------


def _folded(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """The letters and digits of ``text[start:end]``, case and accents folded, with the
    index in ``text`` each came from: "Café **licences**" reads "cafelicences". What the
    index matched is found again whatever markup, line breaks or accents stand between."""
    letters: list[str] = []
    where: list[int] = []
    stop = len(text) if end is None else end
    for at in range(start, stop):
        char = text[at]
        if char.isascii():
            if char.isalnum():
                letters.append(char.lower())
                where.append(at)
            continue
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if part.isalnum():
                letters.append(part)
                where.append(at)
    return "".join(letters), where


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def locate(text: str, hit: SearchHit) -> tuple[int, int] | None:
    """Where in ``text`` (an item's notes as the editor holds them) the hit's first match
    is: the occurrence of the matched words whose surroundings read most like the snippet's
    (the snippet is the index's plain text: no Markdown, line breaks as spaces). None when
    the words are not there (the notes changed since)."""
    if not hit.marks:
        return None
    start, end = hit.marks[0]
    wanted, _ = _folded(hit.snippet, start, end)
    if not wanted:
        return None
    before, _ = _folded(hit.snippet, 0, start)
    after, _ = _folded(hit.snippet, end)
    letters, where = _folded(text)
    best: tuple[int, int] | None = None
    best_score = -1
    at = letters.find(wanted)
    while at >= 0:
        stop = at + len(wanted)
        score = _common_suffix(letters[max(0, at - 80) : at], before[-80:]) + _common_prefix(
            letters[stop : stop + 80], after[:80]
        )
        if score > best_score:
            best, best_score = (where[at], where[stop - 1] + 1), score
        at = letters.find(wanted, at + 1)
    return best


def qt_position(text: str, index: int) -> int:
    """A position in a Python string as Qt counts it (UTF-16 units)."""
    return len(text[:index].encode("utf-16-le")) // 2


ROW_KEYS = {"figure": "metric", "action": "action", "decision": "decision"}


def select_row(rows: QListWidget, role: int, key: object) -> bool:
    """Make the row whose ``role`` data is ``key`` current, with the keyboard on it."""
    for row in range(rows.count()):
        if rows.item(row).data(role) == key:
            rows.setCurrentRow(row)
            rows.scrollToItem(rows.item(row))
            rows.setFocus()
            return True
    return False


def select_hit(window, hit: SearchHit) -> None:
    """With the hit's meeting and item open in ``window``: select what matched. An action,
    decision or figure is selected in the side panel, an update said of a carried action in
    the matters-arising list; the notes' match is selected in the editor where its snippet
    came from; a meeting's or an attendee's hit leaves the keyboard in the notes."""
    from pcc_minutes.ui.side_panel import KEY_ROLE

    if hit.carried:
        from pcc_minutes.ui.matters_arising import ACTION_ROLE

        pane = getattr(window, "_matters_arising", None)
        if pane is not None and pane.isVisible() and select_row(pane.rows, ACTION_ROLE, hit.row_id):
            return
    elif hit.kind in ROW_KEYS and hit.row_id is not None:
        rows = {
            "figure": window.side.figures_list,
            "action": window.side.actions_list,
            "decision": window.side.decisions_list,
        }[hit.kind]
        if select_row(rows, KEY_ROLE, (ROW_KEYS[hit.kind], hit.row_id)):
            return
    window.focus_notes()
    if hit.kind != "notes":
        return
    editor = window.editor
    text = editor.document().toPlainText()
    found = locate(text, hit)
    if found is None:
        return
    cursor = QTextCursor(editor.document())
    cursor.setPosition(qt_position(text, found[0]))
    cursor.setPosition(qt_position(text, found[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()


class _HitDelegate(QStyledItemDelegate):
    """Draws a result's rich text (the match in bold) in the view's own colours."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(option.rect.width() - 8, 100))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        width = option.widget.viewport().width() if option.widget else 400
        option.rect.setWidth(width)
        document = self._document(option, index)
        return QSize(width, int(document.size().height()) + 4)


class SearchPane(QWidget):
    """The search line and its results. ``opened(hit)`` when the user picks one; ``closed``
    on Esc."""

    opened = Signal(object)  # SearchHit
    closed = Signal()

    def __init__(self, store: Store, search: Search | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._search = search or _default_search
        self._generation = 0
        self.setObjectName("search_pane")
        self.line = QLineEdit()
        self.line.setPlaceholderText('Search all meetings: words, "a phrase", -not, from:2025-01')
        self.line.setAccessibleName("Search all meetings")
        self.line.setClearButtonEnabled(True)
        name_clear_button(self.line, "Clear search")
        self.message = QLabel()
        self.message.setAccessibleName("Search status")
        self.message.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the line keeps the keyboard
        self.results.itemActivated.connect(lambda _row: self.open_current())
        self.results.itemDoubleClicked.connect(lambda _row: self.open_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        heading = QLabel("<b>SEARCH ALL MEETINGS</b>  <small>Esc returns to the notes</small>")
        heading.setBuddy(self.line)
        layout.addWidget(heading)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.run_query)
        self.line.textChanged.connect(lambda _text: self._timer.start())
        self.line.installEventFilter(self)
        relay.prepare()  # on the GUI thread, before a search's worker hands back its hits
        self.setMinimumHeight(self.fontMetrics().height() * 14)

    # --- showing -------------------------------------------------------------------------

    def open(self) -> None:
        self.show()
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()

    def close_pane(self) -> None:
        self._timer.stop()
        self._generation += 1  # whatever is still running is no longer wanted
        self.hide()
        self.closed.emit()

    @property
    def hits(self) -> list[SearchHit]:
        return [self.results.item(row).data(HIT_ROLE) for row in range(self.results.count())]

    # --- querying ------------------------------------------------------------------------

    def run_query(self) -> None:
        """Search for the line's text now, on a worker thread; the newest query wins."""
        self._timer.stop()
        self._generation += 1
        generation, query = self._generation, self.line.text().strip()
        if not query:
            self._show([], "")
            return
        self.message.setText("Searching…")
        store, search, pane, take = self.store, self._search, self, self._take

        def work() -> None:
            try:
                result: object = search(store, query, LIMIT)
            except PccError as exc:
                result = str(exc)
            except Exception as exc:  # never leave the pane waiting
                result = f"The search could not be run (unexpected {type(exc).__name__})."
            relay.hand_to(pane, take, result, generation)  # nobody, if the pane is gone

        threading.Thread(target=work, name="search", daemon=True).start()

    def _take(self, result: object, generation: int) -> None:
        if generation != self._generation:
            return  # an older query finished late: a newer one's results follow
        if isinstance(result, str):
            self._show([], result)
            return
        hits = list(result)  # type: ignore[call-overload]
        if not hits:
            self._show([], "Nothing matches; try fewer or shorter words.")
        else:
            many = "result" if len(hits) == 1 else "results"
            more = f" (the first {LIMIT})" if len(hits) >= LIMIT else ""
            self._show(hits, f"{len(hits)} {many}{more}. Up/Down to choose, Enter to open.")

    def _show(self, hits: list[SearchHit], message: str) -> None:
        self.results.clear()
        for hit in hits:
            row = QListWidgetItem(f"{hit.snippet}\n{where(hit)}")
            row.setData(HTML_ROLE, hit_html(hit))
            row.setData(HIT_ROLE, hit)
            row.setToolTip(where(hit))
            self.results.addItem(row)
        if hits:
            self.results.setCurrentRow(0)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.results.setAccessibleDescription(message)

    # --- keys ----------------------------------------------------------------------------

    def open_current(self) -> None:
        row = self.results.currentItem()
        if row is None:
            if self._timer.isActive():  # Enter before the pause ended: search first
                self.run_query()
            return
        self.opened.emit(row.data(HIT_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            count = self.results.count()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), count - 1)
                self.results.setCurrentRow(row)
                self.results.scrollToItem(self.results.item(row))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_pane()
                return True
        return super().eventFilter(watched, event)
