"""schema.org ClaimReview JSON-LD, for fact-check search features (Google Fact Check Explorer and the like).

One ``ClaimReview`` per claim that is concluded and has a verdict, as a JSON array (each object carries its own
``@context``), ready to paste into ``<script type="application/ld+json">`` (``<``, ``>``, ``&`` are escaped).

* ``claimReviewed``: the statement; ``reviewBody``: the rationale; ``inLanguage``: the language of the claim (its
  first appearance's source, else the report language), on the review and on the ``Claim``.
* ``itemReviewed``: a ``Claim`` with ``author`` (the claimant: ``Organization`` if it names a source's outlet or looks
  like an institution, else ``Person``), ``datePublished`` (the claim date), ``appearance`` (a ``CreativeWork`` per
  source the claim appears in: url, headline, author, publisher, date) and ``firstAppearance`` (the earliest dated).
* ``reviewRating``: ``Rating`` with ``ratingValue``/``bestRating``/``worstRating`` from the scale and
  ``alternateName`` = verdict label. A verdict whose rating value is 0 (unverifiable) has no place on the numeric
  scale: following Google's guidance the numbers are left out and only ``alternateName`` is given.
* ``author``: the organisation publishing the report, ``Organization`` with ``name`` and ``url`` (and ``logo``);
  ``datePublished``: when the claim was concluded (from its history, else its last update); ``url``: the claim's
  page (the publication URL with ``{claim}`` replaced, or the page + ``#claim-ID``).

Google's fact-check markup rejects a ClaimReview without ``url``, ``claimReviewed``, ``reviewRating.alternateName``
or its publisher: rather than write markup that would be rejected, the export refuses with one line naming what is
missing (:func:`missing`). Claims that are not concluded are drafts: they have no ClaimReview.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.core.enums import Status
from workbench.core.errors import ValidationError
from workbench.core.values import ClaimInfo, SourceInfo
from workbench.io.exporters._common import json_bytes, report_progress
from workbench.io.report import Progress, ReportModel, as_utc, is_web_url, iso_date

CONTEXT = "https://schema.org"

_ORG_WORDS = re.compile(
    r"\b(ministry|minist[eè]re|government|gouvernement|council|conseil|agency|agence|office|party|parti|union|"
    r"association|institut[e]?|university|universit[eé]|commission|committee|comit[eé]|department|d[eé]partement|"
    r"city|ville|mairie|pr[eé]fecture|police|company|soci[eé]t[eé]|group|groupe|inc|ltd|llc|sa|sas|gmbh|news|"
    r"times|journal|press|presse|tv|radio|bank|banque|federation|f[eé]d[eé]ration|foundation|fondation|ngo|ong)\b",
    re.IGNORECASE,
)


def _agent(name: str, model: ReportModel) -> dict[str, Any]:
    outlets = {s.outlet.casefold() for s in model.sources if s.outlet}
    kind = "Organization" if name.casefold() in outlets or _ORG_WORDS.search(name) else "Person"
    return {"@type": kind, "name": name}


def _creative_work(source: SourceInfo) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if is_web_url(source.url):
        work["url"] = source.url
    if source.title:
        work["headline"] = source.title
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
    elif source.outlet:
        work["author"] = {"@type": "Organization", "name": source.outlet}
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.published:
        work["datePublished"] = source.published.isoformat()
    return work


def _concluded_on(model: ReportModel, claim: ClaimInfo) -> str:
    for entry in reversed(model.history_of(claim.id)):
        if entry.field == "status" and entry.after == Status.CONCLUDED.value:
            return as_utc(entry.at).date().isoformat()
    return as_utc(claim.updated_at).date().isoformat()


def claim_language(model: ReportModel, claim: ClaimInfo) -> str:
    """The language the claim was made in: its first appearance's source language, else the report's."""
    for source in model.claim_sources(claim):
        if source.language:
            return source.language
    return model.language


def missing(model: ReportModel) -> list[str]:
    """What the publishable claims lack for Google's ClaimReview (empty: the export can be written)."""
    reviewed = [c for c in model.claims if c.status == Status.CONCLUDED.value and model.verdict_of(c) is not None]
    if not reviewed:
        return []  # an empty array is valid markup
    out = []
    if not model.organisation.strip():
        out.append("the organisation name (workbench setting organisation NAME)")
    if not is_web_url(model.organisation_url):
        out.append("the organisation URL (workbench setting organisation-url URL)")
    if not model.claim_url(reviewed[0]):
        out.append("the publication URL (workbench setting publication-url URL, may hold {claim})")
    for claim in reviewed:
        if not claim.statement.strip():
            out.append(f"the statement of claim {claim.id}")
        if not claim.claimant.strip():
            out.append(f"who made claim {claim.id} (its claimant)")
    return out


def claim_review(model: ReportModel, claim: ClaimInfo) -> dict[str, Any] | None:
    """The ClaimReview object for one claim, or None if it is not concluded with a known verdict."""
    verdict = model.verdict_of(claim)
    if claim.status != Status.CONCLUDED.value or verdict is None:
        return None
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant:
        item["author"] = _agent(claim.claimant, model)
    if claim.claim_date:
        item["datePublished"] = iso_date(claim.claim_date)
    sources = model.claim_sources(claim)
    if sources:
        item["appearance"] = [_creative_work(s) for s in sources]
        dated = [s for s in sources if s.published is not None]
        if dated:
            item["firstAppearance"] = _creative_work(min(dated, key=lambda s: (s.published, s.id)))
    rating: dict[str, Any] = {"@type": "Rating"}
    if verdict.rating_value > 0:
        rating.update(
            ratingValue=verdict.rating_value,
            bestRating=model.dossier.scale.best,
            worstRating=model.dossier.scale.worst,
        )
    rating["alternateName"] = verdict.label(model.language)
    language = claim_language(model, claim)
    item["inLanguage"] = language
    review: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    url = model.claim_url(claim)
    if url:
        review["url"] = url
    review["claimReviewed"] = claim.statement
    review["itemReviewed"] = item
    review["reviewRating"] = rating
    if model.organisation:
        author: dict[str, Any] = {"@type": "Organization", "name": model.organisation}
        if is_web_url(model.organisation_url):
            author["url"] = model.organisation_url
        review["author"] = author
    review["datePublished"] = _concluded_on(model, claim)
    review["inLanguage"] = language
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    return review


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """A JSON array of ClaimReview objects (UTF-8 JSON-LD).

    Raises:
        ValidationError: naming what Google's markup needs and the dossier lacks.
    """
    lacking = missing(model)
    if lacking:
        raise ValidationError("ClaimReview not written: it needs " + "; ".join(lacking))
    reviews = []
    total = len(model.claims)
    report_progress(progress, 0, total)
    for done, claim in enumerate(model.claims, 1):
        review = claim_review(model, claim)
        if review is not None:
            reviews.append(review)
        report_progress(progress, done, total)
    return json_bytes(reviews)
