"""Publication settings: who publishes the fact-checks, where, and the names of the people who sign them.

They live in the database's settings table so that the window, the CLI (``workbench setting``), reports, ClaimReview
and the dossier JSON all read the same values:

* ``organisation`` (name), ``organisation-url`` (http/https), ``organisation-logo`` (PNG or JPEG, kept base64);
* ``publication-url``: where the dossier's fact-checks are published, per dossier; it may hold ``{claim}`` (the claim
  id) to give each claim its own page; without it a claim's URL is the page + ``#claim-ID``;
* ``paper-size``: ``a4`` or ``letter`` for DOCX and PDF (empty: Letter for English reports, A4 otherwise);
* ``user-name``: the name a user signs with (per login); a byline never prints a bare login.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.core.errors import ValidationError
from workbench.io.report import is_web_url
from workbench.persistence import repositories as repo
from workbench.services.store import Store

KEYS = ("organisation", "organisation-url", "organisation-logo", "publication-url", "paper-size", "user-name")
_USER_PREFIX = "user-name:"
_PUBLICATION_PREFIX = "publication-url:"


@dataclass(frozen=True, slots=True)
class Publication:
    """The publication settings as one value."""

    organisation: str = ""
    organisation_url: str = ""
    organisation_logo: bytes = b""
    publication_url: str = ""
    paper: str = ""
    people: dict[str, str] = field(default_factory=dict)


def _key(key: str, dossier_id: int | None, user: str) -> str:
    if key == "publication-url":
        return f"{_PUBLICATION_PREFIX}{dossier_id}" if dossier_id is not None else key
    if key == "user-name":
        return f"{_USER_PREFIX}{user}"
    return key


def check(key: str, value: str) -> str:
    """``value`` cleaned for ``key``, or ValidationError with one line saying why it is refused."""
    value = value.strip()
    if key not in KEYS:
        raise ValidationError(f"unknown setting {key!r}; use one of: {', '.join(KEYS)}")
    if not value:
        return ""
    if key == "organisation-url" and not is_web_url(value):
        raise ValidationError(f"organisation-url must be an http(s) URL, not {value!r}")
    if key == "publication-url" and not is_web_url(value.replace("{claim}", "1")):
        raise ValidationError(f"publication-url must be an http(s) URL (it may hold {{claim}}), not {value!r}")
    if key == "paper-size" and value.lower() not in ("a4", "letter"):
        raise ValidationError(f"paper-size must be a4 or letter, not {value!r}")
    if key == "organisation-logo":
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError("organisation-logo must be a PNG or JPEG file") from None
        if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            raise ValidationError("organisation-logo must be a PNG or JPEG file")
    return value.lower() if key == "paper-size" else value


def logo_value(data: bytes, name: str = "logo") -> str:
    """The setting value for a logo file's bytes (refused unless PNG or JPEG, at most 1 MB)."""
    if len(data) > 1_000_000:
        raise ValidationError(f"{name}: the logo is larger than 1 MB")
    if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        raise ValidationError(f"{name}: the logo must be a PNG or JPEG image")
    return base64.b64encode(data).decode("ascii")


def get_value(store: Store, key: str, dossier_id: int | None = None) -> str:
    """One setting as stored ("" if unset); ``publication-url`` falls back on the database-wide value."""
    with store.db.transaction() as s:
        value = repo.get_setting(s, _key(key, dossier_id, store.user), "")
        if not value and key == "publication-url" and dossier_id is not None:
            value = repo.get_setting(s, key, "")
        return value


def set_value(store: Store, key: str, value: str, dossier_id: int | None = None) -> str:
    """Check and store one setting (one transaction); returns the stored value."""
    value = check(key, value)
    with store.db.transaction() as s:
        repo.put_setting(s, _key(key, dossier_id, store.user), value)
    return value


def set_values(
    store: Store, values: Mapping[str, str], dossier_id: int | None = None, *, checked: bool = True
) -> dict[str, str]:
    """Check every value, then store them all in one transaction; returns the stored values they replaced.

    Nothing is stored when one value is refused (ValidationError naming it). ``checked=False`` stores values as they
    are: values that were stored before, put back by undo or redo. The returned values are the raw
    settings (a dossier's own publication URL, not the database-wide one it may fall back on), so storing them back
    undoes the change exactly.
    """
    values = {key: check(key, value) for key, value in values.items()} if checked else dict(values)
    with store.db.transaction() as s:
        before = {key: repo.get_setting(s, _key(key, dossier_id, store.user), "") for key in values}
        for key, value in values.items():
            repo.put_setting(s, _key(key, dossier_id, store.user), value)
    return before


def get(store: Store, dossier_id: int | None) -> Publication:
    """All publication settings for a dossier."""
    with store.db.transaction() as s:
        values = dict(repo.settings_with_prefix(s, ""))
    logo = b""
    if values.get("organisation-logo"):
        try:
            logo = base64.b64decode(values["organisation-logo"])
        except (binascii.Error, ValueError):
            logo = b""
    url = values.get(f"{_PUBLICATION_PREFIX}{dossier_id}", "") or values.get("publication-url", "")
    people = {k[len(_USER_PREFIX):]: v for k, v in values.items() if k.startswith(_USER_PREFIX) and v}
    return Publication(
        organisation=values.get("organisation", ""),
        organisation_url=values.get("organisation-url", ""),
        organisation_logo=logo,
        publication_url=url,
        paper=values.get("paper-size", ""),
        people=people,
    )


def restore(store: Store, dossier_id: int, settings: dict[str, str]) -> None:
    """Put back the settings a dossier JSON carried (organisation, URLs, names).

    The publication URL belongs to the restored dossier; database-wide settings (organisation, its URL, paper
    size, people's names) are only filled in where this database has none, never overwritten.
    """
    with store.db.transaction() as s:
        for key, value in settings.items():
            if not value:
                continue
            if key == "publication-url":
                repo.put_setting(s, f"{_PUBLICATION_PREFIX}{dossier_id}", check(key, value))
                continue
            if key.startswith(_USER_PREFIX):
                clean = value.strip()
            elif key in KEYS and key != "user-name":
                clean = check(key, value)
            else:
                continue
            if not repo.get_setting(s, key, ""):
                repo.put_setting(s, key, clean)
