"""The security middleware on a small ASGI app: headers on every response, the upload limit."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from jouw_omgeving.http_security import secure_http
from jouw_omgeving.settings import get_settings


async def _echo_length(request: Request) -> PlainTextResponse:
    body = await request.body()
    return PlainTextResponse(str(len(body)), headers={"Cache-Control": "max-age=600"})


def _client() -> TestClient:
    inner = Starlette(
        routes=[
            Route("/_upload", _echo_length, methods=["POST"]),
            Route("/deelnemer", _echo_length, methods=["GET"]),
            Route("/assets/app-1234.js", _echo_length, methods=["GET"]),
        ]
    )
    return TestClient(secure_http(inner))


def test_pages_are_never_cached_and_cannot_be_framed():
    response = _client().get("/deelnemer")
    assert response.status_code == 200
    # The app's own caching header is replaced, not kept beside ours.
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def test_hashed_build_assets_may_be_cached():
    response = _client().get("/assets/app-1234.js")
    assert "immutable" in response.headers["cache-control"]
    assert "content-security-policy" in response.headers


def test_an_upload_within_the_limit_reaches_the_app():
    response = _client().post("/_upload", content=b"x" * 1000)
    assert response.status_code == 200 and response.text == "1000"


def test_an_upload_over_the_limit_is_refused_by_its_declared_length():
    too_big = get_settings().max_upload_bytes + 1
    response = _client().post("/_upload", content=b"x" * too_big)
    assert response.status_code == 413
    assert "te groot" in response.text


def test_an_upload_without_a_length_is_counted_and_refused():
    limit = get_settings().max_upload_bytes
    chunk = b"x" * (1024 * 1024)

    def body():
        for _ in range(limit // len(chunk) + 2):
            yield chunk

    response = _client().post("/_upload", content=body())
    assert response.status_code == 413
