"""Revisions: import a newer version, re-anchor appearances and evidence, drift report, review flags, atomicity."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sample_world import TEXT, World, bundle
from workbench.core.errors import ImportFailure, ValidationError
from workbench.services import claims, evidence, revisions, sources
from workbench.services.store import Store

EDITED = (TEXT.replace("1 200 habitants", "1 450 habitants")
          .replace("Les secours sont arrivés mardi. ", "")
          .replace("Le maire a répété : « la digue n’a pas cédé ».", "Le maire a répété : « la digue a cédé »."))


def _claims(world: World) -> tuple[int, int, int]:
    store = world.store
    figure = claims.create(store, *world.span("1 200 habitants évacués"), statement="1 200 évacués").id
    mayor = claims.create(store, *world.span("« la digue n’a pas cédé »", nth=2), statement="digue (maire)").id
    prefect = claims.create(store, *world.span("« la digue n’a pas cédé »", nth=1), statement="digue (préfet)").id
    evidence.cite_span(store, figure, "supports", *world.span("Les secours sont arrivés mardi."))
    claims.update(store, figure, status="concluded", verdict="true")
    return figure, mayor, prefect


def _check_invariant(store: Store) -> None:
    """Every span a claim shows quotes its revision's text exactly at its offsets."""
    for claim in claims.list_claims(store, claims.get(store, 1).dossier_id):
        spans = [a.span for a in claim.appearances] + [e.span for e in claim.evidence if e.span is not None]
        for span in spans:
            body = sources.text(store, span.source_id)
            assert body[span.start : span.end] == span.exact


def test_import_revision_reanchors_appearances_and_evidence(world: World) -> None:
    store = world.store
    figure, mayor, prefect = _claims(world)
    result = revisions.import_revision(store, world.source.id, bundle(EDITED, "depeche-v2.txt"))
    new_id = result.source.id
    assert new_id != world.source.id
    assert sources.text(store, world.source.id) == TEXT  # the old revision never changes
    by = {(d.claim_id, d.role): d for d in result.drift}
    fig = by[(figure, "appearance")]
    assert fig.state == "changed" and fig.new is not None
    assert fig.new.exact == "1 450 habitants évacués"
    assert "figure 1 200 → 1 450" in fig.note
    assert by[(figure, "evidence")].state == "orphaned" and by[(figure, "evidence")].new is None
    assert by[(mayor, "appearance")].state == "changed"
    assert "negation removed" in by[(mayor, "appearance")].note
    assert by[(prefect, "appearance")].state == "anchored"
    _check_invariant(store)
    shown = claims.get(store, figure)
    assert shown.appearances[0].span.source_id == new_id and shown.appearances[0].span.state == "changed"
    assert shown.evidence[0].span is not None and shown.evidence[0].span.source_id == world.source.id
    assert shown.evidence[0].span.state == "orphaned"
    assert [s.id for s in revisions.chain(store, world.source.id)] == [world.source.id, new_id]
    assert revisions.drift(store, world.source.id, new_id) == sorted(result.drift, key=lambda d: (d.old.start, d.id))


def test_changed_claims_are_flagged_and_review_is_the_users_call(world: World) -> None:
    store = world.store
    figure, mayor, prefect = _claims(world)
    revisions.import_revision(store, world.source.id, bundle(EDITED, "v2.txt"))
    pending = revisions.pending_reviews(store, world.dossier.id)
    assert set(pending) == {figure, mayor}
    assert claims.get(store, figure).status == "concluded"  # nothing changes until the user agrees
    claim = revisions.review(store, figure, accept=True)
    assert claim.status == "in-review"
    revisions.review(store, mayor, accept=False)
    assert claims.get(store, mayor).status == "to-check"
    assert revisions.pending_reviews(store, world.dossier.id) == {}
    with pytest.raises(ValidationError):
        revisions.review(store, prefect, accept=True)
    actions = [(h.action, h.field) for h in claims.history(store, figure)]
    assert ("re-anchor", "span") in actions and ("update", "status") in actions


def test_history_records_the_revision(world: World) -> None:
    store = world.store
    figure, _mayor, _prefect = _claims(world)
    result = revisions.import_revision(store, world.source.id, bundle(EDITED, "v2.txt"))
    entries = claims.history(store, figure)
    reanchor = [h for h in entries if h.action == "re-anchor"]
    assert reanchor and reanchor[0].after["source_id"] == result.source.id


def test_same_canonical_url_with_new_text_becomes_a_revision(world: World) -> None:
    store = world.store
    url = "https://example.org/crue"
    first = sources.add(store, world.dossier.id, bundle(TEXT + "Mise à jour.\n", "a.html", url=url)).source
    claims.create(store, *world.span("1 200 habitants", source_id=first.id), statement="x")
    again = sources.add(store, world.dossier.id, bundle(EDITED, "b.html", url=url))
    assert again.created
    assert [s.id for s in revisions.chain(store, first.id)] == [first.id, again.source.id]
    assert revisions.revision_of(store, again.source.id) == first.id
    same = sources.add(store, world.dossier.id, bundle(EDITED, "c.html", url=url))
    assert not same.created and same.source.id == again.source.id


