"""Evidence: cite a span of a dossier source or an external reference for, against or as context of a claim."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbench.core.enums import Stance
from workbench.core.errors import ValidationError
from workbench.core.text import parse_date
from workbench.core.values import EvidenceInfo
from workbench.persistence import repositories as repo
from workbench.services.store import Store


def _stance(stance: str) -> str:
    try:
        return Stance(stance).value
    except ValueError:
        raise ValidationError(f"unknown stance {stance!r}; use supports, refutes or context") from None



def cite_span(store: Store, claim_id: int, stance: str, source_id: int, start: int, end: int,
              note: str = "") -> EvidenceInfo:
    """Cite ``[start, end)`` of a dossier source as evidence."""
    stance = _stance(stance)
    with store.db.transaction() as s:
        claim = repo.get_claim(s, claim_id)
        span = repo.add_span(s, source_id, start, end, dossier_id=claim.dossier_id)
        ev = repo.insert_evidence(s, claim_id, stance, span_id=span.id, note=note)
        return _logged(store, claim.dossier_id, repo.evidence_info(s, ev),
                       {"stance": stance, "source_id": source_id, "start": start, "end": end})


def cite_external(
    store: Store,
    claim_id: int,
    stance: str,
    *,
    url: str = "",
    title: str = "",
    publisher: str = "",
    published: dt.date | str | None = None,
    accessed: dt.date | str | None = None,
    archive_url: str = "",
    quoted: str = "",
    note: str = "",
) -> EvidenceInfo:
    """Cite an external reference (a URL and/or a title are required)."""
    stance = _stance(stance)
    url, archive_url = url.strip(), archive_url.strip()
    if not url and not title.strip():
        raise ValidationError("an external reference needs a URL or a title")
    for name, value in (("url", url), ("archive URL", archive_url)):
        if value and not value.lower().startswith(("http://", "https://", "doi:", "urn:")):
            raise ValidationError(f"the {name} must start with http:// or https:// ({value[:60]!r})")
    with store.db.transaction() as s:
        claim = repo.get_claim(s, claim_id)
        ev = repo.insert_evidence(
            s,
            claim_id,
            stance,
            url=url.strip(),
            title=title.strip(),
            publisher=publisher.strip(),
            published=parse_date(published, "published date"),
            accessed=parse_date(accessed, "accessed date") or dt.date.today(),
            archive_url=archive_url.strip(),
            quoted=quoted,
            note=note,
        )
        return _logged(store, claim.dossier_id, repo.evidence_info(s, ev),
                       {"stance": stance, "url": url, "title": title})


def _logged(store: Store, dossier_id: int, ev: EvidenceInfo, summary: dict[str, Any]) -> EvidenceInfo:
    with store.db.transaction() as s:  # joins the caller's transaction
        repo.touch_claim(repo.get_claim(s, ev.claim_id))
        repo.log(s, dossier_id=dossier_id, claim_id=ev.claim_id, entity="evidence", entity_id=ev.id,
                 action="create", user=store.user, after=summary)
    return ev


def update(store: Store, evidence_id: int, *, stance: str | None = None, note: str | None = None) -> tuple[
    EvidenceInfo, dict[str, Any]
]:
    """Change an evidence item's stance or note; returns the previous values of what changed."""
    with store.db.transaction() as s:
        ev = repo.get_evidence(s, evidence_id)
        claim = repo.get_claim(s, ev.claim_id)
        before: dict[str, Any] = {}
        for name, value in (("stance", _stance(stance) if stance else None), ("note", note)):
            if value is None or getattr(ev, name) == value:
                continue
            before[name] = getattr(ev, name)
            repo.assign(ev, name, value)
            repo.log(s, dossier_id=claim.dossier_id, claim_id=claim.id, entity="evidence", entity_id=ev.id,
                     action="update", field=name, before=before[name], after=value, user=store.user)
        if before:
            repo.touch_claim(claim)
        s.flush()
        return repo.evidence_info(s, ev), before
