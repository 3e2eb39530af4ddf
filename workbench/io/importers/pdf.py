"""PDF files: the text of record in reading order, with a page map, parsed in a child process under a time limit.

Speed and fidelity both matter: pdfplumber's default text extraction interleaves columns and reads a few pages a
second, while PDFium (pypdfium2) reads hundreds. So PDFium gives the text and the line boxes (one call for a page's
text, a few per line for boxes and sizes), :mod:`workbench.io.importers.pdf_layout` rebuilds the reading order, and
pdfplumber is only opened for pages that draw ruling lines, to read their tables.

A damaged PDF can make a parser loop or crash; parsing therefore runs in a separate process (forkserver where
available, else spawn) that is killed after :data:`TIMEOUT_S` seconds. As with any forkserver/spawn child, a script
that imports PDFs must keep its top-level code under ``if __name__ == "__main__":`` (the ``workbench`` command does).
"""

from __future__ import annotations

import ctypes
import datetime as dt
import io
import multiprocessing
import re
import sys
import unicodedata
from collections.abc import Callable
from typing import Any

from workbench.core.errors import ImportFailure, NeedsOCR
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle
from workbench.io.importers.pdf_layout import (
    Frag,
    Hyphenator,
    PageText,
    assemble,
    is_bare_number,
    layout_page,
    margin_key,
    repeated_margin_keys,
)

TIMEOUT_S = 120.0
"""Seconds a PDF may take to parse before the child process is killed."""

NO_TEXT = "no text layer: the PDF needs OCR"
ENCRYPTED = "the PDF is password-protected"
_MIN_TABLE_RULES = 6
_LINE_BREAKS = re.compile(r"[^\r\n\ufffe\x02]+[\ufffe\x02]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff\ufffe\uffff\u00ad]")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


# ------------------------------------------------------------------------------------------------ PDFium extraction


def _page_frags(textpage: Any, raw: Any, height: float) -> list[Frag]:
    """Line fragments of one page: one text call, then boxes of the first and last character of each line."""
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    buffer = (ctypes.c_ushort * (n + 1))()
    count = raw.FPDFText_GetText(textpage, 0, n, buffer)
    text = bytes(memoryview(buffer).cast("B")[: max(count - 1, 0) * 2]).decode("utf-16-le", "replace")
    if len(text) != n:  # surrogate pairs or excluded characters: index the characters one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(n))
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = raw.FPDFText_GetLooseCharBox

    def box(i: int) -> tuple[float, float, float, float]:
        get_box(textpage, i, ref)
        return rect.left, height - rect.top, rect.right, height - rect.bottom

    frags: list[Frag] = []
    for match in _LINE_BREAKS.finditer(text):
        start, end = match.span()
        seg = match.group()
        hyphen = seg[-1] in "\ufffe\x02"
        if hyphen:
            seg = seg[:-1] + "-"
        stripped = seg.lstrip()
        start += len(seg) - len(stripped)
        seg = stripped.rstrip()
        end = start + len(seg)
        if not seg:
            continue
        x0, t0, _, b0 = box(start)
        _, t1, x1, b1 = box(end - 1)
        size0, size1 = (b0 - t0) / 1.16, (b1 - t1) / 1.16
        wide = x1 - x0 > len(seg) * size0 * 0.75 + size0 * 2
        if wide or abs(size0 - size1) > 0.1 * max(size0, size1, 1.0) or abs(b0 - b1) > size0 * 0.6:
            frags.extend(_split_segment(seg, start, box, hyphen))
        elif size0 > 0:
            frags.append(Frag(x0, min(t0, t1), x1, max(b0, b1), size0, _clean(seg), hyphen))
    return frags


def _split_segment(
    seg: str, start: int, box: Callable[[int], tuple[float, float, float, float]], hyphen: bool
) -> list[Frag]:
    """Slow path: split a PDFium line where characters jump (column gutter, baseline) or change size."""
    out: list[Frag] = []
    cur: list[str] = []
    cur_box = (0.0, 0.0, 0.0, 0.0, 0.0)  # x0, top, x1, bottom, size of the characters in ``cur``
    prev: tuple[float, float, float, float] | None = None
    for k, ch in enumerate(seg):
        if ch == " ":
            if cur:
                cur.append(ch)
            continue
        x0, top, x1, bottom = box(start + k)
        size = (bottom - top) / 1.16
        if size <= 0:
            continue
        if prev is not None and cur:
            p_size = (prev[3] - prev[1]) / 1.16
            jump = x0 - prev[2] > max(size, p_size) * 1.0 or x0 < prev[0] - 1
            jump = jump or abs(bottom - prev[3]) > 0.6 * p_size or abs(size - p_size) > 0.1 * p_size
            if jump:
                out.append(Frag(*cur_box, _clean("".join(cur).strip())))
                cur = []
        if not cur:
            cur_box = (x0, top, x1, bottom, size)
        else:
            cur_box = (cur_box[0], min(cur_box[1], top), x1, max(cur_box[3], bottom), cur_box[4])
        cur.append(ch)
        prev = (x0, top, x1, bottom)
    if cur:
        out.append(Frag(*cur_box, _clean("".join(cur).strip()), hyphen))
    return [f for f in out if f.text]


