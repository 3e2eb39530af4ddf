"""Closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Workflow status of a claim."""

    TO_CHECK = "to-check"
    IN_PROGRESS = "in-progress"
    IN_REVIEW = "in-review"
    CONCLUDED = "concluded"


class Stance(StrEnum):
    """How a piece of evidence bears on a claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class RelationKind(StrEnum):
    """Relation between two claims."""

    SAME_AS = "same-as"
    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"


class SpanState(StrEnum):
    """Result of (re-)anchoring a span onto a text."""

    ANCHORED = "anchored"
    MOVED = "moved"
    CHANGED = "changed"
    ORPHANED = "orphaned"


class SourceKind(StrEnum):
    """Format a source was imported from."""

    TXT = "txt"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    MD = "md"
    PASTED = "pasted"
    IMAGE = "image"  # a screenshot or photo read by OCR
