"""Bad input: every refusal is one line naming the file and the reason."""

from __future__ import annotations

import random

import pytest

from tests.io import pdf_fixtures as F
from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers import pdf as pdf_importer


def failure(name: str, data: bytes) -> str:
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes(name, data)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    assert info.value.name == name
    return info.value.reason


@pytest.mark.parametrize("name", ["vide.txt", "vide.pdf", "vide.html", "vide.docx"])
def test_empty_file(name: str) -> None:
    assert failure(name, b"") == "the file is empty"


def test_binary_junk() -> None:
    rng = random.Random(4)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    assert failure("junk.txt", junk) == "not a text file (binary content or unknown encoding)"
    assert failure("junk.pdf", junk) == "not a PDF file"
    assert failure("junk.docx", junk).startswith("not a valid Word document")


@pytest.fixture
def small_pdf(pdf_qt) -> bytes:
    page = F.Page(runs=[F.Run(60, 100, "Le conseil a adopté le budget à l’unanimité.")])
    return F.render_pdf([page, page])


def test_truncated_pdf(small_pdf: bytes) -> None:
    reason = failure("coupé.pdf", small_pdf[: len(small_pdf) * 2 // 3])
    assert "truncated" in reason


def test_pdf_padded_with_nuls_after_its_end_is_not_truncated(small_pdf: bytes) -> None:
    """A writer that fills the file with NULs after %%EOF: the PDF is whole and imports."""
    bundle = registry.read_bytes("padded.pdf", small_pdf + b"\x00" * 20000)
    assert "Le conseil a adopté le budget" in bundle.text


def test_encrypted_pdf() -> None:
    assert failure("secret.pdf", F.encrypted_pdf()) == "the PDF is password-protected"


def test_image_only_pdf(pdf_qt) -> None:
    with pytest.raises(ImportFailure, match="no text layer: the PDF needs OCR"):  # the registry then OCRs it
        pdf_importer.read("scan.pdf", F.image_only_pdf())


def test_html_with_only_navigation_and_scripts() -> None:
    page = b"<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav><script>alert(1)</script></body></html>"
    assert failure("nav.html", page) == "no article text found in the page"


def test_file_over_the_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(registry, "MAX_BYTES", 1024 * 1024)
    reason = failure("gros.txt", b"a" * (1024 * 1024 + 1))
    assert reason.startswith("the file is too large")
    path = tmp_path / "gros.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10))
    with pytest.raises(ImportFailure) as info:
        registry.read_file(path)
    assert str(info.value).startswith("gros.pdf: the file is too large")


def test_hanging_parser_is_killed(monkeypatch: pytest.MonkeyPatch, small_pdf: bytes) -> None:
    monkeypatch.setattr(pdf_importer, "_job", F.hang)
    monkeypatch.setattr(pdf_importer, "TIMEOUT_S", 1.0)
    assert failure("boucle.pdf", small_pdf) == "timed out after 1 s"


def test_crashing_parser(monkeypatch: pytest.MonkeyPatch, small_pdf: bytes) -> None:
    monkeypatch.setattr(pdf_importer, "_job", F.crash)
    reason = failure("crash.pdf", small_pdf)
    assert reason.startswith("the PDF parser crashed")


def test_missing_file(tmp_path) -> None:
    with pytest.raises(ImportFailure) as info:
        registry.read_file(tmp_path / "absent.pdf")
    assert str(info.value).startswith("absent.pdf: ")
