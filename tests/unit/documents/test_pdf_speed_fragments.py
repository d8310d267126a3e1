"""The PDF writer makes paragraph fragments from our markup without reportlab's parser; they
must be exactly the fragments the parser makes, so the pages come out the same."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

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
