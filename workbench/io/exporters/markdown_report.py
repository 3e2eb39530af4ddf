"""Markdown report (CommonMark + GFM tables): the same content as the HTML report, as plain text.

Every string from a source or a user goes through :func:`md_escape`: Markdown punctuation that could start a link,
emphasis, code, table cell or raw HTML is backslash-escaped, and block markers at the start of a line (headings,
lists, quotes, setext underlines, indented code) are neutralised, so a renderer shows the text as text. URLs become
links only if they are http(s); the link destination is written in ``<...>`` form.
"""

from __future__ import annotations

import re

from workbench.core.values import ClaimInfo, EvidenceInfo, SourceInfo
from workbench.io.exporters import _prose
from workbench.io.exporters._common import GENERATOR, label, report_progress
from workbench.io.report import (
    Progress,
    Quote,
    ReportModel,
    format_date,
    format_datetime,
    is_web_url,
    ocr_line,
)

_INLINE = re.compile(r"([\\`*_\[\]{}<>|~&!#])")
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d{1,9}[.)])")


def _neutralise_block_start(line: str) -> str:
    """Backslash-escape a list, setext or ordered-list marker at the start of ``line``."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    lead, marker = match.groups()
    if marker[0] in "-+=":
        return lead + "\\" + line[len(lead) :]
    return lead + marker[:-1] + "\\" + line[len(lead) + len(marker) - 1 :]


def md_escape(text: object, *, inline: bool = True, keep_edges: bool = False) -> str:
    """Escape ``text`` for Markdown.

    Args:
        text: Any value (None gives "").
        inline: Fold newlines into spaces (table cells, list items, quotes); else keep the lines.
        keep_edges: Keep one space for leading/trailing whitespace (pieces of a sentence around a highlight).
    """
    value = "" if text is None else str(text)
    out = []
    for line in value.split("\n"):
        line = _INLINE.sub(r"\\\1", line.strip() if inline else line.lstrip())
        out.append(_neutralise_block_start(line))
    result = " ".join(p for p in out if p) if inline else "\n".join(out)
    if keep_edges and result:
        result = (" " if value[:1].isspace() else "") + result + (" " if value[-1:].isspace() else "")
    return result


def md_link(url: str, text: str | None = None) -> str:
    """A Markdown link for an http(s) URL; anything else is escaped text."""
    shown = md_escape(text if text is not None else url)
    if is_web_url(url):
        return f"[{shown}](<{url}>)"
    return shown


def _cell(text: object) -> str:
    return md_escape(text) or " "


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return [*out, ""]


def _strong(text: str) -> str:
    """Bold an (already escaped) fragment, keeping edge spaces outside the markers so CommonMark accepts them."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}**{core}**{trail}"


