"""The minutes' tables: a grid of one-paragraph cells, laid out by reportlab's rules.

Every table of the minutes (figures, actions, registers, tables in the notes) is the same
kind of grid: fixed column widths, one paragraph per cell set at its top left, the same
padding, a 0.5 pt grid, a shaded header row repeated on each page. ``GridTable`` sizes and
draws that grid itself, with reportlab's arithmetic (row heights, longTableOptimize's early
stop, the compensated sum of row positions) and the operators reportlab's ``Table`` writes
for it, in the same order, without the general machinery (per-cell styles and style
commands, spans, line commands, a callback for each cell) that took most of the time a table
took to build, size and draw.

A table that must be split across pages becomes reportlab's own table (``reportlab_table``,
built from the same cells, widths and style) at that moment, which splits it: reportlab
draws the parts of a split grid in its own way (the rules at the cut drawn as separate
lines), and that is kept as it was. ``MinutesTable`` is reportlab's table with the short
path for drawing a cell holding one paragraph.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

from pcc_minutes.documents.writers.pdf.flowables import table_furniture
from pcc_minutes.documents.writers.pdf.fonts import FONT
from pcc_minutes.documents.writers.pdf.plain_text import PlainText
from pcc_minutes.documents.writers.pdf.styles import HEADER_FILL, RULE_INK

# The look of every table: reportlab's default cell padding at the sides, ours above and below.
LEFT_PADDING = RIGHT_PADDING = 6
TOP_PADDING = 3
BOTTOM_PADDING = 4
RULE_WIDTH = 0.5
CELL_FONT_SIZE, CELL_LEADING = 10, 12  # reportlab's cell font (cells never draw text)
SPACE_BEFORE, SPACE_AFTER = 4, 10
_CELL_HEIGHT = 72000 - TOP_PADDING - BOTTOM_PADDING  # what reportlab offers a cell to size in


def table_commands(header: bool) -> list[tuple]:
    """The table style reportlab's table is given for a grid (see ``reportlab_table``)."""
    commands = [
        # Table cells never draw text themselves, but reportlab sets the cell font anyway;
        # naming ours keeps Helvetica out of the file.
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, RULE_INK),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    return commands


def reportlab_table(rows: list[list[Flowable]], widths: list[float], header: bool) -> Table:
    """The grid as reportlab's own table, as the writer made every table before ``GridTable``."""
    return MinutesTable(
        rows,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        style=TableStyle(table_commands(header)),
        hAlign="LEFT",
        spaceBefore=SPACE_BEFORE,
        spaceAfter=SPACE_AFTER,
        renderCB=table_furniture,
    )


