"""Listing sources reads neither the texts nor the original files: the length is a stored column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from workbench.core.values import ImportBundle
from workbench.services import dossiers, sources
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
