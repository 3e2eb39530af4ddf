"""Listing sources reads neither the texts nor the original files: the length is a stored column."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event

from workbench.core.values import ImportBundle
from workbench.services import claims, dossiers, sources
from workbench.services.store import Store


def test_list_reads_no_text_and_no_original(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "w.db"), user="t")
    d = dossiers.create(store, "D")
    text = "Crue 🌊 de la Lerne.\n" * 1000
    sources.add(store, d.id, ImportBundle(name="a.txt", kind="txt", original=text.encode(), text=text))
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.db.engine, "before_cursor_execute", seen)
    try:
        (info,) = sources.list_all(store, d.id)
    finally:
        event.remove(store.db.engine, "before_cursor_execute", seen)
    assert info.text_length == len(text)  # code points (the emoji counts once)
    selects = [s for s in statements if "FROM source" in s]
    assert selects and all("source.text," not in s and "source.original" not in s for s in selects), selects
    assert sources.text(store, info.id) == text  # still read when asked
    store.close()


OLD_ORDER = ("id, dossier_id, title, outlet, author, published, url, language, kind, reliability_note, filename, "
             "imported_at, original, sha256, text, text_sha256, page_map, deleted_at, text_length, ocr, ocr_words, "
             "revision_of_id")


def _columns(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [row[1] for row in conn.execute("PRAGMA table_info(source)")]


def test_big_columns_are_last_in_a_new_database(tmp_path: Path) -> None:
    Store.open(str(tmp_path / "w.db"), user="t").close()
    assert _columns(tmp_path / "w.db")[-3:] == ["text", "original", "ocr_words"]


def test_upgrade_moves_the_big_columns_last_and_keeps_everything(tmp_path: Path) -> None:
    """A database from before 0008 (text and original in the middle of each row) keeps every row and reference."""
    path = tmp_path / "old.db"
    store = Store.open(str(path), user="t")
    d = dossiers.create(store, "D")
    text = "La digue a cédé mardi, a dit le préfet.\n" * 2000
    src = sources.add(store, d.id, ImportBundle(name="a.txt", kind="txt", original=text.encode(), text=text)).source
    claim = claims.create(store, src.id, 3, 18)
    store.close()
    # Lay the table out as before 0008, with SQLite's own rebuild procedure, and mark the database 0006.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(f"CREATE TABLE source_old AS SELECT {OLD_ORDER} FROM source")
        conn.execute("DROP TABLE source")
        conn.execute("ALTER TABLE source_old RENAME TO source")
        conn.execute("UPDATE alembic_version SET version_num = '0006'")
        conn.commit()
    assert _columns(path).index("text") < _columns(path).index("deleted_at")

    store = Store.open(str(path), user="t")  # upgrades
    try:
        assert _columns(path)[-3:] == ["text", "original", "ocr_words"]
        (info,) = sources.list_all(store, d.id)
        assert (info.id, info.text_length) == (src.id, len(text))
        assert sources.text(store, src.id) == text
        again = claims.get(store, claim.id)
        assert [a.span.source_id for a in again.appearances] == [src.id]  # the span and appearance survived the drop
        assert {h.source_id for h in sources.search(store, d.id, "préfet")} == {src.id}  # the FTS index too
        with store.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on for everyone after
    finally:
        store.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM dossier")
        assert conn.execute("SELECT count(*) FROM span").fetchone()[0] == 0  # the rebuilt table still cascades
