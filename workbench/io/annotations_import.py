"""Read W3C Web Annotations (JSON-LD) back into plain values a service can re-anchor onto its sources.

Accepted shapes: one ``Annotation``, a JSON list of annotations, an ``AnnotationPage`` (``items``) or an
``AnnotationCollection`` whose ``first`` page (and the ``next`` pages) are embedded. The top-level object must carry
the Web Annotation ``@context``. Each annotation must meet the data model's MUSTs that matter here: an ``id`` IRI,
``type`` Annotation, a ``target``; every target with a ``TextQuoteSelector`` (non-empty ``exact``) and/or a
``TextPositionSelector`` (non-negative integer ``start`` <= ``end``) gives one :class:`AnnotationRecord`.

The role is read from the motivation: ``linking`` means evidence (stance from the ``classifying`` body), anything
else an appearance. The claim statement comes from the body with purpose ``describing`` or ``linking`` (else the
first textual body). The source is identified by its IRI; a ``urn:sha256:`` IRI (as ``source`` or as a TimeState's
``cached``) gives the SHA-256 of the text of record the offsets count in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from workbench.core.errors import ImportFailure

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION = "https://w3id.org/workbench/ns#claim"  # Workbench's claim fields (see exporters/web_annotations.py)
STANCES = ("supports", "refutes", "context")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_SHA = re.compile(r"^urn:sha256:([0-9a-fA-F]{64})$")


@dataclass(frozen=True, slots=True)
class AnnotationRecord:
    """One annotation target with its text selectors, as a service needs it to re-anchor a span.

    Attributes:
        id: The annotation's IRI.
        source: The target source IRI (an http(s) URL or ``urn:sha256:...``).
        url: The source's http(s) URL, or "".
        text_sha256: SHA-256 of the text of record the offsets count in (lower-case hex), or "".
        exact: Quoted text (TextQuoteSelector), "" if only positions were given.
        prefix: Text just before the quote.
        suffix: Text just after the quote.
        start: TextPositionSelector start (code points), or None.
        end: TextPositionSelector end (exclusive), or None.
        statement: The claim statement (body), or "".
        role: "appearance" or "evidence".
        stance: "supports", "refutes" or "context" for evidence; "" for appearances.
        verdict_label: Verdict label (``assessing`` body) if any.
        tags: Tag bodies (purpose ``tagging``).
        note: Comment body (purpose ``commenting``), or "".
        motivation: The annotation's motivation ("" if none).
        created: When the annotation was created, if given.
    """

    id: str
    source: str
    url: str
    text_sha256: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    statement: str
    role: str
    stance: str
    verdict_label: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    motivation: str = ""
    created: dt.datetime | None = None
    workbench: dict[str, Any] | None = None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(obj: dict[str, Any]) -> list[str]:
    return [t for t in _as_list(obj.get("type", obj.get("@type"))) if isinstance(t, str)]


class _Parser:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, reason: str) -> ImportFailure:
        return ImportFailure(self.name, f"{where}: {reason}" if where else reason)

    def annotations(self, root: Any) -> list[tuple[str, dict[str, Any]]]:
        """Every annotation object in the document, with a path for error messages."""
        if isinstance(root, list):
            return [(f"[{i}]", self.obj(a, f"[{i}]")) for i, a in enumerate(root)]
        root = self.obj(root, "$")
        types = _types(root)
        if "Annotation" in types:
            return [("$", root)]
        if "AnnotationPage" in types:
            return self.page(root, "$")
        if "AnnotationCollection" in types:
            first = root.get("first")
            if first is None:
                return []
            if not isinstance(first, dict):
                raise self.fail("$.first", "the first page must be embedded, not a link")
            return self.page(first, "$.first")
        raise self.fail("$.type", "not an Annotation, AnnotationPage or AnnotationCollection")

    def page(self, page: dict[str, Any], path: str) -> list[tuple[str, dict[str, Any]]]:
        out = []
        seen = 0
        while page is not None:
            if "AnnotationPage" not in _types(page):
                raise self.fail(f"{path}.type", "expected AnnotationPage")
            items = page.get("items")
            if not isinstance(items, list):
                raise self.fail(f"{path}.items", "an AnnotationPage must have a list of items")
            out += [(f"{path}.items[{i}]", self.obj(a, f"{path}.items[{i}]")) for i, a in enumerate(items)]
            nxt = page.get("next")
            seen += 1
            if nxt is None or seen > 10_000:
                break
            if not isinstance(nxt, dict):
                raise self.fail(f"{path}.next", "the next page must be embedded, not a link")
            page, path = nxt, f"{path}.next"
        return out

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, found {type(value).__name__}")
        return value

    def records(self, path: str, ann: dict[str, Any]) -> list[AnnotationRecord]:
        ann_id = ann.get("id", ann.get("@id"))
        if not isinstance(ann_id, str) or not _IRI.match(ann_id):
            raise self.fail(f"{path}.id", "an annotation must have an IRI id")
        if "Annotation" not in _types(ann):
            raise self.fail(f"{path}.type", "must include 'Annotation'")
        targets = _as_list(ann.get("target"))
        if not targets:
            raise self.fail(f"{path}.target", "an annotation must have a target")
        motivations = [m for m in _as_list(ann.get("motivation")) if isinstance(m, str)]
        motivation = motivations[0] if motivations else ""
        bodies = [b for b in _as_list(ann.get("body")) if isinstance(b, dict)]
        by_purpose: dict[str, list[str]] = {}
        for body in bodies:
            value = body.get("value")
            if "TextualBody" in _types(body) and not isinstance(value, str):
                raise self.fail(f"{path}.body", "a TextualBody must have a string value")
            if isinstance(value, str):
                for purpose in _as_list(body.get("purpose")) or [""]:
                    by_purpose.setdefault(str(purpose), []).append(value)
        role = "evidence" if "linking" in motivations else "appearance"
        statement = (by_purpose.get("describing") or by_purpose.get("linking") or [""])[0]
        if not statement:
            statement = next((v for vs in by_purpose.values() for v in vs), "")
        stance = ""
        if role == "evidence":
            stance = next((v for v in by_purpose.get("classifying", []) if v in STANCES), "context")
        created = None
        if isinstance(ann.get("created"), str):
            try:
                created = dt.datetime.fromisoformat(ann["created"].replace("Z", "+00:00"))
            except ValueError:
                raise self.fail(f"{path}.created", "not an xsd:dateTime") from None
        common = {
            "id": ann_id,
            "statement": statement,
            "role": role,
            "stance": stance,
            "verdict_label": (by_purpose.get("assessing") or [""])[0],
            "tags": tuple(by_purpose.get("tagging", [])),
            "note": (by_purpose.get("commenting") or [""])[0],
            "motivation": motivation,
            "created": created,
            "workbench": ann.get(EXTENSION) if isinstance(ann.get(EXTENSION), dict) else None,
        }
        return [self.target(f"{path}.target", t, common) for t in targets]

    def offset(self, selector: dict[str, Any], key: str, where: str) -> int:
        value = selector.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{where}.{key}", "must be a non-negative integer")
        return value

    def target(self, path: str, target: Any, common: dict[str, Any]) -> AnnotationRecord:
        if isinstance(target, str):
            raise self.fail(path, "the target has no text selector (only a whole resource)")
        target = self.obj(target, path)
        source = target.get("source")
        if not isinstance(source, str) or not _IRI.match(source):
            raise self.fail(f"{path}.source", "a SpecificResource must have a source IRI")
        sha = ""
        match = _SHA.match(source)
        if match:
            sha = match.group(1).lower()
        for state in _as_list(target.get("state")):
            if isinstance(state, dict):
                for cached in _as_list(state.get("cached")):
                    m = _SHA.match(cached) if isinstance(cached, str) else None
                    if m and not sha:
                        sha = m.group(1).lower()
        quote: dict[str, Any] | None = None
        position: dict[str, Any] | None = None
        for i, selector in enumerate(_as_list(target.get("selector"))):
            where = f"{path}.selector[{i}]"
            if not isinstance(selector, dict) or not _types(selector):
                raise self.fail(where, "a selector must be an object with a type")
            kind = _types(selector)
            if "TextQuoteSelector" in kind and quote is None:
                exact = selector.get("exact")
                if not isinstance(exact, str) or not exact:
                    raise self.fail(f"{where}.exact", "a TextQuoteSelector must have a non-empty exact string")
                for key in ("prefix", "suffix"):
                    if key in selector and not isinstance(selector[key], str):
                        raise self.fail(f"{where}.{key}", "must be a string")
                quote = selector
            elif "TextPositionSelector" in kind and position is None:
                start = self.offset(selector, "start", where)
                end = self.offset(selector, "end", where)
                if end < start:
                    raise self.fail(where, f"end {end} is before start {start}")
                position = selector
        if quote is None and position is None:
            raise self.fail(f"{path}.selector", "no TextQuoteSelector or TextPositionSelector")
        return AnnotationRecord(
            source=source,
            url=source if source.lower().startswith(("http://", "https://")) else "",
            text_sha256=sha,
            exact=quote["exact"] if quote else "",
            prefix=quote.get("prefix", "") if quote else "",
            suffix=quote.get("suffix", "") if quote else "",
            start=position["start"] if position else None,
            end=position["end"] if position else None,
            **common,
        )


def parse_annotations(data: bytes, name: str = "annotations.jsonld") -> list[AnnotationRecord]:
    """Read Web Annotations from JSON-LD bytes.

    Args:
        data: The file's bytes (UTF-8 JSON-LD).
        name: File name used in error messages.

    Returns:
        One record per annotation target, in document order.

    Raises:
        ImportFailure: if the bytes are not JSON, lack the Web Annotation context, or an annotation breaks a MUST of
            the data model (the reason names the JSON path).
    """
    parser = _Parser(name)
    try:
        root = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise parser.fail("", "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise parser.fail("", f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    tops = root if isinstance(root, list) else [root]
    for i, top in enumerate(tops):
        if isinstance(top, dict) and CONTEXT not in _as_list(top.get("@context")):
            raise parser.fail(f"[{i}].@context" if isinstance(root, list) else "$.@context", f"must be {CONTEXT}")
    records: list[AnnotationRecord] = []
    for path, ann in parser.annotations(root):
        records += parser.records(path, ann)
    return records
