"""The store: the only code that speaks SQLAlchemy and Alembic.

``database`` opens a file (migrating it) and hands out one transaction per user action;
``tables`` are the rows; ``mapping`` is the one place rows become ``core.records`` and back;
``queries`` are the reads and lookups the operations need. Nothing here knows Qt or files
other than the database itself.
"""
