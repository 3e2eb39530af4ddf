"""Word documents (.docx): paragraphs, lists and tables in document order, with the core properties.

The text of record keeps what a reader sees: headings and paragraphs as blocks separated by blank lines, list items
prefixed with "• " or their number, and tables as rows of cells joined by " | ". Nothing is re-flowed, so quotes
taken from the document match it word for word.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOT_DOCX = "not a valid Word document (corrupt file or not a .docx)"


class _Numbering:
    """Resolves list markers ("• " or "3. ") from the numbering part, counting items per list and level."""

    def __init__(self, document: Any) -> None:
        self._formats: dict[tuple[str, int], str] = {}
        self._counters: dict[tuple[str, int], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, str]] = {}
        for node in numbering.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iterchildren(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = fmt.get(f"{_W}val", "decimal") if fmt is not None else ""
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for level, fmt in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self._formats[(num.get(f"{_W}numId", ""), level)] = fmt

    def marker(self, num_id: str, level: int) -> str:
        """The prefix of the next item of list ``num_id`` at ``level``."""
        fmt = self._formats.get((num_id, level), "bullet")
        if fmt in {"bullet", "none", ""}:
            return "• " if fmt == "bullet" or not fmt else ""
        key = (num_id, level)
        self._counters[key] = self._counters.get(key, 0) + 1
        for other in list(self._counters):  # a new item resets deeper levels
            if other[0] == num_id and other[1] > level:
                del self._counters[other]
        n = self._counters[key]
        if fmt == "lowerLetter":
            return f"{chr(96 + (n - 1) % 26 + 1)}) "
        if fmt == "upperLetter":
            return f"{chr(64 + (n - 1) % 26 + 1)}. "
        return f"{n}. "


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """The (numId, level) of a list paragraph, from its own properties or its style's."""
    p_pr = paragraph._p.pPr
    # python-docx types CT_PPr.numPr as its ZeroOrOne descriptor rather than the CT_NumPr element it returns.
    num_pr: Any = p_pr.numPr if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        style_ppr = style.element.pPr
        num_pr = style_ppr.numPr if style_ppr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    num_id = str(num_pr.numId.val)
    if num_id == "0":
        return None
    level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
    return num_id, level


def _paragraph_text(paragraph: Paragraph, numbering: _Numbering) -> str:
    text = paragraph.text.replace("\t", " ").rstrip()
    if not text.strip():
        return ""
    num = _num_pr(paragraph)
    if num is not None:
        return "  " * num[1] + numbering.marker(*num) + text.strip()
    style_name = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if style_name.startswith("list bullet"):
        return "• " + text.strip()
    return text


def _table_text(table: Any) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _language(document: Any, declared: str) -> str:
    if declared:
        return declared
    try:
        styles = document.styles.element
    except (AttributeError, KeyError):
        return ""
    lang = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    return lang.get(f"{_W}val", "") if lang is not None else ""


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else None


def read(name: str, data: bytes) -> ImportBundle:
    """Import a .docx file.

    Raises:
        ImportFailure: if the file is not a readable Word document or holds no text.
    """
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError) as exc:
        raise ImportFailure(name, NOT_DOCX) from exc
    except Exception as exc:  # lxml syntax errors in a damaged part, and the like
        raise ImportFailure(name, f"{NOT_DOCX}: {type(exc).__name__}") from exc

    numbering = _Numbering(document)
    blocks: list[str] = []
    pending_list: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)
            text = _paragraph_text(paragraph, numbering)
            if not text:
                continue
            if _num_pr(paragraph) is not None or text.startswith("• "):
                pending_list.append(text)  # list items stay on consecutive lines
                continue
            if pending_list:
                blocks.append("\n".join(pending_list))
                pending_list = []
            blocks.append(text)
        elif child.tag == f"{_W}tbl":
            if pending_list:
                blocks.append("\n".join(pending_list))
                pending_list = []
            blocks.append(_table_text(Table(child, document)))
    if pending_list:
        blocks.append("\n".join(pending_list))
    text = normalize_text("\n\n".join(block for block in blocks if block.strip()))
    if not text.strip():
        raise ImportFailure(name, "the document holds no text")
    props = document.core_properties
    return ImportBundle(
        name=name,
        kind="docx",
        original=data,
        text=text,
        title=(props.title or "").strip(),
        author=(props.author or "").strip(),
        published=_date(props.created),
        language=_language(document, (props.language or "").strip()),
        extra={"modified": props.modified.isoformat() if props.modified else ""},
    )
