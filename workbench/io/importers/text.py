"""Plain text and Markdown: detect the encoding, normalise to the text of record.

Encodings: a BOM wins (UTF-8, UTF-16 LE/BE); then strict UTF-8; then charset-normalizer's best guess among the
encodings wire copy actually uses (cp1252, latin-1, ...). Binary junk is refused rather than stored as mojibake.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from workbench.core.errors import ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(name: str, data: bytes) -> str:
    """Decode ``data`` to str, or raise ImportFailure if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFailure(name, f"invalid {encoding} text after its byte-order mark") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _control_byte_ratio(data) > 0.02:  # legacy 8-bit encodings have (almost) no C0 controls
            raise ImportFailure(name, "not a text file (binary content or unknown encoding)") from None
        text = ""
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman", "utf_16"]).best()
        if best is not None:
            text = str(best)
        if not text:
            raise ImportFailure(name, "not a text file (binary content or unknown encoding)") from None
    if data.count(b"\x00") > len(data) // 100 + 1 or _binary_ratio(text) > 0.05:
        raise ImportFailure(name, "not a text file (binary content or unknown encoding)")
    return text


def _control_byte_ratio(data: bytes) -> float:
    sample = data[:8192]
    bad = sum(1 for byte in sample if (byte < 32 and byte not in b"\n\r\t\f") or byte == 0x7F)
    return bad / max(len(sample), 1)


def _binary_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / len(sample)


def read(name: str, data: bytes) -> ImportBundle:
    """Import a .txt or .md file."""
    text = normalize_text(decode(name, data))
    if not text.strip():
        raise ImportFailure(name, "the file holds no text")
    kind = "md" if Path(name).suffix.lower() in {".md", ".markdown"} else "txt"
    return ImportBundle(name=name, kind=kind, original=data, text=text, title=guess_title(text) or Path(name).stem,
                        published=guess_published(text))


def pasted(name: str, data: bytes) -> ImportBundle:
    """Text pasted in the window or piped to ``workbench import -``: the text importer's rules, kind ``pasted``."""
    if not data.strip():
        raise ImportFailure(name, "nothing to import: the text is empty")
    bundle = read(name, data)
    return replace(bundle, kind="pasted")


_DATE_ONLY = re.compile(r"^[\W\d_]*$")
_SITE = re.compile(r"\b[\w-]+\.(?:com|fr|org|net|info|news|io|be|ch|ca)\b", re.I)
_MONTHS = {m: i for i, m in enumerate(("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                        "septembre", "octobre", "novembre", "décembre"), start=1)}
_MONTHS.update({"janv.": 1, "févr.": 2, "fév.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11,
                "déc.": 12, "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
                "sep.": 9, "dec.": 12})
_MONTHS.update({m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                             "august", "september", "october", "november", "december"), start=1)})
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
_WORDS = re.compile(r"\b(\d{1,2})(?:er)?\s+(" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
                    + r")\s+((?:19|20)\d\d)\b", re.I)
_BYLINE = re.compile(r"^(par|by|de|from|publié|published|mis à jour|updated)\b", re.I)


def guess_title(text: str) -> str:
    """The first line that reads like a headline: not a date, a site name or a menu (at least four words)."""
    first = ""
    for raw in text.split("\n")[:40]:
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        if raw.startswith("# "):  # a Markdown title
            return line[:200]
        first = first or line
        words = line.split()
        lower = sum(1 for w in words[1:] if w[:1].islower())
        headline = (len(words) >= 4 and lower >= len(words) // 3 and not line.endswith(":")
                    and not _DATE_ONLY.match(line) and not _SITE.search(line) and not _BYLINE.match(line))
        if headline and len(line) <= 200:
            return line
    return first[:200]


def guess_published(text: str) -> dt.date | None:
    """A publication date stated in the first lines (a dateline such as ``06/02/2026`` or ``le 6 février 2026``)."""
    head = "\n".join(text.split("\n")[:6])[:600]
    found: list[tuple[int, dt.date | None]] = []
    for m in _ISO.finditer(head):
        found.append((m.start(), _date(int(m[1]), int(m[2]), int(m[3]))))
    for m in _DMY.finditer(head):
        found.append((m.start(), _date(int(m[3]), int(m[2]), int(m[1]))))
    for m in _WORDS.finditer(head):
        found.append((m.start(), _date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))))
    dates = [d for _pos, d in sorted(found, key=lambda x: x[0]) if d is not None]
    return dates[0] if dates else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
