"""The words and patterns figure detection reads with.

This module owns the *vocabulary*: the word lists (number words, prepositions, verbs of
change, abbreviations ...) and the compiled regular expressions (a mention of a value,
dates and years, spans that are not figures, the gaps that join two values). It holds data
only; the code that uses it lives in the other modules of the package.

Every pattern here is linear in the length of the text it reads: a run of spaces that
several ``\\s*`` in a row could share is read by possessive quantifiers (``\\s*+``), and
the patterns that look back from a value are only ever run on a short window.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}

PREPOSITIONS = frozenset(
    "of in on at by for from to with within without during since until after before per "
    "across over under into onto between against among through throughout near via towards "
    "toward about around up down out off".split()
)
DETERMINERS = frozenset(
    "the a an this that these those its their our his her some all each every any such".split()
)
CONJUNCTIONS = frozenset(["and", "or", "but", "nor", "&"])
AUXILIARIES = frozenset(
    "is are was were be been being has have had having will would shall should can could "
    "may might must do does did".split()
)
# Words that open a new clause: a noun phrase never runs through them.
CLAUSE_WORDS = frozenset(
    "who which that whose whom where when while whilst as than because since so if then "
    "although though whereas compared including resulting helping showing accounting meaning "
    "following reflecting representing making leading bringing giving with not also now "
    "there it this these those".split()
)
# Verbs that report a change; they sit between a subject and its value ("X has fallen to").
CHANGE_VERBS = frozenset(
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
PAST_CHANGE_VERBS = frozenset(
    w for w in CHANGE_VERBS if w.endswith("ed") or w in ("rose", "fell", "came", "went", "grew")
)
# Words that may stand between a subject and its value and carry no meaning for the label.
SKIP_BEFORE = (
    AUXILIARIES
    | CHANGE_VERBS
    | frozenset("by to at of from now currently also still only just up down".split())
    # adverbs between a change verb and its values: "have fallen again, from 800 to 650"
    | frozenset("again further sharply steadily slightly significantly markedly".split())
)
STOP_BEFORE = CLAUSE_WORDS | CHANGE_VERBS | AUXILIARIES
# Capitalised words that may open a sentence before a count ("Over 200 kits", "Some 30").
OPENERS = (
    PREPOSITIONS
    | DETERMINERS
    | CONJUNCTIONS
    | AUXILIARIES
    | CLAUSE_WORDS
    | frozenset(
        "approximately approx nearly almost roughly circa estimated more less fewer only just "
        "above below least most minimum maximum upwards exceeding "
        "another further additionally overall total altogether exactly precisely currently "
        "today yesterday recently here".split()
    )
)
PARTICLES = frozenset("up out off down back over".split())
SOFT_ADVERBS = frozenset("now also since already then currently all still recently".split())
IRREGULAR_PARTICIPLES = frozenset(
    "made held paid seen done found brought caught taken given sent kept set put shown known "
    "sold built spent won lost cut hit run met told heard led left read".split()
)
# Words that put a period to a value: "in 2024", "by September 2025", "as of April".
PERIOD_PREPOSITIONS = frozenset(
    "in by for during since until till at of throughout over as".split()
)
# Words that end the comparison after "N times" ("more likely to be stopped than ...").
RATIO_PHRASE_STOP = frozenset("than compared when while because which who whereas against".split())
NOT_PARTICIPLES = frozenset("need speed seed feed shed breed greed".split())
# Leading words dropped from a label: "the number of X" is labelled "X".
LABEL_PREFIXES = (
    "total number of", "number of", "percentage of", "proportion of", "total of",
    "target for", "targets for", "target of",
)  # fmt: skip
ABBREVIATIONS = frozenset(
    "excl incl e.g i.e eg ie approx c no nos vs etc para paras fig figs dr mr mrs ms st cllr "
    "supt insp det sgt ch op ref dept p pp s ss cf al".split()
)

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

# A number in digits. Thousands separators must come in threes so that "1,2,3" is a list.
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A number in words: "five", "twenty-five", "a dozen"; "twice" only ever makes a ratio.
NUMBER_WORD = (
    rf"(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(w for w in ONES if 0 < ONES[w] < 10)}))?"
    rf"|{'|'.join(sorted(ONES, key=len, reverse=True))}|(?:a\s+)?dozen|twice"
)
NUMBER_WORD_TOKEN = re.compile(rf"(?i){NUMBER_WORD}")
SCALE = r"(?i:\s?(?:bn|m|k)|\s(?:million|billion|thousand))\b"

# One mention of a value: an optional bracket and currency, the number, a scale, the upper end
# of a range and a percent sign. Context (approximation, unit words, boundaries) is checked
# in code, where each rule can say why it exists.
MENTION = re.compile(
    rf"""
    (?P<open>\(\s?)?                        # "(£17,000)": a bracketed sum may be negative
    (?P<currency>£\s?)?
    (?P<num>{DIGITS}|(?i:\b(?:{NUMBER_WORD})\b))
    (?P<scale>{SCALE})?
    (?:\s?[–—-]\s?(?:£\s?)?                  # a range written with a dash: "92–93%", "12-13"
        (?P<high>{DIGITS})(?P<high_scale>{SCALE})?)?
    (?P<percent>\s?%|(?i:\s(?:per\s?cent|percent|percentage\s+points?)\b))?
    (?P<close>\s?\))?
    """,
    re.VERBOSE,
)

# Words before a value that qualify it, read by one pattern whose named group says how:
# a bound on the true value, named after the bound it gives (core.records.BOUNDS: "over
# 200" is above, "at least 200" at_least, "under 5%" below, "up to 5%" at_most), or an
# approximation ("around 30", "some 1,250"). "nearly" and "almost" say the true value is a
# little under the one given, but nobody quoting "nearly 40 shops" states a limit: they are
# approximations too.
QUALIFIER_BEFORE = re.compile(
    r"""(?ix)(?:\b(?:
      (?P<above>over|above|more\s+than|greater\s+than|in\s+excess\s+of|upwards\s+of|
        exceeding)
    | (?P<at_least>at\s+least|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|
        (?:a\s+)?minimum\s+of)
    | (?P<below>under|below|less\s+than|fewer\s+than|lower\s+than)
    | (?P<at_most>at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|
        (?:a\s+)?maximum\s+of|not\s+exceeding)
    | (?P<approx>approximately|approx\.?|around|about|roughly|nearly|almost|circa|c\.|
        an\s+estimated|estimated|some|in\s+the\s+region\s+of|of\s+the\s+order\s+of)
    )|(?P<tilde>~))\s*$"""
)
# ... and after it: "200+", "200-plus", "200 or more" (at_least); "5 or fewer" (at_most);
# "30-odd", "50 or so" (approximate).
QUALIFIER_AFTER = re.compile(
    r"(?i)(?P<at_least>\+|-plus\b|\s+or\s+(?:more|over|above)\b)"
    r"|(?P<at_most>\s+or\s+(?:fewer|less|under|below)\b)"
    r"|(?P<approx>-odd\b|\s+or\s+so\b)"
)
APPROXIMATE = frozenset({"approx", "tilde"})  # the groups that are not bounds

# A unit of time straight after a number makes a duration, not a figure: "within 24 hours",
# "a 12-month plan", "in six months", "18-year-olds".
DURATION_UNIT = (
    r"[\s-]*(?:working\s+|calendar\s+|business\s+|school\s+|full\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|"
    r"years?|yrs?|decades?|centur(?:y|ies))\b"
)
# A time that is a change ("48 seconds slower than last year", "2 minutes quicker") is a
# figure: response times are followed month to month.
TIME_CHANGE = r"\s+(?:slower|faster|quicker)\b"
TIME_CHANGE_AFTER = re.compile(r"(?i)" + DURATION_UNIT + TIME_CHANGE)
DURATION = re.compile(
    rf"(?i)(?<![\d,.])\b(?:{DIGITS}|{NUMBER_WORD})(?:\s?[–-]\s?(?:{DIGITS}|{NUMBER_WORD}))?"
    + DURATION_UNIT
    + f"(?!{TIME_CHANGE})"
)
# "N times" is a ratio only when a comparison follows; otherwise it is a frequency.
TIMES_AFTER = re.compile(r"(?i)\s?(?:times\b|x\b)")
COMPARISON_AFTER = re.compile(
    r"(?i)\s+(?:more|less|fewer|as|higher|lower|greater|larger|smaller|bigger|likelier|"
    r"over|the)\b"
)
# A word that names what a number points at rather than counts: "Item 3", "Section 60",
# "Outcome 22", "paragraphs 4 and 5".
DESIGNATED = re.compile(
    r"(?i)\b(?:agenda\s+items?|items?|sections?|s\.|ss\.|articles?|paragraphs?|paras?\.?|"
    r"clauses?|parts?|chapters?|pages?|pp?\.|appendix|appendices|annexe?s?|tables?|figure|"
    r"figs?\.|phases?|tiers?|levels?|stages?|options?|priority|categor(?:y|ies)|grades?|"
    r"rooms?|floors?|versions?|v\.|schedules?|rules?|regulations?|recommendations?|actions?|"
    r"minute|no\.|nos\.|number|steps?|rounds?|cohorts?|waves?|pillars?|operations?|op\.|"
    r"refs?\.?|references?|aged?|ages|outcome|objectives?|questions?|q\.|key\s+stage|risks?)"
    r"\s*#?\s*(?:\d+(?:\.\d+)*[a-z]?\s*(?:,|and|&|or|to|[–-])\s*)*$"
)
# Read before and after each number rather than over the whole text (they concern only a
# number): the base of a rate ("per 1,000 population") and the M of "22 out of 33", which
# are not values of their own; and a phone line named beside another or as called ("calls
# to 999", "999 and 101").
BASE_BEFORE = re.compile(r"(?i)\b(?:per|out\s+of)\s+$")
CALL_LINES = frozenset({"101", "999", "111"})
CALL_BEFORE = re.compile(
    r"(?i)(?:\b(?:calls?|contacts?|demand)\s+(?:to|on|into|via|for|through)\s+(?:the\s+)?|"
    r"\b(?:101|999|111)\s*+(?:and|or|&|,)\s*+)$"
)
CALL_PAIR_AFTER = re.compile(r"\s*+(?:and|or|&|,)\s*+(?:101|999|111)\b")
# "60.3 crimes per 1,000 population": a rate, whose value may have decimals.
RATE_AFTER = re.compile(r"(?i)(?:\s+[a-z][\w’'-]*){1,4}\s+per\s+(?:\d|head\b|capita\b)")
# "below the most similar group average of 71.9": the value a figure is compared with.
COMPARATOR_BEFORE = re.compile(
    r"(?i)\b(?:average|mean|median|benchmark|figure|rate|level|value)\s+"
    r"(?:(?:of|at|was|is|being)\s+)?$"
)
COMPARATOR_WORDS = re.compile(
    r"(?i)\b(?:below|above|than|against|compared|versus|vs|while|whereas)\b"
)
# "across all 10 districts": a scope, not a measurement.
SCOPE_BEFORE = re.compile(r"(?i)\ball\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?$")
# "the last 3 posts", "our first two meetings": a number that picks members out of a
# sequence says which ones, not how many of something there are.
SELECTION_BEFORE = re.compile(
    r"(?i)\b(?:the|its|their|our|his|her|these|those)\s+(?:very\s+)?(?:last|first|final|next|"
    r"top|bottom|previous|latest|initial|opening|closing|earliest|following)\s+$"
)
# The word right before a number, and what after it marks a series (for names: "Data 500").
WORD_BEFORE = re.compile(r"\b([A-Za-z][\w’'-]*) $")
SERIES_AFTER = re.compile(r"\s*(?:\(|→|->)")
# Words before a value that open a change ("from 80%"), a range ("between 5 and 7") and a
# subject with its own value ("Savings of £1m were agreed").
FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
OF_BEFORE = re.compile(r"(?i)\b\w+\s+of\s+$")
BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")
# What a value is measured against: "The target is to reach 8%", "against a target of 90%".
# "target" must be the subject or object of the value: "target time" is not a target.
TARGET_WORDS = re.compile(
    r"(?i)\b(?:targets?|goals?|aims?|ambition|aspiration)\s*(?:(?:is|was|are|of|for|to|will|"
    r"would|remains?)\b|:)|\btargets?\s*$|\baim(?:s|ing|ed)?\s+(?:to|for)\b"
)

# Text between two values that joins them into one figure: a change ("from 80% to 92%";
# "412, up from 380"), a series ("76 (2023) → 334") and a range ("between 20 and 25%").
CHANGE_GAP = re.compile(r"(?i)[^,;:.!?()]{0,40}?\bto\s*+|\s*+\([^()]{1,30}\)\s*+to\s*+")
REVERSED_CHANGE_GAP = re.compile(
    r"(?i)[^,;:.!?()]{0,60}?(?:\([^()]{1,30}\))?,?\s*+"
    r"(?:(?:up|down)\s+from|compared\s+(?:with|to))\s*+"
)
SERIES_GAP = re.compile(
    r"(?i)\s*+(?:\([^()]{1,30}\))?\s*+(?:→|->|=>|⇒|➔|➜|⟶|>|,?\s*+(?:and\s+)?then)\s*+"
)
RANGE_GAP = re.compile(r"(?i)\s*+(?:and|to|[–-])\s*+")

# Periods. Month names are capitalised; "May" and abbreviations need a day or year beside
# them so that "may" the verb and "Mar" the word never become dates.
MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
MONTH_ABBR = r"(?:May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
YTD = r"(?i:YTD|year[-\s]to[-\s]date)"
DATE = re.compile(
    rf"""
    \b{DAY}(?:\s?[–-]\s?{DAY})?\s+(?:of\s+)?(?:{MONTHS}|{MONTH_ABBR})(?:,?\s+{YEAR})?\b
    | \b(?:{MONTHS}|{MONTH_ABBR})\s+{DAY},?\s+{YEAR}\b  # "September 15, 2025"
    | \b(?:{MONTHS}|{MONTH_ABBR})\s+{YEAR}(?:/\d{{2}})?\b
    | \b(?:{MONTHS})\b
    | \bMay\b(?:(?<=\bin\sMay)|(?<=\bby\sMay)|(?<=\bsince\sMay)|(?<=\buntil\sMay)
              |(?<=\bfrom\sMay)|(?<=\bduring\sMay))                # "in May", not "may"
    | \b\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{YEAR}|\d{{2}})\b     # "15/09/2025"
    | \b{YEAR}-\d{{2}}-\d{{2}}\b                            # "2025-09-15"
    """,
    re.VERBOSE,
)
YEARS = re.compile(
    rf"""
    \b(?:FY\s?)?{YEAR}\s?[/–-]\s?(?:{YEAR}|\d{{2}})\b(?:\s+{YTD})?   # "2024/25", "2022-2025"
    | \b(?:Q[1-4]\s+)?{YEAR}\b(?!\s?%|[.,]\d)(?:\s+{YTD})?          # "2023", "2025 YTD"
    | \b{YTD}\b
    | \bQ[1-4]\b
    """,
    re.VERBOSE,
)
RELATIVE_PERIOD = re.compile(
    rf"(?i)\b(?:(?:the\s+)?(?:last|past|previous|next|coming)\s+(?:\d+|{NUMBER_WORD})\s+"
    r"(?:days|weeks|months|years|quarters)|(?:this|last|previous|next)\s+(?:financial\s+)?"
    r"(?:year|quarter|month))\b"
)

# Digits that are never figures.
NOT_FIGURES = [
    DURATION,
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
    # The police's own phone lines (999, 101, 111) named as lines, not counted: "call 101",
    # "calls to 999", "the 101 service", "999 and 101".
    re.compile(r"(?i)\b(?:call|calls|dial|dialled|dialling|ring|phone|phoned|via|on)\s+"
               r"(?:101|999|111)\b"),
    re.compile(r"(?i)\b(?:101|999|111)(?=\s+(?:calls?|services?|numbers?|lines?|"
               r"non-emergency|emergency|performance|answering|answer|demand|contacts?|"
               r"abandonment|abandoned|abandon|call-handling|handling)\b)"),
    # Minute numbers of a council's minutes at a line start: "579. APOLOGIES", "580 MINUTES".
    re.compile(r"(?m)^[ \t]*\(?\d{1,4}[.)](?=[ \t]+[A-Z(])"),
    re.compile(r"(?m)^[ \t]*\d{1,4}(?=[ \t]+[A-Z][A-Z’'&,()\- \t]*$)"),
    # Measurements that are not counts: "13 GB", "40 miles".
    # It starts only where a number starts: tried inside "1,999,999,..." at every group, it
    # would read the rest of the number from each one (quadratic).
    re.compile(
        rf"(?i)(?<![\d,.])\b(?:{DIGITS})\s?(?:GB|MB|KB|TB|km|kms|miles?|metres?|meters?|kg|kgs|tonnes?|"
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
CLAUSE_END = re.compile(r"[,;]")
CLAUSE_START = re.compile(r"[;:]")
# A line that opens with a short heading and a colon ("- **Right to Ask:** 76 ..."): the
# heading names the values written straight after it.
HEADING = re.compile(
    r"(?m)^[ \t]*(?:[-*·•][ \t]*|\d+[.)][ \t]+)?(?:\*\*|__)?"
    r"(?P<label>[A-Za-z][^:\n]{0,60}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*"
)
# A sentence ends at ".", "!" or "?" (and any closing quote) before a space; abbreviations
# ("excl.") and a lower-case next word are checked in code.
SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*(?=\s)")
# Bullet markers stripped from a figure's text: "- ", "· ", "• ", "1. ".
BULLET = re.compile(r"^(?:[-*·•]\s*|\d+[.)]\s+)+")
# Words (with inner hyphens and apostrophes: "non-white", "Constabulary’s"), numbers,
# Markdown emphasis and single punctuation marks, for reading labels.
TOKEN = re.compile(r"[A-Za-z][\w’'&/-]*|\d+(?:[,.]\d+)*|[*_]+|\S")
SPACES = "\u00a0\u202f\u2007\u2009"  # non-breaking and thin spaces, read as plain spaces

# --------------------------------------------------------------------------------------------
# Measures: what makes a count worth following month to month (see ``measures``)
# --------------------------------------------------------------------------------------------

# Nouns a meeting counts in passing: people and roles, and the business of meetings. A
# small bare count of one of these ("2 staff moved to renewals", "3 members asked") tells
# what happened, not how a measure stands; "7 officers" in a team or "4 posts vacant" does.
HEADCOUNT_NOUNS = frozenset(
    "staff people persons person individuals officers officer members member colleagues "
    "colleague posts post roles role positions position attendees representatives reps "
    "councillors delegates guests speakers visitors panellists partners agencies "
    "organisations teams team groups group meetings meeting sessions session workshops "
    "workshop briefings briefing visits visit papers paper items item options option points "
    "point questions question issues issue topics topic examples example areas area".split()
)
# Words that report such a count as a measure: the strength of a team ("consists of 7
# officers", "has 9 detectives"), a change to it ("recruited 3", "an extra 4"), or posts
# to fill ("4 posts remain vacant").
HEADCOUNT_MEASURE_BEFORE = re.compile(
    r"(?i)\b(?:consists?\s+of|consisting\s+of|comprises?|comprising|made\s+up\s+of|"
    r"team\s+of|total\s+of|totals?|totalling|establishment\s+of|strength\s+of|"
    r"complement\s+of|has|have|had|employs?|employed|employing|recruited|recruiting|hired|"
    r"hiring|appointed|appointing|additional|extra|further|new|dedicated|funds?|funded|"
    r"funding\s+for|lost|losing|cut|cutting)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
HEADCOUNT_MEASURE_WORDS = frozenset(
    "recruited hired appointed employed vacant vacancies unfilled funded deployed dedicated "
    "added joined left lost leaving leavers starters trained assigned allocated seconded "
    "redeployed needed required short".split()
)
SMALL_COUNT = 10  # under this, a bare headcount is read as said in passing

# --------------------------------------------------------------------------------------------
# Targets: which measure a target names (see ``targets``)
# --------------------------------------------------------------------------------------------

TARGET_NOUNS = frozenset("target targets goal goals aim aims ambition aspiration".split())
# Words around "target" that say what kind of target it is, not what it measures.
TARGET_QUALIFIERS = frozenset(
    "national local regional internal stretch revised new overall annual yearly agreed "
    "original own force force’s force's same current existing interim final minimum maximum "
    "ambitious realistic stated set published key main long-term short-term year year-end "
    "end next last this commissioner’s commissioner's plan plan’s plan's we our their its "
    "is was are were will would be to reach get achieve hit meet aiming aim aimed".split()
)
