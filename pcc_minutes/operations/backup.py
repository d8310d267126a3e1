"""Backing up the database: SQLite's online copy, written whole beside the chosen name
(temporary file renamed into place, the umask respected, a symbolic link written through,
nothing left behind if the copy fails or the process is stopped) — as every export is."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.core.errors import BackupPathError
from pcc_minutes.documents.writers.files import write_atomically
from pcc_minutes.store.database import Store


def backup(store: Store, target: Path) -> Path:
    """Copy the whole database to ``target``; an existing file is replaced only by a whole,
    readable copy. Returns ``target``."""
    target = Path(target)
    if target.is_dir():
        raise BackupPathError(f"{target} is a folder; give a file name for the backup.")
    return write_atomically(target, store.copy_into)
