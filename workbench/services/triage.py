"""Claim triage of a dossier's sources: which sentences are worth checking (read-only; see :mod:`.compare`).

The scoring is pure (:mod:`workbench.core.compare.triage`); this module feeds it the texts of record, publication
dates and languages. A suggestion becomes a claim through the ordinary ``CreateClaim`` operation.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.compare.triage import TriageItem, top_per_source, triage
from workbench.services.compare import compare_inputs
from workbench.services.store import Store


def run(store: Store, dossier_id: int, source_ids: Sequence[int] = (), top: int | None = None) -> list[TriageItem]:
    """Scored sentences of the dossier's sources (or of ``source_ids``), best first; ``top`` per source if given."""
    inputs = compare_inputs(store, dossier_id, source_ids)
    items = triage(inputs)
    return top_per_source(items, top) if top is not None else items
