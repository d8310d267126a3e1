"""How much figure detection reads, so that no text can keep it busy for long.

This module owns the *bounds*. Detection runs while a meeting is being minuted, on every
pause in typing, so it must stay fast whatever is pasted in. Every step is linear in the
length of the text, and these limits cap that length and the work done around each value:

- Only the first :data:`MAX_CHARS` characters are read, cut at the last line break before
  the limit (or the last space, if there is none), so no sentence is read in half. Figures
  further on are not proposed. A long agenda item is a few thousand characters; the limit
  is hundreds of times that.
- After :data:`MAX_MENTIONS` values the rest of the text is not read either; the sentence
  holding the last value is read to its end (up to 200 values more), so that a change or
  a series is not cut in two. A note of 500,000 characters holds about 1,200 values.
- After :data:`MAX_NUMBERS` numbers read, figures or not (a note of 500,000 characters
  holds about 3,000), the rest of the text is not read: a long run of "1-1-1-..." is
  thousands of numbers that are all turned away.
- The words read for a value's label stop :data:`TOKEN_WINDOW` words either side of it,
  within its sentence. A label is at most a dozen words; only an unbroken run of dozens of
  adverbs or an aside of dozens of words between a value and its verb reads differently.
- A figure's source text is its sentence(s); one longer than :data:`MAX_SOURCE_CHARS`
  (text with no full stops or line breaks) is cut to at most that many characters,
  from :data:`SOURCE_MARGIN` before the figure.
"""

from __future__ import annotations

MAX_CHARS = 600_000
MAX_MENTIONS = 3_000
MAX_NUMBERS = 10_000
TOKEN_WINDOW = 64
MAX_SOURCE_CHARS = 1_000
SOURCE_MARGIN = 300  # characters kept either side of a figure cut from a long sentence
