"""The PDF's fonts: the bundled Liberation Sans faces, registered with reportlab and embedded.

Every character of the notes (– ’ → £ é ŵ) prints, and the file never refers to an unembedded
base-14 font.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pcc_minutes.core.errors import PccError
from pcc_minutes.documents.resources import resource_path

FONT = "LiberationSans"
FONT_BOLD = "LiberationSans-Bold"
FONT_ITALIC = "LiberationSans-Italic"
FONT_BOLD_ITALIC = "LiberationSans-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSans-Regular.ttf",
    FONT_BOLD: "LiberationSans-Bold.ttf",
    FONT_ITALIC: "LiberationSans-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}


def fonts_folder() -> Path:
    return resource_path("fonts")


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the bundled Liberation Sans faces once per process; return the family name.

    The family mapping is what lets ``<b>``/``<i>`` in paragraph markup pick the bold and
    italic files instead of falling back to a synthetic (or base-14) face.
    """
    folder = fonts_folder()
    for name, file_name in _FONT_FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise PccError(
                f"This installation of PCC Minutes lacks the PDF font {file_name} (looked in "
                f"{folder}); reinstall it with 'pip install --force-reinstall pcc-minutes', "
                "or export as Word instead."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT
