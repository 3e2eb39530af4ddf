"""What each claim's fact-check says, in words, once for every human-readable format.

HTML, PDF, Markdown and DOCX lay out the same :class:`ClaimProse`: headline, the "Claim / Our verdict" box, the
explanation, the byline and dates, updates and corrections, and the history as sentences. Keeping the wording here
means a draft reads as a draft and a French report reads French in all four formats alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.core.values import ClaimInfo, HistoryEntry, SourceInfo
from workbench.io import report_text as rt
from workbench.io.exporters._common import label
from workbench.io.report import ReportModel, as_utc, format_date, safe_color

NO_VERDICT_COLOR = "#b0b7c3"
_RAW_ID = re.compile(r"\bsources? #?\d+|\b[a-z]+_[a-z_]+\b|\bQUOTE_WORDING\b")
DRAFT_COLOR = "#8a8f98"


@dataclass(frozen=True, slots=True)
class ClaimProse:
    """A claim's fact-check in the report language (plain text; each format escapes it)."""

    headline: str
    draft: bool
    badge: str
    badge_color: str
    verdict_text: str
    working_verdict: str
    claim_line: str
    byline: str
    explanation: tuple[str, ...]
    updates: tuple[tuple[str, str], ...]
    history: tuple[tuple[str, str], ...]
    url: str


def t(model: ReportModel, key: str) -> str:
    """One report string in the model's language."""
    return label(model.language, key)


def who(model: ReportModel, login: str) -> str:
    """The name to print for a login: the name the user gave, else the organisation, else "the editorial team"."""
    return rt.person(login, model.people, model.organisation or t(model, "newsroom"))


def names(model: ReportModel, logins: list[str]) -> str:
    """Several people as "A, B and C" (duplicates after naming removed)."""
    shown: list[str] = []
    for login in logins:
        name = who(model, login)
        if name not in shown:
            shown.append(name)
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" {t(model, 'and')} " + shown[-1]


def when(model: ReportModel, at: dt.datetime) -> str:
    """A history timestamp: "5 March 2024, 14:03 UTC"."""
    moment = as_utc(at)
    return f"{format_date(moment.date(), model.language)}, {moment.strftime('%H:%M')} UTC"


def status_label(model: ReportModel, status: str) -> str:
    """A status in words ("En relecture")."""
    return label(model.language, f"status.{status}", status)


def _value(model: ReportModel) -> Callable[[str, Any], str]:
    def value(field: str, raw: Any) -> str:
        if raw in (None, ""):
            return t(model, "none")
        if field == "status":
            return status_label(model, str(raw))
        if field == "verdict":
            verdict = model.dossier.scale.get(str(raw))
            return verdict.label(model.language) if verdict else str(raw)
        return str(raw)

    return value


def history_line(model: ReportModel, entry: HistoryEntry) -> str:
    """One history entry as a sentence."""
    return rt.history_sentence(entry, model.language, lambda k: t(model, k), who(model, entry.user), _value(model))


def prose(model: ReportModel, claim: ClaimInfo) -> ClaimProse:
    """Everything a format prints about one claim, as text."""
    lang = model.language
    history = model.history_of(claim.id)
    draft = model.is_draft(claim)
    verdict = model.verdict_of(claim)
    label_text = model.verdict_label(claim)
    if draft:
        badge = t(model, "draft_badge").format(status=status_label(model, claim.status))
        color = DRAFT_COLOR
        verdict_text = t(model, "draft_verdict")
        working = label_text
    else:
        badge = label_text or t(model, "no_verdict")
        color = safe_color(verdict.color) if verdict else NO_VERDICT_COLOR
        verdict_text = badge
        working = ""
    claim_line = ""
    if claim.claimant:
        claim_line = t(model, "claim_made").format(who=claim.claimant)
        if claim.claim_date:
            claim_line += t(model, "claim_made_on").format(date=format_date(claim.claim_date, lang))
    elif claim.claim_date:
        claim_line = format_date(claim.claim_date, lang)
    first = rt.concluded_at(claim, history)
    byline = ""
    if not draft:
        parts = [t(model, "byline_by").format(names=names(model, rt.concluded_by(claim, history)) or who(model, ""))]
        if first is not None:
            parts.append(t(model, "byline_published").format(date=format_date(as_utc(first).date(), lang)))
            last = as_utc(claim.updated_at).date()
            if last > as_utc(first).date():
                parts[-1] += ", " + t(model, "byline_updated").format(date=format_date(last, lang))
        byline = " · ".join(parts)
    explanation = tuple(p.strip() for p in re.split(r"\n\s*\n", claim.rationale.strip()) if p.strip())
    updates = tuple(
        (t(model, "update_on").format(date=format_date(as_utc(h.at).date(), lang)), history_line(model, h))
        for h in history
        if not draft and rt.is_correction(h, first)
    )
    lines = tuple((when(model, h.at), history_line(model, h)) for h in history) if model.include_history else ()
    return ClaimProse(
        headline=claim.statement,
        draft=draft,
        badge=badge,
        badge_color=color,
        verdict_text=verdict_text,
        working_verdict=working,
        claim_line=claim_line,
        byline=byline,
        explanation=explanation,
        updates=updates,
        history=lines,
        url=model.claim_url(claim),
    )


