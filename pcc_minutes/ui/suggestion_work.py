"""What the side panel runs on its worker thread as the notes change: figure suggestions and
the known indicators the notes mention. Either failing is logged and never interrupts the
meeting."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from pcc_minutes import operations as ops
from pcc_minutes.documents.markdown import markdown_plain_text
from pcc_minutes.store.database import Store

if TYPE_CHECKING:  # detection loads on first use, after start-up
    from pcc_minutes.text.figures import ProposedFigure

log = logging.getLogger(__name__)


def _hints(store: Store, meeting_id: int | None, markdown: str) -> list | None:
    """Known indicators the notes mention, with their last values; None when that failed."""
    if meeting_id is None:
        return []
    try:
        return ops.indicator_hints(store, meeting_id, markdown_plain_text(markdown))
    except Exception:  # a convenience, like the suggestions: never interrupt the meeting
        log.exception("indicator hints failed")
        return None


def _detect(source: str | Callable[[], str]) -> list[ProposedFigure] | None:
    """The figures in an item's notes; None when detection failed (logged)."""
    try:
        from pcc_minutes.text.figures import detect_figures

        markdown = source() if callable(source) else source
        return detect_figures(markdown_plain_text(markdown))
    except Exception:
        # Suggestions are a convenience: a detector bug on some odd sentence must not
        # interrupt the minute-taker in a live meeting. Log it and keep what was shown.
        log.exception("figure detection failed")
        return None
