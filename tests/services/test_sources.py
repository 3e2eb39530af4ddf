"""Sources: import once per bytes, metadata edits with previous values, trash and restore, search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sample_world import OTHER, TEXT, World, bundle
from workbench.core.errors import ImportFailure, NotFoundError, ValidationError
from workbench.core.text import normalize_text, sha256_hex
from workbench.services import claims, sources


def test_add_stores_text_of_record_and_hashes(world: World) -> None:
    src = world.source
    assert src.title == "Dépêche APO"
    assert src.outlet == "Agence Presse Ouest"
    assert src.language == "fr"
    assert src.kind == "txt"
    assert src.sha256 == sha256_hex(TEXT.encode("utf-8"))
    assert src.text_sha256 == sha256_hex(TEXT)
    assert src.text_length == len(TEXT)
    assert sources.text(world.store, src.id) == TEXT
    assert sources.original(world.store, src.id) == TEXT.encode("utf-8")


def test_add_normalises_text_and_takes_title_from_file_name(world: World) -> None:
    raw = "Ligne un\r\nLigne deux e\u0301vacue\u0301s\r\n"
    res = sources.add(world.store, world.dossier.id, bundle(raw, name="notes brutes.txt"))
    assert res.created
    assert res.source.title == "notes brutes"
    assert sources.text(world.store, res.source.id) == normalize_text(raw) == "Ligne un\nLigne deux évacués\n"


def test_same_bytes_again_is_not_created(world: World) -> None:
    again = sources.add(world.store, world.dossier.id, bundle(TEXT, name="copie.txt", title="Autre titre"))
    assert again.created is False
    assert again.source.id == world.source.id
    assert again.source.title == "Dépêche APO"
    assert [s.id for s in sources.list_all(world.store, world.dossier.id)] == [world.source.id]


def test_overrides_replace_bundle_metadata(world: World) -> None:
    res = sources.add(world.store, world.dossier.id, bundle(OTHER, title="Bundle title"), title="Override",
                      published=dt.date(2026, 3, 11), url="https://example.org/a")
    assert (res.source.title, res.source.published, res.source.url) == ("Override", dt.date(2026, 3, 11),
                                                                      "https://example.org/a")
    with pytest.raises(ValidationError):
        sources.add(world.store, world.dossier.id, bundle("x\n", name="y.txt"), sha256="nope")


def test_add_refuses_empty_text(world: World) -> None:
    with pytest.raises(ImportFailure, match=r"vide\.txt"):
        sources.add(world.store, world.dossier.id, bundle(" \r\n\t\n", name="vide.txt"))


def test_add_to_unknown_dossier(world: World) -> None:
    with pytest.raises(NotFoundError):
        sources.add(world.store, 999, bundle("texte\n"))


def test_update_metadata_returns_previous_values(world: World) -> None:
    src, before = sources.update(world.store, world.source.id, title="Nouveau titre", author="Jeanne",
                                 published="2026-03-10", outlet="Agence Presse Ouest")
    assert (src.title, src.author, src.published) == ("Nouveau titre", "Jeanne", dt.date(2026, 3, 10))
    assert before == {"title": "Dépêche APO", "author": "", "published": None}  # outlet did not change
    src, _ = sources.update(world.store, world.source.id, **before)
    assert (src.title, src.author, src.published) == ("Dépêche APO", "", None)
    assert sources.text(world.store, src.id) == TEXT


def test_update_refuses_text_and_unknown_fields(world: World) -> None:
    with pytest.raises(ValidationError):
        sources.update(world.store, world.source.id, text="autre")
    with pytest.raises(NotFoundError):
        sources.update(world.store, 999, title="x")


def test_delete_and_restore_source(world: World) -> None:
    other = world.add_other()
    claim = claims.create(world.store, *world.span("1 200 habitants évacués"))
    claims.add_appearance(world.store, claim.id, *world.span("1 150 personnes évacuées", source_id=other.id))
    sources.delete(world.store, other.id)
    assert [s.id for s in sources.list_all(world.store, world.dossier.id)] == [world.source.id]
    with pytest.raises(NotFoundError):
        sources.get(world.store, other.id)
    assert [a.span.source_id for a in claims.get(world.store, claim.id).appearances] == [world.source.id]
    assert sources.search(world.store, world.dossier.id, "mercredi") == []
    sources.restore(world.store, other.id)
    assert [s.id for s in sources.list_all(world.store, world.dossier.id)] == [world.source.id, other.id]
    assert len(claims.get(world.store, claim.id).appearances) == 2
    assert len(sources.search(world.store, world.dossier.id, "mercredi")) == 1


def test_deleted_source_bytes_can_be_imported_again(world: World) -> None:
    sources.delete(world.store, world.source.id)
    res = sources.add(world.store, world.dossier.id, bundle(TEXT))
    assert res.created and res.source.id != world.source.id


def test_claim_counts(world: World) -> None:
    claims.create(world.store, *world.span("la digue"))
    claims.create(world.store, *world.span("la digue", 2))
    other = world.add_other()
    counts = {s.id: s.claim_count for s in sources.list_all(world.store, world.dossier.id)}
    assert counts == {world.source.id: 2, other.id: 0}


def test_search_is_accent_and_case_insensitive(world: World) -> None:
    hits = sources.search(world.store, world.dossier.id, "evacues")
    assert len(hits) == 1
    hit = hits[0]
    assert hit.source_id == world.source.id
    assert TEXT[hit.start : hit.end] == "évacués"
    assert "évacués" in hit.snippet
    assert "\n" not in hit.snippet
    assert sources.search(world.store, world.dossier.id, "ÉVACUÉS") == hits
    assert sources.search(world.store, world.dossier.id, "EVACUES") == hits


def test_search_phrase_apostrophes_and_emoji_offsets(world: World) -> None:
    hits = sources.search(world.store, world.dossier.id, "n'a pas cede")
    assert [TEXT[h.start : h.end] for h in hits] == ["n’a pas cédé", "n’a pas cédé"]
    assert hits[0].start < hits[1].start
    hits = sources.search(world.store, world.dossier.id, "victime")
    assert [TEXT[h.start : h.end] for h in hits] == ["victime"]  # offsets count the emoji as one character


def test_search_across_sources_and_misses(world: World) -> None:
    other = world.add_other()
    hits = sources.search(world.store, world.dossier.id, "digue")
    assert {h.source_id for h in hits} == {world.source.id, other.id}
    assert sources.search(world.store, world.dossier.id, "inondation") == []
    assert sources.search(world.store, world.dossier.id, "   ") == []


def test_import_files_reports_bad_files_and_keeps_good_ones(world: World, tmp_path: Path) -> None:
    good = tmp_path / "bon.txt"
    good.write_text("Un bon fichier.\n", encoding="utf-8")
    bad = tmp_path / "mauvais.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 500)
    missing = tmp_path / "absent.txt"
    result = sources.import_files(world.store, world.dossier.id, [bad, good, missing])
    assert [s.title for s in result.added] == ["Un bon fichier."]
    assert len(result.errors) == 2
    assert result.errors[0].startswith("mauvais.txt: ")
    assert result.errors[1].startswith("absent.txt: ")
    again = sources.import_files(world.store, world.dossier.id, [good])
    assert again.added == () and [s.id for s in again.reused] == [result.added[0].id]


def test_bad_published_date_is_one_clear_error(world):
    import pytest

    from workbench.core.errors import ValidationError

    with pytest.raises(ValidationError, match="bad date 'hier' for the published date"):
        sources.update(world.store, world.source.id, published="hier")
    assert sources.update(world.store, world.source.id, published="2026-03-10")[0].published.isoformat() == "2026-03-10"
