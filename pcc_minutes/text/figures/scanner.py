"""Finding the values in a text: the mentions, with their periods, labels and targets.

This module owns *mentions*. Each match of the mention pattern is read with its unit, a
word of approximation ("around", "over", "~"), a range ("92–93%") and a scale ("£1m"), or
turned away when it is not a figure: a masked span (a date, a clock time, a phone number),
a number glued to a word ("COVID-19", "14th"), an item number ("Item 3"), a name ("Tranche
2"), a scope ("all 10 districts"), a frequency ("met three times") or a value too large to
be finite. Then each mention gets a period, a label from the words after it and a flag
when it is a target.

Every question asked about a mention reads a window around it (the clause before it, the
words after it up to a limit) through :class:`TextIndex`, so the cost of a mention does
not grow with the text. Reading stops after ``MAX_MENTIONS`` values or ``MAX_NUMBERS``
numbers (see ``limits``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pcc_minutes.text.figures.labels import label_after, noun_phrase
from pcc_minutes.text.figures.limits import MAX_MENTIONS, MAX_NUMBERS
from pcc_minutes.text.figures.numbers import value_of
from pcc_minutes.text.figures.structure import Period, TextIndex, last_word
from pcc_minutes.text.figures.vocabulary import (
    APPROXIMATE,
    BASE_BEFORE,
    BETWEEN_BEFORE,
    CALL_BEFORE,
    CALL_LINES,
    CALL_PAIR_AFTER,
    CLAUSE_END,
    COMPARATOR_BEFORE,
    COMPARATOR_WORDS,
    COMPARISON_AFTER,
    DESIGNATED,
    FROM_BEFORE,
    MENTION,
    OPENERS,
    PERIOD_PREPOSITIONS,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    RATE_AFTER,
    SCOPE_BEFORE,
    SELECTION_BEFORE,
    SERIES_AFTER,
    TARGET_WORDS,
    TIME_CHANGE_AFTER,
    TIMES_AFTER,
    WORD_BEFORE,
)

# Mentions read past MAX_MENTIONS to finish the sentence holding the last one.
_SENTENCE_SLACK = 200


@dataclass
class Mention:
    """One value in the text, before mentions are assembled into figures."""

    start: int  # including a word of approximation and a currency sign
    end: int  # including the unit ("%", "times")
    value: float
    unit: str
    sentence: int
    line: int
    high: float | None = None
    approx: bool = False
    bound: str = ""  # one of core.records.BOUNDS: "over 200" is "above"
    bound_word: str = ""  # the words that made it a bound, lower case ("up to")
    worded: bool = False  # written in words ("two"), not digits
    time_change: bool = False  # "48 seconds slower": a change in a time, labelled by subject
    clause_start: int = 0  # where the clause holding the value starts (after the one before)
    from_start: int | None = None  # where "from" starts, when the value opens a change
    between: bool = False
    is_target: bool = False
    own_label: str = ""  # from the words after the value
    predicate_only: bool = False  # own_label is only what is said of it: "were agreed"
    head: str = ""  # the noun counted, for "Of these, 10 were ..."
    period: str | None = None
    period_end: int = 0  # end of the period claimed after the value


def find_mentions(index: TextIndex) -> list[Mention]:
    """The mentions of values in the indexed text, in order, each with its context.

    After MAX_MENTIONS mentions, reading stops at the end of the sentence it is in (and
    at _SENTENCE_SLACK more in any case); after MAX_NUMBERS numbers, figures or not, it stops."""
    found: list[Mention] = []
    ratio_sentences: set[int] = set()
    for count, m in enumerate(MENTION.finditer(index.work)):
        if count == MAX_NUMBERS:
            break
        mention = _read(index, m, ratio_sentences)
        if mention is None:
            continue
        if len(found) >= MAX_MENTIONS and (
            mention.sentence != found[-1].sentence or len(found) >= MAX_MENTIONS + _SENTENCE_SLACK
        ):
            break
        if found and _compared_with(index, found[-1], mention):
            continue
        if mention.unit == "ratio":
            ratio_sentences.add(mention.sentence)
        found.append(mention)
    _describe(index, found)
    return found


def _compared_with(index: TextIndex, before: Mention, mention: Mention) -> bool:
    """Whether *mention* is only what the value before it is compared with: "60.3 ...,
    below the most similar group average of 71.9". It is context, not a second figure."""
    if before.sentence != mention.sentence or before.unit != mention.unit:
        return False
    work = index.work
    if not COMPARATOR_BEFORE.search(work, max(before.end, mention.start - 24), mention.start):
        return False
    return bool(COMPARATOR_WORDS.search(work, before.end, mention.start))


# -- reading one value ----------------------------------------------------------------------


