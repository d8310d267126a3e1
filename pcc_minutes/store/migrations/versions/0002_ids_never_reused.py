"""ids of items, figures, actions and decisions are never reused

Undo entries name rows by id. Without AUTOINCREMENT, SQLite gives a new row the id of the
newest row just deleted, so an old undo entry could change another meeting's new row. The
four tables are rebuilt with AUTOINCREMENT (their rows, ids and indexes kept as they are).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("agenda_item", "metric", "action", "decision")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
