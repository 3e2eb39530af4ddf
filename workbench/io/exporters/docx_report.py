"""Word (DOCX) report with python-docx: the same content as the HTML report.

Headings, paragraphs and tables; verdicts in their scale colour; quoted spans highlighted in their sentence; page
numbers in the footer. Text from sources and users only ever becomes run text (python-docx escapes it as XML text;
characters XML cannot hold are dropped), so nothing in it can become a field, a macro or markup. Only http(s) URLs
become hyperlinks.
"""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from workbench.core.values import ClaimInfo, EvidenceInfo, SourceInfo
from workbench.io.exporters import _docx_xml as X
from workbench.io.exporters import _prose
from workbench.io.exporters._common import GENERATOR, label, report_progress
from workbench.io.report import (
    Progress,
    Quote,
    ReportModel,
    as_utc,
    format_date,
    format_datetime,
    is_web_url,
    ocr_line,
    safe_color,
)

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x5B, 0x65, 0x73)
STANCE_COLORS = {"supports": RGBColor(0x1B, 0x8A, 0x3A), "refutes": RGBColor(0xB3, 0x26, 0x1E)}
NO_VERDICT = "#b0b7c3"
DRAFT = RGBColor(0x8A, 0x4B, 0x00)
PAGE_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-US"}


def clean(value: Any) -> str:
    """``value`` as text XML can hold (control characters and lone surrogates removed)."""
    return _XML_BAD.sub("", "" if value is None else str(value))