def _looks_tabular(frags: list[Frag]) -> bool:
    """Whether at least two lines of the page hold three or more short, separate cells (cheap table hint)."""
    rows: dict[int, list[Frag]] = {}
    for frag in frags:
        rows.setdefault(round(frag.bottom), []).append(frag)
    cells = [f for row in rows.values() if len(row) >= 3 for f in row]
    if len(cells) < 6:
        return False
    lengths = sorted(len(f.text) for f in cells)
    return lengths[len(lengths) // 2] <= 24


def _rule_count(page: Any, raw: Any) -> int:
    """How many path objects (ruling lines, boxes) the page draws: a cheap hint that it holds a table."""
    count = 0
    for i in range(raw.FPDFPage_CountObjects(page)):
        if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, i)) == raw.FPDF_PAGEOBJ_PATH:
            count += 1
            if count >= _MIN_TABLE_RULES:
                break
    return count


def _tables(plumber: Any, index: int) -> list[Frag]:
    """Tables of one page read by pdfplumber, as pre-formatted blocks ("cell | cell" rows)."""
    page = plumber.pages[index]
    blocks: list[Frag] = []
    for table in page.find_tables():
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        text = "\n".join(_clean(" | ".join(row)).rstrip() for row in rows)
        blocks.append(Frag(x0, top, x1, bottom, 0.0, text, block=True))
    page.close()
    return blocks


def _pdf_date(value: str) -> dt.date | None:
    match = _PDF_DATE.match(value.strip()) if value else None
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def _language(raw: Any, doc: Any) -> str:
    getter = getattr(raw, "FPDFCatalog_GetLanguage", None)
    if getter is None:
        return ""
    size = getter(doc, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    getter(doc, buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", "ignore").strip()


def extract(name: str, data: bytes) -> dict[str, Any]:
    """Parse a PDF (in the current process) into the fields of an :class:`ImportBundle`.

    Raises:
        ImportFailure: for damaged, truncated, encrypted or text-less PDFs.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ImportFailure(name, "not a PDF file")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise ImportFailure(name, ENCRYPTED) from None
        raise ImportFailure(name, "damaged or truncated PDF (PDFium cannot read it)") from None
    try:
        if b"%%EOF" not in data[-4096:]:
            raise ImportFailure(name, "truncated PDF (the end of the file is missing)")
        meta = doc.get_metadata_dict(skip_empty=True)
        n_pages = len(doc)
        all_frags: list[list[Frag]] = []
        sizes: list[tuple[float, float]] = []
        table_pages: list[int] = []
        for index in range(n_pages):
            page = doc[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                all_frags.append(_page_frags(textpage.raw, raw, height))
                if _looks_tabular(all_frags[-1]) and _rule_count(page.raw, raw) >= _MIN_TABLE_RULES:
                    table_pages.append(index)
            finally:
                textpage.close()
                page.close()
            sizes.append((width, height))
        language = _language(raw, doc.raw)
    finally:
        doc.close()
    if not any(f.text.strip() for frags in all_frags for f in frags):
        raise NeedsOCR(name, NO_TEXT) if n_pages else ImportFailure(name, "the PDF has no pages")
    warnings: list[str] = []
    if table_pages:
        try:
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as plumber:
                for index in table_pages:
                    blocks = _tables(plumber, index)
                    if not blocks:
                        continue
                    keep = [
                        f
                        for f in all_frags[index]
                        if not any(
                            b.x0 - 1 <= (f.x0 + f.x1) / 2 <= b.x1 + 1
                            and b.top - 1 <= (f.top + f.bottom) / 2 <= b.bottom + 1
                            for b in blocks
                        )
                    ]
                    all_frags[index] = keep + blocks
        except Exception as exc:  # pdfplumber/pdfminer are stricter than PDFium: keep the plain text
            warnings.append(f"tables not read ({type(exc).__name__})")
    pages = _layout(all_frags, sizes)
    texts = [t for p in pages for t in (*p.paragraphs, *p.notes)]
    text, page_map = assemble(pages, Hyphenator(texts))
    text += "\n"
    if normalize_text(text) != text:  # cannot happen with cleaned fragments; keep the invariant anyway
        text, page_map = normalize_text(text), ()
        warnings.append("page map unavailable")
    return {
        "text": text,
        "page_map": page_map,
        "title": meta.get("Title", "").strip(),
        "author": meta.get("Author", "").strip(),
        "published": _pdf_date(meta.get("CreationDate", "")),
        "language": language,
        "warnings": tuple(warnings),
        "pages": n_pages,
        "peak_rss_kib": _peak_rss_kib(),
    }


def _layout(all_frags: list[list[Frag]], sizes: list[tuple[float, float]]) -> list[PageText]:
    """Drop repeated margin lines and page numbers, then lay out each page."""
    keyed: list[list[str | None]] = []
    for frags, (width, height) in zip(all_frags, sizes, strict=True):
        keyed.append([None if f.block else margin_key(f, width, height) for f in frags])
    repeated = repeated_margin_keys([{k for k in keys if k} for keys in keyed])
    pages = []
    for frags, keys, (_width, height) in zip(all_frags, keyed, sizes, strict=True):
        body = [
            f
            for f, key in zip(frags, keys, strict=True)
            if (key is None or (key not in repeated and not is_bare_number(f.text)))
            and not _lone_page_number(f, height)
        ]
        pages.append(layout_page(body))
    return pages


def _lone_page_number(frag: Frag, height: float) -> bool:
    """A bare number near the top or foot of the page: a page number even on a one-page document."""
    return not frag.block and is_bare_number(frag.text) and (frag.top > height * 0.85 or frag.bottom < height * 0.15)


def _clean(text: str) -> str:
    """A fragment's text as text of record: NFC, no control characters, no line breaks."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _peak_rss_kib() -> int:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# ------------------------------------------------------------------------------------------------ isolation


def _child(job: Callable[[str, bytes], dict[str, Any]], name: str, data: bytes, conn: Any) -> None:
    try:
        result: tuple[str, Any] = ("ok", job(name, data))
    except ImportFailure as exc:
        result = ("fail", exc.reason)
    except MemoryError:
        result = ("fail", "the PDF needs more memory than is available")
    except Exception as exc:  # anything a broken file makes a parser throw
        result = ("fail", f"unreadable PDF ({type(exc).__name__}: {str(exc)[:200]})")
    try:
        conn.send(result)
    finally:
        conn.close()


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and sys.platform != "darwin":
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__])
        return ctx
    return multiprocessing.get_context("spawn")


