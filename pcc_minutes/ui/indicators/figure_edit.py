"""Editing a stored figure in the window: label, unit, its values (with periods, approx
and ranges), target and direction, stored through ``ops.update_figure`` (undoable)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.formatting import format_number
from pcc_minutes.core.records import BOUND_WORDS, UNITS, Figure, FigurePoint
from pcc_minutes.text.capture import TYPED_BOUND, TYPED_BOUNDS

_NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
_VALUE = re.compile(rf"(?i)^(?:({TYPED_BOUND})\s*|(~)\s*)?({_NUMBER})(?:\s*[–-]\s*({_NUMBER}))?$")
DIRECTIONS = (("Unknown", None), ("Higher is better", True), ("Lower is better", False))


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def points_text(points: tuple[FigurePoint, ...]) -> str:
    """ "August 2025: 1,200; September 2025: ~800": what the values field shows."""
    parts = []
    for point in points:
        value = ("~" if point.approx else "") + format_number(point.value)
        if point.high is not None:
            value += f"–{format_number(point.high)}"
        if point.bound in BOUND_WORDS:
            value = f"{BOUND_WORDS[point.bound]} {value}"  # "over 200"
        parts.append(f"{point.period}: {value}" if point.period else value)
    return "; ".join(parts)


def parse_points(text: str) -> tuple[FigurePoint, ...]:
    """The values field read back; one clear sentence when a value is not a number."""
    points = []
    for part in re.split(r"[;\n]", text):
        part = part.strip()
        if not part:
            continue
        period, _, value = part.rpartition(":")
        found = _VALUE.match(value.strip().lstrip("£").rstrip("%").strip())
        if found is None:
            raise UserInputError(
                f"“{part}” is not a value; write values as “period: 1,200”, “~800”, "
                "“over 200” or “5–6”, separated by semicolons."
            )
        bound, approx, low, high = found.groups()
        points.append(
            FigurePoint(
                period=period.strip(),
                value=_number(low),
                approx=bool(approx),
                high=_number(high) if high else None,
                bound=TYPED_BOUNDS.get(" ".join((bound or "").lower().split()), ""),
            )
        )
    if not points:
        raise UserInputError("A figure needs at least one value; type one in the values field.")
    return tuple(points)


class FigureEditDialog(QDialog):
    """The form; ``figure()`` gives the edited record (raises UserInputError when invalid)."""

    def __init__(self, figure: Figure, parent: QWidget | None = None):
        super().__init__(parent)
        self.original = figure
        self.setWindowTitle(f"Edit figure — {figure.label}")
        self.label = QLineEdit(figure.label)
        self.unit = QComboBox()
        self.unit.addItems(UNITS)
        if figure.unit in UNITS:
            self.unit.setCurrentIndex(UNITS.index(figure.unit))
        self.values = QLineEdit(points_text(figure.points))
        self.values.setAccessibleDescription(
            "Values separated by semicolons, each “period: value”; ~ for approximately, "
            "5–6 for a range."
        )
        self.target = QLineEdit("" if figure.target is None else format_number(figure.target))
        self.direction = QComboBox()
        for words, _ in DIRECTIONS:
            self.direction.addItem(words)
        self.direction.setCurrentIndex(
            [value for _, value in DIRECTIONS].index(figure.higher_is_better)
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        form = QFormLayout()
        form.addRow("&Label:", self.label)
        form.addRow("&Unit:", self.unit)
        form.addRow("&Values:", self.values)
        form.addRow("&Target:", self.target)
        form.addRow("&Direction:", self.direction)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def figure(self) -> Figure:
        label = self.label.text().strip()
        if not label:
            raise UserInputError("A figure needs a label; type one in the label field.")
        target_text = self.target.text().strip().lstrip("£").rstrip("%").strip()
        try:
            target = _number(target_text) if target_text else None
        except ValueError:
            raise UserInputError(
                f"The target “{self.target.text()}” is not a number; type a number or leave it "
                "empty."
            ) from None
        return Figure(
            label=label,
            unit=self.unit.currentText(),
            points=parse_points(self.values.text()),
            target=target,
            higher_is_better=DIRECTIONS[self.direction.currentIndex()][1],
            source=self.original.source,
            id=self.original.id,
            indicator_id=self.original.indicator_id,
        )

    def _try_accept(self) -> None:
        try:
            self.figure()
        except UserInputError as problem:
            self.problem.setText(str(problem))
            return
        self.accept()
