"""An item's timings line in the minutes (with the timings option): where it starts in the
recording, when it was discussed and for how long against its plan.

"In the recording from 0:12:05 · 10:05–10:12 and 10:40–10:46, 13 min (planned 15)": the
recording offset is the item's first start; the stretches and the time spent are its visits
(``core.live``), the same sum the minute-taker's timer showed. Every writer prints this one
line (``layout.item_blocks``), so Word, PDF and Markdown agree.
"""

from __future__ import annotations

from pcc_minutes.core.live import visits_text
from pcc_minutes.documents.tree import ItemSection


def format_offset(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:d}:{rest // 60:02d}:{rest % 60:02d}"


def timing_text(item: ItemSection) -> str:
    """The item's timings line, or "" for an item never timed in live mode."""
    parts = []
    if item.recording_offset is not None:
        parts.append(f"In the recording from {format_offset(item.recording_offset)}")
    discussed = visits_text(tuple(item.visits))
    if discussed:
        planned = f" (planned {item.planned_minutes})" if item.planned_minutes else ""
        parts.append(f"{discussed}{planned}")
    return " · ".join(parts)
