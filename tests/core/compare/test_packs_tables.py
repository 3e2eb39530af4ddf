"""The older detectors read their words from the language packs (adding a language means adding a pack)."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import dates, negation, quantities, speakers
from workbench.core.compare.lang import PACKS


def test_date_reader_knows_every_packs_months_weekdays_and_qualifiers() -> None:
    for pack in PACKS.values():
        for k, month in enumerate(pack.months):
            assert dates.MONTHS[month] == k + 1
        for k, day in enumerate(pack.weekdays):
            assert dates.WEEKDAYS[day] == k
    found = dates.find_dates("la reunion de mardi dernier", dt.date(2026, 3, 12))
    assert any(m.value == dt.date(2026, 3, 10) for m in found)


def test_figures_negation_and_speakers_read_the_packs() -> None:
    fr = PACKS["fr"]
    assert quantities.NUMBER_WORDS["quatorze"] == fr.cardinals["quatorze"] == 14
    assert quantities._ORDINAL_STEMS["sixieme"] == 6
    assert fr.auxiliaries[0] <= negation._AUX_SING and fr.auxiliaries[1] <= negation._AUX_PLUR
    assert all(role in speakers.ROLES.split("|") for role in fr.speaker_roles)
