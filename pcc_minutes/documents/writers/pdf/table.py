"""The minutes' tables: reportlab's ``Table``, with a shorter way to draw the usual cell.

Nearly every cell of the minutes holds one paragraph, set at the top left of the cell. For
such a cell ``_drawCell`` does what reportlab's does for it (measure, place at the top left
after the padding, draw), in the same arithmetic, without the general handling of lists of
flowables, alignments and strings that took a good part of the time a table took to draw.
Any other cell is drawn by reportlab.
"""

from __future__ import annotations

from reportlab.platypus import Table
from reportlab.platypus.flowables import Flowable


class MinutesTable(Table):
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
