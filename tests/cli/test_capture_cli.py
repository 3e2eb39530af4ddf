"""Web capture against a local HTTP server: `workbench import URL`, WARC/MHTML import, captures in reports and packs."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import socket
import threading
import zipfile

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.cli.helpers import run
from workbench.cli import main
from workbench.core.errors import ImportFailure
from workbench.io import web_capture

ARTICLE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le maire annonce 1 200 évacués</title>
<script>document.title = "SCRIPT RAN"</script></head><body><nav>Accueil | Monde</nav><article><h1>Le maire annonce
1 200 évacués</h1><p>Saint-Aubin, le 3 mars 2026. Le maire a déclaré que 1 200 habitants avaient été évacués dans la
nuit. « La situation est sous contrôle », a déclaré M. Durand. Les secours restent mobilisés dans tout le secteur et
les routes départementales sont fermées jusqu’à nouvel ordre, selon la préfecture.</p><p>Les habitants évacués ont
été accueillis au gymnase municipal, où des lits de camp ont été installés par la protection civile.</p></article>
</body></html>""".encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/article.html":
            self._send(200, "text/html; charset=utf-8", ARTICLE, extra=[("X-Test", "capture")])
        elif self.path == "/big.html":
            self._send(200, "text/html", b"<html><body>" + b"x" * 300_000 + b"</body></html>")
        elif self.path == "/file.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 not a page")
        elif self.path == "/moved":
            self._send(302, "text/html", b"", extra=[("Location", "/article.html")])
        else:
            self._send(404, "text/html", b"<html>not found</html>")

    def _send(self, code: int, ctype: str, body: bytes, extra: list[tuple[str, str]] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra or []:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_import_url_keeps_the_page_and_a_warc_record(server, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.sqlite")
    line = run(capsys, "--db", db, "import", f"{server}/article.html").strip()
    sid, title = line.split("\t")
    assert title == "Le maire annonce 1 200 évacués"
    text = run(capsys, "--db", db, "text", sid)
    assert "1 200 habitants avaient été évacués" in text and "SCRIPT RAN" not in text and "Accueil" not in text
    sources = json.loads(run(capsys, "--db", db, "sources", "--json"))
    assert sources[0]["url"].endswith("/article.html")
    # the archived copy: a WARC with the request, the response headers and the fetch time
    from workbench.services import capture
    from workbench.services.store import Store

    store = Store.open(db, "tester")
    try:
        caps = capture.captures(store, int(sid))
    finally:
        store.close()
    assert len(caps) == 1 and caps[0]["status"] == 200 and caps[0]["captured_at"] is not None
    records = list(ArchiveIterator(io.BytesIO(caps[0]["archive"])))
    kinds = [r.rec_type for r in records]
    assert kinds == ["response", "request"]
    response = records[0]
    assert response.http_headers.get_header("X-Test") == "capture"
    assert response.rec_headers.get_header("WARC-Date")
    assert response.rec_headers.get_header("WARC-Target-URI").endswith("/article.html")


def test_captured_page_shows_in_the_report_and_the_pack(server, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.sqlite")
    sid = run(capsys, "--db", db, "import", f"{server}/article.html").split("\t")[0]
    run(capsys, "--db", db, "claim", "add", sid, "--quote", "1 200 habitants", "--verdict", "true", "--status",
        "concluded", "--claimant", "Le maire")
    out = tmp_path / "r.html"
    run(capsys, "--db", db, "export", "--format", "html", "--language", "fr", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert "copie archivée (capturée le" in html and f"captures/{sid}-1.warc.gz" in html
    pack = tmp_path / "p.zip"
    run(capsys, "--db", db, "pack", "--out", str(pack))
    with zipfile.ZipFile(pack) as zf:
        assert f"captures/{sid}-1.warc.gz" in zf.namelist()
        warc = zf.read(f"captures/{sid}-1.warc.gz")
    assert run(capsys, "verify", str(pack)).startswith("ok: ")
    # a byte flipped in the capture is named by verify
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(pack) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == f"captures/{sid}-1.warc.gz":
                data = data[:40] + bytes([data[40] ^ 1]) + data[41:]
            zout.writestr(info.filename, data)
    capsys.readouterr()
    assert main(["verify", str(bad)]) == 1
    assert f"captures/{sid}-1.warc.gz: SHA-256 does not match" in capsys.readouterr().out
    # the WARC file imports back as a web page with its capture time
    path = tmp_path / "page.warc.gz"
    path.write_bytes(warc)
    db2 = str(tmp_path / "d.sqlite")
    assert run(capsys, "--db", db2, "import", str(path)).split("\t")[1].strip() == "Le maire annonce 1 200 évacués"
    plain = tmp_path / "page.warc"
    plain.write_bytes(gzip.decompress(warc))
    assert "Le maire" in run(capsys, "--db", str(tmp_path / "e.sqlite"), "import", str(plain))


def test_mhtml_page_imports_with_its_save_date(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    body = ARTICLE.decode().replace("é", "=C3=A9")
    mhtml = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/article\r\n"
        "Subject: Le maire\r\nDate: Tue, 3 Mar 2026 10:15:00 -0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/article\r\n\r\n"
        f"{body}\r\n------B--\r\n"
    )
    path = tmp_path / "page.mhtml"
    path.write_bytes(mhtml.encode("ascii", "replace"))
    db = str(tmp_path / "m.sqlite")
    sid = run(capsys, "--db", db, "import", str(path)).split("\t")[0]
    assert "1 200 habitants avaient été évacués" in run(capsys, "--db", db, "text", sid)
    from workbench.services import capture
    from workbench.services.store import Store

    store = Store.open(db, "tester")
    try:
        caps = capture.captures(store, int(sid))
    finally:
        store.close()
    assert caps[0]["format"] == "mhtml" and caps[0]["captured_at"].isoformat().startswith("2026-03-03T10:15")
    assert caps[0]["url"] == "https://news.example/article"


def test_fetch_refuses_with_one_line(server, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFailure, match="larger than"):
        web_capture.fetch(f"{server}/big.html", max_bytes=100_000)
    with pytest.raises(ImportFailure, match="404"):
        web_capture.fetch(f"{server}/missing")
    with pytest.raises(ImportFailure, match="only http"):
        web_capture.fetch("file:///etc/passwd")
    assert web_capture.fetch(f"{server}/moved").final_url.endswith("/article.html")
    db = str(tmp_path / "x.sqlite")
    capsys.readouterr()
    assert main(["--db", db, "import", f"{server}/file.pdf"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a web page" in err[0] and "Traceback" not in err[0]


def test_fetch_times_out_on_a_silent_server() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        with pytest.raises(ImportFailure, match=r"no answer|cannot reach"):
            web_capture.fetch(f"http://127.0.0.1:{silent.getsockname()[1]}/", timeout=0.3)
    finally:
        silent.close()
