"""The notes pane: the WYSIWYG editor of an item's notes, its spelling and its find bar.

- ``editor``: ``NotesEditor``, the widget (loading, saving, snapshot, paste, spelling hookup);
- ``keys``: what Enter, Tab, Shift+Tab, the formatting shortcuts and "- " do;
- ``formatting``: the commands bold, italic, sub-heading, bullets, indent and outdent;
- ``formats``: how the ``QTextDocument`` holds the structure, and its formats;
- ``convert``: ``QTextDocument`` and pasted text to and from ``documents.tree`` blocks;
- ``builder``: writing converted lines into a ``QTextDocument``;
- ``spelling``: the British English checker, the red underline and the suggestions menu;
- ``find_bar``: ``FindBar``, find and replace under the notes.
"""

from pcc_minutes.ui.notes.editor import NotesEditor
from pcc_minutes.ui.notes.find_bar import FindBar

__all__ = ["FindBar", "NotesEditor"]
