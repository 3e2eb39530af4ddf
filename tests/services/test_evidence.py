"""Evidence: spans of dossier sources and external references, with URL checks."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sample_world import World
from workbench.core.errors import NotFoundError, ValidationError
from workbench.services import claims, evidence

QUOTE = "1 200 habitants évacués"


@pytest.fixture
def claim_id(world: World) -> int:
    return claims.create(world.store, *world.span(QUOTE)).id


def test_cite_span(world: World, claim_id: int) -> None:
    other = world.add_other()
    sid, start, end = world.span("1 150 personnes évacuées", source_id=other.id)
    ev = evidence.cite_span(world.store, claim_id, "refutes", sid, start, end, note="Bilan officiel")
    assert (ev.claim_id, ev.stance, ev.note, ev.url) == (claim_id, "refutes", "Bilan officiel", "")
    assert ev.span is not None
    assert (ev.span.source_id, ev.span.start, ev.span.end, ev.span.exact) == (sid, start, end,
                                                                              "1 150 personnes évacuées")
    got = claims.get(world.store, claim_id)
    assert got.evidence == (ev,)
    roles = {(span.exact, role) for span, _cid, role, _verdict in claims.spans_of_source(world.store, sid)}
    assert roles == {("1 150 personnes évacuées", "refutes")}


def test_cite_external(world: World, claim_id: int) -> None:
    ev = evidence.cite_external(world.store, claim_id, "supports", url="  https://prefecture.example/bilan ",
                                title="Communiqué", publisher="Préfecture", published="2026-03-11",
                                accessed=dt.date(2026, 3, 12), note="n")
    assert ev.span is None
    assert (ev.url, ev.title, ev.publisher) == ("https://prefecture.example/bilan", "Communiqué", "Préfecture")
    assert (ev.published, ev.accessed) == (dt.date(2026, 3, 11), dt.date(2026, 3, 12))
    title_only = evidence.cite_external(world.store, claim_id, "context", title="Entretien téléphonique")
    assert title_only.accessed == dt.date.today()
    assert [e.id for e in claims.get(world.store, claim_id).evidence] == [ev.id, title_only.id]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x"]
)
def test_cite_external_refuses_bad_url_schemes(world: World, claim_id: int, url: str) -> None:
    with pytest.raises(ValidationError, match="http"):
        evidence.cite_external(world.store, claim_id, "supports", url=url, title="x")
    with pytest.raises(ValidationError, match="archive URL"):
        evidence.cite_external(world.store, claim_id, "supports", url="https://ok.example", archive_url=url)
    assert claims.get(world.store, claim_id).evidence == ()


def test_cite_refuses_bad_input(world: World, claim_id: int) -> None:
    with pytest.raises(ValidationError, match="URL or a title"):
        evidence.cite_external(world.store, claim_id, "supports")
    with pytest.raises(ValidationError, match="stance"):
        evidence.cite_external(world.store, claim_id, "agrees", title="x")
    with pytest.raises(ValidationError, match="date"):
        evidence.cite_external(world.store, claim_id, "supports", title="x", published="11/03/2026")
    with pytest.raises(ValidationError, match="stance"):
        evidence.cite_span(world.store, claim_id, "agrees", *world.span("mardi"))
    with pytest.raises(NotFoundError):
        evidence.cite_external(world.store, 999, "supports", title="x")
    with pytest.raises(NotFoundError):
        evidence.cite_span(world.store, 999, "supports", *world.span("mardi"))
    with pytest.raises(NotFoundError):
        evidence.cite_span(world.store, claim_id, "supports", 999, 0, 3)
    assert claims.get(world.store, claim_id).evidence == ()


def test_update_evidence_returns_before(world: World, claim_id: int) -> None:
    ev = evidence.cite_external(world.store, claim_id, "supports", title="Photo", note="")
    new, before = evidence.update(world.store, ev.id, stance="refutes", note="Retouchée")
    assert (new.stance, new.note) == ("refutes", "Retouchée")
    assert before == {"stance": "supports", "note": ""}
    back, _ = evidence.update(world.store, ev.id, **before)
    assert (back.stance, back.note) == ("supports", "")
    with pytest.raises(ValidationError):
        evidence.update(world.store, ev.id, stance="agrees")
    with pytest.raises(NotFoundError):
        evidence.update(world.store, 999, note="x")
