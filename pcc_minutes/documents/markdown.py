"""Notes as CommonMark: the one storage format shared by the editor, the importers and exporters.

``to_markdown`` writes blocks as CommonMark (GitHub tables for tables), escaping every
character that Markdown would otherwise read as syntax, so that ``from_markdown`` gives the
same words back. ``from_markdown`` reads what we write and what Qt's Markdown writer produces
(soft-wrapped lines, ``*``/``-`` bullets, loose lists).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pcc_minutes.documents.markdown_subset import read_subset
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Chart,
    Heading,
    Image,
    ListItem,
    Paragraph,
    Span,
    Spans,
    Table,
    blocks_text,
    merge_spans,
)

if TYPE_CHECKING:  # markdown-it loads when a text needs it, not with this module
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# --- writing -----------------------------------------------------------------------------

# Characters that start Markdown syntax anywhere in a line.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>])")
# "&name;" or "&#123;" would be read as an entity.
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Line starts that would turn a paragraph into a heading, quote, list, rule or code.
_BLOCK_START = re.compile(r"^(#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|=+\s*$|-+\s*$|~~~|```)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(\s|$)")
# What CommonMark reads as the end of a line: a CR (alone or before LF) as well as an LF.
_LINE_ENDING = re.compile(r"\r\n?|\n")


def _escape_inline(text: str, *, in_table: bool = False) -> str:
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub(r"\\&", text)
    if in_table:
        text = text.replace("|", r"\|")
    return text


def _escape_line_start(line: str) -> str:
    if _BLOCK_START.match(line):
        return "\\" + line
    ordered = _ORDERED_START.match(line)
    if ordered:
        return ordered.group(1) + "\\" + line[len(ordered.group(1)) :]
    return line


def _render_spans(content: Spans, *, in_table: bool = False) -> str:
    """Inline Markdown for spans; whitespace at a span's edge goes outside its markers."""
    out: list[str] = []
    for span in merge_spans(content):
        marker = ("**" if span.bold else "") + ("*" if span.italic else "")
        text = span.text
        core = text.strip()
        if not marker or not core:
            out.append(_escape_inline(text, in_table=in_table))
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(lead + marker + _escape_inline(core, in_table=in_table) + marker[::-1] + trail)
    rendered = "".join(out)
    # Line breaks inside a paragraph are hard breaks; NBSP-only edges are dropped by readers.
    lines = [line.strip(" \t") for line in _LINE_ENDING.split(rendered)]
    lines = [_escape_line_start(line) for line in lines]
    return "\\\n".join(lines)


def _render_block(block: Block, indent: str = "") -> list[str]:
    if isinstance(block, Paragraph):
        text = _render_spans(block.content)
        return [indent + line for line in text.split("\n")] if text else []
    if isinstance(block, Heading):
        text = _render_spans(block.content).replace("\\\n", " ")
        if text.endswith("#"):
            text = text[:-1] + "\\#"
        level = max(1, min(6, block.level))
        return [indent + "#" * level + " " + text]
    if isinstance(block, BulletList):
        lines: list[str] = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else "- "
            pad = indent + " " * len(marker)
            text = _render_spans(item.content)
            first, *rest = text.split("\n") if text else [""]
            lines.append((indent + marker + first).rstrip())
            lines.extend(pad + line for line in rest)
            for child in item.children:
                # An ordered list may interrupt a paragraph only when it starts at 1.
                if not isinstance(child, BulletList) or (child.ordered and child.start != 1):
                    lines.append("")
                lines.extend(_render_block(child, pad))
        return lines
    if isinstance(block, Table):
        return _render_table(block, indent)
    if isinstance(block, Image):
        alt = _escape_inline(_LINE_ENDING.sub(" ", block.alt))
        return [indent + f"![{alt}]({block.source or 'image'})"]
    if isinstance(block, Chart):  # no picture in plain text: its sentence, after its table
        return [indent + "*" + _escape_inline(_LINE_ENDING.sub(" ", block.alt)) + "*"]
    raise TypeError(f"not a block: {block!r}")


def _render_table(table: Table, indent: str) -> list[str]:
    if not table.rows:
        return []
    width = max(len(row) for row in table.rows)

    def row_line(row: tuple[Spans, ...]) -> str:
        cells = [_render_spans(cell, in_table=True).replace("\\\n", " ") for cell in row]
        cells += [""] * (width - len(cells))
        return indent + "| " + " | ".join(cells) + " |"

    rows = list(table.rows)
    # GitHub tables always have a header row; an all-blank one stands in when ours has none.
    header = rows.pop(0) if table.header else tuple(() for _ in range(width))
    lines = [row_line(header), indent + "|" + "---|" * width]
    lines.extend(row_line(row) for row in rows)
    return lines


