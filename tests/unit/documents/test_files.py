"""Exports are written whole or not at all, as files colleagues can open, through symbolic
links, and with nothing left behind by a killed export."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from pcc_minutes.core.errors import PccError, UserInputError
from pcc_minutes.documents.writers.files import write_atomically


def host_tag() -> str:
    """This computer as our temporary files' names carry it (written out here so that the
    tests say the name a stale-file check must recognise)."""
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:6]


def one_sentence(message: str) -> bool:
    """One line, ending in a full stop, with no operating-system text in brackets."""
    return (
        "\n" not in message
        and message.endswith(".")
        and "Errno" not in message
        and "(" not in message
    )


# --- whole or not at all -----------------------------------------------------------------


def test_a_failed_export_leaves_the_old_file_and_no_partial_file(tmp_path):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the approved version")

    def fails_half_way(temp):
        temp.write_bytes(b"half a docu")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_atomically(target, fails_half_way)
    assert target.read_bytes() == b"the approved version"
    assert os.listdir(tmp_path) == ["minutes.docx"]


def test_a_successful_export_replaces_the_file(tmp_path):
    target = tmp_path / "minutes.md"
    target.write_text("old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["minutes.md"]


def test_a_missing_folder_or_a_folder_as_target_is_bad_input(tmp_path):
    with pytest.raises(UserInputError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "x.md", b"data")
    with pytest.raises(UserInputError, match="is a folder"):
        write_atomically(tmp_path, b"data")


# --- permissions ---------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path, umask, expected):
    before = os.umask(umask)
    try:
        write_atomically(tmp_path / "minutes.md", b"shared with colleagues")
        write_atomically(tmp_path / "minutes.docx", lambda temp: temp.write_bytes(b"docx"))
    finally:
        os.umask(before)
    for name in ("minutes.md", "minutes.docx"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == expected, name


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    before = os.umask(0o022)
    try:
        write_atomically(target, b"new")
    finally:
        os.umask(before)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# --- symbolic links ------------------------------------------------------------------------


def test_a_symbolic_link_is_written_through_and_kept(tmp_path):
    shared, mine = tmp_path / "shared", tmp_path / "mine"
    shared.mkdir()
    mine.mkdir()
    real = shared / "board-minutes.docx"
    real.write_bytes(b"old minutes")
    link = mine / "minutes.docx"
    link.symlink_to(Path("..") / "shared" / "board-minutes.docx")

    assert write_atomically(link, b"new minutes") == link
    assert link.is_symlink() and os.readlink(link) == str(Path("..", "shared", real.name))
    assert real.read_bytes() == b"new minutes"
    assert sorted(os.listdir(shared)) == ["board-minutes.docx"]
    assert sorted(os.listdir(mine)) == ["minutes.docx"]


def test_a_link_to_a_file_not_yet_there_creates_that_file(tmp_path):
    link = tmp_path / "latest.md"
    link.symlink_to("2026-03-01.md")
    write_atomically(link, b"minutes")
    assert link.is_symlink() and (tmp_path / "2026-03-01.md").read_bytes() == b"minutes"


def test_a_link_in_a_loop_is_bad_input(tmp_path):
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    with pytest.raises(UserInputError, match="loop"):
        write_atomically(tmp_path / "a.md", b"minutes")
    assert sorted(os.listdir(tmp_path)) == ["a.md", "b.md"]


# --- killed while writing ------------------------------------------------------------------

# Each child starts with the signals' default actions: a test run under nohup (SIGHUP
# ignored, which our handler rightly respects) must still test the default case.
SLOW_WRITE = """
import signal, sys, time
signal.signal(signal.SIGHUP, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
from pathlib import Path
from pcc_minutes.documents.writers.files import write_atomically

def slow(temp):
    temp.write_bytes(b"half a document")
    print(temp, flush=True)
    time.sleep(60)

write_atomically(Path(sys.argv[1]), slow)
"""

SLOW_EXPORT = """
import signal, sys, time
signal.signal(signal.SIGHUP, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
from pathlib import Path
from pcc_minutes import operations as ops
from pcc_minutes.documents.writers import markdown
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store.database import open_store

store = open_store(sys.argv[2])
meeting = create_demo(store).value[0]
real_write = markdown.write_markdown

def slow(doc, temp):  # the test hook: the real writer, then a long pause before the rename
    real_write(doc, temp)
    print(temp, flush=True)
    time.sleep(60)

markdown.write_markdown = slow
ops.export_minutes(store, meeting.id, "md", Path(sys.argv[1]))
"""


def kill_during_write(script: str, target: Path, number: int, *extra: str) -> int:
    """Run ``script`` in a child, send it ``number`` once its temporary file exists, and give
    back how it ended."""
    with subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), str(target), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            temp = Path(child.stdout.readline().strip())
            assert temp.name.endswith(".part") and temp.exists(), child.stderr.read()
            child.send_signal(number)
            return child.wait(timeout=20)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_a_write_ended_by_a_signal_leaves_no_partial_file(tmp_path, number):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the approved version")
    code = kill_during_write(SLOW_WRITE, target, number)
    assert code == -number  # it still ended by that signal, as it would have
    assert os.listdir(tmp_path) == ["minutes.docx"]
    assert target.read_bytes() == b"the approved version"


def test_an_export_killed_by_sigterm_leaves_no_partial_file(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    code = kill_during_write(
        SLOW_EXPORT, folder / "minutes.md", signal.SIGTERM, str(tmp_path / "db.sqlite3")
    )
    assert code == -signal.SIGTERM
    assert os.listdir(folder) == []


def test_a_python_handler_is_handed_the_signal_and_restored(tmp_path):
    calls: list[int] = []

    def handler(number, frame):
        calls.append(number)

    before = signal.signal(signal.SIGTERM, handler)
    try:

        def interrupted(temp):
            temp.write_bytes(b"minutes")
            os.kill(os.getpid(), signal.SIGTERM)

        write_atomically(tmp_path / "minutes.md", interrupted)
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, before)
    assert calls == [signal.SIGTERM]  # it returned, so the export went on and finished
    assert (tmp_path / "minutes.md").read_bytes() == b"minutes"
    assert os.listdir(tmp_path) == ["minutes.md"]


def test_a_write_from_another_thread_needs_no_signal_handlers(tmp_path):
    failures: list[BaseException] = []

    def export():
        try:
            write_atomically(tmp_path / "minutes.md", b"from a worker")
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    worker = threading.Thread(target=export)
    worker.start()
    worker.join()
    assert failures == [] and (tmp_path / "minutes.md").read_bytes() == b"from a worker"


# --- stale temporary files -----------------------------------------------------------------


def ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_partial_files_of_ours_are_removed_on_the_next_export(tmp_path):
    here = host_tag()
    dead = tmp_path / f".minutes.docx.pcc-{here}-{ended_pid()}-0a1b2c3d.part"
    old = tmp_path / f".agenda.pdf.pcc-{here}-{os.getpid()}-0a1b2c3e.part"
    running = tmp_path / f".agenda.pdf.pcc-{here}-{os.getpid()}-0a1b2c3f.part"
    elsewhere = tmp_path / f".minutes.md.pcc-abcdef-{ended_pid()}-0a1b2c40.part"
    not_ours = tmp_path / ".minutes.docx.part"
    for path in (dead, old, running, elsewhere, not_ours):
        path.write_bytes(b"partial")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))

    write_atomically(tmp_path / "minutes.md", b"new")
    left = sorted(os.listdir(tmp_path))
    assert dead.name not in left and old.name not in left
    # A live export's file, one from another computer sharing the folder (its process may
    # still be running there) and files not named as ours are left alone.
    assert left == sorted(["minutes.md", running.name, elsewhere.name, not_ours.name])


# --- folders and names that cannot be written ----------------------------------------------


@contextmanager
def read_only_folder(folder: Path):
    """``folder`` made read-only for real: by its mode, or for root (who may write anywhere)
    by the immutable attribute; skipped where neither is possible."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", folder], capture_output=True).returncode:
        pytest.skip("running as root on a file system without the immutable attribute")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", folder], check=True)


