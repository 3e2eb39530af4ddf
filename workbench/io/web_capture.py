"""Fetching a live web page and reading web archives, as evidence: bytes exactly as served, with when and how.

* :func:`fetch` downloads one http(s) URL with a connect/read timeout, an overall deadline, a size limit and a
  bounded number of redirects; nothing in the page is run (no browser: the bytes go to the HTML importer).
* :func:`warc_record` writes the exchange as a gzipped WARC file (``warcio``, the Webrecorder/Internet Archive
  library): a ``request`` record and a ``response`` record with the status line, the response headers, the body and
  the fetch time (``WARC-Date``). That is the archived copy kept with the source and put in evidence packs.
* :func:`read_warc` and :func:`read_mhtml` find the HTML page in a ``.warc``/``.warc.gz`` file or in a browser's
  ``.mhtml``/``.mht`` save, with its URL and capture time.

No database and no Qt here; the capture service stores what this returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import email.policy
import email.utils
import io
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from workbench import __version__
from workbench.core.errors import ImportFailure

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 15.0
DEADLINE = 60.0
MAX_REDIRECTS = 5
USER_AGENT = f"Workbench/{__version__} (fact-checking capture)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP exchange: what was asked, what came back, when."""

    url: str
    final_url: str
    status: int
    reason: str
    request_headers: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: dt.datetime

    @property
    def content_type(self) -> str:
        """The response's Content-Type header ("" if none)."""
        return next((v for k, v in self.headers if k.lower() == "content-type"), "")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-http(s) URL refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, deadline: float = DEADLINE) -> Fetched:
    """Download ``url`` (http or https only).

    Raises:
        ImportFailure: naming the URL and the reason (bad scheme, HTTP error, timeout, too large, unreachable).
    """
    if not url.lower().startswith(("http://", "https://")):
        raise ImportFailure(url, "only http:// and https:// addresses can be fetched")
    request_headers = (("User-Agent", USER_AGENT), ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"))
    req = urllib.request.Request(url, headers=dict(request_headers), method="GET")
    opener = urllib.request.build_opener(_Redirects())
    fetched_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    start = time.monotonic()
    try:
        with opener.open(req, timeout=timeout) as resp:
            chunks, size = [], 0
            while True:
                if time.monotonic() - start > deadline:
                    raise ImportFailure(url, f"the page took longer than {deadline:.0f} s to download")
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise ImportFailure(url, f"the page is larger than {max_bytes // 1_048_576} MiB")
                chunks.append(chunk)
            headers = tuple((k, v) for k, v in resp.headers.items())
            return Fetched(url, resp.geturl(), resp.status, resp.reason or "", request_headers, headers,
                           b"".join(chunks), fetched_at)
    except urllib.error.HTTPError as exc:
        raise ImportFailure(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise ImportFailure(url, f"cannot reach the server ({exc.reason})") from None
    except TimeoutError:
        raise ImportFailure(url, f"no answer within {timeout:.0f} s") from None
    except OSError as exc:
        raise ImportFailure(url, f"the download failed ({exc})") from None


def warc_record(fetched: Fetched) -> bytes:
    """The exchange as a gzipped WARC file: a request record and a response record (body, headers, fetch time)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    date = fetched.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    headers = [(k, v) for k, v in fetched.headers if k.lower() not in ("transfer-encoding",)]
    http_headers = StatusAndHeaders(f"{fetched.status} {fetched.reason}".strip(), headers, protocol="HTTP/1.1")
    response = writer.create_warc_record(
        fetched.final_url, "response", payload=io.BytesIO(fetched.body), http_headers=http_headers,
        warc_headers_dict={"WARC-Date": date},
    )
    path = fetched.final_url.split("://", 1)[-1].partition("/")[2]
    req_headers = StatusAndHeaders(f"GET /{path} HTTP/1.1", list(fetched.request_headers), is_http_request=True)
    request = writer.create_warc_record(
        fetched.final_url, "request", http_headers=req_headers,
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
    )
    writer.write_record(response)
    writer.write_record(request)
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """The HTML page found in an archive, with its address and capture time."""

    url: str
    captured_at: dt.datetime | None
    status: int | None
    content_type: str
    html: bytes


def _parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.astimezone(dt.UTC) if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def read_warc(name: str, data: bytes) -> ArchivedPage:
    """The first HTML response (or resource) of a WARC file (gzipped or not)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else record.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype.lower():
                continue
            status = int(http.get_statuscode()) if http and http.get_statuscode().isdigit() else None
            return ArchivedPage(
                url=record.rec_headers.get_header("WARC-Target-URI") or "",
                captured_at=_parse_date(record.rec_headers.get_header("WARC-Date")),
                status=status,
                content_type=ctype,
                html=record.content_stream().read(),
            )
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        raise ImportFailure(name, f"not a readable WARC file ({exc})") from None
    raise ImportFailure(name, "the WARC file holds no HTML page")


def read_mhtml(name: str, data: bytes) -> ArchivedPage:
    """The HTML part of an MHTML (``.mhtml``/``.mht``) page saved by a browser, with its URL and save date."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
    except (ValueError, TypeError) as exc:  # pragma: no cover - the parser is lenient
        raise ImportFailure(name, f"not a readable MHTML file ({exc})") from None
    if not msg.is_multipart() and "html" not in (msg.get_content_type() or ""):
        raise ImportFailure(name, "not an MHTML page (no multipart/related body)")
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        if charset and "charset" not in payload[:2048].decode("ascii", "replace").lower():
            # re-encode as UTF-8 with a meta, so the HTML importer reads the charset the part declared
            with contextlib.suppress(LookupError, UnicodeDecodeError):
                payload = b'<meta charset="utf-8">' + payload.decode(charset).encode("utf-8")
        url = part.get("Content-Location") or msg.get("Snapshot-Content-Location") or ""
        return ArchivedPage(url=str(url), captured_at=_parse_date(msg.get("Date")), status=None,
                            content_type="text/html", html=payload)
    raise ImportFailure(name, "the MHTML file holds no HTML page")
