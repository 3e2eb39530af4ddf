"""HTML report: one self-contained, inert file (inline CSS, no script, no remote resource).

Safety rules, applied to every string that comes from a source or a user:

* text is escaped with :func:`html.escape` (quotes too) before it reaches the markup;
* URLs become links only if they are absolute ``http``/``https`` URLs (:func:`~workbench.io.report.is_web_url`),
  otherwise they are shown as escaped text; links get ``rel="noopener noreferrer nofollow"``;
* colours are validated hex colours (:func:`~workbench.io.report.safe_color`) before going into ``style``;
* a Content-Security-Policy meta element (``default-src 'none'``) forbids scripts, frames, fetches and remote images
  even if something slipped through.

The same renderer, with ``for_qt=True``, produces the HTML subset that Qt's rich-text engine lays out for the PDF
exporter (table bars instead of SVG, simpler CSS).
"""

from __future__ import annotations

import base64
import re
from html import escape
from typing import Any

from workbench.core.values import ClaimInfo, EvidenceInfo, SourceInfo, Verdict
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
    safe_color,
    text_on,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
NO_VERDICT_COLOR = "#b0b7c3"
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

_CSS = """
:root { --ink: #1d2430; --muted: #5b6573; --rule: #d9dee5; --accent: #1f4e79; --paper: #ffffff; --tint: #f5f7fa; }
* { box-sizing: border-box; }
html { background: #eef1f5; }
body { font-family: Georgia, "DejaVu Serif", "Times New Roman", serif; color: var(--ink); background: var(--paper);
  max-width: 62rem; margin: 1.5rem auto; padding: 2.5rem 3rem; line-height: 1.55; font-size: 16px;
  box-shadow: 0 1px 4px rgba(0,0,0,.08); }
h1, h2, h3, h4, .badge, .kicker, table, .meta, cite, .claim-no, nav { font-family: "Helvetica Neue", Arial,
  "DejaVu Sans", sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 .6rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent);
  color: var(--accent); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
h4 { font-size: .95rem; margin: .9rem 0 .3rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
header.report { border-bottom: 4px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .78rem; font-weight: 700; color: var(--accent); }
.description { font-size: 1.05rem; margin: .4rem 0 .8rem; }
.meta { color: var(--muted); font-size: .85rem; margin: .15rem 0; }
.meta b { color: var(--ink); font-weight: 600; }
.summary { display: grid; grid-template-columns: 12rem 1fr; gap: 1.5rem; align-items: center; }
.total { font: 700 3rem/1 "Helvetica Neue", Arial, sans-serif; color: var(--accent); }
.total small { display: block; font-size: .8rem; font-weight: 400; color: var(--muted); margin-top: .4rem; }
svg.chart text { font: 13px "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; fill: #1d2430; }
nav ol { margin: 0; padding-left: 1.4rem; font-size: .92rem; }
nav li { margin: .25rem 0; }
.badge { display: inline-block; padding: .12rem .6rem; border-radius: 999px; font-size: .78rem; font-weight: 700;
  white-space: nowrap; vertical-align: middle; }
article.claim { border: 1px solid var(--rule); border-left: 6px solid var(--accent); border-radius: 6px;
  padding: 1.1rem 1.4rem; margin: 1.6rem 0; break-inside: avoid; page-break-inside: avoid; }
.claim-head { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; }
.claim-no { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
h3.headline { font-size: 1.3rem; line-height: 1.35; font-weight: 700; margin: .35rem 0 .7rem; text-transform: none;
  letter-spacing: 0; color: var(--ink); }
.box { border: 1px solid var(--rule); border-radius: 6px; margin: .4rem 0 .8rem; }
.box-row { display: grid; grid-template-columns: 9rem 1fr; border-bottom: 1px solid var(--rule); }
.box-row:last-child { border-bottom: 0; }
.box-key { background: var(--tint); padding: .5rem .8rem; font: 700 .8rem "Helvetica Neue", Arial, sans-serif;
  text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.box-val { padding: .5rem .8rem; }
.byline { font: .85rem "Helvetica Neue", Arial, sans-serif; color: var(--muted); margin: .2rem 0 .6rem; }
article.draft { background: repeating-linear-gradient(135deg, #fff, #fff 14px, #f7f7f9 14px, #f7f7f9 28px); }
.draft-note { font-weight: 700; color: #8a4b00; }
ul.history, ul.updates { font-size: .88rem; padding-left: 1.2rem; }
.logo { max-height: 48px; max-width: 200px; float: right; }
.statement { font-size: 1.3rem; line-height: 1.35; font-weight: 600; margin: .35rem 0 .6rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0 .8rem;
  font-size: .9rem; }
dl.facts dt { color: var(--muted); font-family: "Helvetica Neue", Arial, sans-serif; }
dl.facts dd { margin: 0; }
.rationale { background: var(--tint); border-radius: 4px; padding: .6rem .9rem; }
.rationale p { margin: .3rem 0; }
blockquote { margin: .5rem 0 .2rem; padding: .45rem .9rem; border-left: 3px solid var(--rule); background: var(--tint);
  font-style: italic; }
mark { background: #ffe27a; color: inherit; padding: 0 .08em; font-style: normal; }
cite { display: block; font-style: normal; color: var(--muted); font-size: .8rem; margin: 0 0 .7rem .9rem; }
.stance { border-left: 3px solid var(--rule); padding-left: .8rem; margin: .6rem 0; }
.stance-supports { border-color: #1b8a3a; } .stance-supports h4 { color: #1b8a3a; }
.stance-refutes { border-color: #b3261e; } .stance-refutes h4 { color: #b3261e; }
.stance-context { border-color: #5b6573; } .stance-context h4 { color: #5b6573; }
.ref { margin: .3rem 0; font-size: .92rem; }
.note { font-size: .88rem; color: var(--muted); margin: .1rem 0 .6rem; }
.empty { color: var(--muted); font-style: italic; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .82rem; margin: .4rem 0 1rem; }
th { background: var(--tint); font-weight: 600; }
th, td { border-bottom: 1px solid var(--rule); text-align: left; padding: .35rem .5rem; vertical-align: top; }
.hash { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: .7rem; word-break: break-all; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; vertical-align: middle; }
footer.report { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--rule); font-size: .8rem;
  color: var(--muted); }
@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; box-shadow: none; font-size: 10.5pt; }
  article.claim, table tr, blockquote, .stance { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  section.sources, section.scale { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 18mm 16mm 20mm; }
}
"""

