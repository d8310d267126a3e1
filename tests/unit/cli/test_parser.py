"""The window's start reads its few options without the commands' grammar, with the same
result the full grammar gives; anything else is left to the full grammar and its errors."""

from __future__ import annotations

import pytest

from pcc_minutes.cli import main
from pcc_minutes.cli.parser import build_parser
from pcc_minutes.cli.window_options import window_arguments


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "minutes.sqlite3"],
        ["--db=minutes.sqlite3", "--startup-check"],
        ["--startup-check", "--db", "a b.sqlite3", "--open", "7", "--debug"],
        ["--open=3", "--db", "x", "--db", "y"],
        ["--db=", "--open", "12"],
        ["--open", " 3", "--open", "+4"],
        ["--db", "weird=name.sqlite3"],
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
        ["--open", "three"],
        ["--open", "²"],
        ["--open=", "--db", "x"],
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


def test_a_plain_window_start_loads_no_argument_parser(tmp_path):
    """The window's start reads its options by hand: argparse and the commands' grammar
    (with the writers' registry it names) are not imported on the way to the window."""
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    probe = (
        "import json, sys\n"
        "from pcc_minutes.cli import main\n"
        "seen = {}\n"
        "def window(args):\n"
        "    seen['loaded'] = sorted(m for m in ('argparse', 'pcc_minutes.cli.parser',\n"
        "        'pcc_minutes.documents.writers') if m in sys.modules)\n"
        "    seen['db'] = args.db\n"
        "    return 0\n"
        "code = main(['--db', 'x.sqlite3', '--startup-check'], open_window=window)\n"
        "print(json.dumps({'code': code, **seen}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"code": 0, "loaded": [], "db": "x.sqlite3"}
