"""The running production build: security headers, upload limit, websocket origin check."""

import re

import httpx
import pytest

from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e


def test_every_page_has_the_security_headers(app_server: RunningApp):
    with httpx.Client(base_url=app_server.base_url) as client:
        for path in ("/inloggen", "/deelnemer", "/auth/exchange?code=nope", "/ping"):
            response = client.get(path)
            headers = response.headers
            assert "frame-ancestors 'none'" in headers["content-security-policy"], path
            assert headers["cache-control"] == "no-store", path
            assert headers["x-content-type-options"] == "nosniff", path
            assert headers["referrer-policy"] == "no-referrer", path


def test_a_page_opened_by_its_address_needs_no_redirect(app_server: RunningApp):
    # The app's links have no trailing slash; a bookmark or reload must not cost a round trip.
    with httpx.Client(base_url=app_server.base_url) as client:
        for path in ("/inloggen", "/deelnemer", "/deelnemer/doelen", "/begeleider"):
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 200, path
            assert "<html" in response.text.lower(), path


def test_build_assets_are_cacheable(app_server: RunningApp):
    with httpx.Client(base_url=app_server.base_url, follow_redirects=True) as client:
        html = client.get("/inloggen").text
        asset = re.search(r'(/assets/[^"\']+\.js)', html)
        assert asset, "the page should load a hashed script"
        response = client.get(asset.group(1))
        assert response.status_code == 200
        assert "immutable" in response.headers["cache-control"]


def test_the_favicon_is_served(app_server: RunningApp):
    # A missing favicon is a 404 in every browser's console on every page.
    with httpx.Client(base_url=app_server.base_url) as client:
        response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_an_oversized_upload_is_refused(app_server: RunningApp):
    with httpx.Client(base_url=app_server.base_url) as client:
        response = client.post(
            "/_upload",
            content=b"x" * (12 * 1024 * 1024),
            headers={"content-type": "application/octet-stream"},
        )
    assert response.status_code == 413


def _handshake(app_server: RunningApp, origin: str) -> httpx.Response:
    """Open the event websocket the way a browser does (Reflex accepts no polling)."""
    with httpx.Client(base_url=app_server.base_url) as client:
        return client.get(
            "/_event/",
            params={"EIO": "4", "transport": "websocket"},
            headers={
                "Origin": origin,
                "Connection": "Upgrade",
                "Upgrade": "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            },
        )


def test_the_event_socket_refuses_other_origins(app_server: RunningApp):
    assert _handshake(app_server, "http://evil.example").status_code == 403
    assert _handshake(app_server, app_server.base_url).status_code == 101
