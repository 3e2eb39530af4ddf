"""A French report with discrepancies prints the engine's French note; a note in another language is not printed."""

from __future__ import annotations

import dataclasses

from tests.io.report_fixture import build_model
from workbench.io.exporters import EXPORTERS

FRENCH_NOTE = "La Ville donne 90 % de jours conformes, l’agence de l’eau 63 %."


def _with_note(note: str, **extra: str) -> bytes:
    model = build_model(language="fr")
    first = dict(model.discrepancies[0])
    first.update(note=note, **extra)
    return EXPORTERS["md"].export(dataclasses.replace(model, discrepancies=(first,)))


def test_french_note_written_by_the_engine_is_printed() -> None:
    text = _with_note(FRENCH_NOTE, note_language="fr").decode()
    assert "90 % de jours conformes" in text


def test_note_in_another_language_gets_the_generic_french_note() -> None:
    text = _with_note("The city and the agency disagree.").decode()
    assert "The city and the agency disagree" not in text
    text = _with_note("The city and the agency disagree.", note_language="en").decode()
    assert "The city and the agency disagree" not in text


def test_source_and_reuse_lines_are_written_in_the_asked_language():
    from workbench.core.compare.notes import engine_line

    recycled = ("reports an event of 2025-01-21, published 2025-01-22: 379 days before the dossier's event "
                "(2026-02-04); proposed verdict: out-of-context; 5 boilerplate lines")
    assert engine_line(recycled, "fr") == (
        "rapporte un événement du 2025-01-21, publié le 2025-01-22 : 379 jours avant celui du dossier (2026-02-04) ; "
        "verdict proposé : hors contexte ; 5 ligne(s) de gabarit")
    assert engine_line(recycled, "en") == recycled
    assert engine_line("source 3 published 2026-02-04, source 1 published 2026-02-06", "fr") == (
        "source 3 publiée le 2026-02-04, source 1 publiée le 2026-02-06")
