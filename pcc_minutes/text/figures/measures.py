"""Which counts are measures: a figure is what someone would follow from month to month.

This module owns the *measure test* applied to each assembled figure. Percentages, sums of
money and ratios are always measures. A count is one when it counts a measured thing with
a noun phrase and says so in digits; two kinds of count are left out:

- **Counts in words** ("two staff", "a dozen volunteers", "eleven patrol cars"). Minutes
  write the numbers they report in digits; a number in words is a small count told as
  prose. A number word still makes a percentage ("twenty per cent") or a ratio ("three
  times more likely"), and still lends its noun to the counts after it ("Fourteen orders
  were issued; of these, 10 were breached").
- **Headcounts in passing**: a bare count under ``SMALL_COUNT`` of people, roles or the
  business of a meeting (``HEADCOUNT_NOUNS``: "3 officers attended", "2 staff moved to
  renewals"). It is a measure when the text reports it as one: a word of strength or change
  before it ("the team consists of 7 officers", "recruited 3 officers", "an extra 4 staff"),
  one after it ("4 posts remain vacant", "3 officers were recruited"), or anything that
  makes it a figure on its own: a period, a range, a bound or approximation, a change or
  series with another value, or a target.

A count that picks members out of a sequence ("the last 3 posts") is turned away earlier, by
the scanner, as a selection.
"""

from __future__ import annotations

from pcc_minutes.text.figures.scanner import Mention
from pcc_minutes.text.figures.structure import TextIndex
from pcc_minutes.text.figures.vocabulary import (
    HEADCOUNT_MEASURE_BEFORE,
    HEADCOUNT_MEASURE_WORDS,
    HEADCOUNT_NOUNS,
    SMALL_COUNT,
)

# How far back a word of strength or change is looked for: "consists of 7", "has recruited
# a further 3".
_BEFORE_WINDOW = 48


def is_measure(index: TextIndex, mentions: list[Mention], has_target: bool) -> bool:
    """Whether the figure made of *mentions* (of one unit) is a measure worth proposing."""
    first = mentions[0]
    if first.unit != "count" or has_target:
        return True
    if all(m.worded for m in mentions):
        return False
    if len(mentions) > 1:
        return True  # a change or a series is followed by definition
    return not _headcount_in_passing(index, first)


def _headcount_in_passing(index: TextIndex, mention: Mention) -> bool:
    if mention.value >= SMALL_COUNT or mention.high is not None:
        return False
    if mention.approx or mention.bound or mention.period:
        return False
    head = mention.head.lower().split()
    if not head or head[-1] not in HEADCOUNT_NOUNS:
        return False
    said = {word.lower() for word in mention.own_label.split()}
    if said & HEADCOUNT_MEASURE_WORDS:
        return False
    work = index.work
    return not HEADCOUNT_MEASURE_BEFORE.search(
        work, max(0, mention.start - _BEFORE_WINDOW), mention.start
    )