_QT_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #1d2430; }
h1 { font-size: 19pt; margin-top: 2pt; margin-bottom: 6pt; }
h2 { font-size: 13.5pt; color: #1f4e79; margin-top: 16pt; margin-bottom: 6pt; }
h3 { font-size: 9pt; color: #5b6573; margin-top: 8pt; margin-bottom: 2pt; }
h4 { font-size: 9.5pt; margin-top: 6pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
a { color: #1f4e79; }
.kicker { color: #1f4e79; font-size: 8pt; font-weight: bold; }
.meta { color: #5b6573; font-size: 8.5pt; }
.statement { font-size: 12.5pt; font-weight: bold; }
h3.headline { font-size: 12.5pt; color: #1d2430; margin-top: 2pt; }
.byline { color: #5b6573; font-size: 8.5pt; }
.draft-note { color: #8a4b00; font-weight: bold; }
.claim-no { color: #5b6573; font-size: 8pt; }
blockquote { font-family: "DejaVu Serif", Georgia, serif; font-style: italic; background-color: #f5f7fa;
  margin-left: 12pt; margin-right: 6pt; }
mark { background-color: #ffe27a; font-style: normal; }
cite { color: #5b6573; font-size: 8pt; font-style: normal; }
.note { color: #5b6573; font-size: 8.5pt; }
.empty { color: #5b6573; font-style: italic; }
th { background-color: #eef1f5; font-weight: bold; text-align: left; }
td, th { font-size: 8pt; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 6.5pt; }
.stance-supports { color: #1b8a3a; } .stance-refutes { color: #b3261e; } .stance-context { color: #5b6573; }
.newpage { page-break-before: always; }
"""


def e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute; newlines become ``<br>``."""
    return escape("" if value is None else str(value), quote=True).replace("\n", "<br>")


def link(url: str, text: str | None = None) -> str:
    """An ``<a>`` for an http(s) URL, or the escaped text of anything else (``javascript:`` stays inert text)."""
    shown = e(text if text is not None else url)
    if is_web_url(url):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{shown}</a>'
    return shown


def _lang_attr(language: str) -> str:
    return f' lang="{escape(language)}"' if language and _LANG_TAG.match(language) else ""


def _logo_uri(data: bytes) -> str:
    """A data: URI for a PNG or JPEG logo ("" for anything else: nothing else may reach the report)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    else:
        return ""
    return f"data:image/{kind};base64," + base64.b64encode(data).decode("ascii")


def _badge_html(text: str, color: str) -> str:
    color = safe_color(color)
    return f'<span class="badge" style="background-color:{color};color:{text_on(color)}">&nbsp;{e(text)}&nbsp;</span>'


def _badge(model: ReportModel, claim: ClaimInfo) -> str:
    p = _prose.prose(model, claim)
    return _badge_html(p.badge, p.badge_color)


class _Renderer:
    """Builds the report markup; ``for_qt`` selects the subset Qt's rich-text engine lays out well."""

    def __init__(self, model: ReportModel, for_qt: bool) -> None:
        self.m = model
        self.qt = for_qt
        self.lang = model.language

    def t(self, key: str) -> str:
        return e(label(self.lang, key))

    # ------------------------------------------------------------------ whole document

    def document(self, progress: Progress | None) -> str:
        m = self.m
        title = f"{label(self.lang, 'report')} — {m.dossier.name}"
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="{e(GENERATOR)}">',
            f"<title>{e(title)}</title>",
            f"<style>{_QT_CSS if self.qt else _CSS}</style>",
            "</head>",
            "<body>",
            self.header(),
            self.summary(),
        ]
        parts.append(f'<section class="claims"><h2>{self.t("contents")}</h2>')
        total = len(m.claims)
        report_progress(progress, 0, total)
        for number, claim in enumerate(m.claims, 1):
            parts.append(self.claim(number, claim))
            report_progress(progress, number, total)
        parts.append("</section>")
        parts.append(self.sources())
        if m.discrepancies:
            parts.append(self.discrepancies())
        parts.append(self.scale())
        parts.append(
            f'<footer class="report"><p class="meta">{self.t("footer")} {e(GENERATOR)} — '
            f"{e(format_datetime(m.generated_at))}</p></footer>"
        )
        parts += ["</body>", "</html>", ""]
        return "\n".join(parts)

    def header(self) -> str:
        m, d = self.m, self.m.dossier
        rows = [f'<p class="kicker">{self.t("report")}</p>', f"<h1>{e(d.name)}</h1>"]
        logo = _logo_uri(m.organisation_logo)
        if logo:  # Qt: the PDF exporter registers the image under the name "logo" (no data: URL loading there)
            src = "logo" if self.qt else logo
            rows.insert(0, f'<img class="logo" src="{src}" alt="{e(m.organisation)}" height="48">')
        if d.description:
            rows.append(f'<p class="description">{e(d.description)}</p>')
        facts = []
        if d.event_date:
            facts.append((self.t("event_date"), e(format_date(d.event_date, self.lang))))
        if m.organisation:
            org = link(m.organisation_url, m.organisation) if is_web_url(m.organisation_url) else e(m.organisation)
            facts.append((self.t("organisation"), org))
        facts.append((self.t("generated"), e(_prose.when(m, m.generated_at))))
        facts.append((self.t("filters"), e(m.filters) if m.filters else self.t("all_claims")))
        rows += [
            f'<p class="meta"><b>{k}</b>&nbsp;: {v}</p>'
            if self.lang == "fr"
            else f'<p class="meta"><b>{k}:</b> {v}</p>'
            for k, v in facts
        ]
        return '<header class="report">' + "\n".join(rows) + "</header>"

    # ------------------------------------------------------------------ summary

    def summary(self) -> str:
        m = self.m
        counts = [(v, n) for v, n in m.verdict_counts() if n]
        out = [f'<section class="summary-section"><h2>{self.t("summary")}</h2>']
        if self.qt:
            out.append(f'<p><span class="statement">{len(m.claims)}</span> {self.t("claims_total")}</p>')
            out.append(self._qt_chart(counts))
        else:
            out.append('<div class="summary">')
            out.append(f'<div class="total">{len(m.claims)}<small>{self.t("claims_total")}</small></div>')
            out.append(self._svg_chart(counts))
            out.append("</div>")
        drafts = m.draft_count()
        if drafts:
            key = "drafts_counted" if m.include_drafts else "drafts_not_counted"
            out.append(f'<p class="meta">{e(label(self.lang, key).format(n=drafts))}</p>')
        if m.claims:
            out.append("<nav><ol>")
            for claim in m.claims:
                out.append(f'<li><a href="#claim-{claim.id}">{e(claim.statement)}</a> {_badge(m, claim)}</li>')
            out.append("</ol></nav>")
        out.append("</section>")
        return "\n".join(out)

    def _bar_rows(self, counts: list[tuple[Verdict | None, int]]) -> list[tuple[str, str, int]]:
        return [
            (
                v.label(self.lang) if v else label(self.lang, "no_verdict"),
                safe_color(v.color) if v else NO_VERDICT_COLOR,
                n,
            )
            for v, n in counts
        ]

    def _svg_chart(self, counts: list[tuple[Verdict | None, int]]) -> str:
        rows = self._bar_rows(counts)
        if not rows:
            return ""
        width, label_w, row_h, bar_max = 620, 170, 30, 390
        top = max(n for _, _, n in rows)
        height = row_h * len(rows) + 6
        desc = "; ".join(f"{name}: {n}" for name, _, n in rows)
        out = [
            f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{e(desc)}">',
            f"<title>{e(desc)}</title>",
        ]
        for i, (name, color, n) in enumerate(rows):
            y = i * row_h + 4
            w = max(4, round(bar_max * n / top))
            out.append(f'<text x="{label_w - 10}" y="{y + 17}" text-anchor="end">{e(name)}</text>')
            out.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="{row_h - 10}" rx="3" fill="{color}"/>')
            out.append(f'<text x="{label_w + w + 8}" y="{y + 17}" font-weight="700">{n}</text>')
        out.append("</svg>")
        return "\n".join(out)

    def _qt_chart(self, counts: list[tuple[Verdict | None, int]]) -> str:
        rows = self._bar_rows(counts)
        if not rows:
            return ""
        top = max(n for _, _, n in rows)
        out = ['<table width="100%" cellspacing="0" cellpadding="2">']
        for name, color, n in rows:
            pct = max(2, round(100 * n / top))
            out.append(
                f'<tr><td width="28%" align="right">{e(name)}</td><td width="62%">'
                f'<table width="{pct}%" cellspacing="0" cellpadding="0"><tr><td bgcolor="{color}">&nbsp;</td></tr>'
                f'</table></td><td width="10%"><b>{n}</b></td></tr>'
            )
        out.append("</table>")
        return "\n".join(out)

    # ------------------------------------------------------------------ one claim

    def claim(self, number: int, claim: ClaimInfo) -> str:
        m = self.m
        p = _prose.prose(m, claim)
        kicker = f"{self.t('claim')} {number}" + (f" · {self.t('draft')}" if p.draft else "")
        badge = _badge_html(p.badge, p.badge_color)
        if self.qt:
            out = [
                f'<a name="claim-{claim.id}"></a><hr>',
                f'<p class="claim-no">{e(kicker)}</p>',
                f'<h3 class="headline">{e(p.headline)}</h3>',
            ]
        else:
            cls = "claim draft" if p.draft else "claim"
            out = [
                f'<article class="{cls}" id="claim-{claim.id}" style="border-left-color:{p.badge_color}">',
                f'<div class="claim-head"><span class="claim-no">{e(kicker)}</span>{badge}</div>',
                f'<h3 class="headline">{e(p.headline)}</h3>',
            ]
        out.append(self.verdict_box(claim, p))
        if p.byline:
            out.append(f'<p class="byline">{e(p.byline)}</p>')
        if p.explanation:
            out.append(f"<h4>{self.t('explanation')}</h4>")
            body = "".join(f"<p>{e(para)}</p>" for para in p.explanation)
            out.append(f'<div class="rationale">{body}</div>' if not self.qt else body)
        out.append(f"<h4>{self.t('appearances')}</h4>")
        if claim.appearances:
            for appearance in claim.appearances:
                out.append(self.quote(m.quote(appearance.span)))
        else:
            out.append(f'<p class="empty">{self.t("no_appearances")}</p>')
        out.append(f"<h4>{self.t('evidence')}</h4>")
        if claim.evidence:
            for stance, items in m.evidence_by_stance(claim).items():
                if items:
                    out.append(self.stance_group(stance, items))
        else:
            out.append(f'<p class="empty">{self.t("no_evidence")}</p>')
        related = m.related(claim)
        if related:
            out.append(f"<h4>{self.t('relations')}</h4><ul>")
            for kind, other_id, other in related:
                name = e(label(self.lang, f"relation.{kind}", kind))
                if other is not None:
                    target = f'<a href="#claim-{other_id}">{e(other.statement)}</a>'
                else:
                    target = e(self.t("claim"))
                out.append(f"<li><b>{name}</b> {target}</li>")
            out.append("</ul>")
        if p.updates:
            out.append(f"<h4>{self.t('updates')}</h4><ul class=\"updates\">")
            out += [f"<li><b>{e(date)}</b> — {e(line)}</li>" for date, line in p.updates]
            out.append("</ul>")
        if p.history:
            out.append(f"<h4>{self.t('history')}</h4><ul class=\"history\">")
            out += [f'<li><span class="meta">{e(at)}</span> — {e(line)}</li>' for at, line in p.history]
            out.append("</ul>")
        if not self.qt:
            out.append("</article>")
        return "\n".join(out)

    def verdict_box(self, claim: ClaimInfo, p: _prose.ClaimProse) -> str:
        """The "Claim / Our verdict" box."""
        claim_cell = f"<b>{e(claim.statement)}</b>"
        if p.claim_line:
            claim_cell += f'<br><span class="meta">{e(p.claim_line)}</span>'
        if p.draft:
            verdict_cell = f'<span class="draft-note">{e(p.verdict_text)}</span>'
            if p.working_verdict:
                verdict_cell += f'<br><span class="meta">{self.t("working_verdict")} : {e(p.working_verdict)}</span>' \
                    if self.lang == "fr" else \
                    f'<br><span class="meta">{self.t("working_verdict")}: {e(p.working_verdict)}</span>'
        else:
            verdict_cell = _badge_html(p.verdict_text, p.badge_color)
        tags = f'<br><span class="meta">{self.t("tags")} : {e(", ".join(claim.tags))}</span>' if claim.tags else ""
        if self.qt:
            return (
                '<table width="100%" cellspacing="0" cellpadding="4" border="1" class="box">'
                f'<tr><td width="22%" bgcolor="#f5f7fa"><b>{self.t("headline_claim")}</b></td>'
                f"<td>{claim_cell}{tags}</td></tr>"
                f'<tr><td bgcolor="#f5f7fa"><b>{self.t("our_verdict")}</b></td><td>{verdict_cell}</td></tr></table>'
            )
        return (
            '<div class="box">'
            f'<div class="box-row"><div class="box-key">{self.t("headline_claim")}</div>'
            f'<div class="box-val">{claim_cell}{tags}</div></div>'
            f'<div class="box-row"><div class="box-key">{self.t("our_verdict")}</div>'
            f'<div class="box-val">{verdict_cell}</div></div></div>'
        )

    def quote(self, quote: Quote) -> str:
        lang = _lang_attr(quote.source.language) if quote.source else ""
        body = (
            f"{'…' if quote.cut_before else ''}{e(quote.before)}<mark>{e(quote.exact)}</mark>{e(quote.after)}"
            f"{'…' if quote.cut_after else ''}"
        )
        cite = self.source_citation(quote.source) if quote.source else self.t("source")
        revised = self.m.revision_note(quote.span)
        note = f'\n<p class="revised">{e(revised)}</p>' if revised else ""
        return f"<blockquote{lang}>{body}</blockquote>\n<cite>{cite}</cite>{note}"

    def source_citation(self, source: SourceInfo) -> str:
        """Citation with the URL as a link (only if http/https)."""
        title = ""
        if source.title:
            title = f"« {e(source.title)} »" if self.lang == "fr" else f"“{e(source.title)}”"
        parts = [e(source.outlet), e(source.cited_author), title, e(format_date(source.published, self.lang))]
        if source.url:
            parts.append(link(source.url))
        for text, url in _prose.captures(self.m, source):
            parts.append(link(url, text) if is_web_url(url) else e(text))
        return ", ".join(p for p in parts if p)

    def stance_group(self, stance: str, items: tuple[EvidenceInfo, ...]) -> str:
        name = e(label(self.lang, f"stance.{stance}", stance))
        cls = f"stance stance-{e(stance)}"
        if self.qt:
            out = [f'<h4 class="stance-{e(stance)}">{name} ({len(items)})</h4>']
        else:
            out = [f'<div class="{cls}"><h4>{name} ({len(items)})</h4>']
        for item in items:
            out.append(self.evidence(item))
        if not self.qt:
            out.append("</div>")
        return "\n".join(out)

    def evidence(self, item: EvidenceInfo) -> str:
        out = []
        if item.span is not None:
            out.append(self.quote(self.m.quote(item.span)))
        if item.url or item.title or item.publisher or item.quoted:
            title = ""
            if item.title:
                title = f"« {e(item.title)} »" if self.lang == "fr" else f"“{e(item.title)}”"
                if is_web_url(item.url):
                    title = link(item.url, f"« {item.title} »" if self.lang == "fr" else f"“{item.title}”")
            parts = [e(item.publisher), title, e(format_date(item.published, self.lang))]
            if item.url and not (item.title and is_web_url(item.url)):
                parts.append(link(item.url))
            if item.archive_url:
                parts.append(f"{self.t('archive')}{_prose.colon(self.m)}{link(item.archive_url)}")
            if item.accessed:
                parts.append(f"{self.t('accessed')} {e(format_date(item.accessed, self.lang))}")
            out.append(f'<p class="ref"><b>{self.t("external")}</b> — ' + ", ".join(p for p in parts if p) + "</p>")
            if item.quoted:
                out.append(f"<blockquote>{e(item.quoted)}</blockquote>")
        if item.note:
            out.append(f'<p class="note">{e(item.note)}</p>')
        return "\n".join(out)

    def _table_open(self) -> str:
        return '<table width="100%" cellspacing="0" cellpadding="3" border="0">' if self.qt else "<table>"

    # ------------------------------------------------------------------ end matter

    def sources(self) -> str:
        keys = ("title", "outlet", "author", "published", "url", "kind", "sha256", "imported")
        head = "".join(f"<th>{self.t(k)}</th>" for k in keys)
        rows = []
        for s in self.m.sources:
            rows.append(
                f'<tr id="source-{s.id}"><td>{e(s.title)}</td><td>{e(s.outlet)}</td><td>{e(s.author)}</td>'
                f"<td>{e(format_date(s.published, self.lang))}</td><td>{link(s.url) if s.url else ''}</td>"
                f'<td>{e(_prose.kind_name(self.m, s))}</td><td class="hash">{e(s.sha256)}</td>'
                f"<td>{e(format_datetime(s.imported_at))}</td></tr>"
            )
        cls = ' class="newpage"' if self.qt else ""
        ocr = "".join(f'<p class="ocr">{e(line)}</p>' for s in self.m.sources if (line := ocr_line(s, self.lang)))
        return (
            f'<section class="sources"><h2{cls}>{self.t("sources")}</h2>{self._table_open()}'
            f"<tr>{head}</tr>{''.join(rows)}</table>{ocr}</section>"
        )

    def discrepancies(self) -> str:
        out = [f'<section class="discrepancies"><h2>{self.t("discrepancies")}</h2>']
        for item in self.m.discrepancies:
            out.append(f"<h3>{e(_prose.discrepancy_heading(self.m, item))}</h3>")
            out.append(f"<p>{e(_prose.discrepancy_note(self.m, item))}</p>")
            keys = ("source", "quoted", "value")
            rows = []
            for span in item["spans"]:
                source = self.m.source(span["source_id"])
                cite = self.source_citation(source) if source else self.t("source")
                value = e(_prose.value_text(self.m, span["value"], span["exact"]))
                rows.append(f"<tr><td>{cite}</td><td><mark>{e(span['exact'])}</mark></td><td>{value}</td></tr>")
            head = "".join(f"<th>{self.t(k)}</th>" for k in keys)
            out.append(f"{self._table_open()}<tr>{head}</tr>{''.join(rows)}</table>")
        out.append("</section>")
        return "\n".join(out)

    def scale(self) -> str:
        scale = self.m.dossier.scale
        rows = []
        for v in scale.verdicts:
            color = safe_color(v.color)
            swatch = (
                f'<td bgcolor="{color}" width="4%">&nbsp;</td>'
                if self.qt
                else f'<td><span class="swatch" style="background-color:{color}"></span></td>'
            )
            value = str(v.rating_value) if v.rating_value > 0 else self.t("none")
            rows.append(f"<tr>{swatch}<td>{e(v.label(self.lang))}</td><td>{value}</td></tr>")
        head = f"<tr><th></th><th>{self.t('label')}</th><th>{self.t('rating')}</th></tr>"
        name = e(_prose.scale_name(self.m))
        return (
            f'<section class="scale"><h2>{self.t("scale")} — {name}</h2>{self._table_open()}'
            f"{head}{''.join(rows)}</table></section>"
        )


def render(model: ReportModel, progress: Progress | None = None, *, for_qt: bool = False) -> str:
    """The report as an HTML string (``for_qt``: the subset Qt's QTextDocument renders, for the PDF exporter)."""
    return _Renderer(model, for_qt).document(progress)


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The report as one self-contained UTF-8 HTML file."""
    return render(model, progress).encode("utf-8")
