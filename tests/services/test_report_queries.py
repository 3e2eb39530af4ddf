"""Building a report model issues the same number of statements for 10 claims as for 100."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from tests.services.conftest import bundle
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
