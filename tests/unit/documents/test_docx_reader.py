"""Word minutes import: structure recognised, every word kept, bad files refused in one sentence.

The small documents are built here with python-docx in our own words; the real published
minutes in ``../shared/realworld/`` are used in place and skipped when the folder is absent.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections import Counter
from datetime import date, time
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.records import Action
from pcc_minutes.documents.readers.docx import read_docx
from pcc_minutes.documents.tree import (
    BulletList,
    Heading,
    ListItem,
    MinutesDocument,
    Paragraph,
    Span,
    Table,
    blocks_text,
    plain_text,
    spans,
)

REALWORLD = Path(__file__).resolve().parents[4] / "shared" / "realworld"
REALWORLD_FILES = [
    "20140513_ODUG_Meeting_minutes.docx",
    "20140619_ODUG_Meeting_minutes.docx",
    "Crime_and_Justice_Transparency_Sector_Panel_-_Minutes_-_14_October_2013_meeting.docx",
    "Local_Public_Data_Panel_Seventeenth_Meeting_5_December_2012_Minutes.docx",
    "Local_Public_Data_Panel_Twenty-first_Meeting_25_July_2013_Minutes.docx",
    "Minutes_to_the_Public_Sector_Transparency_Board_meeting_11_06_2014.docx",
    "ODUG_15.12.2014_minutes.docx",
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# The first bytes of an OLE2 compound file: an old .doc, or an encrypted Office document.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --- helpers -----------------------------------------------------------------------------------


def save(document, tmp_path: Path, name: str = "minutes.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def bold_paragraph(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def add_numbering(document, abstract_xml: str, num_id: int, abstract_id: int) -> None:
    """A numbering definition of our own, added to the template's numbering part."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{abstract_xml}'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )


