"""PCC Minutes: prepare, capture, draft and export the minutes of governance meetings.

The package has three worlds with one direction of imports: ``model`` (domain, persistence,
services), ``documents`` (the render-neutral minutes document, its readers and writers) and
``ui`` (the Qt front end). ``ui`` imports the others; nothing imports ``ui``.
"""

__version__ = "0.1.0"
APP_NAME = "PCC Minutes"
