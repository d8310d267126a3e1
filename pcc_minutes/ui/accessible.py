"""Names for the controls Qt makes on its own (a line edit's clear button, a toolbar's
overflow button, the menus' popups), so a screen reader announces every one of them, and
labels whose name says what they show."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QMenuBar, QToolBar, QToolButton, QWidget


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Call after ``setClearButtonEnabled(True)``: the ✕ inside the field is a button."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def name_toolbar_overflow(toolbar: QToolBar) -> None:
    """The » button a narrow window shows for the commands that do not fit."""
    button = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if button is not None:
        button.setAccessibleName("More commands")
        button.setToolTip("More commands")


def name_menus(menu_bar: QMenuBar) -> None:
    """Each popup by its menu's title ("File", not an empty name)."""
    menu_bar.setAccessibleName("Menu bar")
    for action in menu_bar.actions():
        menu = action.menu()
        if menu is not None:
            menu.setAccessibleName(action.text().replace("&", ""))


class SpokenLabel(QLabel):
    """A label a screen reader names by what it is and what it says ("Current agenda item:
    Item 1: Rural Crime"); a fixed accessible name alone would hide the text."""

    def __init__(self, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._role = role
        self.setAccessibleName(role)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(f"{self._role}: {text}" if text else self._role)
