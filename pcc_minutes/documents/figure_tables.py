"""An item's figures as small tables, each placed right after the words it came from.

Published notes give their figures in prose, so the tables are printed only when asked for
(the export's figures option). A table has the columns Figure | Period | Value | Unit |
Target; a figure's own facts (label, unit, target) are written on its first row only and its
values one row each below, so that the values stay in one column and can be read down it.
A figure goes right after the paragraph or bullet whose text holds its source sentence
(``Figure.source``); the figures of one paragraph share one table. A figure whose sentence
is no longer in the notes (edited since, or typed into the form) goes at the item's end.
With the trends option, each figure's trend follows it (after its table, or, without the
tables, after its paragraph).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pcc_minutes.core.records import Figure
from pcc_minutes.documents.layout import metric_value
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    ItemSection,
    ListItem,
    Paragraph,
    Table,
    block_text,
    plain_text,
    spans,
)

HEADER = ("Figure", "Period", "Value", "Unit", "Target")
# The unit as a reader names it; the value beside it is written without it.
UNIT_NAMES = {"%": "%", "£": "£", "count": "number", "ratio": "times"}
_MARKUP = re.compile(r"[*_`\\]+")
_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*(?:[-*+·•]|\d+[.)])\s+", re.MULTILINE)
_PIECES = re.compile(r"(?<=[.!?;:])\s+|\n+")

# Where a figure goes: (block index, list item index or None); None: the item's end.
Anchor = tuple[int, int | None] | None


def figure_table(figures: list[Figure]) -> Table:
    """One table of ``figures``: a figure's label, unit and target on its first row only."""
    rows = [tuple(spans(h) for h in HEADER)]
    for figure in figures:
        unit = UNIT_NAMES.get(figure.unit, figure.unit)
        target = metric_value("", figure.target, None, False) if figure.target is not None else ""
        points = figure.points or ()
        if not points:
            rows.append((spans(figure.label), (), (), spans(unit), spans(target)))
        for number, point in enumerate(points):
            first = number == 0
            value = metric_value("", point.value, point.high, point.approx, point.bound)
            rows.append(
                (
                    spans(figure.label if first else ""),
                    spans(point.period),
                    spans(value),
                    spans(unit if first else ""),
                    spans(target if first else ""),
                )
            )
    return Table(tuple(rows), header=True)


def _normal(text: str) -> str:
    """Text as compared: no Markdown emphasis or bullet marks, one space, any case."""
    text = _BULLET.sub("", text)
    return _SPACE.sub(" ", _MARKUP.sub("", text)).strip().casefold()


def _places(blocks: list[Block]) -> list[tuple[tuple[int, int | None], str]]:
    """Every paragraph and top-level bullet (with its nested ones) and its words, in order."""
    found: list[tuple[tuple[int, int | None], str]] = []
    for index, block in enumerate(blocks):
        if isinstance(block, BulletList):
            for number, entry in enumerate(block.items):
                words = [plain_text(entry.content)] + [block_text(c) for c in entry.children]
                found.append(((index, number), _normal("\n".join(words))))
        elif isinstance(block, (Paragraph, Heading, Table)):
            found.append(((index, None), _normal(block_text(block))))
    return found


def anchor_of(source: str, places: list[tuple[tuple[int, int | None], str]]) -> Anchor:
    """The place whose words hold ``source`` (the whole sentence, else the last of its
    sentences that is found: a target stated in a sentence after the value), or None."""
    whole = _normal(source)
    if not whole:
        return None
    for place, words in places:
        if whole in words:
            return place
    pieces = [_normal(piece) for piece in _PIECES.split(source)]
    for piece in reversed([p for p in pieces if len(p) >= 12]):
        for place, words in places:
            if piece in words:
                return place
    return None


def _trend_of(figure: Figure, trends: list) -> object | None:
    if figure.indicator_id is None:
        return None
    return next((t for t in trends if t.indicator.id == figure.indicator_id), None)


def _after(figures: list[Figure], trends: list, tables: bool) -> list[Block]:
    """What follows one place: the table of its figures, then each one's trend."""
    from pcc_minutes.documents.trends import trend_blocks  # it builds on layout

    out: list[Block] = [figure_table(figures)] if tables else []
    for figure in figures:
        trend = _trend_of(figure, trends)
        if trend is not None:
            out.extend(trend_blocks(trend))
    return out


def placed_blocks(item: ItemSection, tables: bool) -> list[Block]:
    """The item's notes with its figure tables (when ``tables``) and trends placed in them."""
    if not (item.figures and tables) and not item.trends:
        return list(item.blocks)
    places = _places(item.blocks)
    at: dict[Anchor, list[Figure]] = {}
    for figure in item.figures:
        at.setdefault(anchor_of(figure.source, places), []).append(figure)
    placed_trends = {id(_trend_of(f, item.trends)) for f in item.figures}
    out: list[Block] = []
    for index, block in enumerate(item.blocks):
        if not isinstance(block, BulletList):
            out.append(block)
            if (index, None) in at:
                out.extend(_after(at[(index, None)], item.trends, tables))
            continue
        run: list[ListItem] = []
        start = block.start
        for number, entry in enumerate(block.items):
            run.append(entry)
            if (index, number) in at:
                out.append(replace(block, items=tuple(run), start=start))
                out.extend(_after(at[(index, number)], item.trends, tables))
                start += len(run)
                run = []
        if run:
            out.append(replace(block, items=tuple(run), start=start))
    if None in at:
        out.extend(_after(at[None], item.trends, tables))
    # Trends whose figure is not among the item's (it is kept elsewhere): at the end.
    from pcc_minutes.documents.trends import trend_blocks

    for trend in item.trends:
        if id(trend) not in placed_trends:
            out.extend(trend_blocks(trend))
    return out
