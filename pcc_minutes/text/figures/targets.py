"""Which figure a target belongs to: the measure it names, if it names one.

This module owns the *target match*. A target ("The target is to reach 8%") is attached to
the newest figure of its unit in the same sentence or the one before (``assemble``), across
a line break too: the target may open the next line, as a hard line break in a bullet or a
"Target: 8%" line under the figure. What this module adds is the check that the target is
for that figure's measure:

- A target that names no measure ("The target is 8%", "against a target of 10%",
  "Target: 8%") is for the figure just before it.
- A target that names one ("The target for victim satisfaction is 90%", "The satisfaction
  target is 90%") is for the figure only when that figure's words name it too; otherwise it
  is a target of its own, proposed as a figure without points.

The words read are bounded: a dozen tokens before the target's value, and the window of
tokens either side of the figure's values, so the check costs the same in any sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pcc_minutes.text.figures.structure import TextIndex, Token
from pcc_minutes.text.figures.vocabulary import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    TARGET_NOUNS,
    TARGET_QUALIFIERS,
)

if TYPE_CHECKING:  # the scanner reads targets with this module
    from pcc_minutes.text.figures.scanner import Mention

_TARGET_WINDOW = 12  # tokens read before a target's value for the measure it names
_IGNORED = TARGET_QUALIFIERS | DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES


def named_measure(index: TextIndex, target: Mention) -> frozenset[str]:
    """The words a target's clause names its measure with ("satisfaction" in "the target
    for satisfaction is 90%"); empty when it names none ("The target is to reach 8%")."""
    tokens = [
        t
        for t in index.tokens_before(target.start, target.sentence, _TARGET_WINDOW)
        if t.start >= target.clause_start
    ]
    lows = [t.lower for t in tokens]
    at = max((i for i, low in enumerate(lows) if low in TARGET_NOUNS), default=-1)
    if at < 0:
        return frozenset()
    words: list[Token] = []
    i = at - 1  # "the victim satisfaction target"
    while i >= 0 and tokens[i].is_word and lows[i] not in DETERMINERS:
        words.append(tokens[i])
        i -= 1
    if at + 1 < len(tokens) and lows[at + 1] in ("for", "of", "on"):
        i = at + 2  # "the target for victim satisfaction is"
        while i < len(tokens) and tokens[i].is_word and lows[i] not in AUXILIARIES:
            if lows[i] in ("to", "by", "of") and i + 1 == len(tokens):
                break  # "a target of 10%": "of" leads to the value
            words.append(tokens[i])
            i += 1
    return frozenset(
        _stem(w.lower)
        for w in words
        if w.lower not in _IGNORED and not index.period_at(w.start) and len(w.lower) > 2
    )


def names_same_measure(index: TextIndex, target: Mention, figure: list[Mention]) -> bool:
    """Whether *target* may be for the figure made of *figure*'s mentions: it names no
    measure, or one the words around the figure's values name too. Read only for a target
    that has a figure to belong to."""
    names = named_measure(index, target)
    if not names:
        return True
    first, last = figure[0], figure[-1]
    near = index.tokens_before(first.start, first.sentence) + index.tokens_after(last.end)
    words = {_stem(t.lower) for t in near if t.is_word}
    return bool(names & words)


def _stem(word: str) -> str:
    """ "resolutions" and "resolution" alike; enough to match a measure's own words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
