"""Saved web pages: the article, in reading order, exactly as published, and the page's metadata.

A saved page holds far more than the article: navigation, cookie banners, "related" lists, footers, scripts. Quotes
are taken from the text of record, so that text must be the article alone. trafilatura finds the main content, with
its own default settings: measured on real pages (benchmarks/realworld_html.py), pruning the page before
trafilatura cost recall and bought no precision (a ``cookie`` body class or a ``<form>`` wrapping the article removed
the article; each rule alone changed nothing or lost phrases), and ``favor_precision`` lost article phrases, so this
module prunes nothing. A page whose only extracted text is its navigation (trafilatura's fallback returns the menus
of an empty page) is refused. It decodes the bytes with the page's declared charset (a few invalid bytes become U+FFFD
and a warning; a declaration the bytes plainly contradict falls back to detection, with a warning), turns
trafilatura's tree into paragraphs separated by blank lines without losing any text (element tails included), and
reads title, author, date, outlet, canonical URL and language from the page.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from workbench.core.errors import ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle
from workbench.io.importers.encoding import Decoded, decode_text, detect_language

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)""", re.I)
_OG_LOCALE = re.compile(
    r"""<meta\b(?=[^>]*property\s*=\s*["']og:locale["'])[^>]*content\s*=\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""",
    re.IGNORECASE,
)
_CANONICAL = re.compile(
    r"""<link\b(?=[^>]*rel\s*=\s*["']canonical["'])[^>]*href\s*=\s*["']([^"']+)["']""", re.IGNORECASE
)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*")
HEAD_SCAN_BYTES = 256 * 1024  # a charset declared after inline scripts and styles still counts, up to </head>
# trafilatura's output elements that start a paragraph of their own (the others are inline: hi, ref, del, lb...)
_BLOCK_TAGS = frozenset({"p", "head", "list", "table", "quote", "code", "div", "ab", "note", "figure", "fw",
                         "item", "row", "cell"})
_SKIPPED_TAGS = frozenset({"graphic"})
NO_ARTICLE = "no article text found in the page"
MENU_WORDS = 60  # an extraction this short that is all navigation text is a page without an article


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its head (``<meta charset>``, ``http-equiv``, XML declaration), or None."""
    xml = _XML_ENCODING.search(data[:1024])
    if xml:
        return xml.group(1).decode("ascii")
    head = data[:HEAD_SCAN_BYTES]
    end = _HEAD_END.search(head)
    match = _META_CHARSET.search(head[: end.end() + 2048] if end else head)
    return match.group(1).decode("ascii") if match else None


def decode_page(name: str, data: bytes) -> Decoded:
    """Decode a page: byte-order mark, then the declared charset, then what :func:`decode_text` finds.

    Raises:
        ImportFailure: if the bytes are not text.
    """
    return decode_text(name, data, declared=declared_charset(data))


def decode_html(name: str, data: bytes) -> str:
    """The page's text (see :func:`decode_page`)."""
    return decode_page(name, data).text


def _to_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _inline_text(element: Any, *, skip_lists: bool = False) -> str:
    """All the text of an element (descendants and their tails), ``<lb/>`` as line breaks, spaces collapsed."""
    parts: list[str] = []
    _collect(element, parts, skip_lists=skip_lists)
    return _collapse("".join(parts))


def _collect(node: Any, parts: list[str], *, skip_lists: bool = False) -> None:
    if node.text:
        parts.append(node.text)
    for child in node:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _SKIPPED_TAGS or (skip_lists and child.tag == "list"):
            pass
        else:
            if child.tag in _BLOCK_TAGS:
                parts.append("\n")
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _collapse(text: str) -> str:
    """Spaces collapsed inside lines, empty lines dropped, soft hyphens (invisible hyphenation hints) removed."""
    lines = [" ".join(line.split()) for line in _SPACES.split(text.replace("\u00ad", ""))]
    return "\n".join(line for line in lines if line)


def _blocks(container: Any) -> list[str]:
    """Paragraph texts of one of trafilatura's containers, in document order; loose text and tails kept."""
    blocks: list[str] = []
    loose: list[str] = [container.text or ""]

    def flush() -> None:
        text = _collapse("".join(loose))
        if text:
            blocks.append(text)
        loose.clear()

    for child in container:
        tag = child.tag
        if tag in _BLOCK_TAGS:
            flush()
            blocks.extend(_block(child))
        elif tag == "lb":
            loose.append("\n")
        elif tag not in _SKIPPED_TAGS:
            _collect(child, loose)
        if child.tail:
            loose.append(child.tail)
    flush()
    return [block for block in blocks if block.strip()]


def _block(element: Any) -> list[str]:
    tag = element.tag
    if tag == "list":
        return ["\n".join(_list_lines(element, 0))]
    if tag == "table":
        return ["\n".join(_table_rows(element))]
    if any(sub.tag in _BLOCK_TAGS for sub in element.iterdescendants()):
        return _blocks(element)  # a quote or div holding paragraphs: each stays a paragraph
    return [_inline_text(element)]


