"""Publication settings dialog and Import from URL in the window (dialogs' ask() monkeypatched)."""

from __future__ import annotations

import http.server
import threading

from workbench.services import capture, publication, sources
from workbench.ui.dialogs import publication_dialog as pub

PAGE = ("<html lang='fr'><head><title>Page capturée</title></head><body><article><h1>Page capturée</h1><p>"
        + "Le conseil municipal a voté la construction d’une nouvelle passerelle au-dessus de la rivière. " * 4
        + "</p></article></body></html>").encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


def test_publication_settings_are_saved_and_checked(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    values = {"organisation": "Les Vérificateurs", "organisation-url": "https://verif.example",
              "publication-url": "https://verif.example/fc/{claim}", "paper-size": "a4", "user-name": "Marie Dupont"}
    monkeypatch.setattr(pub.PublicationDialog, "ask", classmethod(lambda cls, *a: dict(values)))
    window.actions_by_name["publication"].trigger()
    got = publication.get(window.store, window.dossier.id)
    assert got.organisation == "Les Vérificateurs" and got.publication_url.endswith("{claim}")
    assert got.people[window.store.user] == "Marie Dupont" and got.paper == "a4"
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    bad = dict(values, **{"organisation-url": "javascript:alert(1)"})
    monkeypatch.setattr(pub.PublicationDialog, "ask", classmethod(lambda cls, *a: dict(bad)))
    window.actions_by_name["publication"].trigger()
    assert errors and "organisation-url" in errors[0]
    assert publication.get(window.store, window.dossier.id).organisation_url == "https://verif.example"
    window.undo.stack.undo()  # the saved settings were one step: undo puts back what they replaced (nothing)
    assert publication.get(window.store, window.dossier.id).organisation == ""
    window.undo.stack.redo()
    assert publication.get(window.store, window.dossier.id).people[window.store.user] == "Marie Dupont"


def test_import_from_url_adds_the_page_with_its_capture(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/page.html"
        monkeypatch.setattr(pub.UrlImportDialog, "ask", classmethod(lambda cls, parent: [url]))
        before = {s.id for s in sources.list_all(window.store, window.dossier.id)}
        window.actions_by_name["import_url"].trigger()
        new = [s for s in sources.list_all(window.store, window.dossier.id) if s.id not in before]
        assert [s.title for s in new] == ["Page capturée"]
        assert capture.captures(window.store, new[0].id)[0]["url"] == url
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_dialog_builds_and_returns_its_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = pub.PublicationDialog(None, publication.Publication(organisation="Org", paper="letter"), "me")
    qtbot.addWidget(dialog)
    dialog.publication_url.setText(" https://x.example/{claim} ")
    values = dialog.values()
    assert values["organisation"] == "Org" and values["paper-size"] == "letter"
    assert values["publication-url"] == "https://x.example/{claim}"
