"""schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import dataclasses
import json

from tests.io.report_fixture import build_model
from workbench.io.exporters import claimreview


def _reviews(model=None) -> list[dict]:
    return json.loads(claimreview.export(model or build_model()))


def test_one_review_per_concluded_claim_with_a_verdict() -> None:
    reviews = _reviews()
    # claim 1 (concluded, misleading) and 3 (concluded, unverifiable); 2 is in review, 4 has no verdict
    assert [r["claimReviewed"] for r in reviews] == [
        "The Seine met bathing standards on 90% of summer days in 2023.",
        "E. coli levels tripled within hours after the storms.",
    ]


def test_required_and_recommended_fields() -> None:
    review = _reviews()[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://verifeau.example/reports/seine-2023#claim-1"
    assert review["author"] == {"@type": "Organization", "name": "Vérif’Eau 💧"}
    assert review["datePublished"] == "2024-03-03"  # when its status became concluded
    assert review["inLanguage"] == "en"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Mairie de Paris"}
    assert item["datePublished"] == "2023-08-03"
    assert [a["url"] for a in item["appearance"]] == [
        "https://quotidien.example/seine-baignade",
        "https://metrowire.example/news/seine?id=42&lang=en",
    ]
    assert all(a["@type"] == "CreativeWork" and a["headline"] for a in item["appearance"])
    assert item["appearance"][0]["author"] == {"@type": "Person", "name": "Hélène Dubois"}
    assert item["firstAppearance"]["url"] == "https://quotidien.example/seine-baignade"
    assert item["firstAppearance"]["datePublished"] == "2023-08-03"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 7,
        "worstRating": 1,
        "alternateName": "Misleading",
    }


def test_unverifiable_has_no_numeric_rating() -> None:
    rating = _reviews()[1]["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_claimant_person_and_french_labels() -> None:
    model = build_model(language="fr")
    claims = list(model.claims)
    claims[1] = dataclasses.replace(claims[1], status="concluded")
    reviews = _reviews(dataclasses.replace(model, claims=tuple(claims)))
    second = next(r for r in reviews if r["claimReviewed"].startswith("Swimming"))
    assert second["itemReviewed"]["author"] == {"@type": "Person", "name": "Anne Martin"}
    assert second["reviewRating"]["alternateName"] == "Plutôt vrai"
    assert second["inLanguage"] == "fr"


def test_no_url_or_author_when_unknown() -> None:
    model = dataclasses.replace(build_model(), publication_url="", organisation="")
    review = _reviews(model)[0]
    assert "url" not in review and "author" not in review


def test_embeddable_in_a_script_element() -> None:
    raw = claimreview.export(build_model()).decode()
    assert "<" not in raw and "&" not in raw