def numbered(document, text: str, num_id: int, level: int):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def texts(blocks) -> list[str]:
    return [blocks_text([block]) for block in blocks]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def source_words(path: Path) -> Counter:
    """Every word of the document body's text (w:t), tables and text boxes included.

    The runs of a paragraph are joined as Word shows them ("11" + superscript "th" is one
    word), with tabs and line breaks as spaces. An mc:Fallback repeats its mc:Choice for older
    programs and moved-from text repeats where it moved to, so neither counts twice.
    """
    with zipfile.ZipFile(path) as package:
        root = parse_xml(package.read("word/document.xml"))
    body = root.find(f"{{{W}}}body")
    skipped = {f"{{{MC}}}Fallback", f"{{{W}}}moveFrom"}
    breaks = {f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"}
    paragraph_tag = f"{{{W}}}p"
    found: list[str] = []
    for paragraph in body.iter(paragraph_tag):
        text = []
        for element in paragraph.iter(f"{{{W}}}t", *breaks):
            ancestors = list(element.iterancestors())
            owner = next(a for a in ancestors if a.tag == paragraph_tag)
            if owner is not paragraph or any(a.tag in skipped for a in ancestors):
                continue  # a text box's own paragraph, or a repeat
            text.append(element.text or "" if element.tag == f"{{{W}}}t" else " ")
        found.extend(words("".join(text)))
    return Counter(found)


def carried_words(doc: MinutesDocument) -> Counter:
    """Every word the minutes document carries, with the labels our writers print for it.

    Writers print "Item n:" before each item heading, "ACTION n:"/"Action:" before each
    action and "Decision:" before each decision, so those words are carried by the structure.
    """
    parts = [
        doc.title,
        doc.organisation,
        doc.subtitle,
        doc.schedule_text,
        doc.venue,
        doc.document_kind,
        blocks_text(doc.opening),
    ]
    for person in doc.attendance:
        parts += [person.name, person.role, person.group]
    for number, item in enumerate(doc.items, start=1):
        parts += [f"Item {number}", item.title, item.heading, blocks_text(item.blocks)]
        for action in item.actions:
            parts += ["Action", action.reference, action.text]
        parts += [f"Decision {decision}" for decision in item.decisions]
    return Counter(words("\n".join(parts)))


# --- structure from documents we build ----------------------------------------------------------


def test_heading_styled_minutes_give_items_lists_actions_decisions_and_tables(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Harbour Lights Trust – Quarterly Board"
    document.add_heading("Harbour Lights Trust", 0)
    document.add_paragraph("Tuesday 4 March 2031, 14:00–15:30")
    document.add_paragraph("Venue: Lantern Room, Quay House")
    document.add_paragraph("Present: Ada Quill (Chair), Bram Tenner, Cora Vell")
    document.add_paragraph("Apologies: Dov Rask")
    document.add_heading("Welcome", 1)
    opening = document.add_paragraph("The chair opened the session and ")
    opening.add_run("thanked").italic = True
    opening.add_run(" the ferry crews.")
    document.add_heading("Ferry Timetable", 1)
    document.add_heading("Winter changes", 2)
    document.add_paragraph("Fewer crossings", style="List Bullet")
    document.add_paragraph("Saturday crossings only", style="List Bullet 2")
    document.add_paragraph("New pier lights", style="List Bullet")
    bold_paragraph(document, "Costs:")
    document.add_paragraph("Repaint the pontoon", style="List Number")
    document.add_paragraph("Replace two buoys", style="List Number")
    document.add_paragraph("ACTION 1: Bram to publish the winter timetable.")
    document.add_paragraph("Decision: The winter timetable was approved.")
    table = document.add_table(rows=3, cols=2)
    for row, (route, crossings) in enumerate(
        [("Route", "Crossings"), ("Quay to Point", "12"), ("Point to Isle", "4")]
    ):
        table.cell(row, 0).paragraphs[0].add_run(route).bold = row == 0
        table.cell(row, 1).paragraphs[0].add_run(crossings).bold = row == 0

    doc = read_docx(save(document, tmp_path))

    assert doc.title == "Harbour Lights Trust – Quarterly Board"
    assert doc.subtitle == "Harbour Lights Trust"  # the visible title line keeps its words
    assert (doc.date, doc.start, doc.end) == (date(2031, 3, 4), time(14, 0), time(15, 30))
    assert doc.venue == "Lantern Room, Quay House"
    assert doc.schedule_text == "Tuesday 4 March 2031, 14:00–15:30\nVenue: Lantern Room, Quay House"
    assert [(a.name, a.present) for a in doc.attendance] == [
        ("Ada Quill", True),
        ("Bram Tenner", True),
        ("Cora Vell", True),
        ("Dov Rask", False),
    ]
    assert doc.chair == "Ada Quill"
    assert doc.source_name == "minutes.docx"
    assert [item.title for item in doc.items] == ["Welcome", "Ferry Timetable"]
    assert doc.items[0].blocks == [
        Paragraph(
            (
                Span("The chair opened the session and "),
                Span("thanked", italic=True),
                Span(" the ferry crews."),
            )
        )
    ]
    ferry = doc.items[1]
    assert ferry.blocks[0] == Heading(3, spans("Winter changes"))
    assert ferry.blocks[1] == BulletList(
        (
            ListItem(
                spans("Fewer crossings"),
                (BulletList((ListItem(spans("Saturday crossings only")),)),),
            ),
            ListItem(spans("New pier lights")),
        )
    )
    assert ferry.blocks[2] == Heading(3, spans("Costs:"))
    assert ferry.blocks[3] == BulletList(
        (ListItem(spans("Repaint the pontoon")), ListItem(spans("Replace two buoys"))),
        ordered=True,
    )
    assert ferry.blocks[4] == Table(
        (
            (spans("Route", bold=True), spans("Crossings", bold=True)),
            (spans("Quay to Point"), spans("12")),
            (spans("Point to Isle"), spans("4")),
        ),
        header=True,
    )
    assert ferry.actions == [
        Action(text="Bram to publish the winter timetable.", owner="Bram", reference="1")
    ]
    assert ferry.decisions == ["The winter timetable was approved."]
    assert "ACTION" not in blocks_text(ferry.blocks)  # actions are not kept twice


def test_word_list_levels_and_number_formats_give_nested_ordered_and_bullet_lists(tmp_path):
    document = docx.Document()
    add_numbering(
        document,
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="o"/></w:lvl>',
        num_id=77,
        abstract_id=77,
    )
    document.add_heading("Estates", 1)
    numbered(document, "Roof survey", 77, 0)
    numbered(document, "Gutters", 77, 1)
    numbered(document, "Tiles", 77, 1)
    numbered(document, "Boiler check", 77, 0)
    document.add_paragraph("The caretaker will report next time.")
    numbered(document, "Window seals", 77, 0)

    doc = read_docx(save(document, tmp_path))

    blocks = doc.items[0].blocks
    assert blocks[0] == BulletList(
        (
            ListItem(
                spans("Roof survey"),
                (BulletList((ListItem(spans("Gutters")), ListItem(spans("Tiles")))),),
            ),
            ListItem(spans("Boiler check")),
        ),
        ordered=True,
    )
    assert blocks[1] == Paragraph(spans("The caretaker will report next time."))
    # Word numbers on after the paragraph in between: the list resumes at 3.
    assert blocks[2] == BulletList((ListItem(spans("Window seals")),), ordered=True, start=3)


def test_item_lines_attendee_lists_under_bold_labels_and_numbered_paragraphs(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Word Document"  # a placeholder, not the meeting's title
    bold_paragraph(document, "Riverside Allotments Committee")
    document.add_paragraph("12 June 2030")
    document.add_paragraph("")
    bold_paragraph(document, "Attendees")
    document.add_paragraph("Nell Ashby – Chair")
    document.add_paragraph("Piet Moran, Treasurer")
    document.add_paragraph("")
    bold_paragraph(document, "Apologies")
    document.add_paragraph("Rhys Tolland")
    document.add_paragraph("")
    bold_paragraph(document, "Item 1: Welcome")
    document.add_paragraph("1.1 The chair welcomed the plot holders.")
    document.add_paragraph("1.2 Two new plots were let.")
    bold_paragraph(document, "Item 2: Water Butts")
    document.add_paragraph("· Six butts leak")
    document.add_paragraph("· Two lids are missing")
    document.add_paragraph("Action: Piet to order six butts (PM)")

    doc = read_docx(save(document, tmp_path))

    assert doc.title == "Riverside Allotments Committee"
    assert doc.date == date(2030, 6, 12)
    assert [(a.name, a.role, a.group, a.present) for a in doc.attendance] == [
        ("Nell Ashby", "Chair", "Attendees", True),
        ("Piet Moran", "Treasurer", "Attendees", True),
        ("Rhys Tolland", "", "Apologies", False),
    ]
    assert doc.chair == "Nell Ashby"
    assert doc.opening == []
    assert [item.title for item in doc.items] == ["Welcome", "Water Butts"]
    assert texts(doc.items[0].blocks) == [
        "1.1 The chair welcomed the plot holders.",
        "1.2 Two new plots were let.",
    ]
    assert doc.items[1].blocks == [
        BulletList((ListItem(spans("Six butts leak")), ListItem(spans("Two lids are missing"))))
    ]
    assert doc.items[1].actions == [
        Action(text="Piet to order six butts (PM)", owner="PM", reference="")
    ]


def test_bold_numbered_headings_start_items_and_bold_short_lines_become_sub_headings(tmp_path):
    document = docx.Document()
    bold_paragraph(document, "Moorland Water Forum")
    document.add_paragraph("3 September 2029, 10:00-11:30, Reservoir House")
    bold_paragraph(document, "1. Welcome")
    document.add_paragraph("1.1 Members met at the dam.")
    bold_paragraph(document, "2. Catchment Report")
    bold_paragraph(document, "Rainfall")
    document.add_paragraph("2.1 The spring was dry.")
    bold_paragraph(document, "ACTION 4: Wyn to chart the rainfall.")

    doc = read_docx(save(document, tmp_path))

    assert doc.title == "Moorland Water Forum"
    assert doc.venue == "Reservoir House"
    assert [item.title for item in doc.items] == ["Welcome", "Catchment Report"]
    assert doc.items[1].blocks == [
        Heading(3, spans("Rainfall")),
        Paragraph(spans("2.1 The spring was dry.")),
    ]
    assert [(a.reference, a.owner) for a in doc.items[1].actions] == [("4", "Wyn")]


def test_bold_short_paragraphs_inside_a_one_column_layout_table_become_items(tmp_path):
    document = docx.Document()
    bold_paragraph(document, "Canal Society – Agenda")
    document.add_paragraph("8 May 2032, 18:00 - 19:30")
    people = document.add_table(rows=4, cols=2)
    cells = [
        ("Attendees", "Officials"),
        ("Oona Pike (Chair) (OP)", "Lev Marsh (LM)"),
        ("Tam Reed (TR)", "Apologies"),
        ("", "Una Flint (UF)"),
    ]
    for row, pair in enumerate(cells):
        for column, text in enumerate(pair):
            run = people.cell(row, column).paragraphs[0].add_run(text)
            run.bold = text in ("Attendees", "Officials", "Apologies")
    layout = document.add_table(rows=2, cols=1)
    first = layout.cell(0, 0)
    first.paragraphs[0].add_run("Towpath Repairs").bold = True
    first.add_paragraph("The towpath was resurfaced near the lock.")
    second = layout.cell(1, 0)
    second.paragraphs[0].add_run("Boat Rally").bold = True
    second.add_paragraph("Forty boats are expected.")

    doc = read_docx(save(document, tmp_path))

    assert [(a.name, a.role, a.group, a.present) for a in doc.attendance] == [
        ("Oona Pike (OP)", "Chair", "Attendees", True),
        ("Tam Reed (TR)", "", "Attendees", True),
        ("Lev Marsh (LM)", "", "Officials", True),
        ("Una Flint (UF)", "", "Apologies", False),
    ]
    assert doc.chair == "Oona Pike"
    assert [item.title for item in doc.items] == ["Towpath Repairs", "Boat Rally"]
    assert texts(doc.items[0].blocks) == ["The towpath was resurfaced near the lock."]
    assert texts(doc.items[1].blocks) == ["Forty boats are expected."]


def test_hyperlinks_content_controls_and_text_boxes_keep_their_words_once(tmp_path):
    document = docx.Document()
    document.add_heading("Lighthouse Keepers Guild", 0)
    document.add_heading("Signals", 1)
    paragraph = document.add_paragraph("Read the ")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t>lamp register</w:t>'
            "</w:r></w:hyperlink>"
        )
    )
    paragraph.add_run(" online.")
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Boxed reminder about fog horns</w:t></w:r></w:p>"
        "</w:txbxContent>"
    )
    namespaces = (
        f'{nsdecls("w")} xmlns:mc="{MC}" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    )
    control = parse_xml(
        f"<w:sdt {namespaces}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>Inside a content control</w:t></w:r>"
        "<w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>'
        "</mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, control)
    path = save(document, tmp_path)

    doc = read_docx(path)

    assert doc.items[0].blocks == [
        Paragraph(spans("Read the lamp register online.")),
        Paragraph(spans("Inside a content control")),
        Paragraph(spans("Boxed reminder about fog horns")),
    ]
    assert source_words(path) == carried_words(doc) - Counter(words("Item 1 Meeting note"))


def test_our_own_agenda_list_gives_item_titles_and_section_headings(tmp_path):
    document = docx.Document()
    document.add_paragraph("Ferry Users and Operators")
    document.add_paragraph("Harbour Liaison Meeting")
    document.add_paragraph("9 October 2031, 09:30-10:30: Pilot House")
    document.add_paragraph("Meeting note")
    document.add_paragraph("The harbour master chaired the meeting.")
    document.add_paragraph("Agenda:")
    document.add_paragraph("Item 1: Pier Safety", style="List Bullet")
    document.add_paragraph("Item 2: Fares", style="List Bullet")
    document.add_paragraph("Item 3: Any Other Business", style="List Bullet")
    document.add_heading("Item 1: Pier Safety Review", 2)
    document.add_paragraph("Railings were replaced.")
    document.add_heading("Item 2: Fares", 2)
    document.add_paragraph("Fares stay the same.")

    doc = read_docx(save(document, tmp_path))

    assert (doc.organisation, doc.title) == ("Ferry Users and Operators", "Harbour Liaison Meeting")
    assert doc.document_kind == "Meeting note"
    assert doc.venue == "Pilot House"
    assert texts(doc.opening) == ["The harbour master chaired the meeting."]
    assert [(item.title, item.heading) for item in doc.items] == [
        ("Pier Safety", "Pier Safety Review"),
        ("Fares", ""),
        ("Any Other Business", ""),
    ]


def test_run_formatting_from_styles_counts_as_bold(tmp_path):
    document = docx.Document()
    strong = document.styles.add_style("Minute Label", 1)  # a paragraph style that is bold
    strong.font.bold = True
    strong.font.size = Pt(11)
    document.add_paragraph("Orchard Group", style="Minute Label")
    document.add_paragraph("2 April 2030")
    document.add_paragraph("Pruning", style="Minute Label")
    document.add_paragraph("The old trees were pruned.")
    document.add_paragraph("Harvest", style="Minute Label")
    document.add_paragraph("Apples were picked.")

    doc = read_docx(save(document, tmp_path))

    assert [item.title for item in doc.items] == ["Pruning", "Harvest"]


def test_plain_paragraphs_without_any_structure_are_kept_as_one_item(tmp_path):
    document = docx.Document()
    document.add_paragraph("We talked about the weather for a while.")
    document.add_paragraph("Then everyone went home.")
    path = save(document, tmp_path, "loose notes.docx")

    doc = read_docx(path)

    assert doc.title == "loose notes"
    assert [item.title for item in doc.items] == ["Minutes"]
    assert texts(doc.items[0].blocks) == [
        "We talked about the weather for a while.",
        "Then everyone went home.",
    ]


# --- real minutes written by others ------------------------------------------------------------


def realworld(name: str) -> Path:
    path = REALWORLD / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


@pytest.mark.parametrize("name", REALWORLD_FILES)
def test_real_minutes_import_and_keep_every_word(name):
    path = realworld(name)

    doc = read_docx(path)

    assert doc.items, "no items found"
    missing = source_words(path) - carried_words(doc)
    assert not missing, f"words lost from {name}: {dict(missing)}"


def test_odug_may_2014_attendance_table_and_items_inside_a_layout_table():
    doc = read_docx(realworld("20140513_ODUG_Meeting_minutes.docx"))

    assert doc.date == date(2014, 5, 13)
    assert len(doc.attendance) >= 10
    assert any(not person.present for person in doc.attendance)
    assert {person.group for person in doc.attendance} >= {"Attendees", "Officials", "Apologies"}
    assert doc.chair.startswith("Heather Savory")
    assert len(doc.items) >= 6
    assert doc.items[0].title.startswith("Chair")
    assert isinstance(doc.items[0].blocks[0], BulletList)
    assert any(isinstance(block, Table) and block.header for block in doc.opening)


def test_odug_june_2014_bold_sub_headings_lists_and_money():
    doc = read_docx(realworld("20140619_ODUG_Meeting_minutes.docx"))

    assert doc.items[0].title.startswith("Chair")
    assert "£637,800" in blocks_text(doc.items[1].blocks)
    assert any(isinstance(block, BulletList) for item in doc.items for block in item.blocks)


def test_crime_and_justice_numbered_headings_actions_and_attendee_lines():
    doc = read_docx(
        realworld(
            "Crime_and_Justice_Transparency_Sector_Panel_-_Minutes_-_14_October_2013_meeting.docx"
        )
    )

    assert doc.title == "Crime and Justice Transparency Sector Panel"
    assert (doc.date, doc.start, doc.end) == (date(2013, 10, 14), time(10, 0), time(12, 0))
    assert doc.items[0].title == "Welcome"
    assert len(doc.items) == 6
    references = {action.reference for item in doc.items for action in item.actions}
    assert references == {str(n) for n in range(1, 13)}
    assert doc.chair == "Dr Kieron O’Hara"
    assert any(not person.present for person in doc.attendance)
    assert plain_text(doc.items[2].blocks[0].content).startswith("3.1 ")


@pytest.mark.parametrize("name", [n for n in REALWORLD_FILES if n.startswith("Local_Public")])
def test_local_public_data_panel_item_headings_and_attendance_lines(name):
    doc = read_docx(realworld(name))

    assert doc.items[0].title.startswith("Welcome")
    assert doc.document_kind == "MINUTES AND ACTIONS"
    assert any(person.group == "Apologies" and not person.present for person in doc.attendance)
    assert any(person.group == "Secretariat" for person in doc.attendance)
    assert "Nigel Shadbolt" in doc.chair
    assert sum(len(item.actions) for item in doc.items) >= 5


def test_local_public_data_panel_sub_items_stay_inside_their_item_with_their_numbering():
    doc = read_docx(
        realworld("Local_Public_Data_Panel_Seventeenth_Meeting_5_December_2012_Minutes.docx")
    )

    assert [item.title for item in doc.items][-2:] == ["Procurement sub-group", "AOB and Close"]
    sixth = doc.items[5]
    assert sixth.heading == "6i): Procurement sub-group"
    sub_headings = [plain_text(b.content) for b in sixth.blocks if isinstance(b, Heading)]
    assert sub_headings[0] == "Item 6ii): Principles of open data and commercial exploitation"
    assert doc.chair == "Professor Nigel Shadbolt"


def test_transparency_board_attendance_comes_from_its_tables():
    doc = read_docx(
        realworld("Minutes_to_the_Public_Sector_Transparency_Board_meeting_11_06_2014.docx")
    )

    groups = {person.group for person in doc.attendance}
    assert {"Transparency Board Members", "Apologies"} <= groups
    maude = next(person for person in doc.attendance if person.name == "Francis Maude")
    assert maude.role == "Minister for the Cabinet Office"
    assert [item.title for item in doc.items][:2] == [
        "Introductions",
        "Update from Cabinet Office Transparency Team",
    ]


def test_odug_december_2014_logo_and_guest_speaker():
    doc = read_docx(realworld("ODUG_15.12.2014_minutes.docx"))

    assert doc.logo is not None
    assert any(person.group == "Guest speaker" for person in doc.attendance)
    assert doc.items[0].title == "Welcome and Chair’s update"


# --- bad input ---------------------------------------------------------------------------------


def zip_with(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name, make",
    [
        ("empty.docx", lambda p: p.write_bytes(b"")),
        ("noise.docx", lambda p: p.write_bytes(os.urandom(4096))),
        ("renamed.docx", lambda p: p.write_text("Minutes of the meeting\nItem 1: Welcome\n")),
        ("archive.docx", lambda p: zip_with(p, "photo.txt", b"not a Word part")),
        ("locked.docx", lambda p: p.write_bytes(OLE2 + "EncryptedPackage".encode("utf-16-le"))),
        ("old.doc", lambda p: p.write_bytes(OLE2 + os.urandom(512))),
        ("half.docx", lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(256))),
    ],
)
def test_a_file_that_is_not_a_word_document_is_refused_in_one_sentence(tmp_path, name, make):
    path = tmp_path / name
    make(path)

    with pytest.raises(UserInputError) as raised:
        read_docx(path)

    message = str(raised.value)
    assert name in message
    assert message.count(". ") == 0 and message.endswith(".")


def test_password_protected_and_old_doc_files_say_how_to_fix_them(tmp_path):
    locked = tmp_path / "locked.docx"
    locked.write_bytes(OLE2 + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"))
    old = tmp_path / "old.doc"
    old.write_bytes(OLE2 + b"\0" * 64 + "WordDocument".encode("utf-16-le"))

    with pytest.raises(UserInputError, match="password"):
        read_docx(locked)
    with pytest.raises(UserInputError, match=r"save it.*\.docx"):
        read_docx(old)


def test_a_folder_or_a_missing_path_is_refused_with_its_name(tmp_path):
    folder = tmp_path / "minutes folder"
    folder.mkdir()
    missing = tmp_path / "nowhere.docx"

    for path in (folder, missing):
        with pytest.raises(UserInputError) as raised:
            read_docx(path)
        assert path.name in str(raised.value)


def test_a_word_document_with_no_text_is_refused(tmp_path):
    path = save(docx.Document(), tmp_path, "blank.docx")

    with pytest.raises(UserInputError, match="blank.docx"):
        read_docx(path)
