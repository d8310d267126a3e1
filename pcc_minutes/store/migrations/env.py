"""Alembic environment: migrations run on the connection the store hands over.

The store (``store.database``) runs ``upgrade head`` whenever it opens a database, passing its
own connection in ``config.attributes["connection"]``; nothing here reads a URL from a file.
"""

from alembic import context

from pcc_minutes.store.tables import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise SystemExit("Run migrations through pcc_minutes.store.database.open_store().")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
