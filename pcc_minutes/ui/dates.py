"""Date fields that read as the minutes do ("14 August 2025"), whatever the system's language."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit


def british_dates(edit: QDateEdit) -> None:
    edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
