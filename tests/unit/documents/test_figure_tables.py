"""Figure tables within an item's notes: off unless asked for; a figure's table right after
the paragraph or bullet that holds its source sentence (the figures of one bullet share a
table), else at the item's end; the label, unit and target on a figure's first row only."""

from __future__ import annotations

from pcc_minutes.core.records import Figure, FigurePoint
from pcc_minutes.documents.figure_tables import figure_table, placed_blocks
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import BulletList, ItemSection, Paragraph, Table, plain_text

NOTES = (
    "The panel met in the harbour office.\n\n"
    "- Patrols: boat patrols rose from 40 in May to 55 in June.\n"
    "- Rescues: the crew made **12 rescues**, against a target of 10.\n"
    "- Kit: new radios arrive in spring.\n\n"
    "The chair thanked the crews."
)
PATROLS = Figure(
    "Boat patrols",
    "count",
    (FigurePoint("May", 40), FigurePoint("June", 55)),
    source="Patrols: boat patrols rose from 40 in May to 55 in June.",
)
RESCUES = Figure(
    "Rescues", "count", (FigurePoint("", 12),), target=10, source="the crew made 12 rescues"
)
TYPED = Figure("Volunteers", "%", (FigurePoint("2026", 80, bound="above"),), source="")


def item(*figures: Figure) -> ItemSection:
    return ItemSection(title="Harbour", blocks=from_markdown(NOTES), figures=list(figures))


def shape(blocks) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append("table:" + ",".join(plain_text(row[0]) for row in block.rows[1:]))
        elif isinstance(block, BulletList):
            out.append("list:" + ",".join(plain_text(i.content).split(":")[0] for i in block.items))
        elif isinstance(block, Paragraph):
            out.append("p")
    return out


def test_without_the_option_the_notes_are_as_typed():
    assert shape(placed_blocks(item(PATROLS, RESCUES), tables=False)) == [
        "p",
        "list:Patrols,Rescues,Kit",
        "p",
    ]


def test_each_table_follows_its_own_bullet_and_the_list_goes_on_after_it():
    assert shape(placed_blocks(item(RESCUES, PATROLS), tables=True)) == [
        "p",
        "list:Patrols",
        "table:Boat patrols,",
        "list:Rescues",
        "table:Rescues",
        "list:Kit",
        "p",
    ]


def test_a_figure_whose_sentence_is_not_in_the_notes_goes_at_the_items_end():
    assert shape(placed_blocks(item(TYPED), tables=True))[-1] == "table:Volunteers"


def test_an_ordered_list_split_by_a_table_keeps_counting():
    section = ItemSection(
        title="Harbour",
        blocks=from_markdown("1. First step\n2. Patrols rose to 55 in June.\n3. Third step\n"),
        figures=[Figure("Patrols", "count", (FigurePoint("June", 55),), source="rose to 55")],
    )
    lists = [b for b in placed_blocks(section, tables=True) if isinstance(b, BulletList)]
    assert [(len(b.items), b.start) for b in lists] == [(2, 1), (1, 3)]


def test_the_table_writes_a_figures_own_facts_once_and_its_values_each_on_a_row():
    table = figure_table([PATROLS, RESCUES, TYPED])
    rows = [[plain_text(cell) for cell in row] for row in table.rows]
    assert rows == [
        ["Figure", "Period", "Value", "Unit", "Target"],
        ["Boat patrols", "May", "40", "number", ""],
        ["", "June", "55", "", ""],
        ["Rescues", "", "12", "number", "10"],
        ["Volunteers", "2026", "over 80", "%", ""],
    ]


def test_a_trend_follows_its_own_figure_with_or_without_the_tables():
    from dataclasses import replace

    from pcc_minutes.documents.build import build_minutes
    from pcc_minutes.documents.layout import layout
    from tests.unit.documents.test_trends import october, renewals

    meeting = october(with_new_figure=False)
    notes = "- Renewals outstanding fell again, to 650.\n- Drones flew twice.\n"
    item = replace(meeting.items[0], notes=notes)
    item = replace(item, figures=(replace(item.figures[0], source="fell again, to 650"),))
    meeting = replace(meeting, items=(item,))
    for tables in (True, False):
        blocks = layout(build_minutes(meeting, trends={31: renewals()}, figures=tables))
        texts = [
            "list:" + plain_text(b.items[0].content)
            if isinstance(b, BulletList)
            else plain_text(b.content)
            if isinstance(b, Paragraph)
            else type(b).__name__
            for b in blocks
        ]
        start = texts.index("list:Renewals outstanding fell again, to 650.")
        expected = ["Table"] if tables else []
        expected += ["Trend: Outstanding firearms licence renewals, by meeting", "Table", "Chart"]
        assert texts[start + 1 : start + 1 + len(expected)] == expected
        assert texts[start + 1 + len(expected)] == "list:Drones flew twice."
