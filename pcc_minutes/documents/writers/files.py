"""Files are written whole or not at all: a temporary file beside the target, then a rename.

A failed export leaves no partial file and does not touch an existing one; a folder that
cannot be written gives one sentence that says what to do.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from pcc_minutes.core.errors import PccError, UserInputError


def write_atomically(target: Path, produce: bytes | Callable[[Path], None]) -> Path:
    """Write ``produce`` (bytes, or a function that writes to the path it is given) to
    ``target`` through a temporary file in the same folder, then rename it into place."""
    target = Path(target)
    if target.is_dir():
        raise UserInputError(f"{target} is a folder; give a file name to write to.")
    folder = target.parent
    if not folder.is_dir():
        raise UserInputError(f"The folder {folder} does not exist; create it or choose another.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise PccError(
            f"Cannot write to the folder {folder} ({exc.strerror}); choose a folder you can "
            "write to."
        ) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(produce, bytes):
                stream.write(produce)
        if not isinstance(produce, bytes):
            produce(temp)
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise PccError(
            f"Cannot write {target} ({exc.strerror}); choose a folder you can write to."
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
