"""schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.io.report_fixture import build_model
from workbench.core.errors import ValidationError
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
    assert review["author"] == {"@type": "Organization", "name": "Vérif’Eau 💧", "url": "https://verifeau.example"}
    assert review["datePublished"] == "2024-03-03"  # when its status became concluded
    assert review["inLanguage"] == "fr"  # the claim's language (its first appearance is in French), not the export's
    assert review["itemReviewed"]["inLanguage"] == "fr"
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


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"publication_url": ""}, "publication URL"),
        ({"publication_url": "javascript:alert(1)"}, "publication URL"),
        ({"organisation": ""}, "organisation name"),
        ({"organisation_url": ""}, "organisation URL"),
    ],
)
def test_refuses_rather_than_write_markup_google_rejects(change: dict, named: str) -> None:
    model = dataclasses.replace(build_model(), **change)
    with pytest.raises(ValidationError) as err:
        claimreview.export(model)
    assert named in str(err.value) and "\n" not in str(err.value)


def test_a_claim_without_claimant_is_named() -> None:
    model = build_model()
    claims = (dataclasses.replace(model.claims[0], claimant=""), *model.claims[1:])
    with pytest.raises(ValidationError, match="claim 1"):
        claimreview.export(dataclasses.replace(model, claims=claims))


def test_url_pattern_per_claim() -> None:
    model = dataclasses.replace(build_model(), publication_url="https://verifeau.example/fc/{claim}.html")
    assert [r["url"] for r in _reviews(model)] == ["https://verifeau.example/fc/1.html", "https://verifeau.example/fc/3.html"]


def test_embeddable_in_a_script_element() -> None:
    raw = claimreview.export(build_model()).decode()
    assert "<" not in raw and "&" not in raw
