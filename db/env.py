"""Alembic environment: used by ``workbench`` on open and by ``alembic`` on the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from workbench.persistence.models import Base

config = context.config
target_metadata = Base.metadata


# Made by hand in migrations, invisible to the models: PostgreSQL's full-text expression index.
HAND_MADE_INDEXES = {"ix_source_search"}
# Serialises concurrent upgrades of one PostgreSQL database (several people opening the app at once).
MIGRATION_LOCK = 0x776F726B62656E63  # "workbenc"


def include_object(obj, name, type_, reflected, compare_to):
    # FTS5 shadow tables and the search indexes are managed by hand in migrations.
    if type_ == "index" and name in HAND_MADE_INDEXES:
        return False
    return not (type_ == "table" and name and name.startswith("source_fts"))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("url") or config.get_main_option("sqlalchemy.url")
        engine = create_engine(url)
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("url"), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
