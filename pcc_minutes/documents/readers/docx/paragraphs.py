"""The XML walk: body elements → units, runs → spans, styles and numbering → list levels.

``Walker`` reads the document's own XML rather than python-docx's paragraph objects, since
those skip what real minutes contain: content controls, custom XML, text boxes, hyperlinks,
fields, insertions and ``mc:AlternateContent``. Each of those is looked through for its
words, once (an ``mc:Fallback`` repeats its ``mc:Choice``, moved-from text repeats where it
moved to). Bold and italic follow Word's precedence: the run's own property, then its
character style, then the paragraph style chain, then the document defaults. A paragraph's
list level comes from its own ``w:numPr`` or from its style; the walker keeps one counter per
list so that each numbered paragraph knows the number Word would print beside it. The
counters are why one ``Walker`` reads one document, in order, once.
"""

from __future__ import annotations

import re

from pcc_minutes.documents.readers.docx.ooxml import (
    ALTERNATE,
    CHOICE,
    DOC_PR,
    FALLBACK,
    TBL,
    TXBX_CONTENT,
    VAL,
    WRAPPERS,
    P,
    R,
    T,
    on,
    to_int,
    w,
)
from pcc_minutes.documents.readers.docx.styles import Numbering, Styles
from pcc_minutes.documents.readers.docx.tables import read_table, rows
from pcc_minutes.documents.readers.docx.units import TRIM, ListInfo, Para, Unit, trim
from pcc_minutes.documents.tree import Span
from pcc_minutes.text.parsing import clean

# "List Bullet 2", "List Number 3": Word's built-in list styles for deeper levels.
STYLE_LIST_DEPTH = re.compile(r"^list(?: bullet| number| continue)?\s*(?P<n>[2-9])$", re.I)


