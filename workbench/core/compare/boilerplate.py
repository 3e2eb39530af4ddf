"""Boilerplate lines scraped into a source's text: menus, captions, "read also" links, share buttons, comments...

Such lines are not reporting: they must not be aligned, compared or counted as reuse, and the UI greys them out.
Detection is line-based and conservative: a line is boilerplate only on a clear cue (a known label, a copyright
sign, a timestamp-only line, a separator-built menu, a caption repeated within the source, or anything after a
reader-comments header).
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.core.compare.textutil import Line, word_set

_MONTHS = (
    "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|"
    "april|may|june|july|august|september|october|november|december"
)
_READ_ALSO = re.compile(
    r"^\W*(a lire (aussi|egalement)|lire (aussi|egalement|la suite)|voir aussi|a voir aussi|sur le meme sujet|"
    r"read (also|more)|see also|related( articles?)?|decouvrir aussi|notre dossier|ecouter aussi|a decouvrir)\b"
)
_SHARE_WORDS = word_set(
    """
    partager partagez share facebook twitter x linkedin whatsapp messenger telegram email e-mail mail imprimer
    print copier le lien tweet tweeter envoyer sauvegarder enregistrer pinterest reddit bluesky sur par
    """
)
_NAV_WORDS = word_set(
    """
    accueil home menu rechercher recherche search connexion se connecter s'abonner abonnez-vous abonnement
    newsletter newsletters politique international monde economie societe sport sports culture sciences tech
    planete idees opinions debats france europe regions videos video podcasts direct en direct live meteo faits
    divers sante education environnement medias people jeux services boutique contact mentions legales cookies
    publicite publicité login subscribe news world business opinion
    """
)
_COMMENT_HEADER = re.compile(
    r"^\W*(\d+\s+)?(commentaires?|reactions?|vos reactions|reagir|comments?|les commentaires|"
    r"commenter cet article|laisser un commentaire)\s*(\(\d+\))?\W*$|"
    r"^\W*(views|vues|lectures|affichages)\s*:\s*\d[\d\s.,]*$"
)
"""A comments header, or a blog's view counter (what follows it is reader comments and widgets)."""
_LINK_ONLY = re.compile(
    r"^\W*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s+)?(https?://)?([a-z0-9-]+\.)+[a-z]{2,10}(/\S*)?"
    r"(\s+\W*\d+\s*min\b)?(\s+#\d+)?\W*$"
)
"""A bare link or site name, possibly after the page's date and before its reading time (a scraped page header)."""
_CREDIT = re.compile(
    r"^\W*(traduit par|traduction(\s*:|\s+par)|auteur\s*:|auteurs\s*:|source\s*:|sources\s*:|par\s*$|"
    r"publie le\s*$|translated by)"
)
_COMMENT_LINE = re.compile(
    r"^\W*(repondre|signaler( un abus)?|j'aime|reply|report|like)\W*$|"
    r"^\S{2,30} (a ecrit|a dit|said|wrote)\s*:|^(poste|publie) par \S+|\bil y a \d+ (min|minutes|heures?|jours?)\W*$"
)
_CAPTION = re.compile(
    r"(^\W*(photo|photos|credit photo|credits?|illustration|image|caption|legende)\s*[:/-])|"
    r"(\((photo|illustration|image)[^)]*\)\s*$)|(/\s*(afp|reuters|ap|epa|getty images|maxppp|sipa)\W*$)|"
    r"(^\W*(afp|reuters|ap|epa) photo\b)"
)
_TRAILING_CREDIT = re.compile(
    r"[.!?»\"]\s*(\u00a9\s*|\(c\)\s*|tous droits reserves\s*|all rights reserved\s*)?"
    r"(\b(ap|afp|epa|reuters|getty images|xinhua|tass|sputnik|anadolu|maxppp|sipa)\s+photo\s*/|"
    r"\b(photos?|images?|illustration|credits? photo|photo credit)\s*[:/])"
    r"[^.!?]{0,80}$"
)
"""A photo credit glued after a line's last sentence (« … 4 février 2026. Tous droits réservés AP Photo/X »)."""
_COPYRIGHT = re.compile(r"(\u00a9|\(c\)\s|copyright\b|tous droits reserves|all rights reserved|reproduction interdite)")
_TIMESTAMP = re.compile(
    r"^\W*((publie|mis a jour|modifie|actualise|updated|published|posted|le)\s*(le|on|:)?\s*)?"
    r"((lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(\d{1,2}(er)?\s+(" + _MONTHS + r")\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(\s*(a|at|,|-)?\s*\d{1,2}\s*[h:]\s*\d{0,2}(\s*(min)?)?)?"
    r"(\s*(,|-|\||et)?\s*(mis a jour|modifie|actualise|updated)\s*(le|a|:)?\s*.*)?\W*$"
)
_TIME_AGO = re.compile(r"^\W*(il y a \d+ (min|minutes|h|heures?|jours?)|\d+ (min|h) ago|\d{1,2}[h:]\d{2})\W*$")
_MISC = re.compile(
    r"^\W*(publicite|advertisement|sponsorise|contenu sponsorise|abonnez-vous|inscrivez-vous a (notre|la) newsletter|"
    r"suivez-nous|cet article est reserve aux abonnes|article reserve aux abonnes|ecouter cet article|"
    r"temps de lecture\s*:?\s*\d+\s*min|\d+\s*min de lecture|lecture\s*:?\s*\d+\s*min|"
    r"accepter les cookies|newsletter)\b"
)


