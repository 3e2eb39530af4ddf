"""WordprocessingML written as text for the bulk of a DOCX report, parsed once per claim.

python-docx's object API costs ~0.1 ms per run property (it inserts each child in schema order by scanning), which
made a 2,000-claim report take 25 s. The claims' paragraphs are simple (styled paragraphs of formatted runs, links,
one two-row table), so they are written here as XML strings in schema order and handed to lxml in one parse per
claim; the header, summary and end tables still use python-docx. All text goes through :func:`clean` and XML
escaping, so text from sources can only ever be character data.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from workbench.io.report import is_web_url

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NS = nsdecls("w", "r")


def clean(value: Any) -> str:
    """``value`` as text XML can hold (control characters and lone surrogates removed)."""
    return _XML_BAD.sub("", "" if value is None else str(value))


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
    size: float | None = None,
    highlight: str | None = None,
    underline: bool = False,
) -> str:
    """One ``w:r`` (properties in the schema's order: b, i, color, sz, highlight, u)."""
    if not text:
        return ""
    props = []
    if bold:
        props.append("<w:b/>")
    if italic:
        props.append("<w:i/>")
    if color:
        props.append(f'<w:color w:val="{color.lstrip("#").upper()}"/>')
    if size:
        props.append(f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>')
    if highlight:
        props.append(f'<w:highlight w:val="{highlight}"/>')
    if underline:
        props.append('<w:u w:val="single"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(clean(text))}</w:t></w:r>'


def para(
    *runs: str,
    style: str | None = None,
    keep_next: bool = False,
    indent_pt: float | None = None,
    space_after_pt: float | None = None,
) -> str:
    """One ``w:p`` (properties in schema order: pStyle, keepNext, spacing, ind)."""
    props = []
    if style:
        props.append(f"<w:pStyle w:val={quoteattr(style)}/>")
    if keep_next:
        props.append("<w:keepNext/>")
    if space_after_pt is not None:
        props.append(f'<w:spacing w:after="{round(space_after_pt * 20)}"/>')
    if indent_pt is not None:
        props.append(f'<w:ind w:left="{round(indent_pt * 20)}"/>')
    ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


class Links:
    """Relationship ids of external hyperlinks, one per distinct URL (python-docx rescans all rels per call)."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.ids: dict[str, str] = {}

    def link(self, url: str, text: str, size: float | None = None) -> str:
        """A ``w:hyperlink`` for an http(s) URL; any other URL is plain text."""
        if not is_web_url(url):
            return run(text, size=size)
        rid = self.ids.get(url)
        if rid is None:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT

            rid = self.ids[url] = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return f'<w:hyperlink r:id="{rid}">{run(text, color="1F4E79", size=size, underline=True)}</w:hyperlink>'


def table(rows: list[tuple[str, str]], widths_twips: tuple[int, int], style: str, shade: str) -> str:
    """A two-column table: each row is (key cell paragraphs XML, value cell paragraphs XML); keys shaded."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val={quoteattr(style)}/><w:tblW w:w="{sum(widths_twips)}" w:type="dxa"/>'
        f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
        f'w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    ]
    for key, value in rows:
        out.append(
            f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{widths_twips[0]}" w:type="dxa"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/></w:tcPr>{key}</w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{widths_twips[1]}" w:type="dxa"/></w:tcPr>{value}</w:tc></w:tr>'
        )
    out.append("</w:tbl>")
    return "".join(out)


def append(body: Any, parts: list[str]) -> None:
    """Parse ``parts`` (block-level XML) once and append the elements to ``body``."""
    if not parts:
        return
    holder = parse_xml(f"<w:body {_NS}>{''.join(parts)}</w:body>")
    for child in list(holder):
        body.append(child)
