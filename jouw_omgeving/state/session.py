"""Who is logged in (display only), the login form, and the one authenticate() helper.

Nothing here is trusted on its own: every handler that touches data calls
:func:`authenticate`, which re-reads the HttpOnly session cookie that came with the
websocket and checks it against the database.
"""

import reflex as rx

from jouw_omgeving.auth.cookies import session_token_from_header
from jouw_omgeving.auth.local_login import login_check
from jouw_omgeving.auth.sessions import session_resolve, session_start_pending
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext, normalise_language
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import LOGIN, home_for_role
from jouw_omgeving.services.viewer import Viewer

MAX_USERNAME_LENGTH = 60
MAX_SECRET_LENGTH = 128


class SessionState(rx.State):
    """Display facts about the logged-in user, and the login form."""

    display_name: str = ""
    role: str = ""
    lang: str = "nl"
    large_text: bool = False
    login_error: str = ""
    login_busy: bool = False

    def _client_address(self) -> str:
        return self.router.session.client_ip or ""

    def _resolve(self) -> Viewer | None:
        token = session_token_from_header(self.router.headers.cookie)
        with db_session() as session:
            user = session_resolve(session, token=token)
            if user is None:
                return None
            self.display_name = user.display_name
            self.role = user.role
            self.lang = normalise_language(user.language)
            self.large_text = user.large_text
            return Viewer.of(user, self._client_address())

    @rx.event
    async def login(self, form_data: dict):
        """Check username and password/PIN off the event loop; then set the cookie."""
        username = form_data.get("username") if isinstance(form_data, dict) else None
        secret = form_data.get("secret") if isinstance(form_data, dict) else None
        if (
            not isinstance(username, str)
            or not isinstance(secret, str)
            or not username.strip()
            or not secret
            or len(username) > MAX_USERNAME_LENGTH
            or len(secret) > MAX_SECRET_LENGTH
        ):
            self.login_error = gettext(
                "Vul je gebruikersnaam en je pincode of wachtwoord in.", self.lang
            )
            return
        self.login_busy = True
        self.login_error = ""
        yield
        code = await rx.run_in_thread(
            lambda: _login_and_start(username, secret, self._client_address())
        )
        self.login_busy = False
        if code is None:
            self.login_error = gettext(
                "Dat klopt niet. Controleer je gebruikersnaam en je pincode of wachtwoord.",
                self.lang,
            )
            return
        # A full page load, so the websocket reconnects carrying the new cookie.
        yield rx.call_script(f"window.location.assign('/auth/exchange?code={code}')")

    @rx.event
    def set_language(self, lang: str):
        """Switch the interface language for this page view."""
        if isinstance(lang, str):
            self.lang = normalise_language(lang)


def _login_and_start(username: str, secret: str, client_address: str) -> str | None:
    with db_session() as session:
        outcome = login_check(
            session, username=username, secret=secret, client_address=client_address
        )
        if outcome.user is None:
            return None
        return session_start_pending(session, user=outcome.user, client_address=client_address)


async def authenticate(state: rx.State, *roles: Role) -> Viewer | rx.event.EventSpec:
    """Resolve the viewer for a handler, or an event that sends them where they belong.

    Returns a redirect to the login page when there is no valid session, and to the user's
    own start page when their role is not one of ``roles``.
    """
    session_state = await state.get_state(SessionState)
    viewer = session_state._resolve()
    if viewer is None:
        return rx.redirect(LOGIN)
    if roles and viewer.role not in roles:
        return rx.redirect(home_for_role(viewer.role))
    return viewer
