"""How much figure detection reads, so that no text can keep it busy for long.

This module owns the *bounds*. Detection runs while a meeting is being minuted, on every
pause in typing, so it must stay fast whatever is pasted in. Every step is linear in the
length of the text, and these limits cap that length and the work done around each value:

- Only the first :data:`MAX_CHARS` characters are read, cut at the last line break before
  the limit (or the last space, if there is none), so no sentence is read in half. Figures
  further on are not proposed. A long agenda item is a few thousand characters; the limit
  is some thirty times that (fifteen thousand words). Each pass over the text costs time
  in proportion to its length whatever it holds (a run of "1-1-1-...", "twenty twenty
  ...", or plain prose), about a second for each 150,000 characters on a slow laptop,
  so this limit is what keeps detection under a second.
- After :data:`MAX_MENTIONS` values the rest of the text is not read either; the sentence
  holding the last value is read to its end (up to 200 values more), so that a change or
  a series is not cut in two. A note of 100,000 characters holds about 250 values.
- After :data:`MAX_NUMBERS` numbers read, figures or not (a note of 100,000 characters
  holds about 600), the rest of the text is not read: a long run of "1-1-1-..." is
  thousands of numbers that are all turned away.
- Tokens (the words read for labels) are read in chunks of about 4,000 characters, at a
  space, and only around the values asked about: a value in a sentence of 100,000
  characters without a full stop costs the tokens near it, not the whole sentence's.
- The words read for a value's label stop :data:`TOKEN_WINDOW` words either side of it,
  within its sentence. A label is at most a dozen words; only an unbroken run of dozens of
  adverbs or an aside of dozens of words between a value and its verb reads differently.
- A figure's source text is its sentence(s); one longer than :data:`MAX_SOURCE_CHARS`
  (text with no full stops or line breaks) is cut to at most that many characters,
  from :data:`SOURCE_MARGIN` before the figure.
"""

from __future__ import annotations

MAX_CHARS = 100_000
MAX_MENTIONS = 3_000
MAX_NUMBERS = 10_000
TOKEN_WINDOW = 64
MAX_SOURCE_CHARS = 1_000
SOURCE_MARGIN = 300  # characters kept either side of a figure cut from a long sentence
