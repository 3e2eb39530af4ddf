"""The one model every report exporter renders: a dossier, its sources (with texts), claims and history.

The service layer builds a :class:`ReportModel` from the database (the exporters never see the database); tests build
one by hand. Everything in it is a frozen value from :mod:`workbench.core.values` plus report options (language,
history on/off, organisation name, generation time, a description of the filters that selected the claims) and an
optional list of discrepancies between sources.

The helpers here are shared by every format so that HTML, PDF, Markdown, DOCX, CSV and the JSON-LD outputs agree:
verdict counts, source citations, the sentence around a quoted span, evidence grouped by stance, date formatting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from workbench.core.enums import RelationKind, Stance, Status
from workbench.core.errors import ValidationError
from workbench.core.values import (
    ClaimInfo,
    DossierInfo,
    EvidenceInfo,
    HistoryEntry,
    SourceInfo,
    SpanInfo,
    Verdict,
)
from workbench.io.report_text import sentence_bounds

LANGUAGES = ("en", "fr")
STANCES: tuple[str, ...] = (Stance.SUPPORTS.value, Stance.REFUTES.value, Stance.CONTEXT.value)

Progress = Callable[[int, int], None]
"""Progress callback ``(done, total)``; it may raise :class:`~workbench.core.errors.Cancelled` to stop an export."""

_MONTHS_EN = "January February March April May June July August September October November December"
_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
_MONTHS = {"en": tuple(_MONTHS_EN.split(" ")), "fr": tuple(_MONTHS_FR.split(" "))}


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def as_utc(value: dt.datetime) -> dt.datetime:
    """``value`` in UTC; a naive datetime is taken to be UTC already (the database stores UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def iso_datetime(value: dt.datetime | None) -> str | None:
    """``value`` as an ISO 8601 UTC timestamp ending in ``Z`` (xsd:dateTime), or None."""
    if value is None:
        return None
    return as_utc(value).isoformat().replace("+00:00", "Z")


def iso_date(value: dt.date | None) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or None."""
    return value.isoformat() if value is not None else None


def format_date(value: dt.date | None, language: str = "en") -> str:
    """A human date: "5 March 2024" / "5 mars 2024" ("1er mars" in French); empty string for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    month = _MONTHS["fr" if language == "fr" else "en"][value.month - 1]
    day = "1er" if language == "fr" and value.day == 1 else str(value.day)
    return f"{day} {month} {value.year}"


def format_datetime(value: dt.datetime | None) -> str:
    """A compact UTC timestamp "2024-03-05 14:03 UTC"; empty string for None."""
    if value is None:
        return ""
    return as_utc(value).strftime("%Y-%m-%d %H:%M UTC")


def is_web_url(url: str) -> bool:
    """True if ``url`` is an absolute http(s) URL with a host: the only URLs a report renders as links."""
    if not url or any(ch in url for ch in "\x00\r\n\t <>\"'`\\") or url != url.strip():
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def safe_color(color: str, default: str = "#777777") -> str:
    """``color`` if it is a ``#rgb``/``#rrggbb`` hex colour, else ``default`` (colours go into style attributes)."""
    body = color[1:] if color.startswith("#") else ""
    if len(body) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in body):
        if len(body) == 3:
            body = "".join(c * 2 for c in body)
        return "#" + body.lower()
    return default


