"""Reading a plain window start — ``pcc-minutes [--db PATH] [--open ID] [--debug]
[--startup-check]`` — without argparse: the window's first paint then waits for neither the
commands' grammar nor argparse and what it loads (help formatting, translations).

Anything else (a command, ``--help``, an abbreviation, a value that is not right) is left to
``cli.parser.build_parser``, which reads it or words its error exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

# The options a plain window start may have, and whether each takes a value.
WINDOW_OPTIONS = {"--db": True, "--open": True, "--debug": False, "--startup-check": False}


def window_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of a plain window start, with the names and values ``build_parser``
    gives them (``command`` None), or None when ``argv`` is anything else."""
    values: dict[str, object] = {
        "db": None,
        "debug": False,
        "open": None,
        "startup_check": False,
    }
    index = 0
    while index < len(argv):
        name, equals, value = argv[index].partition("=")
        takes_value = WINDOW_OPTIONS.get(name)
        if takes_value is None or (equals and not takes_value):
            return None
        index += 1
        if takes_value:
            if not equals:
                if index >= len(argv) or argv[index].startswith("-"):
                    return None
                value = argv[index]
                index += 1
            if name == "--open":
                try:  # read as build_parser reads it (cli.parser._meeting_id)
                    values["open"] = int(value)
                except ValueError:
                    return None  # build_parser says what is wrong with it
                if values["open"] < 1:
                    return None
            else:
                values["db"] = value
        else:
            values[name[2:].replace("-", "_")] = True
    return SimpleNamespace(**values, command=None)
