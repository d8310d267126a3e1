"""The structure tree: recorded while the pages are drawn, written into the PDF afterwards.

Every flowable is created together with the structure element it belongs to (``H1``/``H2``/
``H3``, ``P``, ``L`` > ``LI`` > ``Lbl`` + ``LBody``, ``Table`` > ``TR`` > ``TH``/``TD``,
``Figure``) and a ``Marks`` slot on it; drawing fills the slot with (page, MCID) pairs, one per
page the content appears on. Once the last page is drawn, ``add_structure`` writes the
recorded tree into reportlab's document, to go out in reportlab's own write: the
``StructTreeRoot`` (a ``Document`` element with its children in reading order), the
``ParentTree`` that maps each page's MCIDs back to their elements, ``/StructParents`` and
``/Tabs /S`` on every page, and ``/MarkInfo``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFName, PDFPage

from pcc_minutes.documents.writers.pdf.objects import (
    RawObject,
    number,
    page_ref,
    register,
    register_raw,
    text,
)


@dataclass(eq=False)
class Marks:
    """The marked-content sequences (page index, MCID) drawn for one run of an element's
    content. An element keeps its kids in order, so a ``Marks`` slot is created when the
    flowable is made and filled when it is drawn: the text of a list item comes before the
    nested list that follows it, whatever order the pages are drawn in."""

    owner: Element
    refs: list[tuple[int, int]] = field(default_factory=list)


@dataclass(eq=False)
class Element:
    """One structure element: a standard role, its kids (elements and content) in reading
    order, and the extras some roles need (``/Alt``, an attribute dictionary)."""

    role: str
    kids: list[Element | Marks] = field(default_factory=list)
    alt: str = ""
    attributes: dict[str, str | list[float]] = field(default_factory=dict)  # names or numbers
    title: str = ""  # a heading's text, for its bookmark
    anchor: tuple[int, float] | None = None  # (page index, top) where a heading was drawn

    def add(self, role: str, **extras) -> Element:
        child = Element(role, **extras)
        self.kids.append(child)
        return child

    def content(self) -> Marks:
        marks = Marks(self)
        self.kids.append(marks)
        return marks

    def walk(self) -> list[Element]:
        """This element and every element below it, parents first, in reading order."""
        found = []
        stack = [self]
        while stack:
            element = stack.pop()
            found.append(element)
            kids = [kid for kid in element.kids if type(kid) is Element]
            if kids:
                kids.reverse()
                stack += kids
        return found

    def first_page(self) -> int | None:
        for kid in self.kids:
            if isinstance(kid, Marks) and kid.refs:
                return kid.refs[0][0]
        return None


def release(root: Element) -> None:
    """Drop each content slot's link back to its element once the file is written: those
    links are the tree's only cycles, and without them reference counting frees the tree at
    once instead of leaving thousands of objects to the garbage collector."""
    for element in root.walk():
        for kid in element.kids:
            if isinstance(kid, Marks):
                kid.owner = None  # type: ignore[assignment]


_ROLES: dict[str, bytes] = {}  # each role's opening bytes, made once


class _Writer:
    """Writes the recorded elements as ``StructElem`` objects: each element is registered
    first (so its number is known to its kids and its parent), then its bytes are made."""

    def __init__(self, document: PDFDocument, pages: int) -> None:
        self.document = document
        self.pages = [page_ref(document, index) for index in range(pages)]
        self.parent_tree: list[dict[int, bytes]] = [{} for _ in self.pages]
        self.written: dict[int, bytes] = {}

    def element(self, element: Element, parent: bytes) -> bytes:
        obj = RawObject()
        own = self.written[id(element)] = register_raw(self.document, obj)
        role = _ROLES.get(element.role)
        if role is None:
            role = _ROLES[element.role] = b"<< /Type /StructElem /S /%s /P " % (
                element.role.encode("ascii")
            )
        entries = [role, parent]
        first_page = element.first_page()
        if first_page is not None:
            entries += [b" /Pg ", self.pages[first_page]]
        if element.role == "Figure" or element.alt:
            entries += [b" /Alt ", text(element.alt)]
        if element.attributes:
            entries.append(b" /A <<")
            for key, value in element.attributes.items():
                if isinstance(value, list):
                    numbers = b" ".join(number(round(v, 2)) for v in value)
                    entries.append(b" /%s [%s]" % (key.encode("ascii"), numbers))
                else:
                    entries.append(b" /%s /%s" % (key.encode("ascii"), value.encode("ascii")))
            entries.append(b" >>")
        kids: list[bytes] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(self.element(kid, own))
                continue
            for page, mcid in kid.refs:
                self.parent_tree[page][mcid] = own
                if page == first_page:
                    kids.append(b"%d" % mcid)
                else:  # the part of a split paragraph that went on to the next page
                    kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (self.pages[page], mcid))
        if len(kids) == 1:
            entries += [b" /K ", kids[0]]
        elif len(kids) > 1:
            entries += [b" /K [", b" ".join(kids), b"]"]
        entries.append(b" >>")
        obj.body = b"".join(entries)
        return own


def add_structure(document: PDFDocument, root: Element, pages: list) -> dict[int, bytes]:
    """Write the structure tree and parent tree into reportlab's ``document`` (whose pages
    are ``pages``, the ``PDFPage`` objects in order); return the reference written for each
    element (keyed by ``id``), so bookmarks can point at their headings' elements."""
    struct_root = RawObject()
    root_ref = register(document, struct_root)
    writer = _Writer(document, len(pages))
    kids = writer.element(root, root_ref)
    nums: list[bytes] = []
    for index, page in enumerate(pages):
        by_mcid = writer.parent_tree[index]
        if sorted(by_mcid) != list(range(len(by_mcid))):
            raise RuntimeError(f"page {index + 1}: marked content missing from the structure")
        _mark_page(page, index)
        elements = b" ".join(by_mcid[mcid] for mcid in range(len(by_mcid)))
        nums.append(b"%d %s" % (index, register(document, RawObject(b"[%s]" % elements))))
    parent_tree = register(document, RawObject(b"<< /Nums [%s] >>" % b" ".join(nums)))
    struct_root.body = b"<< /Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d >>" % (
        kids,
        parent_tree,
        len(pages),
    )
    catalog = document.Catalog
    catalog.StructTreeRoot = struct_root
    catalog.MarkInfo = RawObject(b"<< /Marked true >>")
    return writer.written


def _mark_page(page: PDFPage, index: int) -> None:
    """Give a page its key into the parent tree and the tab order that follows the structure
    (reportlab writes only the page keys it names, so the two are added to its list)."""
    page.StructParents = index
    page.Tabs = PDFName("S")
    page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
