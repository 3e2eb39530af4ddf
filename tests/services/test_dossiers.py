"""Dossiers: presets copied on create, current dossier, scale changes refused when claims would lose a verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sample_world import World
from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.scales import PRESETS
from workbench.services import claims, dossiers

DEFAULT_KEYS = ["true", "mostly-true", "mixed", "misleading", "out-of-context", "mostly-false", "false", "unverifiable"]


def test_create_copies_the_default_scale(world: World) -> None:
    d = dossiers.get(world.store, world.dossier.id)
    assert d.name == "Crue de la Lerne"
    assert d.scale.name == "default"
    assert [v.key for v in d.scale.verdicts] == DEFAULT_KEYS
    assert d.scale.get("mixed").label("fr") == "Mitigé"  # type: ignore[union-attr]
    assert dossiers.scale_of(world.store, d.id) == PRESETS["default"]


def test_create_with_another_preset_becomes_current(world: World) -> None:
    d = dossiers.create(world.store, "  PolitiFact style  ", scale="truth-o-meter", event_date=dt.date(2026, 3, 10))
    assert d.name == "PolitiFact style"
    assert [v.key for v in d.scale.verdicts] == [v.key for v in PRESETS["truth-o-meter"].verdicts]
    assert "pants-on-fire" in [v.key for v in d.scale.verdicts]
    assert d.event_date == dt.date(2026, 3, 10)
    assert dossiers.current(world.store).id == d.id  # type: ignore[union-attr]
    assert [x.id for x in dossiers.list_all(world.store)] == [world.dossier.id, d.id]
    dossiers.set_current(world.store, world.dossier.id)
    assert dossiers.current(world.store).id == world.dossier.id  # type: ignore[union-attr]


def test_create_refuses_bad_input(world: World) -> None:
    with pytest.raises(ValidationError):
        dossiers.create(world.store, "   ")
    with pytest.raises(ValidationError, match="unknown rating scale"):
        dossiers.create(world.store, "x", scale="nope")
    assert len(dossiers.list_all(world.store)) == 1


def test_set_scale_refuses_when_claims_use_a_missing_key(world: World) -> None:
    claim = claims.create(world.store, *world.span("1 200 habitants évacués"), verdict="mixed")
    with pytest.raises(ValidationError, match="mixed"):
        dossiers.set_scale(world.store, world.dossier.id, "afp")
    assert dossiers.get(world.store, world.dossier.id).scale.name == "default"
    claims.update(world.store, claim.id, verdict="true")
    d = dossiers.set_scale(world.store, world.dossier.id, "afp")
    assert d.scale.name == "afp"
    assert [v.key for v in d.scale.verdicts] == [v.key for v in PRESETS["afp"].verdicts]
    with pytest.raises(ValidationError, match="unknown verdict"):
        claims.update(world.store, claim.id, verdict="mixed")


def test_set_scale_ignores_deleted_claims(world: World) -> None:
    claim = claims.create(world.store, *world.span("la digue"), verdict="out-of-context")
    claims.delete(world.store, "claim", claim.id)
    assert dossiers.set_scale(world.store, world.dossier.id, "truth-o-meter").scale.name == "truth-o-meter"


def test_ensure_current_creates_one_only_when_empty(world: World) -> None:
    assert dossiers.ensure_current(world.store).id == world.dossier.id
    assert len(dossiers.list_all(world.store)) == 1


def test_unknown_dossier(world: World) -> None:
    with pytest.raises(NotFoundError):
        dossiers.get(world.store, 999)
    with pytest.raises(NotFoundError):
        dossiers.set_current(world.store, 999)
    with pytest.raises(NotFoundError):
        dossiers.set_scale(world.store, 999, "afp")


def test_settings_round_trip(world: World) -> None:
    assert dossiers.get_setting(world.store, "org", "none") == "none"
    dossiers.put_setting(world.store, "org", "Vérif’ Ouest")
    dossiers.put_setting(world.store, "org", "Vérif’ Ouest 2")
    assert dossiers.get_setting(world.store, "org") == "Vérif’ Ouest 2"
