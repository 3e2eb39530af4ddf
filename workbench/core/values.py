"""Frozen values that cross layer boundaries: what services return, what importers produce.

Nothing here is tied to a database row or a widget; every value can be compared, hashed and sent across threads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.core.enums import RelationKind, SpanState, Stance, Status


@dataclass(frozen=True, slots=True)
class ImportBundle:
    """What every importer produces and the sources service stores (neutral: no DB, no Qt).

    ``text`` is already the text of record (see :func:`workbench.core.text.normalize_text`). ``page_map`` lists
    ``(offset, page)`` pairs: the character at ``offset`` and those after it, up to the next pair, are on ``page``.
    """

    name: str
    kind: str
    original: bytes
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    language: str = ""
    page_map: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    ocr: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    """Set when the text came from OCR: engine, version, language, mean confidence (see importers/ocr.py)."""
    ocr_words: list[dict[str, Any]] | None = field(default=None, compare=False, hash=False)
    """OCR word boxes, one entry per page: ``{"page", "width", "height", "words": [[start, end, x0, y0, x1, y1,
    conf], ...]}`` with ``start``/``end`` code-point offsets into ``text`` and boxes in pixels of the page image."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """One step of a rating scale."""

    key: str
    label_en: str
    label_fr: str
    color: str
    rating_value: int
    labels: tuple[tuple[str, str], ...] = ()
    """``(language, label)`` pairs beyond or overriding ``label_en``/``label_fr`` (e.g. ``("es", "Falso")``)."""

    def label(self, language: str = "en") -> str:
        """Label in ``language``: its own entry, else French or English, else English."""
        for code, text in self.labels:
            if code == language and text:
                return text
        return self.label_fr if language == "fr" and self.label_fr else self.label_en

    def all_labels(self) -> dict[str, str]:
        """Every label by language (English and French included)."""
        return {"en": self.label_en, "fr": self.label_fr, **dict(self.labels)}


@dataclass(frozen=True, slots=True)
class RatingScale:
    """An ordered list of verdicts, best rating first."""

    name: str
    verdicts: tuple[Verdict, ...]

    def get(self, key: str | None) -> Verdict | None:
        """The verdict with ``key``, or None."""
        return next((v for v in self.verdicts if v.key == key), None)

    @property
    def best(self) -> int:
        """Highest ClaimReview rating value of the scale."""
        return max((v.rating_value for v in self.verdicts), default=1)

    @property
    def worst(self) -> int:
        """Lowest ClaimReview rating value of the scale."""
        return min((v.rating_value for v in self.verdicts if v.rating_value > 0), default=1)


@dataclass(frozen=True, slots=True)
class DossierInfo:
    """One investigation."""

    id: int
    name: str
    description: str
    event_date: dt.date | None
    scale: RatingScale
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source's metadata (its text is fetched separately: it can be megabytes)."""

    id: int
    dossier_id: int
    title: str
    outlet: str
    author: str
    published: dt.date | None
    url: str
    language: str
    kind: str
    reliability_note: str
    imported_at: dt.datetime
    sha256: str
    text_sha256: str
    text_length: int
    claim_count: int = 0
    ocr: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    """How the text was read when it came from OCR (engine, version, language, mean confidence), else None."""

    @property
    def cited_author(self) -> str:
        """The author named after the outlet: "" when it is the outlet (a wire signed "AFP" is named once)."""
        return "" if self.author.casefold() == self.outlet.casefold() else self.author


@dataclass(frozen=True, slots=True)
class SpanInfo:
    """A span of a source's text of record, in code points, end exclusive."""

    id: int
    source_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_sha256: str
    state: SpanState


@dataclass(frozen=True, slots=True)
class AppearanceInfo:
    """A place where a claim appears: a span of a source."""

    id: int
    claim_id: int
    span: SpanInfo


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """A citation for or against a claim: a span of a dossier source or an external reference."""

    id: int
    claim_id: int
    stance: Stance
    span: SpanInfo | None
    url: str
    title: str
    publisher: str
    published: dt.date | None
    accessed: dt.date | None
    archive_url: str
    quoted: str
    note: str


@dataclass(frozen=True, slots=True)
class RelationInfo:
    """A typed link between two claims."""

    id: int
    from_claim_id: int
    to_claim_id: int
    kind: RelationKind


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A checkable statement with its workflow state, verdict, appearances and evidence."""

    id: int
    dossier_id: int
    statement: str
    claimant: str
    claim_date: dt.date | None
    status: Status
    verdict: str | None
    rationale: str
    tags: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    concluded_by: str
    appearances: tuple[AppearanceInfo, ...] = ()
    evidence: tuple[EvidenceInfo, ...] = ()
    relations: tuple[RelationInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of the append-only change log."""

    id: int
    at: dt.datetime
    user: str
    entity: str
    entity_id: int
    claim_id: int | None
    action: str
    field: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class Changes:
    """Which ids a service call changed, so views refresh only those."""

    claims: frozenset[int] = frozenset()
    sources: frozenset[int] = frozenset()
    dossiers: frozenset[int] = frozenset()
    spans: frozenset[int] = frozenset()
    evidence: frozenset[int] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.claims | other.claims, self.sources | other.sources, self.dossiers | other.dossiers,
                       self.spans | other.spans, self.evidence | other.evidence)

    def __bool__(self) -> bool:
        return bool(self.claims or self.sources or self.dossiers or self.spans or self.evidence)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result: a place in a source."""

    source_id: int
    start: int
    end: int
    snippet: str


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim to create in bulk: its fields, where it appears and the spans cited for or against it.

    ``appearances`` are ``(source_id, start, end)``, the first one first (at least one); ``cited`` are
    ``(stance, source_id, start, end, note)``. ``fields`` are claim fields as :func:`services.claims.update` takes.
    """

    fields: Mapping[str, Any]
    appearances: tuple[tuple[int, int, int], ...]
    cited: tuple[tuple[str, int, int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CaptureInfo:
    """An archived copy of a source (a WARC record of a fetched page, a saved MHTML file) and where it came from.

    ``captured_at`` is aware (UTC) when read back from the database. ``id`` and ``sha256`` are set once stored.
    """

    url: str
    captured_at: dt.datetime | None
    status: int | None
    content_type: str
    format: str
    archive: bytes = field(repr=False)
    id: int = 0
    sha256: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> CaptureInfo:
        """From an importer's ``bundle.extra["capture"]`` (url, captured_at, status, content_type, format, archive)."""
        at, status, archive = data.get("captured_at"), data.get("status"), data.get("archive", b"")
        if not isinstance(archive, bytes | bytearray | memoryview):
            raise TypeError(f"a capture's archive must be bytes, not {type(archive).__name__}")
        return cls(url=str(data.get("url", "")), captured_at=at if isinstance(at, dt.datetime) else None,
                   status=status if isinstance(status, int) else None,
                   content_type=str(data.get("content_type", "")), format=str(data.get("format", "warc")),
                   archive=bytes(archive))

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form the capture service has always returned (``id``, ``url``, ..., ``sha256``)."""
        return {"id": self.id, "url": self.url, "captured_at": self.captured_at, "status": self.status,
                "content_type": self.content_type, "format": self.format, "archive": self.archive,
                "sha256": self.sha256}
