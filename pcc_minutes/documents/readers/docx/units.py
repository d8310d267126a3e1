"""The document as a flat run of units: paragraphs (``Para``) and data tables (``TableUnit``).

Everything after the XML walk (title block, attendance, items, blocks) reads only these, so
the recognisers never touch XML and each can be tested on plain values. A paragraph keeps
both its trimmed spans (for the minutes) and its ``raw`` text (tabs and ends included),
because a typed bullet or an indent by tab is only visible in the raw text. The small text
helpers shared by several recognisers (``one_line``, ``short``, ``fold``, ``trim``) live
here too, so that none of those modules has to import another for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pcc_minutes.documents.tree import Span, Spans, merge_spans, plain_text
from pcc_minutes.text.parsing import clean

# Whitespace at a paragraph's ends, including the no-break and zero-width spaces Word leaves.
TRIM = " \t\u00a0\r\n\u200b"


@dataclass
class ListInfo:
    """A paragraph's place in a Word list: which list, how deep, numbered or not, its number."""

    num_id: str
    depth: int
    ordered: bool
    number: int


@dataclass
class Para:
    content: Spans
    raw: str  # the text exactly as written, ends and tabs included
    bold: bool  # every run that has text is bold
    heading: int | None  # 0 = Title style, 1–9 heading levels
    list: ListInfo | None = None
    images: tuple[str, ...] = ()
    indented: bool = False  # indented by the paragraph itself (not by its style)

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass
class TableUnit:
    """A table of two or more columns: rows of cells, each cell its paragraphs."""

    rows: list[list[list[Para]]]
    header_row: bool = False


Unit = Para | TableUnit


def trim(runs: list[Span]) -> Spans:
    """Spans without the whitespace at the paragraph's ends; tabs inside become spaces."""
    merged = list(merge_spans([Span(s.text.replace("\t", " "), s.bold, s.italic) for s in runs]))
    while merged and not merged[0].text.lstrip(TRIM):
        merged.pop(0)
    while merged and not merged[-1].text.rstrip(TRIM):
        merged.pop()
    if merged:
        first = merged[0]
        merged[0] = Span(first.text.lstrip(TRIM), first.bold, first.italic)
        last = merged[-1]
        merged[-1] = Span(last.text.rstrip(TRIM), last.bold, last.italic)
    return tuple(merged)


def one_line(text: str) -> str:
    """A heading or title on one line: line breaks inside it become spaces."""
    return clean(re.sub(r"\s*\n\s*", " ", text))


def short(line: str, chars: int = 120, words: int = 15) -> bool:
    """Short enough to be a heading or label rather than a sentence of the minutes."""
    return 0 < len(line) <= chars and len(line.split()) <= words


def fold(text: str) -> str:
    """Text compared as a reader would: spaces collapsed, case ignored."""
    return re.sub(r"\s+", " ", text).strip().casefold()
