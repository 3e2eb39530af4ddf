"""The claims table sorts in the model (one key per row), not through the proxy's data() per comparison."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QPersistentModelIndex, Qt

from workbench.core.enums import Status
from workbench.core.values import ClaimInfo, RatingScale, Verdict
from workbench.ui.models.claims_model import CLAIM_ROLE, ClaimsFilter, ClaimsModel

SCALE = RatingScale("s", (Verdict("true", "True", "Vrai", "#080", 3), Verdict("false", "False", "Faux", "#c00", 1)))
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def claim(cid: int, statement: str, verdict: str | None = None) -> ClaimInfo:
    return ClaimInfo(id=cid, dossier_id=1, statement=statement, claimant="", claim_date=None, status=Status.TO_CHECK,
                     verdict=verdict, rationale="", tags=(), created_at=NOW, updated_at=NOW, version=1,
                     concluded_by="")


def shown(proxy: ClaimsFilter) -> list[int]:
    return [proxy.data(proxy.index(r, 0), CLAIM_ROLE) for r in range(proxy.rowCount())]


def test_header_sort_orders_rows_without_asking_data_per_comparison(qapp, monkeypatch):
    model, proxy = ClaimsModel(SCALE), ClaimsFilter()
    proxy.setSourceModel(model)
    model.set_claims([claim(i, f"Statement {3000 - i:04d}", "false" if i % 2 else "true") for i in range(1, 2001)])
    calls = []
    real = ClaimsModel.data
    monkeypatch.setattr(ClaimsModel, "data", lambda self, *a: calls.append(1) or real(self, *a))
    proxy.sort(1, Qt.SortOrder.AscendingOrder)  # what a click on the Statement header does
    assert calls == []
    assert shown(proxy)[:3] == [2000, 1999, 1998]
    proxy.sort(2, Qt.SortOrder.AscendingOrder)  # by verdict label, ties by number
    ids = shown(proxy)
    assert ids[:2] == [1, 3] and ids[1000:1002] == [2, 4]  # "False" before "True"
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown(proxy)[:2] == [2000, 1999]


def test_selection_follows_its_claim_and_new_claims_take_their_sorted_place(qapp):
    model, proxy = ClaimsModel(SCALE), ClaimsFilter()
    proxy.setSourceModel(model)
    model.set_claims([claim(1, "b"), claim(2, "d"), claim(3, "a")])
    kept = QPersistentModelIndex(model.index(model.row_of(2), 0))
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == [3, 1, 2]
    assert model.claim(kept.row()).id == 2  # a selection on claim 2 stays on claim 2
    model.upsert(claim(4, "c"))
    assert shown(proxy) == [3, 1, 4, 2]
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    model.upsert(claim(5, "e"))
    model.upsert(claim(6, "0"))
    assert shown(proxy) == [5, 2, 4, 1, 3, 6]
    assert [model.row_of(cid) for cid in (5, 2, 4, 1, 3, 6)] == list(range(6))  # row lookups follow the inserts
    model.upsert(dataclasses.replace(model.claim(model.row_of(3)), statement="z"))  # an edit keeps its row
    assert shown(proxy) == [5, 2, 4, 1, 3, 6]
    model.set_claims([claim(1, "b"), claim(2, "d")])  # a refresh keeps the chosen order
    assert shown(proxy) == [2, 1]
