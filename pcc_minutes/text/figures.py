"""Find the figures in an agenda item's notes and propose them as structured data.

This module owns *figure detection*: reading the plain text of one agenda item's notes and
proposing the numbers in it (percentages, counts, ratios and sums of money) as
:class:`ProposedFigure` objects that a person can accept, edit or reject. It knows nothing
about storage or the user interface and uses only the standard library.

It works in three passes:

1. **Masking.** Spans that hold digits but are not figures are found first: dates and years
   (kept as *periods* for the figures near them), clock times ("10:30-11.30"), "24/7",
   durations ("within 24 hours"), measurements, addresses, phone numbers, postcodes and
   clause numbers ("3.1"). Item numbers ("Item 3"), names ("Tranche 2"), scopes and
   ordinals ("14th") are turned away as each number is read.
2. **Mentions.** Each remaining number is read with its unit, a word of approximation
   ("around", "over", "~"), a range ("92–93%") and a scale ("£1m"). Then it gets a period
   and a label from the words around it: the noun it counts ("7 officers"), what is said
   of it ("10 were breached"), its subject ("crime recording accuracy from 80%") or the
   heading of its line ("Right to Ask: 76 (2023) → ...").
3. **Assembly.** Mentions that belong together become one figure: a change ("from 80% to
   92%"), a series ("76 (2023) → 334 (2024)"), a continuation ("6.8 times in 2018/19 … 4.3
   times by 2024") and a target ("The target is to reach 8%"). A target is attached to the
   figure it qualifies and is not proposed on its own.

Decisions worth knowing:

- A *share* ("93% were graded green and 6% were amber") becomes one figure per category,
  labelled by its category. ``FigurePoint.period`` is kept for time only.
- A number that sets a scope ("across all 10 districts") describes the reach of a
  commitment, not a measurement, so it is not proposed.
- Durations ("within 24 hours", "2 years", "in six months") and frequencies ("met three
  times") are not proposed. A change with no dates gets the periods "before" and "after".
- A plain four-digit number from 1900 to 2099 is a year. Write "2,000 officers" for a count.
- "one" is never a count, because it is far more often a pronoun ("one of the ..."). Other
  number words are counts only when a noun follows ("seven officers").
- A bracketed sum "(£17,000)" is negative only when it stands alone, like a table cell.
- A target with no measured value to attach to becomes a figure with no points.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from pcc_minutes.core.records import UNITS, Figure, FigurePoint

__all__ = ["UNITS", "FigurePoint", "ProposedFigure", "detect_figures"]


@dataclass(frozen=True)
class ProposedFigure:
    """A figure found in the text, proposed for the user to accept, edit or reject."""

    label: str
    unit: str
    points: tuple[FigurePoint, ...]
    target: float | None = None
    text: str = ""
    start: int = 0
    end: int = 0

    def as_figure(self) -> Figure:
        """The record stored when the user accepts this proposal."""
        return Figure(self.label, self.unit, self.points, self.target, source=self.text)


def detect_figures(text: str) -> list[ProposedFigure]:
    """Propose the figures in *text* (one agenda item's notes), in order of appearance."""
    scanner = _Scanner(text)
    return _assemble(scanner, scanner.mentions())


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}

_PREPOSITIONS = frozenset(
    "of in on at by for from to with within without during since until after before per "
    "across over under into onto between against among through throughout near via towards "
    "toward about around up down out off".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those its their our his her some all each every any such".split()
)
_CONJUNCTIONS = frozenset(["and", "or", "but", "nor", "&"])
_AUXILIARIES = frozenset(
    "is are was were be been being has have had having will would shall should can could "
    "may might must do does did".split()
)
# Words that open a new clause: a noun phrase never runs through them.
_CLAUSE_WORDS = frozenset(
    "who which that whose whom where when while whilst as than because since so if then "
    "although though whereas compared including resulting helping showing accounting meaning "
    "following reflecting representing making leading bringing giving with not also now "
    "there it this these those".split()
)
# Verbs that report a change; they sit between a subject and its value ("X has fallen to").
_CHANGE_VERBS = frozenset(
    "improve improved improves improving increase increased increases increasing reduce "
    "reduced reduces reducing decrease decreased decreases decreasing rise rose risen rises "
    "rising fall fell fallen falls falling grow grew grown grows growing drop dropped drops "
    "dropping decline declined declines declining climb climbed climbing jump jumped went "
    "gone moved changed shifted reach reached reaches reaching stood stands standing remain "
    "remained remains total totalled totalling totaled totaling sat sits came come slipped "
    "dipped edged crept soared surged plummeted doubled halved tripled".split()
)
# ... in the past tense, which after a count is its verb ("57 reports came in"); the noun
# forms ("a 20% increase in arrests") may be part of a label.
_PAST_CHANGE_VERBS = frozenset(
    w for w in _CHANGE_VERBS if w.endswith("ed") or w in ("rose", "fell", "came", "went", "grew")
)
# Words that may stand between a subject and its value and carry no meaning for the label.
_SKIP_BEFORE = (
    _AUXILIARIES
    | _CHANGE_VERBS
    | frozenset("by to at of from now currently also still only just up down".split())
)
_STOP_BEFORE = _CLAUSE_WORDS | _CHANGE_VERBS | _AUXILIARIES
# Capitalised words that may open a sentence before a count ("Over 200 kits", "Some 30").
_OPENERS = (
    _PREPOSITIONS
    | _DETERMINERS
    | _CONJUNCTIONS
    | _AUXILIARIES
    | _CLAUSE_WORDS
    | frozenset(
        "approximately approx nearly almost roughly circa estimated more less fewer only just "
        "another further additionally overall total altogether exactly precisely currently "
        "today yesterday recently here".split()
    )
)
_PARTICLES = frozenset("up out off down back over".split())
_SOFT_ADVERBS = frozenset("now also since already then currently all still recently".split())
_IRREGULAR_PARTICIPLES = frozenset(
    "made held paid seen done found brought caught taken given sent kept set put shown known "
    "sold built spent won lost cut hit run met told heard led left read".split()
)
# Words that put a period to a value: "in 2024", "by September 2025", "as of April".
_PERIOD_PREPOSITIONS = frozenset(
    "in by for during since until till at of throughout over as".split()
)
# Words that end the comparison after "N times" ("more likely to be stopped than ...").
_RATIO_PHRASE_STOP = frozenset("than compared when while because which who whereas against".split())
_NOT_PARTICIPLES = frozenset("need speed seed feed shed breed greed".split())
# Leading words dropped from a label: "the number of X" is labelled "X".
_LABEL_PREFIXES = (
    "total number of", "number of", "percentage of", "proportion of", "total of",
)  # fmt: skip
_ABBREVIATIONS = frozenset(
    "excl incl e.g i.e eg ie approx c no nos vs etc para paras fig figs dr mr mrs ms st cllr "
    "supt insp det sgt ch op ref dept p pp s ss cf al".split()
)

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

