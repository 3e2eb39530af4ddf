"""The package side of a Word file: a size-bounded zip, relationships, and XML parts in one namespace.

A .docx is a zip of XML parts tied together by relationship files (Open Packaging Conventions). This module reads
only the parts the importer asks for, so a missing image or a damaged embedded object never costs the text. Every
read counts against one budget of uncompressed bytes (:data:`MAX_UNPACKED_BYTES`), checked against the sizes the zip
declares *before* anything is decompressed and again while the bytes come out (declared sizes can lie): a 5 KB file
that expands to gigabytes is refused at once, with little memory used.

Strict OOXML (ISO 29500 Strict) writes the same vocabulary under ``http://purl.oclc.org/ooxml/...`` names; parts are
renamed to the transitional namespaces as they are parsed, so the walker in :mod:`workbench.io.importers.docx`
knows one set of tags. XML is parsed without entity expansion, DTDs or network access.

It does not interpret any WordprocessingML: that is the importer's job.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from lxml import etree

from workbench.core.errors import ImportFailure

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""Uncompressed bytes one import may take out of a package, all parts together. Parsed, 64 MiB of dense
WordprocessingML takes about 1 GiB of memory; real documents stay far below (a 300-page report: 3 to 10 MiB)."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_STRICT = {
    "http://purl.oclc.org/ooxml/wordprocessingml/main": W,
    "http://purl.oclc.org/ooxml/officeDocument/relationships": R,
}
_CHUNK = 1 << 20
_MAX_RATIO = 1100
NOT_DOCX = "not a valid Word document (corrupt file or not a .docx)"


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship: its id, the last segment of its type (``header``, ``footnotes``...) and its target part."""

    id: str
    kind: str
    target: str
    external: bool


class Package:
    """Reads parts of a zip package within a budget of uncompressed bytes; collects warnings about skipped parts."""

    def __init__(self, name: str, data: bytes, budget: int | None = None) -> None:
        self.name = name
        self.limit = MAX_UNPACKED_BYTES if budget is None else budget
        self.budget = self.limit
        self.warnings: list[str] = []
        self.skipped: dict[str, str] = {}  # part -> why it could not be read
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ImportFailure(name, "an old Word (.doc) or password-protected file, not a .docx")
        try:
            self.zip = zipfile.ZipFile(_bytes_io(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, NotImplementedError,
                struct.error, KeyError, IndexError) as exc:  # a damaged central directory, in all its forms
            raise ImportFailure(name, NOT_DOCX) from exc
        # Part names are case-insensitive (OPC); some writers also percent-encode them in relationships.
        self._names = {info.filename.lower(): info for info in self.zip.infolist()}
        declared = sum(info.file_size for info in self._names.values())
        if declared > self.budget and declared > _MAX_RATIO * max(len(data), 1):
            # Deflate cannot expand more than ~1032 times: members sharing their data, or lying sizes.
            self._too_large(declared)

    def has(self, part: str) -> bool:
        """Whether the zip holds ``part``."""
        return part.lower() in self._names

    def read(self, part: str) -> bytes | None:
        """The bytes of ``part``, or None when the zip lacks it or it is damaged (a warning says which).

        Raises:
            ImportFailure: when the part would take the package past the uncompressed-size budget.
        """
        info = self._names.get(part.lower())
        if info is None:
            return None
        if info.file_size > self.budget:
            self._too_large(info.file_size)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # bzip2 and LZMA members decompress without an output bound in zipfile: never read them.
            self._skip(part, f"its compression (method {info.compress_type}) is not one Word uses")
            return None
        out = bytearray()
        try:
            with self.zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    out += chunk
                    if len(out) > self.budget:
                        self._too_large(len(out))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError,
                struct.error) as exc:  # what zipfile raises on damaged entries (bad offsets, CRC, headers)
            self._skip(part, f"it is damaged ({_reason(exc)})")
            return None
        self.budget -= len(out)
        return bytes(out)

    def _skip(self, part: str, why: str) -> None:
        self.skipped[part] = why
        self.warnings.append(f"part {part} skipped: {why}")

    def _too_large(self, size: int) -> None:
        raise ImportFailure(
            self.name,
            f"the document would expand to more than {self.limit // 1_048_576} MiB when unpacked (a zip bomb?)",
        ) from None

    def xml(self, part: str, *, warn_missing: bool = False) -> Any | None:
        """The root element of XML ``part`` in transitional namespaces, or None (missing, damaged beyond repair)."""
        data = self.read(part)
        if data is None:
            if warn_missing and not self.has(part):
                self.warnings.append(f"part {part} is missing from the package")
            return None
        root = parse_xml(data)
        if root is None:
            root = parse_xml(data, recover=True)
            if root is None:
                self._skip(part, "it is not well-formed XML")
                return None
            self.warnings.append(f"part {part} is not well-formed XML: read what could be recovered")
        return root

    def rels(self, part: str) -> list[Rel]:
        """The relationships of ``part`` ('' for the package itself), targets resolved to part names."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        if root is None:
            return []
        found = []
        for node in root.iter(f"{{{_PKG_REL}}}Relationship"):
            target = unquote(node.get("Target", ""))
            external = node.get("TargetMode", "") == "External"
            if not external:
                given = posixpath.normpath(target.lstrip("/")).lstrip("/")
                target = given if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(target).lstrip("/")
                if not self.has(target) and self.has(given):  # some writers give package-relative targets
                    target = given
            kind = node.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
            found.append(Rel(node.get("Id", ""), kind, target, external))
        return found

    def main_part(self) -> str:
        """The main document part: named by the package relationships, else by the content types, else the default.

        Raises:
            ImportFailure: when the package holds no Word document part.
        """
        for rel in self.rels(""):
            if rel.kind == "officeDocument" and not rel.external and self.has(rel.target):
                return rel.target
        types = self.xml("[Content_Types].xml")
        if types is not None:
            for node in types.iter(f"{{{_CT}}}Override"):
                if "wordprocessingml" in node.get("ContentType", "") and ".main+xml" in node.get("ContentType", ""):
                    part = node.get("PartName", "").lstrip("/")
                    if self.has(part):
                        return str(part)
        if self.has("word/document.xml"):
            return "word/document.xml"
        if (self.read("mimetype") or b"").startswith(b"application/vnd.oasis.opendocument"):
            raise ImportFailure(self.name, "an OpenDocument file (.odt), not a .docx: save it as .docx first")
        raise ImportFailure(self.name, f"{NOT_DOCX}: no Word document part in the package")


def parse_xml(data: bytes, *, recover: bool = False) -> Any | None:
    """Parse ``data`` safely (no entities, DTD or network) and rename Strict OOXML namespaces; None on failure."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=recover,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    if b"purl.oclc.org/ooxml/" in data:
        _unstrict(root)
    return root


def _unstrict(root: Any) -> None:
    """Rename Strict OOXML element and attribute namespaces to the transitional ones, in place."""
    for el in root.iter():
        tag = el.tag
        if isinstance(tag, str) and tag.startswith("{http://purl.oclc.org/"):
            ns, _, local = tag[1:].partition("}")
            if ns in _STRICT:
                el.tag = f"{{{_STRICT[ns]}}}{local}"
        for key in list(el.attrib):
            if key.startswith("{http://purl.oclc.org/"):
                ns, _, local = key[1:].partition("}")
                if ns in _STRICT:
                    el.attrib[f"{{{_STRICT[ns]}}}{local}"] = el.attrib.pop(key)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text[:80] or "unreadable data"


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)
