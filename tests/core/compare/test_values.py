"""Value normalisers: numbers, amounts, durations, ordinals, counts, dates (relative ones resolved)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.compare.dates import find_dates, same_at
from workbench.core.compare.quantities import (
    Quantity,
    compatible,
    find_quantities,
    parse_number,
    parse_ordinal,
    words_to_int,
)
from workbench.core.compare.textutil import fold

WED = dt.date(2026, 2, 4)


def quantities(text: str) -> list[tuple[str, float, str, str]]:
    folded = fold(text)
    dates = find_dates(folded, WED)
    return [
        (text[q.start : q.end], q.value, q.unit, q.kind)
        for q in find_quantities(folded, [(d.start, d.end) for d in dates])
    ]


def dates(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.iso) for d in find_dates(fold(text), published)]


def test_fold_keeps_length_and_maps_typography() -> None:
    text = "L’État « Très » “bien” 12\u202f300\u00a0€ — œuvre"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == 'l\'etat " tres " "bien" 12 300 € - œuvre'


@pytest.mark.parametrize(
    ("txt", "value", "step"),
    [
        ("244,8", 244.8, 0.1),
        ("1 200", 1200, 1),
        ("1.200", 1200, 1),
        ("3.5", 3.5, 0.1),
        ("12\u202f300,25", 12300.25, 0.01),
    ],
)
def test_parse_number(txt: str, value: float, step: float) -> None:
    got, got_step = parse_number(txt)
    assert got == pytest.approx(value)
    assert got_step == pytest.approx(step)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("deux", 2),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("quatre-vingt-dix", 90),
        ("deux cent mille", 200_000),
        ("mille deux cents", 1200),
        ("trente-six", 36),
    ],
)
def test_words_to_int(words: str, value: int) -> None:
    assert words_to_int(words) == value


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("sixieme", 6),
        ("premier", 1),
        ("premiere", 1),
        ("cinquieme", 5),
        ("neuvieme", 9),
        ("vingt-et-unieme", 21),
        ("second", 2),
    ],
)
def test_parse_ordinal(word: str, value: int) -> None:
    assert parse_ordinal(word) == value


def test_amount_with_scale_words_and_currency() -> None:
    assert quantities("un accord de 244,8 milliards de dollars")[0][1:3] == (244.8e9, "USD")
    assert quantities("un plan de 12,4 milliards d’euros")[0][1:3] == (12.4e9, "EUR")
    assert quantities("un budget de 3 M€")[0][1:3] == (3e6, "EUR")
    assert quantities("un prêt de 1,2 million d'euros")[0][1:3] == (1.2e6, "EUR")


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("L'échange a duré 1 heure et 25 minutes.", 85),
        ("Il a parlé 1h25.", 85),
        ("Il a parlé 1 h 25.", 85),
        ("une heure et demie de discussion", 90),
        ("pendant 40 minutes", 40),
        ("une demi-heure", 30),
        ("trois quarts d'heure", 45),
        ("deux heures de débat", 120),
    ],
)
def test_durations_in_minutes(text: str, minutes: int) -> None:
    got = [q for q in quantities(text) if q[2] == "min"]
    assert got and got[0][1] == minutes
    assert got[0][3] == "number"


def test_time_of_day_is_not_a_duration() -> None:
    got = quantities("La réunion a commencé à 15 heures et fini vers 16h30.")
    assert [(q[1], q[2], q[3]) for q in got] == [(900, "time", "other"), (990, "time", "other")]


def test_percentages_and_french_decimals() -> None:
    assert quantities("une hausse de 4,5 % des échanges")[0][1:3] == (4.5, "%")
    assert quantities("une baisse de 3 pour cent")[0][1:3] == (3, "%")


def test_counts_and_ordinals_in_words_are_count_kind() -> None:
    got = quantities("Leur sixième conversation, après deux appels et 3 200 emplois.")
    assert ("sixième", 6, "ord:conver", "count") in got
    assert ("deux", 2, "n:appel", "count") in got
    assert ("3 200", 3200, "n:emploi", "number") in got


def test_premier_ministre_is_not_an_ordinal_and_articles_are_not_counts() -> None:
    assert quantities("Le Premier ministre a reçu une délégation.") == []
    assert quantities("Les deux") == []


def test_bare_year_is_not_a_count() -> None:
    assert quantities("Depuis 2024 rien n'a changé.") == []


def test_compatible_tolerates_rounding_and_bounds() -> None:
    def q(value: float, step: float = 1.0, bound: str = "") -> Quantity:
        return Quantity(0, 1, value, "EUR", "amount", step=step, bound=bound)

    assert compatible(q(244.8e9, 1e8), q(245e9, 1e9))
    assert not compatible(q(12.4e9, 1e8), q(14.2e9, 1e8))
    assert compatible(q(3000, bound="min"), q(3200))
    assert not compatible(q(3000, bound="max"), q(3200))
    assert compatible(q(1000, bound="approx"), q(1050))


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("Elle s'est entretenue mardi avec lui.", WED, "2026-02-03"),
        ("Elle s'est entretenue ce mardi avec lui.", dt.date(2026, 2, 3), "2026-02-03"),
        ("Ils se sont parlé lundi.", dt.date(2026, 2, 5), "2026-02-02"),
        ("Il l'a annoncé hier.", WED, "2026-02-03"),
        ("Il l'a annoncé avant-hier.", WED, "2026-02-02"),
        ("Ils se reverront jeudi prochain.", WED, "2026-02-05"),
        ("Il est venu mercredi dernier.", WED, "2026-01-28"),
        ("La réunion du 4 février a été utile.", dt.date(2026, 2, 10), "2026-02-04"),
        ("La réunion du 28 décembre a été utile.", dt.date(2026, 1, 3), "2025-12-28"),
        ("Le 4 février 2026, ils se sont parlé.", None, "2026-02-04"),
        ("Le 1er mars 2025, ils se sont parlé.", None, "2025-03-01"),
        ("Publié le 03/02/2026.", None, "2026-02-03"),
        ("Comme l'an dernier, rien.", WED, "2025"),
        ("Depuis février 2025, rien.", None, "2025-02"),
        ("Il y a trois jours, rien.", WED, "2026-02-01"),
    ],
)
def test_dates_resolved_against_publication(text: str, published: dt.date | None, iso: str) -> None:
    assert iso in [d[1] for d in dates(text, published)]


def test_relative_dates_need_a_publication_date() -> None:
    assert dates("Elle s'est entretenue mardi avec lui.", None) == []


def test_habitual_weekdays_are_not_dates() -> None:
    assert dates("Ils se parlent chaque mardi et tous les jeudis.") == []


def test_same_at_compares_at_common_precision() -> None:
    folded = fold("le 4 février 2025 et en 2025 et le 5 février 2025")
    day, year, other = find_dates(folded, None)
    assert same_at(day, year)
    assert not same_at(day, other)


def test_night_from_one_day_to_the_next_is_the_second_day():
    import datetime as dt

    from workbench.core.compare.dates import find_dates
    from workbench.core.compare.textutil import fold

    tuesday = dt.date(2026, 3, 10)
    text = fold("La rivière est sortie de son lit dans la nuit de lundi à mardi, a indiqué la mairie.")
    values = [d.value for d in find_dates(text, tuesday)]
    assert values == [dt.date(2026, 3, 10)]
    text = fold("Dans la nuit du lundi 9 au mardi 10 mars 2026, la crue a tout emporté.")
    assert [d.value for d in find_dates(text, tuesday)] == [dt.date(2026, 3, 10)]
    # a plain weekday still counts
    assert [d.value for d in find_dates(fold("Le maire a parlé lundi soir."), tuesday)] == [dt.date(2026, 3, 9)]
