"""Labels read from the words around a value.

This module owns *labelling*: the noun a value counts ("7 officers"), what is said of it
("10 were breached"), the comparison after "N times" ("more likely to be stopped") and the
subject before it ("crime recording accuracy from 80%"), plus the small word tests these
use. It reads tokens from :class:`~pcc_minutes.text.figures.structure.TextIndex`, which
hands out at most a window of them either side of a value, so each label costs the same
however long the sentence.
"""

from __future__ import annotations

from pcc_minutes.text.figures.structure import TextIndex, Token
from pcc_minutes.text.figures.vocabulary import (
    AUXILIARIES,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    IRREGULAR_PARTICIPLES,
    LABEL_PREFIXES,
    NOT_PARTICIPLES,
    NUMBER_WORD_TOKEN,
    PARTICLES,
    PAST_CHANGE_VERBS,
    PERIOD_PREPOSITIONS,
    PREPOSITIONS,
    RATIO_PHRASE_STOP,
    SKIP_BEFORE,
    SOFT_ADVERBS,
    STOP_BEFORE,
)


def label_after(index: TextIndex, end: int, unit: str) -> tuple[str, str, bool]:
    """The label the words after a value give it, the noun counted, and whether the
    label is only a predicate ("were breached") that needs the noun from before."""
    tokens = index.tokens_after(end)
    if [t.lower for t in tokens[:2]] in (
        ["of", "which"],
        ["of", "whom"],
        ["of", "these"],
        ["of", "them"],
        ["of", "those"],
    ):
        tokens = tokens[2:]  # "24 applications ..., 11 of which were approved"
        predicate = read_predicate(index, tokens)
        return join_words(predicate), "", bool(predicate)
    if [t.lower for t in tokens[:2]] == ["out", "of"] and len(tokens) > 2 and not tokens[2].is_word:
        tokens = tokens[3:]  # "22 out of 33 measures are on track": what the 22 are
    if unit == "ratio":
        return join_words(ratio_phrase(tokens)), "", False
    if unit == "%" and tokens and tokens[0].lower == "of":
        rest = tokens[1:]
        while rest and rest[0].lower in DETERMINERS:
            rest = rest[1:]
        phrase, stop = noun_phrase(index, rest)
        if not phrase:
            return "", "", False
        predicate = read_predicate(index, rest[stop:])
        if predicate:
            return join_words(phrase + predicate), "", False
        return "Share of " + join_words(phrase), "", False
    phrase, stop = noun_phrase(index, tokens)
    if phrase:
        head = join_words(head_noun(phrase))
        if any(is_participle(t.lower) for t in phrase[1:]):
            return join_words(phrase), head, False
        return join_words(phrase + read_predicate(index, tokens[stop:])), head, False
    predicate = read_predicate(index, tokens)
    return join_words(predicate), "", bool(predicate)


