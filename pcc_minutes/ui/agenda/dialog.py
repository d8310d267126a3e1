"""The agenda item dialog: an item's title, heading, lead, planned minutes and confidentiality.

``ItemDialog`` is the small form that ``AgendaOutline`` shows to add or edit an item; it
refuses a blank title inline and hands back its fields as ``editing.update_item`` names them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pcc_minutes.core.records import AgendaItem


class ItemDialog(QDialog):
    """An agenda item's details. Adding asks for title, lead, planned minutes and
    confidentiality; editing also offers the heading the minutes use for the item.

    Enter accepts, Esc cancels; a blank title is refused inline and the dialog stays open.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        item: AgendaItem | None = None,
        with_heading: bool = True,
    ):
        super().__init__(parent)
        adding = item is None
        self.setWindowTitle("Add agenda item" if adding else "Agenda item properties")

        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setAccessibleName("Title")
        self.heading_edit = QLineEdit(item.heading if item else "")
        self.heading_edit.setAccessibleName("Heading in the minutes")
        self.heading_edit.setPlaceholderText("Same as the title")
        self.lead_edit = QLineEdit(item.lead if item else "")
        self.lead_edit.setAccessibleName("Lead")
        self.lead_edit.setPlaceholderText("Who presents the item")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 600)
        self.minutes_spin.setSuffix(" min")
        # Zero reads as "not planned" because an item without a planned time is common.
        self.minutes_spin.setSpecialValueText("Not planned")
        self.minutes_spin.setValue((item.planned_minutes or 0) if item else 0)
        self.minutes_spin.setAccessibleName("Planned minutes")
        self.confidential_check = QCheckBox("&Confidential (left out of the public minutes)")
        self.confidential_check.setChecked(item.confidential if item else False)
        self.confidential_check.setAccessibleName("Confidential")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Add" if adding else "Save")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        if with_heading:
            form.addRow("&Heading:", self.heading_edit)
        else:
            self.heading_edit.hide()
        form.addRow("&Lead:", self.lead_edit)
        form.addRow("&Planned:", self.minutes_spin)
        form.addRow(self.confidential_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Wide enough for a typical item title, in text widths so it scales with the font.
        self.title_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def values(self) -> dict[str, Any]:
        """The fields as ``editing.update_item`` names them."""
        return {
            "title": self.title_edit.text().strip(),
            "heading": self.heading_edit.text().strip(),
            "lead": self.lead_edit.text().strip(),
            "planned_minutes": self.minutes_spin.value() or None,
            "confidential": self.confidential_check.isChecked(),
        }

    def accept(self) -> None:
        if not self.title_edit.text().strip():
            self.problem.setText("An agenda item needs a title; type one in.")
            self.problem.show()
            self.title_edit.setFocus()
            return
        super().accept()
