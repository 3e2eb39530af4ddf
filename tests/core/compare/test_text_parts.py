"""Sentence splitting, boilerplate lines, quote wording diff, persons."""

from __future__ import annotations

from workbench.core.compare.boilerplate import find_boilerplate
from workbench.core.compare.persons import PersonIndex
from workbench.core.compare.quotes import find_quotes, match_quotes
from workbench.core.compare.textutil import fold, split_lines, split_sentences


def sentences(text: str) -> list[str]:
    folded = fold(text)
    return [text[s.start : s.end] for ln in split_lines(text) for s in split_sentences(text, folded, ln)]


def boilerplate(text: str) -> dict[str, str]:
    lines = split_lines(text)
    found = find_boilerplate(text, fold(text), lines)
    return {text[lines[i].start : lines[i].end]: why for i, why in found.items()}


def test_sentences_respect_abbreviations_and_quotes() -> None:
    text = "M. Vasek est arrivé. « Nous avons fini. » Puis J. Dupont a parlé de 3.5 km. Fin !\nSecond paragraphe"
    assert sentences(text) == [
        "M. Vasek est arrivé.",
        "« Nous avons fini. »",
        "Puis J. Dupont a parlé de 3.5 km.",
        "Fin !",
        "Second paragraphe",
    ]


def test_boilerplate_kinds() -> None:
    text = "\n".join(
        [
            "Accueil | Politique | International | Économie",
            "Le président a parlé mardi devant les députés.",
            "Photo : le président à la tribune. © AFP",
            "À lire aussi : la réforme en débat",
            "Read also: the reform",
            "Partager : Facebook Twitter E-mail",
            "Publié le 3 février 2026 à 19h42",
            "© Le Journal 2026 – Tous droits réservés",
            "Le texte sera voté en mars, selon le gouvernement.",
            "Commentaires (3)",
            "Paul75 : c'est une honte",
            "Je suis d'accord avec ce texte, il est clair.",
        ]
    )
    found = boilerplate(text)
    assert found["Accueil | Politique | International | Économie"] == "menu"
    assert found["Photo : le président à la tribune. © AFP"] in ("caption", "copyright")
    assert found["À lire aussi : la réforme en débat"] == "read-also"
    assert found["Read also: the reform"] == "read-also"
    assert found["Partager : Facebook Twitter E-mail"] == "share"
    assert found["Publié le 3 février 2026 à 19h42"] == "timestamp"
    assert found["© Le Journal 2026 – Tous droits réservés"] == "copyright"
    assert found["Paul75 : c'est une honte"] == "comment"
    assert found["Je suis d'accord avec ce texte, il est clair."] == "comment"
    assert "Le président a parlé mardi devant les députés." not in found
    assert "Le texte sera voté en mars, selon le gouvernement." not in found


def test_repeated_caption_is_boilerplate_but_single_lines_are_not() -> None:
    text = "La ministre, à Paris.\nElle a annoncé un plan de relance pour les régions.\nLa ministre, à Paris.\n"
    found = find_boilerplate(text, fold(text), split_lines(text))
    assert found == {0: "repeated", 2: "repeated"}


def _match(a: str, b: str) -> list[str]:
    quotes = find_quotes(0, a, fold(a), [(0, len(a))]) + find_quotes(1, b, fold(b), [(0, len(b))])
    return [m.diff for m in match_quotes(quotes, [a, b])]


def test_quote_wording_diff() -> None:
    diffs = _match(
        "« Nous avons ouvert une porte qui ne se refermera pas », a-t-elle dit.",
        "“Nous avons ouvert une porte qui ne doit plus se refermer”, a-t-elle dit.",
    )
    assert diffs == ["Nous avons ouvert une porte qui ne {+doit plus+} se [-refermera pas-] {+refermer+}"]


def test_quote_typography_case_and_fragments_are_not_differences() -> None:
    assert _match("« Nous l’avons FAIT, ensemble. »", '"nous l\'avons fait ensemble"') == [""]
    assert _match(
        "« Nous avons ouvert une porte qui ne se refermera pas »", "« une porte qui ne se refermera pas »"
    ) == [""]


def test_unrelated_quotes_do_not_match() -> None:
    assert _match("« Nous avons ouvert une porte aujourd'hui »", "« La confiance se construit pas à pas »") == []


def test_persons_from_titles_and_full_names() -> None:
    text = (
        "La présidente Hélène Marchal a reçu le chancelier Ekdal à la Maison Blanche. "
        "Selon Marchal, Nations Unies et Paris ont salué l'accord."
    )
    index = PersonIndex()
    folded = fold(text)
    index.learn(text, folded, [(0, len(text))])
    names = [(text[m.start : m.end], m.name) for m in index.mentions(text, folded, 0, len(text))]
    assert names == [("Hélène Marchal", "Hélène Marchal"), ("Ekdal", "Ekdal"), ("Marchal", "Hélène Marchal")]


def test_caption_with_its_credit_glued_and_its_bare_twin_are_boilerplate() -> None:
    caption = "Le maire inaugure la passerelle au-dessus de la Meuse, à Namur, mardi 3 mars 2026."
    text = "\n".join(
        [
            "Namur inaugure sa passerelle",
            caption,  # the image's alt text, then its figcaption with the credit glued after it
            caption + " Tous droits réservés AP Photo/Jean Martin",
            "La passerelle a coûté 12 millions d'euros, a déclaré le maire mardi devant la presse.",
            "Le chantier a duré deux ans. © AFP",  # a wire paragraph signed by its agency: reporting, kept
            "Les travaux ont été payés par la région, selon le maire. Photo : la passerelle de nuit",
        ]
    )
    found = boilerplate(text)
    assert found[caption] == "caption"
    assert found[caption + " Tous droits réservés AP Photo/Jean Martin"] in ("caption", "copyright")
    assert "La passerelle a coûté 12 millions d'euros, a déclaré le maire mardi devant la presse." not in found
    assert found.get("Le chantier a duré deux ans. © AFP") != "caption"
    # a credit glued after one paragraph alone does not hide the paragraph (its credit sentence is left out later)
    assert "Les travaux ont été payés par la région, selon le maire. Photo : la passerelle de nuit" not in found
