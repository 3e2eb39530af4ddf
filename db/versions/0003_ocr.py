"""ocr: how a source's text was read by OCR, its word boxes, and the 'image' source kind

Revision ID: 0003
Revises: 0005
Create Date: 2026-12-01 20:30:00

``source.ocr`` (JSON, NULL for sources with a text layer) records engine, version, language and mean confidence;
``source.ocr_words`` (JSON) keeps the word boxes per page, with offsets into the text of record.

Screenshots and photos are sources of kind 'image', which the CHECK constraint on ``source.kind`` must allow.
PostgreSQL replaces the constraint. SQLite cannot alter a constraint, and Alembic's batch mode would copy and
DROP the table, which with ``foreign_keys=ON`` (set on every connection) deletes every span, appearance and
evidence row through their ON DELETE CASCADE; so the CHECK is widened in the stored schema text instead, the
procedure SQLite documents for changes that do not touch the on-disk format (lang_altertable.html, "Making Other
Kinds Of Table Schema Changes"): nothing is copied and the triggers of the FTS5 table stay as they are.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0005'
branch_labels = None
depends_on = None

OLD_KINDS = "'txt','html','pdf','docx','md','pasted'"
NEW_KINDS = "'txt','html','pdf','docx','md','pasted','image'"


def _set_kinds(old: str, new: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        version = bind.exec_driver_sql('PRAGMA schema_version').scalar()
        bind.exec_driver_sql('PRAGMA writable_schema=ON')
        try:
            bind.exec_driver_sql(
                "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'source'",
                (f'kind IN ({old})', f'kind IN ({new})'),
            )
            bind.exec_driver_sql(f'PRAGMA schema_version={int(version) + 1}')
        finally:
            bind.exec_driver_sql('PRAGMA writable_schema=OFF')
    else:
        op.drop_constraint(op.f('ck_source_kind'), 'source', type_='check')
        op.create_check_constraint(op.f('ck_source_kind'), 'source', f'kind IN ({new})')


def upgrade() -> None:
    op.add_column('source', sa.Column('ocr', sa.JSON(), nullable=True))
    op.add_column('source', sa.Column('ocr_words', sa.JSON(), nullable=True))
    _set_kinds(OLD_KINDS, NEW_KINDS)


def downgrade() -> None:
    _set_kinds(NEW_KINDS, OLD_KINDS)
    op.drop_column('source', 'ocr_words')  # SQLite >= 3.35 drops a column in place (no table copy)
    op.drop_column('source', 'ocr')
