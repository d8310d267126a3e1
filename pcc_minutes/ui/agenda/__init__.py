"""The agenda pane: the outline of a meeting's items, their model and the item dialog.

- ``outline``: ``AgendaOutline``, the pane, which turns each user action into one operation;
- ``model``: ``AgendaModel``, the items as rows, with the column numbers and state marks;
- ``dialog``: ``ItemDialog``, the form for an item's details.
"""

from pcc_minutes.ui.agenda.dialog import ItemDialog
from pcc_minutes.ui.agenda.model import LIVE_MARK, MINUTES, NUMBER, STATE, TITLE, AgendaModel
from pcc_minutes.ui.agenda.outline import AgendaOutline

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
