"""Every tuning constant of the comparison and of the claim triage, in one place, each with what it trades.

The values were set on the tuned gold dossiers (``tests/data/compare_gold``) and checked on the dossiers written
blind (``tests/data/compare_gold/unseen_*``); change them here only with both sets' figures before and after.
"""

from __future__ import annotations

# --- alignment: candidates -------------------------------------------------------------------------------------
PARTNERS = 3
"""Candidates kept per unit (sentence or clause) and per other source: ranking is good, a threshold is not."""
FLOOR = 0.22
"""Lowest pair score (0.55 cosine + 0.45 rapidfuzz, in [0, 1]) a candidate may have at all."""
ACCEPT = 0.56
"""A candidate scoring this much is the same fact without further evidence."""
MUTUAL = 0.42
"""A candidate scoring this much is promoted when the two units are each other's best match (the old global
threshold, now only with mutual best: two reports of one fact may disagree on every figure and name)."""
VERIFY = 0.34
"""A candidate scoring this much is promoted with one strong shared anchor (number, date, rare name, quote)."""
ANCHORED = 0.26
"""A candidate scoring this much is promoted with two strong anchors and being each other's best match."""
FIGURE_FLOOR = 0.15
"""Lowest score of a pair promoted on a tying figure alone (a figure of 10 or more, not a year, held by about one
sentence per source) when the two units are each other's best match: « forced the evacuation of 3,200 residents »
/ « About 3,200 people had to leave their homes » share nothing else."""
FIGURE_MIN_VALUE = 10
"""Figures below this (two, six, 14 h) are too common to tie two reports by themselves."""
FIGURE_PARTNERS = 2
"""Units of another source sharing a tying figure added to a unit's candidates beyond its best by wording."""
ANCHOR_PER_SOURCE = 1.5
"""An anchor held by at most this many sentences per source holding it is a fact (or the dossier-wide share)."""
COPY_SCORE = 0.7
"""A pair scoring this much is a near copy: the copy meets the partners of its original (one figure changed)."""
COPY_PARTIAL = 85
"""rapidfuzz partial ratio (digits masked) above which one unit is found almost word for word in the other: a near
copy, or a headline its source repeats in the lead."""
REPEAT_SET_RATIO = 85
"""rapidfuzz token set ratio (digits masked) above which a unit repeats another of its source that a passage already
met (a headline and its lead): the passage meets one of them. A set ratio, not ``COPY_PARTIAL``'s partial ratio:
measured on the gold dossiers both give the same pairs; on the real articles the partial ratio drops one recycled
pair."""
HEADLINE_MAX_CHARS = 110
"""A unit shorter than this without closing punctuation is a headline: it aligns on a shared anchor or a high score
only (« La Russie et la Chine déterminées à maintenir l'ordre mondial » shares its topic words with many sentences)."""
PERCENT_WINDOW = 30
"""Characters each side of a percentage whose content words say what it measures (see ``align._share_of``)."""
POSTINGS_CAP = 48
"""A term held by more units than this (or than twice the number of sources) is not indexed: a fact's words appear
about once per source, the topic's words everywhere. A constant cap keeps the candidate search linear in the
dossier's size."""
POSTINGS_BUDGET = 600
"""Postings a unit reads at most (its rarest terms first): the candidate search's work per unit does not grow with
the number of sources. No unit of the gold dossiers or the real five-source dossier reads more than 430."""
SCORED_PER_UNIT = 16
"""Candidates of a unit scored by wording at most, taken rank by rank across its other sources (each one's best,
then each one's second...): the wording work per unit stays flat from 5 to 40 sources. Measured: the gold dossiers
and the real five-source dossier give the same output as without the cap."""
MAX_SOURCES_PER_UNIT = 8
"""A unit meets its candidates in at most this many other sources (those with the best cosine): in a 40-source
dossier a sentence has no use for 39 counterparts, and the search stays linear in the number of sources (was 12;
8 changes nothing on dossiers of up to nine sources)."""
CLAUSE_MIN = 170
"""Sentences at least this long (characters) are also split into clauses, each aligned on its own."""
CLAUSE_MIN_CHARS = 45
"""Shortest clause worth aligning (shorter pieces are glued to their neighbour)."""
COMMON_NAME_SHARE = 0.06
"""A name in more than this share of the dossier's units is the topic (Poutine, Xi), not an anchor."""
EDGE_MIN = 0.42
"""Lowest alignment score whose figures, dates and participants are compared value by value: a pair promoted on
anchors alone is the same topic often enough, but not surely the same count (« 1 200 évacués » vs « 2 100
recensés »). A pair sharing an exact figure is compared whatever its score: the figure ties it to one fact."""
LEAD_DAY_GAP = 7
"""Each source's first mention of its event's day is compared with the other sources' even when the sentences do
not align (« walked out on Thursday » / « stopped work on Wednesday, March 11 »). Sources dating the event further
apart than this (days) tell another event, not the same one dated differently."""
MAX_PER_SENTENCE_TOTAL = 8
"""Reported alignments per sentence over all other sources (best first): more counterparts help nobody and would
make the output grow with the square of the number of sources. 8 (was 12) is what a five-source dossier can reach
(four other sources × ``MAX_PER_SENTENCE``): no gold dossier or the real one changes."""
MAX_PER_SENTENCE = 2
"""Reported alignments per sentence and per other source (two clauses may match two sentences)."""

