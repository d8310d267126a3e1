"""Word (.docx) minutes read into a minutes document.

``read_docx`` walks the document's own XML (through python-docx for the package, styles and
numbering) and recognises what real minutes use: heading styles, Word lists with their nesting
and numbering, bold paragraphs used as headings, "Item 2: …" and "1. Welcome" headings,
attendance tables and "Present:"/"Apologies:" lines, "ACTION n:" and "Decision:" lines, and
tables. Layout tables of one column, content controls, text boxes and hyperlinks are read for
their words. Whatever cannot be recognised stays as plain paragraphs: an unusual document is
imported less neatly, never refused or cut short. Files that are not Word documents at all
are refused with one sentence that says what to do.

One module per job, each depending only on those before it:

- ``ooxml``: WordprocessingML tag names and attribute helpers;
- ``package``: opening the file safely, refusing foreign or damaged files in one sentence;
- ``styles``: the style sheet and numbering definitions;
- ``units``: the paragraphs and tables every later step reads, and shared text helpers;
- ``tables``: table rows and cells, and data tables as ``Table`` blocks;
- ``paragraphs``: the XML walk, runs → spans, styles and numbering → list levels;
- ``title_block``: title, kind line, date, time, venue and logo;
- ``attendance``: who attended and who chaired;
- ``items``: the agenda and where each item begins and what it is called;
- ``blocks``: an item's paragraphs, sub-headings, lists, tables, actions and decisions;
- ``reader``: ``read_docx``, tying them together.
"""

from __future__ import annotations

from pcc_minutes.documents.readers.docx.reader import read_docx

__all__ = ["read_docx"]
