"""The export dialog: an agenda is the public one unless the user unticks it (it is published
before the meeting), the minutes are the full version unless asked; each remembers its own."""

from __future__ import annotations

from pathlib import Path

from pcc_minutes.ui.window.export_dialog import ExportDialog


def dialog(qtbot, *, agenda: bool) -> ExportDialog:
    made = ExportDialog(None, Path("out.pdf"), "PDF (*.pdf)", agenda)
    qtbot.addWidget(made)
    return made


def test_an_agenda_is_public_by_default_and_the_minutes_are_not(qtbot):
    assert dialog(qtbot, agenda=True).public.isChecked()
    assert not dialog(qtbot, agenda=False).public.isChecked()


def test_each_kind_remembers_its_own_choice(qtbot):
    agenda = dialog(qtbot, agenda=True)
    agenda.public.setChecked(False)
    agenda.accept()
    minutes = dialog(qtbot, agenda=False)
    minutes.public.setChecked(True)
    minutes.accept()
    assert not dialog(qtbot, agenda=True).public.isChecked()
    assert dialog(qtbot, agenda=False).public.isChecked()


def test_trends_are_off_by_default_remembered_and_not_offered_for_an_agenda(qtbot):
    minutes = dialog(qtbot, agenda=False)
    assert not minutes.trends.isChecked()
    assert not minutes.trends.isHidden()
    assert dialog(qtbot, agenda=True).trends.isHidden()
    minutes.trends.setChecked(True)
    minutes.accept()
    assert dialog(qtbot, agenda=False).trends.isChecked()


def test_the_file_label_shows_its_mnemonic_not_an_ampersand_and_leads_to_the_path(qtbot):
    from PySide6.QtWidgets import QFormLayout, QLabel

    made = dialog(qtbot, agenda=False)
    form = made.layout()
    assert isinstance(form, QFormLayout)
    label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    assert isinstance(label, QLabel)
    assert label.buddy() is made.path  # Alt+F puts the cursor in the path field
    assert label.text() == "&File:"  # a mnemonic, drawn underlined, not a literal "&"


def test_figure_tables_are_off_by_default_remembered_and_not_offered_for_an_agenda(qtbot):
    minutes = dialog(qtbot, agenda=False)
    assert not minutes.figures.isChecked()
    assert minutes.figures.text() == "Include figure &tables"
    assert dialog(qtbot, agenda=True).figures.isHidden()
    minutes.figures.setChecked(True)
    minutes.accept()
    assert dialog(qtbot, agenda=False).figures.isChecked()


def test_the_logo_picture_is_remembered_and_empty_means_none(qtbot, tmp_path):
    minutes = dialog(qtbot, agenda=False)
    assert minutes.logo_path() is None
    picture = tmp_path / "logo.png"
    minutes.logo.setText(str(picture))
    minutes.accept()
    assert dialog(qtbot, agenda=False).logo_path() == picture


def test_every_mnemonic_in_the_dialog_is_its_own(qtbot):
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    made = dialog(qtbot, agenda=False)
    texts = [w.text() for w in made.findChildren(QAbstractButton) + made.findChildren(QLabel)]
    letters = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(letters) == len(set(letters)), letters


def test_the_path_field_is_wide_and_shows_the_files_name(qtbot):
    made = dialog(qtbot, agenda=False)
    made.path.setText("/a/long/folder/2025-10-09 Accountability and Performance Meeting.docx")
    made.path.setCursorPosition(len(made.path.text()))
    assert made.path.minimumWidth() >= made.path.fontMetrics().horizontalAdvance("M") * 36


def test_a_first_export_goes_to_the_documents_folder(tmp_path, monkeypatch):
    from pathlib import Path

    from pcc_minutes.ui.window.files import documents_folder

    folder = documents_folder()
    assert folder.is_dir() and (folder.name == "Documents" or folder == Path.home())