# A number in digits. Thousands separators must come in threes so that "1,2,3" is a list.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A number in words: "five", "twenty-five", "a dozen"; "twice" only ever makes a ratio.
_NUMBER_WORD = (
    rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(w for w in _ONES if 0 < _ONES[w] < 10)}))?"
    rf"|{'|'.join(sorted(_ONES, key=len, reverse=True))}|(?:a\s+)?dozen|twice"
)
_NUMBER_WORD_TOKEN = re.compile(rf"(?i){_NUMBER_WORD}")
_SCALE = r"(?i:\s?(?:bn|m|k)|\s(?:million|billion|thousand))\b"

# One mention of a value: an optional bracket and currency, the number, a scale, the upper end
# of a range and a percent sign. Context (approximation, unit words, boundaries) is checked
# in code, where each rule can say why it exists.
_MENTION = re.compile(
    rf"""
    (?P<open>\(\s?)?                        # "(£17,000)": a bracketed sum may be negative
    (?P<currency>£\s?)?
    (?P<num>{_DIGITS}|(?i:\b(?:{_NUMBER_WORD})\b))
    (?P<scale>{_SCALE})?
    (?:\s?[–—-]\s?(?:£\s?)?                  # a range written with a dash: "92–93%", "12-13"
        (?P<high>{_DIGITS})(?P<high_scale>{_SCALE})?)?
    (?P<percent>\s?%|(?i:\s(?:per\s?cent|percent|percentage\s+points?)\b))?
    (?P<close>\s?\))?
    """,
    re.VERBOSE,
)

# Words before a value that make it approximate ("Over 200 kits", "around 30 people").
_APPROX_BEFORE = re.compile(
    r"(?i)(?:\b(?:approximately|approx\.?|around|about|roughly|nearly|almost|over|"
    r"more\s+than|less\s+than|fewer\s+than|under|up\s+to|at\s+least|in\s+excess\s+of|"
    r"circa|c\.|an\s+estimated|estimated|some|in\s+the\s+region\s+of|of\s+the\s+order\s+of|"
    r"upwards\s+of)|~)\s*$"
)
# ... and after it ("200+", "30-odd", "50 or so").
_APPROX_AFTER = re.compile(r"(?i)\+|-plus\b|-odd\b|\s+or\s+so\b")

# A unit of time straight after a number makes a duration, not a figure: "within 24 hours",
# "a 12-month plan", "in six months", "18-year-olds".
_DURATION_UNIT = (
    r"[\s-]*(?:working\s+|calendar\s+|business\s+|school\s+|full\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|"
    r"years?|yrs?|decades?|centur(?:y|ies))\b"
)
_DURATION = re.compile(
    rf"(?i)(?<![\d,.])\b(?:{_DIGITS}|{_NUMBER_WORD})(?:\s?[–-]\s?(?:{_DIGITS}|{_NUMBER_WORD}))?"
    + _DURATION_UNIT
)
# "N times" is a ratio only when a comparison follows; otherwise it is a frequency.
_TIMES_AFTER = re.compile(r"(?i)\s?(?:times\b|x\b)")
_COMPARISON_AFTER = re.compile(
    r"(?i)\s+(?:more|less|fewer|as|higher|lower|greater|larger|smaller|bigger|likelier|"
    r"over|the)\b"
)
# A word that names what a number points at rather than counts: "Item 3", "Section 60",
# "Outcome 22", "paragraphs 4 and 5".
_DESIGNATED = re.compile(
    r"(?i)\b(?:agenda\s+items?|items?|sections?|s\.|ss\.|articles?|paragraphs?|paras?\.?|"
    r"clauses?|parts?|chapters?|pages?|pp?\.|appendix|appendices|annexe?s?|tables?|figure|"
    r"figs?\.|phases?|tiers?|levels?|stages?|options?|priority|categor(?:y|ies)|grades?|"
    r"rooms?|floors?|versions?|v\.|schedules?|rules?|regulations?|recommendations?|actions?|"
    r"minute|no\.|nos\.|number|steps?|rounds?|cohorts?|waves?|pillars?|operations?|op\.|"
    r"refs?\.?|references?|aged?|ages|outcome|objectives?|questions?|q\.|key\s+stage)"
    r"\s*#?\s*(?:\d+(?:\.\d+)*[a-z]?\s*(?:,|and|&|or|to|[–-])\s*)*$"
)
# "across all 10 districts": a scope, not a measurement.
_SCOPE_BEFORE = re.compile(r"(?i)\ball\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?$")
# The word right before a number, and what after it marks a series (for names: "Data 500").
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w’'-]*) $")
_SERIES_AFTER = re.compile(r"\s*(?:\(|→|->)")
# Words before a value that open a change ("from 80%"), a range ("between 5 and 7") and a
# subject with its own value ("Savings of £1m were agreed").
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
_OF_BEFORE = re.compile(r"(?i)\b\w+\s+of\s+$")
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")
# What a value is measured against: "The target is to reach 8%", "against a target of 90%".
# "target" must be the subject or object of the value: "target time" is not a target.
_TARGET_WORDS = re.compile(
    r"(?i)\b(?:targets?|goals?|aims?|ambition|aspiration)\s*(?:(?:is|was|are|of|for|to|will|"
    r"would|remains?)\b|:)|\btargets?\s*$|\baim(?:s|ing|ed)?\s+(?:to|for)\b"
)

