"""an item's live visits, and bounds on figure values

``item_visit`` keeps every stretch of a live meeting spent on an item, so that going back to
an item adds to the time spent on it instead of restarting its clock; an existing item's one
recorded stretch (``actual_start`` to ``actual_end``) becomes its first visit.
``metric_point.bound`` says when a value is a bound ("over 200" is above 200), not the value.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_item.id"],
            name=op.f("fk_item_visit_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_visit")),
    )
    op.create_index(op.f("ix_item_visit_item_id"), "item_visit", ["item_id"], unique=False)
    op.execute(
        "INSERT INTO item_visit (item_id, position, started_at, ended_at) "
        "SELECT id, 0, actual_start, actual_end FROM agenda_item WHERE actual_start IS NOT NULL"
    )
    with op.batch_alter_table("metric_point") as batch:
        batch.add_column(
            sa.Column("bound", sa.String(length=20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("metric_point") as batch:
        batch.drop_column("bound")
    op.drop_index(op.f("ix_item_visit_item_id"), table_name="item_visit")
    op.drop_table("item_visit")
