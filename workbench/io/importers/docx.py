"""Word documents (.docx): every part a reader sees, in reading order, from a plain walk of the package's XML.

The text of record keeps what a reader sees, as blocks separated by blank lines:

- headers first (each header part once, a paragraph repeated across parts once), then the body, then the footers,
  so that running text never interrupts the body;
- body paragraphs, list items prefixed with "• " or their number (consecutive items on consecutive lines), tables as
  rows of cells joined by " | " (a nested table's rows joined by " / " inside its cell; a row with a single filled
  cell written as plain lines), content controls (``w:sdt``) as their content;
- text boxes (``w:txbxContent``, read once: the ``mc:Fallback`` copy is skipped) right after the paragraph that
  anchors them;
- footnotes and endnotes as blocks ``[1] text`` (endnotes ``[i] text``, numbered in the order they are called)
  right after the paragraph (or table) that calls them, as the PDF importer puts a page's notes after it. The call
  itself leaves no mark in the sentence, so the paragraph reads word for word as written (a quote spanning the
  call still matches); notes that nothing calls come after the body;
- comments as ``[Comment (author): text]`` after the paragraph they are attached to.

Nothing is re-flowed, so quotes taken from the document match it word for word.

Why the XML is walked here rather than read through python-docx: python-docx exposes neither footnotes, endnotes,
comments nor text boxes, gives no access to content controls or nested tables in document order, refuses Strict
OOXML, and loads every related part (a missing image refuses the whole file). The package side (size-bounded zip,
relationships, Strict namespaces) is :mod:`workbench.io.importers.docx_package`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from workbench.core.errors import ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle
from workbench.io.importers.docx_package import MC, NOT_DOCX, Package, R, W

__all__ = ["NOT_DOCX", "read"]


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_P, _TBL, _TR, _TC, _T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("t")
_SDT, _SDT_CONTENT, _TXBX = _w("sdt"), _w("sdtContent"), _w("txbxContent")
_BREAKS = {_w("br"), _w("cr")}
_SPACES = {_w("tab"), _w("ptab")}
_FOOTNOTE_REF, _ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
_NOTE_MARKS = {_w("footnoteRef"), _w("endnoteRef")}
_COMMENT_REF = _w("commentReference")
_FALLBACK = f"{{{MC}}}Fallback"
# Never text: deleted and field-code text, properties, and the Fallback copy of an mc:AlternateContent.
_SKIP = {_w(n) for n in ("delText", "instrText", "delInstrText", "pPr", "rPr", "sdtPr", "sdtEndPr", "tblPr",
                         "tblGrid", "trPr", "tcPr", "sectPr", "fldData", "del", "moveFrom")} | {_FALLBACK}
_ID = _w("id")
_VAL = _w("val")
_NOTE_KINDS = ("footnote", "endnote")


class _Styles:
    """Paragraph styles: names, inheritance and the list numbering they carry; the document's default language."""

    def __init__(self, root: Any | None) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.num_pr: dict[str, tuple[str | None, int | None]] = {}
        self.default = ""
        self.language = ""
        if root is None:
            return
        lang = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
        self.language = lang.get(_VAL, "") if lang is not None else ""
        for style in root.iterchildren(_w("style")):
            if style.get(_w("type"), "paragraph") != "paragraph":
                continue
            sid = style.get(_w("styleId"), "")
            name = style.find(_w("name"))
            self.names[sid] = name.get(_VAL, "") if name is not None else sid
            based = style.find(_w("basedOn"))
            if based is not None:
                self.based_on[sid] = based.get(_VAL, "")
            num = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num is not None:
                self.num_pr[sid] = _num_fields(num)
            if style.get(_w("default")) in ("1", "true", "on"):
                self.default = sid

    def chain(self, style_id: str) -> Iterator[str]:
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            yield style_id
            style_id = self.based_on.get(style_id, "")


