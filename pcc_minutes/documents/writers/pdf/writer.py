"""The writer: ``render_pdf`` builds the story, lays it out on A4 pages with reportlab's
document template, then finishes the file with pikepdf (structure tree, bookmarks, document
properties and the XMP metadata that names PDF/UA)."""

from __future__ import annotations

import gc
import io
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate

from pcc_minutes import APP_NAME
from pcc_minutes.documents.layout import layout, schedule_lines
from pcc_minutes.documents.tree import MinutesDocument
from pcc_minutes.documents.writers.pdf.canvas import MinutesCanvas
from pcc_minutes.documents.writers.pdf.fonts import FONT, register_fonts
from pcc_minutes.documents.writers.pdf.furniture import Furniture, draft_line
from pcc_minutes.documents.writers.pdf.story import StoryBuilder
from pcc_minutes.documents.writers.pdf.styles import FRAME_WIDTH, MARGIN, PAGE_HEIGHT
from pcc_minutes.documents.writers.pdf.tagging import Element, add_structure

LANGUAGE = "en-GB"


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

    # reportlab would wrap every compressed stream (pages, font subsets) in ASCII85 as well,
    # which pikepdf would then have to decode and compress all over again on saving: plain
    # Flate streams are smaller and pass through untouched.
    use_a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        template.build(story, canvasmaker=make_canvas)
    finally:
        rl_config.useA85 = use_a85

    raw.seek(0)
    with pikepdf.open(raw) as pdf:
        headings = add_structure(pdf, builder.document)
        _add_outline(pdf, builder.document, headings)
        _add_metadata(pdf, info.title)
        pdf.save(Path(target), min_version="1.7")
