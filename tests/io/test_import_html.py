"""HTML importer: the article only, in order, with the page's metadata and charset."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers import html as html_importer

ARTICLE_FR = [
    "Le maire a affirmé lundi que « la dette a baissé de 12 % depuis 2020 ».",
    "Les comptes publiés l’an dernier disent pourtant l’inverse.",
    "Selon la chambre régionale des comptes, l’encours atteignait 48,2 millions d’euros fin 2023, "
    "contre 41,7 millions trois ans plus tôt.",
    "« Nous avons investi pour l’avenir », a répondu l’adjoint aux finances, qui conteste la méthode de calcul.",
    "L’opposition réclame un audit indépendant avant le vote du budget, prévu le 2 avril.",
]

BOILERPLATE = [
    "Accueil",
    "Nous utilisons des cookies",
    "Accepter",
    "À lire aussi",
    "Les impôts locaux augmentent",
    "Mentions légales",
    "script text",
    "color:red",
    "iframe text",
    "alert(",
    "S’abonner à la newsletter",
]


def page_fr(charset: str = "utf-8", declare: bool = True) -> str:
    meta = f'<meta charset="{charset}">' if declare else ""
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head>{meta}
<title>Le budget de la ville dérape | Le Courrier du Sud</title>
<meta property="og:title" content="Le budget de la ville dérape">
<meta property="og:site_name" content="Le Courrier du Sud">
<meta name="author" content="Marie Lefèvre">
<meta property="article:published_time" content="2024-03-14T08:30:00+01:00">
<link rel="canonical" href="https://courrier-du-sud.example/politique/budget-ville">
<style>body {{ color:red }}</style>
<script>var banner = "script text"; document.title = "x";</script>
</head>
<body onload="track('script text')">
<nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">Nous utilisons des cookies pour mesurer l’audience.
<button onclick="alert('ok')">Accepter</button></div>
<main><article>
<h1>Le budget de la ville dérape</h1>
<p class="byline">Par Marie Lefèvre, le 14 mars 2024</p>
<p>{ARTICLE_FR[0]} {ARTICLE_FR[1]}</p>
<p>{ARTICLE_FR[2]}</p>
<iframe src="https://ads.example/frame">iframe text</iframe>
<h2>Une dette en hausse</h2>
<p>{ARTICLE_FR[3]}</p>
<p>{ARTICLE_FR[4]}</p>
</article></main>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/a">Les impôts locaux augmentent</a></li>
<li><a href="/b">Le tramway coûtera plus cher</a></li></ul></aside>
<div class="newsletter"><a href="/nl">S’abonner à la newsletter</a></div>
<footer><p>© 2024 Le Courrier du Sud — <a href="/legal">Mentions légales</a></p></footer>
</body></html>"""


def test_article_text_sentences_in_order_without_boilerplate() -> None:
    data = page_fr().encode("utf-8")
    bundle = registry.read_bytes("budget.html", data)
    assert bundle.kind == "html"
    assert bundle.original == data
    text = bundle.text
    positions = [text.find(sentence) for sentence in ARTICLE_FR]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    for junk in BOILERPLATE:
        assert junk not in text, junk
    # paragraph breaks are blank lines; a sentence never straddles one
    assert f"{ARTICLE_FR[1]}\n\n{ARTICLE_FR[2]}" in text
    assert "\n\n" + ARTICLE_FR[3] in text


def test_metadata() -> None:
    bundle = registry.read_bytes("budget.htm", page_fr().encode("utf-8"))
    assert bundle.title == "Le budget de la ville dérape"
    assert bundle.author == "Marie Lefèvre"
    assert bundle.published == dt.date(2024, 3, 14)
    assert bundle.outlet == "Le Courrier du Sud"
    assert bundle.url == "https://courrier-du-sud.example/politique/budget-ville"
    assert bundle.language == "fr-FR"


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "iso-8859-15"])
def test_declared_legacy_charset(charset: str) -> None:
    def plain(s: str) -> str:  # ISO-8859-15 has no typographic apostrophe nor em dash
        return s.replace("’", "'").replace("—", "-") if charset == "iso-8859-15" else s

    data = plain(page_fr(charset)).encode("cp1252" if charset != "iso-8859-15" else "iso-8859-15")
    bundle = registry.read_bytes("budget.html", data)
    for sentence in ARTICLE_FR:
        assert plain(sentence) in bundle.text
    assert "€" not in bundle.text and "é" in bundle.text


def test_undeclared_cp1252_is_detected() -> None:
    data = page_fr(declare=False).encode("cp1252")
    bundle = registry.read_bytes("budget.html", data)
    assert ARTICLE_FR[2] in bundle.text
    assert "’" in bundle.text


def test_utf8_bom_and_utf16() -> None:
    page = page_fr(declare=False)
    assert ARTICLE_FR[3] in registry.read_bytes("a.html", b"\xef\xbb\xbf" + page.encode("utf-8")).text
    assert ARTICLE_FR[3] in registry.read_bytes("b.html", page.encode("utf-16")).text


def test_english_page_og_locale_lists_and_emoji() -> None:
    sentences = [
        "The senator said the bridge “was finished on time and under budget.”",
        "State records show the contractor’s final invoice arrived 14 months late. 🚧",
        "A spokesperson didn’t respond to three requests for comment.",
    ]
    page = f"""<html><head><meta charset="utf-8"><meta property="og:locale" content="en_US">
<title>Bridge claims don’t add up</title><meta property="og:site_name" content="The Ledger">
<meta name="author" content="Sam O’Neill"><meta name="date" content="2023-11-02"></head><body>
<header><a href="/">Home</a> <a href="/subscribe">Subscribe</a></header>
<article><h1>Bridge claims don’t add up</h1><p>{sentences[0]}</p><p>{sentences[1]}</p>
<ol><li>Original budget: $12 million.</li><li>Final cost: $19.4 million.</li></ol>
<p>{sentences[2]}</p>
<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2021</td><td>$12.0m</td></tr><tr><td>2023</td><td>$19.4m</td></tr></table>
</article><footer>Copyright The Ledger. All rights reserved.</footer></body></html>"""
    bundle = registry.read_bytes("bridge.xhtml", page.encode("utf-8"))
    for sentence in sentences:
        assert sentence in bundle.text
    assert "1. Original budget: $12 million.\n2. Final cost: $19.4 million." in bundle.text
    assert "2023 | $19.4m" in bundle.text
    assert "Subscribe" not in bundle.text and "All rights reserved" not in bundle.text
    assert bundle.language == "en-US"
    assert bundle.author == "Sam O’Neill"
    assert bundle.published == dt.date(2023, 11, 2)
    assert bundle.outlet == "The Ledger"


def test_page_without_article_is_refused() -> None:
    page = """<html><head><script>var a = 1;</script><style>p{}</style></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></nav>
<script>document.write("hello")</script></body></html>"""
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("empty.html", page.encode())
    assert str(info.value) == f"empty.html: {html_importer.NO_ARTICLE}"


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<blockquote>\n“We never met the delegation on Tuesday”, the minister said, “and the photograph that is "
         "circulating online was taken in 2019, in another city.”\n</blockquote>\n",
         "“We never met the delegation on Tuesday”, the minister said"),
        ("<table>\n<tr><th>Year</th><th>Budget</th></tr>\n<tr><td>2024</td><td>1.2 billion</td></tr>\n</table>\n",
         "1.2 billion"),
    ],
    ids=["quote", "table"],
)
def test_a_saved_fragment_without_body_is_read_not_refused(fragment: str, expected: str) -> None:
    """An element saved alone (no <html>, no <body>): trafilatura finds nothing in it unless it is given a body."""
    bundle = registry.read_bytes("fragment.html", fragment.encode("utf-8"))
    assert expected in bundle.text


def test_an_xml_feed_is_still_refused() -> None:
    """An RSS feed saved as .html is a list of links, not an article: the fragment retry leaves it alone."""
    feed = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Latest news</title>'
            "<link>https://example.org/</link><description>Headlines of the day from the newsroom</description>"
            "<item><title>Council approves the budget</title><link>https://example.org/a</link></item>"
            "</channel></rss>\n")
    with pytest.raises(ImportFailure):
        registry.read_bytes("feed.html", feed.encode("utf-8"))
