"""Alembic environment: run only programmatically, on the connection the store hands over.

``factcheck_gui.store.schema`` puts an open connection in ``config.attributes["connection"]``;
there is no alembic.ini and no URL here.
"""

from __future__ import annotations

from alembic import context

from factcheck_gui.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI by hand
    raise RuntimeError("factcheck migrations run through factcheck_gui.store, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