def test_a_read_only_folder_gives_one_clear_sentence(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    with read_only_folder(folder):
        with pytest.raises(PccError) as caught:
            write_atomically(folder / "minutes.md", b"minutes")
        assert os.listdir(folder) == []
    message = str(caught.value)
    assert type(caught.value) is PccError and caught.value.exit_code == 1
    assert one_sentence(message), message
    assert str(folder) in message and "write to" in message


def test_export_onto_a_read_only_file_system_is_one_sentence_exit_1(cli, tmp_path, monkeypatch):
    assert cli("demo").code == 0
    folder = tmp_path / "mounted-read-only"
    folder.mkdir()
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if Path(os.fsdecode(path)).parent == folder and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    result = cli("export", "1", "--format", "md", "-o", folder / "minutes.md")
    assert result.code == 1
    message = result.err.strip().removeprefix("pcc-minutes: ").removeprefix("error: ")
    assert one_sentence(message), result.err
    assert str(folder) in message and os.listdir(folder) == []


def test_a_long_file_name_that_fits_the_folder_is_written(tmp_path):
    name = "m" * (250 - len(".docx")) + ".docx"  # 250 bytes: room for it, not for a prefix
    write_atomically(tmp_path / name, b"minutes")
    assert os.listdir(tmp_path) == [name]


def test_a_file_name_too_long_for_the_folder_is_bad_input(tmp_path):
    with pytest.raises(UserInputError) as caught:
        write_atomically(tmp_path / ("m" * 300 + ".md"), b"minutes")
    assert caught.value.exit_code == 2 and one_sentence(str(caught.value))
    assert "too long" in str(caught.value) and os.listdir(tmp_path) == []


def test_a_full_disk_says_so_in_one_sentence(tmp_path):
    def full(temp):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(PccError) as caught:
        write_atomically(tmp_path / "minutes.pdf", full)
    assert one_sentence(str(caught.value)) and "space" in str(caught.value)
    assert os.listdir(tmp_path) == []
