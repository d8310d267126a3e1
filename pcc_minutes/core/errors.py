"""Errors a user can act on: each carries one sentence that says what happened and what to do.

``UserInputError`` is bad usage or bad input (exit status 2); ``PccError`` is any other
failure the user can understand (exit status 1). Anything else is a bug.
"""


class PccError(Exception):
    """A failure explained in one sentence; the command line exits with ``exit_code``."""

    exit_code = 1


class UserInputError(PccError):
    """The input itself is wrong (a file that cannot be read, an impossible date)."""

    exit_code = 2


class StorageError(PccError):
    """The database cannot be used: locked, damaged, not a database, or not writable."""


class LockedError(PccError):
    """The meeting is approved or published and so cannot be edited."""

    exit_code = 2
