"""Images (screenshots and photos of documents: PNG, JPEG, WebP, TIFF): their text of record comes from OCR.

This module only recognises the formats by their first bytes and hands the file to
:mod:`workbench.io.importers.ocr`; the original image is kept as the source's original bytes, so the window can
show it next to the text. A multi-page TIFF (a fax, a scanner's output) gives one page per frame.
"""

from __future__ import annotations

from workbench.core.errors import ImportFailure
from workbench.core.values import ImportBundle

EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff")


def image_format(data: bytes) -> str:
    """"png", "jpeg", "webp" or "tiff" from the file's magic bytes, else ""."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return ""


def read(name: str, data: bytes) -> ImportBundle:
    """Import an image by OCR.

    Raises:
        ImportFailure: not one of the supported image formats, damaged, too large, or no text found in it.
    """
    if not image_format(data):
        raise ImportFailure(name, "not a PNG, JPEG, WebP or TIFF image")
    from workbench.io.importers.ocr import read_image

    return read_image(name, data)
