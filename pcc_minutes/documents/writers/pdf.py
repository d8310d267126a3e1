"""PDF minutes: the layout's blocks drawn with reportlab, then tagged for assistive technology.

The published minutes must meet the Accessibility Regulations (WCAG 2.1 AA), so the PDF is a
*tagged* PDF aiming at PDF/UA-1, not just a picture of text. reportlab draws pages but builds
no structure tree, so this module does it in two steps:

1. **Drawing** (reportlab platypus). Every flowable is created together with the structure
   element it belongs to (``H1``/``H2``/``H3``, ``P``, ``L`` > ``LI`` > ``Lbl`` + ``LBody``,
   ``Table`` > ``TR`` > ``TH``/``TD``, ``Figure``). When a flowable is drawn it wraps its
   operators in ``/Tag <</MCID n>> BDC … EMC`` and records (page, MCID) on its element; a
   paragraph split across pages records one MCID per page on the same element. Page
   furniture (header, footer, page numbers, the DRAFT watermark, table rules and shading) is
   wrapped in ``/Artifact … EMC`` so screen readers skip it.
2. **Finishing** (pikepdf). The recorded tree becomes the ``StructTreeRoot`` (a ``Document``
   element with its children in reading order), the ``ParentTree`` that maps each page's
   MCIDs back to their elements, ``/StructParents`` and ``/Tabs /S`` on every page,
   ``/MarkInfo``, ``/Lang (en-GB)``, ``/DisplayDocTitle``, XMP metadata with the PDF/UA
   identifier, and one bookmark per agenda item (sub-headings nested below it).

Fonts are the bundled Liberation Sans TTFs, embedded, so every character of the notes
(– ’ → £ é ŵ) prints and the file never refers to an unembedded base-14 font. "Page X of Y"
needs the page count before it is known: finished pages are held back and their footers
drawn once the last page is done.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Frame, Image, PageTemplate, Table, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from pcc_minutes import APP_NAME
from pcc_minutes.core.errors import PccError
from pcc_minutes.documents import tree
from pcc_minutes.documents.layout import layout, schedule_lines
from pcc_minutes.documents.resources import resource_path
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    MinutesDocument,
    Paragraph,
    Spans,
    plain_text,
)

LANGUAGE = "en-GB"

FONT = "LiberationSans"
FONT_BOLD = "LiberationSans-Bold"
FONT_ITALIC = "LiberationSans-Italic"
FONT_BOLD_ITALIC = "LiberationSans-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSans-Regular.ttf",
    FONT_BOLD: "LiberationSans-Bold.ttf",
    FONT_ITALIC: "LiberationSans-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2.54 * cm  # Word's default A4 margins, as the published notes use
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_Y = PAGE_HEIGHT - 1.4 * cm
FOOTER_Y = 1.3 * cm

INK = colors.black
QUIET_INK = colors.HexColor("#404040")  # header/footer: quieter than the text, still 10:1
HEADING_INK = colors.HexColor("#1F3864")  # dark navy, 12:1 on white
DRAFT_INK = colors.HexColor("#9C0006")  # dark red, 7:1 on white
WATERMARK_INK = colors.HexColor("#E4E4E4")  # light enough to read text drawn over it
RULE_INK = colors.HexColor("#8C8C8C")
HEADER_FILL = colors.HexColor("#E8ECF4")

BULLET = "•"
LIST_INDENT = 18.0  # each nesting level moves the text this far right
LABEL_GAP = 6.0  # between the bullet (or number) and the text


def fonts_folder() -> Path:
    return resource_path("fonts")


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the bundled Liberation Sans faces once per process; return the family name.

    The family mapping is what lets ``<b>``/``<i>`` in paragraph markup pick the bold and
    italic files instead of falling back to a synthetic (or base-14) face.
    """
    folder = fonts_folder()
    for name, file_name in _FONT_FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise PccError(
                f"This installation of PCC Minutes lacks the PDF font {file_name} (looked in "
                f"{folder}); reinstall it with 'pip install --force-reinstall pcc-minutes', "
                "or export as Word instead."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


# --- the structure tree, as recorded while drawing ------------------------------------------


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


# --- canvas and flowables that mark their content ------------------------------------------


class MinutesCanvas(Canvas):
    """A canvas that numbers marked content per page and holds finished pages back until
    the page count is known, so each footer can say "Page X of Y"."""

    def __init__(self, *args, furniture: Furniture, **kwargs):
        self._furniture = furniture
        self._next_mcid = 0
        self._held_pages: list[dict] = []
        super().__init__(*args, **kwargs)

    def begin_content(self, marks: Marks) -> None:
        mcid = self._next_mcid
        self._next_mcid += 1
        marks.refs.append((self.getPageNumber() - 1, mcid))
        self._code.append(f"/{marks.owner.role} <</MCID {mcid}>> BDC")

    def begin_artifact(self, kind: str = "") -> None:
        # Pagination artifacts say what they are (Header, Footer, Watermark); table rules and
        # shading are plain layout artifacts.
        if kind:
            self._code.append(f"/Artifact <</Type /Pagination /Subtype /{kind}>> BDC")
        else:
            self._code.append("/Artifact <</Type /Layout>> BDC")

    def end_marked(self) -> None:
        self._code.append("EMC")

    def beginText(self, x=0, y=0, direction=None):
        return SpacedLineText(self, x, y, direction=direction)

    def _startPage(self):
        super()._startPage()
        self._next_mcid = 0  # MCIDs are numbered per page

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._furniture.draw_footer(self, total)
            super().showPage()
        super().save()


class SpacedLineText(PDFTextObject):
    """A text object that ends every line with a real space character.

    reportlab drops the space where it wraps a line, so text read from the structure tree
    (what a screen reader or "reflow" gets) runs the last word of one line into the first of
    the next: "Jonathan" + "Ash-Edwards" became "JonathanAsh-Edwards". A trailing space is
    invisible in left-aligned text and gives the word break back. (A word too long for its
    line, which reportlab cuts in pieces, gains a space at the cut; that is rare in minutes and
    better than words run together on every line.)
    """

    def _textOut(self, text, TStar=0):
        super()._textOut(text + " " if TStar else text, TStar)


class TaggedParagraph(RLParagraph):
    """A reportlab paragraph whose drawing is one marked-content sequence of its element.

    reportlab splits a paragraph by constructing new instances of its class; ``split`` hands
    them the same slot, so the part on each page adds its own MCID to the same element.
    """

    _marks: Marks | None = None
    _drawn = False

    def tag(self, marks: Marks) -> TaggedParagraph:
        self._marks = marks
        return self

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._marks = self._marks
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        if self._marks is None or self._drawn:
            # A paragraph is drawn twice only as the header row a split table repeats on the
            # next page: its words are in the structure once already, so the copy is an
            # artifact that a screen reader skips.
            canvas.begin_artifact()
        else:
            element = self._marks.owner
            if element.title and element.anchor is None:
                _, top = canvas.absolutePosition(x, y + self.height)
                element.anchor = (canvas.getPageNumber() - 1, top)
            canvas.begin_content(self._marks)
        self._drawn = True
        super().drawOn(canvas, x, y, _sW)
        canvas.end_marked()


class ListEntry(Flowable):
    """One bullet: its label (tagged ``Lbl``) drawn beside its text (tagged ``LBody``).

    Drawing the label ourselves rather than as reportlab's paragraph bullet keeps the bullet
    character out of the text a screen reader reads as the item's body.
    """

    def __init__(
        self, body: TaggedParagraph, label: str, label_marks: Marks | None, indent: float
    ) -> None:
        super().__init__()
        self.body = body
        self.label = label
        self.label_marks = label_marks
        self.indent = indent
        self.spaceBefore = body.getSpaceBefore() if label else 0
        self.spaceAfter = body.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        _, height = self.body.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, height
        return availWidth, height

    def split(self, availWidth, availHeight):
        parts = self.body.split(availWidth - self.indent, availHeight)
        if len(parts) < 2:
            return [self] if parts else []
        first = ListEntry(parts[0], self.label, self.label_marks, self.indent)
        first.spaceAfter = 0
        rest = ListEntry(parts[1], "", None, self.indent)  # a continuation has no bullet
        rest.spaceAfter = self.spaceAfter
        return [first, rest]

    def draw(self):
        canvas = self.canv
        if self.label and self.label_marks is not None:
            style = self.body.style
            # reportlab puts a paragraph's first baseline one font size below its top.
            baseline = self.height - style.fontSize
            canvas.begin_content(self.label_marks)
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            canvas.drawRightString(self.indent - LABEL_GAP, baseline, self.label)
            canvas.end_marked()
        self.body.drawOn(canvas, self.indent, 0)


class TaggedImage(Image):
    """A picture tagged ``Figure``; its alt text lives on the element."""

    _marks: Marks | None = None

    def drawOn(self, canvas, x, y, _sW=0):
        x = self._hAlignAdjust(x, _sW)
        element = self._marks.owner
        left, bottom = canvas.absolutePosition(x, y)
        # A figure's bounding box lets assistive technology (and reflow) place the picture.
        element.attributes = {
            "O": "Layout",
            "BBox": [left, bottom, left + self.drawWidth, bottom + self.drawHeight],
        }
        canvas.begin_content(self._marks)
        super().drawOn(canvas, x, y)
        canvas.end_marked()


def _table_furniture(table, event, *args) -> None:
    """Table ``renderCB``: cell shading and rules are layout, not content."""
    if event in ("startBG", "startLines"):
        table.canv.begin_artifact()
    elif event in ("endBG", "endLines"):
        table.canv.end_marked()


# --- page furniture ----------------------------------------------------------------------


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides the minutes: marking, DRAFT notice, page numbers."""

    marking: str = ""
    draft_line: str = ""  # empty for approved and published minutes

    def draw_page_start(self, canvas: MinutesCanvas, _doc=None) -> None:
        # Drawn before the page's flowables so the watermark sits underneath the text.
        if self.draft_line:
            canvas.saveState()
            canvas.begin_artifact("Watermark")
            canvas.setFillColor(WATERMARK_INK)
            canvas.setFont(FONT_BOLD, 130)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -45, "DRAFT")
            canvas.end_marked()
            canvas.restoreState()
        lines = [
            (text, font, ink)
            for text, font, ink in (
                (self.marking, FONT_BOLD, INK),
                (self.draft_line, FONT_BOLD, DRAFT_INK),
            )
            if text
        ]
        if lines:
            canvas.saveState()
            canvas.begin_artifact("Header")
            for number, (text, font, ink) in enumerate(lines):
                canvas.setFont(font, 10)
                canvas.setFillColor(ink)
                canvas.drawCentredString(PAGE_WIDTH / 2, HEADER_Y - 13 * number, text)
            canvas.end_marked()
            canvas.restoreState()

    def draw_footer(self, canvas: MinutesCanvas, total: int) -> None:
        canvas.saveState()
        canvas.begin_artifact("Footer")
        if self.marking:
            canvas.setFont(FONT_BOLD, 10)
            canvas.setFillColor(INK)
            canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, self.marking)
        canvas.setFont(FONT, 9)
        canvas.setFillColor(QUIET_INK)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN, FOOTER_Y, f"Page {canvas.getPageNumber()} of {total}"
        )
        canvas.end_marked()
        canvas.restoreState()


def draft_line(doc: MinutesDocument) -> str:
    """The header's DRAFT notice, with the status note when there is one."""
    if not doc.is_draft:
        return ""
    note = doc.status_note.strip()
    if not note:
        return "DRAFT"
    return note if note.upper().startswith("DRAFT") else f"DRAFT – {note}"


# --- styles --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles by role: the look of the published notes in a clean sans."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=11, leading=15, spaceAfter=7, textColor=INK
    )

    def derive(name: str, **changes) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    title_block = {"fontName": FONT_BOLD, "fontSize": 15, "leading": 19, "keepWithNext": 1}
    return {
        "body": body,
        "organisation": derive("organisation", spaceAfter=1, **title_block),
        "h1": derive("h1", spaceAfter=6, **title_block),
        "subtitle": derive("subtitle", fontSize=12, leading=16, spaceAfter=2, keepWithNext=1),
        "schedule": derive("schedule", spaceAfter=2, keepWithNext=1),
        "marking": derive("marking", fontName=FONT_BOLD, spaceAfter=2, keepWithNext=1),
        "draft": derive(
            "draft", fontName=FONT_BOLD, textColor=DRAFT_INK, spaceAfter=2, keepWithNext=1
        ),
        "timing": derive(
            "timing",
            fontName=FONT_ITALIC,
            fontSize=10,
            leading=13,
            textColor=QUIET_INK,
            keepWithNext=1,
        ),
        "kind": derive(
            "kind", fontName=FONT_BOLD, fontSize=13, leading=17, spaceBefore=8, spaceAfter=10
        ),
        "label": derive("label", fontName=FONT_BOLD, spaceBefore=4, spaceAfter=4, keepWithNext=1),
        "attendance": derive("attendance", spaceAfter=4),
        "h2": derive(
            "h2",
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=14,
            spaceAfter=6,
            textColor=HEADING_INK,
            keepWithNext=1,
        ),
        "h3": derive("h3", fontName=FONT_BOLD, spaceBefore=6, spaceAfter=4, keepWithNext=1),
        "item": derive("item", spaceAfter=4),
        "cell": derive("cell", fontSize=10, leading=13, spaceAfter=0),
        "header_cell": derive(
            "header_cell", fontName=FONT_BOLD, fontSize=10, leading=13, spaceAfter=0
        ),
    }


