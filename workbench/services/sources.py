"""Sources: store an import bundle, list, read the text of record, correct metadata, trash and restore, search."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import Cancelled, ImportFailure, ValidationError, WorkbenchError
from workbench.core.text import fold, normalize_text, parse_date, sha256_hex
from workbench.core.values import ImportBundle, SearchHit, SourceInfo
from workbench.persistence import repositories as repo
from workbench.persistence.models import Source
from workbench.persistence.search import candidate_sources
from workbench.services.store import Store

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
        repo.get_row(s, "dossier", dossier_id)
        existing = repo.find_source_by_sha(s, dossier_id, sha)
        if existing is not None:
            return AddResult(repo.source_value(existing), created=False)
        row = Source(
            dossier_id=dossier_id,
            kind=bundle.kind,
            filename=bundle.name,
            original=bundle.original,
            sha256=sha,
            text=text,
            text_sha256=sha256_hex(text),
            page_map=[list(p) for p in bundle.page_map],
            **meta,
        )
        s.add(row)
        s.flush()
        repo.log(s, dossier_id=dossier_id, entity="source", entity_id=row.id, action="import", user=store.user,
                 after={"title": row.title, "sha256": sha, "file": bundle.name})
        return AddResult(repo.source_value(row), created=True)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Outcome of importing several files: what was added, reused, and one error line per failed file."""

    added: tuple[SourceInfo, ...]
    reused: tuple[SourceInfo, ...]
    errors: tuple[str, ...]
    warnings: tuple[str, ...] = ()  # "FILE: what the importer could not read well" (imported files only)


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
    """Import files one by one; a failing file is reported and skipped, the others still import."""
    if read is None:
        from workbench.io.registry import read_file

        read = read_file
    paths = list(paths)
    added: list[SourceInfo] = []
    reused: list[SourceInfo] = []
    errors: list[str] = []
    warnings: list[str] = []
    for i, path in enumerate(paths):
        if cancel is not None and cancel():
            raise Cancelled("import cancelled")
        if progress is not None:
            progress(i, len(paths), Path(path).name)
        try:
            bundle = read(path)
            result = add(store, dossier_id, bundle, **overrides)
        except WorkbenchError as exc:
            # An ImportFailure already names its file ("<stdin>" for '-'); other errors get the file name here.
            errors.append(str(exc) if isinstance(exc, ImportFailure) else f"{Path(path).name}: {exc}")
            continue
        (added if result.created else reused).append(result.source)
        warnings.extend(f"{bundle.name}: {w}" for w in bundle.warnings)
    if progress is not None:
        progress(len(paths), len(paths), "")
    return BatchResult(tuple(added), tuple(reused), tuple(errors), tuple(warnings))


def list_all(store: Store, dossier_id: int) -> list[SourceInfo]:
    """The dossier's sources with claim counts."""
    with store.db.transaction() as s:
        return repo.list_sources(s, dossier_id)


def get(store: Store, source_id: int) -> SourceInfo:
    """One source's metadata."""
    with store.db.transaction() as s:
        return repo.source_value(repo.get_row(s, "source", source_id))


def text(store: Store, source_id: int) -> str:
    """The text of record."""
    with store.db.transaction() as s:
        return str(repo.get_row(s, "source", source_id).text)


def original(store: Store, source_id: int) -> bytes:
    """The original bytes as imported."""
    with store.db.transaction() as s:
        return bytes(repo.get_row(s, "source", source_id).original)


def page_map(store: Store, source_id: int) -> list[tuple[int, int]]:
    """``(offset, page)`` pairs for paged formats (empty otherwise)."""
    with store.db.transaction() as s:
        return [(int(a), int(b)) for a, b in repo.get_row(s, "source", source_id).page_map or []]


def update(store: Store, source_id: int, **fields: object) -> tuple[SourceInfo, dict[str, object]]:
    """Correct metadata (never the text). Returns the new value and the previous values of the changed fields."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit source field(s): {', '.join(sorted(unknown))}")
    if "published" in fields:
        fields["published"] = parse_date(fields["published"], "published date")
    with store.db.transaction() as s:
        row = repo.get_row(s, "source", source_id)
        before: dict[str, object] = {}
        for name, value in fields.items():
            old = getattr(row, name)
            if old == value:
                continue
            before[name] = old
            setattr(row, name, value)
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
        row = repo.set_deleted(s, "source", source_id, deleted)
        repo.log(s, dossier_id=row.dossier_id, entity="source", entity_id=row.id, user=store.user,
                 action="delete" if deleted else "restore")
        return repo.source_value(row)


def search(store: Store, dossier_id: int, query: str, *, limit: int = 500) -> list[SearchHit]:
    """Accent- and case-insensitive search of every word of ``query`` (as a phrase first, else each word).

    Hits are code-point ranges in the sources' texts with a one-line snippet.
    """
    query = normalize_text(query).strip()
    if not query:
        return []
    needle = fold(query)
    hits: list[SearchHit] = []
    with store.db.transaction() as s:
        ids = candidate_sources(s, dossier_id, query)
        for sid in ids:
            body = str(repo.get_row(s, "source", sid).text)
            folded = fold(body)
            pos = folded.find(needle)
            while pos >= 0 and len(hits) < limit:
                end = pos + len(needle)
                lo, hi = max(0, pos - 40), min(len(body), end + 40)
                snippet = body[lo:hi].replace("\n", " ")
                hits.append(SearchHit(sid, pos, end, ("…" if lo else "") + snippet + ("…" if hi < len(body) else "")))
                pos = folded.find(needle, end)
    return hits
