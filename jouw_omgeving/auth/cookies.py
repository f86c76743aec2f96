"""The session cookie: its name, how to read it from a Cookie header, and how to set it."""

from http.cookies import CookieError, SimpleCookie

from starlette.responses import Response

from jouw_omgeving.settings import get_settings


def session_cookie_name() -> str:
    """``__Host-`` prefixed (and Secure) when served over HTTPS."""
    return "__Host-jo_session" if get_settings().secure_cookies else "jo_session"


def session_token_from_header(cookie_header: str | None) -> str | None:
    """Pick our session token out of a raw ``Cookie`` header."""
    if not cookie_header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(cookie_header)
    except CookieError:
        return None
    morsel = jar.get(session_cookie_name())
    return morsel.value if morsel is not None and morsel.value else None


def set_session_cookie(response: Response, token: str) -> None:
    """Put the session token on ``response``: HttpOnly, SameSite=Lax, Secure over HTTPS.

    The one place the session cookie is set (``/auth/exchange`` and the OIDC callback).
    """
    response.set_cookie(
        session_cookie_name(),
        token,
        httponly=True,
        samesite="lax",
        secure=get_settings().secure_cookies,
        path="/",
    )
