"""Paragraph fragments made straight from our markup, without reportlab's HTML parser.

reportlab turns paragraph markup into *fragments* (runs of text of one look) with a parser
built on ``html.parser``, set up afresh for every paragraph: most of the time a page of short
minutes paragraphs took went on that parser. Our markup is always the same small language
(``markup`` in ``story``: escaped text, ``<b>``, ``<i>`` and ``<br/>``), so the fragments can
be made directly: the markup is cleaned as reportlab cleans it (``cleanBlockQuotedText``), cut
at the tags, and each run of text becomes a copy of the fragment reportlab's own parser makes
for that look in that style (parsed once per style and look, then cached). The fragments
are the parser's own, one for each run of text between tags and entities, so the paragraph
lays out and draws exactly as before; markup of any other kind still goes to the parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

# Our tags, and the entities ``escape`` writes: the parser makes a fragment of each entity.
_TOKENS = re.compile(r"(<b>|</b>|<i>|</i>|<br/>|&amp;|&lt;|&gt;)")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
# A "<" that is not one of our tags, or an "&" that is not one of our entities.
_FOREIGN = re.compile(r"<(?!/?[bi]>|br/>)|&(?!amp;|lt;|gt;)")


def clone(frag, **changes):
    """``frag.clone(**changes)`` (reportlab's ``ABag.clone``: a new fragment of the same
    class with the same attributes and the changes), without passing every attribute
    through keyword arguments to a constructor: fragments are cloned thousands of times."""
    twin = object.__new__(frag.__class__)
    attributes = twin.__dict__
    attributes.update(frag.__dict__)
    attributes.update(changes)
    return twin


def _parsed(text: str, style: ParagraphStyle) -> list:
    parser = ParaParser()
    parser.caseSensitive = 1
    _, frags, _ = parser.parse(text, style)
    if frags is None:
        raise ValueError(f"reportlab could not parse {text!r}")
    return frags


@lru_cache(maxsize=512)
def _template(style: ParagraphStyle, bold: bool, italic: bool, line_break: bool):
    """The fragment reportlab's parser makes for one look (or line break) in ``style``."""
    inner = "<br/>" if line_break else "x"
    if bold:
        inner = f"<b>{inner}</b>"
    if italic:
        inner = f"<i>{inner}</i>"
    (frag,) = _parsed(inner, style)
    return frag


def clean(markup: str) -> str:
    """``cleanBlockQuotedText``: runs of white space (line breaks too) become one space, and
    the ends are trimmed. That is what ``str.split`` does, in C, except for the no-break
    space (which reportlab treats apart) and the zero-width space (which it trims and Python
    does not count as white space): text with either goes to reportlab's own."""
    if "\xa0" in markup or "\u200b" in markup:
        return cleanBlockQuotedText(markup)
    return " ".join(markup.split())


def plain_run(markup: str, style: ParagraphStyle):
    """(cleaned markup, the fragment reportlab's parser makes for a run in ``style``'s own
    look) when the markup is one such run (no tags or entities, in a style that changes no
    text), else None: ``fragments`` would make that run a copy of the fragment holding the
    text, and a cell of plain text needs no copy (see ``plain_text``)."""
    text = clean(markup)
    if not text or "<" in text or "&" in text or style.textTransform:
        return None
    return text, _template(style, False, False, False)


def fragments(markup: str, style: ParagraphStyle) -> tuple[str, list]:
    """The cleaned markup and its fragments, as ``Paragraph(markup, style)`` would make them."""
    text = clean(markup)
    if "<" not in text and "&" not in text:  # most text: one run in the style's own look
        frags = [clone(_template(style, False, False, False), text=text)] if text else []
        textTransformFrags(frags, style)
        return text, frags
    if _FOREIGN.search(text):  # not our markup: let reportlab's parser read it
        frags = _parsed(text, style)
        textTransformFrags(frags, style)
        return text, frags
    frags = []
    bold = italic = 0
    for part in _TOKENS.split(text):
        if not part:
            continue
        if part in _ENTITIES:
            part = _ENTITIES[part]
        elif part[0] == "<":
            if part == "<b>":
                bold += 1
            elif part == "</b>":
                bold -= 1
            elif part == "<i>":
                italic += 1
            elif part == "</i>":
                italic -= 1
            else:
                frags.append(clone(_template(style, bold > 0, italic > 0, True)))
            continue
        frags.append(clone(_template(style, bold > 0, italic > 0, False), text=part))
    textTransformFrags(frags, style)
    return text, frags
