"""Word packages built from XML strings: every part the importer reads, in transitional or Strict namespaces.

Written by hand (not with python-docx) so that a test can hold exactly the structures real files have: text boxes
with their mc:Fallback copy, content controls, nested tables, notes, comments, missing or damaged parts.
"""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_R_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
STRICT_REL_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)


def p(text: str, *, style: str = "") -> str:
    """A paragraph of one run."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def table(*rows: list[str]) -> str:
    """A table whose cells hold the given XML (paragraphs, other tables)."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def text_box_paragraph(anchor: str, box: str) -> str:
    """A paragraph anchoring a text box, written twice as Word does: DrawingML (Choice) and VML (Fallback)."""
    inner = f"<w:txbxContent>{p(box)}</w:txbxContent>"
    return (
        f'<w:p><w:r><w:t xml:space="preserve">{anchor}</w:t></w:r><w:r><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict>'
        f"</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def picture_paragraph(text: str, rel_id: str = "rIdImg") -> str:
    """A paragraph with text and an inline picture whose image part is named by ``rel_id``."""
    return (
        f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:drawing><wp:inline>'
        f'<a:graphic><a:graphicData><a:blip r:embed="{rel_id}"/></a:graphicData></a:graphic>'
        f"</wp:inline></w:drawing></w:r></w:p>"
    )


def document(body: str, sect: str = "") -> str:
    """The main part."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f"{head}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"


def part(root: str, inner: str) -> str:
    """A header, footer, notes or comments part."""
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {NS}>{inner}</w:{root}>'


def note(kind: str, note_id: int, text: str) -> str:
    """A footnote or endnote whose first run is its reference mark, as Word writes it."""
    return (
        f'<w:{kind} w:id="{note_id}"><w:p><w:r><w:{kind}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'
    )


SEPARATORS = {
    kind: f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    for kind in ("footnote", "endnote")
}


def package(
    document_xml: str,
    parts: dict[str, str] | None = None,
    rels: list[tuple[str, str, str]] | None = None,
    *,
    rel_type: str = REL_TYPE,
    main: str = "word/document.xml",
    core: str = "",
    raw: dict[str, bytes] | None = None,
) -> bytes:
    """A .docx: the main part, extra parts (name -> XML), the main part's relationships (id, type, target)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        core_rel = (
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>' if core else ""
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel_type}/officeDocument" Target="{main}"/>'
            f"{core_rel}</Relationships>",
        )
        if core:
            zf.writestr(
                "docProps/core.xml",
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
                ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
                f"{core}</cp:coreProperties>",
            )
        zf.writestr(main, document_xml)
        folder, base = main.rsplit("/", 1)
        entries = "".join(
            f'<Relationship Id="{rid}" Type="{rel_type}/{kind}" Target="{target}"'
            + (' TargetMode="External"' if target.startswith("http") else "")
            + "/>"
            for rid, kind, target in rels or []
        )
        zf.writestr(
            f"{folder}/_rels/{base}.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{entries}</Relationships>',
        )
        for name, xml in (parts or {}).items():
            zf.writestr(name, xml)
        for name, data in (raw or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


BODY = "Le maire affirme que la digue n’a pas cédé."
BOX = "Encadré : 1 200 habitants évacués."
HEADER = "Préfecture de la Lerne — communiqué"
FOOTER = "Page 1 sur 2"
FOOTNOTE = "Chiffre donné par la préfecture le 4 mars."
ENDNOTE = "Source : registre des évacuations."
COMMENT = "À vérifier auprès du SDIS."
INLINE_SDT = "Saint-Aubin"
BLOCK_SDT = "Déclaration signée par le préfet."
NESTED = ("Quartier", "Évacués", "Les Prés", "840")


def full_document(*, strict: bool = False) -> bytes:
    """Every part and structure of issue 11 in one package: the importer must read each once, in its place."""
    calling = (
        f'<w:p><w:r><w:t xml:space="preserve">{BODY}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> Les secours confirment</w:t></w:r>'
        '<w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
    )
    inline_sdt = (
        '<w:p><w:r><w:t xml:space="preserve">Commune : </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="Commune"/>'
        f'</w:sdtPr><w:sdtContent><w:r><w:t>{INLINE_SDT}</w:t></w:r></w:sdtContent></w:sdt></w:p>'
    )
    block_sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{p(BLOCK_SDT)}</w:sdtContent></w:sdt>"
    commented = (
        '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>La digue a tenu.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    nested = table([p(NESTED[0]), p(NESTED[1])], [p(NESTED[2]), p(NESTED[3])])
    outer = table([p("Bilan par commune"), nested + p("")], [p("Total"), p("1 200")])
    deleted = (
        '<w:p><w:del w:id="9"><w:r><w:delText>texte supprimé</w:delText></w:r></w:del>'
        "<w:r><w:t>Fin.</w:t></w:r></w:p>"
    )
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/>'
        '<w:footerReference w:type="default" r:id="rIdF1"/></w:sectPr>'
    )
    body = (
        p("Crue de la Lerne", style="Heading1") + calling + text_box_paragraph("Voir l’encadré.", BOX) + inline_sdt
        + block_sdt + commented + outer + deleted
    )
    parts = {
        "word/header1.xml": part("hdr", p(HEADER)),
        "word/header2.xml": part("hdr", p(HEADER)),  # the first-page header repeats the default one
        "word/footer1.xml": part("ftr", p(FOOTER)),
        "word/footnotes.xml": part("footnotes", SEPARATORS["footnote"] + note("footnote", 1, FOOTNOTE)),
        "word/endnotes.xml": part("endnotes", SEPARATORS["endnote"] + note("endnote", 1, ENDNOTE)),
        "word/comments.xml": part(
            "comments", f'<w:comment w:id="0" w:author="Camille Roy" w:initials="CR">{p(COMMENT)}</w:comment>'
        ),
    }
    rels = [
        ("rIdH1", "header", "header1.xml"),
        ("rIdH2", "header", "header2.xml"),
        ("rIdF1", "footer", "footer1.xml"),
        ("rIdFn", "footnotes", "footnotes.xml"),
        ("rIdEn", "endnotes", "endnotes.xml"),
        ("rIdC", "comments", "comments.xml"),
    ]
    doc = document(body, sect)
    if not strict:
        return package(doc, parts, rels, core="<dc:title>Crue de la Lerne</dc:title><dc:creator>AFP</dc:creator>"
                       "<dcterms:created>2026-03-04T08:00:00Z</dcterms:created>")

    def to_strict(xml: str) -> str:
        return xml.replace(W_NS, STRICT_W_NS).replace(R_NS, STRICT_R_NS)

    return package(to_strict(doc), {k: to_strict(v) for k, v in parts.items()}, rels, rel_type=STRICT_REL_TYPE)
