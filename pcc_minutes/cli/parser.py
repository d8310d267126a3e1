"""The command line's grammar: names, options and help, a contract scripts rely on.

A plain window start does not come here (``cli.window_options`` reads its few options);
the writers' registry, which names the export formats, is imported only to build this.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import NoReturn

from pcc_minutes import __version__
from pcc_minutes.cli import PROG


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that points at --help.

    With ``words_anywhere`` set (``search``), free words may start with a dash, as in
    ``search firearms -renewals``: options are read wherever they stand (``--limit 5``,
    ``--limit=5``, ``--json``, ``-h``; any other ``--name`` is argparse's own clear error)
    and every other word — ``-word`` included — is a free word, in the order given.
    Everything after ``--`` is a word.
    """

    words_anywhere = False

    def __init__(self, *args, **kwargs) -> None:
        self._takes_value: list[str] = []
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")

    def add_argument(self, *names, **kwargs) -> argparse.Action:
        action = super().add_argument(*names, **kwargs)
        if action.option_strings and action.nargs != 0:
            self._takes_value.extend(action.option_strings)
        return action

    def parse_known_args(self, args=None, namespace=None):
        if self.words_anywhere and args is not None:
            args = self._words_last(list(args))
        return super().parse_known_args(args, namespace)

    def _words_last(self, tokens: list[str]) -> list[str]:
        """The options first, then ``--`` and the free words, so that no word is an option."""
        options: list[str] = []
        words: list[str] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            index += 1
            if token == "--":
                words.extend(tokens[index:])
                break
            if token.startswith("--") or token == "-h":
                options.append(token)
                takes_value = "=" not in token and any(
                    name.startswith(token) for name in self._takes_value
                )
                if takes_value and index < len(tokens):
                    options.append(tokens[index])
                    index += 1
            else:
                words.append(token)
        return options + (["--", *words] if words else [])


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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a real date; write it as YYYY-MM-DD, e.g. 2025-10-09"
        ) from None


def _add_program_options(parser: argparse.ArgumentParser) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    from pcc_minutes.documents.writers import WRITERS

    parser = _Parser(prog=PROG, description="Prepare, capture, draft and export meeting minutes.")
    _add_program_options(parser)
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
        "--agenda",
        action="store_true",
        help="the agenda alone, for publishing before the meeting: the public agenda, without "
        "confidential items, unless --include-confidential is given",
    )
    cmd.add_argument(
        "--include-confidential",
        action="store_true",
        help="with --agenda: list the confidential items too (an agenda for the members only)",
    )
    cmd.add_argument(
        "--timings",
        action="store_true",
        help="show where each timed item starts in the meeting's recording, when it was "
        "discussed and the time spent on it",
    )
    cmd.add_argument(
        "--trends",
        action="store_true",
        help="under each figure reported in earlier meetings, its values since (a table and "
        "a chart)",
    )
    cmd.add_argument(
        "--figures",
        action="store_true",
        help="a table of each item's figures (Figure, Period, Value, Unit, Target), right after "
        "the paragraph or bullet it came from; without it the figures stay in the prose",
    )
    cmd.add_argument(
        "--logo",
        type=Path,
        metavar="PICTURE",
        help="a PNG or JPEG drawn at the top of the Word and PDF minutes, described by the "
        "meeting's logo alt text",
    )
    cmd.add_argument("-o", "--output", required=True, metavar="FILE", help="file, or - for stdout")

    cmd = commands.add_parser("status", help="send for approval, approve, publish, or reopen")
    cmd.add_argument("id", type=_meeting_id, metavar="ID")
    cmd.add_argument("status", choices=["draft", "for-approval", "approved", "published"])
    cmd.add_argument("--by", default="", metavar="NAME", help="who is making the change")

    cmd = commands.add_parser("backup", help="copy the database safely while it is in use")
    cmd.add_argument("-o", "--output", metavar="FILE", type=Path)

    commands.add_parser("demo", help="add a demo series of two meetings")

    cmd = commands.add_parser(
        "search",
        help='search every meeting: words, "phrases", -word, prefix*, series:, from:, to:, kind:',
    )
    cmd.words_anywhere = True
    cmd.add_argument(
        "query", nargs="+", metavar="QUERY", help="the words of one query; -word leaves it out"
    )
    cmd.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (50)")
    cmd.add_argument("--json", action="store_true")

    cmd = commands.add_parser("indicators", help="the measures followed across meetings")
    cmd.add_argument("--series", metavar="ID", help="one series only (its id or name)")
    cmd.add_argument("--json", action="store_true")

    cmd = commands.add_parser("trend", help="an indicator's values across meetings")
    cmd.add_argument("indicator", metavar="LABEL_OR_ID", help="its id, or its label")
    cmd.add_argument("--json", action="store_true")

    cmd = commands.add_parser("new", help="make a new meeting (default: the built-in template)")
    way = cmd.add_mutually_exclusive_group()
    way.add_argument("--from-last", type=_meeting_id, metavar="ID", help="carry on from meeting ID")
    way.add_argument("--template", metavar="NAME_OR_FILE", help="a built-in template or a file")
    cmd.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="its date (default: today; with --from-last, the series' next date)",
    )
    cmd.add_argument("--title", metavar="TEXT", help="its title (default: the template's)")

    cmd = commands.add_parser("action", help="add an action, or record an update to one")
    verbs = cmd.add_subparsers(dest="verb", metavar="add|update", parser_class=_Parser)
    verbs.required = True
    sub = verbs.add_parser("add", help="raise an action on a meeting's item")
    sub.add_argument("id", type=_meeting_id, metavar="ID")
    sub.add_argument("--item", type=_meeting_id, required=True, metavar="N", help="item number")
    sub.add_argument("text", nargs="+", metavar="TEXT")
    sub.add_argument("--owner", default="", metavar="NAME")
    sub.add_argument("--due", type=_day, metavar="YYYY-MM-DD")
    sub = verbs.add_parser("update", help="record what a meeting said of an action")
    sub.add_argument("action_id", type=_meeting_id, metavar="ACTION_ID")
    sub.add_argument("--meeting", type=_meeting_id, metavar="ID")
    sub.add_argument("--note", required=True, metavar="TEXT")
    sub.add_argument("--status", choices=["open", "done", "dropped"])

    cmd = commands.add_parser("actions", help="actions followed across meetings")
    scope = cmd.add_mutually_exclusive_group()
    scope.add_argument("--meeting", type=_meeting_id, metavar="ID", help="as they stood there")
    scope.add_argument("--series", metavar="ID", help="one series only (its id or name)")
    cmd.add_argument("--open", action="store_true", help="open ones only")
    cmd.add_argument("--json", action="store_true")

    cmd = commands.add_parser("decision", help="record a decision")
    verbs = cmd.add_subparsers(dest="verb", metavar="add", parser_class=_Parser)
    verbs.required = True
    sub = verbs.add_parser("add", help="record a decision on a meeting's item")
    sub.add_argument("id", type=_meeting_id, metavar="ID")
    sub.add_argument("--item", type=_meeting_id, required=True, metavar="N", help="item number")
    sub.add_argument("text", nargs="+", metavar="TEXT")

    cmd = commands.add_parser("decisions", help="the decision register, in meeting order")
    cmd.add_argument("--series", metavar="ID", help="one series only (its id or name)")
    cmd.add_argument("--json", action="store_true")
    return parser
