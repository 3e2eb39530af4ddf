"""`workbench pack` and `workbench verify`: a fresh pack verifies; a byte flipped in any file is named."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import run
from workbench.cli import main


@pytest.fixture(scope="module")
def packed(tmp_path_factory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("pack")
    db = str(root / "demo.sqlite")
    assert main(["--db", db, "init", "--demo"]) == 0
    for key, value in (("organisation", "Les Vérificateurs"), ("organisation-url", "https://verif.example"),
                       ("publication-url", "https://verif.example/fc/{claim}")):
        assert main(["--db", db, "setting", key, value]) == 0
    out = root / "pack.zip"
    assert main(["--db", db, "pack", "--out", str(out)]) == 0
    return db, out


def _rewrite(src: Path, dst: Path, name: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == name else data)


def _flip(data: bytes) -> bytes:
    """Flip one bit of one byte in the middle, keeping UTF-8 text decodable where possible."""
    i = len(data) // 2
    while i < len(data) - 1 and not (0x41 <= data[i] <= 0x7A):
        i += 1
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def test_fresh_pack_verifies(packed, capsys) -> None:  # type: ignore[no-untyped-def]
    _db, out = packed
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    for name in ("reports/report.html", "reports/report.pdf", "claimreview.jsonld", "annotations.jsonld",
                 "dossier.json", "manifest.json", "manifest.sha256"):
        assert name in names
    assert any(n.startswith("sources/") and "/original" in n for n in names)
    assert manifest["history"] and manifest["history_head"] == manifest["history"][-1]["hash"]
    line = run(capsys, "verify", str(out)).strip()
    assert line == f"ok: {len(names)} files, {len(manifest['quotes'])} quotes verified"
    assert len(manifest["quotes"]) > 0


def test_pack_of_some_claims(packed, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _ = packed
    claims = json.loads(run(capsys, "--db", db, "claims", "--json"))
    out = tmp_path / "one.zip"
    run(capsys, "--db", db, "pack", "--claim", str(claims[0]["id"]), "--out", str(out))
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["claims"] == [claims[0]["id"]]
    assert run(capsys, "verify", str(out)).startswith("ok: ")


def _kinds(out: Path) -> list[str]:
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    picked: dict[str, str] = {}
    for name in names:
        kind = ("original" if "/original" in name else "text" if name.endswith("text.txt") else
                "capture" if name.startswith("captures/") else name)
        picked.setdefault(kind, name)
    return sorted(picked.values())


def test_verify_names_each_tampered_file(packed, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _db, out = packed
    kinds = _kinds(out)
    for name in ("reports/report.html", "reports/report.pdf", "claimreview.jsonld", "annotations.jsonld",
                 "dossier.json", "manifest.json", "manifest.sha256"):
        assert name in kinds
    assert any("/original" in k for k in kinds) and any(k.endswith("text.txt") for k in kinds)
    for name in kinds:  # one byte flipped in one file of each kind: verify names that file and fails
        bad = tmp_path / "bad.zip"
        _rewrite(out, bad, name, _flip)
        capsys.readouterr()
        assert main(["verify", str(bad)]) == 1, name
        lines = capsys.readouterr().out.strip().splitlines()
        assert lines and any(name in line.split(" (")[0] for line in lines), (name, lines)
        assert not any(line.startswith("ok:") for line in lines)


def test_verify_proves_quotes_against_the_text_of_record(packed, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _db, out = packed
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    quote = manifest["quotes"][0]
    text_name = f"sources/{quote['source_id']}/text.txt"

    def blank_quote(data: bytes) -> bytes:
        text = data.decode("utf-8")
        s, e = quote["start"], quote["end"]
        return (text[:s] + "x" * (e - s) + text[e:]).encode("utf-8")

    bad = tmp_path / "bad.zip"
    _rewrite(out, bad, text_name, blank_quote)
    capsys.readouterr()
    assert main(["verify", str(bad)]) == 1
    lines = capsys.readouterr().out
    assert f"quote {quote['id']} of claim {quote['claim_id']}" in lines
    assert "re-importing the original does not give the text of record" not in lines or text_name in lines


def test_verify_refuses_a_file_that_is_not_a_pack(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.zip"
    path.write_bytes(b"not a zip")
    assert main(["verify", str(path)]) == 1
    assert "not a readable zip" in capsys.readouterr().out


def test_pack_of_a_dossier_restored_from_json_verifies(packed, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _ = packed
    data = tmp_path / "d.json"
    run(capsys, "--db", db, "export", "--format", "json", "--out", str(data))
    other = str(tmp_path / "r.sqlite")
    assert main(["--db", other, "init"]) == 0
    run(capsys, "--db", other, "import", str(data))
    out = tmp_path / "r.zip"
    run(capsys, "--db", other, "pack", "--out", str(out))
    assert run(capsys, "verify", str(out)).startswith("ok: ")
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    restored = [s for s in manifest["sources"] if s["original"] is None]
    assert restored and all(f"source {s['id']}: restored from a dossier file" in " ".join(manifest["notes"])
                            for s in restored)
