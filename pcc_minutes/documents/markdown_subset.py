"""A quick reader for the plain Markdown our writer produces, so the window can show a
meeting's notes at start-up without importing markdown-it (a good part of a start-up's time).

``read_subset`` reads paragraphs, ATX headings, bullet and numbered lists (nested by
indentation), backslash escapes, hard and soft line breaks, ``*``/``**``/``***`` emphasis and
a paragraph that is a single image — everything ``to_markdown`` writes apart from tables. It
gives exactly the blocks ``from_markdown`` would, or ``None`` as soon as it meets anything
it does not read with certainty (a table, code, a quote, a link, HTML, an entity, ``_``, an
emphasis run that could open and close, a lazy continuation line…); the caller then parses
with markdown-it. The tests compare the two on real minutes and on generated text.
"""

from __future__ import annotations

import re
import unicodedata

from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    Image,
    ListItem,
    Paragraph,
    Span,
    Spans,
    merge_spans,
)


class _Unsure(Exception):
    """The text holds something only markdown-it reads exactly."""


# Lines whose meaning depends on rules this reader leaves to markdown-it: quotes, fences,
# HTML blocks, link reference definitions, thematic breaks, setext underlines, table
# delimiter rows (all dashes, colons, pipes and spaces).
_OTHER_BLOCK = re.compile(
    r" {0,3}(?:[>\[<]|```|~~~|([-*_])(?:[ ]*\1){2,}[ ]*$|=+[ ]*$|[ :|]*-[ :|-]*$)"
)
_HEADING = re.compile(r"( {0,3})(#{1,6})(?=[ ]|$)")
_BULLET = re.compile(r"( {0,3})([-+*])( *)")
_ORDERED = re.compile(r"( {0,3})(\d{1,9})([.)])( *)")
_LONG_NUMBER = re.compile(r" {0,3}\d{10,}[.)]")
_IMAGE = re.compile(r"!\[([^\[\]\\`*_<>&\n]*)\]\(([A-Za-z0-9._/-]*)\)")
# Inline characters that start something other than text, an escape, a break or emphasis.
_INLINE_SPECIAL = re.compile(r"[\n\\*`\[<_&]")
_ENTITY_LIKE = re.compile(r"&#?[A-Za-z0-9]+;")
# What markdown-it's escape rule turns into the character alone.
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MOST_DEPTH = 6  # lists within lists; markdown-it stops nesting at 20 levels


def read_subset(text: str) -> list[Block] | None:
    """The blocks of ``text`` as ``from_markdown`` reads them, or ``None`` when unsure."""
    if "\t" in text or "\r" in text or "\0" in text or "\x0b" in text or "\x0c" in text:
        return None
    try:
        return _blocks(text.split("\n"), 0)
    except _Unsure:
        return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip(" ")


def _marker(line: str) -> tuple[str, int, int] | None:
    """A list marker at the start of ``line``: its kind (the bullet, or ``.``/``)`` after a
    number), the number (1 for a bullet) and the column where the item's text starts."""
    bullet = _BULLET.match(line)
    if bullet and (bullet.end(2) == len(line) or line[bullet.end(2)] == " "):
        spaces = len(bullet.group(3))
        if bullet.end() == len(line):
            raise _Unsure  # an empty item
        if spaces > 4:
            raise _Unsure  # an item that starts with indented code
        return bullet.group(2), 1, bullet.end()
    ordered = _ORDERED.match(line)
    if ordered and (ordered.end(3) == len(line) or line[ordered.end(3)] == " "):
        spaces = len(ordered.group(4))
        if ordered.end() == len(line) or spaces > 4:
            raise _Unsure
        return ordered.group(3), int(ordered.group(2)), ordered.end()
    if _LONG_NUMBER.match(line):
        raise _Unsure
    return None


def _blocks(lines: list[str], depth: int) -> list[Block]:
    if depth > _MOST_DEPTH:
        raise _Unsure
    out: list[Block] = []
    i, count = 0, len(lines)
    while i < count:
        line = lines[i]
        if _blank(line):
            i += 1
            continue
        if _indent(line) >= 4 or _OTHER_BLOCK.match(line):
            raise _Unsure  # indented code or another kind of block
        heading = _HEADING.match(line)
        if heading:
            out.append(_heading(len(heading.group(2)), line[heading.end() :]))
            i += 1
            continue
        marker = _marker(line)
        if marker is not None:
            i = _list(lines, i, marker, depth, out)
            continue
        i = _paragraph(lines, i, out)
    return out


def _paragraph(lines: list[str], i: int, out: list[Block]) -> int:
    """Gather a paragraph's lines from ``i``; append it (if it has words); return the next."""
    start, count = i, len(lines)
    i += 1
    while i < count:
        line = lines[i]
        if _blank(line):
            break
        if _indent(line) >= 4:
            i += 1  # after a paragraph, deep indentation is a continuation
            continue
        if _OTHER_BLOCK.match(line):
            raise _Unsure
        if _HEADING.match(line):
            break
        marker = _marker(line)
        if marker is not None:
            kind, number, _column = marker
            if kind in ".)" and number != 1:
                raise _Unsure  # "2. " goes on the paragraph: leave that to markdown-it
            break
        i += 1
    source = _trim("\n".join(lines[start:i]))
    image = _IMAGE.fullmatch(source)
    if image:
        out.append(Image(alt=image.group(1), source=image.group(2)))
    else:
        content = _inline(source)
        if content:
            out.append(Paragraph(content))
    return i


