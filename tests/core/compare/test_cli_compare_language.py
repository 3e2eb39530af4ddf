"""``compare --json`` keeps its keys and adds the reuse relation; ``--language fr`` writes the notes in French."""

from __future__ import annotations

import json

from workbench.cli import main

A = "Mercredi, la crue a obligé les autorités à évacuer 1 200 habitants des quartiers bas de Saint-Aubin.\n"
B = "Mercredi, la rivière est sortie de son lit et 2 100 habitants ont été évacués à Saint-Aubin.\n"


def test_compare_json_keys_and_french_notes(tmp_path, capsys) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "init"]) == 0
    for name, text, day in (("a.txt", A, "2026-03-11"), ("b.txt", B, "2026-03-12")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["--db", db, "import", str(path), "--published", day, "--language", "fr"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "compare", "--json", "--language", "fr"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"event_date", "alignments", "discrepancies", "sources", "reuse"}
    assert data["discrepancies"] and data["discrepancies"][0]["note"].startswith("Les chiffres diffèrent")
    assert {"a", "b", "score", "relation", "anchors"} <= set(data["alignments"][0])
    assert main(["--db", db, "compare", "--json"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert english["discrepancies"][0]["note"].startswith("Figures differ")


def test_triage_text_writes_its_reasons_in_french_and_json_keeps_the_keys(tmp_path, capsys) -> None:
    db = str(tmp_path / "t.db")
    assert main(["--db", db, "init"]) == 0
    path = tmp_path / "a.txt"
    path.write_text(A, encoding="utf-8")
    assert main(["--db", db, "import", str(path), "--published", "2026-03-12", "--language", "fr"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "triage", "--language", "fr"]) == 0
    out = capsys.readouterr().out
    assert "chiffre" in out and "number" not in out
    assert main(["--db", db, "triage", "--json", "--language", "fr"]) == 0
    assert "number" in json.loads(capsys.readouterr().out)[0]["reasons"]
