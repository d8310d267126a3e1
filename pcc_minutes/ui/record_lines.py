"""One compact line of text for a figure or an action, as the side panel lists them."""

from __future__ import annotations

from pcc_minutes.core.records import Action, FigurePoint
from pcc_minutes.documents.layout import format_date, metric_value

# Periods the figure detector gives a change with no dates; they say nothing in a short row.
_PLACEHOLDER_PERIODS = frozenset({"", "before", "after"})


def figure_values(unit: str, points: tuple[FigurePoint, ...], *, periods: bool = True) -> str:
    """ "80% → approx. 92–93%", "over 200", with "(2024)" after a value when its period says
    something."""
    shown = []
    for point in points:
        text = metric_value(unit, point.value, point.high, point.approx, point.bound)
        if periods and point.period not in _PLACEHOLDER_PERIODS:
            text += f" ({point.period})"
        shown.append(text)
    return " → ".join(shown)


def figure_summary(
    label: str, unit: str, points: tuple[FigurePoint, ...], target: float | None
) -> str:
    """One compact line for a figure: label, values with periods, target."""
    text = label
    values = figure_values(unit, points)
    if values:
        text += f": {values}"
    if target is not None:
        text += f" · target {metric_value(unit, target, None, False)}"
    return text


def action_summary(action: Action) -> str:
    """One compact line for an action: text, owner, due date, and its status if not open."""
    extras = [action.owner] if action.owner else []
    if action.due:
        extras.append(f"due {format_date(action.due)}")
    if action.status == "dropped":
        extras.append("dropped")
    return action.text + (f" — {', '.join(extras)}" if extras else "")
