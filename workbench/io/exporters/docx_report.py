"""Word (DOCX) report with python-docx: the same content as the HTML report.

Headings, paragraphs and tables; verdicts in their scale colour; quoted spans highlighted in their sentence; page
numbers in the footer. Text from sources and users only ever becomes run text (python-docx escapes it as XML text;
characters XML cannot hold are dropped), so nothing in it can become a field, a macro or markup. Only http(s) URLs
become hyperlinks.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from workbench.core.values import ClaimInfo, EvidenceInfo, SourceInfo
from workbench.io.exporters._common import GENERATOR, label, report_progress
from workbench.io.report import (
    Progress,
    Quote,
    ReportModel,
    as_utc,
    format_date,
    format_datetime,
    format_value,
    is_web_url,
    ocr_line,
    safe_color,
)

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x5B, 0x65, 0x73)
STANCE_COLORS = {"supports": RGBColor(0x1B, 0x8A, 0x3A), "refutes": RGBColor(0xB3, 0x26, 0x1E)}
NO_VERDICT = "#b0b7c3"


def clean(value: Any) -> str:
    """``value`` as text XML can hold (control characters and lone surrogates removed)."""
    return _XML_BAD.sub("", "" if value is None else str(value))


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(safe_color(color)[1:].upper())


def _shade(cell: Any, color: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), safe_color(color)[1:].upper())
    cell._tc.get_or_add_tcPr().append(shd)


def add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    """Append a hyperlink run (http/https only; anything else is appended as plain text)."""
    if not is_web_url(url):
        paragraph.add_run(clean(text))
        return
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1F4E79")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = clean(text)
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _page_field(paragraph: Any, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    node = OxmlElement("w:t")
    node.text = "1"
    run.append(node)
    field.append(run)
    paragraph._p.append(field)


class _Writer:
    def __init__(self, model: ReportModel) -> None:
        self.m = model
        self.lang = model.language
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(10.5)

    def t(self, key: str) -> str:
        return label(self.lang, key)

    def para(
        self,
        text: str = "",
        *,
        bold: bool = False,
        size: float | None = None,
        color: RGBColor | None = None,
        italic: bool = False,
        style: str | None = None,
    ) -> Any:
        p = self.doc.add_paragraph(style=style)
        if text:
            run = p.add_run(clean(text))
            run.bold = bold or None
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
            if color is not None:
                run.font.color.rgb = color
        return p

    def table(self, head: list[str], rows: list[list[str]], widths: tuple[float, ...] = ()) -> Any:
        table = self.doc.add_table(rows=1, cols=len(head))
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = clean(text)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = clean(text)
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(8)
                if widths and i < len(widths):
                    cell.width = Pt(widths[i])
        self.doc.add_paragraph()
        return table

    # ------------------------------------------------------------------ document

    def build(self, progress: Progress | None) -> bytes:
        m, d = self.m, self.m.dossier
        props = self.doc.core_properties
        props.title = clean(f"{self.t('report')} — {d.name}")[:255]
        props.author = clean(m.organisation)[:255]
        props.created = as_utc(m.generated_at).replace(tzinfo=None)
        props.language = m.language
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.add_run(f"{clean(d.name)[:80]} — {self.t('page')} ")
        _page_field(footer, "PAGE")
        footer.add_run(" / ")
        _page_field(footer, "NUMPAGES")

        self.para(self.t("report").upper(), bold=True, size=8, color=ACCENT)
        self.doc.add_heading(clean(d.name), level=0)
        if d.description:
            self.para(d.description, size=11)
        facts = []
        if d.event_date:
            facts.append((self.t("event_date"), format_date(d.event_date, self.lang)))
        if m.organisation:
            facts.append((self.t("organisation"), m.organisation))
        facts.append((self.t("generated"), format_datetime(m.generated_at)))
        facts.append((self.t("filters"), m.filters or self.t("all_claims")))
        for key, value in facts:
            p = self.doc.add_paragraph()
            run = p.add_run(f"{key}: ")
            run.bold = True
            run.font.color.rgb = MUTED
            p.add_run(clean(value)).font.color.rgb = MUTED
        self.summary()
        self.doc.add_heading(self.t("contents"), level=1)
        total = len(m.claims)
        report_progress(progress, 0, total)
        for number, claim in enumerate(m.claims, 1):
            self.claim(number, claim)
            report_progress(progress, number, total)
        self.doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        self.sources()
        if m.discrepancies:
            self.discrepancies()
        self.scale()
        self.para(f"{self.t('footer')} {GENERATOR} — {format_datetime(m.generated_at)}", size=8, color=MUTED)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def summary(self) -> None:
        m = self.m
        self.doc.add_heading(self.t("summary"), level=1)
        p = self.doc.add_paragraph()
        run = p.add_run(str(len(m.claims)))
        run.bold = True
        run.font.size = Pt(20)
        run.font.color.rgb = ACCENT
        p.add_run(f"  {self.t('claims_total')}")
        rows = [(v, n) for v, n in m.verdict_counts() if n]
        if rows:
            top = max(n for _, n in rows)
            table = self.doc.add_table(rows=0, cols=3)
            for verdict, n in rows:
                cells = table.add_row().cells
                cells[0].text = clean(verdict.label(self.lang) if verdict else self.t("no_verdict"))
                bar = cells[1].paragraphs[0].add_run("█" * max(1, round(30 * n / top)))
                bar.font.color.rgb = _rgb(verdict.color if verdict else NO_VERDICT)
                cells[2].text = str(n)
            self.doc.add_paragraph()
        for claim in m.claims:
            p = self.doc.add_paragraph(style="List Number")
            p.add_run(clean(claim.statement) + " — ")
            self._verdict_run(p, claim)

    def _verdict_run(self, paragraph: Any, claim: ClaimInfo) -> None:
        verdict = self.m.verdict_of(claim)
        run = paragraph.add_run(clean(self.m.verdict_label(claim) or self.t("no_verdict")))
        run.bold = True
        run.font.color.rgb = _rgb(verdict.color if verdict else NO_VERDICT)

    def claim(self, number: int, claim: ClaimInfo) -> None:
        m = self.m
        self.doc.add_heading(f"{self.t('claim')} {number} · #{claim.id}", level=2)
        self.para(claim.statement, bold=True, size=13)
        p = self.doc.add_paragraph()
        p.add_run(f"{self.t('verdict')}: ").bold = True
        self._verdict_run(p, claim)
        facts = [
            (self.t("claimant"), claim.claimant or self.t("none")),
            (self.t("claim_date"), format_date(claim.claim_date, self.lang) or self.t("none")),
            (self.t("status"), label(self.lang, f"status.{claim.status}", claim.status)),
        ]
        if claim.concluded_by and claim.status == "concluded":
            facts.append((self.t("concluded_by"), claim.concluded_by))
        if claim.tags:
            facts.append((self.t("tags"), ", ".join(claim.tags)))
        for key, value in facts:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(f"{key}: ")
            run.font.color.rgb = MUTED
            p.add_run(clean(value))
        if claim.rationale.strip():
            self.doc.add_heading(self.t("rationale"), level=3)
            for para in re.split(r"\n\s*\n", claim.rationale.strip()):
                if para.strip():
                    self.para(para.strip())
        self.doc.add_heading(self.t("appearances"), level=3)
        if claim.appearances:
            for appearance in claim.appearances:
                self.quote(m.quote(appearance.span))
        else:
            self.para(self.t("no_appearances"), italic=True, color=MUTED)
        self.doc.add_heading(self.t("evidence"), level=3)
        if claim.evidence:
            for stance, items in m.evidence_by_stance(claim).items():
                if items:
                    heading = self.doc.add_heading(level=4)
                    run = heading.add_run(f"{label(self.lang, f'stance.{stance}', clean(stance))} ({len(items)})")
                    run.font.color.rgb = STANCE_COLORS.get(stance, MUTED)
                    for item in items:
                        self.evidence(item)
        else:
            self.para(self.t("no_evidence"), italic=True, color=MUTED)
        related = m.related(claim)
        if related:
            self.doc.add_heading(self.t("relations"), level=3)
            for kind, other_id, other in related:
                p = self.doc.add_paragraph(style="List Bullet")
                p.add_run(label(self.lang, f"relation.{kind}", clean(kind)) + " ").bold = True
                p.add_run(f"#{other_id}" + (f" — {clean(other.statement)}" if other else ""))
        if m.include_history:
            entries = m.history_of(claim.id)
            if entries:
                self.doc.add_heading(self.t("history"), level=3)
                rows = [
                    [
                        format_datetime(h.at),
                        h.user,
                        h.action,
                        h.field,
                        f"{format_value(h.before)} → {format_value(h.after)}"
                        if h.before is not None or h.after is not None
                        else "",
                    ]
                    for h in entries
                ]
                self.table([self.t(k) for k in ("at", "user", "action", "field", "change")], rows)

    def quote(self, quote: Quote) -> None:
        p = self.doc.add_paragraph(style="Quote")
        p.add_run(("…" if quote.cut_before else "") + clean(quote.before))
        mark = p.add_run(clean(quote.exact))
        mark.font.highlight_color = WD_COLOR_INDEX.YELLOW
        mark.bold = True
        p.add_run(clean(quote.after) + ("…" if quote.cut_after else ""))
        if quote.source is not None:
            self.citation(quote.source)

    def citation(self, source: SourceInfo) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.left_indent = Pt(24)
        title = ""
        if source.title:
            title = f"« {source.title} »" if self.lang == "fr" else f"“{source.title}”"
        parts = [source.outlet, source.author, title, format_date(source.published, self.lang)]
        text = ", ".join(clean(x) for x in parts if x)
        run = p.add_run("— " + text + (", " if source.url and text else ""))
        run.font.size = Pt(8.5)
        run.font.color.rgb = MUTED
        if source.url:
            add_hyperlink(p, source.url, source.url)

    def evidence(self, item: EvidenceInfo) -> None:
        if item.span is not None:
            self.quote(self.m.quote(item.span))
        if item.url or item.title or item.publisher or item.quoted:
            p = self.doc.add_paragraph()
            p.add_run(self.t("external") + " — ").bold = True
            title = ""
            if item.title:
                title = f"« {item.title} »" if self.lang == "fr" else f"“{item.title}”"
            parts = [item.publisher, title, format_date(item.published, self.lang)]
            p.add_run(", ".join(clean(x) for x in parts if x))
            if item.url:
                p.add_run(", ")
                add_hyperlink(p, item.url, item.url)
            if item.archive_url:
                p.add_run(f", {self.t('archive')}: ")
                add_hyperlink(p, item.archive_url, item.archive_url)
            if item.accessed:
                p.add_run(f", {self.t('accessed')} {format_date(item.accessed, self.lang)}")
            if item.quoted:
                self.para(item.quoted, style="Quote")
        if item.note:
            self.para(item.note, italic=True, color=MUTED, size=9)

    def sources(self) -> None:
        self.doc.add_heading(self.t("sources"), level=1)
        keys = ("title", "outlet", "author", "published", "url", "kind", "sha256", "imported")
        rows = [
            [
                s.title,
                s.outlet,
                s.author,
                format_date(s.published, self.lang),
                s.url,
                s.kind,
                s.sha256,
                format_datetime(s.imported_at),
            ]
            for s in self.m.sources
        ]
        self.table([self.t(k) for k in keys], rows)
        for s in self.m.sources:  # sources whose text came from OCR say so
            if line := ocr_line(s, self.lang):
                self.para(line)

    def discrepancies(self) -> None:
        self.doc.add_heading(self.t("discrepancies"), level=1)
        for item in self.m.discrepancies:
            self.doc.add_heading(clean(item["kind"]), level=3)
            if item["note"]:
                self.para(item["note"])
            rows = []
            for span in item["spans"]:
                source = self.m.source(span["source_id"])
                rows.append(
                    [source.title or source.outlet if source else f"#{span['source_id']}", span["exact"], span["value"]]
                )
            self.table([self.t("source"), self.t("quoted"), self.t("value")], rows)

    def scale(self) -> None:
        scale = self.m.dossier.scale
        self.doc.add_heading(f"{self.t('scale')} — {clean(scale.name)}", level=1)
        table = self.table(
            ["", self.t("label"), self.t("key"), self.t("rating")],
            [
                ["", v.label(self.lang), v.key, str(v.rating_value) if v.rating_value > 0 else "—"]
                for v in scale.verdicts
            ],
        )
        for row, verdict in zip(table.rows[1:], scale.verdicts, strict=True):
            _shade(row.cells[0], verdict.color)


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The report as a DOCX file."""
    return _Writer(model).build(progress)
