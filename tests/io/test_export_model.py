"""ReportModel and its shared helpers, and the exporter registry."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.io.report_fixture import TEXT_1, build_model
from workbench.core.errors import ValidationError
from workbench.io.exporters import EXPORTERS, export
from workbench.io.report import (
    ReportModel,
    citation,
    format_date,
    is_web_url,
    safe_color,
    text_on,
)


def test_model_is_frozen_and_read_only() -> None:
    model = build_model()
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.language = "fr"  # type: ignore[misc]
    with pytest.raises(TypeError):
        model.source_texts[1] = "changed"  # type: ignore[index]
    with pytest.raises(TypeError):
        model.discrepancies[0]["note"] = "x"  # type: ignore[index]


def test_model_rejects_unknown_language() -> None:
    model = build_model()
    with pytest.raises(ValidationError):
        dataclasses.replace(model, language="de")


def test_verdict_counts_follow_the_scale_and_count_missing_verdicts() -> None:
    model = build_model()
    counts = {(v.key if v else None): n for v, n in model.verdict_counts()}
    assert counts["misleading"] == 1
    assert counts["mostly-true"] == 0  # claim 2 is in review: a draft, not in the chart
    assert counts["unverifiable"] == 1
    assert counts[None] == 0
    assert counts["true"] == 0
    assert sum(counts.values()) == len(model.claims) - model.draft_count()
    everything = dataclasses.replace(model, include_drafts=True)
    with_drafts = {(v.key if v else None): n for v, n in everything.verdict_counts()}
    assert with_drafts["mostly-true"] == 1 and with_drafts[None] == 1
    assert sum(with_drafts.values()) == len(model.claims)
    keys = [v.key for v, _ in model.verdict_counts() if v]
    assert keys == [v.key for v in model.dossier.scale.verdicts]


def test_citation_in_both_languages() -> None:
    model = build_model()
    source = model.sources[0]
    assert citation(source) == (
        "Le Quotidien du Soir, Hélène Dubois, “Baignade dans la Seine : la mairie promet une eau « propre » 🏊”, "
        "3 August 2023, https://quotidien.example/seine-baignade"
    )
    assert citation(source, "fr").startswith("Le Quotidien du Soir, Hélène Dubois, « Baignade")
    assert "3 août 2023" in citation(source, "fr")
    # empty parts are left out
    assert citation(model.sources[2]) == (
        "Agence de l’Eau Seine-Normandie, “Rapport annuel sur la qualité de l’eau — 2023”, 15 January 2024"
    )


def test_citation_names_a_wire_once() -> None:
    """A dispatch signed by its agency (outlet "AFP", author "AFP") read "AFP, AFP, « … »" in the report."""
    import dataclasses

    source = dataclasses.replace(build_model().sources[2], outlet="AFP", author="afp")
    assert citation(source, "fr").startswith("AFP, « Rapport annuel")


def test_format_date() -> None:
    assert format_date(dt.date(2024, 3, 1), "fr") == "1er mars 2024"
    assert format_date(dt.date(2024, 3, 1)) == "1 March 2024"
    assert format_date(None) == ""


def test_quote_gives_the_surrounding_sentence() -> None:
    model = build_model()
    span = model.claims[0].appearances[0].span
    quote = model.quote(span)
    assert quote.exact == span.exact
    assert quote.before == "Selon la mairie, "
    assert quote.after == "."
    assert not quote.cut_before and not quote.cut_after
    assert (quote.before + quote.exact + quote.after) in TEXT_1


def test_quote_falls_back_on_prefix_and_suffix_without_text() -> None:
    model = build_model()
    bare = dataclasses.replace(model, source_texts={})
    span = model.claims[0].appearances[0].span
    quote = bare.quote(span)
    assert (quote.before, quote.exact, quote.after) == (span.prefix, span.exact, span.suffix)
    assert quote.cut_before and quote.cut_after


def test_claim_sources_evidence_groups_and_relations() -> None:
    model = build_model()
    first = model.claims[0]
    assert [s.id for s in model.claim_sources(first)] == [1, 2]
    groups = model.evidence_by_stance(first)
    assert list(groups) == ["supports", "refutes", "context"]
    assert model.evidence_counts(first) == {"supports": 1, "refutes": 1, "context": 1}
    related = model.related(first)
    assert ("supports", 2) in [(k, o) for k, o, _ in related]
    assert ("contradicts", 3) in [(k, o) for k, o, _ in related]


def test_url_and_colour_guards() -> None:
    assert is_web_url("https://example.org/a?b=c")
    for bad in (
        "javascript:alert(1)",
        " https://x.org",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "https://",
        "//x.org",
    ):
        assert not is_web_url(bad), bad
    assert safe_color("#ABC") == "#aabbcc"
    assert safe_color("red;background:url(javascript:alert(1))") == "#777777"
    assert text_on("#ffffff") == "#000000"
    assert text_on("#990000") == "#ffffff"


def test_registry_lists_every_format_with_an_extension() -> None:
    assert set(EXPORTERS) == {"html", "pdf", "md", "docx", "json", "csv", "claimreview", "annotations"}
    for key, exporter in EXPORTERS.items():
        assert exporter.key == key
        assert exporter.extension.startswith(".")
        assert exporter.media_type
    with pytest.raises(ValidationError):
        export("odt", build_model())


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv", "claimreview", "annotations", "docx"])
def test_every_exporter_returns_bytes_and_reports_progress(fmt: str) -> None:
    model = build_model()
    calls: list[tuple[int, int]] = []
    data = export(fmt, model, lambda done, total: calls.append((done, total)))
    assert isinstance(data, bytes) and data
    assert calls and calls[-1] == (len(model.claims), len(model.claims))


def test_empty_report_exports() -> None:
    model = build_model()
    empty = ReportModel(dossier=model.dossier, sources=(), source_texts={}, claims=())
    for fmt in ("html", "md", "json", "csv", "claimreview", "annotations", "docx"):
        assert export(fmt, empty)