# --- reuse -------------------------------------------------------------------------------------------------------
REUSE_MIN_WORDS = 30
"""Shortest passage (words) two sources share near-verbatim that is reported as copy. Outlets covering one event
share 10- to 15-word formulas (« un plan d'investissements communs de 12,4 milliards d'euros sur cinq ans »)
without copying each other; long quotations shared word for word are caught apart (``quotes.COMMON_MIN_CHARS``)."""
REUSE_SHORT_MIN_WORDS = 18
"""Shortest passage two sources give word for word that is reported as a common source (a shared translation, a
wire sentence, a quotation: « le moteur s'est arrêté d'un coup et nous n'avons rien pu faire… »). The formulas
outlets share without copying run 10 to 15 words (« un plan d'investissements communs de 12,4 milliards d'euros
sur cinq ans »)."""
REUSE_SHORT_MIN_CONTENT = 9
"""Of which at least this many content words (a long run of names and titles is a formula)."""
REUSE_MIN_CONTENT = 6
"""Of which at least this many lower-case content words: « le président russe Vladimir Poutine » is a formula, not
reuse."""
REUSE_MIN_WORDS_INSIDE = 30
"""Shortest passage repeated inside one source that is reported (shorter repeats are captions and summaries)."""
TRANSLATION_MIN_ANCHORS = 3
"""Anchors (numbers, names, quoted words) two sentences in two languages must share to pair as a translation."""
TRANSLATION_MIN_SENTENCES = 3
"""Translated sentence pairs, in the same order, that make a translated passage."""
TRANSLATION_MIN_LENGTH_RATIO = 0.55
"""Shortest/longest length ratio of a translated sentence pair (French runs about 15 % longer than English)."""

# --- triage ------------------------------------------------------------------------------------------------------
TRIAGE_TOP = 10
"""Sentences per source the « Suggest claims » view and ``workbench triage`` list by default."""

OTHER_EVENT_MONTHS = 2
"""A sentence naming a month this far (or more) from its source's event tells another event (« last December »
in this December's story, « en mars 2024 »): it aligns only with a sentence naming the same month. Lower, a story
told at a month's turn would lose its own facts; higher, last month's event would pass as today's."""

TRANSLATION_BRIDGE_SCORE = 0.3
"""Score shown for a pair met through a translation (a translated sentence and its original's partner in a third
source): below ``VERIFY``, so the pair reads as inferred, above ``FIGURE_FLOOR``, the floor of promoted pairs."""

CANDIDATE_COSINE = 0.08
"""Lowest lemma-vector cosine for a unit of another source to be scored at all (below it only a shared tying
figure makes it a candidate): lower, scoring time grows with every shared common word; higher, paraphrases with
few shared words are never scored."""
COSINE_WEIGHT = 0.55
"""Weight of the lemma-vector cosine in a pair's score: it carries the rare words two units share."""
WORDING_WEIGHT = 0.45
"""Weight of rapidfuzz's token sort ratio (digits masked) in a pair's score: the order and length of the wording.
The two weights sum to 1 so that scores stay in [0, 1] (the thresholds above are set on that scale)."""
TRANSLATION_ONE_ANCHOR = 0.5
"""Base score of two sentences in two languages sharing one anchor and enough cognate prefixes (two anchors score
from 1.0): above ``TRANSLATION_GAP_SCORE`` so a sentence pair with evidence wins over a gap filled by position."""
TRANSLATION_DICE_ANCHORED = 0.25
"""Cognate-prefix Dice coefficient two sentences sharing one anchor need to be a translated pair."""
TRANSLATION_DICE_ALONE = 0.45
"""Cognate-prefix Dice coefficient two sentences sharing no anchor need (and ``TRANSLATION_DICE_MIN_CHARS``)."""
TRANSLATION_DICE_MIN_CHARS = 30
"""Shortest sentence paired on cognates alone: short lines share prefixes by chance."""
TRANSLATION_GAP_SCORE = 0.5
"""Score of the one sentence left on each side between two translated pairs (paired by position)."""
REUSE_QUOTED_SHARE = 0.6
"""A shared passage more than this share quotation on both sides is a common source (a quote), not a copy."""
TRANSLATION_JOIN_GAP = 400
"""Characters (on each side) between two translated passages of the same two sources below which the reuse list
shows them as one translation (a sentence or two left out); the sentence pairs are kept apart."""
