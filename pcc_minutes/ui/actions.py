"""One registry of the window's commands: id, text, shortcut, menu and toolbar place.

Menus, the toolbar and shortcuts are all built from ``ACTIONS``; standard key sequences are
used where Qt has one. A user's own binding for a command is stored in QSettings under
``shortcuts/<id>`` and wins over the default, so every command can be rebound.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from pcc_minutes.ui.accessible import name_menus, name_toolbar_overflow

Key = QKeySequence.StandardKey


class ActionId(enum.StrEnum):
    NEW_MEETING = "new_meeting"
    SAVE_TEMPLATE = "save_template"
    IMPORT = "import"
    EXPORT_WORD = "export_word"
    EXPORT_PDF = "export_pdf"
    EXPORT_AGENDA = "export_agenda"
    EXPORT_ACTION_LOG = "export_action_log"
    BACKUP = "backup"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    REPLACE = "replace"
    BOLD = "bold"
    ITALIC = "italic"
    SUB_HEADING = "sub_heading"
    INDENT = "indent"
    OUTDENT = "outdent"
    FILTER_MEETINGS = "filter_meetings"
    SEARCH = "search"
    LIVE = "live"
    NEXT_ITEM = "next_item"
    PREVIOUS_ITEM = "previous_item"
    NEW_ACTION = "new_action"
    NEW_FIGURE = "new_figure"
    NEW_DECISION = "new_decision"
    ACCEPT_FIGURE = "accept_figure"
    ADD_ITEM = "add_item"
    REMOVE_ITEM = "remove_item"
    EDIT_ITEM = "edit_item"
    MOVE_ITEM_UP = "move_item_up"
    MOVE_ITEM_DOWN = "move_item_down"
    ATTENDANCE = "attendance"
    REGENERATE_OPENING = "regenerate_opening"
    FOCUS_MODE = "focus_mode"
    PREVIEW = "preview"
    DARK_MODE = "dark_mode"
    INDICATORS = "indicators"
    FOCUS_NOTES = "focus_notes"
    PRIVATE_NOTES = "private_notes"
    DECISION_REGISTER = "decision_register"
    ACTION_LOG = "action_log"
    SEND_FOR_APPROVAL = "send_for_approval"
    APPROVE = "approve"
    PUBLISH = "publish"
    REOPEN = "reopen"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    text: str
    menu: str
    keys: Key | str | None = None
    tip: str = ""
    toolbar: bool = False
    checkable: bool = False
    separator_before: bool = False
    # Bound only while the notes have the focus: Tab must still move focus elsewhere.
    notes_only: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        ActionId.NEW_MEETING,
        "&New Meeting…",
        "&File",
        Key.New,
        "Set up a meeting from a template or the last one in a series",
        toolbar=True,
    ),
    ActionSpec(
        ActionId.SAVE_TEMPLATE,
        "Save Agenda as &Template…",
        "&File",
        "Ctrl+Shift+T",
        "Save this meeting's agenda and attendees as a template file to share",
    ),
    ActionSpec(
        ActionId.IMPORT,
        "&Import Minutes…",
        "&File",
        "Ctrl+Shift+I",
        "Import past minutes from Word or text files",
        separator_before=True,
    ),
    ActionSpec(
        ActionId.EXPORT_WORD,
        "Export &Word…",
        "&File",
        "Ctrl+Shift+W",
        "Export the minutes as a Word document",
        toolbar=True,
    ),
    ActionSpec(
        ActionId.EXPORT_PDF,
        "Export &PDF…",
        "&File",
        "Ctrl+Shift+P",
        "Export the minutes as a tagged, accessible PDF",
        toolbar=True,
    ),
    ActionSpec(
        ActionId.EXPORT_AGENDA,
        "Export &Agenda…",
        "&File",
        "Ctrl+Shift+G",
        "Export the agenda alone, to publish before the meeting",
    ),
    ActionSpec(
        ActionId.EXPORT_ACTION_LOG,
        "Export Action &Log…",
        "&File",
        "Ctrl+Shift+L",
        "Export the series' action log as Word, PDF or Markdown",
    ),
    ActionSpec(
        ActionId.BACKUP,
        "&Back Up Database…",
        "&File",
        "Ctrl+Shift+B",
        "Copy the whole database safely",
        separator_before=True,
    ),
    ActionSpec(ActionId.QUIT, "&Quit", "&File", Key.Quit, separator_before=True),
    ActionSpec(ActionId.UNDO, "&Undo", "&Edit", Key.Undo),
    ActionSpec(ActionId.REDO, "&Redo", "&Edit", Key.Redo),
    ActionSpec(ActionId.FIND, "&Find…", "&Edit", Key.Find, separator_before=True),
    ActionSpec(ActionId.REPLACE, "R&eplace…", "&Edit", Key.Replace),
    ActionSpec(
        ActionId.SEARCH,
        "&Search All Meetings…",
        "&Edit",
        "Ctrl+Shift+F",
        "Search the notes, actions, decisions and figures of every meeting",
    ),
    ActionSpec(
        ActionId.FILTER_MEETINGS,
        "Filter &Meetings",
        "&Edit",
        "Ctrl+Alt+F",
        "Jump to the meetings filter",
    ),
    ActionSpec(ActionId.BOLD, "&Bold", "F&ormat", Key.Bold),
    ActionSpec(ActionId.ITALIC, "&Italic", "F&ormat", Key.Italic),
    ActionSpec(ActionId.SUB_HEADING, "&Sub-heading", "F&ormat", "Ctrl+Alt+2"),
    ActionSpec(
        ActionId.INDENT,
        "I&ndent Bullet",
        "F&ormat",
        "Tab",
        "In a bullet list: indent the bullet",
        notes_only=True,
    ),
    ActionSpec(ActionId.OUTDENT, "&Outdent Bullet", "F&ormat", "Shift+Tab", notes_only=True),
    ActionSpec(
        ActionId.LIVE,
        "&Live Mode",
        "&Meeting",
        "Ctrl+L",
        "Start or stop live capture: meeting clock and item timers",
        toolbar=True,
        checkable=True,
    ),
    ActionSpec(
        ActionId.PREVIOUS_ITEM,
        "&Previous Item",
        "&Meeting",
        "Ctrl+PgUp",
        "Move to the previous agenda item",
        toolbar=True,
    ),
    ActionSpec(
        ActionId.NEXT_ITEM,
        "&Next Item",
        "&Meeting",
        "Ctrl+PgDown",
        "Move to the next agenda item",
        toolbar=True,
    ),
    ActionSpec(
        ActionId.NEW_ACTION,
        "New &Action",
        "&Meeting",
        "Ctrl+Shift+A",
        "Capture an action from the sentence under the cursor",
        toolbar=True,
        separator_before=True,
    ),
    ActionSpec(
        ActionId.NEW_FIGURE,
        "New &Figure",
        "&Meeting",
        "Ctrl+Shift+M",
        "Capture a figure from the sentence under the cursor",
        toolbar=True,
    ),
    ActionSpec(
        ActionId.NEW_DECISION,
        "New &Decision",
        "&Meeting",
        "Ctrl+Shift+R",
        "Record a decision from the sentence under the cursor",
    ),
    ActionSpec(
        ActionId.ACCEPT_FIGURE,
        "Accept Suggested Figure",
        "&Meeting",
        "Ctrl+Shift+Return",
        "Store the first figure suggested from the notes",
    ),
    ActionSpec(
        ActionId.ADD_ITEM, "Add Agenda &Item…", "&Meeting", "Ctrl+Shift+N", separator_before=True
    ),
    ActionSpec(ActionId.EDIT_ITEM, "Agenda Item &Properties…", "&Meeting", "F2"),
    ActionSpec(ActionId.MOVE_ITEM_UP, "Move Item &Up", "&Meeting", "Alt+Up"),
    ActionSpec(ActionId.MOVE_ITEM_DOWN, "Move Item &Down", "&Meeting", "Alt+Down"),
    ActionSpec(ActionId.REMOVE_ITEM, "&Remove Agenda Item…", "&Meeting", "Ctrl+Shift+Delete"),
    ActionSpec(
        ActionId.ATTENDANCE, "A&ttendance…", "&Meeting", "Ctrl+Shift+E", separator_before=True
    ),
    ActionSpec(
        ActionId.REGENERATE_OPENING,
        "Re&generate Opening Paragraph",
        "&Meeting",
        "Ctrl+Shift+O",
        tip="Write the opening from the date, chair and attendance again",
    ),
    ActionSpec(
        ActionId.SEND_FOR_APPROVAL, "&Send for Approval", "&Approval", "Ctrl+Alt+S", toolbar=True
    ),
    ActionSpec(ActionId.APPROVE, "&Approve…", "&Approval", "Ctrl+Alt+A", toolbar=True),
    ActionSpec(ActionId.PUBLISH, "&Publish", "&Approval", "Ctrl+Alt+P", toolbar=True),
    ActionSpec(
        ActionId.REOPEN,
        "&Reopen as Draft…",
        "&Approval",
        "Ctrl+Alt+D",
        "Back to draft for a correction (a new version)",
    ),
    ActionSpec(
        ActionId.FOCUS_NOTES, "Go to &Notes", "&View", "Ctrl+0", "Put the cursor back in the notes"
    ),
    ActionSpec(
        ActionId.PRIVATE_NOTES,
        "Go to Pri&vate Notes",
        "&View",
        "Ctrl+Alt+N",
        "Move between the notes and this item's private notes (never in the public version)",
    ),
    ActionSpec(
        ActionId.PREVIEW,
        "&Preview Minutes",
        "&View",
        "Ctrl+Shift+V",
        "Show the minutes as the export will render them",
        checkable=True,
    ),
    ActionSpec(
        ActionId.FOCUS_MODE,
        "&Focus Mode",
        "&View",
        Key.FullScreen,
        "Hide the side panels and enlarge the notes",
        checkable=True,
    ),
    ActionSpec(ActionId.DARK_MODE, "&Dark Palette", "&View", "Ctrl+Shift+D", checkable=True),
    ActionSpec(
        ActionId.DECISION_REGISTER,
        "Decision &Register…",
        "&View",
        "Ctrl+Alt+R",
        "Every decision of this meeting's series",
        separator_before=True,
    ),
    ActionSpec(
        ActionId.ACTION_LOG,
        "Action &Log…",
        "&View",
        "Ctrl+Alt+L",
        "The series' actions, open and recently closed, with their updates",
    ),
    ActionSpec(
        ActionId.INDICATORS,
        "&Indicators…",
        "&View",
        "Ctrl+Alt+I",
        "The measures followed across meetings: trends, renaming, merging, linking",
        separator_before=True,
    ),
    ActionSpec(ActionId.ABOUT, "&About PCC Minutes", "&Help"),
)

SPECS = {spec.id: spec for spec in ACTIONS}
FALLBACK_KEYS = {
    Key.Quit: "Ctrl+Q",
    Key.FullScreen: "F11",
    Key.Replace: "Ctrl+H",
    Key.Redo: "Ctrl+Shift+Z",
    Key.Find: "Ctrl+F",
    Key.New: "Ctrl+N",
}


def key_sequence(spec: ActionSpec, settings: QSettings | None = None) -> list[QKeySequence]:
    custom = settings.value(f"shortcuts/{spec.id.value}") if settings else None
    if custom:
        return [QKeySequence(str(custom))]
    if spec.keys is None:
        return []
    if isinstance(spec.keys, str):
        return [QKeySequence(spec.keys)]
    sequences = QKeySequence.keyBindings(spec.keys)
    if not sequences and spec.keys in FALLBACK_KEYS:  # some platforms define no binding
        sequences = [QKeySequence(FALLBACK_KEYS[spec.keys])]
    if spec.id is ActionId.FOCUS_MODE and QKeySequence("F11") not in sequences:
        sequences = [*sequences, QKeySequence("F11")]  # F11 on every platform, per the sketch
    return sequences


def build_actions(
    parent: QWidget,
    handlers: dict[ActionId, Callable[[], None]],
    settings: QSettings | None = None,
) -> dict[ActionId, QAction]:
    """A QAction per registry entry, connected to its handler, with the user's shortcuts."""
    actions: dict[ActionId, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.id.value)
        action.setShortcuts(key_sequence(spec, settings))
        tip = spec.tip or spec.text.replace("&", "").rstrip("…")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        if spec.notes_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        handler = handlers.get(spec.id)
        if handler is not None:
            if spec.checkable:
                action.toggled.connect(lambda _checked, h=handler: h())
            else:
                action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = action
    return actions


def build_menus(menu_bar: QMenuBar, actions: dict[ActionId, QAction]) -> None:
    menus: dict[str, object] = {}
    for spec in ACTIONS:
        menu = menus.get(spec.menu)
        if menu is None:
            menu = menus[spec.menu] = menu_bar.addMenu(spec.menu)
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(actions[spec.id])
    name_menus(menu_bar)


def build_toolbar(toolbar: QToolBar, actions: dict[ActionId, QAction]) -> None:
    previous_menu = None
    for spec in ACTIONS:
        if not spec.toolbar:
            continue
        if previous_menu is not None and spec.menu != previous_menu:
            toolbar.addSeparator()
        toolbar.addAction(actions[spec.id])
        previous_menu = spec.menu
    name_toolbar_overflow(toolbar)
