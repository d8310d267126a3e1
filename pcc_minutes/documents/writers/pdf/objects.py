"""PDF objects written as finished bytes into reportlab's own document, so the structure tree,
bookmarks and metadata go out in reportlab's single write instead of a second pass that
re-reads and re-writes the whole file.

reportlab numbers an object when it is registered (``PDFDocument.Reference``), so every
object can be registered first and its bytes made after, with the numbers of the objects it
points at already known. Making the bytes here, rather than building reportlab's dictionary
objects, keeps thousands of structure elements cheap.
"""

from __future__ import annotations

import zlib
from itertools import accumulate, chain

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    DummyDoc,
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFFile,
    PDFIndirectObject,
    PDFName,
    PDFObject,
    PDFStream,
    PDFString,
    PDFTrailer,
    PDFZCompress,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

_PLAIN = DummyDoc()


class RawObject(PDFObject):
    """An indirect object whose body (a dictionary, array or stream) is already bytes."""

    def __init__(self, body: bytes = b"") -> None:
        self.body = body

    def format(self, document) -> bytes:
        return self.body


def register(document: PDFDocument, obj: PDFObject) -> bytes:
    """Register ``obj`` as an indirect object and return the bytes that refer to it."""
    return ref(document, document.Reference(obj).name)


class ObjectRun(PDFObject):
    """Consecutive indirect objects, numbered from ``first``, whose bodies are bytes: the
    thousands of structure elements of a long meeting, registered and written in one go
    rather than one object at a time."""

    def __init__(self, first: int, count: int) -> None:
        self.first = first
        self.count = count
        self.bodies: list[bytes] = []

    def format(self, document) -> bytes:
        raise TypeError("an object run is written by write_all, not formatted")


def reserve(document: PDFDocument, count: int) -> int:
    """Number ``count`` objects in a row (their bodies given later by ``fill``); return the
    first number. Objects registered afterwards are numbered after them."""
    first = document.objectcounter + 1
    if count:
        run = ObjectRun(first, count)
        name = f"R{first}"
        run.__InternalName__ = name
        document.idToObjectNumberAndVersion[name] = (first, 0)
        document.numberToId[first] = name
        document.idToObject[name] = run
        document.objectcounter += count
    return first


def fill(document: PDFDocument, first: int, bodies: list[bytes]) -> None:
    """The bodies of the objects ``reserve`` numbered from ``first``, in order."""
    if not bodies:
        return
    run = document.idToObject[document.numberToId[first]]
    if type(run) is not ObjectRun or run.count != len(bodies):
        raise ValueError(f"{len(bodies)} bodies for the objects reserved at {first}")
    run.bodies = bodies


def _unrun(document: PDFDocument) -> None:
    """Each object run made into separate objects, for reportlab's own writing."""
    for name, obj in list(document.idToObject.items()):
        if type(obj) is ObjectRun:
            for number, body in enumerate(obj.bodies, start=obj.first):
                name = f"R{number}"
                raw = RawObject(body)
                raw.__InternalName__ = name
                document.idToObjectNumberAndVersion[name] = (number, 0)
                document.numberToId[number] = name
                document.idToObject[name] = raw


def ref(document: PDFDocument, name: str) -> bytes:
    """The reference (``n 0 R``) to an object reportlab registered under ``name``."""
    number, generation = document.idToObjectNumberAndVersion[name]
    return b"%d %d R" % (number, generation)


def page_ref(document: PDFDocument, index: int) -> bytes:
    """The reference to the page at ``index`` (reportlab names pages Page1, Page2, ...)."""
    return ref(document, f"Page{index + 1}")


def text(value: str) -> bytes:
    """A PDF text string, encoded as reportlab encodes its own (PDFDocEncoding or UTF-16)."""
    return PDFString(value).format(_PLAIN)


def number(value: float) -> bytes:
    return fp_str(value).encode("ascii")


def stream(entries: bytes, data: bytes) -> bytes:
    """An unfiltered stream's body: ``entries`` are the dictionary's other keys."""
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


_OBJECT = b"%d 0 obj\n%s\nendobj\n"  # 15 bytes besides the number and the body

# zlib's level for the page streams and embedded fonts. reportlab uses zlib's default (6);
# level 3 is zlib's quickest kind of search, about 35% less time compressing a long
# meeting (2% of its export) for a file about 1.5% larger.
COMPRESSION = 3


