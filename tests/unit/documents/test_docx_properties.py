"""The Word document's properties are ours: no author, date, description or program name is
left over from the python-docx template the reference document began as."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from pcc_minutes import APP_NAME
from pcc_minutes import operations as ops
from pcc_minutes.documents.resources import resource_path
from pcc_minutes.documents.tree import MinutesDocument
from pcc_minutes.documents.writers import docx as docx_writer
from pcc_minutes.documents.writers.docx import render_docx
from pcc_minutes.documents.writers.docx_reference import REFERENCE
from pcc_minutes.operations.demo import create_demo

EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@pytest.fixture
def demo_document(store) -> MinutesDocument:
    meeting = create_demo(store).value[0]
    return ops.minutes_document(store, meeting.id)


def export(document: MinutesDocument, target: Path) -> tuple[Path, datetime, datetime]:
    """Render ``document`` and say when: the whole seconds either side of the export."""
    before = datetime.now(UTC).replace(microsecond=0)
    render_docx(document, target)
    after = datetime.now(UTC)
    return target, before, after


def app_properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        root = ElementTree.fromstring(package.read("docProps/app.xml"))
    return {child.tag.removeprefix(EXTENDED): child.text or "" for child in root}


def test_core_properties_describe_the_meeting(demo_document, tmp_path):
    path, before, after = export(demo_document, tmp_path / "minutes.docx")
    props = docx.Document(str(path)).core_properties
    assert props.title == demo_document.title
    assert props.subject.startswith("Meeting note ")
    assert props.author == demo_document.organisation
    assert props.last_modified_by == APP_NAME
    assert props.language == "en-GB"
    assert props.revision == 1


def test_created_and_modified_are_now_in_utc(demo_document, tmp_path):
    path, before, after = export(demo_document, tmp_path / "minutes.docx")
    props = docx.Document(str(path)).core_properties
    for stamp in (props.created, props.modified):
        assert stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0
        assert before <= stamp <= after
    with zipfile.ZipFile(path) as package:
        core = package.read("docProps/core.xml").decode()
    assert 'xsi:type="dcterms:W3CDTF"' in core
    assert before.strftime("%Y-%m-%dT") in core  # Word's form: 2026-02-04T09:30:00Z


def test_nothing_of_the_python_docx_template_is_left(demo_document, tmp_path):
    path, _, _ = export(demo_document, tmp_path / "minutes.docx")
    props = docx.Document(str(path)).core_properties
    template = docx.Document(str(resource_path(REFERENCE))).core_properties
    assert template.author == "python-docx"  # what there is to overwrite
    assert "python-docx" not in (props.author, props.last_modified_by, props.comments)
    assert props.comments == f"Written by {APP_NAME}"
    assert props.category == ""
    assert props.keywords == ", ".join(
        k for k in (demo_document.marking, demo_document.status) if k
    )
    assert props.created.year >= 2025  # not the template's 2013
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        core = package.read("docProps/core.xml").decode()
    assert "python-docx" not in core
    assert not any("thumbnail" in name for name in names)


def test_author_is_the_program_when_no_organisation(demo_document, tmp_path):
    anonymous = dataclasses.replace(demo_document, organisation="", agenda_only=True)
    path, _, _ = export(anonymous, tmp_path / "agenda.docx")
    props = docx.Document(str(path)).core_properties
    assert props.author == APP_NAME
    assert props.subject.startswith("Agenda ")
    assert "Company" not in app_properties(path)


def test_app_properties_name_this_program(demo_document, tmp_path):
    path, _, _ = export(demo_document, tmp_path / "minutes.docx")
    app = app_properties(path)
    assert app["Application"] == APP_NAME
    assert app["Company"] == demo_document.organisation
    assert "Template" not in app and "AppVersion" not in app  # Microsoft Word's, not ours


def test_app_properties_written_when_the_reference_has_none(demo_document, tmp_path, monkeypatch):
    bare = docx.Document(str(resource_path(REFERENCE)))
    package = bare.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            del package.rels[rel_id]
    reference = tmp_path / "reference-without-app.docx"
    bare.save(str(reference))
    with zipfile.ZipFile(reference) as saved:
        assert "docProps/app.xml" not in saved.namelist()
    monkeypatch.setattr(docx_writer, "resource_path", lambda name, **_: reference)

    path, _, _ = export(demo_document, tmp_path / "minutes.docx")
    assert app_properties(path)["Application"] == APP_NAME
    with zipfile.ZipFile(path) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert 'PartName="/docProps/app.xml"' in types
    assert "extended-properties" in rels


def test_cli_export_carries_the_properties(cli, tmp_path):
    assert cli("demo").code == 0
    target = tmp_path / "cli.docx"
    result = cli("export", "1", "--format", "docx", "-o", target)
    assert result.code == 0, result.err
    props = docx.Document(str(target)).core_properties
    assert props.author != "python-docx"
    assert props.language == "en-GB"
    assert app_properties(target)["Application"] == APP_NAME
