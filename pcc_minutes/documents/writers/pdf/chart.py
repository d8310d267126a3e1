"""A chart (``documents.chart``) in the PDF: vector drawing, tagged as one ``Figure``.

The chart's lines, dots and labels are drawn as one marked-content sequence belonging to a
``Figure`` structure element whose ``/Alt`` is the chart's sentence, with a bounding box; a
screen reader reads the sentence, and the table above the chart carries the exact numbers.
The chart is kept whole on one page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from pcc_minutes.documents.chart import ChartPicture
from pcc_minutes.documents.tree import Chart
from pcc_minutes.documents.writers.pdf.fonts import FONT, FONT_BOLD, register_fonts
from pcc_minutes.documents.writers.pdf.styles import FRAME_WIDTH
from pcc_minutes.documents.writers.pdf.tagging import Element, Marks


def _rgb(colour: tuple[int, int, int]) -> tuple[float, float, float]:
    return tuple(part / 255 for part in colour)  # type: ignore[return-value]


class ChartFlowable(Flowable):
    """The chart at its own size (narrowed to fit the frame), tagged ``Figure``."""

    def __init__(self, picture: ChartPicture, marks: Marks, available: float) -> None:
        super().__init__()
        self.picture = picture
        self.marks = marks
        self.scale = min(1.0, available / picture.width)
        self.width = picture.width * self.scale
        self.height = picture.height * self.scale
        self.hAlign = "LEFT"
        self.spaceBefore = 2
        self.spaceAfter = 10

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        register_fonts()
        left, bottom = canvas.absolutePosition(0, 0)
        self.marks.owner.attributes = {
            "O": "Layout",
            "BBox": [left, bottom, left + self.width, bottom + self.height],
        }
        canvas.begin_content(self.marks)
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for stroke in self.picture.strokes:
            canvas.setStrokeColorRGB(*_rgb(stroke.colour))
            canvas.setLineWidth(stroke.width)
            canvas.setDash([4, 3] if stroke.dashed else [])
            path = canvas.beginPath()
            (x, y), *rest = stroke.points
            path.moveTo(x, y)
            for x, y in rest:
                path.lineTo(x, y)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash([])
        canvas.setStrokeColorRGB(1, 1, 1)
        canvas.setLineWidth(0.75)
        for dot in self.picture.dots:
            canvas.setFillColorRGB(*_rgb(dot.colour))
            canvas.circle(dot.x, dot.y, dot.radius, stroke=1, fill=1)
        for label in self.picture.labels:
            canvas.setFillColorRGB(*_rgb(label.colour))
            canvas.setFont(FONT_BOLD if label.bold else FONT, label.size)
            if label.anchor == "end":
                canvas.drawRightString(label.x, label.y, label.text)
            elif label.anchor == "middle":
                canvas.drawCentredString(label.x, label.y, label.text)
            else:
                canvas.drawString(label.x, label.y, label.text)
        canvas.restoreState()
        canvas.end_marked()


def chart_flowables(block: Chart, parent: Element, indent: float) -> list[Flowable]:
    """The flowable of ``block`` and its ``Figure`` element under ``parent``."""
    element = parent.add("Figure", alt=block.alt)
    flowable = ChartFlowable(block.picture, element.content(), FRAME_WIDTH - indent)
    if indent:
        from pcc_minutes.documents.writers.pdf.flowables import Indent

        return [Indent(flowable, indent)]
    return [flowable]