def _heading(level: int, rest: str) -> Heading:
    """markdown-it's ATX rule: drop a closing run of ``#`` that follows a space."""
    rest = rest.rstrip(" ")
    bare = rest.rstrip("#")
    if len(bare) < len(rest) and bare and bare[-1] == " ":
        rest = bare
    return Heading(level, _inline(_trim(rest)))


def _list(
    lines: list[str], i: int, marker: tuple[str, int, int], depth: int, out: list[Block]
) -> int:
    """Read the list whose first item starts at line ``i``; append it; return the next line."""
    kind, start, _column = marker
    ordered = kind in ".)"
    items: list[ListItem] = []
    count = len(lines)
    while True:
        column = marker[2]
        body = [lines[i][column:]]
        i += 1
        while i < count:
            line = lines[i]
            if _blank(line):
                body.append("")
            elif _indent(line) >= column:
                body.append(line[column:])
            else:
                break
            i += 1
        while body and not body[-1]:
            body.pop()
        inner = _blocks(body, depth + 1)
        content: Spans = ()
        if inner and isinstance(inner[0], Paragraph):
            content = inner.pop(0).content
        items.append(ListItem(content, tuple(inner)))
        if i >= count:
            break
        line = lines[i]
        following = _marker(line) if not _OTHER_BLOCK.match(line) else None
        if following is not None and following[0] == kind:
            marker = following
            continue  # the next item of this list
        if not _blank(lines[i - 1]) and following is None:
            raise _Unsure  # a lazy continuation line, or a block that interrupts the item
        break
    out.append(BulletList(tuple(items), ordered, start if ordered else 1))
    return i


def _trim(text: str) -> str:
    """Spaces off both ends; other whitespace at an end is markdown-it's to judge."""
    text = text.strip(" ")
    for edge in (text[:1], text[-1:]):
        if edge and (edge.isspace() or not edge.isprintable()):
            raise _Unsure
    return text


# --- inline ------------------------------------------------------------------------------


def _inline(source: str) -> Spans:
    """Spans of one paragraph's or heading's text, as markdown-it's inline rules read it."""
    tokens: list[tuple] = []  # ("text", str) | ("break", "\n" or " ") | ("run", n, opens)
    pending: list[str] = []

    def flush() -> None:
        if pending:
            tokens.append(("text", "".join(pending)))
            pending.clear()

    pos, end = 0, len(source)
    while pos < end:
        special = _INLINE_SPECIAL.search(source, pos)
        stop = special.start() if special else end
        if stop > pos:
            pending.append(source[pos:stop])
            pos = stop
            continue
        char = source[pos]
        if char == "\n":  # markdown-it's newline rule
            text = "".join(pending)
            pending.clear()
            hard = text.endswith("  ")
            text = text.rstrip(" ") if hard else text.removesuffix(" ")
            if text:
                tokens.append(("text", text))
            tokens.append(("break", "\n" if hard else " "))
            pos = _skip_spaces(source, pos + 1)
        elif char == "\\":  # the escape rule
            if pos + 1 >= end:
                pending.append("\\")
                pos += 1
                continue
            following = source[pos + 1]
            flush()
            if following == "\n":
                tokens.append(("break", "\n"))
                pos = _skip_spaces(source, pos + 2)
                continue
            tokens.append(("text", following if following in _ESCAPABLE else "\\" + following))
            pos += 2
        elif char == "*":
            run_end = pos
            while run_end < end and source[run_end] == "*":
                run_end += 1
            before = source[pos - 1] if pos > 0 else " "
            after = source[run_end] if run_end < end else " "
            opens, closes = _flanking(before, after)
            flush()
            if opens and closes:
                raise _Unsure  # a run that could do either: CommonMark's rule of three
            if opens or closes:
                tokens.append(("run", run_end - pos, opens))
            else:
                tokens.append(("text", source[pos:run_end]))
            pos = run_end
        elif char == "&" and not _ENTITY_LIKE.match(source, pos):
            pending.append("&")
            pos += 1
        else:
            raise _Unsure  # code, a link or image, HTML, an entity or "_" emphasis
    flush()
    return _emphasis(tokens)


def _skip_spaces(source: str, pos: int) -> int:
    while pos < len(source) and source[pos] == " ":
        pos += 1
    return pos


def _emphasis(tokens: list[tuple]) -> Spans:
    """Pair the runs: each closing run must close the innermost open run of its length."""
    open_runs: list[int] = []
    bold = italic = 0
    spans: list[Span] = []
    for token in tokens:
        if token[0] == "run":
            length, opens = token[1], token[2]
            if length > 3:
                raise _Unsure
            if opens:
                if len(open_runs) >= _MOST_DEPTH:
                    raise _Unsure
                open_runs.append(length)
                bold += length >= 2
                italic += length != 2
            else:
                if not open_runs or open_runs[-1] != length:
                    raise _Unsure  # unmatched, or a run split between two openers
                open_runs.pop()
                bold -= length >= 2
                italic -= length != 2
        else:
            spans.append(Span(token[1], bold > 0, italic > 0))
    if open_runs:
        raise _Unsure  # an opener that nothing closes stays literal text in CommonMark
    return merge_spans(spans)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests, as markdown-it makes them for ``*``."""
    before_space, after_space = _is_space(before), _is_space(after)
    before_punct, after_punct = _is_punct(before), _is_punct(after)
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    return left, right


def _is_space(char: str) -> bool:
    if char in " \n":
        return True
    if char.isascii():
        return False
    if char.isspace() or not char.isprintable():
        raise _Unsure  # Unicode whitespace and controls: markdown-it's own list decides
    return False


def _is_punct(char: str) -> bool:
    if char.isascii():
        return char in _ESCAPABLE
    return unicodedata.category(char).startswith(("P", "S"))
