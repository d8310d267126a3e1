"""Reading the value of a number as it is written.

This module owns *values*: the number in digits or words ("1,200", "twenty-five", "a
dozen", "twice") and its scale ("£1m", "3 billion"). A number too large for a float
("9" written 400 times, or "£" and 320 nines) reads as infinite; :func:`value_of` returns
None for it, and the scanner drops it, so no figure ever holds a value that is not finite.
"""

from __future__ import annotations

import math
import re

from pcc_minutes.text.figures.vocabulary import ONES, SCALES, TENS

_WORD_PARTS = re.compile(r"[-\s]+")


def number(text: str) -> float:
    """The value of a number in digits or words; infinite if it is too large."""
    text = text.lower()
    if text[0].isdigit():
        return float(text.replace(",", ""))
    if text.endswith("dozen"):
        return 12.0
    if text == "twice":
        return 2.0
    parts = _WORD_PARTS.split(text)
    return float(sum(TENS.get(p, ONES.get(p, 0)) for p in parts))


def scale(text: str | None) -> float:
    """The multiplier of a scale word ("m", "bn", "thousand"); 1 without one."""
    return SCALES.get(text.strip().lower(), 1.0) if text else 1.0


def value_of(text: str, scale_text: str | None) -> float | None:
    """The value of a number with its scale, or None if it is not finite."""
    value = number(text) * scale(scale_text)
    return value if math.isfinite(value) else None
