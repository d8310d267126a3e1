"""Characters a file format cannot hold, made into ones it can, so that any text that could
be typed, pasted or imported can be exported.

Notes pasted from Word carry its line break (the vertical tab) and sometimes other control
characters; a JSON or clipboard source can carry a lone UTF-16 surrogate. No format can
encode a lone surrogate (it is not a character), so ``scalar_text`` makes it the
replacement character once, for every writer. Word's XML cannot hold most C0 controls or
U+FFFE/U+FFFF, so ``word_text`` turns the line-breaking ones into line breaks and drops the
rest. Word's document properties (title, subject, keywords …) hold at most 255 characters,
so ``property_text`` shortens them to that, on one line; the body keeps every word.

The PDF's fonts have no glyph for the control characters that are not white space (C0 and
C1 controls such as U+0096, which pasting from a Windows code page leaves behind), and
reportlab's line breaker mishandles a soft hyphen inside a word that is cut into fragments
(by ``&`` or ``<``): the part after the hyphen is not split again and runs off the page.
``drawn_text`` drops both before layout, so what is measured is what is drawn; a soft hyphen
is invisible unless a line breaks at it, and a word too long for its line is still cut.
"""

from __future__ import annotations

import re
import unicodedata

PROPERTY_LIMIT = 255  # Word's (and python-docx's) limit for a core document property

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c]")  # Word's line break is the vertical tab
# Everything XML 1.0 cannot hold: C0 controls other than tab/LF/CR, surrogates, U+FFFE/FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WHITESPACE = re.compile(r"\s+")
# Controls Python's str.split does not treat as white space (those become spaces in the
# PDF, as before), and the soft hyphen.
_NOT_DRAWN = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad]")


def scalar_text(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (a high-low pair becomes the one
    character it stands for), so that it can be encoded as UTF-8."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def word_text(text: str) -> str:
    """``text`` as Word's XML can hold it: CR, CR LF, vertical tab and form feed become line
    breaks ("\\n"); other characters XML cannot hold are dropped."""
    return _NOT_XML.sub("", _LINE_BREAK.sub("\n", scalar_text(text)))


def drawn_text(text: str) -> str:
    """``text`` as the PDF lays it out: without control characters that are not white space
    (the fonts cannot draw them) and without soft hyphens (see the module's docstring)."""
    return _NOT_DRAWN.sub("", scalar_text(text))


def property_text(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """``text`` as a document property: Word-safe, on one line, and at most ``limit``
    UTF-16 code units (Word counts those), shortened with "…" where it had to be cut."""
    text = _WHITESPACE.sub(" ", word_text(text)).strip()
    if _utf16_length(text) <= limit:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        used += _utf16_length(char)
        if used > limit - 1:  # room is left for the ellipsis
            break
        kept.append(char)
    if unicodedata.combining(text[len(kept)]):  # do not part a letter from its accents
        while kept and unicodedata.combining(kept[-1]):
            kept.pop()
        if kept:
            kept.pop()
    return "".join(kept).rstrip() + "…"


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
