"""Who said a quotation: speech patterns, and role nouns (« la préfète », « le maire ») linked to named persons.

The nearest name is a weak guess when a sentence names two people (« », a déclaré le maire, aux côtés de la
préfète Hélène Castagnet). The attribution patterns are read first:

* after the quote: « », a déclaré / a salué / a dit X (X a name or a role noun);
* before it: « X a reconnu (lui-même) : « … » », « X l'a dit : « … » »;
* anywhere in the sentence: « selon X », « pour X », « d'après X ».

A role noun alone (« a déclaré la préfète ») is the person the dossier links to that role somewhere (« la préfète
de la Lerne, Hélène Castagnet », « le maire, Jean-Marc Ollivier », « Jean-Marc Ollivier, le maire de … »), if
exactly one person is linked to it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from workbench.core.compare.lang import PACKS
from workbench.core.compare.persons import Mention

ROLES = "|".join(role for p in PACKS.values() for role in p.speaker_roles)
_ROLE_BEFORE = re.compile(
    rf"\b(?:le|la|l')\s*(?P<role>{ROLES})\b(?:\s+(?:(?:de|du|des)\s+|d')[^,;:.\"]{{1,40}}?)?\s*,?\s*$"
)
_ROLE_AFTER = re.compile(rf"\s*,\s*(?:le|la|l')\s*(?P<role>{ROLES})\b")
_ROLE_AT = re.compile(rf"(?:le|la|l')\s*(?P<role>{ROLES})\b(?:\s+(?:(?:de|du|des)\s+|d')[^,;:.\"]{{1,40}})?")
_SAID_AFTER = re.compile(
    r"[\s\",.]*(?:a|avait|aurait|ont|ont-ils|a-t-(?:il|elle))\s+(?:[a-z]+\s+)?"
    r"(?:declare|dit|salue|affirme|assure|ajoute|explique|indique|estime|souligne|lance|confie|reconnu|reconnait|"
    r"precise|martele|insiste|annonce|raconte|temoigne|repondu|rappele|rappelle|admis|avoue|promis|prevenu|"
    r"regrette|denonce|juge)\b\s*"
)
_SAID_BEFORE = re.compile(
    r"(?:\s+(?:l'|les\s+|le\s+|la\s+)?(?:a|avait|aurait)\s+[a-z]+(?:\s+(?:lui|elle)-meme)?|\s+(?:declare|dit|"
    r"affirme|assure|explique|estime|lance|confie|reconnait|raconte|temoigne))\s*:\s*\"?\s*$"
)
_SELON = re.compile(r"\b(?:selon|pour|d'apres)\s+")


def learn_roles(folded: str, mentions: Sequence[Mention], into: dict[str, Counter[str]]) -> None:
    """Record the role nouns a source attaches to named persons (« la préfète X », « X, le maire »)."""
    for m in mentions:
        before = _ROLE_BEFORE.search(folded, max(0, m.start - 70), m.start)
        if before is not None:
            into[_norm_role(before.group("role"))][m.name] += 1
        after = _ROLE_AFTER.match(folded, m.end)
        if after is not None:
            into[_norm_role(after.group("role"))][m.name] += 1


def new_roles() -> dict[str, Counter[str]]:
    """An empty role index."""
    return defaultdict(Counter)


def _norm_role(role: str) -> str:
    return role.strip()


def resolve_role(roles: dict[str, Counter[str]], role: str) -> str | None:
    """The one person linked to ``role`` in the dossier, else ``None``."""
    names = roles.get(_norm_role(role))
    if not names or len(names) != 1:
        return None
    return next(iter(names))


def attributed(
    folded: str, lo: int, hi: int, q_start: int, q_end: int, mentions: Sequence[Mention], roles: dict[str, Counter[str]]
) -> Mention | None:
    """The speaker of the quote ``[q_start, q_end)`` in sentence ``[lo, hi)`` from an attribution pattern."""
    end = min(hi, q_end + 1)
    m = _SAID_AFTER.match(folded, end, hi)
    if m is not None:
        found = _speaker_at(folded, m.end(), hi, mentions, roles)
        if found is not None:
            return found
    m = _SAID_BEFORE.search(folded, lo, max(lo, q_start - 1))
    if m is not None:
        found = _speaker_before(folded, lo, m.start(), mentions, roles)
        if found is not None:
            return found
    for m in _SELON.finditer(folded, lo, hi):
        if q_start - 1 <= m.start() < q_end + 1:
            continue
        found = _speaker_at(folded, m.end(), hi, mentions, roles)
        if found is not None:
            return found
    return None


def _speaker_at(
    folded: str, pos: int, hi: int, mentions: Sequence[Mention], roles: dict[str, Counter[str]]
) -> Mention | None:
    """A name at ``pos`` (possibly after its role: « la préfète de la Lerne, Hélène Castagnet »), else a role."""
    role = _ROLE_AT.match(folded, pos, hi)
    limit = pos + 2 if role is None else role.end() + 3
    named = next((x for x in mentions if pos <= x.start <= limit), None)
    if named is not None:
        return named
    if role is not None:
        name = resolve_role(roles, role.group("role"))
        if name is not None:
            return Mention(role.start("role"), role.end("role"), name)
    return None


def _speaker_before(
    folded: str, lo: int, verb: int, mentions: Sequence[Mention], roles: dict[str, Counter[str]]
) -> Mention | None:
    """The subject just before a speech verb: a name ending there, else a role noun (« Le maire l'a reconnu »)."""
    named = [x for x in mentions if lo <= x.start and x.end <= verb and not folded[x.end : verb].strip(" ,")]
    if named:
        return named[-1]
    role = None
    for r in _ROLE_AT.finditer(folded, lo, verb):
        role = r
    if role is not None and not folded[role.end() : verb].strip(" ,"):
        name = resolve_role(roles, role.group("role"))
        if name is not None:
            return Mention(role.start("role"), role.end("role"), name)
    return None
