"""The command line: a contract that tests and scripts rely on (names and output shapes).

    pcc-minutes [--db PATH] import FILE...         one line per meeting: ID DATE TITLE
    pcc-minutes [--db PATH] list [--json]
    pcc-minutes [--db PATH] show ID [--json]
    pcc-minutes [--db PATH] figures ID [--json] [--accept]
    pcc-minutes [--db PATH] export ID --format docx|pdf|md [--public] [--agenda]
                                      [--include-confidential] [--timings] -o FILE
    pcc-minutes [--db PATH] status ID draft|for-approval|approved|published [--by NAME]
    pcc-minutes [--db PATH] backup [-o FILE]
    pcc-minutes [--db PATH] demo

With no command the window opens (``pcc_minutes.launcher`` passes it in, so this package
never imports Qt). Only ``import`` and ``demo`` create a database; every other command on a
path with no database says so and exits 2. A database that can be read but not written opens
read-only: reading commands work, changing ones refuse in one sentence. Errors are one line on
stderr; exit status 2 for bad usage or bad input, 1 for other failures; a traceback only with
``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pcc_minutes.cli.window_options import window_arguments
from pcc_minutes.core.errors import PccError, from_os_error

if TYPE_CHECKING:
    import argparse

PROG = "pcc-minutes"
# The window is given the parsed arguments (argparse's, or window_options' for a plain start).
OpenWindow = Callable[[Any], int]
# The commands that add meetings and so may start a new database; the others only read one
# (or change a meeting that must already be there).
CREATING = frozenset({"import", "demo", "new"})
# Control characters in a message (a file name holding a newline) would break "one line".
_VISIBLE = {code: f"\\x{code:02x}" for code in [*range(32), 127]}


def _say(message: object) -> None:
    print(f"{PROG}: {str(message).translate(_VISIBLE)}", file=sys.stderr)


def run(args: argparse.Namespace, open_window: OpenWindow | None = None) -> int:
    if args.command is None:
        if open_window is None:
            raise PccError("Give a command (see 'pcc-minutes --help').")
        return open_window(args)
    from pcc_minutes.cli import commands
    from pcc_minutes.store.database import open_store

    if args.command == "import":
        return commands.import_files(args, open_store)
    store = open_store(args.db, create=args.command in CREATING)
    try:
        return commands.ON_STORE[args.command](args, store)
    finally:
        store.close()


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # Starting the window needs none of the commands' grammar: it is built only for a command.
    args = window_arguments(argv) if open_window is not None else None
    if args is None:
        from pcc_minutes.cli.parser import build_parser

        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # usage errors, --help and --version: return, don't exit
            return int(exc.code or 0)
    try:
        return run(args, open_window)
    except PccError as exc:
        if args.debug:
            raise
        _say(exc)
        return exc.exit_code
    except BrokenPipeError:  # the reader (e.g. "| head") stopped listening: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except OSError as exc:  # a file name too long, a full disk…: our words, not the system's
        if args.debug:
            raise
        error = from_os_error(exc)
        _say(error)
        return error.exit_code
    except Exception as exc:  # a bug: say so in one line unless asked for the details
        if args.debug:
            raise
        _say(
            f"unexpected error ({type(exc).__name__}); run again with --debug for the details, "
            "and please report it."
        )
        return 1


def __getattr__(name: str) -> Any:
    if name == "build_parser":  # the grammar is built only for a command
        from pcc_minutes.cli.parser import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["main", "build_parser"]
