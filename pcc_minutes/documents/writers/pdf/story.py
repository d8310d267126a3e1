"""Blocks to flowables: the layout's blocks become reportlab flowables and, alongside, the
structure tree they fill (``StoryBuilder``), with the user's text turned into paragraph
markup on the way."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from pcc_minutes.core.errors import PccError
from pcc_minutes.documents import tree
from pcc_minutes.documents.characters import drawn_text
from pcc_minutes.documents.tree import Block, BulletList, Heading, Paragraph, Spans, plain_text
from pcc_minutes.documents.writers.pdf.chart import chart_flowables
from pcc_minutes.documents.writers.pdf.flowables import (
    Indent,
    ListEntry,
    TaggedImage,
    TaggedParagraph,
)
from pcc_minutes.documents.writers.pdf.fragments import fragments
from pcc_minutes.documents.writers.pdf.long_paragraph import LongParagraph, is_long
from pcc_minutes.documents.writers.pdf.plain_text import PlainText
from pcc_minutes.documents.writers.pdf.styles import (
    BULLET,
    FRAME_WIDTH,
    LIST_INDENT,
    indented,
    styles,
)
from pcc_minutes.documents.writers.pdf.table import GridTable
from pcc_minutes.documents.writers.pdf.tagging import Element, Marks


def markup(content: Spans) -> str:
    """Paragraph markup for spans: the user's text as the fonts can draw it (``drawn_text``),
    escaped, then our bold/italic tags."""
    parts = []
    for span in content:
        text = span.text
        if not text.isprintable():  # printable text has nothing drawn_text drops, no breaks
            text = escape(drawn_text(text)).replace("\n", "<br/>")
        elif "&" in text or "<" in text or ">" in text:
            text = escape(text)
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def tagged_paragraph(text: str, style: ParagraphStyle, marks: Marks) -> TaggedParagraph:
    """A paragraph of our markup, its fragments made without reportlab's parser."""
    cleaned, frags = fragments(text, style)
    return TaggedParagraph(cleaned, style, frags=frags).tag(marks)


def table_cell(text: str, style: ParagraphStyle, marks: Marks) -> Flowable:
    """A table cell of our markup: a ``PlainText``, which is a paragraph only if it must be."""
    return PlainText(text, style, marks)


def text_flowable(content: Spans, style: ParagraphStyle, marks: Marks) -> Flowable:
    """Running text (a paragraph or a bullet's text, never a heading) tagged with
    ``marks``: a ``PlainText``, which is a paragraph only if it must be, or for very long
    text a ``LongParagraph``, laid out in line-aligned pieces so that laying it out stays
    linear in its length."""
    text = markup(content)
    if is_long(text, style):
        return LongParagraph.from_markup(text, style, marks)
    return PlainText(text, style, marks)


def paragraph_flowable(content: Spans, style: ParagraphStyle, marks: Marks) -> Flowable:
    """``text_flowable`` always as a paragraph (a ``TaggedParagraph``, or a
    ``LongParagraph``): what ``PlainText`` stands in for, for comparing with it."""
    text = markup(content)
    if is_long(text, style):
        return LongParagraph.from_markup(text, style, marks)
    return tagged_paragraph(text, style, marks)


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
            if isinstance(block, tree.Chart) and story:
                story[-1].keepWithNext = 1  # a chart stays on the page of its table
            story.extend(self.block(block, parent, indent))
        return story

    def block(self, block: Block, parent: Element, indent: float) -> list[Flowable]:
        if isinstance(block, (Paragraph, Heading)):
            if not plain_text(block.content).strip():
                return []  # an empty paragraph or heading says nothing to anyone
            style = indented(_paragraph_style(block), indent)
            if isinstance(block, Heading):
                element = parent.add(
                    _heading_role(block.level), title=" ".join(plain_text(block.content).split())
                )
                return [tagged_paragraph(markup(block.content), style, element.content())]
            return [text_flowable(block.content, style, parent.add("P").content())]
        if isinstance(block, BulletList):
            return self.bullet_list(block, parent, indent)
        if isinstance(block, tree.Table):
            return self.table(block, parent, indent)
        if isinstance(block, tree.Image):
            return self.image(block, parent, indent)
        if isinstance(block, tree.Chart):
            return chart_flowables(block, parent, indent)
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
                paragraph = text_flowable(item.content, styles()["item"], body.content())
                story.append(ListEntry(paragraph, label, label_marks, text_indent))
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
                cells.append(table_cell(markup(content), style, cell.content()))
            data.append(cells)
        table = GridTable(
            data, _column_widths(block, columns, FRAME_WIDTH - indent), bool(block.header)
        )
        return [Indent(table, indent)] if indent else [table]

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
        return [Indent(image, indent)] if indent else [image]


def _column_widths(block: tree.Table, columns: int, available: float) -> list[float]:
    """Columns as wide as their longest text suggests, within reason, filling the width."""
    if len(block.widths) == columns:  # the table's own proportions
        return [available * weight / sum(block.widths) for weight in block.widths]
    weights = []
    for column in range(columns):
        longest = max(
            (len(plain_text(row[column])) for row in block.rows if column < len(row)), default=0
        )
        weights.append(min(max(longest, 6), 40))
    total = sum(weights)
    return [available * weight / total for weight in weights]
