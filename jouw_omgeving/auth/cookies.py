"""The session cookie: its name and how to read it from a request's Cookie header."""

from http.cookies import CookieError, SimpleCookie

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
