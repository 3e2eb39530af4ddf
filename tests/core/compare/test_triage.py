"""Claim triage: check-worthy sentences first, with reasons; opinion, speculation, questions and captions last."""

from __future__ import annotations

import datetime as dt
import json

from workbench.cli import main
from workbench.core.compare import CompareInput
from workbench.core.compare.triage import top_per_source, triage

FR_TEXT = (
    "Le ministre Paul Arnaud a annoncé mardi que le chômage avait baissé de 2,4 % en un an.\n"
    "Je pense que c'est une magnifique nouvelle pour le pays.\n"
    "Le gouvernement pourrait peut-être annoncer d'autres mesures.\n"
    "Faut-il s'en réjouir ?\n"
    "« Nous avons créé 120 000 emplois », a déclaré Paul Arnaud.\n"
    "Photo : Jean Dupuis / AFP\n"
    "La baisse s'explique en raison de la reprise du bâtiment, selon l'Insee.\n"
)
EN_TEXT = (
    "Minister Paul Arnaud said on Tuesday that unemployment fell by 2.4% in a year.\n"
    "I think this is wonderful news for the country.\n"
    "The government could perhaps announce more measures.\n"
    "Should we be glad?\n"
    '"We created 120,000 jobs," Paul Arnaud said.\n'
)
DAY = dt.date(2026, 3, 3)


def _rank(text: str, lang: str) -> list[str]:
    items = triage([CompareInput(1, text, DAY, language=lang)])
    return [it.exact for it in items]


def test_french_claims_come_before_opinion_speculation_questions_and_captions() -> None:
    items = triage([CompareInput(1, FR_TEXT, DAY, language="fr")])
    first = {it.exact[:20] for it in items[:3]}
    assert first == {"Le ministre Paul Arn", "« Nous avons créé 12", "La baisse s'explique"}
    by_start = {it.exact[:12]: it for it in items}
    assert by_start["Je pense que"].score < 0.2 and "opinion" in by_start["Je pense que"].reasons
    assert "speculation" in by_start["Le gouvernem"].reasons
    assert by_start["Faut-il s'en"].score == 0.0 and "question" in by_start["Faut-il s'en"].reasons
    assert by_start["Photo : Jean"].reasons == ("boilerplate",) and by_start["Photo : Jean"].score == 0.0
    assert "attributed quote" in by_start["« Nous avons"].reasons
    assert "causal claim" in by_start["La baisse s'"].reasons
    assert {"number", "date", "named entity"} <= set(by_start["Le ministre "].reasons)
    for it in items:
        assert FR_TEXT[it.start : it.end] == it.exact


def test_english_source_is_read_with_english_rules() -> None:
    ranked = _rank(EN_TEXT, "en")
    assert set(ranked[:2]) == {EN_TEXT.splitlines()[0], EN_TEXT.splitlines()[4]}
    items = {it.exact[:8]: it for it in triage([CompareInput(1, EN_TEXT, DAY, language="en")])}
    assert "opinion" in items["I think "].reasons
    assert "speculation" in items["The gove"].reasons
    assert "question" in items["Should w"].reasons


def test_top_per_source_keeps_each_sources_best() -> None:
    items = triage([CompareInput(1, FR_TEXT, DAY, language="fr"), CompareInput(2, EN_TEXT, DAY, language="en")])
    top = top_per_source(items, 1)
    assert [it.source_id for it in top] == sorted({1, 2}, key=lambda s: [i.source_id for i in items].index(s))
    assert all(it.score > 0 for it in top)


def test_cli_triage_json_contract(tmp_path, capsys) -> None:
    db = str(tmp_path / "t.db")
    src = tmp_path / "a.txt"
    src.write_text(FR_TEXT, encoding="utf-8")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "import", str(src), "--language", "fr"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "triage", "--top", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 2
    assert set(data[0]) == {"source_id", "start", "end", "exact", "score", "reasons"}
    assert data[0]["score"] >= data[1]["score"]
    assert main(["--db", db, "triage", "42"]) == 1
    assert "no source with id 42" in capsys.readouterr().err
