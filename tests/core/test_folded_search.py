"""folded_pattern finds exactly what searching the folded query in the folded text finds, offsets included."""

from __future__ import annotations

import random

from workbench.core.text import fold, folded_pattern

ALPHABET = "aàâäeéèêëiîïoôöuùûüçcAÀÉÈÇOÔEn’'ʼ Ω ωΣσςЖжёе-.🌊"


def _by_folding(text: str, query: str) -> list[tuple[int, int]]:
    folded, needle, out, pos = fold(text), fold(query), [], 0
    while (pos := folded.find(needle, pos)) >= 0:
        out.append((pos, pos + len(needle)))
        pos += len(needle)
    return out


def test_same_hits_as_folding_on_random_texts() -> None:
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 200)))
        query = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 3)))
        assert [m.span() for m in folded_pattern(query).finditer(text)] == _by_folding(text, query), (text, query)


def test_accents_case_and_apostrophes() -> None:
    text = "L’ÉLYSÉE a dit qu'il n’a pas cédé. Elysee, élysée."
    assert [m.group() for m in folded_pattern("elysee").finditer(text)] == ["ÉLYSÉE", "Elysee", "élysée"]
    assert [m.group() for m in folded_pattern("n'a").finditer(text)] == ["n’a"]
    assert folded_pattern("a.b").search("axb") is None  # regex characters are literal
