"""The meeting's standing "Matters arising / action log" item, found or made, for the actions
carried into it.

Found: the item marked as the action log, else the one whose title names it ("Matters
arising", "Action log", … — ``text.standing_items``), which is then marked. Made, when there
is none: first on the agenda of a meeting not yet held (no notes, never live), where the
action log stands; at the end of one already minuted, so that its items keep the numbers
they were published with.
"""

from __future__ import annotations

from typing import Any

from pcc_minutes.core.records import ACTION_LOG
from pcc_minutes.text.standing_items import is_action_log_title

TITLE = "Matters arising / action log"


def find_or_make(session: Any, meeting: Any) -> tuple[Any, int | None, int | None]:
    """(the item, the id of an item made here or None, the id of an item marked here or
    None): what an undo takes back."""
    from pcc_minutes.store.tables import AgendaItemRow

    items = sorted(meeting.items, key=lambda i: i.position)
    marked = next((i for i in items if i.kind == ACTION_LOG), None)
    if marked is not None:
        return marked, None, None
    named = next((i for i in items if is_action_log_title(i.title)), None)
    if named is not None:
        named.kind = ACTION_LOG
        return named, None, named.id
    held = meeting.live_started_at is not None or any(i.notes.strip() for i in items)
    if held:
        position = (items[-1].position + 1) if items else 1
    else:
        for each in items:
            each.position += 1
        position = 1
    item = AgendaItemRow(position=position, title=TITLE, kind=ACTION_LOG)
    meeting.items.append(item)
    session.flush()
    return item, item.id, None