def _read(index: TextIndex, m: re.Match[str], ratio_sentences: set[int]) -> Mention | None:
    """A mention from a match of MENTION, or None when the number is not a figure."""
    work = index.work
    num = m.group("num")
    is_word = num[0].isalpha()
    core_start = m.start("currency") if m.group("currency") else m.start("num")
    high_end = m.end("high_scale") if m.group("high_scale") else m.end("high")
    core_end = max(m.end("num"), m.end("scale"), high_end, m.end("percent"))
    if index.is_masked(m.start("num"), m.end("num")) or (
        m.group("high") and index.is_masked(m.start("high"), m.end("high"))
    ):
        return None
    if not is_word and _base_or_line(work, m, core_start):
        return None
    before = work[core_start - 1] if core_start else " "
    if not is_word and (
        before.isalnum()
        or before in "._/:#$€@="
        # "COVID-19", "A-1": a number glued to a word by a hyphen is part of a name.
        or (before == "-" and core_start > 1 and work[core_start - 2].isalnum())
        or (before == "," and core_start > 1 and work[core_start - 2].isdigit())
    ):
        return None
    currency = bool(m.group("currency"))
    percent = bool(m.group("percent"))
    # "£10-17m": a scale written once at the end of a range applies to both ends.
    scale_text = m.group("scale") or m.group("high_scale")
    if scale_text and scale_text.strip().lower() in ("k", "m", "bn") and not currency:
        return None  # "5m" without a currency sign is more likely metres
    value = value_of(num, scale_text)
    high = (
        value_of(m.group("high"), m.group("high_scale") or scale_text) if m.group("high") else None
    )
    if value is None or (m.group("high") and high is None):
        return None  # too large to be a finite number: not a figure anyone quoted

    end = core_end
    sentence = index.sentence_of(core_start)
    if currency:
        unit = "£"
    elif percent:
        unit = "%"
    else:
        twice = num.lower() == "twice"
        times = None if twice else TIMES_AFTER.match(work, core_end)
        times_end = core_end if twice else times.end() if times else None  # "twice" is x2
        if times_end is None:
            unit = "count"
        else:
            compared = COMPARISON_AFTER.match(work, times_end)
            # A bare "4.3 times" may continue a comparison made earlier in the sentence.
            if not compared and (twice or sentence not in ratio_sentences):
                return None  # a frequency ("met three times", "met twice")
            unit, end = "ratio", times_end
    after = work[end : end + 1]
    if after.isalnum() or (after == "-" and work[end + 1 : end + 2].isalpha()):
        if not QUALIFIER_AFTER.match(work, end):
            return None  # "14th", "9BN", "two-way": part of a word
    if after in "/:" and work[end + 1 : end + 2].isdigit():
        return None
    if after == "(":
        return None  # "4(ii)", "s.3(1)": a paragraph reference
    if unit == "count" and not _could_be_count(index, m, core_start):
        return None
    time_change = unit == "count" and bool(TIME_CHANGE_AFTER.match(work, end))

    # A bound ("over 200", "200+") says where the true value lies; an approximation
    # ("around 200") only that it is near. A value is one or the other, a bound first.
    window = max(0, core_start - 30)
    before_words = QUALIFIER_BEFORE.search(work, window, core_start)
    after_words = QUALIFIER_AFTER.match(work, end)
    bounded = next(
        (w for w in (before_words, after_words) if w and w.lastgroup not in APPROXIMATE), None
    )
    approx = bounded is None and bool(before_words or after_words)
    start = before_words.start() if before_words else core_start
    if after_words:
        end = after_words.end()
    if m.group("open") and m.group("close"):
        if unit == "£" and _stands_alone(work, m.start(), m.end()):
            value, high = -value, (-high if high is not None else None)
        start, end = min(start, m.start()), max(end, m.end())
    between = bool(BETWEEN_BEFORE.search(work, max(0, start - 12), start))
    if (
        is_word
        and unit == "count"
        and not between  # "between five and seven per cent"
        and not noun_phrase(index, index.tokens_after(end, 16))[0]
    ):
        # "three of the bids": a number word counts only with its noun. A noun phrase is
        # at most seven words, so sixteen tokens read it whole: "twenty twenty twenty ..."
        # costs sixteen tokens a number, not the full window.
        return None
    from_word = FROM_BEFORE.search(work, max(0, start - 8), start)
    return Mention(
        start=start,
        end=end,
        value=value,
        unit=unit,
        sentence=sentence,
        line=index.sentence_lines[sentence],
        high=high,
        approx=approx,
        bound=(bounded.lastgroup or "") if bounded else "",
        bound_word=" ".join(bounded.group().split()).lower() if bounded else "",
        from_start=from_word.start() if from_word else None,
        between=between,
        worded=is_word,
        time_change=time_change,
    )


def _base_or_line(work: str, m: re.Match[str], core_start: int) -> bool:
    """Whether a number in digits is the base of a rate or of "N out of M", or a phone line
    (see ``vocabulary.BASE_BEFORE``)."""
    if BASE_BEFORE.search(work, max(0, core_start - 12), core_start):
        return True
    if m.group("num") not in CALL_LINES or m.group("percent") or m.group("currency"):
        return False
    return bool(
        CALL_BEFORE.search(work, max(0, core_start - 40), core_start)
        or CALL_PAIR_AFTER.match(work, m.end())
    )


