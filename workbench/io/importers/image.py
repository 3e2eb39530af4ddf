"""Images (screenshots and photos of documents: PNG, JPEG, WebP, TIFF): their text of record comes from OCR.

This module only recognises the formats by their first bytes and hands the file to
:mod:`workbench.io.importers.ocr`; the original image is kept as the source's original bytes, so the window can
show it next to the text. A multi-page TIFF (a fax, a scanner's output) gives one page per frame.
"""

from __future__ import annotations

from workbench.core.errors import ImportFailure
from workbench.core.values import ImportBundle

EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif")
_BMP_HEADERS = (12, 40, 52, 56, 64, 108, 124)
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def image_format(data: bytes) -> str:
    """"png", "jpeg", "webp", "tiff", "bmp", "gif" (or "heif", which is not read) from the magic bytes, else ""."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data[:2] == b"BM" and data[6:10] == bytes(4) and int.from_bytes(data[14:18], "little") in _BMP_HEADERS:
        return "bmp"  # reserved zeros and a known header size: not a text file that starts with "BM"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
        return "heif"
    return ""


def read(name: str, data: bytes) -> ImportBundle:
    """Import an image by OCR.

    Raises:
        ImportFailure: not one of the supported image formats, damaged, too large, or no text found in it.
    """
    kind = image_format(data)
    if not kind:
        raise ImportFailure(name, "not a PNG, JPEG, WebP, TIFF, BMP or GIF image")
    if kind == "heif":  # iPhone photos: Pillow needs a plugin Workbench does not ship
        raise ImportFailure(name, "HEIC/HEIF photos cannot be read yet: save the photo as JPEG or PNG and import that")
    from workbench.io.importers.ocr import read_image

    return read_image(name, data)


def preview(data: bytes, kind: str, page: int = 1, dpi: int = 150, rotate: int = 0) -> tuple[bytes, int, int]:
    """Page ``page`` (1-based) of an image or PDF source as PNG bytes, for the window's "View original".

    Returns the PNG, its width and the number of pages. Images are shown upright (EXIF orientation applied), as
    OCR read them; PDF pages are rendered by PDFium at ``dpi``; ``rotate`` (degrees clockwise) turns the page as
    OCR turned it, so that the word boxes fall on their words.

    Raises:
        ImportFailure: the original cannot be decoded (it was read once already, so this is rare).
    """
    import io

    from PIL import Image, ImageOps

    out = io.BytesIO()
    try:
        if kind == "pdf":
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(data)
            try:
                pages = len(doc)
                pdf_page = doc[max(0, min(page, pages) - 1)]
                image = pdf_page.render(scale=dpi / 72).to_pil()
                pdf_page.close()
            finally:
                doc.close()
        else:
            with Image.open(io.BytesIO(data)) as opened:
                pages = getattr(opened, "n_frames", 1)
                opened.seek(max(0, min(page, pages) - 1))
                opened.load()
                image = ImageOps.exif_transpose(opened) if page <= 1 else opened.copy()
        if rotate % 360:
            image = image.rotate(-rotate, expand=True)
        image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB").save(out, "PNG")
    except Exception:  # any decoder error: one line for the user
        raise ImportFailure("original", "cannot show the original (the file could not be decoded)") from None
    return out.getvalue(), image.width, pages
