"""W3C Web Annotation export: the data model's MUSTs, selectors against the source text, and the re-import."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from typing import Any

import pytest

from tests.io.report_fixture import build_model
from workbench.core.errors import ImportFailure
from workbench.core.text import sha256_hex
from workbench.io.annotations_import import AnnotationRecord, parse_annotations
from workbench.io.exporters import web_annotations as anno_export

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(IRI.match(value))


def _check_agent(agent: Any) -> None:
    assert isinstance(agent, dict)
    assert agent["type"] in ("Person", "Organization", "Software")
    assert isinstance(agent.get("name"), str) and agent["name"]
    if "id" in agent:
        assert _is_iri(agent["id"])


def check_annotation_musts(ann: dict[str, Any], *, top_level: bool) -> None:
    """The MUSTs of the Web Annotation Data Model (as tested by the W3C annotation-model test suite)."""
    if top_level:
        ctx = ann["@context"]
        assert ctx == ANNO_CONTEXT or (isinstance(ctx, list) and ctx[0] == ANNO_CONTEXT)
    assert _is_iri(ann["id"]), "id MUST be one IRI"
    types = ann["type"] if isinstance(ann["type"], list) else [ann["type"]]
    assert "Annotation" in types
    assert "target" in ann, "an Annotation MUST have 1 or more targets"
    motivations = ann.get("motivation", [])
    for m in motivations if isinstance(motivations, list) else [motivations]:
        assert m in MOTIVATIONS
    for key in ("created", "modified", "generated"):
        if key in ann:
            assert isinstance(ann[key], str) and DATETIME.match(ann[key]), key
    for key in ("creator", "generator"):
        if key in ann:
            _check_agent(ann[key])
    bodies = ann.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, dict):
            if body.get("type") == "TextualBody":
                assert isinstance(body["value"], str), "TextualBody MUST have exactly one value"
            for key in ("format", "language"):
                if key in body:
                    assert isinstance(body[key], str)
            if "purpose" in body:
                assert body["purpose"] in MOTIVATIONS
    targets = ann["target"] if isinstance(ann["target"], list) else [ann["target"]]
    for target in targets:
        if isinstance(target, str):
            assert _is_iri(target)
            continue
        assert _is_iri(target["source"]), "a SpecificResource MUST have exactly one source IRI"
        if "state" in target:
            state = target["state"]
            assert state["type"] == "TimeState"
            assert DATETIME.match(state["sourceDate"])
            assert _is_iri(state["cached"])
        for selector in target.get("selector", []):
            assert "type" in selector, "a selector MUST have a type"
            if selector["type"] == "TextQuoteSelector":
                assert isinstance(selector["exact"], str) and selector["exact"]
                for key in ("prefix", "suffix"):
                    if key in selector:
                        assert isinstance(selector[key], str)
            elif selector["type"] == "TextPositionSelector":
                for key in ("start", "end"):
                    value = selector[key]
                    assert isinstance(value, int) and not isinstance(value, bool) and value >= 0
                assert selector["start"] <= selector["end"]
            else:
                pytest.fail(f"unexpected selector {selector['type']}")


def _data() -> dict[str, Any]:
    return json.loads(anno_export.export(build_model()))


def test_collection_musts() -> None:
    data = _data()
    assert data["@context"] == ANNO_CONTEXT
    assert _is_iri(data["id"])
    assert data["type"] == "AnnotationCollection"
    assert isinstance(data["label"], str)
    page = data["first"]
    assert _is_iri(page["id"]) and page["type"] == "AnnotationPage"
    assert page["partOf"] == data["id"] and page["startIndex"] == 0
    assert data["total"] == len(page["items"]) == 8  # 5 appearances + 3 evidence spans
    ids = [a["id"] for a in page["items"]]
    assert len(set(ids)) == len(ids)
    for ann in page["items"]:
        check_annotation_musts(ann, top_level=False)
        check_annotation_musts({"@context": ANNO_CONTEXT, **ann}, top_level=True)


def test_ids_are_stable_across_exports() -> None:
    assert _data()["first"]["items"] == _data()["first"]["items"]


def test_selectors_match_the_source_text() -> None:
    model = build_model()
    by_iri = {}
    for source in model.sources:
        text = model.text_of(source.id)
        assert sha256_hex(text) == source.text_sha256
        by_iri[f"urn:sha256:{source.text_sha256}"] = text
        if source.url:
            by_iri[source.url] = text
    for ann in _data()["first"]["items"]:
        target = ann["target"]
        text = by_iri[target["source"]]
        if "state" in target:
            assert by_iri[target["state"]["cached"]] == text
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        pos = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        start, end = pos["start"], pos["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote.get("prefix", ""))
        assert text[end:].startswith(quote.get("suffix", ""))
        assert 0 < len(quote["prefix"]) <= 32 or start == 0


def test_bodies_and_motivations() -> None:
    items = _data()["first"]["items"]
    first = items[0]
    assert first["motivation"] == "assessing"
    purposes = {(b["purpose"], b["value"]) for b in first["body"]}
    assert ("describing", "The Seine met bathing standards on 90% of summer days in 2023.") in purposes
    assert ("assessing", "Misleading") in purposes
    assert ("tagging", "été 2023") in purposes
    evidence = [a for a in items if a["motivation"] == "linking"]
    assert len(evidence) == 3
    assert {b["value"] for a in evidence for b in a["body"] if b["purpose"] == "classifying"} == {
        "refutes",
        "context",
    }
    no_verdict_model = build_model()
    # claim 2 is in review: its working verdict is no assessment (it is kept in the Workbench extension)
    drafts = [a for a in items if a.get("https://w3id.org/workbench/ns#claim", {}).get("status") == "in-review"]
    assert drafts and all(a["motivation"] == "highlighting" for a in drafts)
    assert all(a["https://w3id.org/workbench/ns#claim"]["verdict"] == "mostly-true" for a in drafts)
    assert all(a["motivation"] == "assessing" for a in items if a not in drafts and a["motivation"] != "linking")
    assert no_verdict_model.claims[3].appearances == ()


def test_round_trip_through_parse_annotations() -> None:
    model = build_model()
    records = parse_annotations(anno_export.export(model))
    assert len(records) == 8
    assert all(isinstance(r, AnnotationRecord) for r in records)
    appearances = [r for r in records if r.role == "appearance"]
    evidence = [r for r in records if r.role == "evidence"]
    assert len(appearances) == 5 and len(evidence) == 3
    first = appearances[0]
    span = model.claims[0].appearances[0].span
    source = model.sources[0]
    assert (first.start, first.end, first.exact) == (span.start, span.end, span.exact)
    assert first.url == source.url and first.text_sha256 == source.text_sha256
    assert first.statement == model.claims[0].statement
    assert first.verdict_label == "Misleading" and first.tags == ("water", "été 2023")
    assert first.created == dt.datetime(2024, 3, 1, 10, 0, tzinfo=dt.UTC)
    refutes = evidence[0]
    assert refutes.stance == "refutes" and refutes.note == "Table 4 of the annual report."
    assert refutes.source == f"urn:sha256:{model.sources[2].text_sha256}" and refutes.url == ""
    text = model.text_of(3)
    assert text[refutes.start : refutes.end] == refutes.exact
    assert text[: refutes.start].endswith(refutes.prefix) and text[refutes.end :].startswith(refutes.suffix)


def test_parse_accepts_single_annotation_page_and_list() -> None:
    data = _data()
    one = {"@context": ANNO_CONTEXT, **data["first"]["items"][0]}
    assert len(parse_annotations(json.dumps(one).encode())) == 1
    page = {"@context": ANNO_CONTEXT, **data["first"]}
    assert len(parse_annotations(json.dumps(page).encode())) == 8
    listed = [{"@context": ANNO_CONTEXT, **a} for a in data["first"]["items"][:3]]
    assert len(parse_annotations(json.dumps(listed).encode())) == 3


def _first(data: dict[str, Any]) -> dict[str, Any]:
    return data["first"]["items"][0]


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda d: d.pop("@context"), "@context"),
        (lambda d: _first(d).pop("id"), "IRI id"),
        (lambda d: _first(d).update(id="not an iri"), "IRI id"),
        (lambda d: _first(d).update(type="Note"), "Annotation"),
        (lambda d: _first(d).pop("target"), "must have a target"),
        (lambda d: _first(d)["target"].update(source=""), "source IRI"),
        (lambda d: _first(d)["target"]["selector"][1].update(start=-1), "non-negative integer"),
        (lambda d: _first(d)["target"]["selector"][1].update(end="12"), "non-negative integer"),
        (lambda d: _first(d)["target"]["selector"][0].update(exact=""), "non-empty exact"),
        (lambda d: _first(d)["target"].update(selector=[]), "no TextQuoteSelector"),
        (lambda d: _first(d)["target"]["selector"].append({"exact": "x"}), "with a type"),
        (lambda d: _first(d)["body"][0].update(value=3), "string value"),
        (lambda d: d.update(first="urn:x:page"), "embedded"),
        (lambda d: d.update(type="Something"), "not an Annotation"),
    ],
)
def test_parse_rejects_broken_annotations(mutate, reason: str) -> None:
    data = copy.deepcopy(_data())
    mutate(data)
    with pytest.raises(ImportFailure) as info:
        parse_annotations(json.dumps(data).encode(), "notes.jsonld")
    assert reason in str(info.value)
    assert info.value.name == "notes.jsonld"


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe", b"42"])
def test_parse_rejects_garbage(raw: bytes) -> None:
    with pytest.raises(ImportFailure):
        parse_annotations(raw)


def test_parse_annotation_from_another_tool() -> None:
    other = {
        "@context": ANNO_CONTEXT,
        "id": "http://example.org/anno1",
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "Is this right?"},
        "target": {
            "source": "http://example.org/page1",
            "selector": {"type": "TextQuoteSelector", "exact": "bathing standards"},
        },
    }
    (record,) = parse_annotations(json.dumps(other).encode())
    assert record.role == "appearance" and record.stance == ""
    assert record.exact == "bathing standards" and record.start is None
    assert record.statement == "Is this right?" and record.url == "http://example.org/page1"
