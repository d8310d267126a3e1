"""The system libraries Qt needs to draw a window on Linux, and the Debian/Ubuntu packages
that hold them.

A fresh Debian or Ubuntu install lacks some (``libxcb-cursor0`` and friends); Qt then stops
the program with a page about platform plugins. Before the window is started, each library
is looked for in the dynamic loader's usual folders (a file check, about 0.1 ms for all);
one not found there is tried with the loader itself (ctypes), and the ones that cannot be
loaded are named by their packages in one sentence instead.
``python -m pcc_minutes.system_libraries`` prints the missing packages, one line, for
``scripts/start`` to offer to install them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# Library file -> Debian/Ubuntu package (the README lists the same packages).
LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
}
# Needed whatever the platform plugin; the rest only to draw on an X11 (or XWayland) screen.
ALWAYS = frozenset({"libEGL.so.1", "libGL.so.1", "libxkbcommon.so.0", "libfontconfig.so.1"})
ALWAYS |= {"libglib-2.0.so.0", "libdbus-1.so.3"}


def _on_disk(name: str) -> bool:
    """Whether ``name`` is in one of the folders the loader searches first: checking the
    files costs next to nothing, where loading the libraries here cost about 7 ms (with
    ctypes) at each start."""
    arch = getattr(sys.implementation, "_multiarch", "") or ""
    folders = os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep)
    folders += [f"/lib/{arch}", f"/usr/lib/{arch}", f"/usr/local/lib/{arch}", "/usr/local/lib"]
    folders += ["/lib64", "/usr/lib64", "/lib", "/usr/lib"]
    return any(folder and os.path.isfile(os.path.join(folder, name)) for folder in folders)


def _loads(name: str) -> bool:
    if _on_disk(name):
        return True
    import ctypes  # only for a library that is not where it usually is

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def needs_x11(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt will draw through its X11 plugin: the default on Linux, unless another
    platform is asked for (``offscreen`` for tests and checks, ``wayland``)."""
    platform = (environ if environ is not None else os.environ).get("QT_QPA_PLATFORM", "")
    return platform in ("", "xcb") or platform.startswith("xcb")


def missing_packages(
    loads: Callable[[str], bool] = _loads, environ: dict[str, str] | None = None
) -> list[str]:
    """The packages whose libraries cannot be loaded here, in the README's order; none off
    Linux, where Qt brings what it needs."""
    if not sys.platform.startswith("linux"):
        return []
    wanted = LIBRARIES if needs_x11(environ) else {k: LIBRARIES[k] for k in ALWAYS}
    return [package for library, package in wanted.items() if not loads(library)]


def missing_sentence(packages: list[str]) -> str:
    """One sentence that says what is missing and what to do."""
    listed = " ".join(packages)
    noun = "package" if len(packages) == 1 else "packages"
    return (
        f"PCC Minutes cannot draw its window: the system {noun} {listed} "
        f"{'is' if len(packages) == 1 else 'are'} missing; install "
        f"{'it' if len(packages) == 1 else 'them'} with 'sudo apt-get install {listed}' "
        "(or run scripts/start, which offers to)."
    )


if __name__ == "__main__":  # scripts/start: the missing packages, on one line
    found = missing_packages()
    if found:
        print(" ".join(found))
