"""HTML report: self-contained, inert, complete; parsed back with html.parser."""

from __future__ import annotations

import dataclasses

from tests.io.report_fixture import ParsedHTML, build_model
from workbench.io.exporters import html_report
from workbench.io.report import ReportModel

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _parse(model: ReportModel) -> ParsedHTML:
    data = html_report.export(model)
    assert data.startswith(b"<!DOCTYPE html>")
    return ParsedHTML(data.decode("utf-8"))


def test_html_is_self_contained_and_has_a_strict_csp() -> None:
    doc = _parse(build_model())
    metas = doc.find("meta")
    assert {"http-equiv": "Content-Security-Policy", "content": CSP} in metas
    assert any(m.get("charset") == "utf-8" for m in metas)
    tags = {t for t, _ in doc.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed", "img", "base", "form"}
    for _, attrs in doc.tags:
        assert not any(k.startswith("on") for k in attrs)
        for key in ("href", "src"):
            value = attrs.get(key)
            if value is not None:
                assert value.startswith(("https://", "http://", "#")), value
    assert "@media print" in doc.text


def test_html_contains_every_claim_with_verdict_and_details() -> None:
    model = build_model()
    doc = _parse(model)
    text = doc.text
    assert doc.title == f"Verification report — {model.dossier.name}"
    for claim in model.claims:
        assert claim.statement in text
    for label in ("Misleading", "Unverifiable", "Draft · In review", "Draft · To check"):
        assert label in text
    assert "Working verdict (not final): Mostly true" in text  # claim 2 is in review: never shown as concluded
    assert "Claim" in text and "Our verdict" in text and "Fact-check by" in text
    assert "Mairie de Paris" in text and "3 August 2023" in text
    assert "The official report counts 58 compliant days" in text
    assert "Supports the claim (1)" in text and "Refutes the claim (1)" in text and "Context (1)" in text
    # external reference: title, publisher, date, URL, archive, accessed, quoted passage
    assert "Communiqué : la Seine baignable 🎉" in text and "Ville de Paris" in text
    assert "accessed 2 March 2024" in text
    assert "90 % des jours de l’été, l’eau était conforme." in text
    hrefs = [a.get("href") for a in doc.find("a")]
    assert "https://paris.example/communique-baignade" in hrefs
    assert "https://archive.example/web/2024/https://paris.example/communique-baignade" in hrefs
    # relations link to the other claim
    assert "#claim-3" in hrefs
    ids = {attrs.get("id") for _, attrs in doc.tags}
    assert {f"claim-{c.id}" for c in model.claims} <= ids
    # summary chart in SVG, badge colours from the scale
    assert doc.find("svg") and len(doc.find("rect")) == 2  # drafts are not in the chart
    assert "2 draft(s) not concluded, not counted in the chart" in text
    assert any("#e69138" in (s.get("style") or "") for s in doc.find("span"))


def test_html_quotes_spans_in_their_sentence_with_mark() -> None:
    model = build_model()
    doc = _parse(model)
    all_spans = [a.span for c in model.claims for a in c.appearances] + [
        e.span for c in model.claims for e in c.evidence if e.span is not None
    ]
    for span in all_spans:
        assert span.exact in doc.marks
        quote = model.quote(span)
        assert quote.before + quote.exact + quote.after in doc.blockquotes
    assert "Selon la mairie, l’eau de la Seine a respecté les normes de baignade 90 % des jours de l’été 2023." in (
        doc.blockquotes
    )
    # the citation of the source follows the quote
    assert "Le Quotidien du Soir, Hélène Dubois, “Baignade dans la Seine" in doc.text


def test_html_sources_discrepancies_and_scale() -> None:
    model = build_model()
    doc = _parse(model)
    text = doc.text
    for source in model.sources:
        assert source.sha256 in text
        assert source.title in text
    assert "2024-03-01 09:01 UTC" in text  # imported at
    assert "Discrepancies between sources" in text
    assert "The city and the water agency give different shares of compliant days." in text
    assert "63 %" in text
    assert "Rating scale — Workbench scale" in text
    for verdict in model.dossier.scale.verdicts:
        assert verdict.label_en in text


def test_html_history_follows_the_option() -> None:
    model = build_model()
    with_history = _parse(model).text
    without = _parse(dataclasses.replace(model, include_history=False)).text
    assert "History" in with_history and "moved the claim from “In review” to “Concluded”" in with_history
    assert "moved the claim" not in without and "in-review" not in with_history


def test_html_in_french() -> None:
    model = build_model(language="fr")
    doc = _parse(model)
    text = doc.text
    assert doc.title.startswith("Rapport de vérification")
    for label in ("Synthèse", "Trompeur", "Plutôt vrai", "Invérifiable", "Contredit l’affirmation", "Historique"):
        assert label in text
    assert "3 août 2023" in text
    assert "« Baignade dans la Seine" in text
    assert doc.find("html")[0]["lang"] == "fr"


def test_html_without_discrepancies_has_no_such_section() -> None:
    model = dataclasses.replace(build_model(), discrepancies=())
    assert "Discrepancies between sources" not in _parse(model).text


def test_qt_flavour_has_no_svg_and_same_content() -> None:
    model = build_model()
    doc = ParsedHTML(html_report.render(model, for_qt=True))
    assert not doc.find("svg")
    for claim in model.claims:
        assert claim.statement in doc.text
