"""The ``workbench`` command on a database in tmp_path: every scripting subcommand, its output and its errors."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.cli import main

REPO = Path(__file__).resolve().parents[2]

DEPECHE = (
    "Crue de la Lerne 🌊\r\n"
    "\r\n"
    "Selon la préfecture, 1 200 habitants ont été évacués à Saint-Aubin.\r\n"
    "Le maire affirme : « la digue n’a pas cédé ». Le préfet répète : « la digue n’a pas cédé ».\r\n"
)
DEPECHE_TEXT = DEPECHE.replace("\r\n", "\n")
BLOG = "# Ce qu’on ne vous dit pas\n\nIls étaient 3 000 évacués 🚒 selon nos sources.\n"
DEFAULT_KEYS = ["true", "mostly-true", "mixed", "misleading", "out-of-context", "mostly-false", "false", "unverifiable"]

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite"


@pytest.fixture
def run(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)

    def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        rc = main(["--db", str(db), "--user", "alice", *args])
        out, err = capsys.readouterr()
        return rc, out, err

    return _run


def _ok(run: Run, *args: str, stdin: bytes | None = None) -> str:
    rc, out, err = run(*args, stdin=stdin)
    assert rc == 0, err
    return out


def _json(run: Run, *args: str) -> Any:
    return json.loads(_ok(run, *args, "--json"))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    depeche = tmp_path / "depeche.txt"
    depeche.write_bytes(DEPECHE.encode("utf-8"))
    blog = tmp_path / "blog.md"
    blog.write_bytes(BLOG.encode("utf-8"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff\x00\xfe" * 400)
    return {"depeche": depeche, "blog": blog, "bad": bad}


@pytest.fixture
def ids(run: Run, files: dict[str, Path]) -> dict[str, int]:
    _ok(run, "init")
    out = _ok(run, "import", str(files["depeche"]), str(files["blog"]))
    lines = [line.split("\t") for line in out.splitlines()]
    return {"depeche": int(lines[0][0]), "blog": int(lines[1][0])}


def test_init_creates_one_dossier(run: Run, db: Path) -> None:
    out = _ok(run, "init")
    assert out == "1\tMy dossier\n"
    assert db.exists()
    assert _ok(run, "init") == out  # idempotent: no second dossier
    assert [d["id"] for d in _json(run, "dossiers")] == [1]


def test_init_demo(run: Run) -> None:
    pytest.importorskip("workbench.io.importers.html", reason="init --demo needs the HTML importer")
    rc, out, err = run("init", "--demo")
    assert rc == 0, err
    dossier_id, name = out.rstrip("\n").split("\t")
    assert int(dossier_id) >= 1 and "Lerne" in name
    srcs = _json(run, "sources")
    assert len(srcs) >= 5
    claims = _json(run, "claims")
    assert claims
    texts = {s["id"]: _ok(run, "text", str(s["id"])) for s in srcs}
    for claim in claims:
        for app in claim["appearances"]:
            assert texts[app["source_id"]][app["start"] : app["end"]] == app["exact"]
        for ev in claim["evidence"]:
            if "source_id" in ev:
                assert texts[ev["source_id"]][ev["start"] : ev["end"]] == ev["exact"]


def test_import_prints_one_line_per_new_source(run: Run, files: dict[str, Path]) -> None:
    _ok(run, "init")
    rc, out, err = run("import", str(files["depeche"]), str(files["blog"]))
    assert rc == 0, err
    assert out == "1\tCrue de la Lerne 🌊\n2\tCe qu’on ne vous dit pas\n"
    rc, out, err = run("import", str(files["depeche"]))
    assert (rc, out) == (0, "")
    assert "already imported" in err
    assert [s["kind"] for s in _json(run, "sources")] == ["txt", "md"]


def test_import_without_init_creates_the_database(run: Run, db: Path, files: dict[str, Path]) -> None:
    assert _ok(run, "import", str(files["blog"])) == "1\tCe qu’on ne vous dit pas\n"
    assert db.exists()


def test_import_stdin_with_metadata(run: Run) -> None:
    _ok(run, "init")
    data = "Texte collé depuis le presse-papiers 📋\r\nDeuxième ligne.\r\n".encode()
    out = _ok(run, "import", "-", "--title", "Collé", "--outlet", "Radio Lerne", "--author", "J. Dupont",
              "--published", "2026-03-11", "--url", "https://radio.example/x", "--language", "fr", stdin=data)
    sid, title = out.rstrip("\n").split("\t")
    assert title == "Collé"
    (src,) = _json(run, "sources")
    assert src["id"] == int(sid)
    assert (src["title"], src["outlet"], src["author"]) == ("Collé", "Radio Lerne", "J. Dupont")
    assert (src["published"], src["url"], src["language"], src["kind"]) == (
        "2026-03-11", "https://radio.example/x", "fr", "pasted"
    )
    assert _ok(run, "text", sid) == "Texte collé depuis le presse-papiers 📋\nDeuxième ligne.\n"


def test_import_empty_stdin_is_an_error(run: Run) -> None:
    _ok(run, "init")
    rc, out, err = run("import", "-", stdin=b"  \n")
    assert rc != 0 and out == ""
    assert err.startswith("error: <stdin>: ")
    assert _json(run, "sources") == []


def test_import_bad_file_reports_and_keeps_the_good_ones(run: Run, files: dict[str, Path], tmp_path: Path) -> None:
    _ok(run, "init")
    rc, out, err = run("import", str(files["depeche"]), str(files["bad"]), str(tmp_path / "absent.txt"),
                       str(files["blog"]))
    assert rc != 0
    assert [line.split("\t")[1] for line in out.splitlines()] == ["Crue de la Lerne 🌊", "Ce qu’on ne vous dit pas"]
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("error: bad.txt: ") and len(errors[0]) > len("error: bad.txt: ")
    assert errors[1].startswith("error: absent.txt: ")
    assert len(_json(run, "sources")) == 2


def test_sources_json_fields(run: Run, ids: dict[str, int]) -> None:
    srcs = _json(run, "sources")
    assert [s["id"] for s in srcs] == [ids["depeche"], ids["blog"]]
    want = {"id", "title", "outlet", "author", "published", "url", "language", "kind", "sha256", "text_sha256"}
    for s in srcs:
        assert want <= set(s)
        assert len(s["sha256"]) == 64 and len(s["text_sha256"]) == 64
    dep = srcs[0]
    assert dep["sha256"] == hashlib.sha256(DEPECHE.encode()).hexdigest()
    assert dep["text_sha256"] == hashlib.sha256(DEPECHE_TEXT.encode()).hexdigest()
    assert dep["published"] is None
    plain = _ok(run, "sources").splitlines()
    assert plain[0].split("\t") == [str(ids["depeche"]), "txt", "-", "-", "Crue de la Lerne 🌊"]


def test_text_is_the_normalised_text_byte_for_byte(run: Run, ids: dict[str, int]) -> None:
    out = _ok(run, "text", str(ids["depeche"]))
    assert out.encode("utf-8") == DEPECHE_TEXT.encode("utf-8")
    assert "\r" not in out
    assert _ok(run, "text", str(ids["blog"])) == BLOG


def _claims(run: Run, *args: str) -> list[dict[str, Any]]:
    return json.loads(_ok(run, "claims", "--json", *args))


def test_claim_add_with_every_option(run: Run, ids: dict[str, int]) -> None:
    sid = str(ids["depeche"])
    out = _ok(run, "claim", "add", sid, "--quote", "la digue n’a pas cédé", "--nth", "2", "--statement",
              "La digue a tenu", "--claimant", "Le préfet", "--verdict", "false", "--status", "concluded",
              "--rationale", "Photos aériennes")
    cid = int(out.strip())
    (claim,) = _claims(run)
    assert claim["id"] == cid
    assert (claim["statement"], claim["claimant"], claim["verdict"], claim["status"], claim["rationale"]) == (
        "La digue a tenu", "Le préfet", "false", "concluded", "Photos aériennes"
    )
    assert claim["concluded_by"] == "alice"
    (app,) = claim["appearances"]
    second = DEPECHE_TEXT.index("la digue n’a pas cédé", DEPECHE_TEXT.index("préfet répète"))
    assert (app["source_id"], app["start"], app["end"]) == (ids["depeche"], second, second + 21)
    assert app["exact"] == "la digue n’a pas cédé"


def test_claim_add_defaults_and_plain_listing(run: Run, ids: dict[str, int]) -> None:
    cid = _ok(run, "claim", "add", str(ids["depeche"]), "--quote", "1 200 habitants ont été évacués").strip()
    (claim,) = _claims(run)
    assert (claim["statement"], claim["status"], claim["verdict"]) == ("1 200 habitants ont été évacués",
                                                                      "to-check", None)
    assert _ok(run, "claims") == f"{cid}\t-\tto-check\t1\t0\t1 200 habitants ont été évacués\n"


def test_full_claim_workflow_and_json_shape(run: Run, ids: dict[str, int]) -> None:
    dep, blog = str(ids["depeche"]), str(ids["blog"])
    cid = _ok(run, "claim", "add", dep, "--quote", "1 200 habitants ont été évacués").strip()
    other = _ok(run, "claim", "add", dep, "--quote", "la digue n’a pas cédé", "--verdict", "false").strip()
    app_id = _ok(run, "claim", "appear", cid, blog, "--quote", "3 000 évacués 🚒").strip()
    assert app_id.isdigit()
    assert _ok(run, "claim", "set", cid, "--verdict", "misleading", "--status", "in-review", "--rationale",
               "Chiffres divergents", "--claimant", "Préfecture").strip() == cid
    ev1 = _ok(run, "claim", "cite", cid, "--stance", "refutes", "--source", blog, "--quote", "3 000",
              "--note", "Le blog gonfle").strip()
    ev2 = _ok(run, "claim", "cite", cid, "--stance", "supports", "--url", "https://prefecture.example/bilan",
              "--title", "Bilan officiel", "--publisher", "Préfecture", "--published", "2026-03-11").strip()
    assert ev1.isdigit() and ev2.isdigit() and ev1 != ev2

    data = _claims(run)
    assert [c["id"] for c in data] == [int(cid), int(other)]
    claim = data[0]
    assert {"id", "statement", "claimant", "status", "verdict", "rationale", "appearances", "evidence"} <= set(claim)
    assert (claim["claimant"], claim["status"], claim["verdict"], claim["rationale"]) == (
        "Préfecture", "in-review", "misleading", "Chiffres divergents"
    )
    texts = {int(s): _ok(run, "text", s) for s in (dep, blog)}
    assert [a["source_id"] for a in claim["appearances"]] == [int(dep), int(blog)]
    for app in claim["appearances"]:
        assert {"source_id", "start", "end", "exact"} <= set(app)
        assert texts[app["source_id"]][app["start"] : app["end"]] == app["exact"]
    span_ev, ext_ev = claim["evidence"]
    assert {"stance", "source_id", "start", "end", "exact"} <= set(span_ev)
    assert (span_ev["stance"], span_ev["source_id"], span_ev["exact"]) == ("refutes", int(blog), "3 000")
    assert texts[int(blog)][span_ev["start"] : span_ev["end"]] == "3 000"
    assert {"stance", "url", "title"} <= set(ext_ev)
    assert (ext_ev["stance"], ext_ev["url"], ext_ev["title"]) == ("supports", "https://prefecture.example/bilan",
                                                                  "Bilan officiel")
    assert ext_ev["published"] == "2026-03-11"
    assert "source_id" not in ext_ev

    assert [c["id"] for c in _claims(run, "--verdict", "false")] == [int(other)]
    assert [c["id"] for c in _claims(run, "--verdict", "false", "--verdict", "misleading")] == [int(cid), int(other)]
    assert [c["id"] for c in _claims(run, "--source", blog)] == [int(cid)]
    assert [c["id"] for c in _claims(run, "--source", dep)] == [int(cid), int(other)]
    assert _claims(run, "--verdict", "true") == []

    history = json.loads(_ok(run, "claim", "history", cid, "--json"))
    assert {h["user"] for h in history} == {"alice"}
    assert [h["field"] for h in history if h["action"] == "update"] == ["claimant", "verdict", "status", "rationale"]


def test_verdicts(run: Run) -> None:
    _ok(run, "init")
    rows = [line.split("\t") for line in _ok(run, "verdicts").splitlines()]
    assert [r[0] for r in rows] == DEFAULT_KEYS
    assert rows[2][:3] == ["mixed", "Mixed", "Mitigé"]
    assert rows[-1][:3] == ["unverifiable", "Unverifiable", "Invérifiable"]


def _dump(run: Run) -> tuple[str, str]:
    return _ok(run, "claims", "--json"), _ok(run, "sources", "--json")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claim", "add", "999", "--quote", "digue"], "no source with id 999"),
        (["claim", "appear", "999", "{dep}", "--quote", "digue"], "no claim with id 999"),
        (["claim", "appear", "{cid}", "999", "--quote", "digue"], "no source with id 999"),
        (["claim", "set", "999", "--verdict", "true"], "no claim with id 999"),
        (["claim", "cite", "999", "--stance", "supports", "--title", "x"], "no claim with id 999"),
        (["claim", "add", "{dep}", "--quote", "inondation du siècle"], "quote not found"),
        (["claim", "add", "{dep}", "--quote", "la digue n’a pas cédé", "--nth", "3"], "2 time(s), not 3"),
        (["claim", "add", "{dep}", "--quote", "la digue", "--verdict", "bogus"], "unknown verdict 'bogus'"),
        (["claim", "set", "{cid}", "--verdict", "bogus"], "unknown verdict"),
        (["claim", "set", "{cid}", "--status", "done"], "unknown status"),
        (["claim", "set", "{cid}"], "nothing to set"),
        (["claim", "cite", "{cid}", "--stance", "supports", "--url", "javascript:alert(1)", "--title", "x"], "http"),
        (["claim", "cite", "{cid}", "--stance", "supports", "--source", "{dep}", "--quote", "absent"], "not found"),
        (["claim", "cite", "{cid}", "--stance", "supports"], "cite needs"),
        (["text", "999"], "no source with id 999"),
    ],
)
def test_errors_exit_non_zero_and_change_nothing(run: Run, ids: dict[str, int], args: list[str], message: str) -> None:
    cid = _ok(run, "claim", "add", str(ids["depeche"]), "--quote", "1 200 habitants", "--verdict", "mixed").strip()
    before = _dump(run)
    argv = [a.format(dep=ids["depeche"], cid=cid) for a in args]
    rc, out, err = run(*argv)
    assert rc != 0
    assert out == ""
    assert err.startswith("error: ")
    assert message in err
    assert err.count("\n") == 1  # one line, no traceback
    assert _dump(run) == before


def test_argument_errors_exit_2(run: Run, ids: dict[str, int]) -> None:
    with pytest.raises(SystemExit) as info:
        run("claim", "cite", "1", "--stance", "agrees", "--title", "x")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run("import", "x.txt", "--published", "11/03/2026")
    assert info.value.code == 2


def test_bad_database_target_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "corrupt.sqlite"
    bad.write_bytes(b"not a database" * 200)
    rc = main(["--db", str(bad), "sources"])
    _out, err = capsys.readouterr()
    assert rc != 0
    assert err.startswith("error: cannot open database")


def _console_script() -> list[str]:
    script = Path(sys.executable).parent / "workbench"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "workbench"]


def test_real_console_script(run: Run, ids: dict[str, int], db: Path, tmp_path: Path) -> None:
    cid = _ok(run, "claim", "add", str(ids["depeche"]), "--quote", "1 200 habitants").strip()
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("WORKBENCH_DB", None)
    proc = subprocess.run(
        [*_console_script(), "--db", str(db), "text", str(ids["depeche"])],
        capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == DEPECHE_TEXT.encode("utf-8")
    proc = subprocess.run(
        [*_console_script(), "--db", str(db), "claim", "set", cid, "--verdict", "bogus"],
        capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )
    assert proc.returncode != 0
    assert proc.stdout == b""
    assert proc.stderr.decode().startswith("error: unknown verdict")


def test_console_import_flushes_its_output_and_keeps_its_exit_code(tmp_path: Path) -> None:
    """``workbench import`` ends without the interpreter's teardown: what it printed and saved is all there."""
    good = tmp_path / "note.txt"
    good.write_text("Le conseil municipal a voté le budget le 3 mars.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("WORKBENCH_DB", None)
    proc = subprocess.run(
        [*_console_script(), "--db", str(db), "import", str(good), str(tmp_path / "missing.txt")],
        capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )
    assert proc.returncode == 1
    source_id = proc.stdout.decode().split("\t")[0]
    assert source_id.isdigit(), proc.stdout
    assert "error:" in proc.stderr.decode() and "missing.txt" in proc.stderr.decode()
    text = subprocess.run(
        [*_console_script(), "--db", str(db), "text", source_id],
        capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )
    assert text.stdout.decode() == "Le conseil municipal a voté le budget le 3 mars.\n"