@lru_cache(maxsize=64)
def indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    if not indent:
        return style
    return ParagraphStyle(f"{style.name}@{indent:g}", parent=style, leftIndent=indent)


def markup(content: Spans) -> str:
    """Paragraph markup for spans: the user's text escaped, then our bold/italic tags."""
    parts = []
    for span in content:
        text = escape(span.text).replace("\n", "<br/>")
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


# --- blocks to flowables ---------------------------------------------------------------------


def _paragraph_style(block: Paragraph | Heading) -> ParagraphStyle:
    known = styles()
    if isinstance(block, Heading):
        return known["h1"] if block.level <= 1 else known["h2" if block.level == 2 else "h3"]
    return known.get(block.style) or known["body"]


def _heading_role(level: int) -> str:
    return f"H{min(max(level, 1), 6)}"


class StoryBuilder:
    """Turns layout blocks into flowables and, alongside, the structure tree they fill."""

    def __init__(self) -> None:
        self.document = Element("Document")

    def blocks(self, blocks: list[Block] | tuple[Block, ...], parent: Element, indent: float = 0):
        story: list[Flowable] = []
        for block in blocks:
            story.extend(self.block(block, parent, indent))
        return story

    def block(self, block: Block, parent: Element, indent: float) -> list[Flowable]:
        if isinstance(block, (Paragraph, Heading)):
            if not plain_text(block.content).strip():
                return []  # an empty paragraph or heading says nothing to anyone
            if isinstance(block, Heading):
                element = parent.add(
                    _heading_role(block.level), title=" ".join(plain_text(block.content).split())
                )
            else:
                element = parent.add("P")
            style = indented(_paragraph_style(block), indent)
            return [TaggedParagraph(markup(block.content), style).tag(element.content())]
        if isinstance(block, BulletList):
            return self.bullet_list(block, parent, indent)
        if isinstance(block, tree.Table):
            return self.table(block, parent, indent)
        if isinstance(block, tree.Image):
            return self.image(block, parent, indent)
        raise TypeError(f"not a block: {block!r}")

    def bullet_list(self, block: BulletList, parent: Element, indent: float) -> list[Flowable]:
        numbering = "Decimal" if block.ordered else "Disc"
        element = parent.add("L", attributes={"O": "List", "ListNumbering": numbering})
        text_indent = indent + LIST_INDENT
        story: list[Flowable] = []
        for number, item in enumerate(block.items, start=block.start):
            entry = element.add("LI")
            label = f"{number}." if block.ordered else BULLET
            if plain_text(item.content).strip():
                label_marks = entry.add("Lbl").content()
                body = entry.add("LBody")
                paragraph = TaggedParagraph(markup(item.content), styles()["item"])
                story.append(
                    ListEntry(paragraph.tag(body.content()), label, label_marks, text_indent)
                )
            else:
                body = entry.add("LBody")
            # A nested list (or anything else under the bullet) belongs to the item's body.
            story.extend(self.blocks(item.children, body, text_indent))
        return story

    def table(self, block: tree.Table, parent: Element, indent: float) -> list[Flowable]:
        if not block.rows:
            return []
        element = parent.add("Table")
        known = styles()
        columns = max(len(row) for row in block.rows)
        data = []
        for number, row in enumerate(block.rows):
            row_element = element.add("TR")
            header = block.header and number == 0
            cells = []
            for column in range(columns):
                content = row[column] if column < len(row) else ()
                if header:
                    cell = row_element.add("TH", attributes={"O": "Table", "Scope": "Column"})
                else:
                    cell = row_element.add("TD")
                style = known["header_cell" if header else "cell"]
                cells.append(TaggedParagraph(markup(content), style).tag(cell.content()))
            data.append(cells)
        commands = [
            # Table cells never draw text themselves, but reportlab sets the cell font
            # anyway; naming ours keeps Helvetica out of the file.
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE_INK),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if block.header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
        table = Table(
            data,
            colWidths=_column_widths(block, columns, FRAME_WIDTH - indent),
            repeatRows=1 if block.header else 0,
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=4,
            spaceAfter=10,
            renderCB=_table_furniture,
        )
        return [_Indent(table, indent)] if indent else [table]

    def image(self, block: tree.Image, parent: Element, indent: float) -> list[Flowable]:
        path = Path(block.source) if block.source else None
        if path is None or not path.is_file():
            # Minutes imported from text keep only the logo's alt text, not the picture:
            # there is nothing to draw, and alt text without its picture describes nothing.
            return []
        try:
            width, height = ImageReader(str(path)).getSize()
        except Exception as exc:
            raise PccError(
                f"The picture {path} cannot be read ({exc}); replace it with a PNG or JPEG."
            ) from exc
        scale = min(1.0, (FRAME_WIDTH - indent) / width, 2.5 * cm / height)
        element = parent.add("Figure", alt=block.alt or "")
        image = TaggedImage(str(path), width=width * scale, height=height * scale)
        image.hAlign = "LEFT"
        image.spaceAfter = 8
        image._marks = element.content()
        return [_Indent(image, indent)] if indent else [image]


