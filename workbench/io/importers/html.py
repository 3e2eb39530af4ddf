"""Saved web pages: the article, in reading order, exactly as published, and the page's metadata.

A saved page holds far more than the article: navigation, cookie banners, "related" lists, footers, scripts. Quotes
are taken from the text of record, so that text must be the article alone. trafilatura finds the main content; this
module decodes the bytes with the page's own charset, turns trafilatura's tree into paragraphs separated by blank
lines, and reads title, author, date, outlet, canonical URL and language from the page.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Any

from workbench.core.errors import ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle
from workbench.io.importers import text as text_importer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)""", re.I)
_OG_LOCALE = re.compile(
    r"""<meta\b(?=[^>]*property\s*=\s*["']og:locale["'])[^>]*content\s*=\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""",
    re.IGNORECASE,
)
_CANONICAL = re.compile(
    r"""<link\b(?=[^>]*rel\s*=\s*["']canonical["'])[^>]*href\s*=\s*["']([^"']+)["']""", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*")
# What browsers actually do with legacy labels (WHATWG Encoding): latin-1 pages are decoded as windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}

# Page furniture removed before extraction, so a page without an article yields nothing rather than its menu.
_PRUNE = [
    "//nav",
    "//footer[not(ancestor::article)]",
    "//header[not(ancestor::article)][not(.//h1)]",
    "//aside",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary']",
    "//*[contains(translate(@class, 'COKIE', 'cokie'), 'cookie')]",
    "//*[contains(translate(@id, 'COKIE', 'cokie'), 'cookie')]",
    "//form",
    "//button",
    "//iframe",
    "//noscript",
]
NO_ARTICLE = "no article text found in the page"


def decode_html(name: str, data: bytes) -> str:
    """Decode a page: byte-order mark, then the declared charset, then UTF-8, then charset detection.

    Raises:
        ImportFailure: if the bytes are not text.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return text_importer.decode(name, data)
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match:
        label = match.group(1).decode("ascii", "replace").strip().lower()
        encoding = _ALIASES.get(label, label)
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = ""
        if encoding and not encoding.startswith("utf-16"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass  # a wrong declaration: fall back to detection
    return text_importer.decode(name, data)


def _to_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _inline_text(element: Any) -> str:
    """Text of an element with ``<lb/>`` as line breaks and whitespace collapsed inside lines."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in _SPACES.split(text)]
    return "\n".join(line for line in lines if line)


def _blocks(body: Any) -> list[str]:
    """Paragraph texts of trafilatura's output tree, in document order."""
    blocks: list[str] = []
    for child in body:
        tag = child.tag
        if tag == "list":
            blocks.append("\n".join(_list_lines(child, 0)))
        elif tag == "table":
            rows = []
            for row in child.iter("row"):
                cells = [_inline_text(cell) for cell in row if cell.tag == "cell"]
                if any(cells):
                    rows.append(" | ".join(cell.replace("\n", " ") for cell in cells))
            blocks.append("\n".join(rows))
        elif tag in {"graphic", "ref"}:
            continue
        elif tag == "quote" and len(child) and all(sub.tag in {"p", "list", "head"} for sub in child):
            blocks.extend(_blocks(child))
        else:
            blocks.append(_inline_text(child))
    return [block for block in blocks if block.strip()]


def _list_lines(element: Any, depth: int) -> list[str]:
    ordered = (element.get("rend") or "").lower() == "ol"
    lines: list[str] = []
    number = 0
    for item in element:
        if item.tag != "item":
            continue
        number += 1
        nested = [sub for sub in item if sub.tag == "list"]
        for sub in nested:
            item.remove(sub)  # safe: the tree is ours, built by trafilatura for this call
        marker = f"{number}. " if ordered else "• "
        text = _inline_text(item)
        if text:
            lines.append("  " * depth + marker + text.replace("\n", " "))
        for sub in nested:
            lines.extend(_list_lines(sub, depth + 1))
    return lines


def _language(html: str, detected: str | None) -> str:
    head = html[:20000]
    match = _HTML_LANG.search(head) or _OG_LOCALE.search(head)
    if match:
        return match.group(1).replace("_", "-")
    return detected or ""


def extract_article(name: str, html: str) -> tuple[str, dict[str, Any]]:
    """The article text (paragraphs separated by blank lines) and the page metadata.

    Raises:
        ImportFailure: if the page holds no article.
    """
    import trafilatura
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            prune_xpath=_PRUNE,
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise ImportFailure(name, f"unreadable HTML ({type(exc).__name__})") from exc
    if not isinstance(doc, Document):  # None when trafilatura finds no article (a dict only with as_dict=True)
        raise ImportFailure(name, NO_ARTICLE)
    body = getattr(doc, "body", None)
    blocks = _blocks(body) if body is not None else []
    text = normalize_text("\n\n".join(blocks))
    if not text.strip():
        raise ImportFailure(name, NO_ARTICLE)
    canonical = _CANONICAL.search(html[:50000])
    meta = {
        "title": (doc.title or "").strip(),
        "author": (doc.author or "").strip(),
        "published": _to_date(doc.date),
        "outlet": (doc.sitename or "").strip(),
        "url": canonical.group(1).strip() if canonical else (doc.url or ""),
        "language": _language(html, doc.language),
    }
    return text, meta


def read(name: str, data: bytes) -> ImportBundle:
    """Import a saved web page (.html, .htm, .xhtml).

    Raises:
        ImportFailure: if the bytes are not text or the page holds no article.
    """
    html = decode_html(name, data)
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
    )