def _flate(document: PDFDocument, stream: PDFStream, number: int) -> bytes | None:
    """The indirect object ``PDFIndirectObject`` writes for a stream reportlab compresses
    with Flate alone (page contents, embedded fonts), compressed at ``COMPRESSION``; None
    for any other stream."""
    filters = stream.filters if stream.filters is not None else document.defaultStreamFilters
    entries = stream.dictionary.dict
    if (
        filters is None
        or len(filters) != 1
        or filters[0] is not PDFZCompress
        or "Filter" in entries
        or stream.content is None
    ):
        return None
    content = stream.content
    if isinstance(content, str):
        content = content.encode("utf8")
    data = zlib.compress(content, COMPRESSION)
    dictionary = PDFDictionary(entries.copy())
    dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
    dictionary["Length"] = len(data)
    return b"%d 0 obj\n%s\nstream\n%sendstream\nendobj\n" % (
        number,
        pdf_format(dictionary, document),
        data,
    )


def write_all(document: PDFDocument) -> bytes:
    """``PDFDocument.format`` (the whole file as bytes), writing each ``RawObject`` and
    ``ObjectRun`` straight out instead of through reportlab's general formatting, which cost
    as much again as making the objects. Files with encryption or reportlab's debugging
    comments go to reportlab."""
    if (
        not isinstance(document.encrypt, NoEncryption)
        or getattr(document, "_digiSigs", None)
        or (rl_config.pdfComments and not rl_config.invariant)
    ):
        _unrun(document)
        return PDFDocument.format(document)
    catalog = document.Catalog
    info = document.info
    document.Reference(catalog)
    document.Reference(info)
    number_to_id = document.numberToId
    id_to_object = document.idToObject
    offsets: list[int] = []
    document.__accum__ = out = PDFFile(document._pdfVersion)
    write = out.write
    offset = out.offset
    counter = 0
    while True:
        counter += 1
        name = number_to_id.get(counter)
        if name is None:
            break
        obj = id_to_object[name]
        kind = type(obj)
        if kind is RawObject:
            data = _OBJECT % (counter, obj.body)
            offsets.append(offset)
            offset += len(data)
            write(data)
        elif kind is ObjectRun:
            bodies = obj.bodies
            if len(bodies) != obj.count:
                raise ValueError(f"objects {obj.first} on: {len(bodies)} of {obj.count} made")
            numbers = range(counter, counter + len(bodies))
            # each object's offset from the lengths of what goes before it, and all of them
            # formatted in one go
            sizes = [
                len(b"%d" % number) + len(body) + 15
                for number, body in zip(numbers, bodies, strict=True)
            ]
            offsets += accumulate(sizes[:-1], initial=offset)
            offset += sum(sizes)
            write(
                _OBJECT
                * len(bodies)
                % tuple(chain.from_iterable(zip(numbers, bodies, strict=True)))
            )
            counter += len(bodies) - 1
        else:
            data = _flate(document, obj, counter) if kind is PDFStream else None
            if data is None:
                data = PDFIndirectObject(name, obj).format(document)
            offsets.append(offset)
            offset += len(data)
            write(data)
    out.offset = offset
    del document.__accum__
    total = document.objectcounter
    if counter - 1 != total:
        raise ValueError(f"object {counter} missing of {total}")
    # The cross-reference table as PDFCrossReferenceTable writes it for objects 1..n in order.
    xref = [b"xref\n0 %d" % (total + 1), b"0000000000 65535 f "]
    xref.append(b"%010d 00000 n \n" * len(offsets) % tuple(offsets))
    start = out.add(b"\n".join(xref))
    trailer = PDFTrailer(
        startxref=start,
        Size=total + 1,
        Root=document.Reference(catalog),
        Info=document.Reference(info),
        Encrypt=None,
        ID=document.ID(),
    )
    out.add(trailer.format(document))
    return out.format(document)


class QuickWriteDocument(PDFDocument):
    """reportlab's document, written out by ``write_all``. The canvas's document takes this
    class once its pages are done (a method set on the instance instead would tie the
    document to itself and leave the whole file for the garbage collector)."""

    def format(self) -> bytes:
        return write_all(self)
