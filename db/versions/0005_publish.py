"""publish: web captures of sources (WARC or MHTML archive, capture time)

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-01 20:30:00

One row per archived copy of a source fetched from the web (``workbench import URL``) or imported from a web
archive (``.warc``, ``.warc.gz``, ``.mhtml``, ``.mht``): the archive bytes with their SHA-256, the URL, the HTTP
status and content type, and when the page was captured.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'capture',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=2000), nullable=False),
        sa.Column('captured_at', sa.DateTime(), nullable=True),
        sa.Column('status', sa.Integer(), nullable=True),
        sa.Column('content_type', sa.String(length=200), nullable=False),
        sa.Column('archive_format', sa.String(length=10), nullable=False),
        sa.Column('archive', sa.LargeBinary(), nullable=False),
        sa.Column('archive_sha256', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_capture_source_id_source'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_capture')),
    )
    with op.batch_alter_table('capture', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capture_source_id'), ['source_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('capture', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capture_source_id'))
    op.drop_table('capture')
