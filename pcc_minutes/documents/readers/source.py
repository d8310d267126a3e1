"""Reading a user's file's bytes, with limits, and one clear sentence when that cannot be done.

Everything PCC Minutes reads from a file the user names (minutes to import, agenda templates)
comes through :func:`read_user_file`, so that the same limits hold for all of them:

- Only a regular file is read. A folder, a FIFO, a socket or a device (``/dev/zero``) is
  refused by ``os.stat`` before anything is opened, and the file is then opened with
  ``O_NONBLOCK`` and checked again with ``fstat``, so that a FIFO swapped in between the two
  can never make the program wait for a writer that does not come.
- At most :data:`MAX_BYTES` are read (or a smaller limit the caller gives). The size is
  checked before reading and the read itself stops one byte past the limit, so a file that
  grows while it is read cannot exhaust memory either.
- Every ``OSError`` (a missing file, a file name too long for the file system, a folder that
  cannot be entered, a path through a file) ends as one sentence that names the file,
  shortened when its name is very long, and says what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from pcc_minutes.core.errors import UserInputError

MAX_BYTES = 50 * 1024 * 1024  # no minutes file is anywhere near this; a bigger one is a mistake
_SHOWN_NAME = 120  # characters of a path shown in a message before it is shortened


def shown(path: Path | str) -> str:
    """The path as a message shows it: whole, or its start and end around "…" when long."""
    text = str(path)
    if len(text) <= _SHOWN_NAME:
        return text
    half = (_SHOWN_NAME - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{count:,} bytes"


def _os_problem(path: Path, exc: OSError) -> UserInputError:
    """One sentence for an OSError met while looking at or reading ``path``."""
    name = shown(path)
    code = exc.errno
    if code == errno.ENOENT:
        sentence = f"{name} does not exist; check the file name and try again."
    elif code == errno.ENAMETOOLONG:
        sentence = f"The file name {name} is too long for this computer; give a shorter one."
    elif code in (errno.EACCES, errno.EPERM):
        sentence = f"{name} cannot be read (permission denied); check its permissions."
    elif code == errno.ENOTDIR:
        sentence = (
            f"{name} cannot be opened: part of its path is a file, not a folder; check the path."
        )
    elif code == errno.ELOOP:
        sentence = f"{name} is a link that leads round in a circle; give the file itself."
    elif code == errno.EISDIR:
        sentence = f"{name} is a folder; give the files themselves."
    else:
        reason = (exc.strerror or "it cannot be opened").lower()
        sentence = f"{name} cannot be read ({reason}); check the file and try again."
    return UserInputError(sentence)


def _not_regular(path: Path, mode: int) -> UserInputError:
    name = shown(path)
    if stat.S_ISDIR(mode):
        return UserInputError(f"{name} is a folder; give the files themselves.")
    if stat.S_ISFIFO(mode):
        kind = "a pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "not an ordinary file"
    return UserInputError(f"{name} is {kind}, not a file; give a file saved on disk.")


def _too_large(path: Path, limit: int) -> UserInputError:
    return UserInputError(
        f"{shown(path)} is over {_size(limit)}, too large to read; check that it is the right file."
    )


def read_user_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit`` of them), or one sentence.

    An empty file is returned as it is: what "empty" means is the caller's to say."""
    path = Path(path)
    try:
        before = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        if isinstance(exc, ValueError):
            raise UserInputError(
                f"{shown(path)!r} is not a usable file name (it holds a NUL character); "
                "give the file's real name."
            ) from None
        raise _os_problem(path, exc) from None
    if not stat.S_ISREG(before.st_mode):
        raise _not_regular(path, before.st_mode)
    if before.st_size > limit:
        raise _too_large(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise _os_problem(path, exc) from None
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):  # replaced between the stat and the open
            raise _not_regular(path, opened.st_mode)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(handle, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _os_problem(path, exc) from None
    finally:
        os.close(handle)
    if total > limit:
        raise _too_large(path, limit)
    return b"".join(chunks)


def read_bytes(path: Path) -> bytes:
    """A minutes file's bytes, or one clear sentence when it cannot be imported at all."""
    data = read_user_file(path)
    if not data.strip():
        raise UserInputError(f"{shown(path)} is empty; there is nothing to import.")
    return data
