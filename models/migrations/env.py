"""Alembic environment: migrate the connection :meth:`Store.open` hands over (``config.attributes``), or,
for developer use (``alembic revision --autogenerate``), the URL in the config or ``THIDUA_DATABASE_URL``.

The whole upgrade is one transaction on both backends, so a crash mid-migration leaves the previous
revision. Two processes opening a fresh store at once are serialised: SQLite by the store's
``BEGIN IMMEDIATE``, PostgreSQL by a transaction-scoped advisory lock taken before the version table is
read — the second process then finds the schema at head and does nothing.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from models.schema import Base
from models.store import StoreSettings, make_engine

# An arbitrary fixed key ("thidua" in ASCII) that only thidua's migrations take.
MIGRATION_LOCK_KEY = 0x746869647561


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        transactional_ddl=True,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        context.run_migrations()


def main() -> None:
    config = context.config
    url = config.get_main_option("sqlalchemy.url") or StoreSettings.from_env().database_url
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            run(connection)
    finally:
        engine.dispose()


main()
