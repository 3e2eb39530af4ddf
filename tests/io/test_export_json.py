"""Dossier JSON: versioned schema, round trip through parse_dossier_json, validation errors."""

from __future__ import annotations

import json

import pytest

from tests.io.report_fixture import build_model
from workbench.core.errors import ImportFailure
from workbench.io.dossier_json import FORMAT, VERSION, parse_dossier_json
from workbench.io.exporters import dossier


def _data() -> dict:
    return json.loads(dossier.export(build_model()))


def _parse(obj: dict) -> object:
    return parse_dossier_json(json.dumps(obj).encode())


def test_header_and_sections() -> None:
    data = _data()
    assert data["format"] == FORMAT == "workbench-dossier"
    assert data["version"] == VERSION == 1
    assert data["generated_at"] == "2024-03-05T14:30:00Z"
    for key in ("dossier", "sources", "spans", "claims", "relations", "history", "discrepancies"):
        assert key in data
    assert data["dossier"]["scale"]["verdicts"][0] == {
        "key": "true",
        "label_en": "True",
        "label_fr": "Vrai",
        "color": "#1b8a3a",
        "rating_value": 7,
    }
    assert data["sources"][0]["text"].startswith("Baignade dans la Seine")
    assert len(data["spans"]) == 8
    assert len(data["relations"]) == 2
    assert len(data["history"]) == 5


def test_round_trip_field_by_field() -> None:
    model = build_model()
    doc = parse_dossier_json(dossier.export(model))
    assert doc.version == 1
    assert doc.generated_at == model.generated_at
    assert doc.language == "en" and doc.organisation == model.organisation
    assert doc.dossier == model.dossier
    assert doc.sources == model.sources
    for source in model.sources:
        assert doc.text_of(source.id) == model.text_of(source.id)
    assert len(doc.claims) == len(model.claims)
    for mine, theirs in zip(model.claims, doc.claims, strict=True):
        for f in ("id", "statement", "claimant", "claim_date", "status", "verdict", "rationale", "tags"):
            assert getattr(theirs, f) == getattr(mine, f), f
        for f in ("created_at", "updated_at", "version", "concluded_by", "appearances", "evidence"):
            assert getattr(theirs, f) == getattr(mine, f), f
        assert theirs.relations == mine.relations
        assert theirs == mine
    history = sorted((h for hs in model.history.values() for h in hs), key=lambda h: h.id)
    assert list(doc.history) == history
    assert [dict(d) | {"spans": [dict(s) for s in d["spans"]]} for d in doc.discrepancies] == [
        dict(d) | {"spans": [dict(s) for s in d["spans"]]} for d in model.discrepancies
    ]


def test_json_is_safe_to_embed_in_html() -> None:
    raw = dossier.export(build_model()).decode()
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "\\u0026" in raw  # the & of a source URL, escaped
    json.loads(raw)


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda d: d.update(format="other"), "not a Workbench dossier"),
        (lambda d: d.update(version=2), "newer Workbench"),
        (lambda d: d["sources"][0].update(text="tampered"), "SHA-256"),
        (lambda d: d["spans"][0].update(start=5), "does not match"),
        (lambda d: d["spans"][0].update(end=10**6), "outside the source text"),
        (lambda d: d["spans"][0].update(source_id=99), "no source with id 99"),
        (lambda d: d["claims"][0].update(verdict="bogus"), "not a verdict"),
        (lambda d: d["claims"][0].update(status="done"), "not one of"),
        (lambda d: d["claims"][0]["evidence"][0].update(stance="maybe"), "evidence[0].stance"),
        (lambda d: d["claims"][0]["appearances"][0].update(span_id=12345), "no span with id"),
        (lambda d: d["relations"][0].update(to_claim_id=77), "no claim with id 77"),
        (lambda d: d["claims"][1].update(id=1), "duplicate"),
        (lambda d: d["claims"][0].update(claim_date="03/08/2023"), "YYYY-MM-DD"),
        (lambda d: d["claims"][0].update(tags="water"), "list of strings"),
        (lambda d: d["dossier"].update(created_at=None), "missing"),
        (lambda d: d["history"][0].update(id="x"), "expected an integer"),
        (lambda d: d.update(claims={}), "expected a list"),
    ],
)
def test_bad_input_raises_import_failure(mutate, reason: str) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(ImportFailure) as info:
        _parse(data)
    assert reason in str(info.value)
    assert info.value.name == "dossier.json"


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe\x00", b"[1, 2]", b"{", b'{"format": "workbench-dossier"}'])
def test_garbage_raises_import_failure(raw: bytes) -> None:
    with pytest.raises(ImportFailure):
        parse_dossier_json(raw, "x.json")


def test_source_without_text_is_accepted() -> None:
    data = _data()
    data["sources"][2]["text"] = None
    doc = _parse(data)
    assert doc.text_of(3) == ""
