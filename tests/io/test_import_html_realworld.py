"""Web pages as they come: cookie classes, forms around the article, text outside paragraphs, damaged charsets."""

from __future__ import annotations

import pytest

from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers import html as html_importer

P1 = ("Le maire a affirmé lundi que la dette avait baissé de douze pour cent depuis 2020, chiffres à l’appui, "
      "devant le conseil municipal réuni en séance extraordinaire.")
P2 = ("Les comptes publiés l’an dernier par la chambre régionale disent pourtant l’inverse : l’encours atteignait "
      "48,2 millions d’euros fin 2023, contre 41,7 millions trois ans plus tôt.")
P3 = ("« Nous avons investi pour l’avenir », a répondu l’adjoint aux finances, qui conteste la méthode de calcul "
      "retenue par les magistrats financiers et demande une contre-expertise.")


def page(body: str, *, body_attrs: str = "", head: str = '<meta charset="utf-8">') -> str:
    return (f"<!DOCTYPE html><html lang=\"fr\"><head>{head}<title>Le budget dérape | Le Courrier</title></head>"
            f"<body {body_attrs}><nav><a href=\"/\">Accueil</a> <a href=\"/politique\">Politique</a></nav>"
            f"{body}<footer>© Le Courrier — Mentions légales</footer></body></html>")


def article(*paragraphs: str) -> str:
    return "<article><h1>Le budget de la ville dérape</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"


def text_of(html: str, name: str = "page.html", encoding: str = "utf-8") -> str:
    return registry.read_bytes(name, html.encode(encoding, errors="xmlcharrefreplace")).text


def test_a_cookie_word_in_the_body_class_does_not_remove_the_article() -> None:
    html = page(article(P1, P2, P3), body_attrs='class="home cookies-not-set js-enabled" id="cookie-wall-off"')
    text = text_of(html)
    for paragraph in (P1, P2, P3):
        assert paragraph in text


def test_an_article_inside_a_form_is_kept() -> None:
    html = page(f'<form id="aspnetForm" method="post" action="/page.aspx">{article(P1, P2, P3)}'
                '<input type="hidden" name="__VIEWSTATE" value="x"></form>')
    text = text_of(html)
    for paragraph in (P1, P2, P3):
        assert paragraph in text


def test_text_outside_paragraphs_is_kept_in_order() -> None:
    loose1 = ("Ce texte libre suit l’intertitre sans paragraphe : la chambre régionale des comptes conteste les "
              "chiffres du maire depuis trois ans.")
    loose2 = "Une phrase libre après le paragraphe, hors de toute balise, que l’ancien importateur perdait en entier."
    html = page(f"<article><h1>Le budget de la ville dérape</h1><div class=\"content\"><h2>Une dette en hausse</h2>"
                f"{loose1}<p>{P1}</p>{loose2}<p>{P2}</p></div></article>")
    text = text_of(html)
    positions = [text.find(part) for part in ("Une dette en hausse", loose1, P1, loose2, P2)]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    assert f"\n\n{loose2}\n\n" in text  # a paragraph of its own


def test_soft_hyphens_are_not_part_of_the_text() -> None:
    html = page(article(P1.replace("affirmé", "af\u00adfir\u00admé"), P2, P3))
    assert P1 in text_of(html)


def test_declared_charset_with_a_few_bad_bytes_keeps_it_and_warns() -> None:
    html = page(article(P1, P2, P3), head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    data = html.encode("cp1252").replace("contre-expertise".encode("cp1252"), b"contre\x81expertise")
    bundle = registry.read_bytes("page.html", data)
    assert "l’inverse" in bundle.text and "chambre régionale" in bundle.text  # still windows-1252, not MacRoman
    assert "contre\ufffdexpertise" in bundle.text
    assert len(bundle.warnings) == 1 and "windows-1252" in bundle.warnings[0]


def test_declared_utf8_with_one_bad_byte_stays_utf8() -> None:
    data = page(article(P1, P2, P3)).encode("utf-8").replace("séance".encode(), b"s\xe9ance")
    bundle = registry.read_bytes("page.html", data)
    assert "s\ufffdance extraordinaire" in bundle.text and "l’an dernier" in bundle.text
    assert len(bundle.warnings) == 1 and "utf-8" in bundle.warnings[0]


def test_a_declaration_the_bytes_contradict_is_overridden_with_a_warning() -> None:
    data = page(article(P1, P2, P3)).encode("cp1252")  # declares utf-8, every accent is a windows-1252 byte
    bundle = registry.read_bytes("page.html", data)
    assert P2 in bundle.text
    assert any("declared charset (utf-8)" in warning for warning in bundle.warnings)


def test_charset_declared_after_a_long_head_is_found() -> None:
    head = "<script>" + "var x = 1;\n" * 800 + "</script><meta charset=\"windows-1251\">"
    ru = ("Городской совет утвердил новый бюджет на следующий год, сообщил мэр на пресс-конференции в понедельник "
          "утром, и добавил, что расходы на школы вырастут почти на десять процентов.")
    html = page(article(ru, ru.replace("понедельник", "вторник")), head=head)
    assert ru in text_of(html, encoding="cp1251")


def test_page_holding_only_menus_is_still_refused() -> None:
    html = ("<html><body><nav><ul><li><a href='/'>Accueil</a></li><li><a href='/a'>Politique</a></li>"
            "<li><a href='/b'>Sport</a></li></ul></nav><script>alert(1)</script></body></html>")
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("menu.html", html.encode())
    assert info.value.reason == html_importer.NO_ARTICLE


def test_a_page_resaved_as_utf8_under_its_old_label_is_read_as_utf8() -> None:
    html = page(article(P1, P2, P3), head='<meta charset="iso-8859-1">')
    bundle = registry.read_bytes("page.html", html.encode("utf-8"))
    assert P2 in bundle.text and "Ã" not in bundle.text
    assert any("valid UTF-8" in warning for warning in bundle.warnings)


def test_a_page_the_default_settings_miss_is_retried_for_recall(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    real = trafilatura.bare_extraction
    calls: list[bool] = []

    def picky(*args: object, **kwargs: object) -> object:
        calls.append(bool(kwargs.get("favor_recall")))
        return real(*args, **kwargs) if kwargs.get("favor_recall") else None

    monkeypatch.setattr(trafilatura, "bare_extraction", picky)
    assert P2 in text_of(page(article(P1, P2, P3)))
    assert calls == [False, True]


def test_language_of_a_page_without_lang_attribute_is_detected() -> None:
    html = page(article(P1, P2, P3)).replace(' lang="fr"', "")
    assert registry.read_bytes("page.html", html.encode()).language == "fr"
