"""PCC Minutes: prepare, capture, draft and export the minutes of governance meetings.

Layers, each importing only those below it (import-linter contracts in ``pyproject.toml``
enforce this): ``ui`` and ``cli`` on top, then ``operations`` (every use case), then
``documents`` (the minutes tree, readers, writers, packaged resources) and ``store`` (the only
SQLAlchemy), then ``text`` (loose text and figure detection), then ``core`` (plain records and
rules). ``launcher`` starts one or the other.
"""

__version__ = "0.1.0"
APP_NAME = "PCC Minutes"
