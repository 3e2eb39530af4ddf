"""Classes found reading the blind dossiers: paraphrased leads dating the event differently, names with a particle,
clock minutes, transliterations with « tch »."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.align import name_key


def _src(sid: int, text: str, published: dt.date) -> CompareInput:
    return CompareInput(source_id=sid, text=text, published=published, language="fr")


def test_paraphrased_leads_dating_the_event_differently_are_a_date_discrepancy() -> None:
    a = _src(
        1,
        "Le ferry Aurore s'est échoué mardi soir sur les rochers de la pointe de Kervel, au large de Brenic.",
        dt.date(2026, 6, 10),
    )
    b = _src(
        2,
        "Lundi 8 juin au soir, le ferry Aurore, un navire de 90 mètres, s'est planté sur la pointe de Kervel.",
        dt.date(2026, 6, 12),
    )
    c = _src(
        3,
        "Le ferry Aurore a heurté mardi soir les récifs de la pointe de Kervel, près du port de Brenic.",
        dt.date(2026, 6, 10),
    )
    found = [d for d in compare([a, b, c]).discrepancies if d.kind == "date"]
    assert found, "the day of the grounding differs"
    values = {s.source_id: s.value for d in found for s in d.spans}
    assert values[2] == "2026-06-08" and values[1] == "2026-06-09"


def test_a_quote_given_to_a_person_named_with_a_particle() -> None:
    quote = "« Nous avons évité le pire, mais une pollution des plages n'est pas exclue »"
    a = _src(1, f"{quote}, a déclaré le préfet maritime, le vice-amiral Hervé Castaing.", dt.date(2026, 6, 10))
    b = _src(
        2,
        f"{quote}, a déclaré le maire de Brenic, Yannick Le Bihan, qui a fait poser des barrages devant l'anse "
        "de Porz Gwenn.",
        dt.date(2026, 6, 11),
    )
    found = [d for d in compare([a, b]).discrepancies if d.kind == "participant"]
    assert {s.value for d in found for s in d.spans} == {"Hervé Castaing", "Yannick Le Bihan"}


def test_transliterations_with_tch_share_a_key() -> None:
    assert name_key("Kovalchuk") == name_key("Kovaltchouk") == name_key("Kowaltschuk".replace("sch", "ch"))
    assert name_key("Tkachenko") == name_key("Tkatchenko")


def _en(sid: int, text: str) -> CompareInput:
    return CompareInput(source_id=sid, text=text, published=dt.date(2026, 8, 6), language="en")


def test_paraphrase_sharing_only_a_figure_aligns() -> None:
    a = _en(
        1,
        "A wildfire forced the evacuation of 3,200 residents from the hill villages north of Dunmore on "
        "Wednesday, fire officials said. Six water bombers were sent from the coast.",
    )
    b = _en(2, "The fire reached the edge of the pine forest by noon. About 3,200 people had to leave their homes.")
    pairs = {(al.a.exact[:20], al.b.exact[:20]) for al in compare([a, b]).alignments}
    assert ("A wildfire forced th", "About 3,200 people h") in pairs


def test_headline_does_not_meet_a_sentence_sharing_only_topic_words() -> None:
    a = _src(
        1,
        "La Russie et la Chine déterminées à maintenir l'ordre mondial\nLes présidents de la Russie et de la Chine se "
        "sont parlé mercredi pendant une heure. La Russie vend du gaz à la Chine. La Chine achète du blé à la Russie.",
        dt.date(2026, 2, 5),
    )
    b = _src(
        2,
        "La Russie et la Chine se sont parlé par vidéo. Il a ajouté que la Russie et la Chine étaient déterminées à "
        "maintenir le niveau de coopération atteint avec La Havane. La Chine et la Russie votent ensemble.",
        dt.date(2026, 2, 5),
    )
    assert not [al for al in compare([a, b]).alignments if al.a.exact.startswith("La Russie")]


def test_a_title_line_is_read_as_a_headline() -> None:
    from workbench.core.compare.align import is_headline

    assert is_headline("La Russie et la Chine déterminées à maintenir l'ordre mondial")
    assert not is_headline("Il a ajouté qu'ils étaient déterminés à maintenir le niveau de coopération.")
    assert not is_headline("« Nous avons évité le pire »")
