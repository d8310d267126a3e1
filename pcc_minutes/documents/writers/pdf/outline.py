"""Bookmarks: one per agenda item (H2), its sub-headings (H3) nested and closed below it,
each pointing at where its heading was drawn and at the heading's structure element."""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFName

from pcc_minutes.documents.writers.pdf.objects import RawObject, number, page_ref, register, text
from pcc_minutes.documents.writers.pdf.styles import MARGIN, PAGE_HEIGHT
from pcc_minutes.documents.writers.pdf.tagging import Element


class _Outlines(RawObject):
    """The outline dictionary, standing in for reportlab's own (which would otherwise be
    prepared, found empty and dropped when the file is written)."""

    ready = 1

    def prepare(self, document, canvas) -> None:
        pass


class _Entry:
    def __init__(self, document: PDFDocument, element: Element, target: bytes | None) -> None:
        self.element = element
        self.target = target  # the heading's structure element
        self.obj = RawObject()
        self.ref = register(document, self.obj)
        self.children: list[_Entry] = []


def add_outline(document: PDFDocument, elements: list[Element], refs: dict[int, bytes]) -> None:
    """Write the bookmarks into reportlab's ``document``; ``elements`` are the structure
    tree's elements in reading order (``Element.walk``) and ``refs`` their references by
    ``id``, as ``tagging.add_structure`` returns them."""
    headings = [
        element
        for element in elements
        if element.anchor is not None and element.role in ("H2", "H3")
    ]
    if not any(element.role == "H2" for element in headings):
        return
    outlines = _Outlines()
    outlines_ref = register(document, outlines)
    entries: list[_Entry] = []
    for element in headings:
        if element.role == "H2":
            entries.append(_Entry(document, element, refs.get(id(element))))
        elif entries:
            entries[-1].children.append(_Entry(document, element, refs.get(id(element))))
    _write_level(document, entries, outlines_ref, closed=True)
    outlines.body = b"<< /Type /Outlines /First %s /Last %s /Count %d >>" % (
        entries[0].ref,
        entries[-1].ref,
        len(entries),  # every item is closed: only the top level shows
    )
    document.Outlines = document.outline = outlines
    document.Catalog.Outlines = outlines
    document.Catalog.PageMode = PDFName("UseOutlines")


def _write_level(document: PDFDocument, entries: list[_Entry], parent: bytes, closed: bool):
    for index, entry in enumerate(entries):
        page, top = entry.element.anchor
        parts = [
            b"<< /Title ",
            text(entry.element.title),
            b" /Parent ",
            parent,
            b" /Dest [%s /XYZ %s %s 0]"
            % (page_ref(document, page), number(MARGIN), number(min(top + 6, PAGE_HEIGHT))),
        ]
        if index > 0:
            parts += [b" /Prev ", entries[index - 1].ref]
        if index + 1 < len(entries):
            parts += [b" /Next ", entries[index + 1].ref]
        if entry.children:
            # sub-headings stay folded until the reader opens an item
            count = -len(entry.children) if closed else len(entry.children)
            parts.append(
                b" /First %s /Last %s /Count %d"
                % (entry.children[0].ref, entry.children[-1].ref, count)
            )
            _write_level(document, entry.children, entry.ref, closed=False)
        else:
            parts.append(b" /Count 0")
        if entry.target is not None:
            parts += [b" /SE ", entry.target]
        parts.append(b" >>")
        entry.obj.body = b"".join(parts)
