"""Exporting minutes: a meeting's document rendered by a registered writer, written whole
(temporary file, then rename) or handed back as bytes."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from pcc_minutes.core.clock import local_now
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.writers import writer
from pcc_minutes.documents.writers.files import write_atomically
from pcc_minutes.operations.reading import minutes_document
from pcc_minutes.store.database import Store


def export_minutes(
    store: Store,
    meeting_id: int,
    format_name: str,
    target: Path,
    *,
    public: bool = False,
    agenda_only: bool = False,
    timings: bool = False,
    trends: bool = False,
    figures: bool = False,
    logo: Path | None = None,
) -> Path:
    """Write the minutes to ``target``; an existing file is replaced only by a whole one.
    ``figures``: the figures' tables too, each after its paragraph or bullet; ``logo``: a
    picture drawn at the top (``operations.minutes_document``)."""
    doc = minutes_document(
        store,
        meeting_id,
        public=public,
        agenda_only=agenda_only,
        timings=timings,
        trends=trends,
        figures=figures,
        logo=logo,
    )
    render = writer(format_name).load()
    return write_atomically(Path(target), lambda temp: render(doc, temp))


def export_bytes(
    store: Store,
    meeting_id: int,
    format_name: str,
    *,
    public: bool = False,
    agenda_only: bool = False,
    timings: bool = False,
    trends: bool = False,
    figures: bool = False,
    logo: Path | None = None,
) -> bytes:
    """The exported file's bytes (for ``-o -``): the file ``export_minutes`` writes."""
    with tempfile.TemporaryDirectory() as folder:
        return export_minutes(
            store,
            meeting_id,
            format_name,
            Path(folder) / f"minutes.{format_name}",
            public=public,
            agenda_only=agenda_only,
            timings=timings,
            trends=trends,
            figures=figures,
            logo=logo,
        ).read_bytes()


def export_action_log(
    store: Store,
    series: int | str | None,
    target: Path,
    format_name: str,
    *,
    register: str = "actions",
    today: date | None = None,
) -> Path:
    """Write the series' action log (``register="actions"``: open actions and those closed
    recently) or its decision register (``"decisions"``) to ``target``, whole or not at all.
    The actions and decisions come from ``operations.list_actions`` / ``list_decisions``."""
    from pcc_minutes import operations as ops
    from pcc_minutes.documents.action_log import action_log_document, decision_register_document

    name = series if isinstance(series, str) else ""
    if register == "decisions":
        decisions = ops.list_decisions(store, series=series)
        name = name or next((d.meeting_title for d in decisions if d.meeting_title), "")
        doc = decision_register_document(name, decisions)
    elif register == "actions":
        actions = ops.list_actions(store, series=series)
        name = name or next((a.meeting_title for a in actions if a.meeting_title), "")
        doc = action_log_document(name, actions, today or local_now().date())
    else:
        raise UserInputError(
            f"There is no register called {register!r}; export 'actions' or 'decisions'."
        )
    render = writer(format_name).load()
    return write_atomically(Path(target), lambda temp: render(doc, temp))