# Text between two values that joins them into one figure: a change ("from 80% to 92%";
# "412, up from 380"), a series ("76 (2023) → 334") and a range ("between 20 and 25%").
_CHANGE_GAP = re.compile(r"(?i)[^,;:.!?()]{0,40}?\bto\s*|\s*\([^()]{1,30}\)\s*to\s*")
_REVERSED_CHANGE_GAP = re.compile(
    r"(?i)[^,;:.!?()]{0,60}?(?:\([^()]{1,30}\))?,?\s*"
    r"(?:(?:up|down)\s+from|compared\s+(?:with|to))\s*"
)
_SERIES_GAP = re.compile(
    r"(?i)\s*(?:\([^()]{1,30}\))?\s*(?:→|->|=>|⇒|➔|➜|⟶|>|,?\s*(?:and\s+)?then)\s*"
)
_RANGE_GAP = re.compile(r"(?i)\s*(?:and|to|[–-])\s*")

# Periods. Month names are capitalised; "May" and abbreviations need a day or year beside
# them so that "may" the verb and "Mar" the word never become dates.
_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
_MONTH_ABBR = r"(?:May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_YTD = r"(?i:YTD|year[-\s]to[-\s]date)"
_DATE = re.compile(
    rf"""
    \b{_DAY}(?:\s?[–-]\s?{_DAY})?\s+(?:of\s+)?(?:{_MONTHS}|{_MONTH_ABBR})(?:,?\s+{_YEAR})?\b
    | \b(?:{_MONTHS}|{_MONTH_ABBR})\s+{_DAY},?\s+{_YEAR}\b  # "September 15, 2025"
    | \b(?:{_MONTHS}|{_MONTH_ABBR})\s+{_YEAR}(?:/\d{{2}})?\b
    | \b(?:{_MONTHS})\b
    | \b\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}})\b     # "15/09/2025"
    | \b{_YEAR}-\d{{2}}-\d{{2}}\b                            # "2025-09-15"
    """,
    re.VERBOSE,
)
_YEARS = re.compile(
    rf"""
    \b(?:FY\s?)?{_YEAR}\s?[/–-]\s?(?:{_YEAR}|\d{{2}})\b(?:\s+{_YTD})?   # "2024/25", "2022-2025"
    | \b(?:Q[1-4]\s+)?{_YEAR}\b(?!\s?%|[.,]\d)(?:\s+{_YTD})?          # "2023", "2025 YTD"
    | \b{_YTD}\b
    | \bQ[1-4]\b
    """,
    re.VERBOSE,
)
_RELATIVE_PERIOD = re.compile(
    rf"(?i)\b(?:(?:the\s+)?(?:last|past|previous|next|coming)\s+(?:\d+|{_NUMBER_WORD})\s+"
    r"(?:days|weeks|months|years|quarters)|(?:this|last|previous|next)\s+(?:financial\s+)?"
    r"(?:year|quarter|month))\b"
)

# Digits that are never figures.
_NOT_FIGURES = [
    _DURATION,
    # Clock times and time ranges: "10:30-11.30", "2pm", "14:00".
    re.compile(r"(?i)\b\d{1,2}[.:]\d{2}\s?[–-]\s?\d{1,2}[.:]\d{2}\b(?:\s?[ap]m\b)?"),
    re.compile(r"(?i)\b\d{1,2}(?:[.:]\d{2})?\s?[ap]m\b(?:\s?[–-]\s?\d{1,2}(?:[.:]\d{2})?\s?[ap]m\b)?"),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
    # Fractions and "24/7" (financial years are read as periods before this applies).
    re.compile(r"\b\d+\s?/\s?\d+\b"),
    # Clause numbers ("3.1 The Chair ...") and list numbers ("4. ", "(2) ") at a line start.
    re.compile(r"(?m)^[ \t]*(?:[-*·•][ \t]*)?\d+(?:\.\d+)+(?=[ \t]+[A-Z(])"),
    re.compile(r"(?m)^[ \t]*(?:[-*·•][ \t]*)?\(?\d{1,2}[.)](?=[ \t])"),
    re.compile(r"\b\d+\.\d+\.\d+\b"),
    # Phone numbers (UK) and the police's own short numbers when used as numbers.
    re.compile(r"(?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?\b"),
    re.compile(r"(?i)\b(?:call|calls|dial|dialled|dialling|ring|phone|phoned|via|on)\s+"
               r"(?:101|999|111)\b"),
    re.compile(r"(?i)\b(?:101|999|111)(?=\s+(?:calls?|services?|numbers?|lines?|"
               r"non-emergency|emergency)\b)"),
    # Measurements that are not counts: "13 GB", "40 miles".
    re.compile(
        rf"(?i)\b(?:{_DIGITS})\s?(?:GB|MB|KB|TB|km|kms|miles?|metres?|meters?|kg|kgs|tonnes?|"
        r"mph|litres?|liters?|acres?|hectares?)\b"
    ),
    # Street addresses: "65 Clifton Street", "1 Horseguards Road".
    re.compile(
        r"\b\d{1,4}[A-Za-z]?\s+(?:[A-Z][\w’'-]*\s+){0,3}(?:Road|Street|St|Avenue|Ave|Lane|"
        r"Place|Square|Way|Drive|Close|Court|Crescent|Terrace|Row|Walk|Gardens|Hill|Parade|"
        r"House)\b"
    ),
    # Row numbers of a table flattened to text: "3<tab>Item title<tab>Lead".
    re.compile(r"(?m)^[ \t]*\d{1,3}(?=\t)"),
    # Postcodes: "AL10 9BN".
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"),
]  # fmt: skip

