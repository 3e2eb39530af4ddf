"""Named persons of a dossier and where each source mentions them.

Participant discrepancies (one source says X spoke with Trump, another with Putin; a quote attributed to two
different people) need to know which capitalised words are people. Without a language model, a name counts as a
person when it follows a title (« le président Vasek », « Mme Marchal ») or is a first-name/surname pair that is not
a known place or institution; surnames are then recognised alone everywhere in the dossier and mapped to the
longest full name seen, so « Marchal » and « Hélène Marchal » are the same participant.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from workbench.core.compare.textutil import fold, word_set

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿ"
_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_SEQ = re.compile(rf"{_TOKEN}(?:\s+(?:(?:de|du|von|van|da|di|del|ben|bin|al|el|le)\s+)?{_TOKEN}){{0,3}}")
_TITLE = re.compile(
    r"\b(m\.|mme|mlle|mr|mrs|ms|president|presidente|ministre|chancelier|chanceliere|secretaire|porte-parole|"
    r"dirigeant|dirigeante|chef|roi|reine|prince|senateur|senatrice|depute|deputee|maire|conseiller|conseillere|"
    r"ambassadeur|ambassadrice|general|homologue|directeur|directrice|commissaire|gouverneur|gouverneure|"
    r"patron|patronne|professeur|professeure|prime minister|minister|chancellor|spokesman|spokeswoman|"
    r"emissaire|envoye|envoyee|negociateur|negociatrice)"
    r"(?:\s+(?!(?:de|du|des|d|la|le|les|l)\b)[a-z-]+)?\s*,?\s*$"
)
_STOP = word_set(
    """
    le la les l un une des de du d en dans selon pour par mais et ou il elle ils elles ce cette ces son sa ses
    leur leurs lors apres avant depuis pendant quand alors ainsi aussi a au aux sur sous chez vers avec sans
    comme on nous lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin
    juillet aout septembre octobre novembre decembre madame monsieur mme m president presidente premier premiere
    ministre chancelier chanceliere etat etats unis unies maison blanche union nations conseil elysee kremlin
    parlement assemblee senat gouvernement republique commission europe afp reuters onu otan ue saint sainte
    nord sud est ouest palais ministere banque fonds agence organisation cour tribunal place rue avenue
    boulevard lire photo video cependant pourtant enfin puis ensuite toutefois interroge interrogee dans the of
    grand grande hall salle peuple musee institut universite academie stade port
    and to in for with before after because why when while president prime minister mr mrs ms
    mayor councillor councilor adviser advisor governor senator judge prosecutor chair chairman chairwoman
    spokesperson spokesman spokeswoman secretary ambassador director professor chief leader me maitre
    """
)


_PARTICLES = word_set("le la de du des van von der da di del ben bin al el")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in a source: bounds of the name and the canonical full name."""

    start: int
    end: int
    name: str


def _sequences(text: str, folded: str, lo: int, hi: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """Capitalised name sequences in ``text[lo:hi]`` as (start, token bounds), leading stop words dropped."""
    out = []
    for m in _SEQ.finditer(text, lo, hi):
        toks = [(t.start(), t.end()) for t in re.finditer(_TOKEN, m.group(0))]
        toks = [(m.start() + a, m.start() + b) for a, b in toks]
        while toks and folded[toks[0][0] : toks[0][1]] in _STOP:
            toks.pop(0)
        if toks:
            out.append((toks[0][0], toks))
    return out


class PersonIndex:
    """Persons known across the dossier, built from every source, then queried per source."""

    def __init__(self) -> None:
        self._full: dict[str, Counter[str]] = {}
        self._titled: set[str] = set()
        self._memo: dict[str, str | None] = {}

    def learn(self, text: str, folded: str, ranges: list[tuple[int, int]]) -> None:
        """Collect person names from the given ``[start, end)`` ranges (the non-boilerplate lines) of a source."""
        self._memo.clear()
        for lo, hi in ranges:
            for start, toks in _sequences(text, folded, lo, hi):
                words = [folded[a:b] for a, b in toks]
                if any(w in _STOP and not (0 < k < len(words) - 1 and w in _PARTICLES) for k, w in enumerate(words)):
                    continue  # a particle inside a name is no stop word (« Yannick Le Bihan », « Anne De Sousa »)
                titled = bool(_TITLE.search(folded, max(0, start - 40), start))
                surname = words[-1]
                if len(toks) >= 2 or titled:
                    name = text[toks[0][0] : toks[-1][1]]
                    self._full.setdefault(surname, Counter())[name] += 1
                    if titled:
                        self._titled.add(surname)

    def canonical(self, surname: str) -> str | None:
        """Full name for a folded surname, or ``None`` if it is not a known person.

        A name only ever seen alone (« M. Xi ») that opens exactly one known full name (« Xi Jinping », family name
        first) is that person.
        """
        if surname in self._memo:
            return self._memo[surname]
        names = self._full.get(surname)
        if not names:
            return None
        best = max(names.items(), key=lambda kv: (len(kv[0].split()), kv[1], kv[0]))[0]
        if len(best.split()) == 1:
            longer = {
                full
                for counter in self._full.values()
                for full in counter
                if len(full.split()) > 1 and fold(full.split()[0]) == surname
            }
            if len(longer) == 1:
                best = longer.pop()
        self._memo[surname] = best
        return best

    def mentions(self, text: str, folded: str, lo: int, hi: int) -> list[Mention]:
        """Persons named in ``text[lo:hi]``."""
        out: list[Mention] = []
        for _start, toks in _sequences(text, folded, lo, hi):
            for k in range(len(toks) - 1, -1, -1):
                word = folded[toks[k][0] : toks[k][1]]
                name = self.canonical(word)
                if name is not None:
                    out.append(Mention(toks[0][0], toks[k][1], name))
                    break
        return out
