"""Building a report model issues the same number of statements for 10 claims as for 100."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from tests.sample_world import bundle
from workbench.core.values import NewClaim
from workbench.services import claims, dossiers, reports, sources
from workbench.services.store import Store


def _statements(tmp_path: Path, n: int) -> int:
    store = Store.open(str(tmp_path / f"r{n}.db"), user="alice")
    d = dossiers.create(store, "D")
    text = "".join(f"Phrase {i} : {i * 3} personnes évacuées mardi.\n" for i in range(n))
    src = sources.add(store, d.id, bundle(text)).source
    body = sources.text(store, src.id)
    items = []
    for i in range(n):
        start = body.index(f"Phrase {i} :")
        items.append(NewClaim({"verdict": "true", "status": "concluded"}, ((src.id, start, start + 9),),
                              (("supports", src.id, start, start + 6, ""),)))
    ids = claims.create_many(store, d.id, items)
    for cid in ids:
        claims.update(store, cid, rationale="Vérifié")  # a history line more per claim
    count = 0

    def seen(*_args: Any) -> None:
        nonlocal count
        count += 1

    event.listen(store.db.engine, "before_cursor_execute", seen)
    model = reports.build_model(store, d.id, reports.ReportRequest("html", language="fr", include_history=True))
    event.remove(store.db.engine, "before_cursor_execute", seen)
    assert len(model.claims) == n
    store.close()
    return count


def test_report_model_statements_do_not_grow_with_claims(tmp_path: Path) -> None:
    assert _statements(tmp_path, 10) == _statements(tmp_path, 100)


def _statements_with_sources(tmp_path: Path, n: int) -> int:
    """A report and a comparison of ``n`` sources: their texts are read in one query, not one per source."""
    from workbench.services import compare

    store = Store.open(str(tmp_path / f"s{n}.db"), user="alice")
    d = dossiers.create(store, "D")
    for i in range(n):
        sources.add(store, d.id, bundle(f"Source {i} : {i * 7} personnes évacuées mardi.\n", f"s{i}.txt"))
    count = 0

    def seen(*_args: Any) -> None:
        nonlocal count
        count += 1

    event.listen(store.db.engine, "before_cursor_execute", seen)
    model = reports.build_model(store, d.id, reports.ReportRequest("html", language="fr"))
    inputs = compare.compare_inputs(store, d.id)
    event.remove(store.db.engine, "before_cursor_execute", seen)
    assert len(model.source_texts) == n and all(model.source_texts.values())
    assert [i.text for i in inputs] == [model.source_texts[i.source_id] for i in inputs]
    store.close()
    return count


def test_source_texts_are_read_in_one_query(tmp_path: Path) -> None:
    assert _statements_with_sources(tmp_path, 3) == _statements_with_sources(tmp_path, 12)
