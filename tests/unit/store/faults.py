"""Database faults built for real: read-only mounts, a full disk (a small tmpfs), another
user who may not write, another program's file, a newer schema, a lock, a damaged file.

The mounts need root with the right to mount (a CI container usually has it; a developer's
machine usually not): the tests that use them skip, saying why, when it is missing.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

NOBODY = 65534


def demo_database(path: Path) -> Path:
    """A real database of two demo meetings, through the real migrations, in WAL mode."""
    from pcc_minutes.operations.demo import create_demo
    from pcc_minutes.store.database import open_store

    store = open_store(path)
    create_demo(store)
    store.close()
    return path


def in_rollback_mode(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=DELETE")
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the SHA-256 of its bytes: what "byte-identical, and
    nothing left beside it" compares."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=60)


@functools.cache
def mounting() -> str:
    """ "" when this process may mount file systems, else why not (the reason to skip)."""
    if os.geteuid() != 0:
        return "mounting needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    trial = Path(tempfile.mkdtemp(prefix="pcc-mount-trial-"))
    try:
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(trial))
        run("umount", str(trial))
    except (subprocess.SubprocessError, OSError):
        return "this system does not allow mounting (no CAP_SYS_ADMIN)"
    finally:
        trial.rmdir()
    return ""


def need_mounting() -> None:
    reason = mounting()
    if reason:
        pytest.skip(f"cannot build the fault for real: {reason}")


def _unmount(target: Path) -> None:
    try:
        run("umount", str(target))
    except subprocess.SubprocessError:
        run("umount", "-l", str(target))  # still busy: detach it now, free it when unused


@contextlib.contextmanager
def read_only_mount(target: Path) -> Iterator[Path]:
    """``target`` (a file or a folder) seen read-only, as on a read-only share or disk: even
    root gets EROFS. Bind-mounted onto itself, so paths stay the same."""
    need_mounting()
    run("mount", "--bind", str(target), str(target))
    try:
        run("mount", "-o", "remount,bind,ro", str(target))
        yield target
    finally:
        _unmount(target)


@contextlib.contextmanager
def small_disk(folder: Path, size: int) -> Iterator[Path]:
    """``folder`` becomes a disk of ``size`` bytes (a tmpfs), unmounted afterwards."""
    need_mounting()
    folder.mkdir(parents=True, exist_ok=True)
    run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path, *, leave: int = 0) -> None:
    """Fill the disk under ``folder`` until at most ``leave`` bytes are free."""
    chunk = b"\0" * 4096
    with open(folder / "filler", "ab") as handle:
        try:
            while True:
                disk = os.statvfs(folder)
                if disk.f_bavail * disk.f_frsize <= leave:
                    break
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private one (mode 0700), where another user can reach."""
    if os.geteuid() != 0:
        pytest.skip("cannot build the fault for real: acting as another user needs root")
    if shutil.which("setpriv") is None:
        pytest.skip("cannot build the fault for real: no setpriv to act as another user")
    folder = Path(tempfile.mkdtemp(prefix="pcc-faults-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_nobody(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` run as the unprivileged user nobody, with this project importable."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME="/tmp")
    return subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
        + [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd="/",
    )


def unwritable_database(shared: Path, what: str) -> Path:
    """A demo database in ``shared`` that another user may read but not write: its ``file``
    read-only in an open folder, or its ``folder`` read-only around a writable file."""
    folder = shared / "minutes"
    folder.mkdir()
    path = demo_database(folder / "minutes.sqlite3")
    if what == "file":
        folder.chmod(0o777)
        path.chmod(0o444)
    else:
        path.chmod(0o666)
        folder.chmod(0o555)
    return path
