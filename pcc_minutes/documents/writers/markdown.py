"""Markdown minutes: the layout's blocks written as CommonMark, in UTF-8 whatever the text
(a lone surrogate, which UTF-8 cannot encode, is written as U+FFFD)."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.documents.characters import scalar_text
from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.documents.tree import MinutesDocument


def render_markdown(doc: MinutesDocument) -> bytes:
    return scalar_text(to_markdown(layout(doc))).encode("utf-8")


def write_markdown(doc: MinutesDocument, target: Path) -> None:
    Path(target).write_bytes(render_markdown(doc))
