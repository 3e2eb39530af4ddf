"""Claims: create from a span, appearances, edits with undo values, locking, soft delete, filters, history."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sample_world import TEXT, World
from workbench.core.errors import ConflictError, NotFoundError, ValidationError
from workbench.core.text import sha256_hex
from workbench.services import claims, evidence
from workbench.services.store import Store

QUOTE = "1 200 habitants évacués"


def test_create_from_a_span(world: World) -> None:
    sid, start, end = world.span(QUOTE)
    claim = claims.create(world.store, sid, start, end)
    assert claim.statement == QUOTE
    assert claim.status == "to-check"
    assert claim.verdict is None
    assert claim.dossier_id == world.dossier.id
    assert claim.version == 1
    assert claim.concluded_by == ""
    (app,) = claim.appearances
    span = app.span
    assert (span.source_id, span.start, span.end, span.exact) == (sid, start, end, QUOTE)
    assert span.start == TEXT.index(QUOTE)
    assert span.prefix == TEXT[max(0, start - 32) : start]
    assert span.prefix.endswith("🌊 : ")
    assert span.suffix == TEXT[end : end + 32]
    assert span.text_sha256 == sha256_hex(TEXT)
    assert span.state == "anchored"


def test_statement_defaults_to_the_quote_with_spaces_collapsed(world: World) -> None:
    sid = world.source.id
    start = TEXT.index("Saint-Aubin.")
    end = TEXT.index("Le préfet") + len("Le préfet")
    claim = claims.create(world.store, sid, start, end)
    assert claim.statement == "Saint-Aubin. Le préfet"
    assert claim.appearances[0].span.exact == "Saint-Aubin.\nLe préfet"


def test_create_with_fields(world: World) -> None:
    claim = claims.create(
        world.store, *world.span("la digue n’a pas cédé", 2), statement="La digue a tenu", claimant="Le maire",
        claim_date="2026-03-10", verdict="false", status="concluded", rationale="Photos.", tags=[" digue ", "maire"],
    )
    assert (claim.statement, claim.claimant, claim.claim_date) == ("La digue a tenu", "Le maire", dt.date(2026, 3, 10))
    assert (claim.verdict, claim.status, claim.rationale) == ("false", "concluded", "Photos.")
    assert claim.tags == ("digue", "maire")
    assert claim.concluded_by == "alice"
    assert claim.appearances[0].span.start == TEXT.index("la digue n’a pas cédé", TEXT.index("maire"))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"verdict": "bogus"}, "unknown verdict"),
        ({"status": "done"}, "unknown status"),
        ({"claim_date": "10/03/2026"}, "bad date"),
        ({"statement": "   "}, "statement"),
        ({"colour": "red"}, "unknown claim field"),
    ],
)
def test_create_refuses_bad_fields_and_writes_nothing(world: World, fields: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        claims.create(world.store, *world.span(QUOTE), **fields)
    assert claims.list_claims(world.store, world.dossier.id) == []


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 4), (0, len(TEXT) + 1)])
def test_create_refuses_bad_span(world: World, start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        claims.create(world.store, world.source.id, start, end)
    assert claims.list_claims(world.store, world.dossier.id) == []


def test_add_appearance_in_another_source(world: World) -> None:
    other = world.add_other()
    claim = claims.create(world.store, *world.span(QUOTE))
    app = claims.add_appearance(world.store, claim.id, *world.span("1 150 personnes évacuées", source_id=other.id))
    assert app.claim_id == claim.id
    assert (app.span.source_id, app.span.exact) == (other.id, "1 150 personnes évacuées")
    got = claims.get(world.store, claim.id)
    assert [a.span.source_id for a in got.appearances] == [world.source.id, other.id]
    assert got.updated_at >= claim.updated_at


def test_add_appearance_refuses_a_source_of_another_dossier(world: World) -> None:
    from tests.sample_world import OTHER, bundle
    from workbench.services import dossiers, sources

    d2 = dossiers.create(world.store, "Autre")
    src = sources.add(world.store, d2.id, bundle(OTHER)).source
    claim = claims.create(world.store, *world.span(QUOTE))
    with pytest.raises(ValidationError, match="dossier"):
        claims.add_appearance(world.store, claim.id, src.id, 0, 5)


def test_update_returns_before_and_writing_it_back_undoes(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE), claimant="Préfecture", tags=["bilan"])
    updated, before = claims.update(world.store, claim.id, verdict="mostly-true", status="in-progress",
                                    rationale="Chiffre confirmé", claimant="Préfecture", tags=["bilan", "chiffres"])
    assert (updated.verdict, updated.status, updated.rationale) == ("mostly-true", "in-progress", "Chiffre confirmé")
    assert updated.tags == ("bilan", "chiffres")
    assert before == {"verdict": None, "status": "to-check", "rationale": "", "tags": ("bilan",)}
    assert updated.version > claim.version
    undone, redo = claims.update(world.store, claim.id, **before)
    for name in ("statement", "claimant", "claim_date", "status", "verdict", "rationale", "tags"):
        assert getattr(undone, name) == getattr(claim, name), name
    assert redo == {"verdict": "mostly-true", "status": "in-progress", "rationale": "Chiffre confirmé",
                    "tags": ("bilan", "chiffres")}


def test_update_with_no_change_returns_empty_before(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    same, before = claims.update(world.store, claim.id, statement=claim.statement)
    assert before == {}
    assert same.version == claim.version


def test_update_refuses_unknown_verdict_and_status(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE), verdict="true")
    with pytest.raises(ValidationError, match="unknown verdict"):
        claims.update(world.store, claim.id, verdict="pants-on-fire")
    with pytest.raises(ValidationError, match="unknown status"):
        claims.update(world.store, claim.id, status="finished")
    with pytest.raises(ValidationError, match="unknown status"):
        claims.set_status(world.store, claim.id, "finished")
    got = claims.get(world.store, claim.id)
    assert (got.verdict, got.status, got.version) == ("true", "to-check", claim.version)


def test_empty_verdict_clears_it(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE), verdict="true")
    cleared, before = claims.set_verdict(world.store, claim.id, "")
    assert cleared.verdict is None
    assert before == {"verdict": "true"}


def test_concluded_by_is_the_user_who_concludes(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    assert claim.concluded_by == ""
    bob = Store.open(str(world.path), user="bob")
    try:
        mid, _ = claims.set_status(bob, claim.id, "in-review")
        assert mid.concluded_by == ""
        done, _ = claims.set_status(world.store, claim.id, "concluded")
        assert done.concluded_by == "alice"
        again, _ = claims.set_verdict(bob, claim.id, "false")
        assert again.concluded_by == "bob"  # changing the verdict of a concluded claim re-signs it
    finally:
        bob.close()


def test_expected_version_conflict(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    bob = Store.open(str(world.path), user="bob")
    try:
        claims.update(bob, claim.id, verdict="false", rationale="Bob's reason")
    finally:
        bob.close()
    with pytest.raises(ConflictError) as info:
        claims.update(world.store, claim.id, expected_version=claim.version, verdict="true")
    err = info.value
    assert err.field == "verdict"
    assert err.theirs == "false"
    assert err.mine == "true"
    got = claims.get(world.store, claim.id)
    assert (got.verdict, got.rationale) == ("false", "Bob's reason")
    ok, _ = claims.update(world.store, claim.id, expected_version=got.version, verdict="true")
    assert ok.verdict == "true"


def test_relate(world: World) -> None:
    a = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    b = claims.create(world.store, *world.span("la digue n’a pas cédé", 2))
    rel = claims.relate(world.store, a.id, b.id, "same-as")
    assert (rel.from_claim_id, rel.to_claim_id, rel.kind) == (a.id, b.id, "same-as")
    assert claims.get(world.store, a.id).relations == (rel,)
    assert claims.get(world.store, b.id).relations == (rel,)
    with pytest.raises(ValidationError, match="unknown relation"):
        claims.relate(world.store, a.id, b.id, "cousin-of")
    with pytest.raises(ValidationError, match="itself"):
        claims.relate(world.store, a.id, a.id, "same-as")
    with pytest.raises(NotFoundError):
        claims.relate(world.store, a.id, 999, "contradicts")


def test_delete_and_restore_claim(world: World) -> None:
    a = claims.create(world.store, *world.span(QUOTE))
    b = claims.create(world.store, *world.span("mardi"))
    claims.delete(world.store, "claim", a.id)
    assert [c.id for c in claims.list_claims(world.store, world.dossier.id)] == [b.id]
    with pytest.raises(NotFoundError):
        claims.get(world.store, a.id)
    with pytest.raises(NotFoundError):
        claims.update(world.store, a.id, verdict="true")
    assert [span[1] for span in claims.spans_of_source(world.store, world.source.id)] == [b.id]
    claims.restore(world.store, "claim", a.id)
    assert [c.id for c in claims.list_claims(world.store, world.dossier.id)] == [a.id, b.id]
    assert claims.get(world.store, a.id).appearances[0].span.exact == QUOTE


def test_delete_and_restore_appearance(world: World) -> None:
    other = world.add_other()
    claim = claims.create(world.store, *world.span(QUOTE))
    app = claims.add_appearance(world.store, claim.id, *world.span("1 150 personnes", source_id=other.id))
    claims.delete(world.store, "appearance", app.id)
    assert [a.id for a in claims.get(world.store, claim.id).appearances] == [claim.appearances[0].id]
    assert claims.list_claims(world.store, world.dossier.id, source_ids=[other.id]) == []
    claims.restore(world.store, "appearance", app.id)
    assert [a.id for a in claims.get(world.store, claim.id).appearances] == [claim.appearances[0].id, app.id]
    assert [c.id for c in claims.list_claims(world.store, world.dossier.id, source_ids=[other.id])] == [claim.id]


def test_delete_and_restore_evidence_and_relation(world: World) -> None:
    a = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    b = claims.create(world.store, *world.span("la digue n’a pas cédé", 2))
    ev = evidence.cite_external(world.store, a.id, "refutes", url="https://example.org/photos", title="Photos")
    rel = claims.relate(world.store, a.id, b.id, "same-as")
    claims.delete(world.store, "evidence", ev.id)
    claims.delete(world.store, "relation", rel.id)
    got = claims.get(world.store, a.id)
    assert (got.evidence, got.relations) == ((), ())
    assert claims.get(world.store, b.id).relations == ()
    claims.restore(world.store, "evidence", ev.id)
    claims.restore(world.store, "relation", rel.id)
    got = claims.get(world.store, a.id)
    assert [e.id for e in got.evidence] == [ev.id]
    assert [r.id for r in got.relations] == [rel.id]


def test_delete_refuses_other_entities_and_unknown_ids(world: World) -> None:
    with pytest.raises(ValidationError):
        claims.delete(world.store, "source", world.source.id)
    for entity in ("claim", "appearance", "evidence", "relation"):
        with pytest.raises(NotFoundError):
            claims.delete(world.store, entity, 999)
        with pytest.raises(NotFoundError):
            claims.restore(world.store, entity, 999)


def test_list_claims_filters(world: World) -> None:
    other = world.add_other()
    a = claims.create(world.store, *world.span(QUOTE), verdict="mostly-true", tags=["bilan"], claimant="Préfecture")
    b = claims.create(world.store, *world.span("la digue n’a pas cédé"), verdict="false", status="concluded",
                      tags=["digue"], claimant="Le maire")
    c = claims.create(world.store, *world.span("la digue a cédé", source_id=other.id), tags=["digue", "bilan"])
    d = world.dossier.id

    def ids(**filters: object) -> list[int]:
        return [x.id for x in claims.list_claims(world.store, d, **filters)]  # type: ignore[arg-type]

    assert ids() == [a.id, b.id, c.id]
    assert ids(verdicts=["false"]) == [b.id]
    assert ids(verdicts=["false", "mostly-true"]) == [a.id, b.id]
    assert ids(statuses=["concluded"]) == [b.id]
    assert ids(statuses=["to-check"]) == [a.id, c.id]
    assert ids(source_ids=[world.source.id]) == [a.id, b.id]
    assert ids(source_ids=[other.id]) == [c.id]
    assert ids(tag="digue") == [b.id, c.id]
    assert ids(tag="bilan", source_ids=[other.id]) == [c.id]
    assert ids(text="MAIRE") == [b.id]  # claimant, case-insensitive
    assert ids(text="habitants") == [a.id]  # statement
    assert ids(claim_ids=[c.id, a.id]) == [a.id, c.id]
    assert ids(verdicts=["true"]) == []
    assert claims.tags(world.store, d) == ["bilan", "digue"]


def test_history_lists_every_change_in_order(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    other = world.add_other()
    claims.update(world.store, claim.id, verdict="mixed", rationale="Deux bilans")
    app = claims.add_appearance(world.store, claim.id, *world.span("1 150 personnes", source_id=other.id))
    ev = evidence.cite_span(world.store, claim.id, "refutes", *world.span("1 150 personnes", source_id=other.id))
    claims.delete(world.store, "appearance", app.id)
    claims.restore(world.store, "appearance", app.id)
    claims.delete(world.store, "claim", claim.id)

    entries = claims.history(world.store, claim.id)  # still readable after deletion
    assert [(h.entity, h.action, h.field) for h in entries] == [
        ("claim", "create", ""),
        ("appearance", "create", ""),
        ("claim", "update", "verdict"),
        ("claim", "update", "rationale"),
        ("appearance", "create", ""),
        ("evidence", "create", ""),
        ("appearance", "delete", ""),
        ("appearance", "restore", ""),
        ("claim", "delete", ""),
    ]
    assert {h.user for h in entries} == {"alice"}
    assert [h.id for h in entries] == sorted(h.id for h in entries)
    assert [h.at for h in entries] == sorted(h.at for h in entries)
    assert all(h.claim_id == claim.id for h in entries)
    verdict = entries[2]
    assert (verdict.before, verdict.after) == (None, "mixed")
    assert entries[5].entity_id == ev.id
    assert entries[4].after == {"source_id": other.id, "start": app.span.start, "end": app.span.end}


def test_history_records_the_acting_user(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    bob = Store.open(str(world.path), user="bob")
    try:
        claims.update(bob, claim.id, status="in-progress")
    finally:
        bob.close()
    assert [h.user for h in claims.history(world.store, claim.id)] == ["alice", "alice", "bob"]


def test_unknown_ids_raise_not_found(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    with pytest.raises(NotFoundError):
        claims.get(world.store, 999)
    with pytest.raises(NotFoundError):
        claims.update(world.store, 999, verdict="true")
    with pytest.raises(NotFoundError):
        claims.history(world.store, 999)
    with pytest.raises(NotFoundError):
        claims.create(world.store, 999, 0, 3)
    with pytest.raises(NotFoundError):
        claims.add_appearance(world.store, 999, world.source.id, 0, 3)
    with pytest.raises(NotFoundError):
        claims.add_appearance(world.store, claim.id, 999, 0, 3)
    assert len(claims.get(world.store, claim.id).appearances) == 1


def test_undo_of_a_status_change_gives_the_verdict_back_to_who_concluded(world):
    from workbench.services import claims
    from workbench.services.store import Store

    cid = claims.create(world.store, *world.span(world_quote(world)), verdict="false", status="concluded").id
    assert claims.get(world.store, cid).concluded_by == "alice"
    bob = Store(world.store.db, "bob")
    _claim, before = claims.update(bob, cid, status="in-review")
    claims.update(bob, cid, **before)  # bob undoes his change
    assert claims.get(world.store, cid).concluded_by == "alice"


def test_blank_selection_is_refused(world):
    import pytest

    from workbench.core.errors import ValidationError
    from workbench.services import claims, sources

    text = sources.text(world.store, world.source.id)
    blank = text.index(" ")
    with pytest.raises(ValidationError, match="blank"):
        claims.create(world.store, world.source.id, blank, blank + 1)


def world_quote(world) -> str:
    from workbench.services import sources

    return sources.text(world.store, world.source.id).split()[0]


def test_update_returns_the_claim_as_saved(world: World) -> None:
    """The edit's own value is what the window shows (it is not read back): it must equal a fresh read."""
    store, dossier, source = world.store, world.dossier, world.source
    claim = claims.create(store, source.id, 0, 8)
    other = claims.create(store, source.id, 10, 20)
    claims.relate(store, claim.id, other.id, "same-as")
    verdict = dossier.scale.verdicts[0].key
    edits: list[dict[str, object]] = [
        {"verdict": verdict}, {"status": "concluded"}, {"verdict": None}, {"claimant": "X", "claim_date": "2024-01-02"},
        {"tags": ("b", "a")}, {"status": "to-check", "rationale": "why"}, {"statement": "S"}, {"claimant": "X"},
    ]
    for fields in edits:
        saved, _before = claims.update(store, claim.id, **fields)
        assert saved == claims.get(store, claim.id), fields