def selection(model: ReportModel) -> str:
    """The filter line ("" means all claims)."""
    return model.filters


def scale_name(model: ReportModel) -> str:
    """The rating scale's name in words ("Échelle Workbench" rather than "default")."""
    name = model.dossier.scale.name
    return label(model.language, f"scale.{name}", name)


def kind_name(model: ReportModel, source: SourceInfo) -> str:
    """A source's kind in words ("page web")."""
    return label(model.language, f"kind.{source.kind}", source.kind)


def source_name(model: ReportModel, source_id: int) -> str:
    """A source by its title or outlet (never a bare id when the report holds the source)."""
    source = model.source(source_id)
    if source is None:
        return t(model, "source")
    title = source.title or source.outlet or source.url or t(model, "source")
    if title[:1] in "«“\"" or title == source.outlet:
        return title  # already quoted, or an outlet's name
    return f"« {title} »" if model.language == "fr" else f"“{title}”"


def discrepancy_heading(model: ReportModel, item: Any) -> str:
    """A discrepancy kind as a heading in the report language."""
    kind = str(item["kind"])
    key = rt.discrepancy_kind_key(kind)
    if key == "kind.copied_text" and item.get("relation") in ("translation", "common-source"):
        key = "kind.translated_text" if item["relation"] == "translation" else "kind.common_source"
    return label(model.language, key, kind.replace("_", " ").capitalize())


def discrepancy_note(model: ReportModel, item: Any) -> str:
    """The note of a discrepancy, written in the report language from its kind and spans."""
    key = rt.discrepancy_kind_key(str(item["kind"])).removeprefix("kind.")
    spans = item["spans"]
    a = source_name(model, spans[0]["source_id"]) if spans else ""
    b = source_name(model, spans[1]["source_id"]) if len(spans) > 1 else a
    if key == "copied_text":
        chars = item.get("chars") or sum(len(s["exact"]) for s in spans[1:2]) or 0
        relation = item.get("relation") or "copy"
        same = len(spans) > 1 and spans[0]["source_id"] == spans[1]["source_id"]
        which = {"translation": "note.translated_within" if same else "note.translated_text",
                 "common-source": "note.common_source"}.get(str(relation), "note.copied_text")
        return t(model, which).format(a=a, b=b, chars=chars)
    if key == "recycled_source":
        return t(model, "note.recycled_source").format(a=a)
    note = str(item.get("note") or "")
    written_in = item.get("note_language", "en")  # the comparison writes its notes in the language it was given
    if note and model.language == written_in:  # "source 3" -> the source's name, as the reader knows it
        note = rt.name_sources(note, {s.id: source_name(model, s.id) for s in model.sources}, model.language)
    if model.language == written_in and note and not _RAW_ID.search(note):
        return note
    return t(model, "note.kind")


def value_text(model: ReportModel, value: str, exact: str = "") -> str:
    """A discrepancy value in the report language ("" when it only repeats the quoted passage ``exact``)."""
    return rt.value_words(value, model.language, format_date, exact)


def captures(model: ReportModel, source: SourceInfo) -> list[tuple[str, str]]:
    """Archived copies of a source as ``(text, url)``; the url is "" when the copy is only in the evidence pack."""
    out = []
    for cap in model.captures.get(source.id, ()):
        at = cap.get("captured_at")
        if isinstance(at, str):
            try:
                at = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
            except ValueError:
                at = None
        text = t(model, "archived_copy")
        if isinstance(at, dt.datetime):
            text += " (" + t(model, "captured").format(date=when(model, at)) + ")"
        if cap.get("name"):
            text += f" — {cap['name']}"
        out.append((text, str(cap.get("archive_url", "") or "")))
    return out


def colon(model: ReportModel) -> str:
    """The label separator: " : " in French typography, ": " in English."""
    return " : " if model.language == "fr" else ": "
