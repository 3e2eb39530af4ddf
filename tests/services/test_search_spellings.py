"""Search across spellings: a name finds its transliterations (Ushakov, Ouchakov, Uschakow), not unrelated words."""

from __future__ import annotations

from workbench.core.phonetic import phonetic_key, same_name, spelling_variants
from workbench.core.values import ImportBundle
from workbench.services import dossiers, sources
from workbench.services.store import Store

TEXT = ("Le conseiller Iouri Ouchakov a confirmé la rencontre. Selon Uschakow, cité par la presse allemande, "
        "la date reste à fixer. Une marche à Moscou.\n")


def test_keys_of_one_name_agree_and_other_words_differ():
    assert phonetic_key("Ushakov") == phonetic_key("Ouchakov") == phonetic_key("Uschakow") == phonetic_key("Ouchakoff")
    assert same_name("Chernenko", "Tchernenko") and same_name("Tschernenko", "Chernenko")
    assert same_name("Yeltsin", "Jelzin")
    assert not same_name("Ushakov", "Ugaki")
    assert not same_name("maison", "mission")
    assert phonetic_key("de") == ""  # short words never match loosely
    assert {"ushakov", "ouchakov", "uschakow"} <= set(spelling_variants("Ushakov"))


def test_search_finds_transliterations_when_asked(tmp_path):
    store = Store.open(str(tmp_path / "s.sqlite"), user="t")
    try:
        d = dossiers.create(store, "Noms")
        sources.add(store, d.id, ImportBundle(name="a.txt", kind="txt", original=TEXT.encode(), text=TEXT, title="a"))
        assert sources.search(store, d.id, "Ushakov") == []
        hits = sources.search(store, d.id, "Ushakov", spellings=True)
        assert [TEXT[h.start:h.end] for h in hits] == ["Ouchakov", "Uschakow"]
        exact = sources.search(store, d.id, "Ouchakov", spellings=True)
        assert [TEXT[h.start:h.end] for h in exact] == ["Ouchakov", "Uschakow"]  # exact hit first, no duplicate
        assert "Moscou" not in [TEXT[h.start:h.end] for h in sources.search(store, d.id, "marche", spellings=True)]
    finally:
        store.close()
