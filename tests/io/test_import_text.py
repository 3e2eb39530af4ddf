"""Text importer: encodings detected, text of record exact (accents, apostrophes, guillemets, emoji)."""

from __future__ import annotations

import pytest

from workbench.io import registry

FR = "L’adjoint a déclaré : « Le budget 2024 est équilibré ». Les élus d’opposition contestent ce chiffre.\n"
EN = "The mayor’s office said the café reopened on 3 May — “ahead of schedule” 🎉.\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", FR + EN),
        ("utf-8-sig", FR + EN),
        ("utf-16", FR + EN),
        ("utf-16-be", FR),
        ("cp1252", FR),
        ("latin-1", FR.replace("’", "'").replace("« ", "« ").replace("—", "-")),
    ],
)
def test_encodings(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    bundle = registry.read_bytes("note.txt", data)
    assert bundle.text == text
    assert bundle.kind == "txt"


def test_markdown_title_and_crlf() -> None:
    data = "# Vérification : le « record » de fréquentation\r\n\r\nLe musée annonce 1,2 million d’entrées.\r\n".encode()
    bundle = registry.read_bytes("fiche.md", data)
    assert bundle.kind == "md"
    assert bundle.title == "Vérification : le « record » de fréquentation"
    assert bundle.text == "# Vérification : le « record » de fréquentation\n\nLe musée annonce 1,2 million d’entrées.\n"


def test_supported_extensions() -> None:
    exts = registry.supported_extensions()
    for ext in (".pdf", ".html", ".htm", ".xhtml", ".docx", ".txt", ".md"):
        assert ext in exts
