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

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFName, PDFPage

from pcc_minutes.documents.writers.pdf.objects import (
    RawObject,
    fill,
    number,
    page_ref,
    register,
    reserve,
    text,
)


class Marks:
    """The marked-content sequences (page index, MCID) drawn for one run of an element's
    content. An element keeps its kids in order, so a ``Marks`` slot is created when the
    flowable is made and filled when it is drawn: the text of a list item comes before the
    nested list that follows it, whatever order the pages are drawn in."""

    __slots__ = ("owner", "refs")

    def __init__(self, owner: Element, refs: list[tuple[int, int]] | None = None) -> None:
        self.owner = owner
        self.refs = [] if refs is None else refs


class Element:
    """One structure element: a standard role, its kids (elements and content) in reading
    order, and the extras some roles need (``/Alt``, an attribute dictionary). A long
    meeting has thousands, so they are plain slotted objects."""

    __slots__ = ("role", "kids", "alt", "attributes", "title", "anchor", "released")

    def __init__(
        self,
        role: str,
        kids: list[Element | Marks] | None = None,
        alt: str = "",
        attributes: dict[str, str | list[float]] | None = None,  # names or numbers
        title: str = "",  # a heading's text, for its bookmark
        anchor: tuple[int, float] | None = None,  # (page index, top) where a heading was drawn
    ) -> None:
        self.role = role
        self.kids = [] if kids is None else kids
        self.alt = alt
        self.attributes = {} if attributes is None else attributes
        self.title = title
        self.anchor = anchor
        self.released = False  # (the root) once no content slot below points back

    def __repr__(self) -> str:
        return f"Element({self.role!r}, {len(self.kids)} kids)"

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


def release(root: Element) -> None:
    """Drop each content slot's link back to its element once the file is written: those
    links are the tree's only cycles, and without them reference counting frees the tree at
    once instead of leaving thousands of objects to the garbage collector. (Writing the
    structure does this as it goes; this is for an export that stopped before.)"""
    if root.released:
        return
    root.released = True
    for element in root.walk():
        for kid in element.kids:
            if type(kid) is Marks:
                kid.owner = None  # type: ignore[assignment]


_ROLES: dict[str, bytes] = {}  # each role's opening bytes, made once


def _role(role: str) -> bytes:
    opening = _ROLES.get(role)
    if opening is None:
        opening = _ROLES[role] = b"<< /Type /StructElem /S /%s /P " % role.encode("ascii")
    return opening


_NAMED: dict[tuple, bytes] = {}  # attribute dictionaries of names alone, made once


def _attributes(attributes: dict[str, str | list[float]]) -> bytes:
    try:
        key = tuple(attributes.items())
        made = _NAMED.get(key)  # a list (numbers) cannot be a key: made each time
    except TypeError:
        key = made = None
    if made is None:
        made = _attribute_bytes(attributes)
        if key is not None and len(_NAMED) < 256:  # the writer uses a handful
            _NAMED[key] = made
    return made


def _attribute_bytes(attributes: dict[str, str | list[float]]) -> bytes:
    entries = [b" /A <<"]
    for key, value in attributes.items():
        if isinstance(value, list):
            numbers = b" ".join(number(round(v, 2)) for v in value)
            entries.append(b" /%s [%s]" % (key.encode("ascii"), numbers))
        else:
            entries.append(b" /%s /%s" % (key.encode("ascii"), value.encode("ascii")))
    entries.append(b" >>")
    return b"".join(entries)


def add_structure(document: PDFDocument, elements: list[Element], pages: list) -> dict[int, bytes]:
    """Write the structure tree and parent tree into reportlab's ``document`` (whose pages
    are ``pages``, the ``PDFPage`` objects in order). ``elements`` is the tree's
    ``Document`` element's ``walk()``: parents first, in reading order, so each element's
    object number is known before its bytes are made (its parent's and its kids' too).
    Return the reference written for each element (keyed by ``id``), so bookmarks can point
    at their headings' elements."""
    struct_root = RawObject()
    root_ref = register(document, struct_root)
    first = reserve(document, len(elements))
    refs = [b"%d 0 R" % number for number in range(first, first + len(elements))]
    written = {id(element): ref for element, ref in zip(elements, refs, strict=True)}
    page_refs = [page_ref(document, index) for index in range(len(pages))]
    parent_tree: list[dict[int, bytes]] = [{} for _ in pages]
    bodies = []
    parents = {id(elements[0]): root_ref} if elements else {}
    for element, own in zip(elements, refs, strict=True):
        kids = element.kids
        parent = parents.pop(id(element))
        if len(kids) == 1 and not element.attributes and not element.alt:
            (kid,) = kids
            if type(kid) is Marks and len(kid.refs) == 1 and element.role != "Figure":
                # Most elements (a paragraph, a list label or body, a cell, a heading) hold
                # one marked-content sequence: the general case below, in one step.
                kid.owner = None
                ((page, mcid),) = kid.refs
                parent_tree[page][mcid] = own
                bodies.append(
                    b"%s%s /Pg %s /K %d >>" % (_role(element.role), parent, page_refs[page], mcid)
                )
                continue
        first_page = None
        for kid in kids:
            if type(kid) is Marks and kid.refs:
                first_page = kid.refs[0][0]
                break
        entries = [_role(element.role), parent]
        if first_page is not None:
            entries += [b" /Pg ", page_refs[first_page]]
        if element.alt or element.role == "Figure":
            entries += [b" /Alt ", text(element.alt)]
        if element.attributes:
            entries.append(_attributes(element.attributes))
        parts: list[bytes] = []
        for kid in kids:
            if type(kid) is Element:
                ref = written[id(kid)]
                parents[id(kid)] = own
                parts.append(ref)
                continue
            kid.owner = None  # drawn: the tree's only cycle is parted (see ``release``)
            for page, mcid in kid.refs:
                parent_tree[page][mcid] = own
                if page == first_page:
                    parts.append(b"%d" % mcid)
                else:  # the part of a split paragraph that went on to the next page
                    parts.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (page_refs[page], mcid))
        if len(parts) == 1:
            entries += [b" /K ", parts[0]]
        elif parts:
            entries += [b" /K [", b" ".join(parts), b"]"]
        entries.append(b" >>")
        bodies.append(b"".join(entries))
    if elements:
        elements[0].released = True  # every content slot let go of its element above
    fill(document, first, bodies)
    nums: list[bytes] = []
    for index, page in enumerate(pages):
        by_mcid = parent_tree[index]
        if sorted(by_mcid) != list(range(len(by_mcid))):
            raise RuntimeError(f"page {index + 1}: marked content missing from the structure")
        _mark_page(page, index)
        marked = b" ".join(by_mcid[mcid] for mcid in range(len(by_mcid)))
        nums.append(b"%d %s" % (index, register(document, RawObject(b"[%s]" % marked))))
    parent_tree_ref = register(document, RawObject(b"<< /Nums [%s] >>" % b" ".join(nums)))
    struct_root.body = b"<< /Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d >>" % (
        refs[0] if refs else b"[]",
        parent_tree_ref,
        len(pages),
    )
    catalog = document.Catalog
    catalog.StructTreeRoot = struct_root
    catalog.MarkInfo = RawObject(b"<< /Marked true >>")
    return written


def _mark_page(page: PDFPage, index: int) -> None:
    """Give a page its key into the parent tree and the tab order that follows the structure
    (reportlab writes only the page keys it names, so the two are added to its list)."""
    page.StructParents = index
    page.Tabs = PDFName("S")
    page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
