"""Readers turn existing minutes (Word .docx, plain text) into a minutes document."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.documents.tree import MinutesDocument

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_minutes(path: Path) -> MinutesDocument:
    """Pick the reader by the file's content first (a renamed file still reads), then its name."""
    from pcc_minutes.documents.readers.source import read_bytes

    path = Path(path)
    data = read_bytes(path)  # read once, with the limits every user file is read with
    head = data[:8]
    if head.startswith(ZIP_MAGIC) or head == OLE2_MAGIC or path.suffix.lower() in (".docx", ".doc"):
        from pcc_minutes.documents.readers.docx import read_docx

        return read_docx(path, data)
    from pcc_minutes.documents.readers.text import read_text

    return read_text(path, data)
