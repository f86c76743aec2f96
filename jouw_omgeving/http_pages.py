"""ASGI middleware: a page's address without the trailing slash is served at once.

The production build holds each page as ``<route>/index.html``. Starlette's static files
answer ``/deelnemer/doelen`` with a redirect to ``/deelnemer/doelen/``: one more round trip
before anything shows, on every page opened from a bookmark, the home screen, a reload or a
typed address (the app's own links use the address without the slash). On a slow phone
network that is a few hundred milliseconds; Lighthouse's mobile run counts it as 600 ms.

This wrapper asks for ``<route>/`` directly when that page exists in the build, so the
page comes back with 200. The address in the browser stays as it was (React Router treats
both the same). Paths with a dot in their last part (files), the backend's own routes and
anything that is not a page in the build pass through unchanged.
"""

from collections.abc import Awaitable, Callable, MutableMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Routes of the backend itself, never pages of the build.
BACKEND_PREFIXES = ("/_", "/auth/", "/assets/", "/ping", "/bijlage", "/mijn-gegevens")
MAX_PATH_LENGTH = 200


def frontend_build_dir() -> Path:
    """Where the production build's pages lie (as Reflex's own static mount finds them)."""
    from reflex import constants
    from reflex.config import get_config
    from reflex.utils import prerequisites

    frontend_path = get_config().frontend_path.strip("/")
    return (prerequisites.get_web_dir() / constants.Dirs.STATIC / frontend_path).resolve()


def page_path(path: str, is_page: Callable[[str], bool]) -> str | None:
    """``path`` with the slash added when that makes it a page of the build, else None."""
    if (
        not path.startswith("/")
        or path.endswith("/")
        or len(path) > MAX_PATH_LENGTH
        or path.startswith(BACKEND_PREFIXES)
        or "." in path.rsplit("/", 1)[-1]
        or ".." in path
        or "\\" in path
    ):
        return None
    return f"{path}/" if is_page(path) else None


def pages_without_redirect(
    app: ASGIApp, build_dir: Callable[[], Path] = frontend_build_dir
) -> ASGIApp:
    """Wrap ``app`` so that ``/route`` is served as ``/route/`` when that page exists."""

    @lru_cache(maxsize=1)
    def root() -> Path:
        return build_dir()

    @lru_cache(maxsize=1024)
    def is_page(path: str) -> bool:
        index = (root() / path.lstrip("/") / "index.html").resolve()
        return index.is_relative_to(root()) and index.is_file()

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            rewritten = page_path(scope.get("path", ""), is_page)
            if rewritten is not None:
                scope = {**scope, "path": rewritten, "raw_path": rewritten.encode()}
        await app(scope, receive, send)

    return middleware
