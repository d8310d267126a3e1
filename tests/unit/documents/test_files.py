"""Exports are written whole or not at all."""

from __future__ import annotations

import os

import pytest

from pcc_minutes.core.errors import PccError, UserInputError
from pcc_minutes.documents.writers.files import write_atomically


def test_a_failed_export_leaves_the_old_file_and_no_partial_file(tmp_path):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the approved version")

    def fails_half_way(temp):
        temp.write_bytes(b"half a docu")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_atomically(target, fails_half_way)
    assert target.read_bytes() == b"the approved version"
    assert os.listdir(tmp_path) == ["minutes.docx"]


def test_a_successful_export_replaces_the_file(tmp_path):
    target = tmp_path / "minutes.md"
    target.write_text("old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["minutes.md"]


def test_a_folder_that_cannot_be_written_gives_one_sentence(tmp_path, monkeypatch):
    # Root can write anywhere, so the refusal the operating system gives is simulated.
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PccError, match="choose a folder you can write to") as caught:
        write_atomically(tmp_path / "x.md", b"data")
    assert "Permission denied" in str(caught.value) and os.listdir(tmp_path) == []


def test_a_missing_folder_or_a_folder_as_target_is_bad_input(tmp_path):
    with pytest.raises(UserInputError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "x.md", b"data")
    with pytest.raises(UserInputError, match="is a folder"):
        write_atomically(tmp_path, b"data")
