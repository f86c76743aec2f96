"""ASGI middleware in front of the whole app: security headers and the upload size limit.

Reflex serves pages, its event websocket, uploads and our ``/auth`` routes from one ASGI app;
this wraps all of it, so every HTTP response carries the same headers:

- ``Content-Security-Policy``: only this origin may load scripts, styles, images and open
  connections; no framing (``frame-ancestors 'none'``), no plugins, forms post only here.
  React Router's hydration and Radix/emotion styles are inline, hence ``'unsafe-inline'``;
  Reflex runs the scripts of ``rx.call_script`` (sent by our own server over the websocket,
  never from user input) with ``eval``, hence ``'unsafe-eval'``.
- ``Cache-Control: no-store`` on everything except content-hashed build assets, so a page with
  care data is never kept in a (shared) phone's cache or a proxy.
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` (an activation link
  carries its code in the URL) and a ``Permissions-Policy`` that switches off sensors.

Reflex has no upload limit: a request to the upload endpoint larger than
``settings.max_upload_bytes`` is refused with 413 before the app reads it (by its
Content-Length, and by counting the bytes of a body sent without one).
"""

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from jouw_omgeving.settings import get_settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"
# Build output with a content hash in its name never changes: it may be cached.
CACHEABLE_PREFIXES = ("/assets/",)
UPLOAD_PREFIX = "/_upload"


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    """The headers every HTTP response gets (``path`` decides the caching rule)."""
    cache = (
        b"public, max-age=31536000, immutable"
        if path.startswith(CACHEABLE_PREFIXES)
        else b"no-store"
    )
    return [
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        (b"cache-control", cache),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"permissions-policy", PERMISSIONS_POLICY.encode()),
        (b"x-frame-options", b"DENY"),
    ]


_REPLACED = {
    b"content-security-policy",
    b"cache-control",
    b"x-content-type-options",
    b"referrer-policy",
    b"permissions-policy",
    b"x-frame-options",
}


async def _refuse_too_large(send: Send) -> None:
    body = b"Het bestand is te groot."
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *security_headers(""),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def secure_http(app: ASGIApp) -> ASGIApp:
    """Wrap ``app`` (an ASGI app) with the security headers and the upload limit."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        refused = False
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 went out already; the app's late answer is dropped
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in _REPLACED
                ]
                message["headers"] = headers + security_headers(path)
            await send(message)

        if path.startswith(UPLOAD_PREFIX):
            limit = get_settings().max_upload_bytes
            declared = dict(scope.get("headers") or []).get(b"content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > limit):
                await _refuse_too_large(send)
                return
            seen = 0
            original_receive = receive

            async def counted_receive() -> Message:
                # A body sent without a length is counted; past the limit the app is told
                # the client left, and the client gets the 413.
                nonlocal seen, refused
                message = await original_receive()
                if message["type"] == "http.request":
                    seen += len(message.get("body", b""))
                    if seen > limit and not refused:
                        if not started:
                            await _refuse_too_large(send)
                        refused = True
                        return {"type": "http.disconnect"}
                return message

            receive = counted_receive
        try:
            await app(scope, receive, send_with_headers)
        except Exception:
            if not refused:
                raise
            # The app gave up on the cut-off body (e.g. Starlette's ClientDisconnect): expected.

    return middleware
