"""Figure detection is linear in the length of the text, bounded on any input, and never
raises: big notes, pathological text, numbers too large for a float, arbitrary text.

The notes here are written for these tests from sentences like those of a real meeting.
"""

from __future__ import annotations

import math
import statistics
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcc_minutes.text import figures
from pcc_minutes.text.figures import UNITS, detect_figures, limits, scanner, structure
from pcc_minutes.text.figures.vocabulary import TOKEN

_NOTE = (
    "- **Crime recording:** accuracy improved from 80% to around 92–93% in 2024/25.\n"
    "Over 200 forensic marking kits were handed out to farmers by September 2025. "
    "The target is to reach 95%. Of these, 10 were breached and 5 led to arrests.\n"
    "Right to Ask: 76 (2023) → 334 (2024) → 120 (2025 YTD)\n"
    "Black people were 6.8 times more likely to be stopped than white people in 2018/19; "
    "by 2024 they were 4.3 times.\n"
    "The cost of the next stage (£132,000) was agreed, against a budget of £1.2m. "
    "Outstanding firearms licence renewals fell from 1,200 in February 2025 to 800 in "
    "September 2025, up from 380 a year before. Item 3 was deferred to 10:30-11.30 on "
    "14 August 2025, and all 10 districts met three times within 24 hours.\n"
)


def _note(size: int) -> str:
    return (_NOTE * (size // len(_NOTE) + 1))[:size]


def _median_seconds(text: str) -> float:
    """CPU seconds (not the wall clock, which counts other processes' turns on a shared
    machine: a ratio of wall times failed under load)."""
    runs = []
    for _ in range(3):
        start = time.process_time()
        detect_figures(text)
        runs.append(time.process_time() - start)
    return statistics.median(runs)


# -- linear in the length of the text --------------------------------------------------------


def test_thirty_times_the_text_takes_about_thirty_times_as_long(monkeypatch):
    monkeypatch.setattr(scanner, "MAX_MENTIONS", 10**9)  # all of it is read
    monkeypatch.setattr(figures, "MAX_CHARS", 10**9)
    small, large = _note(10_000), _note(300_000)
    detect_figures(small)  # warm the regular expressions
    ratio = _median_seconds(large) / _median_seconds(small)
    assert ratio < 60, ratio  # quadratic work would be ~900x


def test_fifteen_times_the_notes_give_fifteen_times_the_figures():
    assert len(_NOTE * 135) < limits.MAX_CHARS
    assert len(detect_figures(_NOTE * 135)) == 15 * len(detect_figures(_NOTE * 9))


def test_the_words_read_around_each_value_are_bounded_however_long_the_sentence(monkeypatch):
    """Deterministic: the tokens handed out per value stay under the window, even in one
    sentence of 300,000 characters (where they used to be the whole rest of the sentence)."""
    longest = 0
    real_after, real_before = structure.TextIndex.tokens_after, structure.TextIndex.tokens_before

    def after(self, pos, window=limits.TOKEN_WINDOW):
        nonlocal longest
        tokens = real_after(self, pos, window)
        longest = max(longest, len(tokens))
        return tokens

    def before(self, anchor, sentence, window=limits.TOKEN_WINDOW):
        nonlocal longest
        tokens = real_before(self, anchor, sentence, window)
        longest = max(longest, len(tokens))
        return tokens

    monkeypatch.setattr(structure.TextIndex, "tokens_after", after)
    monkeypatch.setattr(structure.TextIndex, "tokens_before", before)
    one_sentence = _note(300_000).replace(".", " ").replace("\n", " ")
    assert detect_figures(one_sentence)
    assert 0 < longest <= limits.TOKEN_WINDOW


def test_each_sentence_is_tokenised_once(monkeypatch):
    calls = []
    real = structure.TextIndex.segment_tokens
    monkeypatch.setattr(
        structure.TextIndex,
        "segment_tokens",
        lambda self, *key: calls.append(key) or real(self, *key),
    )
    built = []
    real_token = structure.Token
    monkeypatch.setattr(structure, "Token", lambda *a: built.append(1) or real_token(*a))
    text = _note(100_000)
    detect_figures(text)
    assert calls
    assert len(built) <= sum(1 for _ in TOKEN.finditer(text))  # no token is made twice


# -- bounded on any input ----------------------------------------------------------------------

_PATHOLOGICAL = {
    "digits": "7" * 490_000,
    "percent signs": "%" * 490_000,
    "digit-commas": "1," * 245_000,
    "one sentence without full stops": _note(490_000).replace(".", " ").replace("\n", " "),
    "values in one sentence": "5% " * 100_000,
    "changes in one sentence": "from 80% to 92% " * 20_000,
    "series in one sentence": "76 (2023) → " * 20_000,
    "targets in one sentence": "target of 5% and 7 officers " * 10_000,
    "spaces between two values": "5%" + " " * 100_000 + "6%",
    "spaces in a change": "from 80%" + " " * 100_000 + "to 90%",
    "ranges glued together": "1-" * 200_000,
    "full stops": ". " * 200_000,
    "bracketed sums on one line": "(£17,000)  " * 20_000,
    "a heading then values": "Right to Ask: " + "5% " * 50_000,
}


@pytest.mark.parametrize("name", _PATHOLOGICAL)
def test_pathological_text_finishes(name):
    text = _PATHOLOGICAL[name]
    start = time.process_time()
    found = detect_figures(text)
    assert time.process_time() - start < 10  # a guard only: these take about a second of CPU
    assert len(found) <= limits.MAX_MENTIONS + scanner._SENTENCE_SLACK
    for figure in found:
        assert 0 <= figure.start < figure.end <= len(text)
        assert len(figure.text) <= limits.MAX_SOURCE_CHARS


def test_text_beyond_the_limit_is_not_read_and_offsets_stay_true(monkeypatch):
    monkeypatch.setattr(figures, "MAX_CHARS", 1_000)
    text = _note(5_000)
    found = detect_figures(text)
    assert found and all(f.end <= 1_000 for f in found)
    assert found == detect_figures(text[: text.rfind("\n", 0, 1_000)])


def test_the_readable_part_is_cut_at_a_line_break_or_a_space(monkeypatch):
    monkeypatch.setattr(figures, "MAX_CHARS", 20)
    assert figures._readable_part("12 officers\n" * 3) == "12 officers"
    assert figures._readable_part("12 officers " * 3) == "12 officers 12"
    assert figures._readable_part("7" * 30) == "7" * 20


# -- numbers too large for a float -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "9" * 400,
        "1e400",
        "£" + "9" * 320,
        "9" * 400 + "%",
        "£" + "9" * 300 + "bn",
        "between 5 and " + "9" * 400 + "%",
        "from 80% to " + "9" * 400 + "%",
        "(£" + "9" * 400 + ")",
        "Costs rose to £10-" + "9" * 400 + "m.",
        "Black people were " + "9" * 400 + " times more likely to be stopped.",
        "1," + "999," * 150 + "999 officers",
    ],
)
def test_huge_numbers_are_not_figures_and_do_not_raise(text):
    for figure in detect_figures(text):
        assert all(math.isfinite(p.value) for p in figure.points)
        assert all(p.high is None or math.isfinite(p.high) for p in figure.points)
        assert figure.target is None or math.isfinite(figure.target)


