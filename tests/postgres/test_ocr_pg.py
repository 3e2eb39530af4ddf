"""OCR sources on PostgreSQL: migration 0003's 'image' kind and the JSON record and word boxes round-trip."""

from __future__ import annotations

import pytest

from workbench.core.values import ImportBundle
from workbench.services import dossiers, sources
from workbench.services.store import Store

pytestmark = pytest.mark.postgres


def test_an_image_source_keeps_its_ocr_record_and_boxes(pg_url: str) -> None:
    store = Store.open(pg_url, user="alice")
    try:
        dossier = dossiers.create(store, "Scans")
        record = {"engine": "tesseract", "version": "5.3.0", "language": "fr", "pages": 1, "mean_confidence": 95.2}
        words = [{"page": 1, "width": 100, "height": 50, "rotate": 0, "words": [[0, 7, 1, 2, 40, 20, 96.0]]}]
        bundle = ImportBundle(name="capture.png", kind="image", original=b"\x89PNG\r\n\x1a\nfake", text="Bonjour\n",
                              page_map=((0, 1),), ocr=record, ocr_words=words)
        added = sources.add(store, dossier.id, bundle).source
        assert added.kind == "image" and added.ocr == record
        assert sources.get(store, added.id).ocr == record
        assert sources.ocr_words(store, added.id) == words
        text = sources.add(store, dossier.id, ImportBundle(name="a.txt", kind="txt", original=b"a", text="a\n"))
        assert text.source.ocr is None and sources.ocr_words(store, text.source.id) == []
    finally:
        store.close()
