"""The PDF's fonts: the bundled Liberation Sans faces, registered with reportlab and embedded.

Every character of the notes (– ’ → £ é ŵ) prints, and the file never refers to an unembedded
base-14 font. Liberation Sans has the arrows (→ in "1,200 → 800") but draws them small and
low, below the middle of the figures beside them; they are drawn from DejaVu Sans instead,
whose arrows sit at the height of the text (``SYMBOLS``: two small subsets of its faces,
arrows only, made with fontTools' ``pyftsubset``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pcc_minutes.core.errors import PccError
from pcc_minutes.documents.resources import resource_path
from pcc_minutes.documents.writers import ARROWS

FONT = "LiberationSans"
FONT_BOLD = "LiberationSans-Bold"
FONT_ITALIC = "LiberationSans-Italic"
FONT_BOLD_ITALIC = "LiberationSans-BoldItalic"
ARROW_FONT = "DejaVuSans-Arrows"
ARROW_FONT_BOLD = "DejaVuSans-Bold-Arrows"
_FONT_FILES = {
    FONT: "LiberationSans-Regular.ttf",
    FONT_BOLD: "LiberationSans-Bold.ttf",
    FONT_ITALIC: "LiberationSans-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
    ARROW_FONT: "DejaVuSans-Arrows.ttf",
    ARROW_FONT_BOLD: "DejaVuSans-Bold-Arrows.ttf",
}
# The characters drawn from the arrow faces (what their subsets hold), and the arrow face
# for each text face: the arrows of bold text are bold, those of italic text upright.
SYMBOLS = frozenset(ARROWS)
SYMBOL_FONTS = {
    FONT: ARROW_FONT,
    FONT_ITALIC: ARROW_FONT,
    FONT_BOLD: ARROW_FONT_BOLD,
    FONT_BOLD_ITALIC: ARROW_FONT_BOLD,
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
