"""Plain text and Markdown: detect the encoding, normalise to the text of record.

Encodings: a BOM wins (UTF-8, UTF-16 LE/BE); then strict UTF-8; then charset-normalizer's best guess among the
encodings wire copy actually uses (cp1252, latin-1, ...). Binary junk is refused rather than stored as mojibake.
"""

from __future__ import annotations

import codecs
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
    title = ""
    for line in text.split("\n"):
        if line.strip():
            title = line.strip().lstrip("#").strip()[:200]
            break
    return ImportBundle(name=name, kind=kind, original=data, text=text, title=title or Path(name).stem)
