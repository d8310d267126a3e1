"""The core: plain frozen data and the rules about it, with no Qt, no SQLAlchemy and no files.

Everything above imports from here; this package imports nothing of the project's but itself.
``records`` is the meeting as plain data, ``status`` the approval rules and the lock,
``clock`` local wall time and live timing, ``changes`` what an operation reports.
"""
