"""The window's reads, as jobs for the database worker (never run on the GUI thread after start-up).

:func:`read_view` reads everything the window shows of a dossier in one job (``refresh_all``, a dossier opened);
:func:`read_claim` the claim being selected and its history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.values import ClaimInfo, DossierInfo, HistoryEntry, SourceInfo
from workbench.services import claims as claims_svc
from workbench.services import dossiers as dossiers_svc
from workbench.services import sources as sources_svc
from workbench.services.store import Store

Spans = list[Any]
"""``claims.spans_of_source`` rows: (span, claim id, role, verdict)."""


@dataclass(frozen=True)
class DossierView:
    """What the window shows of a dossier, read in one job on the database worker (:func:`read_view`)."""

    dossier: DossierInfo
    sources: list[SourceInfo]
    claims: list[ClaimInfo]
    tags: list[str]
    texts: dict[int, tuple[str, Spans]]
    """Text and highlighted spans of each source to show in a pane."""
    panes: list[int] | None
    """The panes to open (a dossier being opened); None: the open panes stay."""
    current: ClaimInfo | None = None
    history: list[HistoryEntry] | None = None


def read_view(store: Store, dossier_id: int, shown: Sequence[int] = (), *, restore: bool = False,
              layout: list[int] | None = None, current: int | None = None) -> DossierView:
    """Read what the window shows of a dossier: sources, claims, tags, the panes' texts, the current claim.

    ``restore``: the dossier is being opened; its panes are ``layout`` (the last session's, None: never saved, then
    the layout older versions kept in the database) or its first two sources.
    """
    dossier = dossiers_svc.get(store, dossier_id)
    items = sources_svc.list_all(store, dossier_id)
    alive = {s.id for s in items}
    panes = None
    if restore:
        if layout is None:
            text = dossiers_svc.get_setting(store, f"layout.{dossier_id}")
            layout = [int(x) for x in text.split(",") if x.isdigit()]
        panes = [i for i in layout if i in alive] or [s.id for s in items[:2]]
        shown = panes
    texts = {sid: (sources_svc.text(store, sid), claims_svc.spans_of_source(store, sid))
             for sid in dict.fromkeys(shown) if sid in alive}
    claim, history = None, None
    if current is not None:
        try:
            claim = claims_svc.get(store, current)
            history = claims_svc.history(store, current)
        except WorkbenchError:  # trashed meanwhile
            claim = None
    return DossierView(dossier, items, claims_svc.list_claims(store, dossier_id), claims_svc.tags(store, dossier_id),
                       texts, panes, claim, history)




def read_claim(
    store: Store, claim_id: int, *, with_history: bool = True
) -> tuple[ClaimInfo, list[HistoryEntry] | None]:
    """The claim being selected and, ``with_history``, its history (else ``None``: it loads when its tab shows)."""
    return claims_svc.get(store, claim_id), claims_svc.history(store, claim_id) if with_history else None
