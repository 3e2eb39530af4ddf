"""source.text_length: the length of the text of record, stored at import

Revision ID: 0007
Revises: 0002
Create Date: 2026-12-01 20:30:00

Listing sources used to load every text (and the models every original file) to compute a length: 544-839 ms for
20 sources of 1 MB, after every edit. The length is now a column, filled here for existing sources; ``text`` and
``original`` are deferred in the model and loaded only when read.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0002'
branch_labels = None
depends_on = None


# Plain ALTER TABLE, never batch mode: on SQLite a batch copy drops the old table, and with foreign keys on that
# cascades to every span, appearance and evidence row.


def upgrade() -> None:
    op.add_column('source', sa.Column('text_length', sa.Integer(), server_default='0', nullable=False))
    op.execute("UPDATE source SET text_length = length(text)")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("ALTER TABLE source DROP COLUMN text_length")  # SQLite >= 3.35
    else:
        op.drop_column('source', 'text_length')
