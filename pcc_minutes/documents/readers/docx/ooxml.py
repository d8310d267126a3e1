"""The WordprocessingML vocabulary the reader looks for: tag names, toggles and numbers.

The reader walks python-docx's lxml elements directly rather than its paragraph objects,
because those skip what real minutes put in content controls, text boxes, hyperlinks and
alternate content. Comparing ``element.tag`` with the Clark names built here (``{ns}p``) is
the cheapest way to do that, so every module of the reader takes its names from this one.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def w(tag: str) -> str:
    """The Clark name of a ``w:`` element or attribute: ``w("p")`` → ``{…/main}p``."""
    return f"{{{W_NS}}}{tag}"


P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
TXBX_CONTENT = w("txbxContent")
ALTERNATE, CHOICE, FALLBACK = (
    f"{{{MC_NS}}}AlternateContent",
    f"{{{MC_NS}}}Choice",
    f"{{{MC_NS}}}Fallback",
)
DOC_PR = f"{{{WP_NS}}}docPr"
VAL = w("val")
# Elements that only wrap other content (content controls, custom XML): looked through.
WRAPPERS = (SDT, SDT_CONTENT, CUSTOM_XML)


def on(element) -> bool:
    """A toggle property such as <w:b/>: on unless its value says off."""
    return element.get(VAL, "true").lower() not in ("0", "false", "off", "none")


def to_int(value: str | None, default: int) -> int:
    """An integer attribute; a missing or malformed one (real files have both) is ``default``."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
