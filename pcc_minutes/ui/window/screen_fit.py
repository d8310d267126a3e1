"""The window fits the screen it opens on, at any scale.

A size saved on a large screen, or at 100 % and reopened at 200 % (a 1920×1080 laptop at
200 % is 960×540 logical pixels), can be larger than the screen: the side panels then open
off-screen. After the saved geometry is restored, the window is made to fit the available
area of the screen it is on (or the primary screen, when it is on none): no larger than that
area, and moved inside it. A first start with nothing saved takes most of the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SHARE = 0.85  # of the screen's width and height, at a first start


def fitted(frame: QRect, available: QRect) -> QRect:
    """``frame`` made no larger than ``available`` and moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() + 1 - width)
    top = min(max(frame.top(), available.top()), available.bottom() + 1 - height)
    return QRect(left, top, width, height)


def fit_to_screen(window: QWidget, restored: bool) -> None:
    """Keep ``window`` within its screen's available area; ``restored`` is False at a first
    start, when it is given most of the screen, centred."""
    screen = QGuiApplication.screenAt(window.frameGeometry().center())
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    if not restored:
        window.resize(int(available.width() * FIRST_SHARE), int(available.height() * FIRST_SHARE))
        size = window.frameGeometry().size()  # at least the layout's minimum
        centred = QRect(
            available.left() + (available.width() - size.width()) // 2,
            available.top() + (available.height() - size.height()) // 2,
            size.width(),
            size.height(),
        )
        placed = fitted(centred, available)
        window.move(placed.left(), placed.top())
        return
    frame = window.frameGeometry()
    inside = fitted(frame, available)
    if inside == frame:
        return
    # The frame (title bar and borders) is outside the geometry the window is resized by.
    extra_width = frame.width() - window.width()
    extra_height = frame.height() - window.height()
    window.resize(
        max(inside.width() - extra_width, window.minimumWidth()),
        max(inside.height() - extra_height, window.minimumHeight()),
    )
    # The layout may keep it larger than asked (its minimum size): place what it really is.
    placed = fitted(QRect(frame.topLeft(), window.frameGeometry().size()), available)
    window.move(placed.left(), placed.top())
