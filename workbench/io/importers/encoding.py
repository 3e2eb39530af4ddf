"""Bytes to text for the text and web-page importers: the right encoding, or one clear refusal.

Order of evidence: a byte-order mark; a declared charset (web pages); UTF-32/UTF-16 without a BOM (recognised by
their NUL-byte pattern); UTF-8, also when a few bytes are invalid (replaced by U+FFFD, with a warning, because a
flipped byte in a UTF-8 file is far more likely than a legacy file that happens to hold valid UTF-8 sequences);
then charset-normalizer over every encoding it supports. charset-normalizer ranks single-byte Latin code pages by
"chaos", which cannot tell latin-1 from MacRoman or cp1250 from cp1252 (both decodings are clean); among those,
:func:`_latin_choice` keeps the decoding that shows no mojibake (C1 controls, symbols inside words, capitals
inside lower-case words) and whose accented letters all belong to one language's alphabet. :func:`detect_language`
gives charset-normalizer's language guess for the decoded text, only when it is clear-cut. Korean text that
charset-normalizer rejects (symbols beside syllables) is recognised by :func:`_korean_fallback` before the
East Asian fallback, which would read it as gb18030.

Not here: HTML parsing (the web importer finds the declared charset and passes it) and text normalisation.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.errors import ImportFailure

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

NOT_TEXT = "not a text file (binary content or unknown encoding)"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: FF FE 00 00 starts both
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG Encoding: what browsers do with a page's label (latin-1 pages are decoded as windows-1252, and so on).
_WHATWG = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "ansi_x3.4-1968": "cp1252", "iso_8859-1": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso8859-9": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874", "windows-874": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "windows-31j": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949",
    "iso-8859-8-i": "iso8859-8", "x-mac-cyrillic": "mac-cyrillic", "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman", "unicode-1-1-utf-8": "utf-8", "utf8": "utf-8",
}

_SEVEN_BIT = ("iso2022_jp", "iso2022_kr", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_3", "iso2022_jp_2004", "hz")

# Windows code pages and their ISO-8859 siblings for the same script: most bytes agree, a few letters move
_FAMILIES = (("cp1253", "iso8859_7"), ("cp1255", "iso8859_8"), ("cp1256", "iso8859_6"))

# Vendor supersets charset-normalizer may name, and the standard encoding to use when it decodes the file
_STANDARD = {
    "cp932": "shift_jis", "shift_jis_2004": "shift_jis", "shift_jisx0213": "shift_jis",
    "euc_jis_2004": "euc_jp", "euc_jisx0213": "euc_jp", "cp949": "euc_kr", "cp950": "big5", "big5hkscs": "big5",
    "gbk": "gb2312", "gb18030": "gb2312", "cp1125": "cp866",
}

# charset-normalizer language names -> ISO 639-1
_ISO639 = {
    "English": "en", "German": "de", "French": "fr", "Dutch": "nl", "Italian": "it", "Polish": "pl",
    "Spanish": "es", "Russian": "ru", "Japanese": "ja", "Portuguese": "pt", "Swedish": "sv", "Chinese": "zh",
    "Ukrainian": "uk", "Norwegian": "no", "Finnish": "fi", "Vietnamese": "vi", "Czech": "cs", "Hungarian": "hu",
    "Korean": "ko", "Indonesian": "id", "Turkish": "tr", "Romanian": "ro", "Farsi": "fa", "Arabic": "ar",
    "Danish": "da", "Serbian": "sr", "Lithuanian": "lt", "Slovene": "sl", "Slovak": "sk", "Hebrew": "he",
    "Bulgarian": "bg", "Croatian": "hr", "Hindi": "hi", "Estonian": "et", "Thai": "th", "Greek": "el",
    "Tamil": "ta", "Kazakh": "kk",
}

# The accented letters each language writes (lower case). A decoding whose letters fit one alphabet is the right one.
_ALPHABETS = {
    "fr": "àâçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "pt": "áâãàçéêíóôõú", "it": "àèéìíîòóùú",
    "ca": "àçèéíïòóúü", "nl": "éëïóöüèáà", "da": "æøåé", "no": "æøåé", "sv": "åäöé", "fi": "äöåšž",
    "is": "áðéíóúýþæö", "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "sl": "čšžćđ",
    "hr": "čćđšž", "hu": "áéíóöőúüű", "ro": "ăâîșțşţ", "tr": "çğıöşüâîû", "et": "äöõüšž",
    "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž", "vi": "àáâãèéêìíòóôõùúýăđơư",
    "sq": "çë", "ga": "áéíóú", "mt": "ċġħż", "eo": "ĉĝĥĵŝŭ",
}
_ALPHABET_SETS = {lang: frozenset(letters) for lang, letters in _ALPHABETS.items()}
# Single-byte Latin code pages charset-normalizer may pick; _latin_choice decides among them (most common first:
# between equally clean decodings, the more common code page wins).
_LATIN = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "iso8859_9", "cp1257", "iso8859_13",
          "iso8859_4", "iso8859_10", "iso8859_16", "iso8859_3", "iso8859_14", "mac_roman", "mac_latin2",
          "mac_iceland", "mac_turkish", "cp850", "cp437", "cp852", "cp858", "cp775", "cp865", "cp861", "hp_roman8",
          "cp857", "cp1258")
_LATIN_SET = frozenset(_LATIN)
# Punctuation legacy Latin text really uses; any other non-letter outside ASCII counts against a decoding.
_COMMON_SIGNS = frozenset("\u00a0“”‘’‚„«»‹›–—…•·€£¥¢§©®™°±×÷¼½¾¹²³µ¶†‡‰¡¿ªº′″\u00ad")
_VOWELS = frozenset("aeiouy")
_NUMERIC_SIGNS = frozenset("±¶§×÷¼½¾")
_WORD_INTERNAL_OK = frozenset("’'·\u00ad-‐")
# "à", "è", "é", Hungarian "ő" (he, she)... are words; "ñ" or "ť" alone are mojibake
_ONE_LETTER_WORDS = frozenset("àèéòóùìíáâêôãõő")
# One-letter words of one language only: alone, they are words when the decoding's letters are that language's
# (Lithuanian "į", into); elsewhere they are mojibake (ISO-8859-13 Latvian "ē" read as ISO-8859-10 gives "į")
_LANGUAGE_WORDS = {"į": "lt"}

# Multi-byte East Asian encodings tried when charset-normalizer finds nothing under its usual chaos threshold (pages
# that list rare or vendor characters on purpose): a strict multi-byte decode of the whole file is strong evidence
_CJK_FALLBACK = ("cp932", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr", "cp949")
_CJK_FALLBACK_CHAOS = 1.0  # charset-normalizer drops a file when one chunk passes the threshold
_KOREAN = ("euc_kr", "cp949", "johab")  # the standard first (cp949 extends it), then Windows', then the old johab
_KOREAN_RUN = re.compile("[\uac00-\ud7a3\u4e00-\u9fff\uf900-\ufaff]+")  # syllables and Hanja, word by word
_KANA = re.compile("[\u3041-\u30ff]")

# JIS X 0213 encodings charset-normalizer may name for files that plain Shift_JIS cannot decode: Windows' cp932
# (NEC and IBM extensions) is by far the more common source of those bytes
_JIS_2004_TO_WINDOWS = {"shift_jis_2004": "cp932", "shift_jisx0213": "cp932"}

# Runs of NUL bytes this long are padding (a tool's fill, a test page's filler), not UTF-16 or binary structure
_NUL_RUN = re.compile(b"\x00{16,}")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the codec used and any warnings (invalid bytes replaced, label overridden)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_text(name: str, data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a file's bytes: BOM, declared charset, UTF-32/16 without BOM, UTF-8 (a few bad bytes replaced), detection.

    Raises:
        ImportFailure: if the bytes are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(name, _lenient(data, encoding, "its byte-order mark"))
    if declared:
        found = _declared(data, declared)
        if found is not None:
            return _checked(name, found)
        if declared_label(declared) is not None:  # a known charset the bytes plainly contradict
            decoded = _undeclared(name, data)
            note = (f"the declared charset ({declared.strip().lower()}) does not fit the bytes; "
                    f"decoded as {decoded.encoding}")
            return Decoded(decoded.text, decoded.encoding, (*decoded.warnings, note))
    return _undeclared(name, data)


def _undeclared(name: str, data: bytes) -> Decoded:
    """Decode bytes that carry no BOM and no declaration."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    # UTF-16/32 of Latin or Cyrillic text is also valid UTF-8 (ASCII bytes and NULs), but full of NULs; valid UTF-8
    # with a stray NUL or two is UTF-8 (read as UTF-16, UTF-8 Cyrillic would become Korean)
    few_nuls = data.count(0) <= len(data) // 100
    if (text is None and not (few_nuls and _mostly_utf8(data))) or not few_nuls:
        wide = _wide_unicode(data)
        if wide is not None:
            return _checked(name, Decoded(data.decode(wide), wide.replace("-", "_")))
    if text is not None:
        if "\x1b" in text or ("~{" in text and "~}" in text):  # 7-bit ISO-2022 and HZ are valid ASCII
            for codec in _SEVEN_BIT:
                try:
                    wide_text = data.decode(codec)
                except UnicodeDecodeError:
                    continue
                if wide_text != text and not any(ch in wide_text for ch in "\x1b\x0e\x0f"):
                    return _checked(name, Decoded(wide_text, codec))
        return _checked(name, Decoded(text, "utf_8"))
    if _mostly_utf8(data):
        return _checked(name, _lenient(data, "utf-8", "the rest of the file"))
    if _control_byte_ratio(data) > 0.02:  # legacy encodings have (almost) no C0 controls; ESC is ISO-2022's
        raise ImportFailure(name, NOT_TEXT)
    return _checked(name, _detect(name, data))