class GridTable(Flowable):
    """A grid of cells (each one flowable, normally a ``TaggedParagraph``) with fixed column
    widths; the first row is a shaded header repeated on every page when ``header``."""

    def __init__(self, rows: list[list[Flowable]], widths: list[float], header: bool) -> None:
        self.rows = rows
        self.widths = list(widths)
        self.header = header
        self.hAlign = "LEFT"
        self.vAlign = "MIDDLE"
        self.spaceBefore = SPACE_BEFORE
        self.spaceAfter = SPACE_AFTER
        positions = [0]
        width = 0
        for column in self.widths:  # reportlab's running sum, for the same numbers
            width = width + column
            positions.append(width)
        self._columns = positions
        self._width = self.width = width
        self._heights: list[float | None] = [None] * len(rows)  # each row's, once measured
        self._row_heights: list[float | None] = []
        self._positions: list[float] = []

    def _measure(self, number: int) -> float:
        """A row's height as reportlab's ``_calc_height`` works it out."""
        canvas = getattr(self, "canv", None)
        tallest = 0
        for cell, width in zip(self.rows[number], self.widths, strict=True):
            if type(cell) is PlainText:  # needs no canvas; its spaces are its style's
                _, height = cell.wrap(width - LEFT_PADDING - RIGHT_PADDING, _CELL_HEIGHT)
                before, after = cell.style.spaceBefore, cell.style.spaceAfter
            else:
                _, height = cell.wrapOn(canvas, width - LEFT_PADDING - RIGHT_PADDING, _CELL_HEIGHT)
                before, after = cell.getSpaceBefore(), cell.getSpaceAfter()
            height = (height + after + before) - before - after
            height += BOTTOM_PADDING + TOP_PADDING
            if height > tallest:
                tallest = height
        return tallest

    def _calc(self, available_height: float) -> None:
        """Row heights and positions for ``available_height``: as reportlab's table with
        longTableOptimize, rows are measured only until they overflow it."""
        heights = self._heights
        found = list(heights)
        count = len(found)
        last = count
        for number in range(count):
            if found[number] is None:
                found[number] = heights[number] = self._measure(number)
            last = number + 1
            if sum(found[:last]) > available_height:
                break
        if None not in found:
            last = count
        positions = []
        height = carried = 0
        for number in range(last - 1, -1, -1):  # reportlab's compensated sum, bottom up
            positions.append(height)
            step = found[number] - carried
            total = height + step
            carried = (total - height) - step
            height = total
        positions.append(height)
        positions.reverse()
        self._row_heights = found
        self._positions = positions
        self._height = self.height = height

    def wrap(self, availWidth, availHeight):
        self._calc(availHeight)
        return self._width, self._height

    def split(self, availWidth, availHeight):
        self._calc(availHeight)
        rows = 0
        used = 0
        for height in self._row_heights:
            if used + height > availHeight:
                break
            used += height
            rows += 1
        if rows <= (1 if self.header else 0):
            return []  # not even the header and one row fit
        if rows == len(self.rows):
            return [self]
        table = reportlab_table(self.rows, self.widths, self.header)
        table.canv = getattr(self, "canv", None)
        try:
            return table.split(availWidth, availHeight)
        finally:
            del table.canv

    def draw(self):
        canvas = self.canv
        code = canvas._code
        columns = self._columns
        positions = self._positions
        right = columns[-1]
        canvas.saveState()
        canvas.begin_artifact()
        if self.header:
            canvas.setFillColor(HEADER_FILL)
            top = positions[0]
            canvas.rect(0, top, right, positions[1] - top, stroke=0, fill=1)
        canvas.end_marked()
        canvas.setFillColor("black")
        canvas.setFont(FONT, CELL_FONT_SIZE, CELL_LEADING)
        for cells, bottom, row_height in zip(
            self.rows, positions[1:], self._row_heights, strict=True
        ):
            for cell, left, width in zip(cells, columns, self.widths, strict=False):
                # reportlab's _drawCell for one flowable at the top left, in its arithmetic
                inner = width - LEFT_PADDING - RIGHT_PADDING
                if type(cell) is PlainText:
                    _, drawn = cell.wrap(inner, row_height - TOP_PADDING - BOTTOM_PADDING)
                    space = cell.style.spaceBefore
                else:
                    _, drawn = cell.wrapOn(canvas, inner, row_height - TOP_PADDING - BOTTOM_PADDING)
                    space = cell.getSpaceBefore()
                y = bottom + row_height - TOP_PADDING
                y += space
                y -= space
                y -= drawn
                cell.drawOn(canvas, left + LEFT_PADDING, y)
        canvas.begin_artifact()
        # reportlab's GRID: the box (top, bottom, left, right), then the inner rules
        top, bottom = positions[0], positions[-1]
        lines = [
            "q",
            "1 J",
            "1 j",
            f"{fp_str(RULE_INK.red, RULE_INK.green, RULE_INK.blue)} RG",
            f"{fp_str(RULE_WIDTH)} w",
        ]
        for y in (top, bottom):
            lines.append(f"n {fp_str(0, y)} m {fp_str(right, y)} l S")
        for x in (0, right):
            lines.append(f"n {fp_str(x, bottom)} m {fp_str(x, top)} l S")
        for y in positions[1:-1]:
            lines.append(f"n {fp_str(0, y)} m {fp_str(right, y)} l S")
        for x in columns[1:-1]:
            lines.append(f"n {fp_str(x, bottom)} m {fp_str(x, top)} l S")
        lines.append("Q")
        code.extend(lines)
        canvas.end_marked()
        canvas.restoreState()


class MinutesTable(Table):
    """reportlab's table, with a shorter way to draw a cell holding one paragraph: what
    reportlab's ``_drawCell`` does for it (measure, place at the top left after the padding,
    draw), in the same arithmetic, without the general handling of lists of flowables,
    alignments and strings. Any other cell is drawn by reportlab."""

    def _drawCell(self, cellval, cellstyle, pos, size):
        if (
            not isinstance(cellval, tuple)
            or len(cellval) != 1
            or not isinstance(cellval[0], Flowable)
            or cellstyle.alignment != "LEFT"
            or cellstyle.valign != "TOP"
        ):
            return super()._drawCell(cellval, cellstyle, pos, size)
        colpos, rowpos = pos
        colwidth, rowheight = size
        width = colwidth - cellstyle.leftPadding - cellstyle.rightPadding
        if width < 0:  # reportlab says what is wrong
            return super()._drawCell(cellval, cellstyle, pos, size)
        if self._curcellstyle is not cellstyle:
            cur = self._curcellstyle
            if cur is None or cellstyle.color != cur.color:
                self.canv.setFillColor(cellstyle.color)
            if (
                cur is None
                or cellstyle.leading != cur.leading
                or cellstyle.fontname != cur.fontname
                or cellstyle.fontsize != cur.fontsize
            ):
                self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        (flowable,) = cellval
        height = rowheight - cellstyle.topPadding - cellstyle.bottomPadding
        _, drawn_height = flowable.wrapOn(self.canv, width, height)
        space = flowable.getSpaceBefore()
        y = rowpos + rowheight - cellstyle.topPadding
        y += space
        y -= space
        y -= drawn_height
        flowable.drawOn(self.canv, colpos + cellstyle.leftPadding, y)
        return None