class _Writer:
    def __init__(self, model: ReportModel) -> None:
        self.m = model
        self.lang = model.language
        self.lines: list[str] = []

    def t(self, key: str) -> str:
        return label(self.lang, key)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def document(self, progress: Progress | None) -> str:
        m, d = self.m, self.m.dossier
        self.add(f"# {md_escape(d.name)}", "", f"*{self.t('report')}*", "")
        if d.description:
            self.add(md_escape(d.description, inline=False), "")
        sep = _prose.colon(m)
        if d.event_date:
            self.add(f"- **{self.t('event_date')}**{sep}{md_escape(format_date(d.event_date, self.lang))}")
        if m.organisation:
            org = md_link(m.organisation_url, m.organisation) if m.organisation_url else md_escape(m.organisation)
            self.add(f"- **{self.t('organisation')}**{sep}{org}")
        self.add(f"- **{self.t('generated')}**{sep}{md_escape(_prose.when(m, m.generated_at))}")
        self.add(f"- **{self.t('filters')}**{sep}{md_escape(m.filters) if m.filters else self.t('all_claims')}", "")
        self.summary()
        self.add(f"## {self.t('contents')}", "")
        total = len(m.claims)
        report_progress(progress, 0, total)
        for number, claim in enumerate(m.claims, 1):
            self.claim(number, claim)
            report_progress(progress, number, total)
        self.sources()
        if m.discrepancies:
            self.discrepancies()
        self.scale()
        self.add("---", "", f"*{self.t('footer')} {md_escape(GENERATOR)} — {format_datetime(m.generated_at)}*", "")
        return "\n".join(self.lines)

    def summary(self) -> None:
        m = self.m
        self.add(f"## {self.t('summary')}", "", f"**{len(m.claims)}** {self.t('claims_total')}", "")
        rows = [(v, n) for v, n in m.verdict_counts() if n]
        if rows:
            top = max(n for _, n in rows)
            table = [
                [_cell(v.label(self.lang) if v else self.t("no_verdict")), str(n), "█" * max(1, round(20 * n / top))]
                for v, n in rows
            ]
            self.add(*_table([self.t("verdict"), "#", ""], table))
        drafts = m.draft_count()
        if drafts:
            key = "drafts_counted" if m.include_drafts else "drafts_not_counted"
            self.add(f"*{md_escape(label(self.lang, key).format(n=drafts))}*", "")
        for number, claim in enumerate(m.claims, 1):
            badge = md_escape(_prose.prose(m, claim).badge)
            self.add(f"{number}. {md_escape(claim.statement)} — **{badge}**")
        self.add("")

    def claim(self, number: int, claim: ClaimInfo) -> None:
        m = self.m
        p = _prose.prose(m, claim)
        kicker = f"{self.t('claim')} {number}" + (f" · {self.t('draft')}" if p.draft else "")
        self.add(f"### {md_escape(p.headline)}", "", f"*{kicker}*", "")
        claim_cell = f"**{md_escape(claim.statement)}**"
        if p.claim_line:
            claim_cell += f" — {md_escape(p.claim_line)}"
        if claim.tags:
            claim_cell += f" — {self.t('tags')} : {md_escape(', '.join(claim.tags))}"
        if p.draft:
            verdict_cell = f"**{md_escape(p.verdict_text)}**"
            if p.working_verdict:
                sep = " : " if self.lang == "fr" else ": "
                verdict_cell += f" {self.t('working_verdict')}{sep}{md_escape(p.working_verdict)}"
        else:
            verdict_cell = f"**{md_escape(p.verdict_text)}**"
        self.add(*_table([self.t("headline_claim"), self.t("our_verdict")], [[claim_cell, verdict_cell]]))
        if p.byline:
            self.add(f"*{md_escape(p.byline)}*", "")
        if p.explanation:
            self.add(f"#### {self.t('explanation')}", "")
            for para in p.explanation:
                self.add(md_escape(para, inline=False), "")
        self.add(f"#### {self.t('appearances')}", "")
        if claim.appearances:
            for appearance in claim.appearances:
                self.quote(m.quote(appearance.span))
        else:
            self.add(f"*{self.t('no_appearances')}*", "")
        self.add(f"#### {self.t('evidence')}", "")
        if claim.evidence:
            for stance, items in m.evidence_by_stance(claim).items():
                if items:
                    self.add(f"##### {md_escape(label(self.lang, f'stance.{stance}', stance))} ({len(items)})", "")
                    for item in items:
                        self.evidence(item)
        else:
            self.add(f"*{self.t('no_evidence')}*", "")
        related = m.related(claim)
        if related:
            self.add(f"#### {self.t('relations')}", "")
            for kind, _other_id, other in related:
                name = md_escape(label(self.lang, f"relation.{kind}", kind))
                rest = f" {md_escape(other.statement)}" if other else f" {self.t('claim')}"
                self.add(f"- **{name}**{rest}")
            self.add("")
        if p.updates:
            self.add(f"#### {self.t('updates')}", "")
            self.add(*(f"- **{md_escape(date)}** — {md_escape(line)}" for date, line in p.updates), "")
        if p.history:
            self.add(f"#### {self.t('history')}", "")
            self.add(*(f"- *{md_escape(at)}* — {md_escape(line)}" for at, line in p.history), "")

    def quote(self, quote: Quote) -> None:
        before = ("…" if quote.cut_before else "") + md_escape(quote.before, keep_edges=True)
        after = md_escape(quote.after, keep_edges=True) + ("…" if quote.cut_after else "")
        exact = _strong(md_escape(quote.exact))
        cite = self.citation(quote.source) if quote.source else self.t("source")
        self.add(f"> {before}{exact}{after}", ">", f"> — {cite}", "")
        revised = self.m.revision_note(quote.span)
        if revised:
            self.add(f"*{md_escape(revised)}*", "")

    def citation(self, source: SourceInfo) -> str:
        title = ""
        if source.title:
            title = f"« {md_escape(source.title)} »" if self.lang == "fr" else f"“{md_escape(source.title)}”"
        parts = [md_escape(source.outlet), md_escape(source.cited_author), title,
                 format_date(source.published, self.lang)]
        if source.url:
            parts.append(md_link(source.url))
        for text, url in _prose.captures(self.m, source):
            parts.append(md_link(url, text) if url else md_escape(text))
        return ", ".join(p for p in parts if p)

    def evidence(self, item: EvidenceInfo) -> None:
        if item.span is not None:
            self.quote(self.m.quote(item.span))
        if item.url or item.title or item.publisher or item.quoted:
            title = ""
            if item.title:
                title = f"« {md_escape(item.title)} »" if self.lang == "fr" else f"“{md_escape(item.title)}”"
            parts = [md_escape(item.publisher), title, format_date(item.published, self.lang)]
            if item.url:
                parts.append(md_link(item.url))
            if item.archive_url:
                parts.append(f"{self.t('archive')}{_prose.colon(self.m)}{md_link(item.archive_url)}")
            if item.accessed:
                parts.append(f"{self.t('accessed')} {format_date(item.accessed, self.lang)}")
            self.add(f"**{self.t('external')}** — " + ", ".join(p for p in parts if p), "")
            if item.quoted:
                self.add(f"> {md_escape(item.quoted)}", "")
        if item.note:
            self.add(f"*{md_escape(item.note)}*", "")

    def sources(self) -> None:
        self.add(f"## {self.t('sources')}", "")
        keys = ("title", "outlet", "author", "published", "url", "kind", "sha256", "imported")
        rows = [
            [
                _cell(s.title),
                _cell(s.outlet),
                _cell(s.author),
                _cell(format_date(s.published, self.lang)),
                md_link(s.url) if s.url else " ",
                _cell(_prose.kind_name(self.m, s)),
                f"`{s.sha256}`" if re.fullmatch(r"[0-9a-f]{64}", s.sha256) else _cell(s.sha256),
                _cell(format_datetime(s.imported_at)),
            ]
            for s in self.m.sources
        ]
        self.add(*_table([self.t(k) for k in keys], rows))
        for s in self.m.sources:  # sources whose text came from OCR say so
            if line := ocr_line(s, self.lang):
                self.add(md_escape(line, inline=False), "")

    def discrepancies(self) -> None:
        self.add(f"## {self.t('discrepancies')}", "")
        for item in self.m.discrepancies:
            self.add(f"### {md_escape(_prose.discrepancy_heading(self.m, item))}", "")
            self.add(md_escape(_prose.discrepancy_note(self.m, item), inline=False), "")
            rows = []
            for span in item["spans"]:
                source = self.m.source(span["source_id"])
                cite = self.citation(source) if source else self.t("source")
                value = _cell(_prose.value_text(self.m, span["value"], span["exact"]))
                rows.append([cite or " ", _strong(md_escape(span["exact"])) or " ", value])
            self.add(*_table([self.t("source"), self.t("quoted"), self.t("value")], rows))

    def scale(self) -> None:
        scale = self.m.dossier.scale
        self.add(f"## {self.t('scale')} — {md_escape(_prose.scale_name(self.m))}", "")
        rows = [[_cell(v.label(self.lang)), str(v.rating_value) if v.rating_value > 0 else "—"] for v in scale.verdicts]
        self.add(*_table([self.t("label"), self.t("rating")], rows))


def render(model: ReportModel, progress: Progress | None = None) -> str:
    """The report as a Markdown string."""
    return _Writer(model).document(progress)


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The report as a UTF-8 Markdown file."""
    return render(model, progress).encode("utf-8")
