"""OCR benchmark: word accuracy and seconds per page of Workbench's OCR import, against raw Tesseract in the same run.

Run: ``nice .venv/bin/python benchmarks/bench_ocr.py [--corpus DIR] [--quick]``.

1. Clean pages: French and English text written for this benchmark (no corpus text), set in DejaVu Serif, Sans,
   Bold and Mono at 8-12 pt and rendered at 300 dpi with PIL, plus a two-column page. Each page is imported through
   ``registry.read_bytes`` as a PNG (the image importer) and all pages together as one scanned PDF (no text layer:
   the PDF importer refuses it, OCR takes over, PDFium renders the pages at 300 dpi). The same-run baseline is the
   ``tesseract`` command on the same PNGs with the page's language given (``-l fra`` / ``-l eng``): the engine at
   its best, without Workbench's child processes, language detection and assembly. Target: >= 95 % of words right
   on every clean page.
2. Harder images (reported, no target): a screenshot at screen resolution, the same in dark mode, a "photo"
   (rotated 1.5 degrees, blurred, JPEG quality 60), a sideways and an upside-down scan, and a photo with a shadow
   across the page.
3. Real PDFs: the files of ``DIR/pdf`` (default ``../shared/corpus/realworld``) that the PDF importer refuses for
   having no text layer are imported through OCR; outcome, characters, mean confidence and seconds per page are
   printed (the corpus has no ground truth for their pixels).

Word accuracy = words of the reference matched in order by the OCR text (difflib on whitespace tokens, exact after
NFC; apostrophes and quotation marks folded to ASCII on both sides, since a scan does not show which was typed).
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

from workbench.core.errors import ImportFailure, NeedsOCR  # noqa: E402
from workbench.io import registry  # noqa: E402

# ../shared beside the repository (a checkout), or two levels up (a worktree under wt/)
DEFAULT_CORPUS = next((p for p in (ROOT / "../shared/corpus/realworld", ROOT / "../../shared/corpus/realworld")
                       if p.is_dir()), ROOT / "../shared/corpus/realworld")
FONTS = Path("/usr/share/fonts/truetype/dejavu")
DPI = 300
TARGET = 0.95

FR = [
    "Le conseil départemental a présenté jeudi son plan de rénovation des collèges, un chantier estimé à "
    "quarante-deux millions d'euros sur six ans. Selon le rapport remis aux élus, un établissement sur trois souffre "
    "d'une isolation insuffisante et la moitié des chaudières ont plus de vingt ans. Les travaux commenceront par "
    "les bâtiments du nord du territoire, où les hivers sont les plus rudes. « Nous ne pouvons plus demander aux "
    "élèves de travailler avec leur manteau », a déclaré la vice-présidente chargée de l'éducation, qui promet des "
    "salles chauffées dès la rentrée prochaine. L'opposition conteste le calendrier : elle rappelle que le précédent "
    "programme, annoncé en grande pompe il y a quatre ans, n'a été réalisé qu'à moitié, faute d'entreprises "
    "disponibles. Les syndicats d'enseignants réclament pour leur part une concertation avant chaque fermeture de "
    "classe pendant les travaux. Le budget sera voté le mois prochain, après l'avis de la chambre régionale des "
    "comptes, dont les observations sur la dette du département sont attendues avec inquiétude.",
    "À Marseille, les pêcheurs du Vieux-Port s'inquiètent de la baisse des prises de sardines, tombées de près de "
    "moitié en dix ans d'après les relevés de l'institut de recherche consacré à la mer. Les scientifiques évoquent "
    "le réchauffement des eaux, qui pousse les bancs vers le large, mais aussi la taille des poissons, de plus en "
    "plus petits. Plusieurs patrons de bateaux ont déjà vendu leur licence ; d'autres se tournent vers le tourisme "
    "et emmènent des visiteurs en mer l'été. La préfecture maritime a réuni mercredi les représentants de la "
    "profession, des associations de protection de l'environnement et des élus du littoral. Aucune mesure n'a été "
    "décidée, mais un comité de suivi sera créé avant la fin de l'année. « On nous parle de suivi depuis quinze "
    "ans », soupire un pêcheur de soixante et un ans, qui a commencé à travailler sur le bateau de son père à "
    "l'âge de seize ans et craint d'être le dernier de la famille à exercer ce métier.",
]
EN = [
    "The county council approved on Tuesday a plan to rebuild three bridges damaged by last winter's floods, at a "
    "cost of nineteen million pounds spread over four years. Engineers found that the oldest of the three, built in "
    "1887, had lost part of its foundations when the river rose to its highest level in half a century. Until the "
    "work begins, lorries heavier than seven tonnes will have to take a detour of almost twenty miles, which local "
    "businesses say will cost them dearly. \"We understand the need for safety, but nobody asked us how long we can "
    "survive with half our customers unable to reach us,\" said the owner of a timber yard on the north bank. The "
    "council's transport committee replied that temporary crossings had been considered and rejected because the "
    "riverbed is too soft to support them. A public meeting will be held next month in the village hall, where "
    "residents will be able to see the designs and question the engineers responsible for the project.",
    "Researchers at a northern university have published a study suggesting that people who walk to work sleep "
    "better than those who drive, even when the journey takes longer. The team followed more than two thousand "
    "volunteers for eighteen months, asking them to wear a small device that recorded their movements and the "
    "quality of their rest. Walkers fell asleep faster and woke less often during the night, the authors report, "
    "although they caution that the people who choose to walk may differ in other ways from those who do not. "
    "Cycling showed a similar but weaker effect, perhaps because many cyclists ride in heavy traffic. The study was "
    "funded by a charity that campaigns for safer streets, a link that some critics say should have been stated "
    "more clearly in the paper. The authors answered that the charity had no role in the design of the study or "
    "in the analysis of the data, and that all of their results are available to other scientists.",
]
CLEAN = [  # (label, text, language, font file, point size)
    ("fr serif 11pt", FR[0], "fr", "DejaVuSerif.ttf", 11),
    ("fr sans 10pt", FR[1], "fr", "DejaVuSans.ttf", 10),
    ("en serif 11pt", EN[0], "en", "DejaVuSerif.ttf", 11),
    ("en sans 10pt", EN[1], "en", "DejaVuSans.ttf", 10),
    ("fr serif 12pt", FR[1], "fr", "DejaVuSerif.ttf", 12),
    ("en sans 12pt", EN[0], "en", "DejaVuSans.ttf", 12),
    ("fr serif 8pt", FR[0], "fr", "DejaVuSerif.ttf", 8),
    ("en sans 9pt", EN[1], "en", "DejaVuSans.ttf", 9),
    ("fr bold 10pt", FR[1], "fr", "DejaVuSerif-Bold.ttf", 10),
    ("en mono 10pt", EN[0], "en", "DejaVuSansMono.ttf", 10),
]
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "})


def font(name: str, px: int) -> Any:
    path = FONTS / name
    return ImageFont.truetype(str(path), px) if path.exists() else ImageFont.load_default(px)


def render(text: str, font_name: str, point: float, dpi: int = DPI, width_in: float = 8.27,
           dark: bool = False) -> Image.Image:
    """``text`` wrapped on an A4-wide page with one-inch margins (or a screen-wide strip at screen ``dpi``)."""
    px = round(point * dpi / 72)
    face = font(font_name, px)
    width, margin = round(width_in * dpi), round(dpi * 0.8)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if probe.textlength(candidate, font=face) > width - 2 * margin and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    step = round(px * 1.45)
    ground, ink = (30, 220) if dark else (255, 0)
    image = Image.new("L", (width, 2 * margin + step * len(lines)), ground)
    draw = ImageDraw.Draw(image)
    for i, text_line in enumerate(lines):
        draw.text((margin, margin + i * step), text_line, font=face, fill=ink)
    return image


def png(image: Image.Image, fmt: str = "PNG", **options: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).translate(_FOLD).split()


def accuracy(reference: str, got: str) -> float:
    ref, hyp = words(reference), words(got)
    matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / max(len(ref), 1)


def tesseract_cli(image_path: Path, language: str) -> tuple[str, float]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # as Workbench runs it (measured faster on a busy machine)
    start = time.perf_counter()
    out = subprocess.run(["tesseract", str(image_path), "-", "-l", {"fr": "fra", "en": "eng"}[language]],
                         capture_output=True, check=True, env=env).stdout.decode("utf-8")
    return out, time.perf_counter() - start


def workbench_import(name: str, data: bytes) -> tuple[Any, float]:
    start = time.perf_counter()
    bundle = registry.read_bytes(name, data)
    return bundle, time.perf_counter() - start


def clean_pages(quick: bool) -> bool:
    print(f"clean pages rendered at {DPI} dpi (PIL, DejaVu); Workbench import vs raw tesseract CLI, same run")
    print(f"  {'page':16s} {'words':>5s} {'workbench':>9s} {'s/page':>6s} {'lang':>4s} {'conf':>5s}"
          f"   {'tesseract':>9s} {'s/page':>6s}   {'acc ratio':>9s} {'time ratio':>10s}")
    cases = CLEAN[:4] if quick else [c for c in CLEAN if (FONTS / c[3]).exists() or c[3] == "DejaVuSerif.ttf"]
    ok = True
    totals = {"wb": [0.0, 0.0, 0.0], "cli": [0.0, 0.0, 0.0]}  # matched words, words, seconds
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, text, language, font_name, point in cases:
            image = render(text, font_name, point)
            images.append(image)
            data = png(image)
            path = Path(tmp) / "page.png"
            path.write_bytes(data)
            bundle, wb_s = workbench_import(f"{label}.png", data)
            cli_text, cli_s = tesseract_cli(path, language)
            wb_acc, cli_acc = accuracy(text, bundle.text), accuracy(text, cli_text)
            n = len(words(text))
            totals["wb"] = [totals["wb"][0] + wb_acc * n, totals["wb"][1] + n, totals["wb"][2] + wb_s]
            totals["cli"] = [totals["cli"][0] + cli_acc * n, totals["cli"][1] + n, totals["cli"][2] + cli_s]
            ok &= wb_acc >= TARGET
            conf = bundle.ocr["mean_confidence"]
            print(f"  {label:16s} {n:5d} {wb_acc:9.1%} {wb_s:6.2f} {bundle.language:>4s} {conf:5.1f}"
                  f"   {cli_acc:9.1%} {cli_s:6.2f}   {wb_acc / max(cli_acc, 1e-9):9.3f} {wb_s / cli_s:10.2f}")
    wb_all, cli_all = totals["wb"][0] / totals["wb"][1], totals["cli"][0] / totals["cli"][1]
    pages = len(cases)
    print(f"  {'all pages':16s} {int(totals['wb'][1]):5d} {wb_all:9.1%} {totals['wb'][2] / pages:6.2f}"
          f" {'':>4s} {'':>5s}   {cli_all:9.1%} {totals['cli'][2] / pages:6.2f}"
          f"   {wb_all / cli_all:9.3f} {totals['wb'][2] / totals['cli'][2]:10.2f}")
    left, right = render(FR[0], "DejaVuSerif.ttf", 10, width_in=4.1), render(EN[1], "DejaVuSerif.ttf", 10, width_in=4.1)
    columns = Image.new("L", (left.width + right.width, max(left.height, right.height)), 255)
    columns.paste(left, (0, 0))
    columns.paste(right, (left.width, 0))
    bundle, col_s = workbench_import("columns.png", png(columns))
    col_acc = accuracy(FR[0] + " " + EN[1], bundle.text)
    ok &= col_acc >= TARGET
    print(f"  {'two columns 10pt':16s} {len(words(FR[0] + ' ' + EN[1])):5d} {col_acc:9.1%} {col_s:6.2f}"
          f" {bundle.language:>4s} {bundle.ocr['mean_confidence']:5.1f}   (French column, then English column)")
    scanned = png(images[0], "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    bundle, pdf_s = workbench_import("scan.pdf", scanned)
    reference = " ".join(text for _l, text, *_ in cases)
    pdf_acc = accuracy(reference, bundle.text)
    ok &= pdf_acc >= TARGET
    print(f"  scanned PDF of the {pages} pages (PDFium render at {DPI} dpi): {pdf_acc:.1%} of words right,"
          f" {pdf_s / pages:.2f} s/page, {len(bundle.page_map)} pages in the page map")
    print(f"  target >= {TARGET:.0%} of words on every clean page: {'met' if ok else 'NOT met'}")
    return ok


def shadowed(page: Image.Image) -> Image.Image:
    """A photo of the page lit from the right: grey paper, the left side in shadow, slightly out of focus."""
    from PIL import ImageChops

    shade = Image.linear_gradient("L").rotate(90).resize(page.size).point(lambda v: 60 + v * 0.7)
    paper = page.point(lambda v: 40 + v * 0.8 if v > 128 else v + 30)
    return ImageChops.multiply(paper, shade).filter(ImageFilter.GaussianBlur(1.0))


def hard_images() -> None:
    print("harder images (no target): Workbench import vs raw tesseract CLI with the language given")
    text, language = FR[0][:700], "fr"
    screen = render(text, "DejaVuSans.ttf", 10, dpi=96, width_in=8.0)
    dark = render(text, "DejaVuSans.ttf", 10, dpi=96, width_in=8.0, dark=True)
    page = render(text, "DejaVuSerif.ttf", 11)
    photo = page.rotate(1.5, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    photo = photo.filter(ImageFilter.GaussianBlur(1.2))
    cases = [("screenshot 96dpi", png(screen)), ("dark mode 96dpi", png(dark)),
             ("photo-like JPEG", png(photo.convert("RGB"), "JPEG", quality=60)),
             ("sideways scan", png(page.rotate(90, expand=True))), ("upside down", png(page.rotate(180))),
             ("shadowed photo", png(shadowed(page).convert("RGB"), "JPEG", quality=85))]
    with tempfile.TemporaryDirectory() as tmp:
        for label, data in cases:
            path = Path(tmp) / ("img.jpg" if label.startswith("photo") else "img.png")
            path.write_bytes(data)
            bundle, wb_s = workbench_import(path.name, data)
            cli_text, cli_s = tesseract_cli(path, language)
            turned = {p.get("rotate", 0) for p in bundle.ocr_words or []} - {0}
            print(f"  {label:18s} workbench {accuracy(text, bundle.text):6.1%} {wb_s:5.2f} s"
                  f"   tesseract {accuracy(text, cli_text):6.1%} {cli_s:5.2f} s"
                  + (f"   (turned {sorted(turned)[0]} degrees)" if turned else ""))


def corpus_scans(corpus: Path) -> None:
    from workbench.io.importers import pdf as pdf_importer

    folder = corpus / "pdf"
    if not folder.is_dir():
        print(f"corpus: {folder} not found; skipping the real scanned PDFs")
        return
    print(f"real PDFs of {folder} that the PDF importer refuses for having no text layer, imported through OCR")
    found = 0
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        try:
            pdf_importer.read(path.name, data)
            continue
        except ImportFailure as exc:
            if not NeedsOCR.matches(exc):
                continue
        found += 1
        try:
            bundle, seconds = workbench_import(path.name, data)
        except ImportFailure as exc:
            print(f"  {path.name:36s} refused: {exc.reason}")
            continue
        record = bundle.ocr or {}
        pages = record.get("pages") or 1
        print(f"  {path.name:36s} {pages:3d} page(s) {len(bundle.text):6d} chars  lang {bundle.language or '-':2s}"
              f"  conf {record.get('mean_confidence') or 0:5.1f}  {seconds / pages:5.2f} s/page")
    if not found:
        print("  none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quick", action="store_true", help="four clean pages, no harder images")
    args = parser.parse_args()
    if shutil.which("tesseract") is None:
        print("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng)")
        return 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPU(s), load average {load:.2f} at start")
    ok = clean_pages(args.quick)
    if not args.quick:
        hard_images()
    if args.corpus.exists():
        corpus_scans(args.corpus)
    else:
        print(f"corpus {args.corpus} not found: skipping the real PDFs")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f} at end")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
