"""Sources: store an import bundle, list, read the text of record, correct metadata, trash and restore, search."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import Cancelled, ImportFailure, ValidationError, WorkbenchError
from workbench.core.text import folded_pattern, normalize_text, parse_date, sha256_hex
from workbench.core.values import CaptureInfo, ImportBundle, SearchHit, SourceInfo
from workbench.persistence import repositories as repo
from workbench.persistence.search import candidate_sources
from workbench.services.store import Store

log = logging.getLogger(__name__)

EDITABLE = ("title", "outlet", "author", "published", "url", "language", "reliability_note")


@dataclass(frozen=True, slots=True)
class AddResult:
    """Outcome of storing a bundle: the source and whether it was new (False: same bytes already there)."""

    source: SourceInfo
    created: bool


def add(store: Store, dossier_id: int, bundle: ImportBundle, **overrides: object) -> AddResult:
    """Store an imported source (one transaction). Same original bytes in the dossier: reuse that source.

    ``overrides`` replace bundle metadata (title, outlet, author, published, url, language, reliability_note).
    """
    unknown = set(overrides) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"unknown source field(s): {', '.join(sorted(unknown))}")
    text = normalize_text(bundle.text)
    if not text.strip():
        raise ImportFailure(bundle.name, "no text to store")
    sha = sha256_hex(bundle.original)
    meta: dict[str, object] = {
        "title": bundle.title or Path(bundle.name).stem,
        "outlet": bundle.outlet,
        "author": bundle.author,
        "published": bundle.published,
        "url": bundle.url,
        "language": bundle.language,
        "reliability_note": "",
    }
    meta.update({k: v for k, v in overrides.items() if v not in (None, "")})
    with store.db.transaction() as s:
        repo.get_dossier(s, dossier_id)
        existing = repo.find_source_by_sha(s, dossier_id, sha)
        if existing is not None:
            return AddResult(repo.source_value(existing), created=False)
        if meta["url"]:  # same canonical URL as a source of the dossier: a new revision of it, or the same text
            from workbench.services import revisions

            revised = revisions.revise_by_url(s, store, dossier_id, bundle, text, meta)
            if revised is not None:
                return revised
        row = repo.insert_source(s, dossier_id, bundle, text, sha, meta)
        if bundle.extra.get("capture"):  # a web page fetched or read from an archive keeps its archived copy
            repo.add_capture(s, row.id, CaptureInfo.from_dict(bundle.extra["capture"]))
        repo.log(s, dossier_id=dossier_id, entity="source", entity_id=row.id, action="import", user=store.user,
                 after={"title": row.title, "sha256": sha, "file": bundle.name})
        return AddResult(repo.source_value(row), created=True)


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one file of a batch: ``added``, ``reused`` (same bytes already there) or ``failed``."""

    path: str
    name: str
    status: str
    source: SourceInfo | None = None
    error: str = ""  # the reason, for a failed file
    warnings: tuple[str, ...] = ()  # the importer's notes on an imported file (parts skipped, ...)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Outcome of importing several files: what was added, reused, and one error line per failed file.

    ``outcomes`` holds one entry per file, in the order given; ``warnings`` one "<file>: <note>" line per note.
    """

    added: tuple[SourceInfo, ...]
    reused: tuple[SourceInfo, ...]
    errors: tuple[str, ...]
    outcomes: tuple[FileOutcome, ...] = ()
    warnings: tuple[str, ...] = ()


def _read_one(read: Callable[[str | Path], ImportBundle], path: str | Path) -> ImportBundle:
    """Run one importer; an unexpected exception becomes this file's failure instead of ending the batch."""
    name = Path(path).name or str(path)
    try:
        return read(path)
    except WorkbenchError:
        raise
    except MemoryError as exc:
        raise ImportFailure(name, "not enough memory to read this file") from exc
    except RecursionError as exc:
        raise ImportFailure(name, "the file is nested too deeply to be read") from exc
    except Exception as exc:  # a bug in an importer or a library: report it for this file, keep going
        log.exception("importer failed on %s", path)
        raise ImportFailure(name, f"internal error while reading the file ({type(exc).__name__}); please report it") \
            from exc


