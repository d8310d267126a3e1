"""Every file a user names is read within limits, and refused in one sentence otherwise.

Real files are made here: a FIFO (``os.mkfifo``), ``/dev/zero``, a sparse file past the size
limit, zip bombs written with ``zipfile`` from zeros (one that says how large it is, one
whose directory understates it), file names too long for the file system, and text saved
as UTF-16 and UTF-8 with a byte-order mark, as Notepad saves them.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import resource
import struct
import sys
import threading
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers import package_limits, read_minutes, source
from pcc_minutes.operations.templates import load_template

MINUTES = (
    "Police and Crime Panel\n"
    "14 August 2025, 10:30-11.30; Council Chamber, Town Hall\n"
    "Meeting note\n"
    "The Panel met to review the precept.\n"
    "Item 1: Precept Proposal\n"
    "The Commissioner set out the proposal for the coming year.\n"
)


def one_sentence(message: str) -> bool:
    return "\n" not in message and message.endswith(".") and "Traceback" not in message


def refused(call, *args) -> str:
    """The sentence ``call(*args)`` is refused with, which must come within five seconds."""
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(call(*args))
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading the file did not finish within five seconds"
    (result,) = outcome
    assert isinstance(result, UserInputError), result
    message = str(result)
    assert one_sentence(message), message
    return message


@contextlib.contextmanager
def memory_cap(extra_bytes: int):
    """Cap this process's address space at what it uses now plus ``extra_bytes``, so code
    that reads without limit fails with MemoryError instead of exhausting the machine."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    cap = in_use + extra_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# -- only regular files ---------------------------------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path):
    path = tmp_path / "minutes.txt"
    os.mkfifo(path)
    yield path
    # If a reader is stuck opening it (the old code), a writer lets it go.
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_a_fifo_is_refused_at_once_and_never_waited_on(fifo):
    message = refused(read_minutes, fifo)
    assert "pipe" in message and str(fifo) in message


def test_a_fifo_given_as_a_template_is_refused_at_once(fifo):
    assert "pipe" in refused(load_template, fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_not_read():
    with memory_cap(512 * 1024 * 1024):
        message = refused(read_minutes, Path("/dev/zero"))
    assert "device" in message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_as_a_template():
    with memory_cap(512 * 1024 * 1024):
        assert "device" in refused(load_template, Path("/dev/zero"))


def test_a_folder_is_refused(tmp_path):
    assert "is a folder" in refused(read_minutes, tmp_path)


# -- size -------------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "minutes.txt"
    with big.open("wb") as handle:  # sparse: the size is there, the disk is not used
        handle.truncate(source.MAX_BYTES + 1)
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    message = refused(read_minutes, big)
    assert "too large" in message and "50 MB" in message
    assert reads == []  # refused by its size alone


def test_a_template_over_its_own_limit_is_refused(tmp_path):
    big = tmp_path / "big.pcctemplate.json"
    big.write_bytes(b" " * (2 * 1024 * 1024) + b"{}")
    assert "too large" in refused(load_template, big)


def test_the_limit_holds_for_a_file_that_grows_after_it_is_measured(tmp_path, monkeypatch):
    grows = tmp_path / "minutes.txt"
    grows.write_bytes(MINUTES.encode() * 10)
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    real_stat = os.stat

    def small_stat(path, *args, **kwargs):  # it measured small, then grew
        found = real_stat(path, *args, **kwargs)
        return os.stat_result((*found[:6], 50, *found[7:]))

    monkeypatch.setattr(os, "stat", small_stat)
    assert "too large" in refused(source.read_user_file, grows, 100)


# -- zip packages -------------------------------------------------------------------------------


def _word_package() -> dict[str, bytes]:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Police and Crime Panel")
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as package:
        return {name: package.read(name) for name in package.namelist()}


def _bomb(path: Path, zeros_mb: int) -> Path:
    """A Word package whose document part is ``zeros_mb`` megabytes of zeros."""
    parts = _word_package()
    block = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name == "word/document.xml":
                with archive.open(name, "w", force_zip64=True) as part:
                    for _ in range(zeros_mb):
                        part.write(block)
            else:
                archive.writestr(name, data)
    return path


def _understated_bomb(path: Path, zeros_mb: int, says: int) -> Path:
    """A bomb whose directory says its document part is only ``says`` bytes (with the CRC
    of that many zeros), as a hand-made bomb may; the compressed data is all there."""
    parts = _word_package()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = b"".join(compressor.compress(b"\0" * (1024 * 1024)) for _ in range(zeros_mb))
    deflated += compressor.flush()
    crc = zlib.crc32(b"\0" * says)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
    raw = bytearray(path.read_bytes())
    # Append the lying entry by hand: its local header, data, and a new central directory.
    end = raw.rfind(b"PK\x05\x06")
    (_, _, _, count, _, directory_size, directory_offset, _) = struct.unpack(
        "<4s4H2LH", raw[end : end + 22]
    )
    directory = bytes(raw[directory_offset : directory_offset + directory_size])
    body = raw[:directory_offset]
    name = b"word/document.xml"
    offset = len(body)
    local = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), says, len(name), 0
    )
    body += local + name + deflated
    central = struct.pack(
        "<4s6H3L5H2L",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(deflated),
        says,
        len(name),
        0,
        0,
        0,
        0,
        0,
        offset,
    )
    directory += central + name
    record = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, count + 1, count + 1, len(directory), len(body), 0
    )
    path.write_bytes(bytes(body) + directory + record)
    return path


