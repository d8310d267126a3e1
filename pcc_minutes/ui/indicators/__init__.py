"""The window's view of indicators: a trend's chart, table and sentence.

Built on first use only (start-up is measured); nothing here is imported by the window
until a trend is asked for.
"""
