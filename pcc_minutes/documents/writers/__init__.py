"""The one list of formats the minutes can be written in, used by the command line and the
window alike. A writer's module is imported only when its format is asked for, so start-up
never pays for python-docx or reportlab."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pcc_minutes.documents.tree import MinutesDocument

Render = Callable[[MinutesDocument, Path], None]


@dataclass(frozen=True)
class Writer:
    format: str  # the --format name and the file suffix
    label: str  # for a file dialog's filter
    module: str
    function: str

    @property
    def suffix(self) -> str:
        return f".{self.format}"

    @property
    def file_filter(self) -> str:
        return f"{self.label} (*{self.suffix})"

    def load(self) -> Render:
        return getattr(importlib.import_module(self.module), self.function)


WRITERS: dict[str, Writer] = {
    w.format: w
    for w in (
        Writer("docx", "Word document", "pcc_minutes.documents.writers.docx", "render_docx"),
        Writer("pdf", "PDF document", "pcc_minutes.documents.writers.pdf", "render_pdf"),
        Writer("md", "Markdown", "pcc_minutes.documents.writers.markdown", "write_markdown"),
    )
}


def writer(format_name: str) -> Writer:
    return WRITERS[format_name]
