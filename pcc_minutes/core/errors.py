"""Errors a user can act on: each carries one sentence that says what happened and what to do.

``UserInputError`` is bad usage or bad input (exit status 2); ``PccError`` is any other
failure the user can understand (exit status 1). Anything else is a bug.
"""

from __future__ import annotations

import errno


class PccError(Exception):
    """A failure explained in one sentence; the command line exits with ``exit_code``."""

    exit_code = 1


class UserInputError(PccError):
    """The input itself is wrong (a file that cannot be read, an impossible date)."""

    exit_code = 2


class StorageError(PccError):
    """The database cannot be used: locked, damaged, not a database, or not writable."""


class NotADatabaseError(StorageError):
    """The path given is no PCC Minutes database: missing, a folder, another kind of file or
    another program's database. Bad input (exit status 2), and the file is left untouched."""

    exit_code = 2


class BackupPathError(StorageError):
    """The place given for a backup cannot take it (no such folder, a name too long, no
    permission): bad input, exit status 2, as for an export."""

    exit_code = 2


class ReadOnlyStoreError(StorageError):
    """A change was asked of a database that is open read-only; nothing was written."""


class LockedError(PccError):
    """The meeting is approved or published and so cannot be edited."""

    exit_code = 2


# errno -> (what went wrong, in words of our own; whether the path given is to blame)
_OS_PROBLEMS: dict[int, tuple[str, bool]] = {
    errno.ENAMETOOLONG: ("its name is too long; choose a shorter name", True),
    errno.ENOENT: ("it does not exist; check the name", True),
    errno.ENOTDIR: ("part of the path is a file, not a folder; check the path", True),
    errno.EISDIR: ("it is a folder; give a file name", True),
    errno.ELOOP: ("it is a loop of links; check the path", True),
    errno.EACCES: ("permission was denied; choose a place you may use", True),
    errno.EPERM: ("the operation is not permitted; choose a place you may use", True),
    errno.EROFS: ("it is on a read-only disk; choose a folder you can write to", True),
    errno.EEXIST: ("something of that name is already there; choose another name", True),
    errno.ENOSPC: ("the disk is full; free some space and try again", False),
    errno.EDQUOT: ("your disk quota is used up; free some space and try again", False),
    errno.EIO: ("the disk reported an error; check the disk and try again", False),
    errno.EFBIG: ("the file would be too large for its disk; choose another place", False),
}
_OTHER_OS_PROBLEM = ("the system refused it; check the path and try again", False)


def shorten(text: object, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: a file name of 5,000 characters
    must not turn a one-line message into a page."""
    words = str(text)
    return words if len(words) <= limit else f"{words[: limit - 1]}…"


def os_problem(exc: OSError) -> str:
    """What went wrong, in our words, and what to do: "the disk is full; free some space and
    try again" (no system text, which may be in another language or name a library)."""
    return _OS_PROBLEMS.get(exc.errno or 0, _OTHER_OS_PROBLEM)[0]


def from_os_error(exc: OSError) -> PccError:
    """One sentence for an ``OSError`` that escaped (never its repr): bad input (exit status
    2) when the path given is to blame, such as a name too long, otherwise exit status 1."""
    problem, users_path = _OS_PROBLEMS.get(exc.errno or 0, _OTHER_OS_PROBLEM)
    target = f"Cannot use {shorten(exc.filename)}" if exc.filename else "A file could not be used"
    error = UserInputError if users_path else PccError
    return error(f"{target}: {problem}.")