# Where a value's clause ends (looking for its period after it) and starts (before it).
_CLAUSE_END = re.compile(r"[,;]")
_CLAUSE_START = re.compile(r"[;:]")
# A table cell's edges: a tab, a "|" or a run of spaces, or the line's end.
_CELL_LEFT = re.compile(r"(?:^|\t|\||\s{2,})\s*$")
_CELL_RIGHT = re.compile(r"\s*(?:$|\t|\||\s{2,})")
# A line that opens with a short heading and a colon ("- **Right to Ask:** 76 ..."): the
# heading names the values written straight after it.
_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[-*·•][ \t]*|\d+[.)][ \t]+)?(?:\*\*|__)?"
    r"(?P<label>[A-Za-z][^:\n]{0,60}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*"
)
# A sentence ends at ".", "!" or "?" (and any closing quote) before a space; abbreviations
# ("excl.") and a lower-case next word are checked in code.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*(?=\s)")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# Bullet markers stripped from a figure's text: "- ", "· ", "• ", "1. ".
_BULLET = re.compile(r"^(?:[-*·•]\s*|\d+[.)]\s+)+")
# Words (with inner hyphens and apostrophes: "non-white", "Constabulary’s"), numbers,
# Markdown emphasis and single punctuation marks, for reading labels.
_TOKEN = re.compile(r"[A-Za-z][\w’'&/-]*|\d+(?:[,.]\d+)*|[*_]+|\S")
_SPACES = "\u00a0\u202f\u2007\u2009"  # non-breaking and thin spaces, read as plain spaces


# --------------------------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------------------------


class _Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().strip("’'-/")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha() or self.text == "&"

    @property
    def is_markup(self) -> bool:
        return self.text[0] in "*_"


class _Period(NamedTuple):
    start: int
    end: int
    text: str
    needs_preposition: bool  # a bare year needs "in"/"by"/"(...)" to belong to a value


@dataclass
class _Mention:
    """One value in the text, before mentions are assembled into figures."""

    start: int  # including a word of approximation and a currency sign
    end: int  # including the unit ("%", "times")
    value: float
    unit: str
    sentence: int
    line: int
    high: float | None = None
    approx: bool = False
    from_start: int | None = None  # where "from" starts, when the value opens a change
    between: bool = False
    is_target: bool = False
    own_label: str = ""  # from the words after the value
    predicate_only: bool = False  # own_label is only what is said of it: "were agreed"
    head: str = ""  # the noun counted, for "Of these, 10 were ..."
    period: str | None = None
    period_end: int = 0  # end of the period claimed after the value


