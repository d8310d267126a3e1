"""Reading a minutes file's bytes, with one clear sentence when that cannot be done."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.core.errors import UserInputError


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or one clear sentence when it cannot be read at all."""
    if not path.exists():
        raise UserInputError(f"{path} does not exist; check the file name and try again.")
    if path.is_dir():
        raise UserInputError(f"{path} is a folder; give the minutes files themselves.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserInputError(
            f"Cannot read {path} ({exc.strerror}); check its permissions."
        ) from exc
    if not data.strip():
        raise UserInputError(f"{path} is empty; there is nothing to import.")
    return data
