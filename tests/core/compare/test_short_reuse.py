"""Near-verbatim reuse shorter than 30 words: a quotation or a whole sentence given word for word is reuse."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, compare

QUOTE = "« Nous ne laisserons personne décider à notre place de l'avenir de nos deux pays et de leurs voisins »"
A = (
    "Le ministre a reçu son homologue mardi à Brenna pour une longue séance de travail. "
    f"À l'issue de la rencontre, le ministre a déclaré : {QUOTE}. La prochaine réunion aura lieu en mai."
)
B = (
    "Les deux ministres se sont vus à Brenna, selon la présidence. "
    f"{QUOTE}, a lancé le ministre devant la presse. Aucun accord n'a été signé."
)
SENTENCE = (
    "Le pont de la Vèze, fermé depuis la crue de novembre, rouvrira aux camions le lundi 4 mai après trois mois de "
    "travaux."
)
C = f"La préfecture a tenu une conférence de presse jeudi. {SENTENCE} Les riverains restent inquiets."
D = f"Bonne nouvelle pour les transporteurs de la vallée. {SENTENCE} Le maire s'en félicite."
FORMULA_C = (
    "La commune a voté un plan de rénovation de 4,5 millions d'euros sur trois ans pour les écoles, a dit le maire."
)
FORMULA_D = (
    "Le conseil municipal discutera lundi d'un plan de rénovation de 4,5 millions d'euros sur trois ans pour les "
    "écoles."
)


def _inputs(a: str, b: str) -> list[CompareInput]:
    return [
        CompareInput(source_id=1, text=a, published=dt.date(2026, 4, 2), language="fr"),
        CompareInput(source_id=2, text=b, published=dt.date(2026, 4, 3), language="fr"),
    ]


def test_identical_short_quotation_is_a_common_source() -> None:
    reuse = compare(_inputs(A, B)).reuse
    assert [(r.a.source_id, r.b.source_id, r.relation) for r in reuse] == [(1, 2, "common-source")]
    assert "décider à notre place" in reuse[0].b.exact
    assert len(reuse[0].b.exact.split()) < 30


def test_sentence_given_whole_is_reuse_oriented_by_dates() -> None:
    reuse = compare(_inputs(C, D)).reuse
    assert [(r.a.source_id, r.b.source_id) for r in reuse] == [(1, 2)]
    assert reuse[0].b.exact.startswith("Le pont de la Vèze") and reuse[0].first == 1


def test_shared_formula_inside_different_sentences_is_not_reuse() -> None:
    assert compare(_inputs(FORMULA_C, FORMULA_D)).reuse == ()