class _Scanner:
    """Finds the mentions of values in one text, with the context each one needs."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Same length as the text, so every offset found here is an offset in the input.
        self.work = text.translate({ord(c): " " for c in _SPACES})
        self.periods = self._find_periods()
        self.masked = bytearray(len(text))
        for period in self.periods:
            self.masked[period.start : period.end] = b"\1" * (period.end - period.start)
        for pattern in _NOT_FIGURES:
            for m in pattern.finditer(self.work):
                self.masked[m.start() : m.end()] = b"\1" * (m.end() - m.start())
        self.tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.work)]
        self.token_starts = [t.start for t in self.tokens]
        self.sentences, self.sentence_lines = self._find_sentences()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.headings = {
            self._line_of(m.start("label")): (m.group("label").strip(" *_"), m.end())
            for m in _HEADING.finditer(self.work)
        }

    # -- structure -----------------------------------------------------------------------

    def _find_periods(self) -> list[_Period]:
        found = [
            _Period(m.start(), m.end(), m.group(), pattern is _YEARS and m.group()[0].isdigit())
            for pattern in (_DATE, _YEARS, _RELATIVE_PERIOD)
            for m in pattern.finditer(self.work)
            if not (pattern is _YEARS and self.work[max(0, m.start() - 1) : m.start()] == "£")
        ]
        # Keep the longest of overlapping matches: "14 August 2025" over "2025".
        found.sort(key=lambda p: (p.start, -(p.end - p.start)))
        kept: list[_Period] = []
        for period in found:
            if kept and period.start < kept[-1].end:
                continue
            text = " ".join(period.text.split())
            text = re.sub(r"(?i)^the\s+", "", text)
            kept.append(period._replace(text=text))
        return kept

    def _find_sentences(self) -> tuple[list[tuple[int, int]], list[int]]:
        spans: list[tuple[int, int]] = []
        lines: list[int] = []
        offset = 0
        for number, line in enumerate(self.work.split("\n")):
            start = 0
            for m in _SENTENCE_END.finditer(line):
                word = _LAST_WORD.search(line, 0, m.start())
                if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                    continue
                rest = line[m.end() :].lstrip()
                if rest and rest[0].islower():
                    continue
                spans.append((offset + start, offset + m.end()))
                lines.append(number)
                start = m.end()
            spans.append((offset + start, offset + len(line)))
            lines.append(number)
            offset += len(line) + 1
        kept = [(s + len(self.work[s:e]) - len(self.work[s:e].lstrip()), e) for s, e in spans]
        pairs = [(span, line) for span, line in zip(kept, lines, strict=True) if span[0] < span[1]]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    def _line_of(self, pos: int) -> int:
        return self.work.count("\n", 0, pos)

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def tokens_between(self, start: int, end: int) -> list[_Token]:
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [t for t in self.tokens[first:last] if t.end <= end]

    def period_at(self, pos: int) -> _Period | None:
        for period in self.periods:
            if period.start <= pos < period.end:
                return period
        return None

    def is_masked(self, start: int, end: int) -> bool:
        return any(self.masked[start:end])

    # -- mentions --------------------------------------------------------------------------

    def mentions(self) -> list[_Mention]:
        found: list[_Mention] = []
        ratio_sentences: set[int] = set()
        for m in _MENTION.finditer(self.work):
            mention = self._read(m, ratio_sentences)
            if mention is None:
                continue
            if mention.unit == "ratio":
                ratio_sentences.add(mention.sentence)
            found.append(mention)
        self._describe(found)
        return found

    def _read(self, m: re.Match[str], ratio_sentences: set[int]) -> _Mention | None:
        """A mention from a match of _MENTION, or None when the number is not a figure."""
        work = self.work
        num = m.group("num")
        is_word = num[0].isalpha()
        core_start = m.start("currency") if m.group("currency") else m.start("num")
        high_end = m.end("high_scale") if m.group("high_scale") else m.end("high")
        core_end = max(m.end("num"), m.end("scale"), high_end, m.end("percent"))
        if self.is_masked(m.start("num"), m.end("num")) or (
            m.group("high") and self.is_masked(m.start("high"), m.end("high"))
        ):
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
        scale = _scale(scale_text)
        value = _number(num) * scale
        high_scale = _scale(m.group("high_scale")) if m.group("high_scale") else scale
        high = float(m.group("high").replace(",", "")) * high_scale if m.group("high") else None

        end = core_end
        sentence = self.sentence_of(core_start)
        if currency:
            unit = "£"
        elif percent:
            unit = "%"
        else:
            twice = num.lower() == "twice"
            times = None if twice else _TIMES_AFTER.match(work, core_end)
            times_end = core_end if twice else times.end() if times else None  # "twice" is x2
            if times_end is None:
                unit = "count"
            else:
                compared = _COMPARISON_AFTER.match(work, times_end)
                # A bare "4.3 times" may continue a comparison made earlier in the sentence.
                if not compared and (twice or sentence not in ratio_sentences):
                    return None  # a frequency ("met three times", "met twice")
                unit, end = "ratio", times_end
        after = work[end : end + 1]
        if after.isalnum() or (after == "-" and work[end + 1 : end + 2].isalpha()):
            if not _APPROX_AFTER.match(work, end):
                return None  # "14th", "9BN", "two-way": part of a word
        if after in "/:" and work[end + 1 : end + 2].isdigit():
            return None
        if after == "(":
            return None  # "4(ii)", "s.3(1)": a paragraph reference
        if unit == "count" and not self._could_be_count(m, core_start):
            return None

        approx_before = _APPROX_BEFORE.search(work, max(0, core_start - 30), core_start)
        approx_after = _APPROX_AFTER.match(work, end)
        start = approx_before.start() if approx_before else core_start
        if approx_after:
            end = approx_after.end()
        if m.group("open") and m.group("close"):
            if unit == "£" and self._stands_alone(m.start(), m.end()):
                value, high = -value, (-high if high is not None else None)
            start, end = min(start, m.start()), max(end, m.end())
        if is_word and unit == "count" and not self._noun_phrase(self._tokens_after(end))[0]:
            return None  # "three of the bids": a number word counts only with its noun
        from_word = _FROM_BEFORE.search(work, max(0, start - 8), start)
        return _Mention(
            start=start,
            end=end,
            value=value,
            unit=unit,
            sentence=sentence,
            line=self.sentence_lines[sentence],
            high=high,
            approx=bool(approx_before or approx_after),
            from_start=from_word.start() if from_word else None,
            between=bool(_BETWEEN_BEFORE.search(work, max(0, start - 12), start)),
        )

    def _could_be_count(self, m: re.Match[str], core_start: int) -> bool:
        """Whether a bare number (no %, £ or "times") can be a count of something."""
        num = m.group("num")
        work = self.work
        if num.lower() == "one":
            return False
        if "." in num and not m.group("scale"):
            return False  # "3.1" is a clause number; nobody counts 2.5 officers
        if len(num) > 1 and num.startswith("0"):
            return False  # "007", phone prefixes
        if _DESIGNATED.search(work, max(0, core_start - 40), core_start):
            return False
        if _SCOPE_BEFORE.search(work, max(0, core_start - 20), core_start):
            return False
        name = _WORD_BEFORE.search(work, max(0, core_start - 30), core_start)
        if (
            name
            and name.group(1)[0].isupper()
            and name.group(1).lower() not in _OPENERS
            and not _SERIES_AFTER.match(work, m.end())
        ):
            return False  # "Open Data 500", "Tranche 2": a number that is part of a name
        if m.group("open") and m.group("close"):
            return False  # "(1)", "(2)": list markers
        return True

    def _stands_alone(self, start: int, end: int) -> bool:
        """Whether a span sits on its own like a table cell (for "(£17,000)" as negative)."""
        line_start = self.work.rfind("\n", 0, start) + 1
        line_end = self.work.find("\n", end)
        line_end = len(self.work) if line_end < 0 else line_end
        left = self.work[line_start:start]
        right = self.work[end:line_end]
        return bool(_CELL_LEFT.search(left)) and bool(_CELL_RIGHT.match(right))

    # -- periods, labels and targets -----------------------------------------------------

    def _describe(self, mentions: list[_Mention]) -> None:
        """Give each mention its period, own label and target flag."""
        last_head: dict[int, str] = {}
        claimed = 0
        for i, mention in enumerate(mentions):
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(self.work)
            prev_end = mentions[i - 1].end if i else 0
            sentence_start, sentence_end = self.sentences[mention.sentence]
            self._give_period(
                mention, max(prev_end, claimed, sentence_start), min(nxt, sentence_end)
            )
            claimed = mention.period_end
            clause = self.work[max(prev_end, sentence_start) : mention.start]
            mention.is_target = bool(_TARGET_WORDS.search(clause))
            label, head, predicate_only = self._label_after(mention)
            if label.lower() in ("target", "targets"):
                mention.is_target, label = True, ""
            if predicate_only and mention.unit == "count" and last_head.get(mention.line):
                label, predicate_only = f"{last_head[mention.line]} {label}", False
            mention.predicate_only = predicate_only
            mention.own_label = label
            mention.head = head
            if head and mention.unit == "count":
                last_head[mention.line] = head

    def _give_period(self, mention: _Mention, window_start: int, window_end: int) -> None:
        # After the value first ("1,200 in February 2025", "76 (2023)"), up to the clause end.
        clause_end = _CLAUSE_END.search(self.work, mention.end, window_end)
        after_end = clause_end.start() if clause_end else window_end
        for period in self.periods:
            if mention.end <= period.start and period.end <= after_end:
                if self._belongs(period, mention.end):
                    mention.period, mention.period_end = period.text, period.end
                    opening = self.work[mention.end : period.start].strip()
                    if opening == "(" and self.work[period.end : period.end + 1] == ")":
                        mention.end = period.end + 1  # "76 (2023)": the period is part of it
                    return
                break
        # Then before it, within the clause: "in 2018/19, X were 6.8 times ...".
        boundary = max(
            (m.end() for m in _CLAUSE_START.finditer(self.work[window_start : mention.start])),
            default=0,
        )
        start = window_start + boundary
        for period in reversed(self.periods):
            if start <= period.start and period.end <= mention.start:
                if self._belongs(period, start):
                    mention.period = period.text
                return

    def _belongs(self, period: _Period, window_start: int) -> bool:
        """Whether a period found near a value is that value's period, not just a date."""
        gap = self.work[window_start : period.start].rstrip()
        if not gap or gap.endswith("(") or not period.needs_preposition:
            return True
        word = _LAST_WORD.search(gap)
        return bool(word) and word.group(1).lower() in _PERIOD_PREPOSITIONS

    def _tokens_after(self, pos: int) -> list[_Token]:
        """The tokens from *pos* to the end of its sentence, without Markdown emphasis."""
        _, sentence_end = self.sentences[self.sentence_of(pos)]
        return [t for t in self.tokens_between(pos, sentence_end) if not t.is_markup]

    def _label_after(self, mention: _Mention) -> tuple[str, str, bool]:
        """The label the words after a value give it, the noun counted, and whether the
        label is only a predicate ("were breached") that needs the noun from before."""
        tokens = self._tokens_after(mention.end)
        if [t.lower for t in tokens[:2]] in (
            ["of", "which"],
            ["of", "whom"],
            ["of", "these"],
            ["of", "them"],
            ["of", "those"],
        ):
            tokens = tokens[2:]  # "24 applications ..., 11 of which were approved"
            predicate = self._predicate(tokens)
            return _words(predicate), "", bool(predicate)
        if mention.unit == "ratio":
            return _words(self._ratio_phrase(tokens)), "", False
        if mention.unit == "%" and tokens and tokens[0].lower == "of":
            rest = tokens[1:]
            while rest and rest[0].lower in _DETERMINERS:
                rest = rest[1:]
            phrase, stop = self._noun_phrase(rest)
            if not phrase:
                return "", "", False
            predicate = self._predicate(rest[stop:])
            if predicate:
                return _words(phrase + predicate), "", False
            return "Share of " + _words(phrase), "", False
        phrase, stop = self._noun_phrase(tokens)
        if phrase:
            head = _words(_head(phrase))
            if any(_is_participle(t.lower) for t in phrase[1:]):
                return _words(phrase), head, False
            return _words(phrase + self._predicate(tokens[stop:])), head, False
        predicate = self._predicate(tokens)
        return _words(predicate), "", bool(predicate)

    def _starts_period(self, tokens: list[_Token], i: int) -> bool:
        token = tokens[i]
        if self.period_at(token.start):
            return True
        return (
            token.lower in _PERIOD_PREPOSITIONS
            and i + 1 < len(tokens)
            and self.period_at(tokens[i + 1].start) is not None
        )

    def _noun_phrase(self, tokens: list[_Token]) -> tuple[list[_Token], int]:
        """The noun phrase a value counts ("farms located near county borders"), and the
        index of the token it stopped at."""
        words: list[_Token] = []
        i = 0
        limit = 6
        while i < len(tokens) and len(words) <= limit:
            token = tokens[i]
            low = token.lower
            if not token.is_word or self._starts_period(tokens, i):
                break
            if low in _CLAUSE_WORDS or low in _AUXILIARIES or low == "times":
                break
            if low in _PAST_CHANGE_VERBS:
                break  # "57 reports came in": the verb, not part of what is counted
            if _NUMBER_WORD_TOKEN.fullmatch(low):
                break  # "a dozen volunteers and twenty cadets": the next count begins
            if low == "to" and not (words and _is_participle(words[-1].lower)):
                break  # "staff ... to focus on"; but "stops led to arrest" reads on
            if not words and (low in _PREPOSITIONS or low in _CONJUNCTIONS or low in _DETERMINERS):
                break
            if low in _CONJUNCTIONS and (
                i + 1 == len(tokens)
                or not tokens[i + 1].is_word
                or _NUMBER_WORD_TOKEN.fullmatch(tokens[i + 1].lower)
            ):
                break  # "7 officers and 3 staff": the "and" joins two counts
            words.append(token)
            i += 1
        if len(words) > limit:
            # Too long to be a label: cut it at its last preposition ("young people from ...").
            words = words[:limit]
            cut = [j for j, w in enumerate(words) if j and w.lower in _PREPOSITIONS]
            if cut:
                words = words[: cut[-1]]
            i = len(words)
        while words and _is_dangling(words):
            words.pop()
            i -= 1
        return words, i

    def _predicate(self, tokens: list[_Token]) -> list[_Token]:
        """What is said of a value after a verb: "were breached", "are from X", "were amber"."""
        i = 0
        if i < len(tokens) and tokens[i].text == "(":
            # Step over an aside between a noun and its verb: "Staff (excl. PCSOs) are ...".
            while i < len(tokens) and tokens[i].text != ")":
                i += 1
            i += 1
        lows = [t.lower for t in tokens]
        active = False  # "have joined" takes a participle; "have been" may take anything
        if i < len(tokens) and lows[i] in ("have", "has", "had"):
            i += 1
            if i < len(tokens) and lows[i] == "been":
                i += 1
            else:
                active = True
        elif i < len(tokens) and lows[i] in ("were", "was", "are", "is"):
            i += 1
        elif i + 1 < len(tokens) and lows[i] == "will" and lows[i + 1] == "be":
            i += 2
        else:
            return []
        while i < len(tokens) and lows[i] in _SOFT_ADVERBS:
            i += 1
        words: list[_Token] = []
        while i < len(tokens) and lows[i].endswith("ly") and len(lows[i]) > 4:
            words.append(tokens[i])
            i += 1
        if i < len(tokens) and tokens[i].is_word and _is_participle(lows[i]):
            words.append(tokens[i])
            i += 1
            if i < len(tokens) and lows[i] in _PARTICLES:
                words.append(tokens[i])  # "were handed out"
                i += 1
            extra = 0
            while (
                i < len(tokens)
                and extra < 2
                and tokens[i].is_word
                and not self._starts_period(tokens, i)
                and lows[i] not in _PREPOSITIONS | _CONJUNCTIONS | _DETERMINERS | _CLAUSE_WORDS
                and lows[i] not in _AUXILIARIES
            ):
                words.append(tokens[i])
                i += 1
                extra += 1
            return words
        if active:
            return []
        # A complement: "are from a Minority Ethnic Background", "were amber".
        complement: list[_Token] = []
        while i < len(tokens) and len(complement) < 5:
            token = tokens[i]
            if not token.is_word or self._starts_period(tokens, i):
                break
            if token.lower in _CLAUSE_WORDS or token.lower in _AUXILIARIES:
                break
            complement.append(token)
            i += 1
        while complement and complement[-1].lower in _PREPOSITIONS | _DETERMINERS | _CONJUNCTIONS:
            complement.pop()
        return words + complement if complement else []

    def _ratio_phrase(self, tokens: list[_Token]) -> list[_Token]:
        """The comparison after "N times": "more likely to be stopped"."""
        words: list[_Token] = []
        for token in tokens:
            if not token.is_word or len(words) == 7:
                break
            if token.lower in _RATIO_PHRASE_STOP:
                break
            words.append(token)
        return words

    def label_before(self, anchor: int, sentence: int) -> str:
        """The subject a value belongs to, read backwards from *anchor*: "crime recording
        accuracy" in "improving crime recording accuracy from 80% to 92%"."""
        sentence_start, _ = self.sentences[sentence]
        tokens = [t for t in self.tokens_between(sentence_start, anchor) if not t.is_markup]
        i = len(tokens) - 1
        if i >= 0 and tokens[i].text == "(":
            i -= 1  # "the cost of the next stage (£132,000)"
        # Step back over the verb that joins a subject to its value ("has fallen by",
        # "slipped from"); any past-tense verb right before the value is such a verb.
        while (
            i >= 0
            and tokens[i].is_word
            and (tokens[i].lower in _SKIP_BEFORE or _is_participle(tokens[i].lower))
        ):
            i -= 1
        words: list[_Token] = []
        while i >= 0 and len(words) < 10:
            token = tokens[i]
            # Digits may sit inside a subject ("crimes recorded within 24 hours") but a
            # period never does ("In 2019/20 rural victims were ...").
            inside_mask = token.text[0].isdigit() and self.is_masked(token.start, token.end)
            if self.period_at(token.start) or token.lower in _STOP_BEFORE:
                break
            if not (token.is_word or inside_mask):
                break
            words.insert(0, token)
            i -= 1
        return _strip_label_prefix(_words(words))

    def heading(self, line: int) -> tuple[str, int] | None:
        return self.headings.get(line)

    def sentence_text(self, first: int, last: int) -> str:
        start, _ = self.sentences[first]
        _, end = self.sentences[last]
        text = _BULLET.sub("", self.text[start:end].strip())
        return text.replace("**", "").replace("__", "").strip()


# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """A figure being assembled from one or more mentions."""

    mentions: list[_Mention]
    unit: str
    periods: list[str | None] = field(default_factory=list)
    target: _Mention | None = None

    @classmethod
    def of(cls, mention: _Mention) -> _Draft:
        return cls([mention], mention.unit, [mention.period])

    def add(self, mention: _Mention, first: bool = False) -> None:
        if first:
            self.mentions.insert(0, mention)
            self.periods.insert(0, mention.period)
        else:
            self.mentions.append(mention)
            self.periods.append(mention.period)


def _assemble(scanner: _Scanner, mentions: list[_Mention]) -> list[ProposedFigure]:
    """Group mentions into figures, attach targets, and label each figure."""
    drafts: list[_Draft] = []
    pending_targets: list[_Mention] = []
    previous: _Mention | None = None
    for mention in mentions:
        if mention.is_target:
            owner = _target_owner(drafts, mention)
            if owner is not None:
                owner.target = mention
            else:
                pending_targets.append(mention)
            continue
        draft = drafts[-1] if drafts and previous is not None else None
        if draft is None or not _joined(scanner, draft, previous, mention):
            draft = _Draft.of(mention)
            drafts.append(draft)
            for target in list(pending_targets):
                # "We aim for 95%. Currently 88% ...": a target may come first.
                if (
                    target.line == mention.line
                    and mention.sentence - target.sentence in (0, 1)
                    and target.unit == mention.unit
                ):
                    draft.target = target
                    pending_targets.remove(target)
                    break
        previous = mention
    figures = [_figure(scanner, d) for d in drafts]
    figures += [_lone_target(scanner, t) for t in pending_targets]
    return sorted(figures, key=lambda f: f.start)