class _Indent(Flowable):
    """Shifts a flowable right, so a table or picture inside a list lines up with the text."""

    def __init__(self, inner: Flowable, indent: float) -> None:
        super().__init__()
        self.inner = inner
        self.indent = indent

    def wrap(self, availWidth, availHeight):
        width, self.height = self.inner.wrap(availWidth - self.indent, availHeight)
        self.width = width + self.indent
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return [
            _Indent(part, self.indent)
            for part in self.inner.split(availWidth - self.indent, availHeight)
        ]

    def getSpaceBefore(self):
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):
        return self.inner.getSpaceAfter()

    def draw(self):
        self.inner.drawOn(self.canv, self.indent, 0)


def _column_widths(block: tree.Table, columns: int, available: float) -> list[float]:
    """Columns as wide as their longest text suggests, within reason, filling the width."""
    weights = []
    for column in range(columns):
        longest = max(
            (len(plain_text(row[column])) for row in block.rows if column < len(row)), default=0
        )
        weights.append(min(max(longest, 6), 40))
    total = sum(weights)
    return [available * weight / total for weight in weights]


# --- finishing: structure tree, metadata, bookmarks -------------------------------------------


def _struct_object(
    pdf: pikepdf.Pdf,
    element: Element,
    parent: pikepdf.Object,
    parent_tree: list[dict[int, pikepdf.Object]],
    written: dict[int, pikepdf.Object],
) -> pikepdf.Object:
    obj = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + element.role), P=parent
        )
    )
    written[id(element)] = obj
    first_page = element.first_page()
    if first_page is not None:
        obj.Pg = pdf.pages[first_page].obj
    if element.role == "Figure" or element.alt:
        obj.Alt = pikepdf.String(element.alt)
    if element.attributes:
        attributes = pikepdf.Dictionary()
        for key, value in element.attributes.items():
            if isinstance(value, list):
                attributes[f"/{key}"] = pikepdf.Array([round(v, 2) for v in value])
            else:
                attributes[f"/{key}"] = pikepdf.Name("/" + value)
        obj.A = attributes
    kids = pikepdf.Array()
    for kid in element.kids:
        if isinstance(kid, Element):
            kids.append(_struct_object(pdf, kid, obj, parent_tree, written))
            continue
        for page, mcid in kid.refs:
            parent_tree[page][mcid] = obj
            if page == first_page:
                kids.append(mcid)
            else:  # the part of a split paragraph that went on to the next page
                kids.append(
                    pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pdf.pages[page].obj, MCID=mcid)
                )
    if len(kids) == 1:
        obj.K = kids[0]
    elif len(kids) > 1:
        obj.K = kids
    return obj


