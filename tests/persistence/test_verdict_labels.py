"""Verdict labels per language (migration 0006): existing English/French labels are copied, a third language is a
row, not a column."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from sqlalchemy import text

from workbench.core.values import RatingScale, Verdict
from workbench.persistence import repositories as repo
from workbench.persistence.engine import alembic_config, make_engine
from workbench.services.store import Store


def test_upgrade_copies_the_two_label_columns(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "old.sqlite"))
    try:
        cfg = alembic_config(engine)
        cfg.stdout = io.StringIO()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0002")
            conn.execute(text("INSERT INTO rating_scale (id, name) VALUES (1, 'old')"))
            conn.execute(text("INSERT INTO verdict (id, scale_id, position, key, label_en, label_fr, color, "
                              "rating_value) VALUES (1, 1, 0, 'false', 'False', 'Faux', '#c00', 1)"))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
            rows = conn.execute(text("SELECT language, label FROM verdict_label WHERE verdict_id = 1 "
                                     "ORDER BY language")).all()
        assert [tuple(r) for r in rows] == [("en", "False"), ("fr", "Faux")]
    finally:
        engine.dispose()


def test_a_third_language_needs_no_schema_change(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "es.sqlite"), user="t")
    try:
        scale = RatingScale("tres", (Verdict("false", "False", "Faux", "#c00", 1, (("es", "Falso"),)),))
        with store.db.transaction() as s:
            scale_id = repo.insert_scale(s, scale).id
        with store.db.transaction() as s:
            (verdict,) = repo.scale_value(s.get(repo.RatingScaleRow, scale_id)).verdicts
        assert (verdict.label("es"), verdict.label("fr"), verdict.label("en"), verdict.label("de")) == (
            "Falso", "Faux", "False", "False")
    finally:
        store.close()


def test_a_dossier_copy_keeps_every_language(tmp_path: Path) -> None:
    from workbench.services import dossiers
    from workbench.services.copy import copy_dossier

    src, dst = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    store = Store.open(src, user="t")
    try:
        d = dossiers.create(store, "Tres")
        with store.db.transaction() as s:
            row = s.get(repo.Dossier, d.id)
            row.scale_id = repo.insert_scale(s, RatingScale("tres", (
                Verdict("false", "False", "Faux", "#c00", 1, (("es", "Falso"),)),))).id
    finally:
        store.close()
    new_id = copy_dossier(src, dst, d.id)
    other = Store.open(dst, user="t")
    try:
        (verdict,) = dossiers.get(other, new_id).scale.verdicts
        assert verdict.label("es") == "Falso"
    finally:
        other.close()
