"""Where the shipped resources (reference Word styles, fonts) live: ``resources/`` at the
project root, beside the package."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.errors import PccError

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_path(name: str, *, must_exist: bool = False) -> Path:
    path = RESOURCES / name
    if must_exist and not path.exists():
        raise PccError(f"The resource {name} is missing from {RESOURCES}; reinstall PCC Minutes.")
    return path