def starts_period(index: TextIndex, tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if index.period_at(token.start):
        return True
    return (
        token.lower in PERIOD_PREPOSITIONS
        and i + 1 < len(tokens)
        and index.period_at(tokens[i + 1].start) is not None
    )


def noun_phrase(index: TextIndex, tokens: list[Token]) -> tuple[list[Token], int]:
    """The noun phrase a value counts ("farms located near county borders"), and the
    index of the token it stopped at."""
    words: list[Token] = []
    i = 0
    limit = 6
    while i < len(tokens) and len(words) <= limit:
        token = tokens[i]
        low = token.lower
        if not token.is_word or starts_period(index, tokens, i):
            break
        if low in CLAUSE_WORDS or low in AUXILIARIES or low == "times":
            break
        if low in PAST_CHANGE_VERBS:
            break  # "57 reports came in": the verb, not part of what is counted
        if low == "per" and words and i + 2 < len(tokens) and not tokens[i + 1].is_word:
            words += tokens[i : i + 2]  # "crimes per 1,000 population": the rate's base
            i += 2
            continue
        if NUMBER_WORD_TOKEN.fullmatch(low):
            break  # "a dozen volunteers and twenty cadets": the next count begins
        if low == "to" and not (words and is_participle(words[-1].lower)):
            break  # "staff ... to focus on"; but "stops led to arrest" reads on
        if not words and (low in PREPOSITIONS or low in CONJUNCTIONS or low in DETERMINERS):
            if not _out_of_words(tokens, i):
                break  # but "320 out of court resolutions" counts resolutions
        if low in CONJUNCTIONS and (
            i + 1 == len(tokens)
            or not tokens[i + 1].is_word
            or NUMBER_WORD_TOKEN.fullmatch(tokens[i + 1].lower)
        ):
            break  # "7 officers and 3 staff": the "and" joins two counts
        words.append(token)
        i += 1
    if len(words) > limit:
        # Too long to be a label: cut it at its last preposition ("young people from ...").
        words = words[:limit]
        cut = [j for j, w in enumerate(words) if j and w.lower in PREPOSITIONS]
        if cut:
            words = words[: cut[-1]]
        i = len(words)
    while words and is_dangling(words):
        words.pop()
        i -= 1
    return words, i


def _out_of_words(tokens: list[Token], i: int) -> bool:
    """Whether "out of" at *i* opens a noun phrase ("out of court disposals") rather than a
    denominator ("22 out of 33")."""
    return (
        tokens[i].lower == "out"
        and i + 2 < len(tokens)
        and tokens[i + 1].lower == "of"
        and tokens[i + 2].is_word
        and tokens[i + 2].lower not in DETERMINERS
    )


def read_predicate(index: TextIndex, tokens: list[Token]) -> list[Token]:
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
    while i < len(tokens) and lows[i] in SOFT_ADVERBS:
        i += 1
    words: list[Token] = []
    while i < len(tokens) and lows[i].endswith("ly") and len(lows[i]) > 4:
        words.append(tokens[i])
        i += 1
    if i < len(tokens) and tokens[i].is_word and is_participle(lows[i]):
        words.append(tokens[i])
        i += 1
        if i < len(tokens) and lows[i] in PARTICLES:
            words.append(tokens[i])  # "were handed out"
            i += 1
        extra = 0
        while (
            i < len(tokens)
            and extra < 2
            and tokens[i].is_word
            and not starts_period(index, tokens, i)
            and lows[i] not in PREPOSITIONS | CONJUNCTIONS | DETERMINERS | CLAUSE_WORDS
            and lows[i] not in AUXILIARIES
        ):
            words.append(tokens[i])
            i += 1
            extra += 1
        return words
    if active:
        return []
    # A complement: "are from a Minority Ethnic Background", "were amber".
    complement: list[Token] = []
    while i < len(tokens) and len(complement) < 5:
        token = tokens[i]
        if not token.is_word or starts_period(index, tokens, i):
            break
        if token.lower in CLAUSE_WORDS or token.lower in AUXILIARIES:
            break
        complement.append(token)
        i += 1
    while complement and complement[-1].lower in PREPOSITIONS | DETERMINERS | CONJUNCTIONS:
        complement.pop()
    return words + complement if complement else []


def ratio_phrase(tokens: list[Token]) -> list[Token]:
    """The comparison after "N times": "more likely to be stopped"."""
    words: list[Token] = []
    for token in tokens:
        if not token.is_word or len(words) == 7:
            break
        if token.lower in RATIO_PHRASE_STOP:
            break
        words.append(token)
    return words


def label_before(index: TextIndex, anchor: int, sentence: int) -> str:
    """The subject a value belongs to, read backwards from *anchor*: "crime recording
    accuracy" in "improving crime recording accuracy from 80% to 92%"."""
    tokens = index.tokens_before(anchor, sentence)
    i = len(tokens) - 1
    if i >= 0 and tokens[i].text == "(":
        i -= 1  # "the cost of the next stage (£132,000)"
    # Step back over the verb that joins a subject to its value ("has fallen by",
    # "slipped from"); any past-tense verb right before the value is such a verb.
    # A period there is stepped over too ("Arrests rose in May by 12%").
    while i >= 0 and (
        index.period_at(tokens[i].start)
        or (
            tokens[i].is_word and (tokens[i].lower in SKIP_BEFORE or is_participle(tokens[i].lower))
        )
        or (
            tokens[i].lower in PERIOD_PREPOSITIONS
            and i + 1 < len(tokens)
            and index.period_at(tokens[i + 1].start)
        )
        # a comma before the values' "from": "have fallen again, from 800 to 650"
        or (tokens[i].text == "," and _from_follows(index, tokens, i, anchor))
    ):
        i -= 1
    if i >= 0 and tokens[i].lower in CONJUNCTIONS:
        return ""  # "14% in May and 11% in June": the words before belong to the value before
    words: list[Token] = []
    while i >= 0 and len(words) < 10:
        token = tokens[i]
        # Digits may sit inside a subject ("crimes recorded within 24 hours") but a
        # period never does ("In 2019/20 rural victims were ...").
        inside_mask = token.text[0].isdigit() and index.is_masked(token.start, token.end)
        if index.period_at(token.start) or token.lower in STOP_BEFORE:
            break
        if not (token.is_word or inside_mask):
            break
        words.insert(0, token)
        i -= 1
    return strip_label_prefix(join_words(words))


def _from_follows(index: TextIndex, tokens: list[Token], i: int, anchor: int) -> bool:
    """Whether the values' "from" comes next after token ``i`` (a comma)."""
    if i + 1 < len(tokens):
        return tokens[i + 1].lower == "from"
    return index.text[anchor : anchor + 5].lower().startswith("from")


# -- words ----------------------------------------------------------------------------------


def is_participle(word: str) -> bool:
    if word in IRREGULAR_PARTICIPLES:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in NOT_PARTICIPLES


def is_dangling(words: list[Token]) -> bool:
    """Whether the last word of a phrase leaves it hanging ("farms near", "staff and"); a
    particle after a verb does not ("shops signed up")."""
    last = words[-1].lower
    if last in PARTICLES and len(words) > 1 and is_participle(words[-2].lower):
        return False
    return last in PREPOSITIONS or last in CONJUNCTIONS or last in DETERMINERS


def head_noun(phrase: list[Token]) -> list[Token]:
    """The counted noun of a phrase: "concerns" of "concerns raised"."""
    for j, token in enumerate(phrase):
        if j and (token.lower in PREPOSITIONS or is_participle(token.lower)):
            return phrase[:j]
    return phrase


def join_words(tokens: list[Token]) -> str:
    return " ".join(t.text.strip("’'-/") for t in tokens).strip()


def strip_label_prefix(label: str) -> str:
    """Drop leading articles, prepositions and "the number of": "Against a budget" -> "Budget"."""
    changed = True
    while changed and label:
        changed = False
        low = label.lower()
        first = low.split(" ", 1)[0]
        if (
            first in DETERMINERS or first in PREPOSITIONS or first in CONJUNCTIONS
        ) and " " in label:
            label, changed = label.split(" ", 1)[1], True
            continue
        for prefix in LABEL_PREFIXES:
            if low.startswith(prefix + " "):
                label, changed = label[len(prefix) + 1 :], True
                break
    return label


def capitalise(label: str) -> str:
    label = " ".join(label.split())
    return label[:1].upper() + label[1:] if label else label