def import_files(
    store: Store,
    dossier_id: int,
    paths: Iterable[str | Path],
    *,
    read: Callable[[str | Path], ImportBundle] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    **overrides: object,
) -> BatchResult:
    """Import files one by one; each gets its own outcome, and a failing file never stops the others.

    ``read`` defaults to :func:`workbench.io.registry.read_file` (regular files only, size-bounded). OCR reports
    its pages through ``progress`` ("name (page k/n)") and stops between pages on ``cancel``.
    """
    from workbench.io.importers.ocr import page_hooks

    if read is None:
        from workbench.io.registry import read_file

        read = read_file
    paths = list(paths)
    outcomes: list[FileOutcome] = []
    for i, path in enumerate(paths):
        if cancel is not None and cancel():
            raise Cancelled("import cancelled")
        name = Path(path).name or str(path)
        if progress is not None:
            progress(i, len(paths), name)

        def on_page(done: int, total: int, i: int = i, name: str = name) -> None:
            if progress is not None:  # OCR reports page by page within the file
                page = f"page {min(done + 1, total)}/{total}" if total else "page 1"
                progress(i, len(paths), f"{name} ({page})")

        try:
            with page_hooks(on_page, cancel, str(overrides.get("language") or "")):
                bundle = _read_one(read, path)
            result = add(store, dossier_id, bundle, **overrides)
        except Cancelled:
            raise
        except WorkbenchError as exc:
            # An ImportFailure already names its file ("<stdin>" for '-'); other errors get the file name here.
            line = str(exc) if isinstance(exc, ImportFailure) else f"{name}: {exc}"
            outcomes.append(FileOutcome(str(path), name, "failed", error=line))
            continue
        status = "added" if result.created else "reused"
        outcomes.append(FileOutcome(str(path), name, status, result.source, warnings=bundle.warnings))
    if progress is not None:
        progress(len(paths), len(paths), "")
    return BatchResult(
        added=tuple(o.source for o in outcomes if o.status == "added" and o.source is not None),
        reused=tuple(o.source for o in outcomes if o.status == "reused" and o.source is not None),
        errors=tuple(o.error for o in outcomes if o.status == "failed"),
        outcomes=tuple(outcomes),
        warnings=tuple(f"{o.name}: {w}" for o in outcomes if o.status == "added" for w in o.warnings),
    )


def list_all(store: Store, dossier_id: int) -> list[SourceInfo]:
    """The dossier's sources with claim counts."""
    with store.db.transaction() as s:
        return repo.list_sources(s, dossier_id)


def get(store: Store, source_id: int) -> SourceInfo:
    """One source's metadata."""
    with store.db.transaction() as s:
        return repo.source_value(repo.get_source(s, source_id))


def text(store: Store, source_id: int) -> str:
    """The text of record."""
    with store.db.transaction() as s:
        return repo.source_text(s, source_id)


def texts(store: Store, source_ids: Iterable[int]) -> dict[int, str]:
    """The texts of record of many live sources, read in one query: ``{source_id: text}`` (trashed ones left out)."""
    with store.db.transaction() as s:
        return dict(repo.source_texts(s, source_ids))


def original(store: Store, source_id: int) -> bytes:
    """The original bytes as imported."""
    with store.db.transaction() as s:
        return bytes(repo.get_source(s, source_id).original)


def page_map(store: Store, source_id: int) -> list[tuple[int, int]]:
    """``(offset, page)`` pairs for paged formats (empty otherwise)."""
    with store.db.transaction() as s:
        return [(int(a), int(b)) for a, b in repo.get_source(s, source_id).page_map or []]


def ocr_words(store: Store, source_id: int) -> list[dict[str, object]]:
    """OCR word boxes per page (``[]`` for a source not read by OCR); see ``ImportBundle.ocr_words``."""
    with store.db.transaction() as s:
        return list(repo.get_source(s, source_id).ocr_words or [])


