"""revisions: a source may replace an older one, and a drift row records what became of each span

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 20:15:00

``source.revision_of_id`` links a revision to the one it replaces (the old row and its bytes are never changed).
``span_drift`` keeps, for every appearance and evidence span re-anchored on a new revision, the old and new spans,
the state (anchored, moved, changed, orphaned), a word-level diff, the stated differences and whether the claim
awaits the user's review. The integrator chains this after 0003.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain column, no foreign key: adding a constraint to ``source`` on SQLite means rebuilding the table
    # (batch mode), which would drop the FTS5 triggers 0001 put on it. Sources are only soft-deleted, and a
    # dossier's revisions go with it, so the link cannot dangle.
    op.add_column('source', sa.Column('revision_of_id', sa.Integer(), nullable=True))
    op.create_index('ix_source_revision_of_id', 'source', ['revision_of_id'], unique=False)
    op.create_table(
        'span_drift',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('old_source_id', sa.Integer(), nullable=False),
        sa.Column('new_source_id', sa.Integer(), nullable=False),
        sa.Column('claim_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('old_span_id', sa.Integer(), nullable=False),
        sa.Column('new_span_id', sa.Integer(), nullable=True),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('diff', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('review', sa.String(length=20), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('appearance','evidence')", name=op.f('ck_span_drift_role')),
        sa.CheckConstraint("state IN ('anchored','moved','changed','orphaned')", name=op.f('ck_span_drift_state')),
        sa.CheckConstraint("review IN ('none','pending','accepted','dismissed')", name=op.f('ck_span_drift_review')),
        sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_span_drift_claim_id_claim'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_span_drift_dossier_id_dossier'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['new_source_id'], ['source.id'], name=op.f('fk_span_drift_new_source_id_source'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['new_span_id'], ['span.id'], name=op.f('fk_span_drift_new_span_id_span'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['old_source_id'], ['source.id'], name=op.f('fk_span_drift_old_source_id_source'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['old_span_id'], ['span.id'], name=op.f('fk_span_drift_old_span_id_span'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_span_drift')),
    )
    with op.batch_alter_table('span_drift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_span_drift_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_span_drift_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index('ix_span_drift_sources', ['old_source_id', 'new_source_id'], unique=False)


def downgrade() -> None:
    op.drop_table('span_drift')
    op.drop_index('ix_source_revision_of_id', table_name='source')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE source DROP COLUMN revision_of_id')  # SQLite >= 3.35; keeps the FTS triggers
    else:
        op.drop_column('source', 'revision_of_id')