def _could_be_count(index: TextIndex, m: re.Match[str], core_start: int) -> bool:
    """Whether a bare number (no %, £ or "times") can be a count of something."""
    num = m.group("num")
    work = index.work
    if num.lower() == "one":
        return False
    if "." in num and not m.group("scale") and not RATE_AFTER.match(work, m.end()):
        return False  # "3.1" is a clause number; nobody counts 2.5 officers, but a rate
        # ("60.3 crimes per 1,000 population") has decimals
    if len(num) > 1 and num.startswith("0"):
        return False  # "007", phone prefixes
    if DESIGNATED.search(work, max(0, core_start - 40), core_start):
        return False
    if SCOPE_BEFORE.search(work, max(0, core_start - 20), core_start):
        return False
    if SELECTION_BEFORE.search(work, max(0, core_start - 30), core_start):
        return False  # "the last 3 posts", "the first 2 items": which ones, not how many
    name = WORD_BEFORE.search(work, max(0, core_start - 30), core_start)
    if (
        name
        and name.group(1)[0].isupper()
        and name.group(1).lower() not in OPENERS
        and not SERIES_AFTER.match(work, m.end())
    ):
        return False  # "Open Data 500", "Tranche 2": a number that is part of a name
    if m.group("open") and m.group("close"):
        return False  # "(1)", "(2)": list markers
    return True


def _stands_alone(work: str, start: int, end: int) -> bool:
    """Whether a span sits on its own like a table cell (for "(£17,000)" as negative): on
    each side, the line's edge, a tab, a "|" or two spaces or more. Reads only the spaces
    beside the span."""
    left = start
    while left > 0 and work[left - 1] != "\n" and work[left - 1].isspace():
        left -= 1
    spaces = work[left:start]
    if not (left == 0 or work[left - 1] in "\n|" or "\t" in spaces or len(spaces) >= 2):
        return False
    right = end
    while right < len(work) and work[right] != "\n" and work[right].isspace():
        right += 1
    spaces = work[end:right]
    return right == len(work) or work[right] in "\n|" or "\t" in spaces or len(spaces) >= 2


# -- periods, labels and targets --------------------------------------------------------------


def _describe(index: TextIndex, mentions: list[Mention]) -> None:
    """Give each mention its period, own label and target flag."""
    work = index.work
    last_head: dict[int, str] = {}
    claimed = 0
    for i, mention in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(work)
        prev_end = mentions[i - 1].end if i else 0
        sentence_start, sentence_end = index.sentences[mention.sentence]
        _give_period(index, mention, max(prev_end, claimed, sentence_start), min(nxt, sentence_end))
        claimed = mention.period_end
        clause_start = max(prev_end, sentence_start)
        mention.is_target = bool(TARGET_WORDS.search(work, clause_start, mention.start))
        label, head, predicate_only = label_after(index, mention.end, mention.unit)
        if label.lower() in ("target", "targets"):
            mention.is_target, label = True, ""
        mention.clause_start = clause_start
        if predicate_only and mention.unit == "count" and last_head.get(mention.line):
            label, predicate_only = f"{last_head[mention.line]} {label}", False
        mention.predicate_only = predicate_only
        mention.own_label = label
        mention.head = head
        if head and mention.unit == "count":
            last_head[mention.line] = head


def _give_period(index: TextIndex, mention: Mention, window_start: int, window_end: int) -> None:
    work = index.work
    # After the value first ("1,200 in February 2025", "76 (2023)"), up to the clause end.
    clause_end = CLAUSE_END.search(work, mention.end, window_end)
    after_end = clause_end.start() if clause_end else window_end
    # Periods do not overlap, so the first one after the value is the only one to try.
    period = index.first_period_from(mention.end)
    if period is not None and period.end <= after_end:
        if _belongs(work, period, mention.end):
            mention.period, mention.period_end = period.text, period.end
            opening = work[mention.end : period.start].strip()
            if opening == "(" and work[period.end : period.end + 1] == ")":
                mention.end = period.end + 1  # "76 (2023)": the period is part of it
            return
    # Then before it, within the clause: "in 2018/19, X were 6.8 times ...".
    boundary = max(
        work.rfind(";", window_start, mention.start), work.rfind(":", window_start, mention.start)
    )
    start = boundary + 1 if boundary >= 0 else window_start
    period = index.last_period_before(mention.start)
    if period is not None and start <= period.start and _belongs(work, period, start):
        mention.period = period.text


def _belongs(work: str, period: Period, window_start: int) -> bool:
    """Whether a period found near a value is that value's period, not just a date: it
    follows the value, an opening bracket or a preposition ("in", "by"), unless it is a
    date that needs none."""
    end = period.start
    while end > window_start and work[end - 1].isspace():
        end -= 1
    if end <= window_start or work[end - 1] == "(":
        return True
    word = last_word(work, window_start, end)
    if word and word.lower() == "than":
        return False  # "48 seconds slower than last year": what it is compared with
    if not period.needs_preposition:
        return True
    return bool(word) and word.lower() in PERIOD_PREPOSITIONS
