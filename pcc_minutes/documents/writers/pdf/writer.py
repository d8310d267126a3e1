"""The writer: ``render_pdf`` builds the story and lays it out on A4 pages with reportlab's
document template; before reportlab writes the file, the structure tree, bookmarks, document
properties and the XMP metadata that names PDF/UA are added to reportlab's own document, so
the file is written once."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.platypus import PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate

from pcc_minutes import APP_NAME
from pcc_minutes.documents.characters import drawn_text
from pcc_minutes.documents.layout import layout, schedule_lines
from pcc_minutes.documents.tree import MinutesDocument
from pcc_minutes.documents.writers.pdf.canvas import MinutesCanvas
from pcc_minutes.documents.writers.pdf.fonts import FONT, register_fonts
from pcc_minutes.documents.writers.pdf.frame import KeepWithNext, MinutesFrame
from pcc_minutes.documents.writers.pdf.furniture import Furniture, draft_line
from pcc_minutes.documents.writers.pdf.line_breaking import new_export
from pcc_minutes.documents.writers.pdf.metadata import add_metadata
from pcc_minutes.documents.writers.pdf.objects import QuickWriteDocument
from pcc_minutes.documents.writers.pdf.outline import add_outline
from pcc_minutes.documents.writers.pdf.story import StoryBuilder
from pcc_minutes.documents.writers.pdf.styles import FRAME_WIDTH, MARGIN, PAGE_HEIGHT
from pcc_minutes.documents.writers.pdf.tagging import add_structure, release


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
    with _no_collection():
        _render(doc, target, author)


@contextmanager
def _no_collection():
    """The cyclic garbage collector paused while one PDF is made: laying out makes hundreds
    of thousands of short-lived objects, and the collections they set off cost about a tenth
    of the time. Reference counting still frees them as they go; the few cycles among them
    are collected at the first collection after."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _render(doc: MinutesDocument, target: Path, author: str) -> None:
    register_fonts()
    new_export()
    builder = StoryBuilder()
    story = builder.blocks(layout(doc), builder.document)
    info = _info(doc, author)
    furniture = Furniture(
        marking=" ".join(drawn_text(doc.marking).split()),
        draft_line=drawn_text(draft_line(doc)),
    )

    template = BaseDocTemplate(
        str(target),
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
        keepTogetherClass=KeepWithNext,
    )
    frame = MinutesFrame(
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

    def finish(document: PDFDocument, pages: list) -> None:
        document._pdfVersion = (1, 7)
        elements = builder.document.walk()
        refs = add_structure(document, elements, pages)
        add_outline(document, elements, refs)
        add_metadata(document, info.title)
        document.__class__ = QuickWriteDocument

    def make_canvas(*args, **kwargs):
        return MinutesCanvas(*args, furniture=furniture, finish=finish, **kwargs)

    # reportlab would wrap every compressed stream (pages, font subsets) in ASCII85 as well:
    # plain Flate streams are smaller and quicker to write.
    use_a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        template.build(story, canvasmaker=make_canvas)
    finally:
        rl_config.useA85 = use_a85
        # The template and its canvas point at each other; parted, reference counting frees
        # the export's objects at once instead of leaving them to the garbage collector.
        template.__dict__.pop("canv", None)
        release(builder.document)
