"""The fuzz suite: hostile and damaged files through the real command line (issue 8, item 11)."""
