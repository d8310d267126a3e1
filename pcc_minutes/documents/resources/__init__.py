"""The files shipped inside the package: the reference Word document that defines every style
the Word minutes use, and the Liberation Sans fonts (SIL OFL 1.1) embedded in every PDF.

They are found with ``importlib.resources``, so an ordinary install (a wheel, ``pip install
.``) exports exactly as a checkout does.
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from pcc_minutes.core.errors import PccError

_KEPT = contextlib.ExitStack()  # files unpacked from a zipped install live until exit
atexit.register(_KEPT.close)


@cache
def resource_path(name: str, *, must_exist: bool = False) -> Path:
    """The path of a shipped file, e.g. ``"minutes-reference.docx"`` or ``"fonts"``."""
    path = _KEPT.enter_context(as_file(files(__name__).joinpath(name)))
    if must_exist and not path.exists():
        raise PccError(
            f"This installation of PCC Minutes lacks its file {name} (looked in {path.parent}); "
            "reinstall it with 'pip install --force-reinstall pcc-minutes'."
        )
    return path
