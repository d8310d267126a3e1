"""Find the figures in an agenda item's notes and propose them as structured data.

This package owns *figure detection*: reading the plain text of one agenda item's notes and
proposing the numbers in it (percentages, counts, ratios and sums of money) as
:class:`ProposedFigure` objects that a person can accept, edit or reject. It knows nothing
about storage or the user interface and uses only the standard library and
``pcc_minutes.core``. This module holds the entry point, :func:`detect_figures`.

It works in three passes, each in its own module (``vocabulary`` holds the word lists and
patterns they share, ``numbers`` reads values, ``labels`` reads labels, ``targets`` matches
a target to its measure, ``measures`` says which counts are worth proposing):

1. **Masking** (``structure``). Spans that hold digits but are not figures are found
   first: dates and years (kept as *periods* for the figures near them), clock times
   ("10:30-11.30"), "24/7", durations ("within 24 hours"), measurements, addresses, phone
   numbers and the phone lines 999/101/111 named as lines, postcodes, clause and minute
   numbers ("3.1", "579. APOLOGIES"). Item and risk numbers ("Item 3"), names ("Tranche 2"),
   scopes ("all 10"), selections ("the last 3 posts"), the base of a rate ("per 1,000"), the
   M of "N out of M", "999 and 101" and ordinals ("14th") are turned away as each number is
   read.
2. **Mentions** (``scanner``). Each remaining number is read with its unit, a word of
   approximation ("around", "nearly", "~") or a bound ("over", "under", "at least", "up to",
   "200+"), a range ("92–93%") and a scale ("£1m"). Then it
   gets a period and a label from the words around it: the noun it counts ("7 officers"),
   what is said of it ("10 were breached"), its subject ("crime recording accuracy from
   80%") or the heading of its line ("Right to Ask: 76 (2023) → ...").
3. **Assembly** (``assemble``). Mentions that belong together become one figure: a change
   ("from 80% to 92%"), a series ("76 (2023) → 334 (2024)"), a continuation ("6.8 times in
   2018/19 … 4.3 times by 2024") and a target ("The target is to reach 8%"). A target is
   attached to the figure it qualifies (in its sentence or the next, across a line break
   too, unless it names another measure) and is not proposed on its own. Counts that are
   not measures are left out (``measures``).

Decisions worth knowing:

- A *share* ("93% were graded green and 6% were amber") becomes one figure per category,
  labelled by its category. ``FigurePoint.period`` is kept for time only.
- A number that sets a scope ("across all 10 districts") describes the reach of a
  commitment, not a measurement, so it is not proposed.
- Durations ("within 24 hours", "2 years", "in six months") and frequencies ("met three
  times") are not proposed; a change in a time is ("48 seconds slower than last year").
  A change with no dates gets the periods "before" and "after".
- A bound ("over 200") is kept as such (``FigurePoint.bound``), not as an approximation;
  "nearly" and "almost" are approximations, since they state no limit.
- The value a figure is compared with ("below the group average of 71.9") is context in its
  text, not a second figure. A rate ("60.3 crimes per 1,000 population") is one count with
  its base in the label.
- A plain four-digit number from 1900 to 2099 is a year. Write "2,000 officers" for a count.
- A count in words ("two staff", "a dozen volunteers") is prose, not a figure; number words
  still make percentages and ratios ("twenty per cent", "three times more likely").
- A bracketed sum "(£17,000)" is negative only when it stands alone, like a table cell.
- A target with no measured value to attach to becomes a figure with no points.
- A number too large to be finite ("9" written 400 times) is not a figure.
- Detection is linear in the length of the text and bounded: it reads at most
  ``limits.MAX_CHARS`` characters and ``limits.MAX_MENTIONS`` values, so that it stays well
  under a second on any input (see ``limits``).
"""

from __future__ import annotations

from pcc_minutes.core.records import UNITS, FigurePoint
from pcc_minutes.text.figures.assemble import assemble
from pcc_minutes.text.figures.limits import MAX_CHARS
from pcc_minutes.text.figures.proposal import ProposedFigure
from pcc_minutes.text.figures.scanner import find_mentions
from pcc_minutes.text.figures.structure import TextIndex

__all__ = ["UNITS", "FigurePoint", "ProposedFigure", "detect_figures"]


def detect_figures(text: str) -> list[ProposedFigure]:
    """Propose the figures in *text* (one agenda item's notes), in order of appearance.

    Only the first MAX_CHARS characters are read, up to the last line break (or space)
    before the limit; offsets in the results are offsets in *text*."""
    index = TextIndex(_readable_part(text))
    return assemble(index, find_mentions(index))


def _readable_part(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_CHARS)
    if cut <= 0:
        cut = max(text.rfind(" ", 0, MAX_CHARS), text.rfind("\t", 0, MAX_CHARS))
    return text[: cut if cut > 0 else MAX_CHARS]
