"""What the side panel runs on its worker thread as the notes change: figure suggestions and
the known indicators the notes mention. Either failing is logged and never interrupts the
meeting."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pcc_minutes import operations as ops
from pcc_minutes.documents.markdown import markdown_plain_text
from pcc_minutes.store.database import Store
from pcc_minutes.ui import relay

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


def start_detection(
    panel: Any, store: Store, meeting_id: int | None, source: Any, generation: int
) -> None:
    """On a worker thread: the figures and the indicator hints of ``source`` (the notes, or
    a callable giving them), handed to ``panel._take_detected`` / ``panel._take_hints`` on
    the GUI thread through the relay — never the panel's own signals, since the panel may be
    destroyed while the worker runs (a window closed, a test torn down), and emitting then
    crashed the process."""

    take_found, take_hints = (
        panel._take_detected,
        panel._take_hints,
    )  # bound here, on the GUI thread

    def work() -> None:
        try:
            markdown = source() if callable(source) else source
        except Exception:
            log.exception("reading the notes for suggestions failed")
            return
        found = _detect(markdown)
        hints = _hints(store, meeting_id, markdown)
        if found is not None:
            relay.hand_to(panel, take_found, found, generation)
        if hints is not None:
            relay.hand_to(panel, take_hints, hints, generation)

    threading.Thread(target=work, name="figure-suggestions", daemon=True).start()
