"""Exporting minutes: a meeting's document rendered by a registered writer, written whole
(temporary file, then rename) or handed back as bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

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
) -> Path:
    """Write the minutes to ``target``; an existing file is replaced only by a whole one."""
    doc = minutes_document(
        store, meeting_id, public=public, agenda_only=agenda_only, timings=timings, trends=trends
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
) -> bytes:
    """The exported file's bytes (for ``-o -``)."""
    doc = minutes_document(
        store, meeting_id, public=public, agenda_only=agenda_only, timings=timings, trends=trends
    )
    render = writer(format_name).load()
    with tempfile.TemporaryDirectory() as folder:
        temp = Path(folder) / f"minutes.{format_name}"
        render(doc, temp)
        return temp.read_bytes()
