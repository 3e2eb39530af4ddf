"""Rating-scale presets. A dossier copies one into the database, so later edits of a preset never change it."""

from __future__ import annotations

from workbench.core.values import RatingScale, Verdict

DEFAULT = RatingScale(
    name="default",
    verdicts=(
        Verdict("true", "True", "Vrai", "#1b8a3a", 7),
        Verdict("mostly-true", "Mostly true", "Plutôt vrai", "#6aa84f", 6),
        Verdict("mixed", "Mixed", "Mitigé", "#d4a017", 5),
        Verdict("misleading", "Misleading", "Trompeur", "#e69138", 4),
        Verdict("out-of-context", "Out of context", "Hors contexte", "#a64d79", 3),
        Verdict("mostly-false", "Mostly false", "Plutôt faux", "#cc4125", 2),
        Verdict("false", "False", "Faux", "#990000", 1),
        Verdict("unverifiable", "Unverifiable", "Invérifiable", "#777777", 0),
    ),
)

POLITIFACT = RatingScale(
    name="truth-o-meter",
    verdicts=(
        Verdict("true", "True", "Vrai", "#1b8a3a", 6),
        Verdict("mostly-true", "Mostly true", "Plutôt vrai", "#6aa84f", 5),
        Verdict("half-true", "Half true", "À moitié vrai", "#d4a017", 4),
        Verdict("mostly-false", "Mostly false", "Plutôt faux", "#e69138", 3),
        Verdict("false", "False", "Faux", "#cc4125", 2),
        Verdict("pants-on-fire", "Pants on fire", "Complètement faux", "#990000", 1),
    ),
)

AFP = RatingScale(
    name="afp",
    verdicts=(
        Verdict("true", "True", "Vrai", "#1b8a3a", 5),
        Verdict("misleading", "Misleading", "Trompeur", "#e69138", 4),
        Verdict("missing-context", "Missing context", "Manque de contexte", "#a64d79", 3),
        Verdict("altered", "Altered", "Retouché", "#cc4125", 2),
        Verdict("false", "False", "Faux", "#990000", 1),
        Verdict("unverifiable", "Unverifiable", "Invérifiable", "#777777", 0),
    ),
)

PRESETS: dict[str, RatingScale] = {s.name: s for s in (DEFAULT, POLITIFACT, AFP)}
