"""Round trips of what publishing needs: claim fields through Web Annotations, settings through the dossier JSON."""

from __future__ import annotations

import json

from tests.cli.helpers import run
from workbench.cli import main

TEXT = "Titre\n\nLa préfecture annonce 1 200 évacués 🌊. Le maire parle de « 2 100 personnes ».\n"


def test_annotations_keep_every_claim_field(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "article.txt"
    src.write_text(TEXT, encoding="utf-8")
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    run(capsys, "--db", a, "import", str(src), "--url", "https://example.org/article")
    cid = run(capsys, "--db", a, "claim", "add", "1", "--quote", "1 200 évacués", "--verdict", "misleading",
              "--status", "in-review", "--claimant", "La préfecture", "--claim-date", "2026-03-03",
              "--rationale", "Premier paragraphe.\n\nSecond.").strip()
    run(capsys, "--db", a, "claim", "cite", cid, "--stance", "context", "--url", "https://example.org/rapport",
        "--title", "Rapport", "--publisher", "Préfecture", "--published", "2026-03-04",
        "--archive-url", "https://archive.example/rapport", "--note", "Chiffres officiels")
    out = tmp_path / "notes.annotations.jsonld"
    run(capsys, "--db", a, "export", "--format", "annotations", "--out", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"  # still a plain W3C document
    ann = doc["first"]["items"][0]
    assert ann["type"] == "Annotation" and ann["id"].startswith("urn:uuid:")
    ext = ann["https://w3id.org/workbench/ns#claim"]
    assert ext["status"] == "in-review" and ext["claimant"] == "La préfecture"

    run(capsys, "--db", b, "import", str(src), "--url", "https://example.org/article")
    run(capsys, "--db", b, "import", str(out))
    original = json.loads(run(capsys, "--db", a, "claims", "--json"))[0]
    restored = json.loads(run(capsys, "--db", b, "claims", "--json"))[0]
    for key in ("statement", "status", "verdict", "claimant", "claim_date", "rationale"):
        assert restored[key] == original[key], key
    refs = [e for e in restored["evidence"] if e.get("url")]
    assert refs and refs[0]["url"] == "https://example.org/rapport" and refs[0]["title"] == "Rapport"
    assert refs[0]["publisher"] == "Préfecture" and refs[0]["published"] == "2026-03-04"
    assert refs[0]["note"] == "Chiffres officiels"
    from workbench.services import claims
    from workbench.services.store import Store

    store = Store.open(b, "tester")
    try:
        ref = next(e for e in claims.get(store, restored["id"]).evidence if e.span is None)
    finally:
        store.close()
    assert ref.archive_url == "https://archive.example/rapport"


def test_dossier_json_restores_organisation_and_publication_settings(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    assert main(["--db", a, "init", "--demo"]) == 0
    for key, value in (("organisation", "Les Vérificateurs"), ("organisation-url", "https://verif.example"),
                       ("publication-url", "https://verif.example/fc/{claim}")):
        run(capsys, "--db", a, "setting", key, value)
    run(capsys, "--db", a, "--user", "mdupont", "setting", "user-name", "Marie Dupont")
    out = tmp_path / "d.json"
    run(capsys, "--db", a, "export", "--format", "json", "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["publication"]["publication-url"].endswith("{claim}")
    assert main(["--db", b, "init"]) == 0
    run(capsys, "--db", b, "import", str(out))
    assert run(capsys, "--db", b, "setting", "organisation").strip() == "Les Vérificateurs"
    assert run(capsys, "--db", b, "setting", "organisation-url").strip() == "https://verif.example"
    assert run(capsys, "--db", b, "setting", "publication-url").strip() == "https://verif.example/fc/{claim}"
    assert run(capsys, "--db", b, "--user", "mdupont", "setting", "user-name").strip() == "Marie Dupont"
    # and ClaimReview can be written from the restored dossier with no further setting
    run(capsys, "--db", b, "export", "--format", "claimreview", "--out", str(tmp_path / "cr.json"))


def test_french_selection_line_and_drafts_option(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "d.sqlite")
    assert main(["--db", db, "init", "--demo"]) == 0
    claims = json.loads(run(capsys, "--db", db, "claims", "--json"))
    verdict = next(c["verdict"] for c in claims if c["verdict"])
    out = tmp_path / "r.md"
    run(capsys, "--db", db, "export", "--format", "md", "--language", "fr", "--verdict", verdict, "--out", str(out))
    text = out.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("- **Sélection**"))
    assert f"verdict : {verdict}" not in line and "verdict : " in line  # the label, not the key
    drafts = [c for c in claims if c["status"] != "concluded"]
    full = tmp_path / "all.md"
    run(capsys, "--db", db, "export", "--format", "md", "--language", "fr", "--out", str(full), "--include-drafts")
    if drafts:
        assert "sont comptés dans le graphique" in full.read_text(encoding="utf-8")
