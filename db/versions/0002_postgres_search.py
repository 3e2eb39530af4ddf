"""postgres search: unaccent, an immutable wrapper and a GIN full-text index on sources

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00

PostgreSQL only (SQLite has its FTS5 table since 0001). ``unaccent()`` itself is only STABLE (it reads a
dictionary chosen by search_path), so an index cannot use it: ``workbench_unaccent(text)`` names the dictionary
with its schema, is declared IMMUTABLE, and also turns every run of non-alphanumeric characters into one space,
so that PostgreSQL's text-search parser cuts words exactly where SQLite's ``unicode61`` tokenizer does
("Saint-Aubin-sur-Lerne", "n’a", "1,5", "www.example.org" give the same words on both backends).
``candidate_sources`` in workbench/persistence/search.py queries the very same expression, which is what lets the
planner use the index.
"""
from __future__ import annotations

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEX = 'ix_source_search'
DOCUMENT = "to_tsvector('simple', workbench_unaccent(title || ' ' || text))"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # Trusted extension since PostgreSQL 13: the database owner may create it; a superuser always can.
    op.execute('CREATE EXTENSION IF NOT EXISTS unaccent')
    schema = bind.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'"
    ).scalar_one()
    quoted = ('"' + schema.replace('"', '""') + '"').replace("'", "''")
    op.execute(
        "CREATE OR REPLACE FUNCTION workbench_unaccent(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT regexp_replace("
        f"{quoted}.unaccent('{quoted}.unaccent'::regdictionary, $1), '[^[:alnum:]]+', ' ', 'g') $$"
    )
    op.execute(f'CREATE INDEX {INDEX} ON source USING gin ({DOCUMENT})')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f'DROP INDEX IF EXISTS {INDEX}')
    op.execute('DROP FUNCTION IF EXISTS workbench_unaccent(text)')
    # The unaccent extension stays: other objects may use it, and dropping it needs the owner.
