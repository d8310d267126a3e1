"""Running one measurement in a fresh process: the benches that need a clean interpreter per
size (a window, a typing session) call their own file with ``--child`` and read back the
JSON line it prints last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run_child(script: str, arguments: list[str], timeout: float) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, script, "--child", *arguments],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
