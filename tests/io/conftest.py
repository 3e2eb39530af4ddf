"""Fixtures of the importer tests: a Qt application for the PDF generators."""

from __future__ import annotations

import pytest


@pytest.fixture
def pdf_qt(qapp):
    """Make sure a QGuiApplication exists so :mod:`tests.io.pdf_fixtures` can draw PDFs."""
    return qapp
