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

With no command the window opens. Errors are one line on stderr; exit status 2 for bad
usage or bad input, 1 for other failures; a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from pcc_minutes import __version__
from pcc_minutes.errors import PccError

PROG = "pcc-minutes"
# format -> (module, function); imported only when that format is asked for
WRITERS = {
    "md": ("pcc_minutes.documents.writers.markdown", "write_markdown"),
    "docx": ("pcc_minutes.documents.writers.docx", "render_docx"),
    "pdf": ("pcc_minutes.documents.writers.pdf", "render_pdf"),
}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that points at --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _meeting_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"meeting ID must be a whole number, not {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"meeting ID must be 1 or more, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Prepare, capture, draft and export meeting minutes.")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: your data folder, or the PCC_MINUTES_DB variable)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--open", metavar="ID", type=_meeting_id, help="open the window on this meeting"
    )
    parser.add_argument(
        "--startup-check", action="store_true", help="start the window, paint once and exit 0"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    cmd = commands.add_parser("import", help="import minutes from .docx or text files")
    cmd.add_argument("files", nargs="+", metavar="FILE", type=Path)

    cmd = commands.add_parser("list", help="list the meetings, newest first")
    cmd.add_argument("--json", action="store_true")

    cmd = commands.add_parser("show", help="show one meeting")
    cmd.add_argument("id", type=_meeting_id, metavar="ID")
    cmd.add_argument("--json", action="store_true")

    cmd = commands.add_parser("figures", help="figures detected in a meeting's notes")
    cmd.add_argument("id", type=_meeting_id, metavar="ID")
    cmd.add_argument("--json", action="store_true")
    cmd.add_argument("--accept", action="store_true", help="store them as the items' figures")

    cmd = commands.add_parser("export", help="write the minutes to a file")
    cmd.add_argument("id", type=_meeting_id, metavar="ID")
    cmd.add_argument("--format", choices=sorted(WRITERS), required=True)
    cmd.add_argument(
        "--public",
        action="store_true",
        help="the public version: no confidential items or private notes",
    )
    cmd.add_argument(
        "--agenda", action="store_true", help="the agenda alone, for publishing before the meeting"
    )
    cmd.add_argument(
        "--timings",
        action="store_true",
        help="show where each timed item starts in the meeting's recording",
    )
    cmd.add_argument("-o", "--output", required=True, metavar="FILE", help="file, or - for stdout")

    cmd = commands.add_parser("status", help="send for approval, approve, publish, or reopen")
    cmd.add_argument("id", type=_meeting_id, metavar="ID")
    cmd.add_argument("status", choices=["draft", "for-approval", "approved", "published"])
    cmd.add_argument("--by", default="", metavar="NAME", help="who is making the change")

    cmd = commands.add_parser("backup", help="copy the database safely while it is in use")
    cmd.add_argument("-o", "--output", metavar="FILE", type=Path)

    commands.add_parser("demo", help="add a demo series of two meetings")
    return parser


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _line(summary: Any) -> str:
    return f"{summary.id} {summary.date.isoformat() if summary.date else '-'} {summary.title}"


def run(args: argparse.Namespace) -> int:
    from pcc_minutes.model.store import open_store

    if args.command is None:
        from pcc_minutes.app import run_window

        return run_window(args)

    if args.command == "import":
        from pcc_minutes.documents.readers import read_minutes

        # Read every file before touching the database: one bad file changes nothing.
        docs = [read_minutes(path) for path in args.files]
        from pcc_minutes.model.services import import_documents

        store = open_store(args.db)
        try:
            for summary in import_documents(store, docs):
                print(_line(summary))
        finally:
            store.close()
        return 0

    store = open_store(args.db)
    try:
        return _run_on_store(args, store)
    finally:
        store.close()


def _run_on_store(args: argparse.Namespace, store: Any) -> int:
    from pcc_minutes.model import services

    if args.command == "list":
        meetings = services.list_meetings(store)
        if args.json:
            _print_json([m.as_json() for m in meetings])
        else:
            for summary in meetings:
                print(f"{_line(summary)}  [{summary.status}]")
    elif args.command == "show":
        data = services.meeting_json(store, args.id)
        if args.json:
            _print_json(data)
        else:
            from pcc_minutes.documents.writers.markdown import render_markdown

            sys.stdout.write(render_markdown(services.minutes_document(store, args.id)).decode())
    elif args.command == "figures":
        found = services.proposed_figures(store, args.id)
        if args.accept:
            added = services.accept_figures(store, args.id, found)
            print(f"Stored {added} new figure(s) on meeting {args.id}.", file=sys.stderr)
        if args.json:
            _print_json([services.figure_json(pos, fig) for pos, fig in found])
        else:
            from pcc_minutes.documents.layout import format_number as num

            for position, figure in found:
                points = ", ".join(
                    (f"{p.period}: " if p.period else "")
                    + ("~" if p.approx else "")
                    + num(p.value)
                    + (f"–{num(p.high)}" if p.high is not None else "")
                    for p in figure.points
                )
                target = f" (target {num(figure.target)})" if figure.target is not None else ""
                print(f"Item {position}: {figure.label} [{figure.unit}] {points}{target}")
    elif args.command == "export":
        _export(args, store)
    elif args.command == "status":
        result = services.set_status(store, args.id, args.status, args.by)
        if result.changed:
            who = f" by {result.by}" if result.by else ""
            print(
                f"Meeting {result.meeting_id} is now {result.status}{who} "
                f"({result.at:%Y-%m-%d %H:%M})."
            )
        else:
            print(f"Meeting {result.meeting_id} is already {result.status}; nothing changed.")
    elif args.command == "backup":
        target = args.output or store.path.with_name(
            f"{store.path.stem}-backup-{datetime.now():%Y%m%d-%H%M%S}{store.path.suffix}"
        )
        print(store.backup(target))
    elif args.command == "demo":
        from pcc_minutes.model.demo import create_demo

        for summary in create_demo(store):
            print(_line(summary))
    return 0


def _export(args: argparse.Namespace, store: Any) -> None:
    import importlib

    from pcc_minutes.documents.writers.files import write_atomically
    from pcc_minutes.model import services

    doc = services.minutes_document(
        store, args.id, public=args.public, agenda_only=args.agenda, timings=args.timings
    )
    module, function = WRITERS[args.format]
    render = getattr(importlib.import_module(module), function)
    if args.output == "-":
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            temp = Path(folder) / f"out.{args.format}"
            render(doc, temp)
            sys.stdout.buffer.write(temp.read_bytes())
        return
    print(write_atomically(Path(args.output), lambda temp: render(doc, temp)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors, --help and --version: return, don't exit
        return int(exc.code or 0)
    try:
        return run(args)
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
