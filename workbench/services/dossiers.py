"""Dossiers: create, list, choose the current one, change the rating scale or event date."""

from __future__ import annotations

import datetime as dt

from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.scales import DEFAULT, PRESETS
from workbench.core.values import DossierInfo, RatingScale
from workbench.persistence import repositories as repo
from workbench.services.store import Store

CURRENT_KEY = "current_dossier"


def create(
    store: Store,
    name: str,
    *,
    description: str = "",
    scale: str | RatingScale = "default",
    event_date: dt.date | None = None,
) -> DossierInfo:
    """Create a dossier with a copy of a rating-scale preset (or a custom scale) and make it current."""
    if not name.strip():
        raise ValidationError("a dossier needs a name")
    if isinstance(scale, str):
        if scale not in PRESETS:
            raise ValidationError(f"unknown rating scale {scale!r}; presets: {', '.join(PRESETS)}")
        scale = PRESETS[scale]
    with store.db.transaction() as s:
        row = repo.insert_dossier(s, name.strip(), description, event_date, scale)
        repo.log(s, dossier_id=row.id, entity="dossier", entity_id=row.id, action="create", user=store.user,
                 after=row.name)
        repo.put_setting(s, CURRENT_KEY, str(row.id))
        repo.reload(s, row)
        return repo.dossier_value(row)


def list_all(store: Store) -> list[DossierInfo]:
    """Every dossier."""
    with store.db.transaction() as s:
        return repo.list_dossiers(s)


def get(store: Store, dossier_id: int) -> DossierInfo:
    """One dossier."""
    with store.db.transaction() as s:
        return repo.dossier_value(repo.get_dossier(s, dossier_id))


def current(store: Store) -> DossierInfo | None:
    """The last used dossier, else the newest one, else None."""
    with store.db.transaction() as s:
        wanted = repo.get_setting(s, CURRENT_KEY)
        if wanted.isdigit():
            try:
                return repo.dossier_value(repo.get_dossier(s, int(wanted)))
            except NotFoundError:
                pass
        dossiers = repo.list_dossiers(s)
        return dossiers[-1] if dossiers else None


def ensure_current(store: Store) -> DossierInfo:
    """The current dossier, creating an empty one if the database has none."""
    return current(store) or create(store, "My dossier")


def set_current(store: Store, dossier_id: int) -> DossierInfo:
    """Remember ``dossier_id`` as the one to open next time."""
    with store.db.transaction() as s:
        row = repo.get_dossier(s, dossier_id)
        repo.put_setting(s, CURRENT_KEY, str(dossier_id))
        return repo.dossier_value(row)


def set_scale(store: Store, dossier_id: int, scale: str | RatingScale) -> DossierInfo:
    """Give the dossier another scale. Verdicts whose key the new scale lacks are refused (say which)."""
    if isinstance(scale, str):
        if scale not in PRESETS:
            raise ValidationError(f"unknown rating scale {scale!r}; presets: {', '.join(PRESETS)}")
        scale = PRESETS[scale]
    keys = {v.key for v in scale.verdicts}
    with store.db.transaction() as s:
        row = repo.get_dossier(s, dossier_id)
        used = {c.verdict for c in repo.query_claims(s, dossier_id) if c.verdict}
        missing = sorted(used - keys)
        if missing:
            raise ValidationError(f"claims use verdicts the scale {scale.name!r} lacks: {', '.join(missing)}")
        before = row.scale.name
        repo.set_dossier_scale(s, row, scale)
        repo.log(s, dossier_id=dossier_id, entity="dossier", entity_id=dossier_id, action="update", field="scale",
                 before=before, after=scale.name, user=store.user)
        return repo.dossier_value(row)


def set_event_date(store: Store, dossier_id: int, event_date: dt.date | None) -> DossierInfo:
    """Set the date of the event the dossier is about (used to flag recycled sources)."""
    with store.db.transaction() as s:
        row = repo.get_dossier(s, dossier_id)
        repo.log(s, dossier_id=dossier_id, entity="dossier", entity_id=dossier_id, action="update",
                 field="event_date", before=row.event_date, after=event_date, user=store.user)
        repo.assign(row, "event_date", event_date)
        return repo.dossier_value(row)


def scale_of(store: Store, dossier_id: int) -> RatingScale:
    """The dossier's rating scale."""
    with store.db.transaction() as s:
        return repo.scale_of_dossier(s, dossier_id) or DEFAULT


def get_setting(store: Store, key: str, default: str = "") -> str:
    """A setting stored in the database (organisation name...)."""
    with store.db.transaction() as s:
        return repo.get_setting(s, key, default)


def put_setting(store: Store, key: str, value: str) -> None:
    """Store a setting in the database."""
    with store.db.transaction() as s:
        repo.put_setting(s, key, value)
