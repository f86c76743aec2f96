"""A page's address without the trailing slash is served at once, not redirected.

Starlette's static files (as Reflex serves the production build) answer ``/route`` with a
redirect to ``/route/``: a round trip more before a page shows on a slow phone.
"""

from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from jouw_omgeving.http_pages import page_path, pages_without_redirect


@pytest.fixture
def build(tmp_path: Path) -> Path:
    for route, text in (("deelnemer/doelen", "doelen"), ("inloggen", "inloggen"), ("", "start")):
        folder = tmp_path / route
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(f"<p>{text}</p>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app-1234.js").write_text("console.log(1)")
    (tmp_path / "deelnemer" / "leeg").mkdir()  # a folder without a page
    return tmp_path


def _static(build: Path) -> Starlette:
    """The build served as Reflex's production mount serves it."""
    return Starlette(routes=[Mount("/", app=StaticFiles(directory=build, html=True))])


def _client(build: Path) -> TestClient:
    return TestClient(pages_without_redirect(_static(build), build_dir=lambda: build))


def test_a_page_without_the_slash_comes_back_at_once(build):
    client = _client(build)
    for path, text in (("/deelnemer/doelen", "doelen"), ("/inloggen", "inloggen")):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 200, path
        assert response.text == f"<p>{text}</p>"


def test_without_the_wrapper_the_same_address_is_a_redirect(build):
    # The reason for the wrapper: plain static files send the browser round once more.
    response = TestClient(_static(build)).get("/deelnemer/doelen", follow_redirects=False)
    assert response.status_code in (301, 307)


def test_files_folders_without_a_page_and_odd_paths_are_left_alone(build):
    client = _client(build)
    assert client.get("/assets/app-1234.js").text == "console.log(1)"
    assert client.get("/deelnemer/doelen/").text == "<p>doelen</p>"
    # A folder without a page: the static files' own answer, as before.
    assert client.get("/deelnemer/leeg", follow_redirects=False).status_code == 404
    assert client.get("/bestaat-niet", follow_redirects=False).status_code == 404
    assert client.post("/inloggen", follow_redirects=False).status_code != 200


def test_odd_paths_are_never_rewritten():
    def every_path_a_page(_path: str) -> bool:
        return True

    assert page_path("/deelnemer/doelen", every_path_a_page) == "/deelnemer/doelen/"
    for path in (
        "/deelnemer/../inloggen",
        "/deelnemer\\x",
        "/favicon.ico",
        "/_event",
        "/auth/exchange",
        "/mijn-gegevens.json",
        "/deelnemer/",
        "relative",
        "/" + "a" * 300,
    ):
        assert page_path(path, every_path_a_page) is None, path