def to_markdown(blocks: list[Block] | tuple[Block, ...]) -> str:
    """CommonMark for the blocks, one blank line between blocks, ending with a newline."""
    chunks = ["\n".join(lines) for lines in (_render_block(b) for b in blocks) if lines]
    return "\n\n".join(chunks) + "\n" if chunks else ""


def inline_markdown(content: Spans) -> str:
    """One line of inline Markdown (no block syntax), e.g. for a heading written elsewhere."""
    return _render_spans(content).replace("\\\n", " ")


# --- reading -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _inline_spans(token: Token) -> Spans:
    out: list[Span] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "softbreak":
            out.append(Span(" ", bold > 0, italic > 0))
        elif kind == "hardbreak":
            out.append(Span("\n", bold > 0, italic > 0))
        elif kind == "image":
            out.append(Span(child.content, bold > 0, italic > 0))
        elif kind in ("text", "code_inline", "html_inline"):
            out.append(Span(child.content, bold > 0, italic > 0))
    return merge_spans(out)


class _Reader:
    """Turns markdown-it's flat token stream into nested blocks."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.pos = 0

    def blocks_until(self, closing: str | None) -> list[Block]:
        blocks: list[Block] = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            if closing is not None and token.type == closing:
                self.pos += 1
                return blocks
            blocks.extend(self.block())
        return blocks

    def block(self) -> list[Block]:
        token = self.tokens[self.pos]
        kind = token.type
        if kind == "paragraph_open":
            inline = self.tokens[self.pos + 1]
            self.pos += 3
            only = inline.children or []
            if len(only) == 1 and only[0].type == "image":
                return [Image(alt=only[0].content, source=only[0].attrGet("src") or "")]
            content = _inline_spans(inline)
            return [Paragraph(content)] if content else []
        if kind == "heading_open":
            inline = self.tokens[self.pos + 1]
            self.pos += 3
            return [Heading(int(token.tag[1:]), _inline_spans(inline))]
        if kind in ("bullet_list_open", "ordered_list_open"):
            return [self.bullet_list(token)]
        if kind == "table_open":
            return [self.table()]
        if kind in ("fence", "code_block", "html_block"):
            self.pos += 1
            text = token.content.rstrip("\n")
            return [Paragraph((Span(text),))] if text else []
        if kind == "blockquote_open":
            self.pos += 1
            return self.blocks_until("blockquote_close")
        # hr and anything unknown carry no words
        self.pos += 1
        return []

    def bullet_list(self, opening: Token) -> BulletList:
        ordered = opening.type == "ordered_list_open"
        start = int(opening.attrGet("start") or 1) if ordered else 1
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        self.pos += 1
        items: list[ListItem] = []
        while self.tokens[self.pos].type != closing:
            self.pos += 1  # list_item_open
            inner = self.blocks_until("list_item_close")
            content: Spans = ()
            if inner and isinstance(inner[0], Paragraph):
                content = inner.pop(0).content
            items.append(ListItem(content, tuple(inner)))
        self.pos += 1
        return BulletList(tuple(items), ordered, start)

    def table(self) -> Table:
        rows: list[tuple[Spans, ...]] = []
        cells: list[Spans] = []
        header_blank = False
        self.pos += 1
        while self.tokens[self.pos].type != "table_close":
            token = self.tokens[self.pos]
            if token.type == "tr_open":
                cells = []
            elif token.type == "inline":
                cells.append(_inline_spans(token))
            elif token.type == "tr_close":
                rows.append(tuple(cells))
            elif token.type == "thead_close":
                header_blank = all(not cell for cell in rows[-1])
            self.pos += 1
        self.pos += 1
        if header_blank:
            return Table(tuple(rows[1:]), header=False)
        return Table(tuple(rows), header=True)


def from_markdown(text: str) -> list[Block]:
    """Blocks from CommonMark (with GitHub tables). Plain notes are read by
    ``markdown_subset`` (the same blocks, without importing markdown-it); the rest by
    markdown-it."""
    if not text.strip():
        return []
    blocks = read_subset(text)
    if blocks is not None:
        return blocks
    return _Reader(_parser().parse(text)).blocks_until(None)


def markdown_plain_text(text: str) -> str:
    """Notes in CommonMark as the plain words figure detection and quick capture read
    (bullets and emphasis taken off, one line per block)."""
    return blocks_text(from_markdown(text))
