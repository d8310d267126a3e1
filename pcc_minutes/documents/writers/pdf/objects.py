"""PDF objects written as finished bytes into reportlab's own document, so the structure tree,
bookmarks and metadata go out in reportlab's single write instead of a second pass that
re-reads and re-writes the whole file.

reportlab numbers an object when it is registered (``PDFDocument.Reference``), so every
object can be registered first and its bytes made after, with the numbers of the objects it
points at already known. Making the bytes here, rather than building reportlab's dictionary
objects, keeps thousands of structure elements cheap.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import DummyDoc, PDFDocument, PDFObject, PDFString

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
