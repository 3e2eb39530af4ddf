"""OCR: the text of record of scans and screenshots, read by Tesseract page by page in a time-limited child.

Scanned PDFs (no text layer) and images (PNG, JPEG, WebP, TIFF) go through here. Each page is rendered (PDF pages
by PDFium at :data:`DPI`), read by Tesseract through ``pytesseract`` (it runs Debian's ``tesseract`` program, so
the engine is the one the system package installs, with its ``fra`` and ``eng`` data), and turned into paragraphs
with a page map and the word boxes (pixel boxes + code-point offsets into the text, so that a span of the text can
be shown on the image).

Every page runs in its own child process through the PDF importer's runner
(:func:`workbench.io.importers.pdf.run_isolated`): a broken file or a stuck engine costs one page's time limit,
never the application. The file goes to the child as a temporary path (not as bytes pickled once per page).
Between pages the parent reports progress and honours Cancel through :func:`page_hooks`, which the import service
sets around each file: a context variable, so that the importers keep their ``read(name, data)`` signature.

Language: ``--language`` (the hooks' ``language``) puts that language's model first; otherwise the first page is
read with French and English together and the language found in its words leads for the other pages. Pages read
with low confidence get Tesseract's orientation and script detection (turned, or read with another script's data
when installed); pages that stay unreadable are left out with a warning rather than stored as junk. Not done here:
deskewing beyond Tesseract's tolerance, layout analysis beyond Tesseract's own blocks, handwriting.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import Cancelled, ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle

DPI = 300
"""Resolution at which PDF pages are rendered for OCR (Tesseract reads best at 300 dpi)."""
PAGE_TIMEOUT_S = 120.0
"""Seconds one page may take (render + OCR) before its child process is killed."""
MAX_PAGES = 2000
MAX_PIXELS = 150_000_000
"""Largest page image (pixels) accepted: a decompression bomb is refused before it is decoded."""
MAX_RENDER = 40_000_000
"""Largest rendering of a PDF page (pixels): an A3 page at 300 dpi is 17 million; bigger pages get fewer dpi."""
MIN_WIDTH = 1600
"""Narrower images (screenshots at screen resolution) are enlarged so that letters are tall enough for Tesseract."""
TESSERACT_LANGS = {"fr": "fra", "en": "eng"}
CHECK_CONFIDENCE = 70.0
"""A page read with a lower mean word confidence (0-100) is checked with Tesseract's orientation and script
detection (clean print reads at 90-96)."""
LOW_CONFIDENCE = 50.0
"""A page that stays under this mean confidence, or whose script has no data installed, is left out of the text with
a warning: photos without text, and scripts read with French and English letters, give such junk."""
_SCRIPT_LANGS = {  # Tesseract's OSD script -> its language data (Debian: tesseract-ocr-<code with - for _>)
    "Han": "chi_sim+chi_tra", "Cyrillic": "rus+ukr", "Arabic": "ara", "Greek": "ell", "Hebrew": "heb",
    "Japanese": "jpn", "Hangul": "kor", "Thai": "tha", "Devanagari": "hin",
}
_OTHER_LANGS = {  # ISO 639-1 -> Tesseract data, used for --language when that data is installed
    "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "pl": "pol", "tr": "tur", "ru": "rus",
    "uk": "ukr", "el": "ell", "he": "heb", "ar": "ara", "fa": "fas", "zh": "chi_sim", "ja": "jpn", "ko": "kor",
}
ENGINE = "tesseract"
INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff\ufffe\uffff\u00ad]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOP = {
    "fr": frozenset(
        ("le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "sont", "dans", "pour", "pas", "que", "qui",
         "sur", "au", "aux", "ne", "par", "avec", "il", "elle", "nous", "vous", "ils", "ce", "cette", "ces", "son",
         "sa", "ses", "leur", "plus", "mais", "ou", "été", "être", "ont", "selon", "lors", "comme")
    ),
    "en": frozenset(
        ("the", "an", "of", "and", "is", "are", "was", "were", "in", "on", "for", "not", "that", "which", "who",
         "with", "by", "it", "he", "she", "we", "you", "they", "this", "these", "his", "her", "their", "more", "but",
         "or", "been", "be", "has", "have", "had", "said", "from", "as", "at")
    ),
}


# ------------------------------------------------------------------------------------------------ progress hooks


@dataclass(frozen=True, slots=True)
class PageHooks:
    """What the caller of an import lends the OCR: page progress, a cancel flag and a language hint."""

    progress: Callable[[int, int], None] | None = None
    cancel: Callable[[], bool] | None = None
    language: str = ""


_NO_HOOKS = PageHooks()
_HOOKS: contextvars.ContextVar[PageHooks] = contextvars.ContextVar("workbench_page_hooks", default=_NO_HOOKS)


@contextlib.contextmanager
def page_hooks(
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str = "",
) -> Iterator[None]:
    """Lend OCR a page progress callback, a cancel flag and a language hint for the imports in this block.

    OCR calls ``progress(pages_done, pages_total)`` before each page (``pages_total`` is 0 before the first page,
    whose reading tells the count) and at the end, stops when ``cancel()`` is true, and reads in ``language``
    ("fr", "en") first.
    """
    token = _HOOKS.set(PageHooks(progress, cancel, language or ""))
    try:
        yield
    finally:
        _HOOKS.reset(token)


# ------------------------------------------------------------------------------------------------ child side


def _in_words(job: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """A child job whose unexpected exceptions become a refusal in words (the runner's own says "PDF")."""

    @functools.wraps(job)
    def run(kind: str, *args: Any) -> dict[str, Any]:
        name = args[-2]
        try:
            return job(kind, *args)
        except (ImportFailure, MemoryError):
            raise
        except Exception:  # a decoder's or renderer's error on a broken file
            what = "PDF" if kind == "pdf" else "image"
            raise ImportFailure(name, f"damaged {what} (its content could not be read)") from None

    return run


def _probe(kind: str, name: str, path: bytes) -> dict[str, Any]:
    """How many pages the file has, and the PDF's title and author (asked by the job of the first page)."""
    info: dict[str, Any] = {}
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(os.fsdecode(path))
        except pdfium.PdfiumError:
            raise ImportFailure(name, "damaged or truncated PDF (PDFium cannot read it)") from None
        try:
            meta = doc.get_metadata_dict(skip_empty=True)
            info.update(pages=len(doc), title=meta.get("Title", "").strip(), author=meta.get("Author", "").strip())
        finally:
            doc.close()
    else:
        with _open_image(name, path) as image:
            info["pages"] = getattr(image, "n_frames", 1)
    return info


def engine_version(name: str = "OCR") -> str:
    """The installed Tesseract's version ("5.3.0"), asked once per process (it reads no user file).

    Raises:
        ImportFailure: Tesseract is not installed; the message says how to install it.
    """
    import pytesseract

    if not _VERSION:
        try:
            _VERSION.append(str(pytesseract.get_tesseract_version()).split()[0])
        except (pytesseract.TesseractNotFoundError, OSError):  # not cached: it may be installed while we run
            raise ImportFailure(name, f"OCR is needed but Tesseract is not installed ({INSTALL_HINT})") from None
    return _VERSION[0]


_VERSION: list[str] = []


@contextlib.contextmanager
def _open_image(name: str, path: bytes) -> Iterator[Any]:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(os.fsdecode(path)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise Image.DecompressionBombError("too many pixels")
            yield image
    except Image.DecompressionBombError:
        limit = MAX_PIXELS // 1_000_000
        raise ImportFailure(name, f"the image is too large (more than {limit} million pixels)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImportFailure(name, f"damaged or unsupported image ({str(exc)[:120] or type(exc).__name__})") from None


def _page_image(kind: str, name: str, path: bytes, index: int) -> Any:
    """Page ``index`` as an 8-bit grey PIL image, ready for Tesseract."""
    from PIL import Image, ImageOps

    if kind == "pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(os.fsdecode(path))
        try:
            page = doc[index]
            width, height = page.get_size()
            scale = DPI / 72
            if width * height * scale**2 > MAX_RENDER:  # a poster or a map: fewer dots per inch, not a refusal
                scale = (MAX_RENDER / max(width * height, 1.0)) ** 0.5
            bitmap = page.render(scale=scale, grayscale=True)
            image = bitmap.to_pil().convert("L")
            page.close()
        finally:
            doc.close()
        return even_lighting(image)
    with _open_image(name, path) as opened:
        try:
            opened.seek(index)
            opened.load()
            frame = ImageOps.exif_transpose(opened) if index == 0 else opened.copy()
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise ImportFailure(name, f"damaged image (page {index + 1}: {str(exc)[:120]})") from None
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        backdrop = Image.new("RGBA", frame.size, "white")  # transparent screenshots: text on white, not on black
        frame = Image.alpha_composite(backdrop, frame.convert("RGBA"))
    grey = frame.convert("L")
    if grey.width < MIN_WIDTH:
        factor = min(4.0, MIN_WIDTH / max(grey.width, 1))
        grey = grey.resize((round(grey.width * factor), round(grey.height * factor)), Image.Resampling.LANCZOS)
    return even_lighting(grey)


def even_lighting(grey: Any) -> Any:
    """Dark letters on an evenly white ground, as Tesseract's global threshold wants.

    A dark ground (dark mode, a negative) is inverted. A photo of a page lit unevenly (a shadow, a lamp on one
    side) is divided by an estimate of its background (the page with the letters filtered out, from a reduced
    copy); without it the shadowed part of the page is read as black and its words are lost.
    """
    from PIL import Image, ImageFilter, ImageMath, ImageOps

    histogram = grey.histogram()
    if sum(histogram[:128]) > sum(histogram[128:]):  # dark mode: light letters on a dark ground
        grey = ImageOps.invert(grey)
    factor = max(1, min(grey.width, grey.height) // 256)
    small = grey.reduce(factor) if factor > 1 else grey
    background = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(3))
    lows = background.histogram()
    total = sum(lows)
    darkest = next(i for i, c in enumerate(_cumulative(lows)) if c >= total * 0.02)
    lightest = next(i for i, c in enumerate(_cumulative(lows)) if c >= total * 0.98)
    if darkest >= 0.75 * lightest:  # evenly lit (a scan, a screenshot): nothing to do
        return grey
    background = background.resize(grey.size, Image.Resampling.BILINEAR)
    flat = ImageMath.lambda_eval(
        lambda a: a["convert"](a["min"](a["page"] * 255 / a["max"](a["ground"], 1), 255), "L"),
        page=grey, ground=background,
    )
    return flat


def _cumulative(counts: list[int]) -> Iterator[int]:
    running = 0
    for count in counts:
        running += count
        yield running


@_in_words
def _ocr_page(kind: str, index: int, langs: str, name: str, path: bytes) -> dict[str, Any]:
    """Child job: render and read one page; the words with their boxes, confidences and layout numbers.

    A page read with low confidence is looked at again with Tesseract's orientation and script detection: a page
    scanned sideways or upside down is turned and read again, a page in another script is read with that script's
    data when it is installed. The better reading is kept; ``script`` and ``rotate`` say what was found.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's threads only slow it down on a busy machine
    _tesseract_dies_with_us()
    info = _probe(kind, name, path) if index == 0 else None
    image = _page_image(kind, name, path, index)
    page: dict[str, Any] = {"width": image.width, "height": image.height, "words": [], "rotate": 0, "script": "",
                            "languages": langs}
    if info is not None:
        page["info"] = info
    low, high = image.reduce(4).getextrema() if min(image.size) >= 8 else image.getextrema()
    if high - low < 32:  # a blank page (or a uniform picture): nothing for the engine to read
        return page
    with tempfile.TemporaryDirectory(prefix="workbench-ocr-page-") as tmp:
        file = os.path.join(tmp, "page.pgm")  # uncompressed: 50x faster to write than the PNG pytesseract makes
        image.save(file, "PPM")
        words = page["words"] = _tesseract(name, index, file, langs)
        if _mean_confidence(words) >= CHECK_CONFIDENCE:
            return page
        osd = _orientation(file)
        if osd is None:
            return page
        if float(osd.get("orientation_conf", 0)) >= 5.0 and float(osd.get("script_conf", 0)) >= 1.0:
            page["script"] = str(osd.get("script", ""))  # trusted only when lines of text were found (not a photo)
        rotate = int(osd.get("rotate", 0)) % 360
        installed = _installed_languages()
        other = "+".join(code for code in _SCRIPT_LANGS.get(page["script"], "").split("+") if code in installed)
        retry_langs = other or langs
        if (rotate and float(osd.get("orientation_conf", 0)) >= 2.0) or retry_langs != langs:
            turned = image.rotate(-rotate, expand=True) if rotate else image
            turned.save(file, "PPM")
            again = _tesseract(name, index, file, retry_langs)
            if _mean_confidence(again) > _mean_confidence(words):
                page.update(width=turned.width, height=turned.height, words=again, rotate=rotate,
                            languages=retry_langs)
    return page


def _tesseract_dies_with_us() -> None:
    """Make the ``tesseract`` processes this child starts die with it (Linux only).

    A page killed on its time limit must not leave the engine running: pytesseract's ``subprocess_args`` gains a
    ``preexec_fn`` that asks the kernel for SIGKILL when the parent (this child) dies.
    """
    if not sys.platform.startswith("linux"):
        return
    import pytesseract.pytesseract as engine

    if getattr(engine.subprocess_args, "_workbench", False):
        return
    original = engine.subprocess_args

    def subprocess_args(include_stdout: bool = True) -> dict[str, Any]:
        kwargs: dict[str, Any] = original(include_stdout)
        kwargs["preexec_fn"] = _ask_for_death_signal
        return kwargs

    subprocess_args._workbench = True  # type: ignore[attr-defined]
    engine.subprocess_args = subprocess_args


def _ask_for_death_signal() -> None:  # pragma: no cover - runs in the forked tesseract process
    import ctypes
    import signal

    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _tesseract(name: str, index: int, file: str, langs: str) -> list[list[Any]]:
    import pytesseract

    try:
        data = pytesseract.image_to_data(file, lang=langs, output_type=pytesseract.Output.DICT,
                                         timeout=PAGE_TIMEOUT_S / 2 - 5)
    except pytesseract.TesseractNotFoundError:
        raise ImportFailure(name, f"OCR is needed but Tesseract is not installed ({INSTALL_HINT})") from None
    except RuntimeError:  # pytesseract's timeout
        raise ImportFailure(name, f"OCR of page {index + 1} timed out") from None
    except pytesseract.TesseractError as exc:
        raise ImportFailure(name, f"OCR failed on page {index + 1}: {str(exc.message)[:160]}") from None
    words = []
    for i, text in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", _CONTROL.sub("", text or "")).strip()
        if not text:
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        conf = float(data["conf"][i])
        words.append([text, left, top, left + int(data["width"][i]), top + int(data["height"][i]), conf, *key])
    return words


def _orientation(file: str) -> dict[str, Any] | None:
    """Tesseract's orientation and script detection (``osd`` data), or None when it finds too little text."""
    import pytesseract

    try:
        osd: dict[str, Any] = pytesseract.image_to_osd(file, output_type=pytesseract.Output.DICT, timeout=30)
    except (pytesseract.TesseractError, RuntimeError):  # "Too few characters", no osd data, or too slow
        return None
    return osd


@functools.cache
def _installed_languages() -> frozenset[str]:
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, OSError):
        return frozenset()


def _mean_confidence(words: list[list[Any]]) -> float:
    confidences = [w[5] for w in words if w[5] >= 0]
    return sum(confidences) / len(confidences) if confidences else 0.0


# ------------------------------------------------------------------------------------------------ parent side


def detect_language(text: str) -> str:
    """"fr" or "en" by counting each language's commonest words in ``text`` ("" when neither shows)."""
    words = [w.lower() for w in _WORD.findall(text[:200_000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 and scores[best] > 1.3 * min(scores.values()) else ""


def _langs(first: str) -> str:
    code = TESSERACT_LANGS.get(first) or _OTHER_LANGS.get(first)
    order = [code] if code else []
    return "+".join(order + [code for code in ("fra", "eng") if code not in order])


def _hinted(language: str) -> tuple[str, str]:
    """The language hint (ISO 639-1) OCR can follow, and a warning when its Tesseract data is missing."""
    language = language.strip().lower()
    code = TESSERACT_LANGS.get(language) or _OTHER_LANGS.get(language)
    if code is None:
        return "", ""
    # French and English data are a declared dependency; the others are used when installed
    if language not in TESSERACT_LANGS and code not in _installed_languages():
        package = f"tesseract-ocr-{code.replace('_', '-')}"
        return "", f"no OCR data for the language '{language}' (install {package}): read as French/English"
    return language, ""


def _run(job: Callable[[str, bytes], dict[str, Any]], name: str, path: bytes) -> dict[str, Any]:
    """Run a child job through the PDF importer's runner, passing Cancel on when that runner polls it."""
    import inspect

    from workbench.io.importers.pdf import run_isolated

    extra: dict[str, Any] = {}
    cancel = _HOOKS.get().cancel
    if cancel is not None and "cancel" in inspect.signature(run_isolated).parameters:
        extra["cancel"] = cancel  # a runner that kills the child on Cancel: Cancel acts within the page
    return run_isolated(name, path, job=job, timeout=PAGE_TIMEOUT_S, **extra)


def recognise(name: str, data: bytes, kind: str) -> dict[str, Any]:
    """OCR every page of ``data`` (``kind`` "pdf" or "image"), one child process per page.

    Returns:
        ``text``, ``page_map``, ``ocr`` (the record kept on the source), ``words`` (boxes per page), ``title``,
        ``author`` and ``language``.

    Raises:
        ImportFailure: damaged file, engine missing, a page over its time limit, or no text found.
        Cancelled: the hooks' cancel flag was raised between pages.
    """
    hooks = _HOOKS.get()
    version = engine_version(name)
    with tempfile.TemporaryDirectory(prefix="workbench-ocr-") as tmp:
        file = Path(tmp) / ("page.pdf" if kind == "pdf" else "image")
        file.write_bytes(data)
        path = os.fsencode(file)
        hint, hint_warning = _hinted(hooks.language)
        langs = _langs(hint)
        pages: list[dict[str, Any]] = []
        info: dict[str, Any] = {}
        total, index = 0, 0  # the page count comes with the first page (one child process fewer per file)
        while index == 0 or index < total:
            if hooks.cancel is not None and hooks.cancel():
                raise Cancelled("import cancelled")
            if hooks.progress is not None:
                hooks.progress(index, total)
            pages.append(_run(functools.partial(_ocr_page, kind, index, langs), name, path))
            if index == 0:
                info = pages[0].pop("info")
                total = int(info["pages"])
                if total > MAX_PAGES:
                    raise ImportFailure(name, f"too many pages to read by OCR ({total}, limit {MAX_PAGES})")
                if not hint:
                    langs = _langs(detect_language(" ".join(w[0] for w in pages[0]["words"])))
            index += 1
        if hooks.progress is not None:
            hooks.progress(total, total)
    warnings, worst = _drop_unreadable(pages)
    warnings[:0] = [hint_warning] if hint_warning else []
    text, page_map, boxes = assemble(pages)
    if not text.strip():
        what = "scanned PDF" if kind == "pdf" else "image"
        raise ImportFailure(name, f"no readable text found by OCR in the {what}{worst}")
    confidences = [w[5] for p in pages for w in p["words"] if w[5] >= 0]
    language = hint or detect_language(text)
    record = {
        "engine": ENGINE,
        "version": version,
        "binding": "pytesseract",
        "languages": langs,
        "language": language,
        "dpi": DPI if kind == "pdf" else None,
        "pages": total,
        "words": len(confidences),
        "mean_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None,
    }
    return {
        "text": text,
        "page_map": page_map,
        "ocr": record,
        "words": boxes,
        "title": info.get("title", ""),
        "author": info.get("author", ""),
        "language": language,
        "warnings": warnings,
    }


def _drop_unreadable(pages: list[dict[str, Any]]) -> tuple[list[str], str]:
    """Empty the pages read with too low a confidence or in a script without data.

    Returns a warning per page left out, and the reason to give if nothing is left (one naming a missing script
    when a page showed one).
    """
    warnings: list[str] = []
    reasons: list[str] = []
    for number, page in enumerate(pages, start=1):
        confidence = _mean_confidence(page["words"])
        script = page.get("script", "")
        foreign = script not in ("", "Latin") and page.get("languages", "").startswith(("fra", "eng"))
        if not page["words"] or (confidence >= LOW_CONFIDENCE and not foreign):
            continue
        page["words"] = []
        reason = f"mean confidence {confidence:.0f} %"
        if foreign:
            packages = " ".join(f"tesseract-ocr-{c.replace('_', '-').lower()}"
                                for c in _SCRIPT_LANGS.get(script, "").split("+") if c)
            reason += f"; the text looks like {script} script" + (f": install {packages}" if packages else "")
        warnings.append(f"page {number}: no readable text, left out ({reason})")
        reasons.append(reason)
    named = [r for r in reasons if "script" in r]
    return warnings, f" ({(named or reasons)[0]})" if reasons else ""


def assemble(pages: list[dict[str, Any]]) -> tuple[str, tuple[tuple[int, int], ...], list[dict[str, Any]]]:
    """Join the OCR words of each page into paragraphs (Tesseract's blocks and paragraphs), pages in order.

    Lines of a paragraph are joined with a space; a line-end hyphen between two lower-case halves is dropped
    unless the hyphenated word occurs elsewhere. Returns the text, its page map and the word boxes per page with
    their offsets in the text.
    """
    vocabulary = {w[0].lower() for p in pages for w in p["words"] if "-" in w[0][1:-1]}
    chunks: list[str] = []
    length = 0
    page_map: list[tuple[int, int]] = []
    boxes: list[dict[str, Any]] = []

    def put(piece: str) -> int:
        nonlocal length
        chunks.append(piece)
        length += len(piece)
        return length - len(piece)

    for number, page in enumerate(pages, start=1):
        page_words: list[list[Any]] = []
        boxes.append({"page": number, "width": page["width"], "height": page["height"], "words": page_words,
                      "rotate": page.get("rotate", 0)})
        previous: list[Any] | None = None
        for word in page["words"]:
            text = word[0]
            if previous is None:
                if length:
                    put("\n\n")
                page_map.append((length, number))
            elif tuple(word[6:8]) != tuple(previous[6:8]):
                put("\n\n")
            elif word[8] != previous[8] and _soft_hyphen(previous[0], text, vocabulary):
                chunks[-1] = chunks[-1][:-1]  # "gouverne-" + "ment": drop the hyphen, keep both boxes
                length -= 1
                page_words[-1][1] -= 1
            else:
                put(" ")
            start = put(text)
            page_words.append([start, start + len(text), *word[1:6]])
            previous = word
    text = "".join(chunks) + "\n" if chunks else ""
    if normalize_text(text) != text:  # a word starting with a combining mark: keep the text, not the offsets
        text = normalize_text(text)
        page_map, boxes = [], [{**b, "words": []} for b in boxes]
    return text, tuple(page_map), boxes


def _soft_hyphen(head: str, tail: str, vocabulary: set[str]) -> bool:
    if len(head) < 3 or not head.endswith("-") or not head[-2].islower() or not tail[:1].islower():
        return False
    return f"{head}{tail}".lower() not in vocabulary


def read_scanned_pdf(name: str, data: bytes) -> ImportBundle:
    """A PDF without a text layer, read by OCR (kind "pdf"; its ``ocr`` record says how)."""
    result = recognise(name, data, "pdf")
    return _bundle(name, data, "pdf", result)


def read_image(name: str, data: bytes) -> ImportBundle:
    """A screenshot or photo of a document, read by OCR (kind "image")."""
    result = recognise(name, data, "image")
    return _bundle(name, data, "image", result)


def _bundle(name: str, data: bytes, kind: str, result: dict[str, Any]) -> ImportBundle:
    warnings = list(result["warnings"])
    confidence = result["ocr"]["mean_confidence"]
    if confidence is not None and confidence < 70:
        warnings.append(f"OCR confidence is low ({confidence:g} %): check the text against the original")
    return ImportBundle(
        name=name,
        kind=kind,
        original=data,
        text=result["text"],
        title=str(result["title"])[:500],
        author=str(result["author"])[:200],
        language=result["language"],
        page_map=result["page_map"],
        warnings=tuple(warnings),
        extra={"pages": result["ocr"]["pages"]},
        ocr=result["ocr"],
        ocr_words=result["words"],
    )
