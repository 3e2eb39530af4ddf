"""``copy_dossier``: SQLite -> PostgreSQL -> a new SQLite file, compared field by field with remapped references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.sample_world import OTHER, TEXT, bundle
from workbench.core.errors import NotFoundError, WorkbenchError
from workbench.core.values import ImportBundle
from workbench.persistence import transfer
from workbench.services import claims, dossiers, evidence, sources
from workbench.services.copy import copy_dossier
from workbench.services.store import Store

# Columns holding ids of other exported rows: column -> export key of the referred rows.
REFS = {
    "verdicts": {"scale_id": "scale"},
    "verdict_labels": {"verdict_id": "verdicts"},
    "dossier": {"scale_id": "scale"},
    "spans": {"source_id": "sources"},
    "claims": {"dossier_id": "dossier"},
    "claim_tags": {"claim_id": "claims"},
    "appearances": {"claim_id": "claims", "span_id": "spans"},
    "evidence": {"claim_id": "claims", "span_id": "spans"},
    "relations": {"from_claim_id": "claims", "to_claim_id": "claims"},
    "history": {"dossier_id": "dossier", "claim_id": "claims"},
    "sources": {"dossier_id": "dossier", "revision_of_id": "sources"},
    "span_drift": {"dossier_id": "dossier", "old_source_id": "sources", "new_source_id": "sources",
                   "claim_id": "claims", "old_span_id": "spans", "new_span_id": "spans"},
}
ENTITY_KEYS = {"dossier": "dossier", "source": "sources", "claim": "claims", "appearance": "appearances",
               "evidence": "evidence", "relation": "relations"}


def build(store: Store) -> int:
    """A dossier using every table: scale change, trashed source, PDF page map, tags, deleted rows, relations."""
    d = dossiers.create(store, "Crue de la Lerne", description="Vérification « digue »",
                        event_date=dt.date(2026, 3, 10))
    dossiers.set_scale(store, d.id, "truth-o-meter")
    main = sources.add(store, d.id, bundle(TEXT, title="Dépêche APO", outlet="APO", language="fr")).source
    other = sources.add(store, d.id, bundle(OTHER, "bilan.txt", title="Bilan"), published=dt.date(2026, 3, 11)).source
    pdf_text = "Page une : la digue.\nPage deux : 1 150 évacués.\n"
    pdf = sources.add(store, d.id, ImportBundle(name="r.pdf", kind="pdf", original=b"%PDF-1.7\x00\xff\xfe binary",
                                                text=pdf_text, title="Rapport", page_map=((0, 1), (21, 2)))).source
    trashed = sources.add(store, d.id, bundle("Brouillon.\n", "brouillon.txt")).source
    sources.delete(store, trashed.id)
    sources.update(store, main.id, author="Jeanne", reliability_note="Agence fiable")

    def at(source_id: int, quote: str, nth: int = 1) -> tuple[int, int, int]:
        body = sources.text(store, source_id)
        pos = -1
        for _ in range(nth):
            pos = body.index(quote, pos + 1)
        return source_id, pos, pos + len(quote)

    a = claims.create(store, *at(main.id, "1 200 habitants évacués"), claimant="Préfecture", tags=["bilan", "chiffres"],
                      claim_date="2026-03-10")
    b = claims.create(store, *at(main.id, "la digue n’a pas cédé", 2), verdict="false", status="concluded",
                      rationale="Photos 🚒", tags=["digue"])
    c = claims.create(store, *at(other.id, "la digue a cédé"))
    claims.update(store, a.id, verdict="half-true", status="in-review", rationale="Deux bilans")
    claims.add_appearance(store, a.id, *at(other.id, "1 150 personnes évacuées"))
    gone = claims.add_appearance(store, a.id, *at(pdf.id, "1 150 évacués"))
    claims.delete(store, "appearance", gone.id)
    evidence.cite_span(store, a.id, "refutes", *at(other.id, "1 150 personnes"), note="Bilan officiel")
    evidence.cite_span(store, b.id, "refutes", *at(pdf.id, "la digue"))
    evidence.cite_external(store, b.id, "supports", url="https://example.org/photos", title="Photos",
                           publisher="Ouest", published="2026-03-11", accessed=dt.date(2026, 3, 12),
                           archive_url="https://archive.example/x", quoted="« tenu »")
    claims.relate(store, b.id, c.id, "contradicts")
    rel = claims.relate(store, a.id, c.id, "supports")
    claims.delete(store, "relation", rel.id)
    claims.delete(store, "claim", c.id)
    claims.restore(store, "claim", c.id)
    doomed = claims.create(store, *at(main.id, "mardi"))
    claims.delete(store, "claim", doomed.id)
    from workbench.services import revisions  # a revised source: its spans' drift rows travel too

    revisions.import_revision(store, other.id, bundle(OTHER.replace("1 150", "1 250"), "bilan-v2.txt"))
    return d.id


def normalized(store: Store, dossier_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every exported row without its id, references replaced by the referred row's position in its list."""
    with store.db.transaction() as s:
        data = transfer.export_dossier_rows(s, dossier_id)
    data["history"] = [h for h in data["history"] if h["action"] != "copy"]
    position = {key: {row["id"]: i for i, row in enumerate(rows) if "id" in row} for key, rows in data.items()}
    out: dict[str, list[dict[str, Any]]] = {}
    for key, rows in data.items():
        refs = REFS.get(key, {})
        normal = []
        for row in rows:
            row = {k: v for k, v in row.items() if k != "id"}
            for column, target in refs.items():
                if row.get(column) is not None:
                    row[column] = position[target][row[column]]
            if key == "span_drift":
                row["item_id"] = position[ENTITY_KEYS[row["role"]] if row["role"] != "appearance"
                                          else "appearances"][row["item_id"]]
            if key == "history":
                row["entity_id"] = position[ENTITY_KEYS[row["entity"]]].get(row["entity_id"], -1)
                for side in ("before", "after"):
                    value = row[side]
                    for ref in ("source_id", "revision_of"):
                        if isinstance(value, dict) and ref in value:
                            value = row[side] = value | {ref: position["sources"][value[ref]]}
                after = row["after"]
                if isinstance(after, dict) and row["entity"] == "relation":
                    row["after"] = after | {"to": position["claims"][after["to"]]}
            normal.append(row)
        out[key] = normal
    return out