def test_a_huge_number_beside_a_normal_one_leaves_the_normal_one():
    found = detect_figures("9" * 400 + " officers were hired and 7 officers left.")
    assert [(f.unit, [p.value for p in f.points]) for f in found] == [("count", [7])]


# -- any text ----------------------------------------------------------------------------------

_PIECES = [
    "from", "to", "80%", "92–93%", "→", "(2023)", "£1m", "(£17,000)", "five", "times", "more",
    "target", "of", "these", "were", "between", "and", "up from", "\u00a0", "(", ")", "\n",
    ".", ",", ";", ":", "- ", "**", "__", "\t", "  ", "|", "Right to Ask:", "9" * 320,
    "1e400", "£" + "9" * 310, "9" * 309 + "%", "2024/25", "officers", "were breached",
]  # fmt: skip


def _without_emphasis(text: str) -> str:
    return text.replace("*", "").replace("_", "")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
    | st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
    | st.text(max_size=300)
)
def test_any_text_never_raises_and_gives_finite_values_from_the_text(text: str):
    found = detect_figures(text)
    for figure in found:
        assert figure.unit in UNITS
        assert all(math.isfinite(p.value) for p in figure.points)
        assert all(p.high is None or math.isfinite(p.high) for p in figure.points)
        assert figure.target is None or math.isfinite(figure.target)
        assert 0 <= figure.start < figure.end <= len(text)
        # The source text is the input's own sentence, less bullets and Markdown emphasis.
        assert _without_emphasis(figure.text) in _without_emphasis(text)
        if "*" not in text and "_" not in text:
            assert figure.text in text
