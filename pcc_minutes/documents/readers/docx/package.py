"""Opening a .docx safely: a Word package, or one sentence saying why it cannot be imported.

Every way a file can fail to be a Word document ends here as a ``UserInputError`` whose
message is one sentence naming the file and what to do; no traceback may reach the user for
a bad file. Old binary .doc files and password-protected documents are both OLE2 compound
files, told apart by the ``EncryptedPackage`` stream name, because the advice differs.
Parts a valid package may lack (styles, numbering, core properties) are read through
``safe`` so that their absence reads as "none", never as a failure. ``body`` is the one way
the reader reaches the document's body, which a well-formed but hollow file may lack.
"""

from __future__ import annotations

import io
import traceback
from pathlib import Path

import docx

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.documents.readers.docx.ooxml import w
from pcc_minutes.documents.readers.package_limits import check_package
from pcc_minutes.documents.readers.source import shown

# An OLE2 compound file: an old binary .doc, or an Office file encrypted with a password.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_document(data: bytes, path: Path):
    """The python-docx document for ``data`` (the bytes of ``path``), or a UserInputError."""
    if data.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UserInputError(
                f"{shown(path)} is password-protected; open it in Word, remove the password and "
                "save it as .docx, then import that file."
            )
        raise UserInputError(
            f"{shown(path)} is an old Word .doc file or a password-protected document; open it in "
            "Word and save it, unprotected, as .docx, then import that file."
        )
    if not data.startswith(b"PK"):
        raise UserInputError(
            f"{shown(path)} is not a Word document; save the minutes from Word as .docx and import "
            "that file."
        )
    check_package(data, path)  # before python-docx inflates anything
    damaged = UserInputError(
        f"{shown(path)} is damaged or is not a Word document; open it in Word, save it as .docx "
        "and import that file."
    )
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        # python-docx reports a broken package through zipfile, KeyError, lxml, ValueError and
        # its own PackageNotFoundError; for the user they all mean the same thing, and no
        # traceback may reach them for a bad file. python-docx leaves its zip file open when
        # it fails; clearing the failed frames closes it now rather than at some later
        # collection, where a failure to close would print "Exception ignored".
        traceback.clear_frames(exc.__traceback__)
        raise damaged from exc
    if document.element.tag != w("document"):
        # python-docx accepts any well-formed XML as the main part; one whose root is not
        # w:document (a lone w:p, a w:body) has no document body to read.
        raise damaged
    return document


def safe(getter):
    """A part python-docx may not have (no numbering, no core properties): None then."""
    try:
        return getter()
    except (KeyError, AttributeError, NotImplementedError, ValueError):
        return None


def body(document) -> list:
    """The w:body element to walk, or no elements when the document has no body."""
    found = document.element.body
    return found if found is not None else []
