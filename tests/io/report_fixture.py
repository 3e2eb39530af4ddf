"""Hand-built report models for the exporter tests: a realistic dossier and a hostile one."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from workbench.core.anchoring import make_selector
from workbench.core.scales import DEFAULT
from workbench.core.text import find_nth, sha256_hex
from workbench.core.values import (
    AppearanceInfo,
    ClaimInfo,
    DossierInfo,
    EvidenceInfo,
    HistoryEntry,
    RatingScale,
    RelationInfo,
    SourceInfo,
    SpanInfo,
    Verdict,
)
from workbench.io.report import ReportModel

UTC = dt.UTC

TEXT_1 = (
    "Baignade dans la Seine : la mairie promet une eau « propre » 🏊\n"
    "Paris, le 3 août 2023. Selon la mairie, l’eau de la Seine a respecté les normes de baignade 90 % des jours "
    "de l’été 2023. Les associations contestent ce chiffre. « C’est une promesse intenable », estime "
    "Zoé Lefèvre, porte-parole d’Eau Claire.\n"
    "La baignade sera autorisée dès 2025 sur trois sites, a annoncé l’adjointe Anne Martin. "
    "Après les orages, les taux d’E. coli ont triplé en quelques heures.\n"
)

TEXT_2 = (
    "City says river safe for swimming 90% of summer days\n"
    "PARIS (Metro Wire) - The city hall said on Thursday that the Seine met bathing standards on 90% of days "
    "last summer. Independent tests tell a different story: samples taken after heavy rain showed E. coli "
    "levels far above the limit. Swimming will be allowed from 2025 at three sites, officials said.\n"
)

TEXT_3 = (
    "Rapport annuel sur la qualité de l’eau — 2023\n"
    "Sur les 92 jours de la saison estivale, 58 jours présentaient une qualité conforme aux seuils de la "
    "directive européenne, soit 63 %. Les dépassements sont concentrés dans les 48 heures suivant un épisode "
    "pluvieux. Les prélèvements du 15 juillet ont mesuré 3 200 UFC/100 mL d’E. coli.\n"
)

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def _source(sid: int, text: str, **kw: object) -> SourceInfo:
    base: dict[str, object] = {
        "id": sid,
        "dossier_id": 1,
        "title": "",
        "outlet": "",
        "author": "",
        "published": None,
        "url": "",
        "language": "fr",
        "kind": "html",
        "reliability_note": "",
        "imported_at": T0 + dt.timedelta(minutes=sid),
        "sha256": sha256_hex(f"original bytes of source {sid}: {text}"),
        "text_sha256": sha256_hex(text),
        "text_length": len(text),
    }
    base.update(kw)
    return SourceInfo(**base)  # type: ignore[arg-type]


class _Spans:
    """Makes spans with consistent selectors, numbering them."""

    def __init__(self, texts: dict[int, str]) -> None:
        self.texts = texts
        self.next_id = 100

    def __call__(self, source_id: int, quote: str, nth: int = 1) -> SpanInfo:
        text = self.texts[source_id]
        start = find_nth(text, quote, nth)
        sel = make_selector(text, start, start + len(quote))
        self.next_id += 1
        return SpanInfo(
            self.next_id, source_id, sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, sel.text_sha256, "anchored"
        )


def _claim(cid: int, statement: str, **kw: object) -> ClaimInfo:
    base: dict[str, object] = {
        "id": cid,
        "dossier_id": 1,
        "statement": statement,
        "claimant": "",
        "claim_date": None,
        "status": "to-check",
        "verdict": None,
        "rationale": "",
        "tags": (),
        "created_at": T0 + dt.timedelta(hours=cid),
        "updated_at": T0 + dt.timedelta(days=2, hours=cid),
        "version": 1,
        "concluded_by": "",
    }
    base.update(kw)
    return ClaimInfo(**base)  # type: ignore[arg-type]


def _ev(eid: int, claim_id: int, stance: str, span: SpanInfo | None = None, **kw: object) -> EvidenceInfo:
    base: dict[str, object] = {
        "id": eid,
        "claim_id": claim_id,
        "stance": stance,
        "span": span,
        "url": "",
        "title": "",
        "publisher": "",
        "published": None,
        "accessed": None,
        "archive_url": "",
        "quoted": "",
        "note": "",
    }
    base.update(kw)
    return EvidenceInfo(**base)  # type: ignore[arg-type]


def build_model(language: str = "en", include_history: bool = True) -> ReportModel:
    """A realistic dossier: 3 sources (accents, emoji), 4 claims, evidence of every kind, history, a discrepancy."""
    texts = {1: TEXT_1, 2: TEXT_2, 3: TEXT_3}
    span = _Spans(texts)
    sources = (
        _source(
            1,
            TEXT_1,
            title="Baignade dans la Seine : la mairie promet une eau « propre » 🏊",
            outlet="Le Quotidien du Soir",
            author="Hélène Dubois",
            published=dt.date(2023, 8, 3),
            url="https://quotidien.example/seine-baignade",
        ),
        _source(
            2,
            TEXT_2,
            title="City says river safe for swimming 90% of summer days",
            outlet="Metro Wire",
            author="John O’Neil",
            published=dt.date(2023, 8, 4),
            url="https://metrowire.example/news/seine?id=42&lang=en",
            language="en",
        ),
        _source(
            3,
            TEXT_3,
            title="Rapport annuel sur la qualité de l’eau — 2023",
            outlet="Agence de l’Eau Seine-Normandie",
            published=dt.date(2024, 1, 15),
            kind="pdf",
            reliability_note="Official measurements.",
        ),
    )
    c1_a1 = span(1, "l’eau de la Seine a respecté les normes de baignade 90 % des jours de l’été 2023")
    c1_a2 = span(2, "the Seine met bathing standards on 90% of days last summer")
    c1_e1 = span(3, "58 jours présentaient une qualité conforme aux seuils de la directive européenne, soit 63 %")
    c1_e2 = span(3, "Les dépassements sont concentrés dans les 48 heures suivant un épisode pluvieux")
    c2_a1 = span(1, "La baignade sera autorisée dès 2025 sur trois sites")
    c2_a2 = span(2, "Swimming will be allowed from 2025 at three sites")
    c3_a1 = span(1, "les taux d’E. coli ont triplé en quelques heures")
    c3_e1 = span(3, "3 200 UFC/100 mL d’E. coli")
    claims = (
        _claim(
            1,
            "The Seine met bathing standards on 90% of summer days in 2023.",
            claimant="Mairie de Paris",
            claim_date=dt.date(2023, 8, 3),
            status="concluded",
            verdict="misleading",
            rationale=(
                "The official report counts 58 compliant days out of 92 (63 %), not 90 %.\n\n"
                "The 90 % figure only covers dry-weather days — a selection the city did not mention."
            ),
            tags=("water", "été 2023"),
            concluded_by="Camille Roux",
            version=4,
            appearances=(AppearanceInfo(11, 1, c1_a1), AppearanceInfo(12, 1, c1_a2)),
            evidence=(
                _ev(21, 1, "refutes", c1_e1, note="Table 4 of the annual report."),
                _ev(22, 1, "context", c1_e2),
                _ev(
                    23,
                    1,
                    "supports",
                    url="https://paris.example/communique-baignade",
                    title="Communiqué : la Seine baignable 🎉",
                    publisher="Ville de Paris",
                    published=dt.date(2023, 8, 2),
                    accessed=dt.date(2024, 3, 2),
                    archive_url="https://archive.example/web/2024/https://paris.example/communique-baignade",
                    quoted="90 % des jours de l’été, l’eau était conforme.",
                    note="The city's own press release: dry-weather days only.",
                ),
            ),
            relations=(RelationInfo(31, 2, 1, "supports"), RelationInfo(32, 1, 3, "contradicts")),
        ),
        _claim(
            2,
            "Swimming in the Seine will be allowed from 2025 at three sites.",
            claimant="Anne Martin",
            claim_date=dt.date(2023, 8, 3),
            status="in-review",
            verdict="mostly-true",
            rationale="Confirmed by two outlets; the exact sites are not published yet.",
            appearances=(AppearanceInfo(13, 2, c2_a1), AppearanceInfo(14, 2, c2_a2)),
            evidence=(
                _ev(
                    24,
                    2,
                    "supports",
                    url="https://prefecture.example/arrete-2025.pdf",
                    title="Arrêté préfectoral n° 2025-001",
                    publisher="Préfecture de police",
                    published=dt.date(2024, 2, 1),
                    accessed=dt.date(2024, 3, 2),
                ),
            ),
            relations=(RelationInfo(31, 2, 1, "supports"),),
        ),
        _claim(
            3,
            "E. coli levels tripled within hours after the storms.",
            claimant="Le Quotidien du Soir",
            claim_date=dt.date(2023, 8, 3),
            status="concluded",
            verdict="unverifiable",
            rationale="No before/after measurement was published; the 15 July sample alone cannot show a tripling.",
            tags=("E. coli",),
            concluded_by="Camille Roux",
            appearances=(AppearanceInfo(15, 3, c3_a1),),
            evidence=(_ev(25, 3, "context", c3_e1, note="Single sample, no baseline."),),
            relations=(RelationInfo(32, 1, 3, "contradicts"),),
        ),
        _claim(
            4,
            "Les associations contestent le chiffre de la mairie.",
            claimant="Zoé Lefèvre",
            status="to-check",
        ),
    )
    history = {
        1: (
            HistoryEntry(201, T0 + dt.timedelta(hours=1), "camille", "claim", 1, 1, "create", "", None, None),
            HistoryEntry(
                202, T0 + dt.timedelta(days=1), "camille", "claim", 1, 1, "update", "status", "to-check", "in-progress"
            ),
            HistoryEntry(
                203, T0 + dt.timedelta(days=2), "lucas", "claim", 1, 1, "update", "verdict", None, "misleading"
            ),
            HistoryEntry(
                204,
                T0 + dt.timedelta(days=2, hours=3),
                "camille",
                "claim",
                1,
                1,
                "update",
                "status",
                "in-review",
                "concluded",
            ),
        ),
        3: (
            HistoryEntry(
                205, T0 + dt.timedelta(days=3), "camille", "claim", 3, 3, "update", "verdict", None, "unverifiable"
            ),
        ),
    }
    discrepancies = (
        {
            "kind": "number",
            "spans": [
                {"source_id": 1, "start": c1_a1.start, "end": c1_a1.end, "exact": c1_a1.exact, "value": "90 %"},
                {"source_id": 3, "start": c1_e1.start, "end": c1_e1.end, "exact": c1_e1.exact, "value": "63 %"},
            ],
            "note": "The city and the water agency give different shares of compliant days.",
        },
    )
    dossier = DossierInfo(
        1,
        "Baignade dans la Seine — été 2023 🏊",
        "Claims about water quality and swimming in the Seine ahead of 2025.",
        dt.date(2023, 8, 3),
        DEFAULT,
        T0,
    )
    return ReportModel(
        dossier=dossier,
        sources=sources,
        source_texts=texts,
        claims=claims,
        history=history,
        language=language,
        include_history=include_history,
        organisation="Vérif’Eau 💧",
        generated_at=dt.datetime(2024, 3, 5, 14, 30, tzinfo=UTC),
        filters="",
        discrepancies=discrepancies,
        publication_url="https://verifeau.example/reports/seine-2023",
        organisation_url="https://verifeau.example",
    )


HOSTILE = (
    "<script>document.title='PWNED';document.body.insertAdjacentHTML('beforeend','<div id=\"pwned\"></div>')</script>"
)
HOSTILE_IMG = "<img src=x onerror=\"document.title='PWNED'\">"
HOSTILE_LINK = (
    '<a href="javascript:alert(1)" onclick="alert(1)">click</a> [md](javascript:alert(1)) <javascript:alert(1)>'
)


def hostile_model() -> ReportModel:
    """Hostile text everywhere a source or a user can put some."""
    text = (
        f"Intro {HOSTILE} middle.\n"
        f"Second {HOSTILE_IMG} line with =cmd|'/C calc'!A0 and {HOSTILE_LINK}.\n"
        "# Not a heading *not bold* | pipe | <!-- comment --> &amp; </textarea></style>\n"
    )
    texts = {7: text}
    span = _Spans(texts)
    scale = RatingScale(
        "evil<script>alert(1)</script>",
        (
            Verdict("false", f"False {HOSTILE}", f"Faux {HOSTILE}", "red;background:url(javascript:alert(1))", 1),
            Verdict("true", "True", "Vrai", "#1b8a3a", 2),
        ),
    )
    source = _source(
        7,
        text,
        title=f"Title {HOSTILE}",
        outlet=HOSTILE_IMG,
        author='=HYPERLINK("http://evil.example","x")',
        url="javascript:alert(1)",
        language='en" onmouseover="alert(1)',
        kind="<b>html</b>",
        sha256="<script>",
    )
    a1 = span(7, HOSTILE)
    a2 = span(7, HOSTILE_IMG)
    e1 = span(7, HOSTILE_LINK)
    claim = _claim(
        9,
        f"=1+1 {HOSTILE} {HOSTILE_IMG}",
        claimant="@SUM(A1:A9)",
        claim_date=dt.date(2024, 1, 1),
        status="concluded",
        verdict="false",
        rationale=f"+cmd {HOSTILE_LINK}\n\n# heading? {HOSTILE}",
        tags=("-2+3", "<b>x</b>"),
        concluded_by="<i>mallory</i>",
        appearances=(AppearanceInfo(91, 9, a1), AppearanceInfo(92, 9, a2)),
        evidence=(
            _ev(93, 9, "refutes", e1, note=HOSTILE_IMG),
            _ev(
                94,
                9,
                "supports",
                url="javascript:alert(1)",
                title=f"<b onmouseover=alert(1)>t</b> {HOSTILE}",
                publisher=HOSTILE_LINK,
                archive_url="javascript:alert(2)",
                quoted=HOSTILE,
                note="-note",
            ),
            _ev(
                95,
                9,
                "context",
                url=" JaVaScRiPt:alert(3)",
                title="spaced",
                publisher="data:text/html,<script>x</script>",
            ),
        ),
    )
    history = {9: (HistoryEntry(301, T0, "<script>", "claim", 9, 9, "update", "rationale", HOSTILE, HOSTILE_IMG),)}
    dossier = DossierInfo(9, f"Dossier {HOSTILE}", HOSTILE_IMG, None, scale, T0)
    return ReportModel(
        dossier=dossier,
        sources=(source,),
        source_texts=texts,
        claims=(claim,),
        history=history,
        organisation=f"Org {HOSTILE}",
        generated_at=T0,
        filters=HOSTILE_LINK,
        discrepancies=(
            {
                "kind": HOSTILE,
                "spans": [{"source_id": 7, "start": a1.start, "end": a1.end, "exact": a1.exact, "value": "=2"}],
                "note": HOSTILE_IMG,
            },
        ),
        publication_url="javascript:alert(1)",
    )


class ParsedHTML(HTMLParser):
    """Collects tags, attributes and text of an HTML document (stdlib parser: what a browser tokenizer would see)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.marks: list[str] = []
        self.blockquotes: list[str] = []
        self.title = ""
        self._stack: list[str] = []
        self._mark: list[str] | None = None
        self._quote: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta", "hr", "img", "rect", "link"):
            self._stack.append(tag)
        if tag == "mark":
            self._mark = []
        if tag == "blockquote":
            self._quote = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            self.marks.append("".join(self._mark))
            self._mark = None
        if tag == "blockquote" and self._quote is not None:
            self.blockquotes.append("".join(self._quote))
            self._quote = None
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)
        if self._stack[-2:] == ["head", "title"]:
            self.title += data
        if self._mark is not None:
            self._mark.append(data)
        if self._quote is not None:
            self._quote.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]
