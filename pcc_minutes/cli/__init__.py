"""The command line: a contract that tests and scripts rely on (names and output shapes).

    pcc-minutes [--db PATH] import FILE...         one line per meeting: ID DATE TITLE
    pcc-minutes [--db PATH] list [--json]
    pcc-minutes [--db PATH] show ID [--json]
    pcc-minutes [--db PATH] figures ID [--json] [--accept]
    pcc-minutes [--db PATH] export ID --format docx|pdf|md [--public] [--agenda] [--timings]
                                      -o FILE
    pcc-minutes [--db PATH] status ID draft|for-approval|approved|published [--by NAME]
    pcc-minutes [--db PATH] backup [-o FILE]
    pcc-minutes [--db PATH] demo

With no command the window opens (``pcc_minutes.launcher`` passes it in, so this package
never imports Qt). Errors are one line on stderr; exit status 2 for bad usage or bad input,
1 for other failures; a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from pcc_minutes.cli.parser import PROG, build_parser
from pcc_minutes.core.errors import PccError

OpenWindow = Callable[[argparse.Namespace], int]


def run(args: argparse.Namespace, open_window: OpenWindow | None = None) -> int:
    from pcc_minutes.cli import commands
    from pcc_minutes.store.database import open_store

    if args.command is None:
        if open_window is None:
            raise PccError("Give a command (see 'pcc-minutes --help').")
        return open_window(args)
    if args.command == "import":
        return commands.import_files(args, open_store)
    store = open_store(args.db)
    try:
        return commands.ON_STORE[args.command](args, store)
    finally:
        store.close()


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors, --help and --version: return, don't exit
        return int(exc.code or 0)
    try:
        return run(args, open_window)
    except PccError as exc:
        if args.debug:
            raise
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader (e.g. "| head") stopped listening: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line unless asked for the details
        if args.debug:
            raise
        print(
            f"{PROG}: unexpected error: {exc!r} (run again with --debug for details)",
            file=sys.stderr,
        )
        return 1


__all__ = ["main", "build_parser"]