def find_boilerplate(text: str, folded: str, lines: list[Line]) -> dict[int, str]:
    """Boilerplate line indices of one source, each with the reason (``menu``, ``caption``, ``read-also``...)."""
    found: dict[int, str] = {}
    repeats = Counter(folded[ln.start : ln.end].strip() for ln in lines if ln.end - ln.start >= 12)
    in_comments = False
    french = _language_counts(folded)
    for ln in lines:
        raw = text[ln.start : ln.end].strip()
        line = folded[ln.start : ln.end].strip()
        if not line:
            continue
        if in_comments:
            found[ln.index] = "comment"
            continue
        reason = _classify(raw, line)
        if reason is None and repeats[line] > 1 and len(line.split()) <= 40 and not line.startswith('"'):
            reason = "repeated"
        if reason is None and french[0] > 2 * max(1, french[1]):
            fr, en = _language_counts(line)
            if en >= 2 and en > 3 * fr and len(line.split()) >= 5:
                reason = "other-language"
        if reason == "comments-header":
            in_comments = True
            reason = "comment"
        if reason is not None:
            found[ln.index] = reason
    _bare_captions(folded, lines, found)
    return found


def _bare_captions(folded: str, lines: list[Line], found: dict[int, str]) -> None:
    """A photo caption given twice, bare and then with its credit glued after it: both lines are captions.

    Scrapers keep the image's alt text and its figcaption. A credit glued after one line alone may follow a real
    paragraph, so only the pair is the cue; the credit itself is still left out of alignment as a caption sentence
    (:func:`is_caption_sentence`).
    """
    for ln in lines:
        line = folded[ln.start : ln.end].strip()
        credit = _TRAILING_CREDIT.search(line) if len(line.split()) <= 50 else None
        if credit is None:
            continue
        body = line[: credit.start() + 1].strip()
        twins = [near for near in (ln.index - 2, ln.index - 1, ln.index + 1, ln.index + 2)
                 if 0 <= near < len(lines) and folded[lines[near].start : lines[near].end].strip() == body]
        for index in (*twins, ln.index) if twins else ():
            found.setdefault(index, "caption")


_FR_WORDS = word_set("le la les des du et est une dans pour que qui sur au aux avec par ont sont ne pas")
_EN_WORDS = word_set("the and of to is are was were with for that this from by have has had did what why how")


def _language_counts(folded: str) -> tuple[int, int]:
    """French and English function words in a folded text.

    A French page's lines in English are scraped extras (the original's teaser, a widget), not the report.
    """
    fr = en = 0
    for w in re.findall(r"[a-z]+", folded):
        fr += w in _FR_WORDS
        en += w in _EN_WORDS
    return fr, en


def _classify(raw: str, line: str) -> str | None:
    words = re.findall(r"[\w'-]+", line)
    if _COMMENT_HEADER.match(line):
        return "comments-header"
    if _READ_ALSO.match(line):
        return "read-also"
    if _COPYRIGHT.search(line) and len(words) <= 25:
        return "copyright"
    if _TIMESTAMP.match(line) or _TIME_AGO.match(line):
        return "timestamp"
    if _CAPTION.search(line) and len(words) <= 40:
        return "caption"
    if _COMMENT_LINE.search(line) and len(words) <= 40:
        return "comment"
    if _MISC.match(line) and len(words) <= 15:
        return "misc"
    if _LINK_ONLY.match(line) and len(words) <= 8:
        return "link"
    if _CREDIT.match(line) and len(words) <= 12:
        return "credit"
    if words and len(words) <= 12 and all(w in _SHARE_WORDS for w in words):
        return "share"
    if _is_menu(raw, line, words):
        return "menu"
    return None


def _is_menu(raw: str, line: str, words: list[str]) -> bool:
    """A menu is a run of short items split by separators, or a short line of known section labels."""
    items = [i.strip() for i in re.split(r"\s*[|\u2022\u00b7>\u203a/]\s*|\s{2,}|\t", raw) if i.strip()]
    if len(items) >= 3 and all(len(i.split()) <= 3 for i in items) and not re.search(r"[.!?]$", raw):
        return True
    if len(words) == 1 and words[0] in _NAV_WORDS and raw[:1].isupper():
        return True
    if 2 <= len(words) <= 12 and sum(w in _NAV_WORDS for w in words) >= max(2, len(words) - 1):
        return not re.search(r"[.!?]$", raw)
    return False


_CAPTION_SENTENCE = re.compile(
    r"^\W*(photo|photos|credit photo|credits? photo|credits?|illustration|image|legende|caption)\s*:\s*\S.{0,60}$|"
    r"^\W*(tous droits reserves|all rights reserved)\b.{0,80}$|"
    r"^\W*(ap|afp|epa|reuters|getty)\s*(photo|images)?\s*/\s*\S.{0,60}$|"
    r"(/\s*(afp|ap|reuters|epa|getty images|xinhua|tass|sputnik|maxppp|sipa))\W*$"
)


def is_caption_sentence(folded: str) -> bool:
    """Whether one (folded) sentence is a photo caption or credit (« Photo : TASS », « AP Photo/… »).

    Scrapers glue credits to the paragraph they follow, so lines alone do not catch them; they are not reporting
    and must not align (two credits look alike).
    """
    return _CAPTION_SENTENCE.search(folded.strip()) is not None