def run_isolated(
    name: str, data: bytes, job: Callable[[str, bytes], dict[str, Any]] | None = None, timeout: float | None = None
) -> dict[str, Any]:
    """Run ``job(name, data)`` (default :func:`extract`) in a child process killed after ``timeout`` seconds.

    Raises:
        ImportFailure: with the job's reason, "timed out after N s", or a crash report.
    """
    job = job or _job
    limit = TIMEOUT_S if timeout is None else timeout
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(job, name, data, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limit):
            process.kill()
            raise ImportFailure(name, f"timed out after {limit:g} s")
        try:
            status, payload = receiver.recv()
        except (EOFError, OSError):
            process.join(5)
            raise ImportFailure(name, f"the PDF parser crashed (exit code {process.exitcode})") from None
    finally:
        receiver.close()
        process.join(5)
        if process.is_alive():  # pragma: no cover - a child that ignores its end
            process.kill()
            process.join()
    if status != "ok":
        raise ImportFailure(name, payload)
    result: dict[str, Any] = payload
    return result


_job: Callable[[str, bytes], dict[str, Any]] = extract
"""The parsing function run in the child; tests replace it to simulate a parser that hangs."""


def read(name: str, data: bytes) -> ImportBundle:
    """Import a PDF file.

    Raises:
        ImportFailure: if the PDF is damaged, truncated, password-protected, has no text layer or takes longer than
            :data:`TIMEOUT_S` seconds to parse.
    """
    if b"%PDF" not in data[:1024]:
        raise ImportFailure(name, "not a PDF file")
    result = run_isolated(name, data)
    return ImportBundle(
        name=name,
        kind="pdf",
        original=data,
        text=result["text"],
        title=result["title"][:500],
        author=result["author"][:200],
        published=result["published"],
        language=result["language"],
        page_map=result["page_map"],
        warnings=result["warnings"],
        extra={"pages": result["pages"], "worker_peak_rss_kib": result["peak_rss_kib"]},
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m workbench.io.importers.pdf FILE``: print the text of record of a PDF (for diagnosis)."""
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m workbench.io.importers.pdf FILE.pdf", file=sys.stderr)
        return 2
    path = Path(args[0])
    try:
        bundle = read(path.name, path.read_bytes())
    except ImportFailure as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.write(bundle.text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
