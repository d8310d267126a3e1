"""The structure tree: recorded while the pages are drawn, written into the PDF afterwards.

Every flowable is created together with the structure element it belongs to (``H1``/``H2``/
``H3``, ``P``, ``L`` > ``LI`` > ``Lbl`` + ``LBody``, ``Table`` > ``TR`` > ``TH``/``TD``,
``Figure``) and a ``Marks`` slot on it; drawing fills the slot with (page, MCID) pairs, one per
page the content appears on. Once reportlab is done, ``add_structure`` turns the recorded tree
into the ``StructTreeRoot`` (a ``Document`` element with its children in reading order), the
``ParentTree`` that maps each page's MCIDs back to their elements, ``/StructParents`` and
``/Tabs /S`` on every page, and ``/MarkInfo``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf


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

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def first_page(self) -> int | None:
        for kid in self.kids:
            if isinstance(kid, Marks) and kid.refs:
                return kid.refs[0][0]
        return None


_STRUCT_ELEM = pikepdf.Name.StructElem
_MCR = pikepdf.Name.MCR


class _Writer:
    """Writes the recorded elements as ``StructElem`` objects, with as few calls into
    pikepdf as it takes (each is costly next to plain Python): an element's dictionary is
    made whole at once, and its kids are gathered in a list before they become an array."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.pages = [page.obj for page in pdf.pages]
        self.parent_tree: list[dict[int, pikepdf.Object]] = [{} for _ in self.pages]
        self.written: dict[int, pikepdf.Object] = {}
        self.roles: dict[str, pikepdf.Name] = {}

    def role(self, role: str) -> pikepdf.Name:
        name = self.roles.get(role)
        if name is None:
            name = self.roles[role] = pikepdf.Name("/" + role)
        return name

    def element(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        entries = {"/Type": _STRUCT_ELEM, "/S": self.role(element.role), "/P": parent}
        first_page = element.first_page()
        if first_page is not None:
            entries["/Pg"] = self.pages[first_page]
        if element.role == "Figure" or element.alt:
            entries["/Alt"] = pikepdf.String(element.alt)
        if element.attributes:
            attributes = {}
            for key, value in element.attributes.items():
                if isinstance(value, list):
                    attributes[f"/{key}"] = pikepdf.Array([round(v, 2) for v in value])
                else:
                    attributes[f"/{key}"] = pikepdf.Name("/" + value)
            entries["/A"] = pikepdf.Dictionary(attributes)
        obj = self.pdf.make_indirect(pikepdf.Dictionary(entries))
        self.written[id(element)] = obj
        kids: list = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(self.element(kid, obj))
                continue
            for page, mcid in kid.refs:
                self.parent_tree[page][mcid] = obj
                if page == first_page:
                    kids.append(mcid)
                else:  # the part of a split paragraph that went on to the next page
                    kids.append(
                        pikepdf.Dictionary({"/Type": _MCR, "/Pg": self.pages[page], "/MCID": mcid})
                    )
        if len(kids) == 1:
            obj.K = kids[0]
        elif len(kids) > 1:
            obj.K = pikepdf.Array(kids)
        return obj


def add_structure(pdf: pikepdf.Pdf, document: Element) -> dict[int, pikepdf.Object]:
    """Write the structure tree and parent tree; return the object written for each element
    (keyed by ``id``), so bookmarks can point at their headings' elements."""
    struct_root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    writer = _Writer(pdf)
    struct_root.K = writer.element(document, struct_root)
    nums: list = []
    for index, page in enumerate(writer.pages):
        by_mcid = writer.parent_tree[index]
        if sorted(by_mcid) != list(range(len(by_mcid))):
            raise RuntimeError(f"page {index + 1}: marked content missing from the structure")
        page.StructParents = index
        page.Tabs = pikepdf.Name.S
        nums.append(index)
        nums.append(pdf.make_indirect(pikepdf.Array([by_mcid[m] for m in sorted(by_mcid)])))
    struct_root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
    struct_root.ParentTreeNextKey = len(writer.pages)
    pdf.Root.StructTreeRoot = struct_root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    return writer.written