def _hex(color: RGBColor) -> str:
    return str(color)


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
        self._set_language(LANGUAGE_TAGS.get(self.lang, self.lang))
        width, height = PAGE_MM[model.paper_size()]
        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(width), Mm(height)
            section.left_margin = section.right_margin = Mm(20)
            section.top_margin = section.bottom_margin = Mm(18)
        for level in range(1, 5):
            self.doc.styles[f"Heading {level}"].paragraph_format.keep_with_next = True
        self._style_ids: dict[str, str] = {}
        self._text_width = Mm(width - 40)
        self._body = self.doc._body
        self._body_el = self.doc.element.body
        self._sect_pr = self._body_el.sectPr
        self.links = X.Links(self.doc.part)

    # ---------------------------------------------------------------- linear-time building blocks
    # python-docx's Document.add_paragraph/add_table scan the whole body for its final sectPr on every call and
    # compare each named style with the default style by walking every style: quadratic in the claims and slow.
    # The writer keeps the sectPr aside while it appends to the body, and resolves style ids once.

    def _style_id(self, name: str) -> str:
        sid = self._style_ids.get(name)
        if sid is None:
            sid = self._style_ids[name] = self.doc.styles[name].style_id
        return sid

    def add_p(self, style: str | None = None) -> Any:
        """Append a paragraph (in ``style``, a style name) to the body in constant time."""
        p = OxmlElement("w:p")
        if style:
            p.style = self._style_id(style)
        self._body_el.append(p)
        return Paragraph(p, self._body)

    def add_heading(self, text: str, level: int) -> Any:
        """Append a heading paragraph (level 0 is the title)."""
        p = self.add_p("Title" if level == 0 else f"Heading {level}")
        if text:
            p.add_run(text)
        return p

    def add_table(self, rows: int, cols: int) -> Any:
        """Append a table of ``rows`` x ``cols`` spanning the text width."""
        tbl = CT_Tbl.new_tbl(rows, cols, self._text_width)
        self._body_el.append(tbl)
        return Table(tbl, self._body)

    def _set_language(self, tag: str) -> None:
        """The document's language: default run properties and every style naming one (en-US in the template)."""
        styles = self.doc.styles.element
        for lang in styles.iter(qn("w:lang")):
            lang.set(qn("w:val"), tag)
            if lang.get(qn("w:eastAsia")) is not None:
                lang.set(qn("w:eastAsia"), tag)
        for theme in self.doc.settings.element.iter(qn("w:themeFontLang")):
            theme.set(qn("w:val"), tag)
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            if rpr is not None and rpr.find(qn("w:lang")) is None:
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), tag)
                rpr.append(lang)

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
        p = self.add_p(style)
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
        table = self.add_table(1, len(head))
        table._tbl.tblStyle_val = self._style_id("Light Grid Accent 1")
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
        self.add_p()
        return table

    # ------------------------------------------------------------------ document

    def build(self, progress: Progress | None) -> bytes:
        m, d = self.m, self.m.dossier
        props = self.doc.core_properties
        props.title = clean(f"{self.t('report')} — {d.name}")[:255]
        props.author = clean(m.organisation)[:255]
        props.created = as_utc(m.generated_at).replace(tzinfo=None)
        props.language = LANGUAGE_TAGS.get(m.language, m.language)
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.add_run(f"{clean(d.name)[:80]} — {self.t('page')} ")
        _page_field(footer, "PAGE")
        footer.add_run(" / ")
        _page_field(footer, "NUMPAGES")
        if self._sect_pr is not None:
            self._body_el.remove(self._sect_pr)

        if m.organisation_logo.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            with contextlib.suppress(Exception):  # a logo python-docx cannot read is left out, never fatal
                self.add_p().add_run().add_picture(io.BytesIO(m.organisation_logo), height=Mm(12))
        self.para(self.t("report").upper(), bold=True, size=8, color=ACCENT)
        self.add_heading(clean(d.name), 0)
        if d.description:
            self.para(d.description, size=11)
        facts = []
        if d.event_date:
            facts.append((self.t("event_date"), format_date(d.event_date, self.lang)))
        if m.organisation:
            org_url = f" — {m.organisation_url}" if m.organisation_url else ""
            facts.append((self.t("organisation"), m.organisation + org_url))
        facts.append((self.t("generated"), _prose.when(m, m.generated_at)))
        facts.append((self.t("filters"), m.filters or self.t("all_claims")))
        for key, value in facts:
            p = self.add_p()
            run = p.add_run(f"{key}{_prose.colon(self.m)}")
            run.bold = True
            run.font.color.rgb = MUTED
            p.add_run(clean(value)).font.color.rgb = MUTED
        self.summary()
        self.heading(self.t("contents"), 1)
        total = len(m.claims)
        report_progress(progress, 0, total)
        for number, claim in enumerate(m.claims, 1):
            self.claim(number, claim)
            report_progress(progress, number, total)
        self.add_p().add_run().add_break(WD_BREAK.PAGE)
        self.sources()
        if m.discrepancies:
            self.discrepancies()
        self.scale()
        self.para(f"{self.t('footer')} {GENERATOR} — {format_datetime(m.generated_at)}", size=8, color=MUTED)
        if self._sect_pr is not None:
            self._body_el.append(self._sect_pr)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def summary(self) -> None:
        m = self.m
        self.heading(self.t("summary"), 1)
        p = self.add_p()
        run = p.add_run(str(len(m.claims)))
        run.bold = True
        run.font.size = Pt(20)
        run.font.color.rgb = ACCENT
        p.add_run(f"  {self.t('claims_total')}")
        rows = [(v, n) for v, n in m.verdict_counts() if n]
        if rows:
            top = max(n for _, n in rows)
            table = self.add_table(0, 3)
            for verdict, n in rows:
                cells = table.add_row().cells
                cells[0].text = clean(verdict.label(self.lang) if verdict else self.t("no_verdict"))
                bar = cells[1].paragraphs[0].add_run("█" * max(1, round(16 * n / top)))
                bar.font.color.rgb = _rgb(verdict.color if verdict else NO_VERDICT)
                cells[2].text = str(n)
            self.add_p()
        drafts = m.draft_count()
        if drafts:
            key = "drafts_counted" if m.include_drafts else "drafts_not_counted"
            self.para(label(self.lang, key).format(n=drafts), italic=True, size=9, color=MUTED)
        for claim in m.claims:
            p = self.add_p("List Number")
            p.add_run(clean(claim.statement) + " — ")
            prose = _prose.prose(m, claim)
            run = p.add_run(clean(prose.badge))
            run.bold = True
            run.font.color.rgb = DRAFT if prose.draft else _rgb(prose.badge_color)

    def claim(self, number: int, claim: ClaimInfo) -> None:
        """One claim's fact-check, written as XML (see :mod:`._docx_xml`) and appended in one parse."""
        m, out = self.m, []
        p = _prose.prose(m, claim)
        kicker = f"{self.t('claim')} {number}" + (f" · {self.t('draft')}" if p.draft else "")
        out.append(X.para(X.run(kicker.upper(), bold=True, size=8, color=_hex(DRAFT if p.draft else MUTED)),
                          keep_next=True, space_after_pt=0))
        out.append(self._h(p.headline, 2))
        out.append(self.verdict_box(claim, p))
        out.append(X.para(space_after_pt=0))
        if p.byline:
            out.append(X.para(X.run(p.byline, italic=True, size=9, color=_hex(MUTED))))
        if p.explanation:
            out.append(self._h(self.t("explanation"), 3))
            out += [X.para(X.run(text)) for text in p.explanation]
        out.append(self._h(self.t("appearances"), 3))
        if claim.appearances:
            for appearance in claim.appearances:
                out += self.quote(m.quote(appearance.span))
        else:
            out.append(X.para(X.run(self.t("no_appearances"), italic=True, color=_hex(MUTED))))
        out.append(self._h(self.t("evidence"), 3))
        if claim.evidence:
            for stance, items in m.evidence_by_stance(claim).items():
                if items:
                    name = f"{label(self.lang, f'stance.{stance}', stance)} ({len(items)})"
                    color = STANCE_COLORS.get(stance, MUTED)
                    out.append(X.para(X.run(name, color=_hex(color)), style=self._style_id("Heading 4"),
                                      keep_next=True))
                    for item in items:
                        out += self.evidence(item)
        else:
            out.append(X.para(X.run(self.t("no_evidence"), italic=True, color=_hex(MUTED))))
        bullet = self._style_id("List Bullet")
        related = m.related(claim)
        if related:
            out.append(self._h(self.t("relations"), 3))
            for kind, _other_id, other in related:
                out.append(X.para(X.run(label(self.lang, f"relation.{kind}", kind) + " ", bold=True),
                                  X.run(other.statement if other else self.t("claim")), style=bullet))
        if p.updates:
            out.append(self._h(self.t("updates"), 3))
            out += [X.para(X.run(f"{date} — ", bold=True), X.run(line), style=bullet) for date, line in p.updates]
        if p.history:
            out.append(self._h(self.t("history"), 3))
            out += [X.para(X.run(f"{at} — ", color=_hex(MUTED)), X.run(line), style=bullet) for at, line in p.history]
        X.append(self._body_el, out)

    def _h(self, text: str, level: int) -> str:
        return X.para(X.run(text), style=self._style_id(f"Heading {level}"), keep_next=True)

    def heading(self, text: str, level: int) -> Any:
        """A heading kept on the page of the paragraph that follows it."""
        h = self.add_heading(clean(text), level)
        h.paragraph_format.keep_with_next = True
        return h

    def verdict_box(self, claim: ClaimInfo, p: _prose.ClaimProse) -> str:
        """The "Claim / Our verdict" box: a two-row table, keys shaded, rows kept together."""

        def key(name: str) -> str:
            return X.para(X.run(self.t(name).upper(), bold=True, size=8, color=_hex(MUTED)), keep_next=True)

        claim_cell = [X.run(claim.statement, bold=True)]
        value = [X.para(*claim_cell, keep_next=True)]
        if p.claim_line:
            value.append(X.para(X.run(p.claim_line, size=9, color=_hex(MUTED)), keep_next=True))
        if claim.tags:
            value.append(X.para(X.run(f"{self.t('tags')} : {', '.join(claim.tags)}", size=9, color=_hex(MUTED)),
                                keep_next=True))
        color = _hex(DRAFT) if p.draft else safe_color(p.badge_color)
        verdict = [X.para(X.run(p.verdict_text, bold=True, color=color), keep_next=True)]
        if p.working_verdict:
            sep = " : " if self.lang == "fr" else ": "
            verdict.append(X.para(X.run(f"{self.t('working_verdict')}{sep}{p.working_verdict}", size=9,
                                        color=_hex(MUTED))))
        width = int(self._text_width.twips) if hasattr(self._text_width, "twips") else 9600
        return X.table(
            [(key("headline_claim"), "".join(value)), (key("our_verdict"), "".join(verdict))],
            (1800, max(2000, width - 1800)),
            self._style_id("Table Grid"),
            "F5F7FA",
        )

    def quote(self, quote: Quote) -> list[str]:
        """A quoted span in its sentence (the span highlighted), then its citation."""
        runs = [
            X.run(("…" if quote.cut_before else "") + quote.before),
            X.run(quote.exact, bold=True, highlight="yellow"),
            X.run(quote.after + ("…" if quote.cut_after else "")),
        ]
        out = [X.para(*runs, style=self._style_id("Quote"))]
        if quote.source is not None:
            out.append(self.citation(quote.source))
        revised = self.m.revision_note(quote.span)  # the source was revised since: what the passage says now
        if revised:
            out.append(X.para(X.run(revised, italic=True, size=9, color=_hex(MUTED))))
        return out

    def citation(self, source: SourceInfo) -> str:
        """"— Outlet, Author, « Title », date, URL, archived copy …" in small muted type."""
        title = ""
        if source.title:
            title = f"« {source.title} »" if self.lang == "fr" else f"“{source.title}”"
        parts = [source.outlet, source.cited_author, title, format_date(source.published, self.lang)]
        text = ", ".join(x for x in parts if x)
        runs = [X.run("— " + text + (", " if source.url and text else ""), size=8.5, color=_hex(MUTED))]
        if source.url:
            runs.append(self.links.link(source.url, source.url, size=8.5))
        for cap_text, url in _prose.captures(self.m, source):
            runs.append(X.run(", ", size=8.5))
            runs.append(self.links.link(url, cap_text, size=8.5) if url else X.run(cap_text, size=8.5,
                                                                                   color=_hex(MUTED)))
        return X.para(*runs, indent_pt=24)

    def evidence(self, item: EvidenceInfo) -> list[str]:
        """One piece of evidence: a quoted span and/or an external reference, then its note."""
        out = []
        if item.span is not None:
            out += self.quote(self.m.quote(item.span))
        if item.url or item.title or item.publisher or item.quoted:
            title = ""
            if item.title:
                title = f"« {item.title} »" if self.lang == "fr" else f"“{item.title}”"
            parts = [item.publisher, title, format_date(item.published, self.lang)]
            runs = [X.run(self.t("external") + " — ", bold=True), X.run(", ".join(x for x in parts if x))]
            if item.url:
                runs += [X.run(", "), self.links.link(item.url, item.url)]
            if item.archive_url:
                archive = X.run(f", {self.t('archive')}{_prose.colon(self.m)}")
                runs += [archive, self.links.link(item.archive_url, item.archive_url)]
            if item.accessed:
                runs.append(X.run(f", {self.t('accessed')} {format_date(item.accessed, self.lang)}"))
            out.append(X.para(*runs))
            if item.quoted:
                out.append(X.para(X.run(item.quoted), style=self._style_id("Quote")))
        if item.note:
            out.append(X.para(X.run(item.note, italic=True, color=_hex(MUTED), size=9)))
        return out

    def sources(self) -> None:
        self.heading(self.t("sources"), 1)
        keys = ("title", "outlet", "author", "published", "url", "kind", "sha256", "imported")
        rows = [
            [
                s.title,
                s.outlet,
                s.author,
                format_date(s.published, self.lang),
                s.url,
                _prose.kind_name(self.m, s),
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
        self.heading(self.t("discrepancies"), 1)
        for item in self.m.discrepancies:
            self.heading(_prose.discrepancy_heading(self.m, item), 3)
            self.para(_prose.discrepancy_note(self.m, item))
            rows = []
            for span in item["spans"]:
                rows.append(
                    [
                        _prose.source_name(self.m, span["source_id"]),
                        span["exact"],
                        _prose.value_text(self.m, span["value"], span["exact"]),
                    ]
                )
            self.table([self.t("source"), self.t("quoted"), self.t("value")], rows)

    def scale(self) -> None:
        scale = self.m.dossier.scale
        self.heading(f"{self.t('scale')} — {_prose.scale_name(self.m)}", 1)
        table = self.table(
            ["", self.t("label"), self.t("rating")],
            [["", v.label(self.lang), str(v.rating_value) if v.rating_value > 0 else "—"] for v in scale.verdicts],
        )
        for row, verdict in zip(table.rows[1:], scale.verdicts, strict=True):
            _shade(row.cells[0], verdict.color)


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The report as a DOCX file."""
    return _Writer(model).build(progress)
