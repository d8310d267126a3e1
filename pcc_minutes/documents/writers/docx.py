"""Word minutes: the layout's blocks written with the styles of the shipped reference document.

Item headings and sub-headings use Word's Heading styles (the navigation pane lists them),
bullets are real Word lists with nesting (numbering definitions from the reference document),
tables have a repeating header row, the header and footer carry the classification marking,
DRAFT with a watermark while unapproved, and "Page X of Y" as fields; the document properties
say title, subject, author, language en-GB, our dates and our program name (no trace of
the python-docx template the reference document began as).

Any text can be written: what Word's XML cannot hold is made safe on the way in
(``documents.characters``: Word's vertical-tab line break becomes a line break, other
control characters are dropped) and the properties are shortened to Word's 255 characters;
the body keeps every word.
"""

from __future__ import annotations

import copy
import io
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from pcc_minutes import APP_NAME
from pcc_minutes.core.errors import PccError
from pcc_minutes.documents.characters import property_text, word_text
from pcc_minutes.documents.columns import column_shares
from pcc_minutes.documents.layout import format_date, layout
from pcc_minutes.documents.resources import resource_path
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Chart,
    Heading,
    Image,
    MinutesDocument,
    Paragraph,
    Spans,
    Table,
)
from pcc_minutes.documents.writers.docx_reference import (
    BLACK,
    BULLET_NUM_ID,
    DRAFT_INK,
    ORDERED_ABSTRACT_ID,
    REFERENCE,
)

_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VTYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
PARAGRAPH_STYLES = {
    "organisation": "Meeting Organisation",
    "subtitle": "Meeting Subtitle",
    "schedule": "Meeting Schedule",
    "kind": "Meeting Kind",
    "label": "Agenda Label",
    "marking": "Marking",
    "attendance": "Attendance",
    "draft": "Draft Line",
    "logo": "Logo",
    "timing": "Normal",
    "": "Normal",
}
LIST_STYLES = {
    False: ("List Bullet", "List Bullet 2", "List Bullet 3"),
    True: ("List Number", "List Number 2", "List Number 3"),
}
STYLES = sorted(
    set(HEADING_STYLES.values())
    | set(PARAGRAPH_STYLES.values())
    | {name for names in LIST_STYLES.values() for name in names}
    | {"Heading 3", "Header", "Footer", "Table Grid", "Logo"}
)


def _add_spans(paragraph, content: Spans) -> None:
    for span in content:
        parts = word_text(span.text).split("\n")
        for index, part in enumerate(parts):
            run = paragraph.add_run(part)
            run.bold = span.bold or None
            run.italic = span.italic or None
            if index < len(parts) - 1:
                run.add_break()


