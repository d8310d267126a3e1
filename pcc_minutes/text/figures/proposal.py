"""What figure detection hands back: a figure proposed for a person to accept or reject.

This module owns :class:`ProposedFigure`, the one public result type of the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcc_minutes.core.records import Figure, FigurePoint


@dataclass(frozen=True)
class ProposedFigure:
    """A figure found in the text, proposed for the user to accept, edit or reject."""

    label: str
    unit: str
    points: tuple[FigurePoint, ...]
    target: float | None = None
    text: str = ""  # the sentence(s) it was read from, without bullets and emphasis
    start: int = 0
    end: int = 0

    def as_figure(self) -> Figure:
        """The record stored when the user accepts this proposal."""
        return Figure(self.label, self.unit, self.points, self.target, source=self.text)
