"""Turning mentions into proposed figures.

This module owns *assembly*: mentions that belong together become one figure (a change
"from 80% to 92%", a series "76 (2023) → 334 (2024)", a range "between 5 and 7%", or a
continuation "6.8 times in 2018/19 … 4.3 times by 2024"); a target ("The target is to
reach 8%") is attached to the figure it qualifies; and each figure gets its label, points,
source text and span as a :class:`ProposedFigure`.

Each mention is compared only with the figure before it and with the newest figure and
the targets still open on its line, so assembly is linear in the number of mentions.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field, replace

from pcc_minutes.core.records import FigurePoint
from pcc_minutes.text.figures.labels import capitalise, label_before
from pcc_minutes.text.figures.measures import is_measure
from pcc_minutes.text.figures.proposal import ProposedFigure
from pcc_minutes.text.figures.scanner import Mention
from pcc_minutes.text.figures.structure import TextIndex
from pcc_minutes.text.figures.targets import names_same_measure
from pcc_minutes.text.figures.vocabulary import (
    CHANGE_GAP,
    OF_BEFORE,
    RANGE_GAP,
    REVERSED_CHANGE_GAP,
    SERIES_GAP,
)

_MARKUP_RUN = re.compile(r"[ *_]*+")


@dataclass
class Draft:
    """A figure being assembled from one or more mentions."""

    mentions: list[Mention]
    unit: str
    periods: list[str | None] = field(default_factory=list)
    target: Mention | None = None

    @classmethod
    def of(cls, mention: Mention) -> Draft:
        return cls([mention], mention.unit, [mention.period])

    def add(self, mention: Mention, first: bool = False) -> None:
        if first:
            self.mentions.insert(0, mention)
            self.periods.insert(0, mention.period)
        else:
            self.mentions.append(mention)
            self.periods.append(mention.period)


def assemble(index: TextIndex, mentions: list[Mention]) -> list[ProposedFigure]:
    """Group mentions into figures, attach targets, and label each figure."""
    drafts: list[Draft] = []
    # The drafts still without a target, by unit, oldest first: the newest one is the only
    # draft a target can qualify (see _target_owner).
    untargeted: dict[str, list[Draft]] = {}
    # Targets that came before any figure of theirs, in order; those that may still find one
    # (same line, same or next sentence) wait by unit, oldest first.
    unowned: list[Mention] = []
    waiting: dict[str, deque[Mention]] = {}
    owned: set[int] = set()
    previous: Mention | None = None
    for mention in mentions:
        if mention.is_target:
            owner = _target_owner(index, untargeted, mention)
            if owner is not None:
                owner.target = mention
                untargeted[owner.unit].pop()
            else:
                unowned.append(mention)
                waiting.setdefault(mention.unit, deque()).append(mention)
            continue
        draft = drafts[-1] if drafts and previous is not None else None
        unit = draft.unit if draft is not None else ""
        if draft is None or not _joined(index, draft, previous, mention):
            draft = Draft.of(mention)
            drafts.append(draft)
            # "We aim for 95%. Currently 88% ...": a target may come first.
            target = _waiting_target(waiting.get(mention.unit), mention)
            if target is not None:
                draft.target = target
                owned.add(id(target))
            else:
                untargeted.setdefault(draft.unit, []).append(draft)
        elif draft.unit != unit:
            # "between 5 and 7%": a count became a percentage; it is the newest draft.
            stack = untargeted.get(unit)
            if stack and stack[-1] is draft:
                stack.pop()
                untargeted.setdefault(draft.unit, []).append(draft)
        previous = mention
    figures = [
        _figure(index, d) for d in drafts if is_measure(index, d.mentions, d.target is not None)
    ]
    figures += [_lone_target(index, t) for t in unowned if id(t) not in owned]
    return sorted(figures, key=lambda f: f.start)


def _target_owner(
    index: TextIndex, untargeted: dict[str, list[Draft]], target: Mention
) -> Draft | None:
    """The figure a target qualifies: the last one with its unit in the same sentence or the
    one before, on the same line or, when the target opens its line, on the line before
    ("... 4% of resolutions.\nThe target is 8%."); and only if the target names no other
    measure (``targets``).

    Drafts come in the order of their last mentions, so the drafts in that window are the
    newest ones, and the newest draft of the unit without a target is the only candidate."""
    stack = untargeted.get(target.unit)
    if not stack:
        return None
    last = stack[-1].mentions[-1]
    if last.sentence < target.sentence - 1:
        return None
    if last.line != target.line and not (
        last.line == target.line - 1 and _opens_line(index, target.sentence)
    ):
        return None
    if not names_same_measure(index, target, stack[-1].mentions):
        return None
    return stack[-1]


def _opens_line(index: TextIndex, sentence: int) -> bool:
    """Whether *sentence* is the first on its line."""
    return sentence == 0 or index.sentence_lines[sentence - 1] != index.sentence_lines[sentence]


def _waiting_target(waiting: deque[Mention] | None, mention: Mention) -> Mention | None:
    """The first target of *mention*'s unit still waiting on its line, in its sentence or
    the one before; targets too far back to ever match leave the queue."""
    while waiting and (
        waiting[0].line != mention.line or mention.sentence - waiting[0].sentence > 1
    ):
        waiting.popleft()
    return waiting.popleft() if waiting else None


def _joined(index: TextIndex, draft: Draft, previous: Mention, mention: Mention) -> bool:
    """Join *mention* to the figure holding *previous* if the text says they belong together."""
    if previous.sentence != mention.sentence or draft.mentions[-1] is not previous:
        return False
    gap = index.work[previous.end : mention.start]
    same_unit = draft.unit == mention.unit
    if previous.between and RANGE_GAP.fullmatch(gap) and len(draft.mentions) == 1:
        # "between 5 and 7%": one value with a range.
        if same_unit or draft.unit == "count":
            draft.unit = mention.unit
            draft.mentions[0] = _range_of(previous, mention)
            return True
    if not same_unit:
        return False
    if previous.from_start is not None and mention.bound_word == "up to":
        if CHANGE_GAP.fullmatch(gap + "up to "):
            mention.bound = ""  # "rose from 5% up to 7%": the "to" of a change, not a bound
            gap += "to "
    if previous.from_start is not None and CHANGE_GAP.fullmatch(gap):
        draft.add(mention)
        _name_change_periods(draft)
        return True
    if REVERSED_CHANGE_GAP.fullmatch(gap):
        # "334, up from 76": the earlier value comes second in the text.
        draft.add(mention, first=True)
        _name_change_periods(draft)
        return True
    if SERIES_GAP.fullmatch(gap):
        draft.add(mention)
        return True
    # A continuation: a later value with no words of its own, dated like the one before
    # ("6.8 times in 2018/19; by 2024 ... 4.3 times").
    if not mention.own_label and (
        (mention.period and draft.periods[-1]) or mention.unit == "ratio"
    ):
        draft.add(mention)
        return True
    return False


def _range_of(low: Mention, high: Mention) -> Mention:
    """One mention for "between 20 and 25%": the unit and the words come from the high end."""
    return replace(
        low,
        unit=high.unit,
        high=high.value,
        end=high.end,
        approx=low.approx or high.approx,
        bound=low.bound or high.bound,
        own_label=high.own_label or low.own_label,
    )


def _name_change_periods(draft: Draft) -> None:
    """A change with undated ends reads as "before" and "after"."""
    if len(draft.periods) == 2:
        draft.periods = [
            p or name for p, name in zip(draft.periods, ("before", "after"), strict=True)
        ]


def _lone_target(index: TextIndex, target: Mention) -> ProposedFigure:
    """A target with nothing measured beside it: a figure with no points yet."""
    return ProposedFigure(
        label=_label_for(index, target, target),
        unit=target.unit,
        points=(),
        target=target.value,
        text=index.sentence_text(target.sentence, target.sentence, target.start, target.end),
        start=target.start,
        end=target.end,
    )


def _figure(index: TextIndex, draft: Draft) -> ProposedFigure:
    """The proposal for a draft: its points in time order, its span and its sentences."""
    # Labels come from the words around the values in reading order ("412, up from 380").
    in_text = sorted(draft.mentions, key=lambda m: m.start)
    first, last = in_text[0], in_text[-1]
    points = tuple(
        FigurePoint(period=period or "", value=m.value, approx=m.approx, high=m.high, bound=m.bound)
        for m, period in zip(draft.mentions, draft.periods, strict=True)
    )
    spanned = in_text + ([draft.target] if draft.target is not None else [])
    start, end = min(m.start for m in spanned), max(m.end for m in spanned)
    return ProposedFigure(
        label=_label_for(index, first, last),
        unit=draft.unit,
        points=points,
        target=draft.target.value if draft.target is not None else None,
        text=index.sentence_text(
            min(m.sentence for m in spanned), max(m.sentence for m in spanned), start, end
        ),
        start=start,
        end=end,
    )


def _label_for(index: TextIndex, first: Mention, last: Mention) -> str:
    """The best label the text offers, most specific first."""
    anchor = first.from_start if first.from_start is not None else first.start
    heading = index.heading(first.line)
    if first.time_change:
        # "Response times were 48 seconds slower": the subject, and the change in its time.
        subject = label_before(index, anchor, first.sentence)
        return capitalise(f"{subject} ({first.own_label})" if subject else first.own_label)
    if first.unit == "ratio":
        subject = label_before(index, anchor, first.sentence)
        label = " ".join(part for part in (subject, first.own_label) if part)
        return capitalise(label) if label else "Ratio"
    if first.predicate_only and OF_BEFORE.search(index.work, max(0, anchor - 40), anchor):
        # "Savings of £1m were agreed": the subject sits before the value.
        subject = label_before(index, anchor, first.sentence)
        return capitalise(f"{subject} {first.own_label}".strip())
    if first.own_label:
        return capitalise(first.own_label)
    if heading and _only_markup_between(index.work, heading[1], first.start):
        return capitalise(heading[0])  # "Right to Ask: 76 (2023) → ..."
    if last.own_label:
        return capitalise(last.own_label)
    before = label_before(index, anchor, first.sentence)
    if before:
        return capitalise(before)
    if heading:
        return capitalise(heading[0])
    return "Figure"


def _only_markup_between(work: str, start: int, end: int) -> bool:
    """Whether nothing but spaces and Markdown emphasis stands between *start* and *end*."""
    return start >= end or _MARKUP_RUN.match(work, start, end).end() == end