class _Writer:
    def __init__(self, doc: MinutesDocument):
        self.doc = doc
        self.word = Document(str(resource_path(REFERENCE, must_exist=True)))
        self.numbering = self.word.part.numbering_part.element
        self._next_num_id = 1000
        # python-docx finds a style by name with a scan of every style, per paragraph: look
        # each up once (this alone made a 60-item export three times slower).
        self._style_ids: dict[str, str] = {}
        self._grid_style = self.word.styles["Table Grid"]
        # python-docx puts each new paragraph before the section properties by scanning the
        # whole body for them: quadratic in the paragraphs (20,000 took over two minutes).
        # Inserting beside the element itself is the same place, in constant time.
        self._body = self.word.element.body
        self._section_end = self._body.sectPr
        self.page_setup()

    def page_setup(self) -> None:
        """A4 with Word's default A4 margins, as the published notes (and our PDF) use, set
        before any table is sized against the text width; widow and orphan control on, as in
        Word's own Normal template, so that no paragraph leaves one line alone on a page."""
        section = self.word.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, Cm(2.54))
        section.header_distance = section.footer_distance = Cm(1.25)
        styles = self.word.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            styles.insert(0, defaults)
        paragraph_defaults = defaults.find(qn("w:pPrDefault"))
        if paragraph_defaults is None:
            paragraph_defaults = OxmlElement("w:pPrDefault")
            defaults.append(paragraph_defaults)
        properties = paragraph_defaults.find(qn("w:pPr"))
        if properties is None:
            properties = OxmlElement("w:pPr")
            paragraph_defaults.append(properties)
        if properties.find(qn("w:widowControl")) is None:
            properties.insert(0, OxmlElement("w:widowControl"))

    @property
    def text_width(self) -> int:
        section = self.word.sections[0]
        return section.page_width - section.left_margin - section.right_margin

    def paragraph(self, style: str):
        """A new body paragraph in ``style`` (a name the reference document defines)."""
        style_id = self._style_ids.get(style)
        if style_id is None:
            style_id = self._style_ids[style] = self.word.styles[style].style_id
        p = OxmlElement("w:p")
        if self._section_end is not None:
            self._section_end.addprevious(p)
        else:
            self._body.append(p)
        paragraph = WordParagraph(p, self.word._body)
        paragraph._p.style = style_id
        return paragraph

    # --- blocks --------------------------------------------------------------------------

    def block(self, block: Block, level: int = 0, following: Block | None = None) -> None:
        if isinstance(block, Heading):
            style = HEADING_STYLES.get(block.level, "Heading 3")
            _add_spans(self.paragraph(style), block.content)
        elif isinstance(block, Paragraph):
            style = PARAGRAPH_STYLES.get(block.style, "Normal")
            _add_spans(self.paragraph(style), block.content)
        elif isinstance(block, BulletList):
            self.bullets(block, level)
        if isinstance(block, (Heading, Paragraph, BulletList)) and isinstance(following, Table):
            self._keep_last_with_next()  # a table stays on the page of the words it follows
        if isinstance(block, Table):
            self.table(block, keep_with_next=isinstance(following, Chart))
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, Chart):
            self.chart(block)

    def _keep_last_with_next(self) -> None:
        last = self._section_end.getprevious() if self._section_end is not None else None
        if last is None:
            last = self._body[-1] if len(self._body) else None
        if last is not None and last.tag == qn("w:p"):
            WordParagraph(last, self.word._body).paragraph_format.keep_with_next = True

    def _ordered_num_id(self, start: int) -> int:
        """A fresh numbering instance so that each ordered list counts from its own start."""
        self._next_num_id += 1
        num_id = self._next_num_id
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{ORDERED_ABSTRACT_ID}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                "</w:num>"
            )
        )
        return num_id

    def bullets(self, bullets: BulletList, level: int) -> None:
        num_id = self._ordered_num_id(bullets.start) if bullets.ordered else BULLET_NUM_ID
        style = LIST_STYLES[bullets.ordered][min(level, 2)]
        for item in bullets.items:
            paragraph = self.paragraph(style)
            _add_spans(paragraph, item.content)
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = min(level, 8)
            numbering.get_or_add_numId().val = num_id
            for child in item.children:
                if isinstance(child, BulletList):
                    self.bullets(child, level + 1)
                else:
                    self.block(child, level + 1)

    def table(self, table: Table, keep_with_next: bool = False) -> None:
        """A table across the text width, its columns sized to their content, no row split
        across pages, the header row repeated on each page. ``keep_with_next``: the whole
        table stays on the page of what follows it (a trend's chart)."""
        if not table.rows:
            return
        width = max(len(row) for row in table.rows)
        word_table = self.word.add_table(rows=0, cols=width)
        word_table.style = self._grid_style
        for index, row in enumerate(table.rows):
            cells = word_table.add_row().cells
            header = table.header and index == 0
            for cell, content in zip(cells, row, strict=False):
                paragraph = cell.paragraphs[0]
                _add_spans(paragraph, content)
                if header:
                    for run in paragraph.runs:
                        run.bold = True
                if keep_with_next or header:
                    paragraph.paragraph_format.keep_with_next = True
            tr_pr = word_table.rows[index]._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if header:
                # Repeat on every page and tell assistive technology this row is the header.
                tr_pr.append(OxmlElement("w:tblHeader"))
        self.column_widths(word_table, column_shares(table, width, self.line_chars))
        spacer = self.paragraph("Normal")  # Word needs a paragraph between tables
        # ... no taller than the PDF's 10 pt below a table (a whole empty line was 19 pt).
        spacer.paragraph_format.line_spacing = Pt(4)
        spacer.paragraph_format.space_after = Pt(6)
        if keep_with_next:
            spacer.paragraph_format.keep_with_next = True

    @property
    def line_chars(self) -> float:
        """About how many characters of 11 pt text fit across the text width (a letter of
        Liberation Sans is about 0.55 em wide on average, capitals included)."""
        return self.text_width / Pt(11 * 0.55)

    def column_widths(self, word_table, shares: list[float]) -> None:
        """The columns' shares of the text width, the table exactly as wide as the text
        (Word reads the cells' widths; the grid and the table's own width say the same)."""
        text_width = self.text_width
        word_table.autofit = False
        widths = [int(text_width * share) for share in shares]
        widths[-1] += text_width - sum(widths)
        for column, share in zip(word_table.columns, widths, strict=True):
            column.width = share
            for cell in column.cells:
                cell.width = share
        table_properties = word_table._tbl.tblPr
        table_width = table_properties.find(qn("w:tblW"))
        if table_width is None:
            table_width = OxmlElement("w:tblW")
            table_properties.append(table_width)
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(Emu(text_width).twips))

    def image(self, image: Image) -> None:
        """A picture (the logo) at its own size, at most as wide as the text and 2.5 cm
        high, as the PDF draws it, its alt text as the picture's description."""
        path = Path(image.source) if image.source else None
        if path is None or not path.is_file():
            return  # alt text alone is no picture; the Markdown keeps it
        paragraph = self.paragraph("Logo")
        try:
            shape = paragraph.add_run().add_picture(str(path))
        except Exception as exc:  # python-docx names only the formats it knows
            raise PccError(
                f"The picture {path} cannot be read ({exc}); replace it with a PNG or JPEG."
            ) from exc
        width, height = shape.width, shape.height
        scale = min(1.0, self.text_width / width, Cm(2.5) / height) if width and height else 1
        shape.width, shape.height = int(width * scale), int(height * scale)
        alt = word_text(image.alt)
        for doc_pr in paragraph._p.iter(qn("wp:docPr")):
            doc_pr.set("descr", alt)
            doc_pr.set("title", property_text(alt))

    def chart(self, chart: Chart) -> None:
        """A chart as an inline picture at its own size, its sentence as the alt text."""
        from pcc_minutes.documents.writers.chart_png import chart_png  # Pillow: when needed

        png = io.BytesIO(chart_png(chart.picture))
        paragraph = self.paragraph("Normal")
        paragraph.add_run().add_picture(png, width=Pt(chart.picture.width))
        alt = word_text(chart.alt)
        for doc_pr in paragraph._p.iter(qn("wp:docPr")):
            doc_pr.set("descr", alt)
            doc_pr.set("title", property_text(alt))

    # --- page furniture ------------------------------------------------------------------

    def header_footer(self) -> None:
        section = self.word.sections[0]
        # As the PDF's header: the marking in black, below it the draft line in dark red,
        # both 10 pt bold and centred.
        lines = [(self.doc.marking, BLACK)] if self.doc.marking else []
        if self.doc.is_draft:
            lines.append((self.draft_label(), DRAFT_INK))
        header = section.header.paragraphs[0]
        header.style = self.word.styles["Header"]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for number, (text, ink) in enumerate(lines):
            run = header.add_run(word_text(text))
            run.bold = True
            run.font.size = Pt(10)
            run.font.color.rgb = ink
            if number < len(lines) - 1:
                run.add_break()
        if self.doc.is_draft:
            header.runs[0]._r.addprevious(_watermark_run())
        footer = section.footer.paragraphs[0]
        footer.style = self.word.styles["Footer"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if self.doc.marking:
            footer.add_run(word_text(self.doc.marking) + "    ").bold = True
        footer.add_run("Page ")
        _field(footer, "PAGE", "1")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES", "1")

    def draft_label(self) -> str:
        return self.doc.status_note or "DRAFT"

    def properties(self) -> None:
        """Core and app properties that are ours alone: none of the reference document's
        (python-docx's template: its author, its 2013 dates, "generated by python-docx")."""
        package = self.word.part.package
        core = package.part_related_by(RT.CORE_PROPERTIES).element
        for child in list(core):  # start empty so that nothing of the template is left
            core.remove(child)
        props = self.word.core_properties
        now = datetime.now(UTC).replace(microsecond=0)
        props.title = property_text(self.doc.title)
        kind = "Agenda" if self.doc.agenda_only else "Meeting note"
        if self.doc.register:
            kind = self.doc.document_kind
        when = format_date(self.doc.date)
        props.subject = property_text(f"{kind} {when}")
        props.author = property_text(self.doc.organisation) or APP_NAME
        props.last_modified_by = APP_NAME
        props.language = "en-GB"
        props.keywords = property_text(
            ", ".join(k for k in (self.doc.marking, self.doc.status) if k)
        )
        props.comments = f"Written by {APP_NAME}"
        props.revision = 1
        props.created = now
        props.modified = now
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:  # a picture of the template's empty page
                del package.rels[rel_id]
        self.app_properties(package)

    def app_properties(self, package) -> None:
        """``docProps/app.xml`` naming this program (the template's says Microsoft Word)."""
        organisation = property_text(self.doc.organisation)
        company = f"<Company>{escape(organisation)}</Company>" if organisation else ""
        blob = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<Properties xmlns="{_EXTENDED}" xmlns:vt="{_VTYPES}">'
            f"<Application>{escape(APP_NAME)}</Application><DocSecurity>0</DocSecurity>"
            f"{company}</Properties>"
        ).encode()
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == RT.EXTENDED_PROPERTIES:  # replaced whole, not edited
                del package.rels[rel_id]
        part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package)
        package.relate_to(part, RT.EXTENDED_PROPERTIES)

    def write(self, target: Path) -> None:
        blocks = layout(self.doc)
        for index, block in enumerate(blocks):
            self.block(block, following=blocks[index + 1] if index + 1 < len(blocks) else None)
        self.header_footer()
        self.properties()
        self.word.save(str(target))


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a placeholder result until Word updates it."""

    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


_WATERMARK = (
    '<w:r {ns}><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136"'
    ' adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t"'
    ' o:connecttype="custom"/><v:textpath on="t" fitshape="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:115pt;'
    "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" fillcolor="#d9d9d9" stroked="f">'
    '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt"'
    ' string="DRAFT"/></v:shape></w:pict></w:r>'
)


def _watermark_run():
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
    )
    return copy.deepcopy(parse_xml(_WATERMARK.format(ns=namespaces)))


def render_docx(doc: MinutesDocument, target: Path) -> None:
    """Write the Word minutes to ``target`` (callers pass a temporary path and rename)."""
    _Writer(doc).write(Path(target))


__all__ = ["render_docx", "STYLES"]