def _refused_small_and_fast(path: Path) -> str:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with memory_cap(1024 * 1024 * 1024):
            message = refused(read_minutes, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 60 * 1024 * 1024, f"{peak / 1e6:.0f} MB held while refusing it"
    return message


def test_a_zip_bomb_is_refused_by_its_directory_before_anything_is_inflated(tmp_path):
    bomb = _bomb(tmp_path / "minutes.docx", 300)
    assert bomb.stat().st_size < 1024 * 1024  # 300 MB of zeros packed in well under 1 MB
    message = _refused_small_and_fast(bomb)
    assert "cannot be imported safely" in message and "200 MB" in message


def test_a_part_that_inflates_hundreds_of_times_its_size_is_refused(tmp_path):
    bomb = _bomb(tmp_path / "minutes.docx", 40)  # under the total limit, but all zeros
    assert "hundreds of times" in _refused_small_and_fast(bomb)


def test_a_bomb_whose_directory_understates_it_is_refused_while_inflating(tmp_path):
    bomb = _understated_bomb(tmp_path / "minutes.docx", 300, says=2_000)
    with zipfile.ZipFile(bomb) as archive:  # a well-formed zip that says it is small
        assert archive.getinfo("word/document.xml").file_size == 2_000
    assert "more than its directory says" in _refused_small_and_fast(bomb)


def test_a_package_of_too_many_parts_is_refused(tmp_path):
    path = tmp_path / "minutes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(package_limits.MAX_ENTRIES + 1):
            archive.writestr(f"customXml/item{number}.xml", b"")
    assert "parts" in refused(read_minutes, path)


def test_an_ordinary_word_file_still_reads(tmp_path):
    document = docx.Document()
    for line in MINUTES.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "minutes.docx"
    document.save(path)
    assert read_minutes(path).title == "Police and Crime Panel"


def test_no_zip_file_is_left_for_the_garbage_collector_to_complain_about(tmp_path, monkeypatch):
    """A zip python-docx cannot read is closed, not left open ("Exception ignored in
    ZipFile.__del__"): no unraisable exception, no ResourceWarning, nothing on stderr."""
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    broken = {
        "no document part": {"[Content_Types].xml": b"<Types/>"},
        "document part not XML": {**_word_package(), "word/document.xml": b"\0" * 5000},
        "content types not XML": {**_word_package(), "[Content_Types].xml": b"<<<"},
    }
    errors = io.StringIO()
    for name, parts in broken.items():
        path = tmp_path / f"{name}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)
        with contextlib.redirect_stderr(errors):
            refused(read_minutes, path)
            gc.collect()
    truncated = tmp_path / "truncated.docx"
    whole = _bomb(tmp_path / "small.docx", 1).read_bytes()
    truncated.write_bytes(whole[: len(whole) // 2])
    with contextlib.redirect_stderr(errors):
        refused(read_minutes, truncated)
        gc.collect()
    assert unraisable == [] and errors.getvalue() == ""


# -- text encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-8-sig", "utf-32"]
)
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    boms = {"utf-16-le-bom": b"\xff\xfe", "utf-16-be-bom": b"\xfe\xff"}
    if encoding in boms:
        data = boms[encoding] + MINUTES.replace("\n", "\r\n").encode(encoding[:9])
    else:
        data = MINUTES.replace("\n", "\r\n").encode(encoding)
    path = tmp_path / "minutes.txt"
    path.write_bytes(data)
    doc = read_minutes(path)
    assert doc.title == "Police and Crime Panel"
    assert doc.venue == "Council Chamber, Town Hall"
    assert [item.title for item in doc.items] == ["Precept Proposal"]


def test_binary_data_is_still_refused_as_not_text(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 1000)
    assert "not a text or Word file" in refused(read_minutes, path)


def test_a_byte_order_mark_before_text_that_does_not_decode_is_refused(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate in UTF-16
    assert "not a text or Word file" in refused(read_minutes, path)


# -- names and paths ----------------------------------------------------------------------------


def test_a_file_name_too_long_gives_one_short_sentence(tmp_path):
    path = tmp_path / ("minutes of the panel " * 20 + ".txt")
    message = refused(read_minutes, path)
    assert "too long" in message and len(message) < 300


def test_a_path_too_long_gives_one_sentence(tmp_path):
    path = tmp_path.joinpath(*["folder"] * 1000, "minutes.txt")
    assert "too long" in refused(read_minutes, path)


def test_a_path_through_a_file_gives_one_sentence(tmp_path):
    (tmp_path / "notes.txt").write_text(MINUTES)
    message = refused(read_minutes, tmp_path / "notes.txt" / "minutes.txt")
    assert "not a folder" in message


def test_a_missing_file_and_an_empty_file_give_one_sentence(tmp_path):
    assert "does not exist" in refused(read_minutes, tmp_path / "missing.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "is empty" in refused(read_minutes, tmp_path / "empty.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_gives_one_sentence(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES)
    path.chmod(0)
    assert "permission" in refused(read_minutes, path)


def test_a_name_holding_a_nul_character_gives_one_sentence(tmp_path):
    assert "not a usable file name" in refused(read_minutes, tmp_path / "minutes\0.txt")