class Walker:
    """One document's body as units, with the style sheet, numbering and list counters."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.counters: dict[str, list[int]] = {}

    def units(self, container) -> list[Unit]:
        found: list[Unit] = []
        for child in container:
            tag = child.tag
            if tag == P:
                para, boxes = self.paragraph(child)
                found.append(para)
                for box in boxes:
                    found.extend(self.units(box))
            elif tag == TBL:
                table_rows = rows(child)
                if table_rows and all(len(cells) == 1 for cells in table_rows):
                    # A one-column table is page layout (a box around the body), not data.
                    for cells in table_rows:
                        found.extend(self.units(cells[0]))
                else:
                    found.append(read_table(table_rows, self.units))
            elif tag in WRAPPERS:
                found.extend(self.units(child))
            elif tag == ALTERNATE:
                found.extend(self.units(_alternate_choice(child)))
        return found

    def paragraph(self, element) -> tuple[Para, list]:
        """The paragraph, and the text boxes anchored in it (read after it, as units)."""
        ppr = element.find(w("pPr"))
        style_id = None
        if ppr is not None:
            style_el = ppr.find(w("pStyle"))
            style_id = style_el.get(VAL) if style_el is not None else None
        style_id = style_id or self.styles.default_paragraph
        runs: list[Span] = []
        boxes: list = []
        images: list[str] = []
        self._collect(element, style_id, runs, boxes, images)
        raw = "".join(span.text for span in runs)
        content = trim(runs)
        visible = [span for span in content if span.text.strip(TRIM)]
        bold = bool(visible) and all(span.bold for span in visible)
        para = Para(
            content=content,
            raw=raw,
            bold=bold,
            heading=self.styles.heading_level(style_id),
            list=self._list_info(ppr, style_id),
            images=tuple(images),
            indented=_indented(ppr) or raw.lstrip(" ").startswith("\t"),
        )
        return para, boxes

    def _collect(self, element, style_id, runs, boxes, images) -> None:
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child, style_id, runs, boxes, images)
            elif tag == ALTERNATE:
                self._collect(_alternate_choice(child), style_id, runs, boxes, images)
            elif tag in (w("pPr"), w("rPr"), w("sdtPr"), w("sdtEndPr"), w("moveFrom")):
                # Properties carry no text; moved-from text is repeated where it moved to.
                continue
            elif isinstance(tag, str):
                # Hyperlinks, content controls, fields, smart tags, insertions: their runs
                # are ordinary text of the paragraph.
                self._collect(child, style_id, runs, boxes, images)

    def _run(self, run, style_id, runs, boxes, images) -> None:
        rpr = run.find(w("rPr"))
        bold = self._format(rpr, style_id, "b")
        italic = self._format(rpr, style_id, "i")
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == T:
                parts.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                parts.append("\t")
            elif tag in (w("br"), w("cr")):
                parts.append("\n")
            elif tag == w("noBreakHyphen"):
                parts.append("-")
            elif tag in (w("drawing"), w("pict"), w("object"), ALTERNATE):
                _objects(child, boxes, images)
        text = "".join(parts)
        if text:
            runs.append(Span(text, bold, italic))

    def _format(self, rpr, style_id, tag: str) -> bool:
        if rpr is not None:
            direct = rpr.find(w(tag))
            if direct is not None:
                return on(direct)
            char_style = rpr.find(w("rStyle"))
            if char_style is not None:
                value = self.styles.run_property(char_style.get(VAL), tag)
                if value is not None:
                    return value
        value = self.styles.run_property(style_id, tag)
        if value is not None:
            return value
        defaults = self.styles.defaults_rpr
        found = defaults.find(w(tag)) if defaults is not None else None
        return on(found) if found is not None else False

    def _list_info(self, ppr, style_id) -> ListInfo | None:
        num_id, ilvl, extra_depth = None, 0, 0
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_el, ilvl_el = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
            num_id = num_el.get(VAL) if num_el is not None else None
            ilvl = to_int(ilvl_el.get(VAL), 0) if ilvl_el is not None else 0
            if num_id is None:
                # Only a level given: the number itself comes from the paragraph style.
                from_style = self.styles.numbering(style_id)
                num_id = from_style[0] if from_style else None
        else:
            from_style = self.styles.numbering(style_id)
            if from_style:
                num_id, style_ilvl, owner = from_style
                linked = self.numbering.level_for_style(num_id, owner)
                ilvl = linked if linked is not None else (style_ilvl or 0)
                # "List Bullet 2" is one level deeper than "List Bullet" by its name alone
                # when each such style has a one-level list of its own (Word's default).
                depth_match = STYLE_LIST_DEPTH.match(self.styles.name(style_id))
                if depth_match and not linked:
                    extra_depth = int(depth_match.group("n")) - 1
        if not num_id or num_id == "0":
            return None
        level = self.numbering.level(num_id, ilvl)
        if level is not None and level.fmt == "none":
            return None  # numbering that prints nothing: an indented paragraph
        counts = self.counters.setdefault(num_id, [0] * 10)
        ilvl = min(max(ilvl, 0), 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        ordered = level is not None and level.fmt not in ("bullet", "")
        start = level.start if level is not None else 1
        return ListInfo(num_id, ilvl + extra_depth, ordered, start + counts[ilvl] - 1)


def _indented(ppr) -> bool:
    """Indented by its own w:ind: minutes indent sub-headings under the item's heading."""
    ind = ppr.find(w("ind")) if ppr is not None else None
    if ind is None:
        return False
    left = to_int(ind.get(w("left"), ind.get(w("start"))), 0)
    first_line = to_int(ind.get(w("firstLine")), 0)
    return left > 0 or first_line > 0


def _alternate_choice(element):
    """The first mc:Choice of an mc:AlternateContent (its mc:Fallback repeats the same text)."""
    choice = element.find(CHOICE)
    if choice is None:
        choice = element.find(FALLBACK)
    return choice if choice is not None else []


def _objects(element, boxes: list, images: list[str]) -> None:
    """Text boxes and picture descriptions inside a drawing, once each."""
    for child in element:
        tag = child.tag
        if tag == TXBX_CONTENT:
            boxes.append(child)
        elif tag == DOC_PR:
            alt = clean(child.get("descr") or child.get("title") or "")
            if alt:
                images.append(alt)
        elif tag == FALLBACK and element.find(CHOICE) is not None:
            continue
        elif isinstance(tag, str):
            _objects(child, boxes, images)