def _add_structure(pdf: pikepdf.Pdf, document: Element) -> dict[int, pikepdf.Object]:
    """Write the structure tree and parent tree; return the object written for each element
    (keyed by ``id``), so bookmarks can point at their headings' elements."""
    struct_root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    parent_tree: list[dict[int, pikepdf.Object]] = [{} for _ in pdf.pages]
    written: dict[int, pikepdf.Object] = {}
    struct_root.K = _struct_object(pdf, document, struct_root, parent_tree, written)
    nums = pikepdf.Array()
    for index, page in enumerate(pdf.pages):
        by_mcid = parent_tree[index]
        if sorted(by_mcid) != list(range(len(by_mcid))):
            raise RuntimeError(f"page {index + 1}: marked content missing from the structure")
        page.obj.StructParents = index
        page.obj.Tabs = pikepdf.Name.S
        nums.append(index)
        nums.append(pdf.make_indirect(pikepdf.Array([by_mcid[m] for m in sorted(by_mcid)])))
    struct_root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
    struct_root.ParentTreeNextKey = len(pdf.pages)
    pdf.Root.StructTreeRoot = struct_root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    return written


def _add_outline(pdf: pikepdf.Pdf, document: Element, objects: dict[int, pikepdf.Object]) -> None:
    """A bookmark per agenda item (H2), its sub-headings (H3) nested and closed below it."""
    entries: list[pikepdf.OutlineItem] = []
    for element in document.walk():
        if element.role not in ("H2", "H3") or element.anchor is None:
            continue
        page, top = element.anchor
        item = pikepdf.OutlineItem(
            element.title,
            page,
            "XYZ",
            left=MARGIN,
            top=min(top + 6, PAGE_HEIGHT),
            structure_element=objects.get(id(element)),
        )
        if element.role == "H2":
            item.is_closed = True  # sub-headings stay folded until the reader opens an item
            entries.append(item)
        elif entries:
            entries[-1].children.append(item)
    if not entries:
        return
    with pdf.open_outline() as outline:
        outline.root.extend(entries)
    pdf.Root.PageMode = pikepdf.Name.UseOutlines


