"""Documents: the render-neutral minutes document, readers that build it, writers that render it.

Nothing here imports Qt: the same tree feeds Word, PDF, Markdown and the in-app preview.
"""
