"""Staff login through their organisation's OpenID Connect provider (code flow + PKCE).

``GET /auth/oidc/{slug}/login`` stores a pending login (state, nonce, PKCE verifier) in the
database, binds it to this browser with an HttpOnly cookie and sends the browser to the
provider. ``GET /auth/oidc/callback`` takes the pending login back once, swaps the code for
tokens, checks the ID token, maps ``sub`` to a staff member of that organisation, starts a
server-side session, sets the session cookie and sends the user to their start page.
Anything that goes wrong ends on the login page with ``?fout=<code>`` (a Dutch message
there), never with a stack trace.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from jouw_omgeving.auth.cookies import set_session_cookie
from jouw_omgeving.auth.oidc_accounts import staff_user_for_subject
from jouw_omgeving.auth.oidc_client import (
    authorization_url,
    exchange_code,
    provider_metadata,
    validate_id_token,
)
from jouw_omgeving.auth.oidc_errors import OidcError, OidcRefusal
from jouw_omgeving.auth.oidc_pending import (
    LOGIN_REQUEST_LIFETIME,
    MAX_SECRET_LENGTH,
    PendingLogin,
    new_browser_id,
    pending_login_start,
    pending_login_take,
)
from jouw_omgeving.auth.sessions import session_start
from jouw_omgeving.db import db_session
from jouw_omgeving.routes import LOGIN, home_for_role
from jouw_omgeving.settings import OidcProviderSettings, get_settings

log = logging.getLogger(__name__)

CALLBACK_PATH = "/auth/oidc/callback"
MAX_CODE_LENGTH = 2000


def login_path(slug: str) -> str:
    """Where the login page's "Inloggen via ..." link for a provider points."""
    return f"/auth/oidc/{slug}/login"


def callback_url() -> str:
    """The redirect URI registered at every provider: the app's public URL + callback path.

    The public URL is Reflex's ``deploy_url`` (``REFLEX_DEPLOY_URL``), never the request's
    Host header.
    """
    from reflex.config import get_config

    base = (get_config().deploy_url or "http://localhost:3000").rstrip("/")
    return f"{base}{CALLBACK_PATH}"


def browser_cookie_name() -> str:
    """The cookie binding a pending login to the browser (``__Host-`` over HTTPS)."""
    return "__Host-jo_oidc" if get_settings().secure_cookies else "jo_oidc"


def _no_store(response: RedirectResponse) -> RedirectResponse:
    response.headers["Cache-Control"] = "no-store"
    return response


def _to_login(reason: OidcRefusal, detail: str = "") -> RedirectResponse:
    log.warning("OIDC login refused (%s) %s", reason.value, detail)
    response = _no_store(RedirectResponse(f"{LOGIN}?{urlencode({'fout': reason.value})}", 303))
    response.delete_cookie(browser_cookie_name(), path="/")
    return response


def _browser_id(request: Request) -> str | None:
    value = request.cookies.get(browser_cookie_name())
    return value if value and len(value) <= MAX_SECRET_LENGTH else None


def _client_address(request: Request) -> str | None:
    return request.client.host[:64] if request.client else None


async def login_start(request: Request) -> RedirectResponse:
    """Send the browser to the provider of ``provider_slug`` with state, nonce and PKCE."""
    provider = get_settings().oidc_provider(request.path_params["provider_slug"])
    if provider is None:
        return _to_login(OidcRefusal.UNKNOWN_PROVIDER)
    try:
        metadata = await provider_metadata(provider)
    except OidcError as error:
        return _to_login(error.code, error.detail)
    # Several tabs may start logins at once: they share one browser id.
    browser_id = _browser_id(request) or new_browser_id()
    return_to = request.query_params.get("terug")

    def store() -> PendingLogin:
        with db_session() as session:
            return pending_login_start(
                session, provider_slug=provider.slug, browser_id=browser_id, return_to=return_to
            )

    pending = await run_in_threadpool(store)
    url = await authorization_url(
        provider,
        metadata,
        redirect_uri=callback_url(),
        state=pending.state,
        nonce=pending.nonce,
        code_verifier=pending.code_verifier,
    )
    response = _no_store(RedirectResponse(url, status_code=303))
    response.set_cookie(
        browser_cookie_name(),
        browser_id,
        max_age=int(LOGIN_REQUEST_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=get_settings().secure_cookies,
        path="/",
    )
    return response


@dataclass(frozen=True)
class _Login:
    token: str | None
    target: str
    refusal: OidcRefusal | None = None


def _finish(
    provider: OidcProviderSettings, subject: str, pending: PendingLogin, address: str | None
) -> _Login:
    """Map the identity to a staff member and start their session (in a worker thread)."""
    with db_session() as session:
        user, refusal = staff_user_for_subject(session, provider, subject)
        if user is None:
            return _Login(None, LOGIN, refusal)
        token = session_start(session, user=user, client_address=address)
        return _Login(token, pending.return_to or home_for_role(user.role))


async def callback(request: Request) -> RedirectResponse:
    """Finish the login the provider sends back (authorization response in the query)."""
    params = request.query_params
    state = params.get("state", "")
    browser_id = _browser_id(request)

    def take() -> PendingLogin | None:
        with db_session() as session:
            return pending_login_take(session, state=state, browser_id=browser_id)

    pending = await run_in_threadpool(take)
    if pending is None:
        return _to_login(OidcRefusal.EXPIRED, "unknown, used, expired or foreign state")
    provider = get_settings().oidc_provider(pending.provider_slug)
    if provider is None:
        return _to_login(OidcRefusal.UNKNOWN_PROVIDER)
    if params.get("error"):
        return _to_login(OidcRefusal.DENIED, f"provider said {params.get('error')[:40]!r}")
    # RFC 9207: a provider that names itself in the response must be the one we asked.
    if "iss" in params and params["iss"] != provider.issuer:
        return _to_login(OidcRefusal.INVALID_RESPONSE, "iss parameter of another issuer")
    code = params.get("code", "")
    if not code or len(code) > MAX_CODE_LENGTH:
        return _to_login(OidcRefusal.INVALID_RESPONSE, "no code")
    try:
        metadata = await provider_metadata(provider)
        tokens = await exchange_code(
            provider,
            metadata,
            code=code,
            redirect_uri=callback_url(),
            code_verifier=pending.code_verifier,
        )
        claims = await validate_id_token(provider, metadata, tokens, nonce=pending.nonce)
    except OidcError as error:
        return _to_login(error.code, error.detail)
    except Exception:  # a provider answering nonsense must not become a stack trace
        log.exception("OIDC login at %s failed unexpectedly", provider.slug)
        return _to_login(OidcRefusal.PROVIDER_FAILED)
    login = await run_in_threadpool(
        _finish, provider, claims["sub"], pending, _client_address(request)
    )
    if login.token is None:
        return _to_login(login.refusal or OidcRefusal.UNKNOWN_ACCOUNT, f"at {provider.slug}")
    response = _no_store(RedirectResponse(login.target, status_code=303))
    set_session_cookie(response, login.token)
    response.delete_cookie(browser_cookie_name(), path="/")
    return response


def oidc_routes() -> list[Route]:
    """The routes mounted in front of Reflex (see ``auth.routes.auth_routes``)."""
    return [
        Route("/auth/oidc/{provider_slug:str}/login", login_start, methods=["GET"]),
        Route(CALLBACK_PATH, callback, methods=["GET"]),
    ]