def update(store: Store, source_id: int, **fields: object) -> tuple[SourceInfo, dict[str, object]]:
    """Correct metadata (never the text). Returns the new value and the previous values of the changed fields."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit source field(s): {', '.join(sorted(unknown))}")
    if "published" in fields:
        fields["published"] = parse_date(fields["published"], "published date")
    with store.db.transaction() as s:
        row = repo.get_source(s, source_id)
        before: dict[str, object] = {}
        for name, value in fields.items():
            old = getattr(row, name)
            if old == value:
                continue
            before[name] = old
            repo.assign(row, name, value)
            repo.log(s, dossier_id=row.dossier_id, entity="source", entity_id=row.id, action="update", field=name,
                     before=old, after=value, user=store.user)
        return repo.source_value(row), before


def delete(store: Store, source_id: int) -> SourceInfo:
    """Move a source to the trash (its claims' appearances there disappear with it; undo restores)."""
    return _set_deleted(store, source_id, True)


def restore(store: Store, source_id: int) -> SourceInfo:
    """Take a source out of the trash."""
    return _set_deleted(store, source_id, False)


def _set_deleted(store: Store, source_id: int, deleted: bool) -> SourceInfo:
    with store.db.transaction() as s:
        row = repo.get_source(s, source_id, deleted=True)
        repo.soft_delete(row, deleted)
        repo.log(s, dossier_id=row.dossier_id, entity="source", entity_id=row.id, user=store.user,
                 action="delete" if deleted else "restore")
        return repo.source_value(row)


def search(store: Store, dossier_id: int, query: str, *, limit: int = 500, spellings: bool = False) -> list[SearchHit]:
    """Accent- and case-insensitive search of every word of ``query`` (as a phrase first, else each word).

    Hits are code-point ranges in the sources' texts with a one-line snippet. With ``spellings``, each name of the
    query (a word of 4 letters or more) also finds its other transliterations (Ushakov, Ouchakov, Uschakow), after
    the exact hits: see :mod:`workbench.core.phonetic`.
    """
    query = normalize_text(query).strip()
    if not query:
        return []
    pattern = folded_pattern(query)
    hits: list[SearchHit] = []
    with store.db.transaction() as s:
        for sid, body in repo.source_texts_in_order(s, candidate_sources(s, dossier_id, query)):
            for match in pattern.finditer(body):
                if len(hits) >= limit:
                    break
                pos, end = match.span()
                lo, hi = max(0, pos - 40), min(len(body), end + 40)
                snippet = body[lo:hi].replace("\n", " ")
                hits.append(SearchHit(sid, pos, end, ("…" if lo else "") + snippet + ("…" if hi < len(body) else "")))
            if len(hits) >= limit:  # the page is full: read no more texts
                break
        if spellings and len(hits) < limit:
            hits += _spelling_hits(s, dossier_id, query, {(h.source_id, h.start) for h in hits}, limit - len(hits))
    return hits


def _spelling_hits(s: Any, dossier_id: int, query: str, seen: set[tuple[int, int]], limit: int) -> list[SearchHit]:
    """Words whose transliteration-insensitive key is one of the query's names (exact hits excluded)."""
    from workbench.core.phonetic import phonetic_key, spelling_variants
    from workbench.persistence.search import spelling_candidates

    names = {phonetic_key(w): w for w in re.findall(r"\w+", query) if phonetic_key(w)}
    if not names:
        return []
    variants = [v for w in names.values() for v in spelling_variants(w)]
    hits: list[SearchHit] = []
    candidates = spelling_candidates(s, dossier_id, variants)
    texts = dict(repo.source_texts(s, candidates))  # one query for every candidate
    for sid in candidates:
        body = texts.get(sid)
        if body is None:
            continue
        for m in re.finditer(r"\w+", body):
            if (sid, m.start()) in seen or phonetic_key(m.group()) not in names:
                continue
            lo, hi = max(0, m.start() - 40), min(len(body), m.end() + 40)
            snippet = body[lo:hi].replace("\n", " ")
            hits.append(SearchHit(sid, m.start(), m.end(),
                                  ("…" if lo else "") + snippet + ("…" if hi < len(body) else "")))
            if len(hits) >= limit:
                return hits
    return hits
