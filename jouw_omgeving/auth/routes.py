"""HTTP routes in front of Reflex: the cookie can only be set or cleared by a real response."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from jouw_omgeving.auth.cookies import (
    session_cookie_name,
    session_token_from_header,
    set_session_cookie,
)
from jouw_omgeving.auth.oidc import oidc_routes
from jouw_omgeving.auth.sessions import session_exchange, session_resolve, session_revoke
from jouw_omgeving.db import db_session
from jouw_omgeving.routes import CHOOSE_PASSWORD, LOGIN, home_for_role


def _redirect(path: str) -> RedirectResponse:
    response = RedirectResponse(path, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    return response


async def exchange(request: Request) -> RedirectResponse:
    """Swap a one-time code from the login form for the HttpOnly session cookie."""
    code = request.query_params.get("code", "")
    if not code or len(code) > 100:
        return _redirect(LOGIN)
    with db_session() as session:
        token = session_exchange(session, code=code)
        user = session_resolve(session, token=token) if token else None
        target = home_for_role(user.role) if user else LOGIN
        if user is not None and user.must_change_password:
            target = CHOOSE_PASSWORD  # every other page refuses this session anyway
    response = _redirect(target)
    if token:
        set_session_cookie(response, token)
    return response


async def logout(request: Request) -> RedirectResponse:
    """End this session on the server and clear the cookie."""
    token = session_token_from_header(request.headers.get("cookie"))
    with db_session() as session:
        session_revoke(session, token=token)
    response = _redirect(LOGIN)
    response.delete_cookie(session_cookie_name(), path="/")
    return response


def auth_routes() -> Starlette:
    """The Starlette app mounted in front of Reflex's own routes."""
    return Starlette(
        routes=[
            Route("/auth/exchange", exchange, methods=["GET"]),
            Route("/auth/logout", logout, methods=["POST"]),
            *oidc_routes(),
        ]
    )
