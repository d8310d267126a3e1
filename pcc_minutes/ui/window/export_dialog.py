"""The export dialog: where to write the file, and which version (public or full, with or
without the recording timings, the figures' trends from earlier meetings and the figure
tables, and which logo picture goes at the top)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class ExportDialog(QDialog):
    """Where to write the file, and which version: public or full, with or without timings."""

    def __init__(self, parent: QWidget | None, suggested: Path, file_filter: str, agenda: bool):
        super().__init__(parent)
        self.setWindowTitle("Export the agenda" if agenda else "Export the minutes")
        self.file_filter = file_filter
        self.path = QLineEdit(str(suggested))
        # Wide enough for a folder and a meeting's file name, and its name shown, not its folder.
        self.path.setMinimumWidth(self.path.fontMetrics().horizontalAdvance("M") * 36)
        self.path.setCursorPosition(len(self.path.text()))
        self.path.setAccessibleName("File to write")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.public = QCheckBox("&Public version (leave out confidential items and private notes)")
        self.timings = QCheckBox("Show where each item starts in the &recording")
        self.timings.setVisible(not agenda)
        self.trends = QCheckBox("Include trends from &earlier meetings")
        self.trends.setToolTip(
            "Under each figure reported in earlier meetings too: a table of its values and a chart"
        )
        self.trends.setVisible(not agenda)
        self.figures = QCheckBox("Include figure &tables")
        self.figures.setToolTip(
            "A table of each item's figures (period, value, unit, target), right after the "
            "paragraph or bullet they came from; without it the figures stay in the prose"
        )
        self.figures.setVisible(not agenda)
        self.logo = QLineEdit()
        self.logo.setPlaceholderText("None: no logo at the top")
        self.logo.setAccessibleName("Logo picture")
        self.logo.setToolTip(
            "A PNG or JPEG drawn at the top of the Word and PDF minutes, described by the "
            "meeting's logo alt text"
        )
        logo_browse = QPushButton("Ch&oose…")
        logo_browse.setAccessibleName("Choose the logo picture")
        logo_browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(logo_browse)
        settings = QSettings()
        # An agenda is published before the meeting: public unless the user asks otherwise
        # (the command line's --agenda likewise); each kind remembers its own choice.
        self._public_key = "export/agenda_public" if agenda else "export/public"
        self.public.setChecked(settings.value(self._public_key, agenda, type=bool))
        self.timings.setChecked(settings.value("export/timings", False, type=bool))
        self.trends.setChecked(settings.value("export/trends", False, type=bool))
        self.figures.setChecked(settings.value("export/figures", False, type=bool))
        self.logo.setText(settings.value("export/logo", "", type=str))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        # A text label with a layout beside it has no buddy, and Qt would print its "&":
        # the label names the path field itself, so Alt+F goes there.
        label = QLabel("&File:")
        label.setBuddy(self.path)
        form.addRow(label, row)
        form.addRow(self.public)
        form.addRow(self.timings)
        form.addRow(self.trends)
        form.addRow(self.figures)
        logo_label = QLabel("&Logo:")
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path.text(), self.file_filter
        )
        if chosen:
            self.path.setText(chosen)

    def _choose_logo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Logo picture", self.logo.text(), "Pictures (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.logo.setText(chosen)

    def logo_path(self) -> Path | None:
        """The logo picture chosen, or None for no logo."""
        text = self.logo.text().strip()
        return Path(text).expanduser() if text else None

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue(self._public_key, self.public.isChecked())
        settings.setValue("export/timings", self.timings.isChecked())
        settings.setValue("export/trends", self.trends.isChecked())
        settings.setValue("export/figures", self.figures.isChecked())
        settings.setValue("export/logo", self.logo.text().strip())
        super().accept()
