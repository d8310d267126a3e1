"""Markdown minutes: the layout's blocks written as CommonMark."""

from __future__ import annotations

from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.documents.tree import MinutesDocument


def render_markdown(doc: MinutesDocument) -> bytes:
    return to_markdown(layout(doc)).encode("utf-8")
