"""The quick reader of plain notes gives exactly markdown-it's blocks, or says it is unsure.

``read_subset`` is what shows a meeting's notes at start-up without importing markdown-it, so
it must never read a text differently: every text here is read both ways and compared, and
the notes the app itself writes must be read by the quick path (else start-up pays again).
"""

from __future__ import annotations

import random

import pytest

from pcc_minutes.documents.markdown import _parser, _Reader, from_markdown, to_markdown
from pcc_minutes.documents.markdown_subset import read_subset
from pcc_minutes.documents.tree import (
    BulletList,
    Heading,
    Image,
    ListItem,
    Paragraph,
    Span,
    merge_spans,
)
from tests.conftest import need, realworld_files, seed_files


def markdown_it_blocks(text: str) -> list:
    return _Reader(_parser().parse(text)).blocks_until(None) if text.strip() else []


def same_or_unsure(text: str) -> bool:
    """True when the quick reader read ``text`` (and it read it as markdown-it does)."""
    quick = read_subset(text)
    if quick is None:
        return False
    assert quick == markdown_it_blocks(text), f"read differently: {text!r}"
    return True


READ_QUICKLY = [
    "Hello world\n",
    "One line\nand a soft break\n",
    "Two spaces  \nmake a hard break",
    "A backslash\\\nmakes one too",
    "**bold** and *italic* and ***both***, **a *nested* one**",
    "**Decision:** the board agreed.",
    "# Heading\n\nA paragraph.\n\n### Points Raised:\n",
    "## C#\n\n# closed ##\n\n#\n",
    "- one\n- two\n  - two and a half\n- three\n",
    "1. first\n2. second\n\n3. third\n",
    "7. starts at seven\n8. eight",
    "- a bullet\n\n  its second paragraph\n- next",
    "A paragraph\n- interrupted by a bullet",
    "A paragraph\n1. interrupted by a first number",
    "- dash\n* star: a new list\n",
    "1. dot\n1) bracket: a new list",
    "- a\n\n\n- b after two blank lines",
    "   - indented three spaces",
    "text\n    indented four: still the paragraph",
    "Escapes: \\* \\_ \\[ \\] \\< \\> \\# \\\\ \\& \\a",
    "R&D and 5 & 6",
    "£**5** and **£5**, 80% → 92–93%",
    "a \\ b",
    "![A chart](image)",
    "- a\n  - b\n    - c\n      - d\n",
    "- a\n\n  1. x\n  2. y\n\n  after the list",
    "Stars alone * stay * text, and so does ***",
    "\\- not a bullet\n\n\\# not a heading\n\n1\\. not a number",
]

LEFT_TO_MARKDOWN_IT = [
    "**Bold:**text",  # a run that does not close: literal in CommonMark
    "a*b*c",  # runs that could open and close
    "para\n2. a number that does not interrupt",
    "- a\nlazy continuation",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "a &amp; b",
    "snake_case",
    "`code`",
    "[a link](https://example.org)",
    "<b>html</b>",
    "> a quote",
    "```\nfenced\n```",
    "    indented code",
    "Setext\n===",
    "Setext\n---",
    "***",
    "- ",
    "1.",
    "a\u00a0**b**",
    "tab\there",
    "x*",
    "**unclosed",
]


@pytest.mark.parametrize("text", READ_QUICKLY)
def test_plain_notes_are_read_quickly_and_alike(text):
    assert same_or_unsure(text)


@pytest.mark.parametrize("text", LEFT_TO_MARKDOWN_IT)
def test_anything_unsure_is_left_to_markdown_it(text):
    assert read_subset(text) is None
    assert from_markdown(text) == markdown_it_blocks(text)  # the fallback still reads it


_WORDS = ["Budget", "the panel", "80%", "£1.2m", "Q1", "(draft)", "2024.", "co-op", "“agreed”"]


def _spans(rng: random.Random, specials: bool) -> tuple[Span, ...]:
    alphabet = _WORDS + (
        ["a*b", "x_y", "[1]", "<tag>", "#5", "1.", "\\", "&amp;", "-"] if specials else []
    )
    parts = []
    for _ in range(rng.randint(1, 5)):
        text = " ".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        parts.append(Span(text + " ", rng.random() < 0.2, rng.random() < 0.2))
    return merge_spans(parts)


def _list(rng: random.Random, depth: int, specials: bool) -> BulletList:
    items = []
    for _ in range(rng.randint(1, 4)):
        children = (_list(rng, depth + 1, specials),) if depth < 3 and rng.random() < 0.3 else ()
        items.append(ListItem(_spans(rng, specials), children))
    ordered = rng.random() < 0.3
    return BulletList(tuple(items), ordered, rng.choice([1, 1, 3]) if ordered else 1)


def _blocks(rng: random.Random, specials: bool) -> list:
    blocks = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.random()
        if kind < 0.45:
            blocks.append(Paragraph(_spans(rng, specials)))
        elif kind < 0.6:
            blocks.append(Heading(rng.randint(1, 4), _spans(rng, specials)))
        elif kind < 0.95:
            blocks.append(_list(rng, 0, specials))
        else:
            blocks.append(Image("A chart", "image"))
    return blocks


def test_notes_the_app_writes_are_read_quickly_and_alike():
    rng = random.Random(7)
    for _ in range(300):
        text = to_markdown(_blocks(rng, specials=False))
        assert same_or_unsure(text), f"left to markdown-it: {text!r}"


def test_written_notes_with_markdown_characters_are_never_read_differently():
    rng = random.Random(11)
    quick = sum(same_or_unsure(to_markdown(_blocks(rng, specials=True))) for _ in range(300))
    assert quick > 100  # most are still read quickly: the escapes are part of the subset


def test_random_markdown_is_never_read_differently():
    rng = random.Random(3)
    pieces = [
        " ", "  ", "\n", "\n\n", "*", "**", "***", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ",
        "\\", "\\*", "a", "word", "!", "(", ")", "&", ";", "#", "-", "=", ":", ".", "|",
        "   ", "    ", "\u00a0", "é", "£", "—", "“", "5",
    ]  # fmt: skip
    quick = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        quick += same_or_unsure(text)
    assert quick > 1000


def test_real_minutes_are_read_alike():
    from pcc_minutes.documents.readers import read_minutes

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in seed_files()]
    for path in realworld_files():
        document = read_minutes(path)
        texts.append(to_markdown(document.opening))
        texts.extend(to_markdown(item.blocks) for item in document.items)
    need(texts, "seed or real-world minutes")
    for text in texts:
        same_or_unsure(text)