def text_on(color: str) -> str:
    """Black or white, whichever reads better on the background ``color`` (WCAG relative luminance)."""
    hex6 = safe_color(color)[1:]
    channels = []
    for i in (0, 2, 4):
        c = int(hex6[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return "#000000" if luminance > 0.179 else "#ffffff"


def format_value(value: Any) -> str:
    """A history value (any JSON-able type) as one line of text."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    return str(value)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span in its surrounding sentence: ``before + exact + after`` is a slice of the source text.

    ``cut_before``/``cut_after`` say whether the slice starts/ends inside a sentence (show an ellipsis there).
    """

    before: str
    exact: str
    after: str
    source: SourceInfo | None
    span: SpanInfo
    cut_before: bool = False
    cut_after: bool = False


@dataclass(frozen=True, slots=True)
class RevisionNote:
    """A quoted span whose source was revised: what was quoted and what the newest revision says (None: gone)."""

    revised_on: dt.date
    quoted: str
    now_reads: str | None


@dataclass(frozen=True, slots=True)
class ReportModel:
    """Everything a verification report shows, already read from the database.

    Attributes:
        dossier: The investigation, with its rating scale.
        sources: The dossier's sources (all of them, or those the report cites).
        source_texts: Text of record by source id (for the sentence around a quote, JSON export and selectors).
        claims: The claims in the report, with appearances, evidence and relations filled in.
        history: Change log entries by claim id, oldest first.
        language: "en" or "fr": labels, verdict names and dates.
        include_history: Show each claim's history in the human-readable formats.
        organisation: Publisher of the report (ClaimReview ``author``, annotation ``creator``).
        generated_at: When the report was made.
        filters: Human description of the filters that selected the claims ("" = all claims).
        discrepancies: Plain dicts ``{kind, spans: [{source_id, start, end, exact, value}], note}``.
        publication_url: Where the report will be published, if known: ClaimReview ``url`` = this with ``{claim}``
            replaced by the claim id, or this + ``#claim-ID`` when it holds no ``{claim}``.
        organisation_url: The publisher's web site (ClaimReview ``author.url``).
        organisation_logo: The publisher's logo (PNG or JPEG bytes; b"" for none).
        people: Display names by login (a byline never shows a bare login).
        include_drafts: Count claims that are not concluded in the verdict chart.
        paper: "a4", "letter" or "" (from the language: Letter for English, A4 otherwise).
        captures: Archived copies of sources by source id: ``{url, captured_at, sha256, name}`` dicts.
    """

    dossier: DossierInfo
    sources: tuple[SourceInfo, ...]
    source_texts: Mapping[int, str]
    claims: tuple[ClaimInfo, ...]
    history: Mapping[int, tuple[HistoryEntry, ...]] = field(default_factory=dict)
    language: str = "en"
    include_history: bool = True
    organisation: str = ""
    generated_at: dt.datetime = field(default_factory=_utc_now)
    filters: str = ""
    discrepancies: tuple[Mapping[str, Any], ...] = ()
    publication_url: str = ""
    organisation_url: str = ""
    organisation_logo: bytes = b""
    people: Mapping[str, str] = field(default_factory=dict)
    include_drafts: bool = False
    paper: str = ""
    captures: Mapping[int, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)
    _by_id: dict[int, SourceInfo] = field(default_factory=dict, init=False, repr=False, compare=False)
    _claims_by_id: dict[int, ClaimInfo] = field(default_factory=dict, init=False, repr=False, compare=False)
    revisions: Mapping[int, RevisionNote] = field(default_factory=dict)  # by span id: its source was revised

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValidationError(f"report language must be one of {', '.join(LANGUAGES)}, not {self.language!r}")
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "claims", tuple(self.claims))
        object.__setattr__(self, "source_texts", MappingProxyType(dict(self.source_texts)))
        object.__setattr__(self, "history", MappingProxyType({int(k): tuple(v) for k, v in dict(self.history).items()}))
        object.__setattr__(self, "discrepancies", tuple(_check_discrepancy(d) for d in self.discrepancies or ()))
        object.__setattr__(self, "people", MappingProxyType(dict(self.people)))
        captures = {int(k): tuple(v) for k, v in dict(self.captures).items()}
        object.__setattr__(self, "captures", MappingProxyType(captures))
        if self.paper not in ("", "a4", "letter"):
            raise ValidationError(f"paper size must be a4 or letter, not {self.paper!r}")
        object.__setattr__(self, "_by_id", {s.id: s for s in self.sources})
        object.__setattr__(self, "_claims_by_id", {c.id: c for c in self.claims})
        object.__setattr__(self, "revisions", MappingProxyType(dict(self.revisions)))

    __hash__ = None  # type: ignore[assignment]  # holds mappings

    # ------------------------------------------------------------------ lookups

    def source(self, source_id: int) -> SourceInfo | None:
        """The source with ``source_id``, or None if the report does not hold it."""
        return self._sources_by_id().get(source_id)

    def _sources_by_id(self) -> dict[int, SourceInfo]:
        return self._by_id

    def text_of(self, source_id: int) -> str:
        """Text of record of a source ("" if the report was built without it)."""
        return self.source_texts.get(source_id, "")

    def claim(self, claim_id: int) -> ClaimInfo | None:
        """The claim with ``claim_id`` if it is in the report."""
        return self._claims_by_id.get(claim_id)

    def history_of(self, claim_id: int) -> tuple[HistoryEntry, ...]:
        """History of one claim, oldest first."""
        return tuple(sorted(self.history.get(claim_id, ()), key=lambda h: (as_utc(h.at), h.id)))

    def verdict_of(self, claim: ClaimInfo) -> Verdict | None:
        """The scale step of the claim's verdict, or None if it has none (or an unknown key)."""
        return self.dossier.scale.get(claim.verdict)

    def verdict_label(self, claim: ClaimInfo) -> str:
        """The claim's verdict label in the report language ("" if none)."""
        verdict = self.verdict_of(claim)
        if verdict is not None:
            return verdict.label(self.language)
        return claim.verdict or ""

    # ------------------------------------------------------------------ summaries

    @staticmethod
    def is_draft(claim: ClaimInfo) -> bool:
        """True if the claim is not concluded: its verdict, if any, is a working verdict, not a published one."""
        return claim.status != Status.CONCLUDED.value

    def draft_count(self) -> int:
        """Number of claims in the report that are not concluded."""
        return sum(1 for c in self.claims if self.is_draft(c))

    def paper_size(self) -> str:
        """"a4" or "letter": the setting, else Letter for English reports and A4 for the others."""
        return self.paper or ("letter" if self.language == "en" else "a4")

    def claim_url(self, claim: ClaimInfo) -> str:
        """Where the claim's fact-check is published ("" if no http(s) publication URL is known)."""
        url = self.publication_url.strip()
        if "{claim}" in url:
            url = url.replace("{claim}", str(claim.id))
            return url if is_web_url(url) else ""
        if not is_web_url(url):
            return ""
        return f"{url.split('#', 1)[0]}#claim-{claim.id}"

    def verdict_counts(self) -> list[tuple[Verdict | None, int]]:
        """Claims per verdict in scale order (zero counts included), then ``(None, n)`` for claims without one.

        Drafts (claims not concluded) are left out unless ``include_drafts`` is set: a chart of verdicts shows
        published verdicts only.
        """
        counts = {v.key: 0 for v in self.dossier.scale.verdicts}
        none = 0
        for claim in self.claims:
            if self.is_draft(claim) and not self.include_drafts:
                continue
            if claim.verdict in counts:
                counts[claim.verdict] += 1
            else:
                none += 1
        result: list[tuple[Verdict | None, int]] = [(v, counts[v.key]) for v in self.dossier.scale.verdicts]
        result.append((None, none))
        return result

    def claim_sources(self, claim: ClaimInfo) -> tuple[SourceInfo, ...]:
        """Sources the claim appears in, in order of first appearance, without duplicates."""
        seen: dict[int, SourceInfo] = {}
        by_id = self._sources_by_id()
        for appearance in claim.appearances:
            source = by_id.get(appearance.span.source_id)
            if source is not None and source.id not in seen:
                seen[source.id] = source
        return tuple(seen.values())

    def evidence_by_stance(self, claim: ClaimInfo) -> dict[str, tuple[EvidenceInfo, ...]]:
        """The claim's evidence grouped by stance: supports, refutes, context (each key present), then any other."""
        groups: dict[str, list[EvidenceInfo]] = {s: [] for s in STANCES}
        for item in claim.evidence:
            groups.setdefault(item.stance, []).append(item)
        return {k: tuple(v) for k, v in groups.items()}

    def evidence_counts(self, claim: ClaimInfo) -> dict[str, int]:
        """Number of evidence items per stance (supports, refutes, context)."""
        return {k: len(v) for k, v in self.evidence_by_stance(claim).items()}

    def related(self, claim: ClaimInfo) -> list[tuple[RelationKind, int, ClaimInfo | None]]:
        """The claim's relations as ``(kind, other_claim_id, other_claim_or_None)``; ``kind`` read from this claim."""
        result = []
        for rel in claim.relations:
            other = rel.to_claim_id if rel.from_claim_id == claim.id else rel.from_claim_id
            result.append((rel.kind, other, self.claim(other)))
        return result

    def quote(self, span: SpanInfo) -> Quote:
        """The span in its surrounding sentence (via :func:`~workbench.core.text.sentence_around`).

        Falls back on the span's stored prefix/suffix when the report has no text for the source or the text no
        longer holds the quote at the stored offsets.
        """
        source = self.source(span.source_id)
        text = self.text_of(span.source_id)
        if text and 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.exact:
            language = (source.language if source is not None else "") or self.language
            lo, hi, cut_before, cut_after = sentence_bounds(text, span.start, span.end, language[:2].lower())
            return Quote(text[lo : span.start], span.exact, text[span.end : hi], source, span, cut_before, cut_after)
        return Quote(span.prefix, span.exact, span.suffix, source, span, bool(span.prefix), bool(span.suffix))

    def revision_note(self, span: SpanInfo) -> str:
        """"Source revised on DATE; the quoted passage now reads …" for a span whose source changed, else ""."""
        note = self.revisions.get(span.id)
        if note is None:
            return ""
        date = format_date(note.revised_on, self.language)
        fr = self.language == "fr"
        if note.now_reads is None:
            return (f"Source révisée le {date} ; le passage cité « {note.quoted} » n’y figure plus." if fr else
                    f"Source revised on {date}; the quoted passage “{note.quoted}” no longer appears in it.")
        if note.now_reads == note.quoted:
            return ""
        return (f"Source révisée le {date} ; le passage cité se lit désormais « {note.now_reads} » "
                f"(auparavant « {note.quoted} »)." if fr else
                f"Source revised on {date}; the quoted passage now reads “{note.now_reads}” "
                f"(previously “{note.quoted}”).")

    def citation(self, source: SourceInfo | None) -> str:
        """Citation of a source: "Outlet, Author, “Title”, date, URL" (empty parts left out)."""
        if source is None:
            return ""
        return citation(source, self.language)

    def source_titles(self, claim: ClaimInfo) -> list[str]:
        """Titles (or outlets, or ids) of the sources the claim appears in."""
        return [s.title or s.outlet or f"#{s.id}" for s in self.claim_sources(claim)]


def citation(source: SourceInfo, language: str = "en") -> str:
    """Citation of a source: "Outlet, Author, “Title”, date, URL" ("« Title »" in French); empty parts left out."""
    title = ""
    if source.title:
        title = f"« {source.title} »" if language == "fr" else f"“{source.title}”"
    parts = [source.outlet, source.cited_author, title, format_date(source.published, language), source.url]
    return ", ".join(p for p in parts if p)


_OCR_LANGUAGES = {"en": {"fr": "French", "en": "English"}, "fr": {"fr": "français", "en": "anglais"}}


def ocr_line(source: SourceInfo, language: str = "en") -> str:
    """One line saying that a source's text came from OCR, and how ("" for a source with a text layer).

    "“Title”: text read by OCR (tesseract 5.3.0, French, 2 pages, mean confidence 95 %)" or, in French,
    "« Title » : texte lu par OCR (tesseract 5.3.0, français, 2 pages, confiance moyenne 95 %)".
    """
    record = source.ocr
    if not record:
        return ""
    fr = language == "fr"
    engine = " ".join(str(record.get(k) or "") for k in ("engine", "version")).strip() or "OCR"
    parts = [engine]
    spoken = _OCR_LANGUAGES["fr" if fr else "en"].get(str(record.get("language") or ""))
    if spoken:
        parts.append(spoken)
    pages = record.get("pages")
    if isinstance(pages, int) and pages > 0:
        parts.append(f"{pages} page{'s' if pages > 1 else ''}")
    confidence = record.get("mean_confidence")
    if isinstance(confidence, int | float):
        parts.append(f"{'confiance moyenne' if fr else 'mean confidence'} {round(confidence)} %")
    name = source.title or source.outlet or f"#{source.id}"
    title = f"« {name} »" if fr else f"“{name}”"
    what = "texte lu par OCR" if fr else "text read by OCR"
    return f"{title}{' :' if fr else ':'} {what} ({', '.join(parts)})"


def evidence_citation(item: EvidenceInfo, language: str = "en") -> str:
    """Citation of an external reference: "Publisher, “Title”, date, URL" (empty parts left out)."""
    title = ""
    if item.title:
        title = f"« {item.title} »" if language == "fr" else f"“{item.title}”"
    parts = [item.publisher, title, format_date(item.published, language), item.url]
    return ", ".join(p for p in parts if p)


def _check_discrepancy(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """Validate one discrepancy dict and return a read-only copy with defaults filled in."""
    if not isinstance(item, Mapping):
        raise ValidationError("a discrepancy must be a mapping {kind, spans, note}")
    spans = item.get("spans") or ()
    if not isinstance(spans, Sequence) or isinstance(spans, (str, bytes)):
        raise ValidationError("discrepancy spans must be a list")
    clean_spans = []
    for span in spans:
        if not isinstance(span, Mapping) or "source_id" not in span:
            raise ValidationError("each discrepancy span needs at least a source_id")
        clean_spans.append(
            MappingProxyType(
                {
                    "source_id": int(span["source_id"]),
                    "start": int(span.get("start", 0) or 0),
                    "end": int(span.get("end", 0) or 0),
                    "exact": str(span.get("exact", "") or ""),
                    "value": "" if span.get("value") is None else str(span.get("value")),
                }
            )
        )
    out: dict[str, Any] = {
        "kind": str(item.get("kind", "") or ""),
        "spans": tuple(clean_spans),
        "note": str(item.get("note", "") or ""),
    }
    if item.get("chars"):
        out["chars"] = int(item["chars"])
    if item.get("relation"):  # copied text: "copy", "translation" or "common-source"
        out["relation"] = str(item["relation"])
    if item.get("note_language"):
        out["note_language"] = str(item["note_language"])
    return MappingProxyType(out)
