"""Word tables: their rows and cells as units, and a data table as a minutes ``Table`` block.

Rows and cells are found through content controls and custom XML wrapped around them, which
forms built in Word often have. Whether a table is data or page layout is decided by the
walker in ``paragraphs`` (one column is layout, read for its paragraphs); what is read here
is always a data table. Its first row is the header when Word marks it as a repeated header
row (``w:tblHeader``) or when every word in it is bold, the two ways minutes mark a header.
"""

from __future__ import annotations

from collections.abc import Callable

from pcc_minutes.documents.readers.docx.ooxml import TC, TR, WRAPPERS, w
from pcc_minutes.documents.readers.docx.units import Para, TableUnit, Unit
from pcc_minutes.documents.tree import Span, Table, merge_spans


def rows(table) -> list[list]:
    """Rows of cells, looking through content controls and custom XML wrapped around them."""
    return [_children(row, TC) for row in _children(table, TR)]


def _children(element, tag: str) -> list:
    found = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in WRAPPERS:
            found.extend(_children(child, tag))
    return found


def read_table(table_rows: list[list], read_units: Callable[[object], list[Unit]]) -> TableUnit:
    """A data table from its rows of ``w:tc`` cells; ``read_units`` reads a cell's content.

    A table nested in a cell is flattened into the cell's paragraphs: the minutes model has
    no tables within tables, and their words must not be lost.
    """
    cells_by_row = []
    for cells in table_rows:
        row = []
        for cell in cells:
            paras: list[Para] = []
            for unit in read_units(cell):
                paras.extend(flatten(unit))
            row.append(paras)
        cells_by_row.append(row)
    first = table_rows[0][0].getparent() if table_rows and table_rows[0] else None
    header = False
    if first is not None and first.tag == TR:
        tr_pr = first.find(w("trPr"))
        header = tr_pr is not None and tr_pr.find(w("tblHeader")) is not None
    return TableUnit(cells_by_row, header_row=header)


def flatten(unit: Unit) -> list[Para]:
    """The paragraphs of a unit: itself, or every cell's paragraphs of a table row by row."""
    if isinstance(unit, Para):
        return [unit]
    return [para for row in unit.rows for cell in row for para in cell]


def table_block(table: TableUnit) -> Table | None:
    """The table as a block: empty rows dropped, short rows padded; None when nothing is left."""
    block_rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            content: list[Span] = []
            for para in cell:
                if not para.text:
                    continue
                if content:
                    content.append(Span("\n"))
                content.extend(para.content)
            cells.append(merge_spans(content))
        if any(cells):
            block_rows.append(cells)
    if not block_rows:
        return None
    width = max(len(row) for row in block_rows)
    block_rows = [tuple(row) + ((),) * (width - len(row)) for row in block_rows]
    first = [para for cell in table.rows[0] for para in cell if para.text]
    header = table.header_row or (bool(first) and all(para.bold for para in first))
    return Table(tuple(block_rows), header=header)
