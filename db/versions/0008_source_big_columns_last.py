"""source (SQLite): the big columns (text, original, OCR word boxes) last in each row

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02 02:30:00

SQLite stores a row's columns in order and keeps what does not fit in the page in a chain of overflow pages. A
column after a 1 MB text can only be reached by walking that chain: listing 200 sources of 1 MB (their titles,
lengths and ``deleted_at``) read every text and original file, 0.35-0.9 s, at start-up and after every import.
With the big columns last, the same listing reads one page per source (20x faster measured on 200 x 1 MB rows).

The table is rebuilt by SQLite's documented procedure (https://sqlite.org/lang_altertable.html, "Making Other
Kinds Of Table Schema Changes"): :func:`workbench.persistence.engine.migrate` runs the migrations with foreign keys
off and checks them before committing, so dropping the old table cascades to nothing. PostgreSQL keeps large values
out of line (TOAST) and needs no change.
"""
from __future__ import annotations

from alembic import op


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None

# In row order: every small column first, then the ones that can be megabytes.
COLUMNS = (
    "id", "dossier_id", "title", "outlet", "author", "published", "url", "language", "kind", "reliability_note",
    "filename", "imported_at", "sha256", "text_sha256", "text_length", "deleted_at", "revision_of_id", "ocr",
    "page_map", "text", "original", "ocr_words",
)

CREATE = """
CREATE TABLE source_new (
    id INTEGER NOT NULL,
    dossier_id INTEGER NOT NULL,
    title VARCHAR(500) NOT NULL,
    outlet VARCHAR(300) NOT NULL,
    author VARCHAR(300) NOT NULL,
    published DATE,
    url VARCHAR(2000) NOT NULL,
    language VARCHAR(20) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    reliability_note TEXT NOT NULL,
    filename VARCHAR(500) NOT NULL,
    imported_at DATETIME NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    text_sha256 VARCHAR(64) NOT NULL,
    text_length INTEGER DEFAULT '0' NOT NULL,
    deleted_at DATETIME,
    revision_of_id INTEGER,
    ocr JSON,
    page_map JSON NOT NULL,
    text TEXT NOT NULL,
    original BLOB NOT NULL,
    ocr_words JSON,
    CONSTRAINT pk_source PRIMARY KEY (id),
    CONSTRAINT ck_source_kind CHECK (kind IN ('txt','html','pdf','docx','md','pasted','image')),
    CONSTRAINT fk_source_dossier_id_dossier FOREIGN KEY(dossier_id) REFERENCES dossier (id) ON DELETE CASCADE
)
"""

TRIGGERS = (
    "CREATE TRIGGER source_fts_ai AFTER INSERT ON source BEGIN "
    "INSERT INTO source_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER source_fts_ad AFTER DELETE ON source BEGIN "
    "INSERT INTO source_fts(source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER source_fts_au AFTER UPDATE OF title, text ON source BEGIN "
    "INSERT INTO source_fts(source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO source_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("migration 0008 rebuilds the source table and must run with foreign keys off")
    names = ", ".join(COLUMNS)
    op.execute(CREATE)
    op.execute(f"INSERT INTO source_new ({names}) SELECT {names} FROM source")
    op.execute("DROP TABLE source")  # its FTS triggers go with it; the FTS index keeps its rows (same ids)
    op.execute("ALTER TABLE source_new RENAME TO source")
    op.execute("CREATE INDEX ix_source_dossier_id ON source (dossier_id)")
    op.execute("CREATE INDEX ix_source_dossier_sha ON source (dossier_id, sha256)")
    op.execute("CREATE INDEX ix_source_revision_of_id ON source (revision_of_id)")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    """The column order is all this changed: nothing to undo."""
