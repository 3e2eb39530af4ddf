"""Plain-text articles: headline, byline, dateline and credits give title, author, outlet and date."""

from __future__ import annotations

import datetime as dt

from workbench.io import registry
from workbench.io.importers import text_meta

BODY_FR = ("Le conseil municipal a voté mardi soir un budget en hausse de 4 % pour l’année prochaine, malgré les "
           "critiques de l’opposition qui dénonce un endettement jugé excessif par la chambre régionale des comptes.")
BODY_FR2 = ("Selon l’adjoint aux finances, les investissements prévus dans les écoles et les transports justifient "
            "cet effort, que la majorité présente comme temporaire et limité à deux exercices budgétaires au plus.")
BODY_EN = ("The city council voted on Tuesday night for a budget that rises by 4 percent next year, despite "
           "criticism from the opposition, which says the debt has grown beyond what the auditors consider safe.")
BODY_EN2 = ("The deputy in charge of finance said planned investment in schools and transport justified the effort, "
            "which the majority presents as temporary and limited to two budget years at most, officials said.")


def meta(text: str) -> text_meta.TextMeta:
    return text_meta.guess(text)


def test_blog_post_with_site_line_headline_and_french_byline() -> None:
    text = (f"06/02/2026 monblog.substack.com  8min #3040\n\nLe budget de la ville dérape encore\n\n"
            f"Par  Jeanne Martin, le 6 février 2026\n\n{BODY_FR}\n\n{BODY_FR2}\n")
    m = meta(text)
    assert m.title == "Le budget de la ville dérape encore"
    assert m.author == "Jeanne Martin"
    assert m.published == dt.date(2026, 2, 6)
    assert m.outlet == "monblog.substack.com"


def test_menu_caption_and_empty_published_line_are_skipped() -> None:
    text = ("Newsletter Newsletters Events Évènements Podcasts Vidéos\nSuivez-nous\nPublicité\n\n"
            "Le budget de la ville \"parfaitement\" maîtrisé selon le maire\n"
            "Le maire présente son budget à l’hôtel de ville, mardi 3 mars 2026. Tous droits réservés AP Photo/X\n"
            f"Par Malek Durand\nPublié le\nPartager\n\n{BODY_FR}\n\n{BODY_FR2}\n")
    m = meta(text)
    assert m.title == "Le budget de la ville \"parfaitement\" maîtrisé selon le maire"
    assert m.author == "Malek Durand"


def test_wire_dateline_gives_agency_and_date_and_is_not_the_title() -> None:
    text = (f"La ville vote un budget en hausse\n\nPARIS, 4 févr. 2026 (AFP) - {BODY_FR}\n\n{BODY_FR2}\n\n"
            "Une dette en hausse\n\n" + BODY_FR2 + "\n")
    m = meta(text)
    assert m.title == "La ville vote un budget en hausse"
    assert (m.author, m.outlet, m.published) == ("AFP", "AFP", dt.date(2026, 2, 4))


def test_english_wire_dateline_without_year_takes_the_year_of_the_text() -> None:
    text = (f"Council passes budget despite debt warning\n\nLONDON, Feb 4 (Reuters) - {BODY_EN} The vote "
            f"followed the audit of January 12, 2026.\n\n{BODY_EN2}\n")
    m = meta(text)
    assert m.title == "Council passes budget despite debt warning"
    assert (m.outlet, m.published) == ("Reuters", dt.date(2026, 2, 4))


def test_english_byline_with_two_authors_and_month_first_date() -> None:
    text = f"Council passes budget despite debt warning\nBy Jane Doe and John Smith, February 6, 2026\n\n{BODY_EN}\n"
    m = meta(text)
    assert m.author == "Jane Doe and John Smith"
    assert m.published == dt.date(2026, 2, 6)


def test_a_long_first_line_gives_its_first_sentence_and_a_crosshead_is_never_the_title() -> None:
    text = (f"Le maire défend son budget et promet de réduire la dette d’ici 2028. {BODY_FR} {BODY_FR2}\n"
            f"Par Wang Li 22 janv. 2025\n{BODY_FR2}\nUne dette en hausse\n{BODY_FR}\n")
    m = meta(text)
    assert m.title == "Le maire défend son budget et promet de réduire la dette d’ici 2028"
    assert (m.author, m.published) == ("Wang Li", dt.date(2025, 1, 22))


def test_scraped_date_prefix_and_agency_credit_line() -> None:
    text = (" date 2026-02-04 Le maire a défendu mercredi un budget «équilibré» devant le conseil. " + BODY_FR
            + "\n\nAFP Agence France-Presse\n\n" + BODY_FR2 + "\n\nUn accord sur la dette?\n\n" + BODY_FR + "\n")
    m = meta(text)
    assert m.title == "Le maire a défendu mercredi un budget «équilibré» devant le conseil"
    assert (m.author, m.outlet, m.published) == ("AFP", "AFP", dt.date(2026, 2, 4))


def test_quote_is_not_a_title_and_the_lead_after_the_dateline_stands_in() -> None:
    text = (f"{BODY_FR2} (note et traduction de Marie Curie pour lesitedemarie)\n"
            "« Nous ne céderons rien », a déclaré le ministre.\n"
            "4 février 2026\n"
            f"{BODY_FR}\n{BODY_FR2}\n"
            "Auteur : Radio Sud – cc – JDO\n")
    m = meta(text)
    assert m.title.startswith("Le conseil municipal a voté mardi soir un budget en hausse")
    assert m.title.endswith("…") and len(m.title) <= text_meta.LEAD_TITLE_CHARS + 1
    assert (m.author, m.outlet, m.published) == ("Radio Sud", "lesitedemarie", dt.date(2026, 2, 4))


def test_the_text_importer_stores_them() -> None:
    text = f"Le budget de la ville dérape encore\nPar Jeanne Martin, le 6 février 2026\n\n{BODY_FR}\n"
    bundle = registry.read_bytes("article.txt", text.encode("utf-8"))
    assert (bundle.title, bundle.author, bundle.published) == (
        "Le budget de la ville dérape encore", "Jeanne Martin", dt.date(2026, 2, 6))
    assert bundle.language == "fr"


def test_a_sentence_opening_with_by_is_not_a_byline_and_a_dateline_is_not_the_title() -> None:
    text = (f"By Monday, the council had voted the budget and the mayor had left for the regional assembly.\n\n"
            f"LONDON, Feb 4 (Reuters) - {BODY_EN} It was the third vote since March 3, 2025.\n\n{BODY_EN2}\n")
    m = meta(text)
    assert m.author == "Reuters"
    assert not m.title.startswith(("LONDON", "By Monday"))
    assert m.title.startswith("The city council voted on Tuesday night")


def test_publication_lines_are_not_titles() -> None:
    text = (f"Publié le 6 février 2026 à 08h15, modifié le 7 février\n\nLe budget de la ville dérape encore\n\n"
            f"{BODY_FR}\n")
    m = meta(text)
    assert m.title == "Le budget de la ville dérape encore"
    assert m.published == dt.date(2026, 2, 6)


def test_agency_named_in_the_byline_is_the_outlet() -> None:
    m = meta(f"Council passes budget despite debt warning\nBy Jane Doe | Reuters\n\n{BODY_EN}\n")
    assert (m.author, m.outlet) == ("Jane Doe", "Reuters")
