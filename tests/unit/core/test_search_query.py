"""The search query language, parsed without SQLite."""

from __future__ import annotations

from datetime import date

import pytest

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.search_query import Phrase, Term, parse


def test_words_phrases_exclusions_and_prefixes():
    query = parse('firearms "licence renewals" -draft -"late papers" select*')
    assert query.include == (
        Term("firearms"),
        Phrase(("licence", "renewals")),
        Term("select", prefix=True),
    )
    assert query.exclude == (Term("draft"), Phrase(("late", "papers")))


def test_filters_are_read_and_quoted_series_names_allowed():
    query = parse(
        'kind:notes kind:Actions series:"Accountability and Performance" '
        "from:2025-08-01 to:2025-9-30 knife"
    )
    assert query.series == "Accountability and Performance"
    assert (query.date_from, query.date_to) == (date(2025, 8, 1), date(2025, 9, 30))
    assert query.kinds == ("notes", "action")
    assert query.include == (Term("knife"),)


def test_punctuation_splits_words_as_the_index_does():
    query = parse("e-mail C&D -- ... 10:30")
    assert query.include == (Phrase(("e", "mail")), Phrase(("C", "D")), Phrase(("10", "30")))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("-draft", "at least one word"),
        ("kind:notes from:2025-01-01", "at least one word"),
        ("", "at least one word"),
        ("knife from:2025-02-30", "no such day"),
        ("knife to:yesterday", "YYYY-MM-DD"),
        ("knife colour:red", "not known"),
        ("knife kind:minutes", "no kind"),
        ("knife from:2025-09-01 to:2025-08-01", "swap"),
        ("knife series:", "needs a value"),
    ],
)
def test_a_query_that_cannot_be_searched_is_one_clear_sentence(text, says):
    with pytest.raises(UserInputError) as raised:
        parse(text)
    message = str(raised.value)
    assert says in message
    assert message.endswith(".") and "\n" not in message