def _table_rows(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table:
        if row.tag != "row":
            text = _inline_text(row)
            if text:
                rows.append(text.replace("\n", " "))
            continue
        cells = [_inline_text(cell).replace("\n", " ") for cell in row]
        if any(cells):
            rows.append(" | ".join(cell for cell in cells if cell))
    return rows


def _list_lines(element: Any, depth: int) -> list[str]:
    ordered = (element.get("rend") or "").lower() == "ol"
    lines: list[str] = []
    number = 0
    if element.text and element.text.strip():
        lines.append("  " * depth + _collapse(element.text))
    for item in element:
        if item.tag == "item":
            number += 1
            marker = f"{number}. " if ordered else "• "
            text = _inline_text(item, skip_lists=True)
            if text:
                lines.append("  " * depth + marker + text.replace("\n", " "))
            for sub in item:
                if sub.tag == "list":
                    lines.extend(_list_lines(sub, depth + 1))  # its tail is in the item's text
        elif item.tag == "list":
            lines.extend(_list_lines(item, depth + 1))
        else:
            text = _inline_text(item)
            if text:
                lines.append("  " * depth + text.replace("\n", " "))
        if item.tail and item.tail.strip():
            lines.append("  " * depth + _collapse(item.tail))
    return lines


def _only_menus(html: str, text: str) -> bool:
    """True when what trafilatura kept is the page's navigation (its fallback returns menus of empty pages)."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return False
    menus = tree.xpath("//nav | //*[@role='navigation' or @role='menubar' or @role='menu']")
    menu_text = "".join("".join("".join(menu.itertext()) for menu in menus).split())
    return bool(menu_text) and all("".join(line.split()) in menu_text for line in text.splitlines() if line.strip())


def _language(html: str, detected: str | None, text: str) -> str:
    """The page's declared language (``<html lang>``, ``og:locale``), else trafilatura's, else the text's."""
    head = html[:20000]
    match = _HTML_LANG.search(head) or _OG_LOCALE.search(head)
    if match:
        return match.group(1).replace("_", "-")
    return detected or detect_language(text)


def extract_article(name: str, html: str) -> tuple[str, dict[str, Any]]:
    """The article text (paragraphs separated by blank lines) and the page metadata.

    Raises:
        ImportFailure: if the page holds no article.
    """
    import trafilatura
    from trafilatura.settings import Document

    doc = None
    attempts = [(html, False), (html, True)]  # trafilatura's defaults; its recall setting only when they find nothing
    if not _DOCUMENT_TAG.search(html) and not html.lstrip().startswith("<?xml"):  # a fragment (a saved element,
        # a mail part), not an XML feed: trafilatura finds nothing in markup without a body
        attempts.append((f"<html><body>{html}</body></html>", False))
    for markup, favor_recall in attempts:
        try:
            doc = trafilatura.bare_extraction(
                markup,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                deduplicate=False,
                favor_recall=favor_recall,
            )
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            raise ImportFailure(name, "unreadable HTML: the markup could not be parsed") from exc
        if isinstance(doc, Document):  # None when trafilatura finds no article (a dict only with as_dict=True)
            break
    if not isinstance(doc, Document):
        raise ImportFailure(name, NO_ARTICLE)
    body = getattr(doc, "body", None)
    blocks = _blocks(body) if body is not None else []
    if not blocks and (doc.text or "").strip():  # an article trafilatura found but did not leave as a tree
        blocks = [_collapse(paragraph) for paragraph in (doc.text or "").split("\n")]
    text = normalize_text("\n\n".join(block for block in blocks if block))
    if len(text.split()) <= MENU_WORDS and _only_menus(html, text):
        raise ImportFailure(name, NO_ARTICLE)
    if not text.strip():
        raise ImportFailure(name, NO_ARTICLE)
    canonical = _CANONICAL.search(html[:50000])
    meta = {
        "title": (doc.title or "").strip(),
        "author": (doc.author or "").strip(),
        "published": _to_date(doc.date),
        "outlet": (doc.sitename or "").strip(),
        "url": canonical.group(1).strip() if canonical else (doc.url or ""),
        "language": _language(html, doc.language, text),
    }
    return text, meta


def read(name: str, data: bytes) -> ImportBundle:
    """Import a saved web page (.html, .htm, .xhtml).

    Raises:
        ImportFailure: if the bytes are not text or the page holds no article.
    """
    decoded = decode_page(name, data)
    html = decoded.text
    if "<" not in html:
        raise ImportFailure(name, "not an HTML page")
    text, meta = extract_article(name, html)
    return ImportBundle(
        name=name,
        kind="html",
        original=data,
        text=text,
        title=meta["title"][:500],
        outlet=meta["outlet"][:200],
        author=meta["author"][:200],
        published=meta["published"],
        url=meta["url"],
        language=meta["language"],
        warnings=decoded.warnings,
    )
