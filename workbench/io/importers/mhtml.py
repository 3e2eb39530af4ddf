"""Pages saved by a browser as MHTML (``.mhtml``, ``.mht``): the HTML part through the HTML importer, dated.

The MHTML file itself is kept as the source's archived copy (``bundle.extra["capture"]``), with the save date from
its ``Date`` header as the capture time.
"""

from __future__ import annotations

from workbench.core.values import ImportBundle
from workbench.io import web_capture
from workbench.io.importers.warc import bundle_from_page


def read(name: str, data: bytes) -> ImportBundle:
    """Import the HTML page of an MHTML file."""
    return bundle_from_page(name, web_capture.read_mhtml(name, data), data, "mhtml")
