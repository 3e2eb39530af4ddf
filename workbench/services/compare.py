"""Compare the sources of a dossier (off the GUI thread) and turn a finding into claims when the user asks.

The analysis itself is pure (:mod:`workbench.core.compare`); this module feeds it the texts of record and the
publication dates, and stores nothing by itself: only :func:`claim_from_alignment` and :func:`flag_recycled` write,
and only when the user confirms a finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from workbench.core.compare import CompareInput, CompareResult, compare
from workbench.core.errors import Cancelled, NotFoundError
from workbench.core.values import ClaimInfo
from workbench.services import claims, dossiers, sources
from workbench.services.operations import CreateClaim
from workbench.services.store import Store


def run(
    store: Store,
    dossier_id: int,
    source_ids: Sequence[int] = (),
    *,
    event_date: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str = "en",
) -> CompareResult:
    """Compare the dossier's sources (or ``source_ids``); the event date defaults to the dossier's.

    ``language`` is the report's (``en`` or ``fr``): the discrepancy notes are written in it.
    """
    dossier = dossiers.get(store, dossier_id)
    inputs = compare_inputs(store, dossier_id, source_ids, cancel=cancel)
    return compare(
        inputs, event_date=event_date or dossier.event_date, progress=progress, cancel=cancel, language=language
    )


def compare_inputs(
    store: Store, dossier_id: int, source_ids: Sequence[int] = (), *, cancel: Callable[[], bool] | None = None
) -> list[CompareInput]:
    """The analysis input of the dossier's sources (or of ``source_ids``, which must be the dossier's)."""
    infos = sources.list_all(store, dossier_id)
    if source_ids:
        known = {s.id for s in infos}
        missing = [i for i in source_ids if i not in known]
        if missing:
            raise NotFoundError(f"no source with id {missing[0]} in dossier {dossier_id}")
        infos = [s for s in infos if s.id in set(source_ids)]
    if cancel is not None and cancel():
        raise Cancelled("comparison cancelled")
    texts = sources.texts(store, [info.id for info in infos])  # one query for every text
    return [CompareInput(info.id, texts[info.id], info.published, info.title, info.outlet, info.language or "")
            for info in infos]


def claim_from_alignment(store: Store, a: tuple[int, int, int], b: tuple[int, int, int],
                         statement: str = "") -> ClaimInfo:
    """One claim with two appearances: the aligned sentences ``(source_id, start, end)`` of two sources.

    One transaction (an operation): a failure never leaves a claim with one appearance.
    """
    claim = CreateClaim((a, b), {"statement": statement} if statement else {}).run(store).value
    return claims.get(store, claim.id)
