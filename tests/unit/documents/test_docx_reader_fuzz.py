"""Whatever bytes arrive, the Word reader gives minutes or one sentence, never a traceback.

Three kinds of input, all made here: random bytes (some starting like a zip or an old .doc),
a well-formed zip package whose ``word/document.xml`` is garbage or odd but well-formed XML,
and truncated copies of a real .docx built with python-docx. ``read_docx`` must return a
``MinutesDocument`` or raise a ``PccError`` whose message is one sentence.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcc_minutes.core.errors import PccError
from pcc_minutes.documents.readers.docx import read_docx
from pcc_minutes.documents.tree import MinutesDocument

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_paths = itertools.count()


def assert_read_or_refused(data: bytes, folder: Path) -> None:
    path = folder / f"fuzz{next(_paths)}.docx"
    path.write_bytes(data)
    try:
        result = read_docx(path)
    except PccError as exc:
        message = str(exc).replace(str(path), "FILE")
        assert message.endswith("."), message
        assert "\n" not in message, message
        assert not re.search(r"[.!?]\s+\S", message), f"more than one sentence: {message}"
    else:
        assert isinstance(result, MinutesDocument)
    finally:
        path.unlink()


def package(document_xml: bytes) -> bytes:
    """A zip with the parts python-docx needs, around the given ``word/document.xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


@functools.cache
def real_docx() -> bytes:
    """A small but varied .docx: title, date, attendance, headings, lists, a table, actions."""
    document = docx.Document()
    document.core_properties.title = "Parish Council Planning Committee"
    document.add_paragraph("Parish Council Planning Committee", style="Title")
    document.add_paragraph("Tuesday 4 March 2025, 7.30pm, Village Hall")
    document.add_paragraph("Present: Ann Lee (Chair), Bob Barr, Cy Dee")
    document.add_paragraph("Apologies: Di Eve")
    document.add_heading("1. Welcome", level=1)
    document.add_paragraph("The chair welcomed members and the public.")
    document.add_heading("2. Planning applications", level=1)
    document.add_paragraph("Extension at 3 Mill Lane", style="List Bullet")
    document.add_paragraph("Barn conversion at Hill Farm", style="List Bullet 2")
    document.add_paragraph("First point", style="List Number")
    document.add_paragraph("Second point", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Application", "Decision"
    table.cell(1, 0).text, table.cell(1, 1).text = "25/0012", "No objection"
    document.add_paragraph("ACTION 1: Clerk to write to the planning officer (CS)")
    document.add_paragraph("Decision: the committee supports the application.")
    bold = document.add_paragraph().add_run("Any other business")
    bold.bold = True
    document.add_paragraph("None.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _element(tag: str, children: list[str], attributes: str = "") -> str:
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&"), max_size=30
)
_value = st.sampled_from(["0", "1", "2", "9", "-1", "99999999999", "x", "", "none", "bullet"])
_leaf = st.one_of(
    _text.map(lambda text: f"<w:t>{text}</w:t>"),
    st.sampled_from(["<w:tab/>", "<w:br/>", "<w:b/>", '<w:b w:val="0"/>', "<w:noBreakHyphen/>"]),
    st.tuples(_value, _value).map(
        lambda v: f'<w:numPr><w:ilvl w:val="{v[0]}"/><w:numId w:val="{v[1]}"/></w:numPr>'
    ),
    _value.map(lambda v: f'<w:pStyle w:val="{v}"/>'),
    _value.map(lambda v: f'<w:ind w:left="{v}" w:firstLine="{v}"/>'),
    st.just('<wp:docPr xmlns:wp="urn:x" descr="logo"/>'),
)
_tags = st.sampled_from(
    ["w:p", "w:r", "w:pPr", "w:rPr", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent",
     "w:customXml", "w:hyperlink", "w:txbxContent", "w:drawing", "mc:AlternateContent",
     "mc:Choice", "mc:Fallback", "w:trPr", "w:tblHeader", "w:body", "w:document"]
)  # fmt: skip
_xml = st.recursive(
    _leaf,
    lambda children: st.builds(_element, _tags, st.lists(children, max_size=5)),
    max_leaves=40,
)


@st.composite
def odd_documents(draw) -> bytes:
    """A document.xml that is garbage, or well-formed with elements in any arrangement."""
    kind = draw(st.sampled_from(["bytes", "text", "body", "root"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "text":
        return draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    content = "".join(draw(st.lists(_xml, max_size=8)))
    namespaces = f'xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"'
    if kind == "body":
        return f"<w:document {namespaces}><w:body>{content}</w:body></w:document>".encode()
    root = draw(_tags)
    return f"<{root} {namespaces}>{content}</{root}>".encode()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(
    prefix=st.sampled_from([b"", b"PK", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]),
    data=st.binary(max_size=2000),
)
def test_random_bytes_are_read_or_refused_in_one_sentence(folder, prefix, data):
    assert_read_or_refused(prefix + data, folder)


@FUZZ
@given(document_xml=odd_documents())
def test_a_zip_with_an_odd_document_part_is_read_or_refused_in_one_sentence(folder, document_xml):
    assert_read_or_refused(package(document_xml), folder)


@FUZZ
@given(data=st.data())
def test_a_truncated_word_file_is_read_or_refused_in_one_sentence(folder, data):
    whole = real_docx()
    cut = data.draw(st.integers(min_value=0, max_value=len(whole)))
    assert_read_or_refused(whole[:cut], folder)


@FUZZ
@given(data=st.data())
def test_a_word_file_with_damaged_bytes_is_read_or_refused_in_one_sentence(folder, data):
    damaged = bytearray(real_docx())
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1))
        damaged[at] = data.draw(st.integers(min_value=0, max_value=255))
    assert_read_or_refused(bytes(damaged), folder)


def test_the_built_word_file_reads_whole(tmp_path):
    """The file the truncation tests cut up is itself read as minutes with its items."""
    path = tmp_path / "whole.docx"
    path.write_bytes(real_docx())
    document = read_docx(path)
    assert document.title == "Parish Council Planning Committee"
    assert [item.title for item in document.items][:2] == ["Welcome", "Planning applications"]
