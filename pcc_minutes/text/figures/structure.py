"""The structure of one text, indexed once so that every question about it is cheap.

This module owns :class:`TextIndex`: the periods (dates, years, "this year"), the spans that
hold digits but are not figures (masked), the word tokens, the sentences and lines, and the
headings of lines ("Right to Ask:"). Each is found in one pass over the text and kept in
sorted lists, so that the questions the scanner asks for each value ("which period is
here?", "which sentence?", "the words after this value") are answered by bisection over
a bounded window, never by a scan of the whole text.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from pcc_minutes.text.figures.limits import MAX_SOURCE_CHARS, SOURCE_MARGIN, TOKEN_WINDOW
from pcc_minutes.text.figures.vocabulary import (
    ABBREVIATIONS,
    BULLET,
    DATE,
    HEADING,
    NOT_FIGURES,
    RELATIVE_PERIOD,
    SENTENCE_END,
    SPACES,
    TOKEN,
    YEARS,
)

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LETTERS_AND_DOTS = _LETTERS | {"."}
_NEXT_VISIBLE = re.compile(r"\s*+(\S)")
_THE = re.compile(r"(?i)^the\s+")
_SPACE = re.compile(r"\s")
CHUNK = 4096  # characters: see TextIndex._find_chunks


class Token(NamedTuple):
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


class Period(NamedTuple):
    start: int
    end: int
    text: str
    needs_preposition: bool  # a bare year needs "in"/"by"/"(...)" to belong to a value


def last_word(text: str, start: int, end: int) -> str | None:
    """The word (letters and inner dots: "e.g") that ends exactly at *end*, not reaching
    back before *start*; None if *text[end - 1]* is not part of one. Reads back only over
    the word itself."""
    pos = end
    while pos > start and text[pos - 1] in _LETTERS_AND_DOTS:
        pos -= 1
    while pos < end and text[pos] not in _LETTERS:
        pos += 1  # a word starts with a letter: "..e.g" is "e.g"
    return text[pos:end] if pos < end else None


class TextIndex:
    """One text with its periods, masks, tokens, sentences, lines and headings."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Same length as the text, so every offset found here is an offset in the input.
        work = text
        for space in SPACES:
            work = work.replace(space, " ")
        self.work = work
        self.periods = self._find_periods()
        self.period_starts = [p.start for p in self.periods]
        self.period_ends = [p.end for p in self.periods]
        self.masked = bytearray(len(text))
        for period in self.periods:
            self.masked[period.start : period.end] = b"\1" * (period.end - period.start)
        for pattern in NOT_FIGURES:
            for m in pattern.finditer(work):
                self.masked[m.start() : m.end()] = b"\1" * (m.end() - m.start())
        # Tokens are read per segment (a sentence's part within one chunk) when first asked
        # for, so a value in a sentence of 500,000 characters costs the tokens near it, not
        # the whole sentence's (see _find_chunks).
        self._segment_tokens: dict[tuple[int, int], tuple[list[Token], list[int]]] = {}
        self.chunk_starts = self._find_chunks()
        self.newlines = [m.start() for m in re.finditer("\n", work)]
        self.sentences, self.sentence_lines = self._find_sentences()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.headings = {
            self.line_of(m.start("label")): (m.group("label").strip(" *_"), m.end())
            for m in HEADING.finditer(work)
        }

    # -- building --------------------------------------------------------------------------

    def _find_periods(self) -> list[Period]:
        work = self.work
        found = [
            Period(m.start(), m.end(), m.group(), pattern is YEARS and m.group()[0].isdigit())
            for pattern in (DATE, YEARS, RELATIVE_PERIOD)
            for m in pattern.finditer(work)
            if not (pattern is YEARS and work[max(0, m.start() - 1) : m.start()] == "£")
        ]
        # Keep the longest of overlapping matches: "14 August 2025" over "2025".
        found.sort(key=lambda p: (p.start, -(p.end - p.start)))
        kept: list[Period] = []
        for period in found:
            if kept and period.start < kept[-1].end:
                continue
            text = _THE.sub("", " ".join(period.text.split()))
            kept.append(period._replace(text=text))
        return kept

    def _find_chunks(self) -> list[int]:
        """Where the text is cut for reading tokens: about every CHUNK characters, at a
        space. No token holds a space, so a chunk read on its own gives the tokens a reading
        of the whole would; only a run of more than CHUNK characters without one (no prose
        has that) is cut where it stands."""
        work = self.work
        starts = [0]
        pos = CHUNK
        while pos < len(work):
            space = _SPACE.search(work, pos, pos + CHUNK)
            cut = space.start() if space else pos
            starts.append(cut)
            pos = cut + CHUNK
        return starts

    def _find_sentences(self) -> tuple[list[tuple[int, int]], list[int]]:
        spans: list[tuple[int, int]] = []
        lines: list[int] = []
        offset = 0
        for number, line in enumerate(self.work.split("\n")):
            start = 0
            for m in SENTENCE_END.finditer(line):
                word = last_word(line, 0, m.start())
                if word and word.lower().rstrip(".") in ABBREVIATIONS:
                    continue
                following = _NEXT_VISIBLE.match(line, m.end())
                if following and following.group(1).islower():
                    continue
                spans.append((offset + start, offset + m.end()))
                lines.append(number)
                start = m.end()
            spans.append((offset + start, offset + len(line)))
            lines.append(number)
            offset += len(line) + 1
        work = self.work
        kept = [(s + len(work[s:e]) - len(work[s:e].lstrip()), e) for s, e in spans]
        pairs = [(span, line) for span, line in zip(kept, lines, strict=True) if span[0] < span[1]]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    # -- questions -------------------------------------------------------------------------

    def line_of(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos)

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def period_at(self, pos: int) -> Period | None:
        i = bisect.bisect_right(self.period_starts, pos) - 1
        if i >= 0 and pos < self.periods[i].end:
            return self.periods[i]
        return None

    def first_period_from(self, pos: int) -> Period | None:
        """The first period that starts at or after *pos*."""
        i = bisect.bisect_left(self.period_starts, pos)
        return self.periods[i] if i < len(self.periods) else None

    def last_period_before(self, pos: int) -> Period | None:
        """The last period that ends at or before *pos*."""
        i = bisect.bisect_right(self.period_ends, pos) - 1
        return self.periods[i] if i >= 0 else None

    def is_masked(self, start: int, end: int) -> bool:
        return self.masked.find(1, start, end) >= 0

    def segment_tokens(self, sentence: int, chunk: int) -> tuple[list[Token], list[int]]:
        """The tokens of a sentence within one chunk, and their starts; each segment is
        read once."""
        key = (sentence, chunk)
        cached = self._segment_tokens.get(key)
        if cached is None:
            start, end = self.sentences[sentence] if self.sentences else (0, 0)
            chunks = self.chunk_starts
            start = max(start, chunks[chunk])
            if chunk + 1 < len(chunks):
                end = min(end, chunks[chunk + 1])
            tokens = [
                Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(self.work, start, end)
            ]
            cached = self._segment_tokens[key] = (tokens, [t.start for t in tokens])
        return cached

    def _chunk_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.chunk_starts, pos) - 1)

    def tokens_after(self, pos: int, window: int = TOKEN_WINDOW) -> list[Token]:
        """Up to *window* tokens from *pos* to the end of its sentence, without Markdown
        emphasis; at most four times as many are looked at."""
        sentence = self.sentence_of(pos)
        _, end = self.sentences[sentence]
        found: list[Token] = []
        budget = 4 * window
        chunk = self._chunk_of(pos)
        chunks = self.chunk_starts
        while budget > 0 and len(found) < window and chunk < len(chunks) and chunks[chunk] < end:
            tokens, starts = self.segment_tokens(sentence, chunk)
            i = bisect.bisect_left(starts, pos)
            while i < len(tokens) and budget > 0 and len(found) < window:
                token = tokens[i]
                budget -= 1
                if token.end <= end and not token.is_markup:
                    found.append(token)
                i += 1
            chunk += 1
        return found

    def tokens_before(self, anchor: int, sentence: int, window: int = TOKEN_WINDOW) -> list[Token]:
        """Up to *window* tokens of *sentence* that end before *anchor*, without Markdown
        emphasis, in reading order; at most four times as many are looked at."""
        start, _ = self.sentences[sentence]
        found: list[Token] = []
        budget = 4 * window
        chunk = self._chunk_of(anchor)
        chunks = self.chunk_starts
        while budget > 0 and len(found) < window and chunk >= 0:
            if chunk + 1 < len(chunks) and chunks[chunk + 1] <= start:
                break  # the chunks before the sentence's start hold none of its tokens
            tokens, starts = self.segment_tokens(sentence, chunk)
            i = bisect.bisect_left(starts, anchor) - 1
            while i >= 0 and budget > 0 and len(found) < window:
                token = tokens[i]
                budget -= 1
                if token.end <= anchor and not token.is_markup:
                    found.append(token)
                i -= 1
            chunk -= 1
        found.reverse()
        return found

    def heading(self, line: int) -> tuple[str, int] | None:
        return self.headings.get(line)

    def sentence_text(self, first: int, last: int, start: int, end: int) -> str:
        """The sentences *first* to *last* for a figure spanning *start*-*end*, without
        bullets and emphasis; cut to at most MAX_SOURCE_CHARS around the figure's start if
        they are longer."""
        text_start, _ = self.sentences[first]
        _, text_end = self.sentences[last]
        if text_end - text_start > MAX_SOURCE_CHARS:
            text_start = max(text_start, start - SOURCE_MARGIN)
            text_end = min(text_end, end + SOURCE_MARGIN, text_start + MAX_SOURCE_CHARS)
        text = BULLET.sub("", self.text[text_start:text_end].strip())
        return text.replace("**", "").replace("__", "").strip()