def declared_label(label: str) -> str | None:
    """The Python codec for a charset label as browsers read it (WHATWG), or None when unknown."""
    label = label.strip().strip("\"'").lower()
    codec = _WHATWG.get(label, label)
    try:
        return codecs.lookup(codec).name
    except LookupError:
        return None


def _declared(data: bytes, label: str) -> Decoded | None:
    """Decode with a page's declared charset; None when the declaration is plainly wrong or unknown."""
    codec = declared_label(label)
    if codec is None:
        return None
    if codec.startswith(("utf-16", "utf-32")):  # the label was readable as ASCII: the bytes are not UTF-16
        codec = "utf-8"
    if codec != "utf-8" and not data.isascii() and not codec.startswith("iso2022"):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # a page re-saved as UTF-8 that kept its old label: legacy text is never valid multi-byte UTF-8
            note = f"the page declares {label.strip().lower()} but its bytes are valid UTF-8; decoded as utf-8"
            return Decoded(text, "utf_8", (note,))
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        pass
    if codec == "utf-8":
        return _lenient(data, codec, "the declared charset (utf-8)") if _mostly_utf8(data) else None
    decoded = _lenient(data, codec, f"the declared charset ({label.strip().lower()})")
    if decoded.text.count("\ufffd") > max(3, _non_ascii(decoded.text) // 20):
        return None  # a sizeable share of the bytes is invalid: the declaration is wrong
    return decoded


def _lenient(data: bytes, codec: str, what: str) -> Decoded:
    """Decode with ``codec``, replacing invalid bytes by U+FFFD, and say how many were replaced."""
    text = data.decode(codec, errors="replace")
    genuine = data.count(b"\xef\xbf\xbd") if codec.startswith("utf-8") else 0  # U+FFFD written in the file
    bad = text.count("\ufffd") - genuine
    warnings: tuple[str, ...] = ()
    if bad > 0:
        plural = "s" if bad > 1 else ""
        warnings = (f"{bad} invalid byte sequence{plural} replaced by \ufffd (decoded as {codecs.lookup(codec).name}, "
                    f"following {what})",)
    return Decoded(text, codecs.lookup(codec).name.replace("-", "_"), warnings)


def _wide_unicode(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised by where the NUL bytes fall; None otherwise."""
    sample = data[:65536]
    n = len(sample)
    if n < 4:
        return None
    if len(data) % 4 == 0:
        for candidate, zero, small in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
            # the top byte of a code point is always 0 and the next one at most 0x10
            if all(sample[i] == 0 for i in range(zero, n, 4)) and all(sample[i] <= 0x10 for i in range(small, n, 4)):
                try:
                    text = data.decode(candidate)
                except UnicodeDecodeError:
                    continue
                if _binary_ratio(text) <= 0.02 and _varied(text):
                    return candidate
    pairs = n - n % 2
    even = sum(1 for i in range(0, pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs, 2) if sample[i] == 0)
    if len(data) % 2 or not even + odd:  # legacy 8-bit and multi-byte text holds no NUL bytes at all
        return None
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    if even + odd < 0.01 * pairs:  # few NULs: each must be the zero half of an ASCII character ("\n\x00")
        partners = [sample[i - 1] for i in range(1, pairs, 2) if sample[i] == 0] if order[0] == "utf-16-le" else [
            sample[i + 1] for i in range(0, pairs, 2) if sample[i] == 0]
        if not all(0x09 <= byte <= 0x7E for byte in partners):
            return None
    for candidate in order:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        head = text[:20000]
        if _binary_ratio(text) <= 0.02 and _varied(text) and _script_share(head) >= 0.9 and not _byte_pairs(head):
            return candidate
    return None


def _byte_pairs(text: str) -> bool:
    """True when most characters are two printable ASCII bytes: 8-bit text with a stray NUL, not UTF-16.

    Read as UTF-16, "Le" becomes U+654C, a Chinese character; real Chinese or Korean text in UTF-16 has low bytes
    spread over the whole 0-255 range.
    """
    pairs = sum(1 for ch in text if 0x20 <= ord(ch) >> 8 <= 0x7E and 0x20 <= ord(ch) & 0xFF <= 0x7E)
    return pairs >= 0.6 * max(len(text), 1)


def _varied(text: str) -> bool:
    """Real text uses many different characters; a repeated byte pattern read as UTF-16 uses two or three."""
    sample = text[:4096]
    return len(set(sample)) >= min(12, max(2, len(sample) // 4))


def _script_share(text: str) -> float:
    """Share of characters written in the text's three main scripts (ASCII counts as one): near 1 for real text.

    The wrong byte order of UTF-16 scatters characters over unrelated scripts and unassigned code points.
    """
    counts: dict[str, int] = {}
    for ch in text:
        script = "ASCII" if ord(ch) < 128 else unicodedata.name(ch, "?").split(" ", 1)[0]
        counts[script] = counts.get(script, 0) + 1
    counts.pop("?", None)
    top = sorted(counts.values(), reverse=True)[:3]
    return sum(top) / max(len(text), 1)


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes are UTF-8 but for a few invalid sequences (valid multi-byte sequences outnumber them).

    Legacy 8-bit text almost never forms valid multi-byte UTF-8 sequences (an accented letter followed by a byte in
    0x80-0xBF), so a file with more valid sequences than invalid ones is UTF-8 with damage, not latin-1.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = _non_ascii(text) - text.count("\ufffd")
    return 0 < bad <= multibyte and bad <= max(8, len(data) // 200)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _detect(name: str, data: bytes) -> Decoded:
    """charset-normalizer over every encoding it supports, then the Latin mojibake checks."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None and max(data, default=0) > 127:
        korean = _korean_fallback(data)
        if korean is not None:
            return korean
        best = _cjk_fallback(data)
    if best is None:
        raise ImportFailure(name, NOT_TEXT)
    encoding = best.encoding
    if encoding in _LATIN_SET:
        encoding = _latin_choice(data, encoding)
    for family in _FAMILIES:
        if encoding in family:
            encoding = _family_choice(data, encoding, family)
    standard = _STANDARD.get(encoding)
    if standard is not None:  # cp932 maps a few JIS characters differently ("〜" becomes "～"): the standard first
        try:
            return Decoded(data.decode(standard), standard)
        except UnicodeDecodeError:
            pass
    windows = _JIS_2004_TO_WINDOWS.get(encoding)
    if windows is not None:
        try:
            return Decoded(data.decode(windows), windows)
        except UnicodeDecodeError:
            pass
    text = data.decode(encoding) if encoding != best.encoding else str(best)
    return Decoded(text, encoding)


def _korean_fallback(data: bytes) -> Decoded | None:
    """Korean text charset-normalizer rejects (chat-style text full of symbols: "ⓞⓚ", "¿¿", "㉭"), or None.

    Its mess ratio counts every symbol next to a syllable; the Chinese fallback would then read the bytes as gb18030.
    A strict decode whose letters are mostly Hangul syllables, written in short space-separated words (Chinese read
    as Korean gives long unbroken runs, and as many Hanja as syllables), and mostly among the 2,350 common syllables
    (johab bytes read as cp949 give rare ones) is Korean.
    """
    best: tuple[float, Decoded] | None = None
    for codec in _KOREAN:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        runs = _KOREAN_RUN.findall(text)
        syllables = [ch for run in runs for ch in run if "\uac00" <= ch <= "\ud7a3"]
        letters = sum(len(run) for run in runs)
        if len(syllables) < 10 or len(syllables) < 0.6 * letters or letters > 6 * len(runs):
            continue
        if _KANA.search(text):  # Japanese
            continue
        common = sum(1 for ch in syllables if len(ch.encode("euc_kr", "ignore")) == 2) / len(syllables)
        if common >= 0.5 and (best is None or common > best[0]):
            best = (common, Decoded(text, codec))
    return best[1] if best else None


def _cjk_fallback(data: bytes) -> CharsetMatch | None:
    """The multi-byte East Asian decoding charset-normalizer finds above its usual chaos threshold.

    Near ties go by the list's order, Japanese first, since gb18030 decodes almost any pair of high bytes.
    """
    from charset_normalizer import from_bytes

    found = list(from_bytes(data, threshold=_CJK_FALLBACK_CHAOS, cp_isolation=list(_CJK_FALLBACK)))
    if not found:
        return None
    lowest = min(match.chaos for match in found)
    close = [match for match in found if match.chaos <= lowest + 0.02]
    return min(close, key=lambda match: _CJK_FALLBACK.index(match.encoding)
               if match.encoding in _CJK_FALLBACK else len(_CJK_FALLBACK))


def _latin_choice(data: bytes, detected: str) -> str:
    """The single-byte Latin code page whose decoding shows no mojibake and reads best as one language."""
    high = bytes(sorted(set(data) - set(range(128))))
    if not high:
        return detected
    sample = _high_lines(data)
    hints = _hint_alphabets(data)
    def ranked(codec: str) -> tuple[tuple[int, int, int], int]:  # ties go to the more common code page
        return _latin_score(sample, codec, hints), -_LATIN.index(codec) if codec in _LATIN_SET else -len(_LATIN)

    best_codec, best_score = detected, ranked(detected)
    for codec in _LATIN:
        if codec == detected:
            continue
        try:
            if high.decode(codec) == high.decode(detected):
                continue  # same letters for every byte the file uses: same text
        except UnicodeDecodeError:
            continue
        score = ranked(codec)
        if score > best_score:
            best_codec, best_score = codec, score
    return best_codec


def _family_choice(data: bytes, detected: str, family: tuple[str, ...]) -> str:
    """Between a Windows code page and its ISO-8859 sibling (Greek, Hebrew, Arabic): the one without mojibake signs.

    charset-normalizer reads ISO-8859-7 Greek as windows-1253, where "Ά" becomes "¶".
    """
    sample = _high_lines(data)
    best_codec, best_bad = detected, _latin_score(sample, detected)[0]
    for codec in family:
        if codec != detected and _latin_score(sample, codec)[0] > best_bad:
            best_codec, best_bad = codec, _latin_score(sample, codec)[0]
    return best_codec


def _high_lines(data: bytes, limit: int = 32768) -> bytes:
    """The lines that hold non-ASCII bytes (the only ones where code pages differ), up to ``limit`` bytes."""
    kept: list[bytes] = []
    size = 0
    for line in data.splitlines():
        if size >= limit:
            break
        if max(line, default=0) > 127:
            kept.append(line)
            size += len(line) + 1
    return b"\n".join(kept)


def _hint_alphabets(data: bytes) -> list[frozenset[str]]:
    """Alphabets of the languages the ASCII words suggest (charset-normalizer's coherence on the ASCII part)."""
    from charset_normalizer.cd import coherence_ratio

    ascii_text = data.decode("ascii", errors="ignore")[:20000]
    if sum(1 for ch in ascii_text if ch.isalpha()) < 40:
        return []
    ranked = coherence_ratio(ascii_text)[:3]
    return [_ALPHABET_SETS[code] for code in (_ISO639.get(lang.rstrip("—"), "") for lang, _r in ranked)
            if code in _ALPHABET_SETS]


def _latin_score(data: bytes, codec: str, hints: list[frozenset[str]] | None = None) -> tuple[int, int, int]:
    """(minus the mojibake signs, minus the letters outside the best-fitting alphabet): higher is better.

    Mojibake signs: C1 controls (a Windows code page read as ISO-8859), symbols no Latin text uses, a sign inside a
    word ("na±a"), a capital inside a lower-case word ("pÈtÈ"), an accented small letter glued to a capital ("ìThe"),
    an accented letter standing alone as a word ("spam ñ served"). A decoding without them always beats one with
    them; between clean ones, the one whose accented letters all belong to one language's alphabet, then the one
    whose letters fit the languages that the file's ASCII words suggest (``hints``).
    """
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return (-(1 << 30), 0, 0)
    letters: dict[str, int] = {}
    bad = 0
    words: dict[str, int] = {}  # language-bound one-letter words standing alone, by language
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        if ch.isalpha():
            lower = ch.lower()
            letters[lower] = letters.get(lower, 0) + 1
        before, after = text[i - 1] if i else " ", text[i + 1] if i < last else " "
        sign = _mojibake_sign(ch, before, after)
        lang = _LANGUAGE_WORDS.get(ch.lower())
        if sign and lang and not before.isalnum() and not after.isalnum():  # "Į" starts a sentence
            words[lang] = words.get(lang, 0) + sign
        bad += sign
    total = sum(letters.values())
    fits = {lang: sum(n for ch, n in letters.items() if ch in alphabet) for lang, alphabet in _ALPHABET_SETS.items()}
    fit = max(fits.values(), default=0)
    bad -= sum(n for lang, n in words.items() if fits[lang] == fit)
    hinted = max((sum(n for ch, n in letters.items() if ch in alphabet) for alphabet in hints or ()), default=0)
    return (-bad, fit - total, hinted - total)


def _mojibake_sign(ch: str, before: str, after: str) -> int:
    """How strongly the non-ASCII character ``ch`` between ``before`` and ``after`` suggests a wrong code page."""
    if 0x80 <= ord(ch) < 0xA0:
        return 3  # a C1 control
    if unicodedata.category(ch) == "Mn":  # a tone mark on a vowel (Vietnamese cp1258); elsewhere, mojibake
        return int(unicodedata.normalize("NFD", before)[:1].lower() not in _VOWELS)
    if ch.isalpha():
        capital_inside = ch.isupper() and before.isalpha() and before.islower()
        glued_to_capital = ch.islower() and after.isupper()
        alone = not before.isalnum() and not after.isalnum() and ch.lower() not in _ONE_LETTER_WORDS
        return int(capital_inside or glued_to_capital or alone)
    if ch not in _COMMON_SIGNS:
        return 1
    if ch in _NUMERIC_SIGNS:
        return int(before.isalpha() or after.isalpha())  # "wzrosn±": a number sign glued to a word
    if ch in "©®" and after.islower():
        return 1  # "©éf": a copyright sign before a small letter
    return int(ch not in _WORD_INTERNAL_OK and before.isalpha() and after.isalpha())


def detect_language(text: str) -> str:
    """charset-normalizer's language guess as an ISO 639-1 code, or "" when it is not clear-cut.

    Its coherence ratio ranks Latin-script languages closely (French and Italian within a few points); when the
    text's accented letters are frequent enough to tell, the close candidate whose alphabet holds them wins.
    """
    from charset_normalizer.cd import coherence_ratio

    sample = text[:20000]
    alpha = [low for low in (ch.lower() for ch in sample if ch.isalpha()) if len(low) == 1]
    if len(alpha) < 40:
        return ""
    east_asian = _east_asian(alpha)
    if east_asian:
        return east_asian
    ranked = [(_ISO639.get(lang.rstrip("—"), ""), ratio) for lang, ratio in coherence_ratio(sample)]
    ranked = [(code, ratio) for code, ratio in ranked if code]
    if not ranked:
        return ""
    accented = [ch for ch in alpha if "a" <= unicodedata.normalize("NFD", ch)[0] <= "z" and ord(ch) > 127]
    if len(accented) >= 0.01 * len(alpha):
        close = [(code, ratio) for code, ratio in ranked if ratio >= ranked[0][1] - 0.1]

        def fit(code: str) -> int:
            alphabet = _ALPHABET_SETS.get(code, frozenset())
            return sum(1 if ch in alphabet else -1 for ch in accented)

        best = max(close, key=lambda item: (fit(item[0]), item[1]))
        return best[0] if fit(best[0]) > 0 else ""
    first = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if first < 0.3 or first - second < 0.03:
        return ""
    return ranked[0][0]


def _east_asian(letters: list[str]) -> str:
    """ja, ko or zh when Chinese characters, kana or hangul make most of the letters (coherence ignores them)."""
    kana = hangul = han = 0
    for ch in letters:
        if ord(ch) < 0x1100:
            continue
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        kana += script in {"HIRAGANA", "KATAKANA"}
        hangul += script == "HANGUL"
        han += script == "CJK"
    if kana + hangul + han < 0.3 * len(letters):
        return ""
    if hangul > kana + han:
        return "ko"
    return "ja" if kana >= 0.05 * (kana + han) else "zh"


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\n\r\t\f\x1b") + b"\x7f"
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\ufffd]")


def _control_byte_ratio(data: bytes) -> float:
    """Share of C0 control bytes (not whitespace, not ISO-2022's ESC) in the first 8 KiB."""
    sample = data[:8192]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(len(sample), 1)


def _binary_ratio(text: str) -> float:
    """Share of control and replacement characters in the first 20,000 characters."""
    sample = text[:20000]
    return len(_BINARY_CHARS.findall(sample)) / len(sample) if sample else 0.0


def _checked(name: str, decoded: Decoded) -> Decoded:
    """Refuse decodings that are binary junk: NUL bytes or many control / replacement characters."""
    text = decoded.text
    if text.count("\x00") > len(text) // 100 + 1 and decoded.encoding in {"utf_8", "ascii"}:
        padding = sum(len(run) for run in _NUL_RUN.findall(decoded.text.encode("utf-8")))
        if padding >= text.count("\x00") * 9 // 10:  # long runs of NULs around real text: drop them, say so
            kept = text.replace("\x00", "")
            if kept.strip() and _binary_ratio(kept) <= 0.05:
                removed = len(text) - len(kept)
                return Decoded(kept, decoded.encoding, (*decoded.warnings, f"{removed} NUL bytes (padding) removed"))
    if text.count("\x00") > len(text) // 100 + 1 or _binary_ratio(text) > 0.05:
        raise ImportFailure(name, NOT_TEXT)
    return decoded
