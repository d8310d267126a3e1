"""Files are written whole or not at all: a temporary file beside the target, then a rename.

A failed export leaves no partial file and does not touch an existing one; a folder that
cannot be written gives one sentence that says what to do. The written file is one the
user's colleagues can open as their umask allows (not the 0600 of a private temporary
file), or keeps the mode of the file it replaces. A symbolic link is written through: its
target gets the new content and the link stays a link.

The temporary file has a name we can recognise (``.<name>.pcc-<host>-<pid>-<token>.part``)
so that one left by a killed export is removed by the next export to the same folder, and
SIGTERM or SIGHUP during a write removes it before the process ends as it would have.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import signal
import socket
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from pcc_minutes.core.errors import PccError, UserInputError

# A temporary file of ours older than this is stale whoever made it (a pid may be reused, and
# a file made on another computer sharing the folder has a pid we cannot check).
STALE_AFTER_SECONDS = 12 * 3600
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_PARTIAL = re.compile(r"^\..*\.pcc-(?P<host>[0-9a-f]{6})-(?P<pid>\d+)-[0-9a-f]+\.part$", re.S)
_NAME_BYTES_KEPT = 80  # of the target's name in the temporary file's, so that it stays short
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def host_tag() -> str:
    """Six hex digits naming this computer in our temporary files' names."""
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def partial_name(target_name: str, pid: int | None = None) -> str:
    """The name of a temporary file for ``target_name`` made by process ``pid`` (ours)."""
    short = os.fsencode(target_name)[:_NAME_BYTES_KEPT].decode("utf-8", "ignore")
    pid = os.getpid() if pid is None else pid
    return f".{short}.pcc-{host_tag()}-{pid}-{secrets.token_hex(4)}.part"


def _through_links(target: Path) -> Path:
    """The file a write to ``target`` should change: the end of a chain of symbolic links."""
    if not target.is_symlink():
        return target
    real = Path(os.path.realpath(target))
    if real.is_symlink():  # realpath stops inside a loop
        raise UserInputError(
            f"{target} is a symbolic link that leads round in a loop; give a file name to write to."
        )
    return real


def write_atomically(target: Path, produce: bytes | Callable[[Path], None]) -> Path:
    """Write ``produce`` (bytes, or a function that writes to the path it is given) to
    ``target`` through a temporary file in the same folder, then rename it into place.

    Returns ``target`` as given (a symbolic link stays the path the user named)."""
    target = Path(target)
    _check_name_length(target)
    real = _through_links(target)
    if real.is_dir():
        raise UserInputError(f"{target} is a folder; give a file name to write to.")
    folder = real.parent
    if not folder.is_dir():
        raise UserInputError(f"The folder {folder} does not exist; create it or choose another.")
    if real != target:
        _check_name_length(real)  # the link's target has a name of its own
    remove_stale_partials(folder)
    kept_mode = _mode_to_keep(real)
    made: list[Path] = []  # the temporary file, once it exists
    try:
        with _removed_on_termination(made):
            temp, new_mode = _create_partial(real, made)
            mode = new_mode if kept_mode is None else kept_mode
            if isinstance(produce, bytes):
                temp.write_bytes(produce)
            else:
                produce(temp)
            handle = os.open(temp, os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
            if stat.S_IMODE(temp.stat().st_mode) != mode:
                os.chmod(temp, mode)
            os.replace(temp, real)
            made.clear()
    except OSError as exc:
        _remove(made)
        raise _write_error(exc, target, folder) from exc
    except BaseException:
        _remove(made)
        raise
    _sync_folder(folder)
    return target


def _check_name_length(path: Path) -> None:
    """Refuse a name the folder cannot hold before anything is looked up or rendered."""
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    if len(os.fsencode(path.name)) > limit:
        raise UserInputError(
            f"The file name {path.name[:40]}… is too long for its folder; choose a shorter name."
        )


def _mode_to_keep(real: Path) -> int | None:
    """The permissions of the file being replaced; None for a new file (which then keeps
    the temporary file's own, decided by the umask and the folder's default ACL as for any
    new file)."""
    try:
        return stat.S_IMODE(real.stat().st_mode) & 0o777
    except OSError:
        return None


def _create_partial(real: Path, made: list[Path]) -> tuple[Path, int]:
    """A new empty temporary file beside ``real``, created as any new file is (0666 less the
    umask), never a private 0600 one, and that mode; noted in ``made`` as soon as it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = real.with_name(partial_name(real.name))
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        made.append(temp)
        mode = stat.S_IMODE(temp.stat().st_mode)
        if mode & 0o600 != 0o600:  # an odd umask: we must still write it, and read it back
            os.chmod(temp, mode | 0o600)
        return temp, mode


def _remove(made: list[Path]) -> None:
    for temp in made:
        with suppress(OSError):
            temp.unlink(missing_ok=True)
    made.clear()


def _write_error(exc: OSError, target: Path, folder: Path) -> PccError:
    """One sentence for what went wrong with the folder or disk, and what to do."""
    if exc.errno in _READ_ONLY:
        return PccError(
            f"The folder {folder} cannot be written to; export to a folder you can write to."
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PccError(
            f"There is no space left to write {target}; free some space or choose another folder."
        )
    if exc.errno == errno.ENAMETOOLONG:
        return UserInputError(
            f"The file name {target.name[:40]}… is too long for its folder; choose a shorter name."
        )
    return PccError(f"Cannot write {target}; choose a folder you can write to.")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort; not every system can open a folder)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


# --- temporary files left behind -----------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot check: keep its file
    return True


def _is_stale(entry: os.DirEntry, here: str, now: float) -> bool:
    found = _PARTIAL.match(entry.name)
    if found is None or not entry.is_file(follow_symlinks=False):
        return False
    with suppress(OSError):
        if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS:
            return True
    return found["host"] == here and not _pid_alive(int(found["pid"]))


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the temporary files of ours in ``folder`` that no running export will finish:
    made on this computer by a process that has ended, or older than ``STALE_AFTER_SECONDS``.
    Best effort: a file that cannot be removed is left."""
    removed: list[Path] = []
    here, now = host_tag(), time.time()
    with suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".part") and _is_stale(entry, here, now):
                with suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


# --- termination during a write ------------------------------------------------------------


@contextmanager
def _removed_on_termination(made: list[Path]) -> Iterator[None]:
    """While the body runs, SIGTERM and SIGHUP first remove the temporary file in ``made``,
    then do what they did before (the previous handler, or the default: the process ends by
    that signal).

    Handlers can be set only from the main thread; elsewhere the write goes unguarded."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}

    def on_signal(number: int, frame) -> None:
        before = previous.get(number, signal.SIG_DFL)
        if before is signal.SIG_IGN:
            return  # the signal did nothing before; the write goes on
        if callable(before):
            before(number, frame)  # if it raises, the write's own clean-up removes the file
            return
        _remove(made)
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)  # end as the default action would have

    try:
        for number in _SIGNALS:
            before = signal.getsignal(number)
            if before is None:  # set outside Python: we could not hand it on
                continue
            previous[number] = before
            signal.signal(number, on_signal)
        yield
    finally:
        for number, before in previous.items():
            signal.signal(number, before)
