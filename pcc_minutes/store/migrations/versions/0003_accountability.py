"""actions followed across meetings, indicators, the standing action-log item

An action raised in one meeting appears in later ones through ``action_update`` (one row per
action and meeting: where it is listed there, its status then, the update said). A figure
belongs to an ``indicator`` of its series, so that its values can be followed month to month.
An agenda item's ``kind`` marks the standing "Matters arising / action log" item.

Existing figures are linked to indicators when the search and trend operations first need
them (``operations.indicators``); nothing here guesses at them.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("higher_is_better", sa.Boolean(), nullable=True),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_indicator_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_indicator_key"), "indicator", ["key"], unique=False)
    op.create_index(op.f("ix_indicator_series_id"), "indicator", ["series_id"], unique=False)
    op.create_table(
        "action_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_action_update_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_item.id"],
            name=op.f("fk_action_update_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_update_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_update")),
        sa.UniqueConstraint("action_id", "meeting_id", name=op.f("uq_action_update_action_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_action_update_action_id"), "action_update", ["action_id"], unique=False
    )
    op.create_index(op.f("ix_action_update_item_id"), "action_update", ["item_id"], unique=False)
    op.create_index(
        op.f("ix_action_update_meeting_id"), "action_update", ["meeting_id"], unique=False
    )
    with op.batch_alter_table("agenda_item") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=30), nullable=False, server_default=""))
    # The rebuild keeps AUTOINCREMENT (0002): figure ids are never reused.
    with op.batch_alter_table(
        "metric", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(sa.Column("indicator_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("indicator_manual", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_index(batch.f("ix_metric_indicator_id"), ["indicator_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_metric_indicator_id_indicator"),
            "indicator",
            ["indicator_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "metric", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_constraint("fk_metric_indicator_id_indicator", type_="foreignkey")
        batch.drop_index("ix_metric_indicator_id")
        batch.drop_column("indicator_manual")
        batch.drop_column("indicator_id")
    with op.batch_alter_table("agenda_item") as batch:
        batch.drop_column("kind")
    op.drop_table("action_update")
    op.drop_table("indicator")
