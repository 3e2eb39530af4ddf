"""verdict labels per language: a verdict_label table (verdict, language, label)

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-01 20:30:00

Verdict labels lived in two columns (``label_en``, ``label_fr``); a third language would have needed a schema
change. ``verdict_label`` holds one row per verdict and language; the existing labels are copied into it. The two
columns stay (filled for English and French) so that older readers and dossier exports keep working.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('verdict_label',
    sa.Column('verdict_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['verdict_id'], ['verdict.id'], name=op.f('fk_verdict_label_verdict_id_verdict'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('verdict_id', 'language', name=op.f('pk_verdict_label'))
    )
    op.execute("INSERT INTO verdict_label (verdict_id, language, label) SELECT id, 'en', label_en FROM verdict")
    op.execute("INSERT INTO verdict_label (verdict_id, language, label) SELECT id, 'fr', label_fr FROM verdict")


def downgrade() -> None:
    op.drop_table('verdict_label')