def test_copy_sqlite_to_postgresql_and_back(pg_url: str, tmp_path: Path) -> None:
    first = str(tmp_path / "first.sqlite")
    store = Store.open(first, user="alice")
    try:
        sources.add(store, dossiers.create(store, "Décalage d'ids").id, bundle("Autre dossier.\n"))
        d = build(store)
        original = normalized(store, d)
    finally:
        store.close()
    assert all(original[key] for key in transfer.KEYS), [k for k in transfer.KEYS if not original[k]]

    pg_id = copy_dossier(first, pg_url, d, user="bob")
    back = str(tmp_path / "back.sqlite")
    back_id = copy_dossier(pg_url, back, pg_id, user="carol")

    for target, new_id in ((pg_url, pg_id), (back, back_id)):
        st = Store.open(target, user="x")
        try:
            copied = normalized(st, new_id)
            for key in transfer.KEYS:
                assert copied[key] == original[key], (target, key)
            # through the services too
            src_ids = [s.id for s in sources.list_all(st, new_id)]
            assert len(src_ids) == 4  # the revised source and its new revision
            assert sources.original(st, src_ids[2]) == b"%PDF-1.7\x00\xff\xfe binary"
            assert sources.page_map(st, src_ids[2]) == [(0, 1), (21, 2)]
            assert sources.text(st, src_ids[0]) == TEXT
            found = claims.list_claims(st, new_id)
            assert [c.tags for c in found] == [("bilan", "chiffres"), ("digue",), ()]
            assert [len(c.appearances) for c in found] == [2, 1, 1]
            assert [len(c.evidence) for c in found] == [1, 2, 0]
            assert found[1].relations[0].to_claim_id == found[2].id
            assert dossiers.get(st, new_id).scale.name == "truth-o-meter"
            assert [h.action for h in claims.history(st, found[0].id)][:3] == ["create", "create", "update"]
            assert sources.search(st, new_id, "evacues")  # the search index knows the copied sources
            with st.db.transaction() as s:
                last = transfer.export_dossier_rows(s, new_id)["history"][-1]
            assert (last["action"], last["user"]) == ("copy", "bob" if target == pg_url else "carol")
        finally:
            st.close()


def test_copy_the_current_dossier_into_a_database_that_has_others(pg_url: str, tmp_path: Path) -> None:
    src = str(tmp_path / "src.sqlite")
    store = Store.open(src, user="alice")
    d = dossiers.create(store, "Courant")
    sources.add(store, d.id, bundle(TEXT))
    store.close()
    pg = Store.open(pg_url, user="bob")
    existing = dossiers.create(pg, "Déjà là")
    pg.close()
    new_id = copy_dossier(src, pg_url)  # current dossier of the source
    pg = Store.open(pg_url, user="bob")
    try:
        assert [x.name for x in dossiers.list_all(pg)] == ["Déjà là", "Courant"]
        assert new_id != existing.id
    finally:
        pg.close()


def test_copy_errors(pg_url: str, tmp_path: Path) -> None:
    from workbench.services import dossiers
    from workbench.services.store import Store

    empty = tmp_path / "empty.sqlite"
    with pytest.raises(NotFoundError, match="no database at"):  # a mistyped path creates nothing
        copy_dossier(str(empty), pg_url)
    assert not empty.exists()
    Store.open(str(empty)).close()
    with pytest.raises(NotFoundError, match="no dossier to copy"):
        copy_dossier(str(empty), pg_url)
    with pytest.raises(NotFoundError, match="no dossier with id 42"):
        copy_dossier(str(empty), pg_url, 42)
    full = tmp_path / "full.sqlite"
    store = Store.open(str(full))
    dossiers.create(store, "To copy")
    store.close()
    with pytest.raises(WorkbenchError, match="cannot open database"):
        copy_dossier(str(full), "postgresql+psycopg://nobody@127.0.0.1:1/nothing", None)
