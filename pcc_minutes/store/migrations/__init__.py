"""Alembic migrations of the store's schema.

``HEAD`` names the newest revision so that opening an up-to-date database needs no Alembic
import (it costs a fifth of a second at start-up); a test keeps it equal to Alembic's head.
"""

HEAD = "0005"
