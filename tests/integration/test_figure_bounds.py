"""A bound on a figure ("over 200", "under 5%") from the note to the store and the exports:
detected, accepted into a real database, listed by the command line and written into the
Word, PDF and Markdown minutes as the note said it, never as "approx.".

The note is written for this test.
"""

from __future__ import annotations

import json

import docx
from pypdf import PdfReader

from pcc_minutes.cli.parser import build_parser

NOTE = """Rural Crime Board
9 October 2025

Item 1: Farm Thefts
- More than 240 tracker kits were fitted to farm vehicles.
- Under 6% of farms reported a theft. The target is to get to 3%.
- At least 18 arrests followed the operation.
- Nearly 40 farms joined the watch scheme.
"""


def _import_and_accept(cli, tmp_path):
    note = tmp_path / "board.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert cli("import", note).code == 0
    accepted = cli("figures", "1", "--accept", "--json")
    assert accepted.code == 0, accepted.err
    return json.loads(accepted.out)


def test_bounds_are_detected_stored_and_listed(cli, tmp_path):
    found = _import_and_accept(cli, tmp_path)
    points = {f["label"]: f["points"][0] for f in found}
    assert points["Tracker kits fitted"]["bound"] == "above"
    assert points["Arrests followed the operation"]["bound"] == "at_least"
    share = next(f for f in found if f["unit"] == "%")
    assert (share["points"][0]["bound"], share["target"]) == ("below", 3)
    nearly = points["Farms joined the watch scheme"]
    assert (nearly["approx"], nearly["bound"]) == (True, None)

    shown = json.loads(cli("show", "1", "--json").out)
    stored = [p for item in shown["items"] for f in item["metrics"] for p in f["points"]]
    assert sorted(p["bound"] or "" for p in stored) == ["", "above", "at_least", "below"]

    listed = cli("figures", "1").out
    assert "over 240" in listed
    assert "at least 18" in listed


def _figure_table_option() -> list[str]:
    """The export option that asks for the figure tables, if the tables are optional."""
    parsed = build_parser().parse_args(["export", "1", "--format", "md", "-o", "-"])
    return ["--figures"] if hasattr(parsed, "figures") else []


def test_the_exports_write_the_bound_as_words(cli, tmp_path):
    _import_and_accept(cli, tmp_path)
    written = {}
    for kind in ("md", "docx", "pdf"):
        out = tmp_path / f"minutes.{kind}"
        result = cli("export", "1", "--format", kind, "-o", out, *_figure_table_option())
        assert result.code == 0, result.err
        written[kind] = out
    markdown = written["md"].read_text(encoding="utf-8")
    document = docx.Document(str(written["docx"]))
    word = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    pdf = " ".join(page.extract_text() for page in PdfReader(str(written["pdf"])).pages)
    pdf = " ".join(pdf.split())
    for text in (markdown, word, pdf):
        for said in ("over 240", "under 6", "at least 18", "approx. 40"):
            assert said in text, (said, text[:2000])
        assert "approx. 240" not in text


def test_a_bound_point_in_a_trend_keeps_its_bound(cli, tmp_path):
    for name, day, said in (
        ("october.txt", "9 October 2025", "More than 240"),
        ("november.txt", "13 November 2025", "Exactly 300"),
    ):
        note = tmp_path / name
        note.write_text(
            f"Rural Crime Board\n{day}\n\nItem 1: Farm Thefts\n"
            f"- {said} tracker kits were fitted.\n",
            encoding="utf-8",
        )
        assert cli("import", note).code == 0
    for meeting in ("1", "2"):
        assert cli("figures", meeting, "--accept").code == 0
    trend = json.loads(cli("trend", "Tracker kits fitted", "--json").out)
    assert [(p["value"], p["bound"]) for p in trend["points"]] == [(240, "above"), (300, None)]
    table = cli("trend", "Tracker kits fitted").out
    assert "over 240" in table
