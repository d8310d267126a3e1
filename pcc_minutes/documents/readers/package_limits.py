"""Zip packages (Word .docx, OpenDocument) checked against limits before any library opens them.

A zip file says in its directory how large each entry becomes when inflated; a "zip bomb" is
a small file whose entries inflate to gigabytes. python-docx inflates every part it reads in
one call, so a bomb handed to it costs gigabytes of memory and a minute of time before it is
refused as "not a Word document". :func:`check_package` runs first and refuses, in one
sentence, a package that:

1. has more than :data:`MAX_ENTRIES` entries (counted from the end record, before the
   directory is parsed);
2. says it inflates to more than :data:`MAX_INFLATED` bytes in all, or has an entry over
   1 MB that inflates more than :data:`MAX_RATIO` times (Word's XML inflates about ten
   times; a bomb of zeros about a thousand);
3. inflates, when its entries are then actually inflated in small steps, to more than it
   said, or does not match what it said: the sizes in a zip's directory are written by
   whoever made it, and a bomb may simply understate them. Inflating in steps of
   :data:`STEP` bytes keeps that check itself small in memory and stops at the first byte
   too many.

Steps 1 and 2 read only the directory, so nothing is inflated before them. Every zip file
opened here is closed on every path, so no "Exception ignored" message is ever printed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers.source import shown

MAX_ENTRIES = 5_000
MAX_INFLATED = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # entries smaller than this may inflate as much as they like
STEP = 1024 * 1024

_END_RECORD = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature ... name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"


def _refused(path: Path, why: str) -> UserInputError:
    return UserInputError(
        f"{shown(path)} cannot be imported safely ({why}); check that it is the right file, "
        "or save a copy without its large pictures and import that."
    )


def _declared_entries(data: bytes) -> int | None:
    """The entry count from the zip's end record, or None when there is no end record."""
    found = data.rfind(_END_RECORD, max(0, len(data) - 65_536 - _END_RECORD_SIZE))
    if found < 0 or found + _END_RECORD_SIZE > len(data):
        return None
    return int.from_bytes(data[found + 10 : found + 12], "little")


def check_package(data: bytes, path: Path) -> None:
    """Refuse ``data`` (a zip package read from ``path``) if inflating it could cost too much.

    Damaged zips are left for the reader to refuse as damaged; this only refuses what is
    too large."""
    entries = _declared_entries(data)
    if entries is None:
        return  # not a readable zip: the reader says it is damaged
    if entries > MAX_ENTRIES or entries == 0xFFFF:  # 0xFFFF: more than a plain zip can count
        raise _refused(path, f"it holds over {MAX_ENTRIES:,} parts")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return
    if len(infos) > MAX_ENTRIES:
        raise _refused(path, f"it holds over {MAX_ENTRIES:,} parts")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_INFLATED:
        raise _refused(path, f"its parts unpack to over {MAX_INFLATED // (1024 * 1024)} MB")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refused(path, "a part of it unpacks to hundreds of times its size")
    budget = MAX_INFLATED
    for info in infos:
        budget -= _inflated_size(data, info, path, budget)


def _inflated_size(data: bytes, info: zipfile.ZipInfo, path: Path, budget: int) -> int:
    """How many bytes ``info``'s entry really inflates to, refusing it as soon as that is
    more than it declares or than ``budget``; damaged entries count as their declared size
    (the reader refuses the file when it meets them)."""
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(_LOCAL_SIGNATURE):
        return info.file_size
    fields = _LOCAL_HEADER.unpack(header)
    begin = start + _LOCAL_HEADER.size + fields[-2] + fields[-1]
    compressed = memoryview(data)[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED or info.flag_bits & 0x1:
        return len(compressed)  # stored (or encrypted): nothing to inflate
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _refused(path, "it is packed in a way Word does not use")
    limit = min(info.file_size, budget)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    pending = bytes(compressed[:STEP])
    offset = STEP
    try:
        while True:
            produced += len(inflater.decompress(pending, STEP))
            if produced > limit:
                raise _refused(path, "a part of it unpacks to more than its directory says")
            if inflater.eof:
                break
            pending = inflater.unconsumed_tail
            if not pending:
                if offset >= len(compressed):
                    produced += len(inflater.flush())  # at most a window's worth is left
                    if produced > limit:
                        raise _refused(path, "a part of it unpacks to more than its directory says")
                    break
                pending = bytes(compressed[offset : offset + STEP])
                offset += STEP
    except zlib.error:
        return info.file_size
    return produced