def _target_owner(drafts: list[_Draft], target: _Mention) -> _Draft | None:
    """The figure a target qualifies: the last one with its unit in the same sentence or the
    one before, on the same line."""
    for draft in reversed(drafts):
        last = draft.mentions[-1]
        if last.line != target.line or last.sentence < target.sentence - 1:
            return None
        if draft.unit == target.unit and draft.target is None:
            return draft
    return None


def _joined(scanner: _Scanner, draft: _Draft, previous: _Mention, mention: _Mention) -> bool:
    """Join *mention* to the figure holding *previous* if the text says they belong together."""
    if previous.sentence != mention.sentence or draft.mentions[-1] is not previous:
        return False
    gap = scanner.work[previous.end : mention.start]
    same_unit = draft.unit == mention.unit
    if previous.between and _RANGE_GAP.fullmatch(gap) and len(draft.mentions) == 1:
        # "between 5 and 7%": one value with a range.
        if same_unit or draft.unit == "count":
            draft.unit = mention.unit
            draft.mentions[0] = _range_of(previous, mention)
            return True
    if not same_unit:
        return False
    if previous.from_start is not None and _CHANGE_GAP.fullmatch(gap):
        draft.add(mention)
        _name_change_periods(draft)
        return True
    if _REVERSED_CHANGE_GAP.fullmatch(gap):
        # "334, up from 76": the earlier value comes second in the text.
        draft.add(mention, first=True)
        _name_change_periods(draft)
        return True
    if _SERIES_GAP.fullmatch(gap):
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


