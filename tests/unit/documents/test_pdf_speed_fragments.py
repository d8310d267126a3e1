"""The PDF writer makes paragraph fragments from our markup without reportlab's parser; they
must be exactly the fragments the parser makes, so the pages come out the same."""

from __future__ import annotations

import random
from xml.sax.saxutils import escape

import pytest
from reportlab.platypus import Paragraph

from pcc_minutes.documents.characters import drawn_text
from pcc_minutes.documents.tree import Span
from pcc_minutes.documents.writers.pdf.fragments import fragments
from pcc_minutes.documents.writers.pdf.story import markup
from pcc_minutes.documents.writers.pdf.styles import styles

SPANS = [
    (Span("Plain text."),),
    (Span("Label: ", bold=True), Span("the rest")),
    (Span("  leading and   repeated\tspaces  "),),
    (Span("A & B <b>not bold</b> &amp; more > less"),),
    (Span("one\ntwo\n\nthree"),),
    (Span("bold\nbroken", bold=True), Span(" and "), Span("italic", italic=True)),
    (Span("both", bold=True, italic=True), Span("–’→£é ŵ")),
    (Span("&#123; &lt; <br/> <i>"),),
    (Span(""),),
    (),
    (Span(" "), Span("x", bold=True), Span(" ")),
]


def _looks(frags):
    return [dict(frag.__dict__) for frag in frags]


@pytest.mark.parametrize("content", SPANS)
@pytest.mark.parametrize("role", ["body", "h2", "cell", "header_cell", "timing"])
def test_fragments_are_the_parsers_own(content, role):
    style = styles()[role]
    text = markup(content)
    cleaned, frags = fragments(text, style)
    parsed = Paragraph(text, style)
    assert cleaned == parsed.text
    assert _looks(frags) == _looks(parsed.frags)


def test_markup_of_another_kind_goes_to_the_parser():
    style = styles()["body"]
    text = 'a <font color="red">red</font> word &copy;'
    _, frags = fragments(text, style)
    assert _looks(frags) == _looks(Paragraph(text, style).frags)


def test_markup_of_printable_text_is_the_escaped_drawn_text():
    """``markup`` skips ``drawn_text`` for printable text: it must make what it made before
    (drawn text, escaped, line breaks as tags) for any characters."""
    rng = random.Random(11)
    pieces = ["a", "Bc", " ", "&", "<", ">", "\n", "\t", "\x00", "\x07", "\x1b", "\x7f", "\x85"]
    pieces += ["\x96", "\xa0", "\xad", "–", "’", "ŵ", "\u200b", "\u2028", "\ud800", "\U0001f600"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        bold, italic = rng.random() < 0.3, rng.random() < 0.3
        expected = escape(drawn_text(text)).replace("\n", "<br/>")
        if bold:
            expected = f"<b>{expected}</b>"
        if italic:
            expected = f"<i>{expected}</i>"
        assert markup((Span(text, bold, italic),)) == expected, repr(text)
