"""The style sheet and the numbering definitions: what a paragraph's style and list id mean.

``Styles`` answers, through the ``basedOn`` chain, whether a style makes text bold or italic,
whether it is the Title or a heading level, and whether the style itself numbers paragraphs.
``Numbering`` answers what a list id and level print (a bullet, a number, nothing) and where
counting starts, with ``w:lvlOverride`` applied and list styles (``w:numStyleLink``) followed
to their real definition. Both accept a missing part (``None``) and then know nothing, since
many generated documents ship without numbering and some without styles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pcc_minutes.documents.readers.docx.ooxml import VAL, on, to_int, w


@dataclass
class _Style:
    name: str
    based_on: str | None
    ppr: object | None
    rpr: object | None


class Styles:
    """The style sheet, looked up by id with inheritance through ``basedOn``."""

    def __init__(self, element) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.defaults_rpr = None
        if element is None:
            return
        defaults = element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.defaults_rpr = defaults
        for style in element.iter(w("style")):
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            name_el = style.find(w("name"))
            based = style.find(w("basedOn"))
            self.by_id[style_id] = _Style(
                name=(name_el.get(VAL, "") if name_el is not None else "").strip().lower(),
                based_on=based.get(VAL) if based is not None else None,
                ppr=style.find(w("pPr")),
                rpr=style.find(w("rPr")),
            )
            if style.get(w("type")) == "paragraph" and _on_default(style):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        """The style and those it is based on, nearest first; a loop in the chain stops it."""
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style_id, style
            style_id = style.based_on

    def run_property(self, style_id: str | None, tag: str) -> bool | None:
        for _, style in self.chain(style_id):
            if style.rpr is not None:
                found = style.rpr.find(w(tag))
                if found is not None:
                    return on(found)
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        """0 for the Title style, 1–9 for headings, None for body text."""
        for _, style in self.chain(style_id):
            if style.name == "title":
                return 0
            named = re.fullmatch(r"heading\s*(\d)", style.name)
            if named:
                return int(named.group(1))
            if style.ppr is not None:
                outline = style.ppr.find(w("outlineLvl"))
                if outline is not None:
                    level = to_int(outline.get(VAL), 9)
                    return level + 1 if level < 9 else None
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int | None, str] | None:
        """(numId, ilvl, owning style id) when the paragraph style itself numbers paragraphs."""
        for owner, style in self.chain(style_id):
            if style.ppr is None:
                continue
            num_pr = style.ppr.find(w("numPr"))
            if num_pr is not None:
                num_id = num_pr.find(w("numId"))
                ilvl = num_pr.find(w("ilvl"))
                if num_id is None:
                    return None
                level = to_int(ilvl.get(VAL), 0) if ilvl is not None else None
                return num_id.get(VAL, "0"), level, owner
        return None

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else ""


def _on_default(style) -> bool:
    return style.get(w("default")) in ("1", "true", "on")


@dataclass
class Level:
    """One list level as defined: its number format ("bullet", "decimal", "none" …) and start.

    Mutable on purpose: ``_level`` fills it in from a ``w:lvl`` and an override adjusts it
    while the numbering part is read; nothing outside ``Numbering`` changes one afterwards.
    """

    fmt: str = "bullet"
    start: int = 1
    style: str | None = None


class Numbering:
    """numId → its levels' number formats and start values, overrides applied."""

    def __init__(self, element, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, Level]]] = {}
        self.styles = styles
        if element is None:
            return
        for abstract in element.iter(w("abstractNum")):
            levels = {}
            for lvl in abstract.findall(w("lvl")):
                levels[to_int(lvl.get(w("ilvl")), 0)] = _level(lvl, Level())
            abstract_id = abstract.get(w("abstractNumId"), "")
            self.abstract[abstract_id] = levels
            link = abstract.find(w("numStyleLink"))
            if link is not None:
                self.style_links[abstract_id] = link.get(VAL, "")
        for num in element.iter(w("num")):
            abstract_el = num.find(w("abstractNumId"))
            abstract_id = abstract_el.get(VAL, "") if abstract_el is not None else ""
            overrides: dict[int, Level] = {}
            for override in num.findall(w("lvlOverride")):
                ilvl = to_int(override.get(w("ilvl")), 0)
                start = override.find(w("startOverride"))
                lvl = override.find(w("lvl"))
                # An empty fmt and a start of -1 mean "as the abstract level says".
                level = _level(lvl, Level(fmt="")) if lvl is not None else Level(fmt="")
                if start is not None:
                    level.start = to_int(start.get(VAL), 1)
                else:
                    level.start = level.start if lvl is not None else -1
                overrides[ilvl] = level
            self.nums[num.get(w("numId"), "")] = (abstract_id, overrides)

    def _levels(self, num_id: str, depth: int = 0) -> dict[int, Level]:
        abstract_id, _ = self.nums.get(num_id, ("", {}))
        levels = self.abstract.get(abstract_id, {})
        linked = self.style_links.get(abstract_id)
        if linked and depth < 3:
            # A list style: the real definition sits behind the style's own numbering.
            found = self.styles.numbering(linked)
            if found and found[0] != num_id:
                return self._levels(found[0], depth + 1)
        return levels

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """The level's definition, or None when the numbering is not defined at all."""
        if num_id not in self.nums:
            return None
        base = self._levels(num_id).get(ilvl, Level())
        override = self.nums[num_id][1].get(ilvl)
        if override is None:
            return base
        return Level(
            fmt=override.fmt or base.fmt,
            start=override.start if override.start >= 0 else base.start,
            style=base.style,
        )

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level of ``num_id`` that a paragraph style is linked to (``w:pStyle``), if any."""
        for ilvl, level in self._levels(num_id).items():
            if level.style == style_id:
                return ilvl
        return None


def _level(lvl, level: Level) -> Level:
    fmt = lvl.find(w("numFmt"))
    start = lvl.find(w("start"))
    style = lvl.find(w("pStyle"))
    if fmt is not None:
        level.fmt = fmt.get(VAL, "bullet")
    if start is not None:
        level.start = to_int(start.get(VAL), 1)
    if style is not None:
        level.style = style.get(VAL)
    return level
