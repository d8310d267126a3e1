"""A small line chart of one figure across meetings, as pure geometry.

``line_chart`` lays out the axes, the points, their labels and the target line once, in
points (1/72 inch) with the origin at the bottom left; the PDF writer draws the result as
vector drawing and the Word writer rasterises the same picture to a PNG. Nothing here knows
a drawing library.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

Colour = tuple[int, int, int]

INK: Colour = (33, 33, 33)
GRID: Colour = (205, 205, 205)
LINE: Colour = (31, 86, 150)
TARGET: Colour = (176, 58, 46)

WIDTH = 360.0
HEIGHT = 170.0
FONT_SIZE = 9.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 54.0, 30.0, 16.0, 30.0
_PERIOD_WIDTH = 44.0  # room one period label needs ("Sep 2025"), in points
_VALUE_WIDTH = 34.0  # and one value label ("12,500")

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


@dataclass(frozen=True)
class Stroke:
    """A polyline (two points for a straight line)."""

    points: tuple[tuple[float, float], ...]
    width: float
    colour: Colour
    dashed: bool = False


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    radius: float
    colour: Colour


@dataclass(frozen=True)
class Label:
    """Text whose baseline starts (``anchor`` "start"), is centred ("middle") or ends ("end")
    at ``x``, ``y``."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    size: float = FONT_SIZE
    bold: bool = False
    colour: Colour = INK


@dataclass(frozen=True)
class ChartPicture:
    width: float
    height: float
    strokes: tuple[Stroke, ...]
    dots: tuple[Dot, ...]
    labels: tuple[Label, ...]


def short_period(period: str) -> str:
    """ "September 2025" → "Sep 2025": a period label that fits under its point."""
    return _MONTH.sub(lambda m: m.group(1)[:3], period)


def nice_step(span: float, steps: int = 4) -> float:
    """A round tick interval (1, 2, 2.5 or 5 times a power of ten) giving about ``steps``."""
    if span <= 0:
        return 1.0
    raw = span / steps
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def value_range(values: list[float]) -> tuple[float, float, float]:
    """(bottom, top, step) of the value axis: from zero when the values are positive and vary
    by a quarter or more (drawn from zero a change is not exaggerated), else around the
    values, so that 88% against 91% still shows (the axis labels say where it starts)."""
    low, high = min(values), max(values)
    if low >= 0 and (high == low or high - low >= 0.25 * high):
        low = 0.0
    else:  # around the values: the lowest point well above the axis, room for its label
        low -= 0.2 * (high - low)
    if high == low:
        high = low + (abs(low) or 1.0)
    step = nice_step(high - low)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    if top - high < 0.15 * (top - bottom):  # room above the highest point for its label
        top += step
    return bottom, top, step


def line_chart(
    values: list[float],
    periods: list[str],
    *,
    label_of,
    target: float | None = None,
    target_text: str = "",
    unit_text: str = "",
    width: float = WIDTH,
    height: float = HEIGHT,
) -> ChartPicture:
    """The chart of ``values`` (in time order) over ``periods``; ``label_of(value)`` formats
    a value as the minutes print it."""
    if len(values) != len(periods) or not values:
        raise ValueError("a chart needs one period per value, and at least one value")
    shown = values + ([target] if target is not None else [])
    bottom, top, step = value_range(shown)
    left, right = _LEFT, width - _RIGHT
    low, high = _BOTTOM, height - _TOP

    def y_of(value: float) -> float:
        return low + (value - bottom) / (top - bottom) * (high - low)

    count = len(values)
    if count == 1:
        xs = [(left + right) / 2]
    else:
        inset = 24.0
        xs = [left + inset + i * (right - left - 2 * inset) / (count - 1) for i in range(count)]

    strokes: list[Stroke] = []
    labels: list[Label] = []
    ticks = round((top - bottom) / step)
    for index in range(ticks + 1):
        value = bottom + index * step
        y = y_of(value)
        strokes.append(Stroke(((left, y), (right, y)), 0.5, GRID))
        labels.append(Label(left - 5, y - FONT_SIZE * 0.35, label_of(value), "end"))
    strokes.append(Stroke(((left, low), (left, high)), 0.75, INK))
    strokes.append(Stroke(((left, low), (right, low)), 0.75, INK))
    if unit_text:
        labels.append(Label(left, height - FONT_SIZE, unit_text, "start"))
    if target is not None:
        y = y_of(target)
        strokes.append(Stroke(((left, y), (right, y)), 1.0, TARGET, dashed=True))
        # At the left, on the side of the line away from the first point, so they never meet.
        below = values[0] >= target and y - FONT_SIZE - 3 > low
        text_y = y - FONT_SIZE - 2 if below else y + 3
        text = target_text or f"Target {label_of(target)}"
        labels.append(Label(left + 4, text_y, text, "start", colour=TARGET))
    points = tuple((x, y_of(v)) for x, v in zip(xs, values, strict=True))
    if count > 1:
        strokes.append(Stroke(points, 1.75, LINE))
    dots = tuple(Dot(x, y, 2.75, LINE) for x, y in points)
    # Every label while they fit; with many points every n-th period, and the values of the
    # first, last, highest and lowest points only (the table beside the chart has them all).
    room = (right - left) / count
    every = max(1, math.ceil(_PERIOD_WIDTH / room))
    if room >= _VALUE_WIDTH:
        valued = set(range(count))
    else:  # the last first: the one the meeting is about; none crowding a chosen one
        valued = set()
        for index in (count - 1, 0, values.index(max(values)), values.index(min(values))):
            if all(abs(points[index][0] - points[i][0]) >= _VALUE_WIDTH for i in valued):
                valued.add(index)
    for index, ((x, y), value, period) in enumerate(zip(points, values, periods, strict=True)):
        if (count - 1 - index) % every == 0:  # counted from the last, which is always named
            labels.append(Label(x, low - FONT_SIZE - 4, short_period(period), "middle"))
        if index in valued:
            text = label_of(value)
            if index == count - 1 and count > 1:  # to the right of the end of the line
                labels.append(Label(x + 6, y - FONT_SIZE * 0.35, text, "start", bold=True))
                continue
            # Below a dip (both neighbours higher), above anything else: clear of the line.
            dip = 0 < index < count - 1 and values[index - 1] > value < values[index + 1]
            dip = dip and y - 6 - FONT_SIZE > low + 2  # …when it clears the axis
            label_y = y - 6 - FONT_SIZE if dip else y + 6
            labels.append(Label(x, label_y, text, "middle", bold=True))
    return ChartPicture(width, height, tuple(strokes), dots, tuple(labels))
