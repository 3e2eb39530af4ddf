"""How 04-communique-prefecture.pdf was made (kept for the record; the PDF is committed).

A one-page press release laid out by Qt's QTextDocument and printed with QPdfWriter, so that the sample dossier has
a PDF source. Run from the repository root: .venv/bin/python resources/sample/make_pdf.py
"""
TEXT = (
    "PRÉFECTURE DE LA LERNE\n"
    "Communiqué de presse – Saint-Aubin-sur-Lerne, le 10 mars 2026\n\n"
    "Crue de la Lerne : point de situation à 12 heures\n\n"
    "Dans la nuit du lundi 9 au mardi 10 mars 2026, la crue de la Lerne a entraîné l'évacuation préventive de "
    "1 200 habitants de Saint-Aubin-sur-Lerne. Trois centres d'hébergement ont été ouverts par la commune.\n\n"
    "La hauteur d'eau maximale relevée à la station du pont Neuf est de 6,42 mètres, à 6 heures. La digue du "
    "Moulin a été surveillée toute la nuit ; elle n'a pas cédé.\n\n"
    "Les moyens engagés comprennent 240 sapeurs-pompiers, 35 embarcations et deux hélicoptères de la sécurité "
    "civile. Deux personnes ont été hospitalisées ; aucun décès n'est à déplorer.\n\n"
    "La préfète, Hélène Castagnet, appelle la population à la plus grande prudence et à ne pas s'approcher des "
    "berges. La vigilance rouge est maintenue jusqu'à jeudi."
)


def main() -> None:
    """Write 04-communique-prefecture.pdf next to this script."""
    import os
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - Qt needs it alive while printing
    parts = TEXT.split("\n\n")
    head = parts[0].split("\n")
    html = ["<html><body style='font-family: DejaVu Sans; font-size: 11pt'>",
            f"<p style='font-size:14pt; font-weight:bold'>{head[0]}</p>", f"<p><i>{head[1]}</i></p>",
            f"<p style='font-size:12pt; font-weight:bold'>{parts[1]}</p>"]
    html += [f"<p>{p}</p>" for p in parts[2:]]
    html.append("</body></html>")
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 11))
    doc.setHtml("".join(html))
    writer = QPdfWriter(str(Path(__file__).with_name("04-communique-prefecture.pdf")))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20))
    writer.setTitle("Crue de la Lerne : point de situation à 12 heures")
    writer.setCreator("Préfecture de la Lerne")
    doc.print_(writer)


if __name__ == "__main__":
    main()
