"""How wide each column of a table is: one rule for every writer.

A column takes a share of the text width in proportion to the table's own widths (when its
maker gave them) or to its longest text (between 6 and 40 characters, so that one long cell
does not starve the others) — but never less than its longest word needs, so that "Status"
or "Constable" is never broken across two lines of a cell. When even the longest words do not
fit side by side, the columns share the width in proportion to those words.
"""

from __future__ import annotations

from pcc_minutes.documents.tree import Table, plain_text

CELL_PADDING = 2.0  # characters of a cell's inner margins, both sides together
BOLD_WIDER = 1.1  # a header row is bold: its letters are wider


def _longest(table: Table, column: int) -> tuple[int, float]:
    """The column's longest text and longest word, in characters."""
    text, word = 0, 0.0
    for index, row in enumerate(table.rows):
        if column >= len(row):
            continue
        cell = plain_text(row[column])
        text = max(text, len(cell))
        scale = BOLD_WIDER if table.header and index == 0 else 1.0
        word = max(word, max((len(w) for w in cell.split()), default=0) * scale)
    return text, word


def column_shares(table: Table, columns: int, line_chars: float) -> list[float]:
    """Each column's fraction of the text width (they add up to 1). ``line_chars`` is how many
    characters of the table's text fit on one line across the whole text width."""
    if columns <= 0:
        return []
    measured = [_longest(table, c) for c in range(columns)]
    if len(table.widths) == columns:
        weights = [float(w) for w in table.widths]
    else:
        weights = [float(min(max(text, 6), 40)) for text, _ in measured]
    total = sum(weights) or float(columns)
    shares = [w / total for w in weights] if sum(weights) else [1 / columns] * columns
    needs = [(word + CELL_PADDING) / max(line_chars, 1.0) for _, word in measured]
    if sum(needs) >= 1:
        return [need / sum(needs) for need in needs]
    fixed: dict[int, float] = {}
    while True:  # raise the columns below their need; the others share what is left
        short = [c for c in range(columns) if c not in fixed and shares[c] < needs[c]]
        if not short:
            return shares
        for c in short:
            fixed[c] = needs[c]
        free = [c for c in range(columns) if c not in fixed]
        left = 1 - sum(fixed.values())
        free_weight = sum(weights[c] for c in free) or 1.0
        shares = [
            fixed[c] if c in fixed else left * weights[c] / free_weight for c in range(columns)
        ]
