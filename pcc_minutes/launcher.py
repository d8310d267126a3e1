"""The ``pcc-minutes`` program: a command runs on the command line, no command opens the window.

This module sits above both ``cli`` and ``ui`` so that neither imports the other; Qt is
imported only on the way to the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def _open_window(args: argparse.Namespace) -> int:
    from pcc_minutes.ui.app import run_window

    return run_window(args)


def main(argv: Sequence[str] | None = None) -> int:
    from pcc_minutes.cli import main as run_command_line

    return run_command_line(argv, open_window=_open_window)
