"""SQLAlchemy 2 models of the dossier. Portable to SQLite and PostgreSQL: no backend-specific types here.

Constraint names follow one naming convention so that Alembic can alter them. Deletions are soft (``deleted_at``)
so that undo is a restore. Sources are never edited in place: only their metadata changes.

No ``from __future__ import annotations`` here: with it, every ``Mapped[...]`` annotation is a string that the
declarative mapping parses and evaluates at import, on each start-up (about 130 of them, 10-20 ms of the window's
start). Only the relationships' forward references are quoted.
"""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Timezone-naive UTC now (stored naive on both backends)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings stored with the data (last dossier, organisation name...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class RatingScaleRow(Base):
    """A rating scale owned by one dossier (copied from a preset)."""

    __tablename__ = "rating_scale"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    verdicts: Mapped[list["VerdictRow"]] = relationship(
        back_populates="scale", order_by="VerdictRow.position", cascade="all, delete-orphan"
    )


class VerdictRow(Base):
    """One verdict of a scale, ordered by position (best first)."""

    __tablename__ = "verdict"
    __table_args__ = (UniqueConstraint("scale_id", "key", name="uq_verdict_scale_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scale.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(50))
    label_en: Mapped[str] = mapped_column(String(100))
    label_fr: Mapped[str] = mapped_column(String(100))
    color: Mapped[str] = mapped_column(String(20))
    rating_value: Mapped[int] = mapped_column(Integer)
    scale: Mapped["RatingScaleRow"] = relationship(back_populates="verdicts")
    labels: Mapped[list["VerdictLabel"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="VerdictLabel.language"
    )


class VerdictLabel(Base):
    """A verdict's label in one language: adding a language adds rows, not columns.

    ``label_en`` and ``label_fr`` of :class:`VerdictRow` stay filled for older readers.
    """

    __tablename__ = "verdict_label"
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdict.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))


class Dossier(Base):
    """One investigation."""

    __tablename__ = "dossier"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scale.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    scale: Mapped["RatingScaleRow"] = relationship()


def _text_length(context: Any) -> int:
    """Length in code points of the text being inserted (ORM rows and bulk inserts alike)."""
    return len(context.get_current_parameters().get("text") or "")


class Source(Base):
    """An imported document: original bytes, text of record, metadata."""

    __tablename__ = "source"
    __table_args__ = (
        Index("ix_source_dossier_sha", "dossier_id", "sha256"),
        CheckConstraint("kind IN ('txt','html','pdf','docx','md','pasted','image')", name="kind"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    outlet: Mapped[str] = mapped_column(String(300), default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[dt.date | None] = mapped_column(Date)
    url: Mapped[str] = mapped_column(String(2000), default="")
    language: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(10))
    reliability_note: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64))
    text_sha256: Mapped[str] = mapped_column(String(64))
    text_length: Mapped[int] = mapped_column(Integer, default=_text_length, server_default="0")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The revision this one replaces (a newer version of the same document); revisions are never edited.
    # No foreign key: see db/versions/0004_revisions.py (adding one would rebuild the table and its FTS triggers).
    revision_of_id: Mapped[int | None] = mapped_column(Integer, index=True)
    ocr: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # how OCR read the text (None: not OCR); 0003
    page_map: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The big columns come last, in this order (db/versions/0008): on SQLite a column stored after a 1 MB text is
    # reached only by walking the text's overflow pages. The bytes and the text are loaded only when read (a list
    # of 200 sources of 1 MB must not pull 200 MB).
    text: Mapped[str] = mapped_column(Text, deferred=True)
    original: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    ocr_words: Mapped[list[Any] | None] = mapped_column(JSON, deferred=True)  # OCR word boxes per page; 0003


class Capture(Base):
    """An archived copy of a web source: the archive bytes (WARC record or MHTML file) and when it was captured."""

    __tablename__ = "capture"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000), default="")
    captured_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(200), default="")
    archive_format: Mapped[str] = mapped_column(String(10), default="warc")
    archive: Mapped[bytes] = mapped_column(LargeBinary)
    archive_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Span(Base):
    """An anchored range of a source's text of record (code points, end exclusive)."""

    __tablename__ = "span"
    __table_args__ = (
        Index("ix_span_source_start", "source_id", "start"),
        CheckConstraint("start >= 0 AND \"end\" > start", name="range"),
        CheckConstraint("state IN ('anchored','moved','changed','orphaned')", name="state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    text_sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), default="anchored")


class Claim(Base):
    """A checkable statement with its workflow status and verdict."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint("status IN ('to-check','in-progress','in-review','concluded')", name="status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    statement: Mapped[str] = mapped_column(Text)
    claimant: Mapped[str] = mapped_column(String(300), default="")
    claim_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="to-check")
    verdict: Mapped[str | None] = mapped_column(String(50))
    rationale: Mapped[str] = mapped_column(Text, default="")
    concluded_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (optimistic locking)


class ClaimTag(Base):
    """A tag on a claim (a table, not a JSON list, so that filters stay SQL on both backends)."""

    __tablename__ = "claim_tag"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)


class Appearance(Base):
    """A place where a claim appears: one span."""

    __tablename__ = "appearance"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("span.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Evidence(Base):
    """A citation: a span of a dossier source or an external reference."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("stance IN ('supports','refutes','context')", name="stance"),
        CheckConstraint("span_id IS NOT NULL OR url <> '' OR title <> ''", name="target"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    stance: Mapped[str] = mapped_column(String(20))
    span_id: Mapped[int | None] = mapped_column(ForeignKey("span.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    publisher: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[dt.date | None] = mapped_column(Date)
    accessed: Mapped[dt.date | None] = mapped_column(Date)
    archive_url: Mapped[str] = mapped_column(String(2000), default="")
    quoted: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ClaimRelation(Base):
    """A typed link between two claims."""

    __tablename__ = "claim_relation"
    __table_args__ = (CheckConstraint("kind IN ('same-as','contradicts','supports')", name="kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    to_claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class History(Base):
    """Append-only log of every change."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_claim", "claim_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[int | None] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(30))
    field: Mapped[str] = mapped_column(String(50), default="")
    before: Mapped[Any] = mapped_column(JSON)
    after: Mapped[Any] = mapped_column(JSON)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(100), default="")


class SpanDrift(Base):
    """What became of one appearance or evidence span when its source was revised (the drift report)."""

    __tablename__ = "span_drift"
    __table_args__ = (
        Index("ix_span_drift_sources", "old_source_id", "new_source_id"),
        CheckConstraint("role IN ('appearance','evidence')", name="role"),
        CheckConstraint("state IN ('anchored','moved','changed','orphaned')", name="state"),
        CheckConstraint("review IN ('none','pending','accepted','dismissed')", name="review"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    old_source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    new_source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int] = mapped_column(Integer)
    old_span_id: Mapped[int] = mapped_column(ForeignKey("span.id", ondelete="CASCADE"))
    new_span_id: Mapped[int | None] = mapped_column(ForeignKey("span.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(20))
    diff: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    review: Mapped[str] = mapped_column(String(20), default="none")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