def _range_of(low: _Mention, high: _Mention) -> _Mention:
    """One mention for "between 20 and 25%": the unit and the words come from the high end."""
    return replace(
        low,
        unit=high.unit,
        high=high.value,
        end=high.end,
        approx=low.approx or high.approx,
        own_label=high.own_label or low.own_label,
    )


def _name_change_periods(draft: _Draft) -> None:
    """A change with undated ends reads as "before" and "after"."""
    if len(draft.periods) == 2:
        draft.periods = [
            p or name for p, name in zip(draft.periods, ("before", "after"), strict=True)
        ]


def _lone_target(scanner: _Scanner, target: _Mention) -> ProposedFigure:
    """A target with nothing measured beside it: a figure with no points yet."""
    return ProposedFigure(
        label=_label_for(scanner, target, target),
        unit=target.unit,
        points=(),
        target=target.value,
        text=scanner.sentence_text(target.sentence, target.sentence),
        start=target.start,
        end=target.end,
    )


def _figure(scanner: _Scanner, draft: _Draft) -> ProposedFigure:
    """The proposal for a draft: its points in time order, its span and its sentences."""
    # Labels come from the words around the values in reading order ("412, up from 380").
    in_text = sorted(draft.mentions, key=lambda m: m.start)
    first, last = in_text[0], in_text[-1]
    points = tuple(
        FigurePoint(period=period or "", value=m.value, approx=m.approx, high=m.high)
        for m, period in zip(draft.mentions, draft.periods, strict=True)
    )
    spanned = in_text + ([draft.target] if draft.target is not None else [])
    return ProposedFigure(
        label=_label_for(scanner, first, last),
        unit=draft.unit,
        points=points,
        target=draft.target.value if draft.target is not None else None,
        text=scanner.sentence_text(
            min(m.sentence for m in spanned), max(m.sentence for m in spanned)
        ),
        start=min(m.start for m in spanned),
        end=max(m.end for m in spanned),
    )


def _label_for(scanner: _Scanner, first: _Mention, last: _Mention) -> str:
    """The best label the text offers, most specific first."""
    anchor = first.from_start if first.from_start is not None else first.start
    heading = scanner.heading(first.line)
    if first.unit == "ratio":
        subject = scanner.label_before(anchor, first.sentence)
        label = " ".join(part for part in (subject, first.own_label) if part)
        return _capitalise(label) if label else "Ratio"
    if first.predicate_only and _OF_BEFORE.search(scanner.work, max(0, anchor - 40), anchor):
        # "Savings of £1m were agreed": the subject sits before the value.
        subject = scanner.label_before(anchor, first.sentence)
        return _capitalise(f"{subject} {first.own_label}".strip())
    if first.own_label:
        return _capitalise(first.own_label)
    if heading and scanner.work[heading[1] : first.start].strip(" *_") == "":
        return _capitalise(heading[0])  # "Right to Ask: 76 (2023) → ..."
    if last.own_label:
        return _capitalise(last.own_label)
    before = scanner.label_before(anchor, first.sentence)
    if before:
        return _capitalise(before)
    if heading:
        return _capitalise(heading[0])
    return "Figure"


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _number(text: str) -> float:
    text = text.lower()
    if text[0].isdigit():
        return float(text.replace(",", ""))
    if text.endswith("dozen"):
        return 12.0
    if text == "twice":
        return 2.0
    parts = re.split(r"[-\s]+", text)
    return float(sum(_TENS.get(p, _ONES.get(p, 0)) for p in parts))


def _scale(text: str | None) -> float:
    return _SCALES.get(text.strip().lower(), 1.0) if text else 1.0


def _is_participle(word: str) -> bool:
    if word in _IRREGULAR_PARTICIPLES:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in _NOT_PARTICIPLES


def _is_dangling(words: list[_Token]) -> bool:
    """Whether the last word of a phrase leaves it hanging ("farms near", "staff and"); a
    particle after a verb does not ("shops signed up")."""
    last = words[-1].lower
    if last in _PARTICLES and len(words) > 1 and _is_participle(words[-2].lower):
        return False
    return last in _PREPOSITIONS or last in _CONJUNCTIONS or last in _DETERMINERS


def _head(phrase: list[_Token]) -> list[_Token]:
    """The counted noun of a phrase: "concerns" of "concerns raised"."""
    for j, token in enumerate(phrase):
        if j and (token.lower in _PREPOSITIONS or _is_participle(token.lower)):
            return phrase[:j]
    return phrase


def _words(tokens: list[_Token]) -> str:
    return " ".join(t.text.strip("’'-/") for t in tokens).strip()


def _strip_label_prefix(label: str) -> str:
    """Drop leading articles, prepositions and "the number of": "Against a budget" -> "Budget"."""
    changed = True
    while changed and label:
        changed = False
        low = label.lower()
        first = low.split(" ", 1)[0]
        if (first in _DETERMINERS or first in _PREPOSITIONS) and " " in label:
            label, changed = label.split(" ", 1)[1], True
            continue
        for prefix in _LABEL_PREFIXES:
            if low.startswith(prefix + " "):
                label, changed = label[len(prefix) + 1 :], True
                break
    return label


def _capitalise(label: str) -> str:
    label = " ".join(label.split())
    return label[:1].upper() + label[1:] if label else label
