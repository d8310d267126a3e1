"""The ``pcc-minutes`` program: a command runs on the command line, no command opens the window.

This module sits above both ``cli`` and ``ui`` so that neither imports the other; Qt is
imported only on the way to the window.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def _open_window(args: argparse.Namespace) -> int:
    from pcc_minutes.system_libraries import missing_packages, missing_sentence

    missing = missing_packages()
    if missing:  # Qt would stop the program with a page about platform plugins instead
        print(f"pcc-minutes: {missing_sentence(missing)}", file=sys.stderr)
        return 1
    # Building the window makes some 50,000 objects that live as long as it does: Python's
    # cycle collector waits until the first paint (ui.app resumes it) instead of scanning
    # them over and over on the way.
    gc.disable()
    try:
        from pcc_minutes.ui.app import run_window

        code = run_window(args)
    finally:
        gc.enable()
    # Everything is written by now (the window's close waits for the saver and the live
    # writer, the store is closed, the settings synced). Tearing down every Qt object and
    # module one by one only costs the user a tenth of a second more at each exit.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    from pcc_minutes.cli import main as run_command_line

    return run_command_line(argv, open_window=_open_window)