def _add_metadata(pdf: pikepdf.Pdf, title: str) -> None:
    pdf.Root.Lang = pikepdf.String(LANGUAGE)
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    info = pdf.docinfo
    if "/Trapped" in info:
        # reportlab's /Trapped /False has no XMP equivalent, and pikepdf warns when asked
        # to copy it; prepress trapping means nothing for minutes anyway.
        del info["/Trapped"]
    for key in ("/Author", "/Subject", "/Keywords"):
        if key in info and not str(info[key]).strip():
            del info[key]  # an empty entry would become an empty dc:creator in the XMP
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["dc:title"] = title
        meta["dc:language"] = [LANGUAGE]
        meta["pdfuaid:part"] = "1"


# --- the writer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Info:
    title: str
    author: str
    subject: str
    keywords: str


def _info(doc: MinutesDocument, author: str) -> _Info:
    title = " ".join(doc.title.split()) or doc.document_kind or "Minutes"
    subject = " – ".join(part for part in [doc.document_kind, *schedule_lines(doc)] if part)
    return _Info(
        title=title,
        author=author or doc.organisation or doc.chair,
        subject=subject,
        keywords=doc.marking,
    )


def render_pdf(doc: MinutesDocument, target: Path, *, author: str = "") -> None:
    """Write ``doc`` as a tagged A4 PDF to ``target`` (the caller makes the write atomic).

    ``author`` names who issues the minutes for the document properties; without it the
    organisation line (or the chair) stands in.
    """
    register_fonts()
    builder = StoryBuilder()
    story = builder.blocks(layout(doc), builder.document)
    info = _info(doc, author)
    furniture = Furniture(marking=" ".join(doc.marking.split()), draft_line=draft_line(doc))

    raw = io.BytesIO()
    template = BaseDocTemplate(
        raw,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=APP_NAME,
        # Without this every page would open with a Helvetica "Tf": an unembedded base-14
        # font reference in a file that never shows a Helvetica glyph.
        initialFontName=FONT,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        FRAME_WIDTH,
        PAGE_HEIGHT - 2 * MARGIN,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates(
        [PageTemplate(id="minutes", frames=[frame], onPage=furniture.draw_page_start)]
    )

    def make_canvas(*args, **kwargs):
        return MinutesCanvas(*args, furniture=furniture, **kwargs)

    template.build(story, canvasmaker=make_canvas)

    raw.seek(0)
    with pikepdf.open(raw) as pdf:
        headings = _add_structure(pdf, builder.document)
        _add_outline(pdf, builder.document, headings)
        _add_metadata(pdf, info.title)
        pdf.save(Path(target), min_version="1.7")
