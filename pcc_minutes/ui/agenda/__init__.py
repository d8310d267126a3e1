"""The agenda pane: the outline of a meeting's items, their model and the item dialog.

- ``outline``: ``AgendaOutline``, the pane, which turns each user action into one operation;
- ``model``: ``AgendaModel``, the items as rows, with the column numbers and state marks;
- ``dialog``: ``ItemDialog``, the form for an item's details (imported when first asked for:
  the window's first paint does not wait for a dialog).
"""

from typing import TYPE_CHECKING, Any

from pcc_minutes.ui.agenda.model import LIVE_MARK, MINUTES, NUMBER, STATE, TITLE, AgendaModel
from pcc_minutes.ui.agenda.outline import AgendaOutline

if TYPE_CHECKING:
    from pcc_minutes.ui.agenda.dialog import ItemDialog


def __getattr__(name: str) -> Any:
    if name == "ItemDialog":
        from pcc_minutes.ui.agenda.dialog import ItemDialog

        return ItemDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "LIVE_MARK",
    "MINUTES",
    "NUMBER",
    "STATE",
    "TITLE",
    "AgendaModel",
    "AgendaOutline",
    "ItemDialog",
]
