"""Markdown minutes: the layout's blocks written as CommonMark."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.documents.tree import MinutesDocument


def render_markdown(doc: MinutesDocument) -> bytes:
    return to_markdown(layout(doc)).encode("utf-8")


def write_markdown(doc: MinutesDocument, target: Path) -> None:
    Path(target).write_bytes(render_markdown(doc))