def _num_fields(num_pr: Any) -> tuple[str | None, int | None]:
    num_id = num_pr.find(_w("numId"))
    ilvl = num_pr.find(_w("ilvl"))
    level = None
    if ilvl is not None:
        try:
            level = int(ilvl.get(_VAL, "0"))
        except ValueError:
            level = 0
    return (num_id.get(_VAL, "") if num_id is not None else None), level


class _Numbering:
    """Resolves list markers ("• ", "3.", "II.", "1.2)") from the numbering part, counting items per list and level.

    A level's ``w:lvlText`` is the marker's pattern: ``%1`` stands for the count at level 1 in that level's format.
    """

    def __init__(self, root: Any | None) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> level -> (format, text, start)
        self._counters: dict[tuple[str, int], int] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterchildren(_w("abstractNum")):
            levels = {}
            for lvl in node.iterchildren(_w("lvl")):
                try:
                    level = int(lvl.get(_w("ilvl"), "0"))
                    start = int(_child_val(lvl, "start") or "1")
                except ValueError:
                    continue
                fmt = lvl.find(_w("numFmt"))
                text = lvl.find(_w("lvlText"))
                levels[level] = (
                    fmt.get(_VAL, "decimal") if fmt is not None else "",
                    text.get(_VAL, "") if text is not None else f"%{level + 1}.",
                    start,
                )
            abstract[node.get(_w("abstractNumId"), "")] = levels
        for num in root.iterchildren(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is not None:
                self._levels[num.get(_w("numId"), "")] = abstract.get(ref.get(_VAL, ""), {})

    def marker(self, num_id: str, level: int) -> str:
        """The prefix of the next item of list ``num_id`` at ``level``."""
        levels = self._levels.get(num_id, {})
        fmt, pattern, start = levels.get(level, ("bullet", "", 1))
        if fmt == "bullet" or not fmt:
            return "• "
        if fmt == "none":
            return ""
        key = (num_id, level)
        self._counters[key] = self._counters.get(key, start - 1) + 1
        for other in list(self._counters):  # a new item resets deeper levels
            if other[0] == num_id and other[1] > level:
                del self._counters[other]

        def count(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            at_fmt, _, at_start = levels.get(at, ("decimal", "", 1))
            return _number(self._counters.get((num_id, at), at_start), at_fmt)

        marker = re.sub(r"%([1-9])", count, pattern).strip()
        return f"{marker} " if marker else ""


def _child_val(el: Any, name: str) -> str:
    child = el.find(_w(name))
    return child.get(_VAL, "") if child is not None else ""


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _number(n: int, fmt: str) -> str:
    """``n`` written in a WordprocessingML number format (decimal for the formats not listed)."""
    if n < 1:
        return str(n)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return chr(96 + (n - 1) % 26 + 1) * ((n - 1) // 26 + 1)
    if fmt == "upperLetter":
        return chr(64 + (n - 1) % 26 + 1) * ((n - 1) // 26 + 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Walker:
    """Turns WordprocessingML parts into blocks of text, holding the notes and comments they call."""

    def __init__(self, package: Package, main: str, root: Any) -> None:
        self.package = package
        self.root = root
        rels = package.rels(main)
        self.rels = {rel.id: rel for rel in rels}
        by_kind: dict[str, list[str]] = {}
        for rel in rels:
            if not rel.external:
                by_kind.setdefault(rel.kind, []).append(rel.target)
        self.by_kind = by_kind
        self.styles = _Styles(self._part("styles"))
        self.numbering = _Numbering(self._part("numbering"))
        self.notes: dict[str, dict[str, Any]] = {kind: {} for kind in _NOTE_KINDS}
        self.note_format = {"footnote": "decimal", "endnote": "lowerRoman"}
        for kind in _NOTE_KINDS:
            part = self._part(f"{kind}s")
            if part is not None:
                for note in part.iterchildren(_w(kind)):
                    if note.get(_w("type"), "normal") in ("normal", ""):
                        self.notes[kind][note.get(_ID, "")] = note
        self._note_formats(self._part("settings"))
        self.comments: dict[str, Any] = {}
        part = self._part("comments")
        if part is not None:
            for comment in part.iterchildren(_w("comment")):
                self.comments[comment.get(_ID, "")] = comment
        self.labels: dict[tuple[str, str], str] = {}
        self.counts = dict.fromkeys(_NOTE_KINDS, 0)
        self.pending: list[tuple[str, str]] = []  # (kind, id) of notes and comments called but not yet written
        self.written: set[tuple[str, str]] = set()
        self.current_label = ""

    def _part(self, kind: str) -> Any | None:
        targets = self.by_kind.get(kind, [])
        return self.package.xml(targets[0], warn_missing=True) if targets else None

    def _note_formats(self, settings: Any | None) -> None:
        for holder in (settings, self.root.find(f"{_w('body')}/{_w('sectPr')}")):
            if holder is None:
                continue
            for kind in _NOTE_KINDS:
                fmt = holder.find(f"{_w(kind + 'Pr')}/{_w('numFmt')}")
                if fmt is not None and fmt.get(_VAL):
                    self.note_format[kind] = fmt.get(_VAL, "")

    # --- blocks -------------------------------------------------------------------------------------------------

    def blocks(self, container: Any, *, top: bool = False) -> list[str]:
        """The blocks of a body-like element (body, cell, text box, note, header); ``top`` writes notes after each."""
        out: list[str] = []
        items: list[str] = []  # consecutive list items, written as one block
        for child in _content(container):
            tag = child.tag
            if tag == _P:
                text, boxes, is_item = self._paragraph(child)
                if not text and not boxes:
                    continue  # an empty paragraph does not break a list
                if text and is_item:
                    items.append(text)
                    if not boxes and not (top and self.pending):
                        continue
                if items:
                    out.append("\n".join(items))
                    items = []
                if text and not is_item:
                    out.append(text)
                for box in boxes:
                    out.extend(box)
            elif tag == _TBL:
                if items:
                    out.append("\n".join(items))
                    items = []
                lines = self._table(child)
                if lines:
                    out.append("\n".join(lines))
            else:
                continue
            if top:
                out.extend(self.flush())
        if items:
            out.append("\n".join(items))
        if top:
            out.extend(self.flush())
        return out

    def _paragraph(self, p: Any) -> tuple[str, list[list[str]], bool]:
        """(text, text boxes and nested paragraphs as blocks, is a list item) of a paragraph."""
        parts: list[str] = []
        boxes: list[list[str]] = []
        self._inline(p, parts, boxes)
        text = re.sub(r"[ \t]+\n", "\n", "".join(parts)).rstrip()
        if not text.strip():
            return "", boxes, False
        num = self._num_pr(p)
        if num is not None:
            return "  " * num[1] + self.numbering.marker(*num) + text.strip(), boxes, True
        if self._style_name(p).lower().startswith("list bullet"):
            return "• " + text.strip(), boxes, True
        return text, boxes, False

    def _inline(self, el: Any, parts: list[str], boxes: list[list[str]]) -> None:
        for child in el:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in _SKIP:
                continue
            elif tag in _SPACES:
                parts.append(" ")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
            elif tag == _TXBX:
                boxes.append(self.blocks(child))
            elif tag == _P:  # a paragraph inside a paragraph (shapes, frames): its own block
                boxes.append(self.blocks(_Wrap(child)))
            elif tag in (_FOOTNOTE_REF, _ENDNOTE_REF):
                # No mark in the sentence: the paragraph stays word for word what the document says, and the
                # note, labelled with its number, follows the paragraph.
                self._call("footnote" if tag == _FOOTNOTE_REF else "endnote", child.get(_ID, ""))
            elif tag in _NOTE_MARKS:
                parts.append(f"[{self.current_label}]" if self.current_label else "")
            elif tag == _COMMENT_REF:
                cid = child.get(_ID, "")
                if cid in self.comments and ("comment", cid) not in self.written:
                    self.pending.append(("comment", cid))
                    self.written.add(("comment", cid))
            elif isinstance(tag, str):
                self._inline(child, parts, boxes)

    def _call(self, kind: str, note_id: str) -> str:
        """The label of a note called here; the note is queued to be written after this block."""
        if note_id not in self.notes[kind]:
            return ""
        key = (kind, note_id)
        if key not in self.labels:
            self.counts[kind] += 1
            self.labels[key] = _number(self.counts[kind], self.note_format[kind])
        if key not in self.written:
            self.written.add(key)
            self.pending.append(key)
        return self.labels[key]

    def flush(self) -> list[str]:
        """The notes and comments called since the last flush, as blocks (a note may call others: they follow)."""
        out: list[str] = []
        while self.pending:
            kind, key = self.pending.pop(0)
            if kind == "comment":
                comment = self.comments[key]
                body = " ".join(" ".join(b.split("\n")) for b in self.blocks(comment))
                author = comment.get(_w("author"), "").strip()
                out.append(f"[Comment ({author}): {body}]" if author else f"[Comment: {body}]")
                continue
            label = self.labels[(kind, key)]
            saved, self.current_label = self.current_label, label
            blocks = self.blocks(self.notes[kind][key])
            self.current_label = saved
            text = "\n".join(blocks).strip()
            if not text:
                continue
            if not text.startswith(f"[{label}]"):
                text = f"[{label}] {text}"
            out.append(text)
        return out

    def unreferenced(self) -> list[str]:
        """Notes and comments that no reference calls, written at the end so their text is not lost."""
        for kind in _NOTE_KINDS:
            for note_id in self.notes[kind]:
                if (kind, note_id) not in self.written:
                    self._call(kind, note_id)
        for cid in self.comments:
            if ("comment", cid) not in self.written:
                self.written.add(("comment", cid))
                self.pending.append(("comment", cid))
        return self.flush()

    # --- tables -------------------------------------------------------------------------------------------------

    def _table(self, tbl: Any) -> list[str]:
        """A table as lines: one per row, cells joined by " | "; a row with one filled cell as that cell's lines."""
        lines: list[str] = []
        for row in _content(tbl):
            if row.tag != _TR:
                continue
            cells = [self._cell(tc) for tc in _content(row) if tc.tag == _TC]
            filled = [c for c in cells if c]
            if len(filled) == 1:  # a layout row (forms, one-column frames): paragraphs and nested rows as lines
                for piece in filled[0]:
                    lines.extend([piece] if isinstance(piece, str) else piece)
            elif filled:
                lines.append(" | ".join(" ".join(p if isinstance(p, str) else " / ".join(p) for p in c)
                                        for c in cells))
        return lines

    def _cell(self, tc: Any) -> list[str | list[str]]:
        """A cell's pieces: paragraphs and text boxes as one-line strings, nested tables as their lines."""
        pieces: list[str | list[str]] = []
        for child in _content(tc):
            if child.tag == _P:
                text, boxes, _ = self._paragraph(child)
                if text.strip():
                    pieces.append(" ".join(text.split("\n")).strip())
                pieces.extend(" ".join(b.split("\n")) for box in boxes for b in box if b.strip())
            elif child.tag == _TBL:
                rows = self._table(child)
                if rows:
                    pieces.append(rows)
        return pieces

    # --- styles -------------------------------------------------------------------------------------------------

    def _style_id(self, p: Any) -> str:
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        return style.get(_VAL, "") if style is not None else self.styles.default

    def _style_name(self, p: Any) -> str:
        sid = self._style_id(p)
        return self.styles.names.get(sid, sid)

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        """The (numId, level) of a list paragraph, from its own properties or its style's."""
        own = p.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id, level = _num_fields(own) if own is not None else (None, None)
        for sid in self.styles.chain(self._style_id(p)):
            if num_id is not None and level is not None:
                break
            s_id, s_level = self.styles.num_pr.get(sid, (None, None))
            num_id = num_id if num_id is not None else s_id
            level = level if level is not None else s_level
        if not num_id or num_id == "0":
            return None
        return num_id, level or 0

    # --- headers and footers ------------------------------------------------------------------------------------

    def running(self, kind: str) -> list[str]:
        """Each header (or footer) part once, in the order sections call them; a paragraph repeated in parts once."""
        order: list[str] = []
        for ref in self.root.iter(_w(f"{kind}Reference")):
            rel = self.rels.get(ref.get(f"{{{R}}}id", ""))
            if rel is not None and not rel.external and rel.target not in order:
                order.append(rel.target)
        order += [t for t in self.by_kind.get(kind, []) if t not in order]
        out: list[str] = []
        seen: set[str] = set()
        for target in order:
            root = self.package.xml(target, warn_missing=True)
            if root is None:
                continue
            for block in self.blocks(root, top=True):
                key = " ".join(block.split())
                if key and key not in seen:
                    seen.add(key)
                    out.append(block)
        return out


class _Wrap:
    """Lets a lone paragraph be walked as a container of one block."""

    def __init__(self, p: Any) -> None:
        self.p = p

    def __iter__(self) -> Iterator[Any]:
        return iter([self.p])


_TRANSPARENT = {_w(n) for n in ("customXml", "ins", "moveTo", "smartTag", "sdtContent")}


def _content(container: Any) -> Iterator[Any]:
    """Block-level children of ``container``, seen through content controls and other transparent wrappers."""
    for child in container:
        tag = child.tag
        if tag in (_P, _TBL, _TR, _TC):
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _content(content)
        elif tag == f"{{{MC}}}AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                yield from _content(choice)
        elif tag in _TRANSPARENT:
            yield from _content(child)


# --- metadata -------------------------------------------------------------------------------------------------------


def _core_properties(package: Package) -> dict[str, str]:
    target = next((r.target for r in package.rels("") if r.kind == "core-properties" and not r.external),
                  "docProps/core.xml")
    root = package.xml(target)
    found: dict[str, str] = {}
    if root is None:
        return found
    for el in root:
        if isinstance(el.tag, str):
            found[el.tag.rsplit("}", 1)[-1]] = (el.text or "").strip()
    return found


def _date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if match is None:
            return None
        try:
            return dt.datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None


def read(name: str, data: bytes) -> ImportBundle:
    """Import a .docx file.

    Raises:
        ImportFailure: if the file is not a readable Word document, expands beyond the size limit, or holds no text.
    """
    package = Package(name, data)
    main = package.main_part()
    root = package.xml(main)
    if root is None:
        why = package.skipped.get(main, "it is damaged")
        raise ImportFailure(name, f"{NOT_DOCX}: the main document part cannot be read ({why})")
    body = root.find(_w("body"))
    if body is None:
        if root.tag.startswith(f"{{{W}}}"):
            raise ImportFailure(name, "the document holds no text")
        raise ImportFailure(name, NOT_DOCX)
    walker = _Walker(package, main, root)
    headers = walker.running("header")
    blocks = walker.blocks(body, top=True)
    blocks += walker.unreferenced()
    footers = walker.running("footer")
    text = normalize_text("\n\n".join(b for b in headers + blocks + footers if b.strip()))
    if not text.strip():
        pictures = next(root.iter(_w("drawing"), _w("pict"), _w("object")), None) is not None
        raise ImportFailure(name, "the document holds no text, only pictures" if pictures
                            else "the document holds no text")
    props = _core_properties(package)
    created, modified = _date(props.get("created", "")), _date(props.get("modified", ""))
    return ImportBundle(
        name=name,
        kind="docx",
        original=data,
        text=text,
        title=props.get("title", ""),
        author=props.get("creator", ""),
        published=created.date() if created else None,
        language=props.get("language", "") or walker.styles.language,
        warnings=tuple(dict.fromkeys(package.warnings)),
        extra={"modified": modified.isoformat() if modified else ""},
    )
