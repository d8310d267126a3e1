"""search across everything: an FTS5 index of titles, notes, actions, decisions, figures, people

``search_text`` is an SQLite FTS5 table (stemmed, case- and accent-folded); ``search_entry``
says which row each of its rows indexes, so that ``store.search`` changes one index row per
changed row inside every write. The index of an existing database is filled here.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from pcc_minutes.store import search

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("kind", "row_id", name=op.f("uq_search_entry_kind")),
    )
    op.create_index(op.f("ix_search_entry_meeting_id"), "search_entry", ["meeting_id"])
    op.create_index(op.f("ix_search_entry_item_id"), "search_entry", ["item_id"])
    op.execute(search.CREATE_FTS)
    search.rebuild(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE search_text")
    op.drop_index(op.f("ix_search_entry_item_id"), table_name="search_entry")
    op.drop_index(op.f("ix_search_entry_meeting_id"), table_name="search_entry")
    op.drop_table("search_entry")
