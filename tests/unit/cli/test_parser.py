"""The window's start reads its few options without the commands' grammar, with the same
result the full grammar gives; anything else is left to the full grammar and its errors."""

from __future__ import annotations

import pytest

from pcc_minutes.cli import main
from pcc_minutes.cli.parser import build_parser, window_arguments


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "minutes.sqlite3"],
        ["--db=minutes.sqlite3", "--startup-check"],
        ["--startup-check", "--db", "a b.sqlite3", "--open", "7", "--debug"],
        ["--open=3", "--db", "x", "--db", "y"],
    ],
)
def test_a_window_start_reads_as_the_full_grammar_reads_it(argv):
    quick = window_arguments(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--db", "x", "list", "--json"],
        ["--help"],
        ["--version"],
        ["--startup"],  # an abbreviation: the full grammar decides
        ["--open", "0"],
        ["--open", "seven"],
        ["--open", "-2"],
        ["--db"],
        ["--db", "--startup-check"],
        ["--startup-check=yes"],
        ["--bogus"],
    ],
)
def test_anything_else_is_left_to_the_full_grammar(argv):
    assert window_arguments(argv) is None


def test_a_bad_window_option_is_still_one_line_and_exit_2(capsys):
    opened = []
    assert main(["--open", "0"], open_window=opened.append) == 2
    assert not opened
    err = capsys.readouterr().err
    assert "meeting ID must be 1 or more" in err and err.count("\n") == 1


def test_the_window_gets_what_was_asked(capsys):
    opened = []
    assert (
        main(["--db", "x.sqlite3", "--open", "4"], open_window=lambda a: opened.append(a) or 0) == 0
    )
    assert opened[0].db == "x.sqlite3" and opened[0].open == 4 and opened[0].command is None
