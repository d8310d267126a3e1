"""Notes stored as CommonMark keep every character and their structure through a round trip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pcc_minutes.documents.markdown import from_markdown, to_markdown
from pcc_minutes.documents.tree import (
    BulletList,
    Heading,
    ListItem,
    Paragraph,
    Span,
    Table,
    blocks_text,
    spans,
)

TRICKY = "3. Item # one * two _x_ [link](y) <b> &amp; `code` | 24/7 → ’ – £ é ŵ 1) - + > !"


def round_trip(blocks):
    return from_markdown(to_markdown(blocks))


def test_markdown_syntax_characters_in_text_stay_text():
    blocks = [Paragraph(spans(TRICKY)), Heading(3, spans("Costs: £1m # total #"))]
    assert round_trip(blocks) == blocks


def test_a_line_that_looks_like_a_list_or_heading_stays_a_paragraph():
    for text in [
        "1. Not a list",
        "- not a bullet",
        "# not a heading",
        "> not a quote",
        "---",
        "12) numbered",
        "+ plus",
        "===",
        "```",
    ]:
        assert round_trip([Paragraph(spans(text))]) == [Paragraph(spans(text))], text


def test_nested_bullets_ordered_lists_and_formatting_survive():
    blocks = [
        BulletList(
            (
                ListItem(
                    (
                        Span("Clare’s Law: "),
                        Span("up", bold=True),
                        Span(" "),
                        Span("sharply", italic=True),
                    ),
                    (
                        BulletList(
                            (
                                ListItem(spans("Right to Ask: 76 → 334")),
                                ListItem(spans("Right to Know: 6 → 20")),
                            )
                        ),
                    ),
                ),
                ListItem(
                    spans("Orders"),
                    (BulletList((ListItem(spans("issued")),), ordered=True, start=4),),
                ),
            )
        ),
        Paragraph(spans("After the list.")),
    ]
    assert round_trip(blocks) == blocks


def test_tables_keep_their_header_row_and_pipes():
    table = Table(((spans("Figure"), spans("Value")), (spans("a|b"), spans("92–93%"))))
    assert round_trip([table]) == [table]
    headless = Table(((spans("x"), spans("y")),), header=False)
    assert round_trip([headless]) == [headless]


def test_markdown_written_by_qt_reads_back():
    # Qt writes "*" bullets, soft-wraps long lines and indents nested lists by two or more.
    qt_style = "Intro line that is\nwrapped by the writer.\n\n* first\n\n  * nested\n* second\n"
    blocks = from_markdown(qt_style)
    assert blocks[0] == Paragraph(spans("Intro line that is wrapped by the writer."))
    bullets = blocks[1]
    assert [item.content[0].text for item in bullets.items] == ["first", "second"]
    assert bullets.items[0].children[0].items[0].content[0].text == "nested"


text_strategy = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(text_strategy, min_size=1, max_size=4), st.booleans())
def test_any_text_survives_a_round_trip_word_for_word(lines, as_bullets):
    if as_bullets:
        blocks = [BulletList(tuple(ListItem(spans(line)) for line in lines))]
    else:
        blocks = [Paragraph(spans(line)) for line in lines]
    assert blocks_text(round_trip(blocks)).split() == blocks_text(blocks).split()