def test_drift_across_three_revisions_composes(world: World) -> None:
    store = world.store
    figure, _mayor, _prefect = _claims(world)
    v2 = revisions.import_revision(store, world.source.id, bundle(TEXT.replace("🌊", "🌊🌊"), "v2.txt")).source
    v3 = revisions.import_revision(store, v2.id, bundle(EDITED, "v3.txt")).source
    rows = {(d.claim_id, d.role): d for d in revisions.drift(store, world.source.id, v3.id)}
    assert rows[(figure, "appearance")].state == "changed"
    assert rows[(figure, "appearance")].new is not None
    assert "1 450" in rows[(figure, "appearance")].new.exact
    with pytest.raises(ValidationError):
        revisions.drift(store, v3.id, world.source.id)


def test_refusals_leave_the_database_unchanged(world: World) -> None:
    store = world.store
    _claims(world)
    with pytest.raises(ImportFailure):
        revisions.import_revision(store, world.source.id, bundle(TEXT, "same.txt"))
    with pytest.raises(ImportFailure):
        revisions.import_revision(store, world.source.id, bundle("   \n", "empty.txt"))
    assert len(sources.list_all(store, world.dossier.id)) == 1
    v2 = revisions.import_revision(store, world.source.id, bundle(EDITED, "v2.txt")).source
    with pytest.raises(ValidationError, match="newer revision"):
        revisions.import_revision(store, world.source.id, bundle(EDITED + "x\n", "v3.txt"))
    assert [s.id for s in revisions.chain(store, world.source.id)] == [world.source.id, v2.id]


def test_failure_midway_rolls_everything_back(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    store = world.store
    figure, _m, _p = _claims(world)

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("workbench.persistence.revisions.reanchor_revision", boom)
    with pytest.raises(RuntimeError):
        revisions.import_revision(store, world.source.id, bundle(EDITED, "v2.txt"))
    assert len(sources.list_all(store, world.dossier.id)) == 1
    assert claims.get(store, figure).appearances[0].span.source_id == world.source.id


def test_typography_only_change_is_not_flagged(world: World) -> None:
    store = world.store
    _figure, mayor, prefect = _claims(world)
    retyped = TEXT.replace("n’a", "n'a")
    result = revisions.import_revision(store, world.source.id, bundle(retyped, "v2.txt"))
    rows = {d.claim_id: d for d in result.drift if d.role == "appearance"}
    assert rows[mayor].state == "changed" and rows[mayor].review == "none"
    assert "only accents" in rows[prefect].note
    assert revisions.pending_reviews(store, world.dossier.id) == {}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_reports_say_the_source_was_revised(world: World, language: str) -> None:
    from workbench.services import reports

    store = world.store
    figure, _mayor, prefect = _claims(world)
    revisions.import_revision(store, world.source.id, bundle(EDITED, "v2.txt"))
    model = reports.build_model(store, world.dossier.id, reports.ReportRequest("md", language=language))
    claim = next(c for c in model.claims if c.id == figure)
    note = model.revision_note(claim.appearances[0].span)
    if language == "en":
        assert note.startswith("Source revised on ") and "now reads “1 450 habitants évacués”" in note
    else:
        assert note.startswith("Source révisée le ") and "« 1 450 habitants évacués »" in note
    gone = model.revision_note(claim.evidence[0].span)
    assert ("no longer appears" if language == "en" else "n’y figure plus") in gone
    unchanged = next(c for c in model.claims if c.id == prefect)
    assert model.revision_note(unchanged.appearances[0].span) == ""
    for fmt in ("md", "html"):
        text = reports.export(store, world.dossier.id, reports.ReportRequest(fmt, language=language)).decode()
        assert "1 450 habitants évacués" in text and ("Source revised on" in text or "Source révisée le" in text)
    import io
    import zipfile

    docx = reports.export(store, world.dossier.id, reports.ReportRequest("docx", language=language))
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "Source revised on" in body or "Source révisée le" in body


def test_copying_a_dossier_keeps_revisions_and_drift(world: World, tmp_path: Path) -> None:
    from workbench.services.copy import copy_dossier

    store = world.store
    figure, _mayor, _prefect = _claims(world)
    v2 = revisions.import_revision(store, world.source.id, bundle(EDITED, "v2.txt")).source
    dst = str(tmp_path / "copy.sqlite")
    new_dossier = copy_dossier(str(world.path), dst, world.dossier.id)
    other = Store.open(dst, user="bob")
    try:
        copied = sources.list_all(other, new_dossier)
        old_id, new_id = (s.id for s in sorted(copied, key=lambda s: s.id))
        assert [s.id for s in revisions.chain(other, old_id)] == [old_id, new_id]
        rows = revisions.drift(other, old_id, new_id)
        assert len(rows) == len(revisions.drift(store, world.source.id, v2.id))
        fig = next(d for d in rows if d.role == "appearance" and d.new is not None and "1 450" in d.new.exact)
        assert fig.review == "pending"
        copied_claim = next(c for c in claims.list_claims(other, new_dossier) if c.statement == "1 200 évacués")
        assert fig.claim_id == copied_claim.id
        assert revisions.review(other, copied_claim.id, accept=True).status == "in-review"
    finally:
        other.close()
    assert figure
