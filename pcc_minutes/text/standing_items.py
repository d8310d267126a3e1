"""Standing agenda items recognised by their titles, as bodies name them.

The "Matters arising / action log" item is where actions raised in earlier meetings are
followed up. Imported minutes and agenda templates name it in many ways ("Matters arising",
"Action log", "Actions from the previous meeting", "Minutes of the last meeting and matters
arising", "Review of outstanding actions"); an item so named is used for the action log
instead of a second one being added beside it.
"""

from __future__ import annotations

import re

_ACTION_LOG_TITLE = re.compile(
    r"(?i)\b(?:matters\s+arising"
    r"|action\s+(?:log|tracker|list|points?|sheet|register|updates?)"
    r"|actions?\s+(?:from|of|arising\s+from)\s+(?:the\s+)?(?:last|previous|earlier)\s+meetings?"
    r"|(?:review\s+of\s+)?(?:outstanding|open)\s+actions"
    r"|review\s+of\s+actions)\b"
)


def is_action_log_title(title: str) -> bool:
    """Whether an agenda item's title names the standing action-log item."""
    return bool(_ACTION_LOG_TITLE.search(" ".join(title.split())))
