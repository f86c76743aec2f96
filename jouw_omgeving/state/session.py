"""Who is logged in (display only), the login form, and the one authenticate() helper.

Nothing here is trusted on its own: every handler that touches data calls
:func:`authenticate`, which re-reads the HttpOnly session cookie that came with the
websocket and checks it against the database.

The local login has two steps for staff: password, then a TOTP code (or, the first time,
enrolment of an authenticator app). Between the steps only backend vars hold who is
logging in (``_pending_user_id``, for at most :data:`PENDING_SECONDS`); the browser only
learns that a code is needed.
"""

import hashlib
import time
from functools import partial

import reflex as rx

from jouw_omgeving.auth.cookies import session_token_from_header
from jouw_omgeving.auth.local_login import LoginOutcome, login_check, second_factor_check
from jouw_omgeving.auth.sessions import session_check, session_start_pending, session_touch
from jouw_omgeving.auth.throttle import Throttle, throttle_message
from jouw_omgeving.auth.totp import totp_new_secret, totp_secret_for_reading, totp_uri
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext, normalise_language
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import CHOOSE_PASSWORD, LOGIN, home_for_role
from jouw_omgeving.services.qr import qr_data_uri
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.slow_work import run_hashing

MAX_USERNAME_LENGTH = 60
MAX_SECRET_LENGTH = 128
MAX_CODE_LENGTH = 12
PENDING_SECONDS = 300
# How long one tab reuses a successful session check for events within an open page
# (taps, polls). Each event used to re-read the session from the database (the largest
# share of an event's server time under load). Opening or reloading a page always checks
# anew, so a session revoked elsewhere (logout everywhere, an admin blocking the account)
# or expired is refused at the next page at once, and within a page at most this long
# after; a different cookie is always checked anew.
SESSION_CHECK_SECONDS = 15.0
clock = time.time  # wall clock: with Redis the next event may run on another worker

FILL_IN = N_("Vul je gebruikersnaam en je pincode of wachtwoord in.")
WRONG = N_("Dat klopt niet. Controleer je gebruikersnaam en je pincode of wachtwoord.")
WRONG_CODE = N_("Die code klopt niet. Kijk in je app en typ de nieuwe code.")
TOO_SLOW = N_("Het inloggen duurde te lang. Log opnieuw in.")


def exchange_script(code: str) -> rx.event.EventSpec:
    """A full page load to the route that swaps ``code`` for the HttpOnly cookie."""
    # The code is URL-safe base64 (token_urlsafe): nothing to escape.
    return rx.call_script(f"window.location.assign('/auth/exchange?code={code}')")


LARGE_TEXT_KEY = "jo_large_text"


class SessionState(rx.State):
    """Display facts about the logged-in user, and the login form."""

    display_name: str = ""
    role: str = ""
    lang: str = "nl"
    large_text: bool = False
    # The same choice on this device, read by a script in <head> before the first paint
    # (the page is static; the account's setting arrives later over the websocket).
    large_text_hint: str = rx.LocalStorage("", name=LARGE_TEXT_KEY)
    login_error: str = ""
    login_busy: bool = False
    # Second step of a staff login; the user and the new secret stay on the server.
    needs_second_factor: bool = False
    needs_enrolment: bool = False
    enrol_qr: str = ""
    enrol_key: str = ""
    _pending_user_id: int | None = None
    _pending_until: float = 0.0
    _enrol_secret: str = ""
    # The last successful session check, reused for SESSION_CHECK_SECONDS (same cookie only).
    _checked_key: str = ""
    _checked_until: float = 0.0
    _checked_viewer: Viewer | None = None

    def _client_address(self) -> str:
        return self.router.session.client_ip or ""

    async def _resolve(self) -> Viewer | None:
        token = session_token_from_header(self.router.headers.cookie)
        key = hashlib.sha256(token.encode()).hexdigest() if token else ""
        now = clock()
        if (
            key
            # While a page's on_load handlers run the page is not hydrated yet: a page open.
            and self.is_hydrated
            and key == self._checked_key
            and now < self._checked_until
            and self._checked_viewer is not None
        ):
            return self._checked_viewer
        self._forget_check()
        # Off the event loop: a database round trip must not stall the worker's other tabs.
        found = await rx.run_in_thread(partial(_check_session, token, self._client_address()))
        if found is None:
            return None
        viewer, shown = found
        for name, value in shown.items():
            if getattr(self, name) != value:  # an unchanged var is not sent again
                setattr(self, name, value)
        if not viewer.must_change_password:  # that state ends with a change: check each time
            self._checked_key, self._checked_until = key, now + SESSION_CHECK_SECONDS
            self._checked_viewer = viewer
        return viewer

    def _forget_check(self) -> None:
        """Check the session against the database at the next event (after a change to it)."""
        self._checked_key, self._checked_until, self._checked_viewer = "", 0.0, None

    def _clear_pending(self) -> None:
        self._pending_user_id = None
        self._pending_until = 0.0
        self._enrol_secret = ""
        self.needs_second_factor = False
        self.needs_enrolment = False
        self.enrol_qr = ""
        self.enrol_key = ""

    def _refusal(self, outcome: LoginOutcome, wrong: str) -> str:
        if outcome.locked or outcome.wait_seconds:
            verdict = Throttle(wait_seconds=outcome.wait_seconds, locked=outcome.locked)
            return throttle_message(verdict, self.lang)
        return gettext(wrong, self.lang)

    def _start_second_factor(self, outcome: LoginOutcome) -> None:
        self._pending_user_id = outcome.pending_user_id
        self._pending_until = time.time() + PENDING_SECONDS
        self.needs_second_factor = True
        self.needs_enrolment = outcome.needs_enrolment
        if outcome.needs_enrolment:
            self._enrol_secret = totp_new_secret()
            uri = totp_uri(self._enrol_secret, outcome.pending_username)
            self.enrol_qr = qr_data_uri(uri)
            self.enrol_key = totp_secret_for_reading(self._enrol_secret)

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
            self.login_error = gettext(FILL_IN, self.lang)
            return
        self._clear_pending()
        self.login_busy = True
        self.login_error = ""
        yield
        address = self._client_address()
        # In the hashing pool: a burst of logins never takes the threads the polls need.
        outcome, code = await run_hashing(lambda: _login_and_start(username, secret, address))
        self.login_busy = False
        if outcome.pending_user_id is not None:
            self._start_second_factor(outcome)
            return
        if code is None:
            self.login_error = self._refusal(outcome, WRONG)
            return
        # A full page load, so the websocket reconnects carrying the new cookie.
        yield exchange_script(code)

    @rx.event
    async def second_factor(self, form_data: dict):
        """Check the TOTP code of the pending staff user (or confirm enrolment)."""
        typed = form_data.get("code") if isinstance(form_data, dict) else None
        if not isinstance(typed, str) or not typed.strip() or len(typed) > MAX_CODE_LENGTH:
            self.login_error = gettext(WRONG_CODE, self.lang)
            return
        user_id = self._pending_user_id
        if user_id is None or time.time() > self._pending_until:
            self._clear_pending()
            self.login_error = gettext(TOO_SLOW, self.lang)
            return
        new_secret = self._enrol_secret or None
        self.login_busy = True
        self.login_error = ""
        yield
        address = self._client_address()
        outcome, code = await rx.run_in_thread(
            lambda: _second_factor_and_start(user_id, typed, new_secret, address)
        )
        self.login_busy = False
        if code is None:
            if outcome.locked:
                self._clear_pending()
            self.login_error = self._refusal(outcome, WRONG_CODE)
            return
        self._clear_pending()
        yield exchange_script(code)

    @rx.event
    def cancel_second_factor(self):
        """Back to the first step; forget who was logging in."""
        self._clear_pending()
        self.login_error = ""

    @rx.event
    def set_language(self, lang: str):
        """Switch the interface language for this page view."""
        if isinstance(lang, str):
            self.lang = normalise_language(lang)


def _check_session(token: str | None, client_address: str) -> tuple[Viewer, dict] | None:
    """The viewer of a valid session and the display facts; records activity when due."""
    with db_session(write=False) as session:
        check = session_check(session, token=token)
        if check is None:
            return None
        user = check.user
        shown = {
            "display_name": user.display_name,
            "role": str(user.role),
            "lang": normalise_language(user.language),
            "large_text": bool(user.large_text),
            "large_text_hint": "1" if user.large_text else "0",
        }
        viewer = Viewer.of(user, client_address)
    if check.touch_due:
        with db_session() as session:
            session_touch(session, session_id=check.session_id, user_id=user.id)
    return viewer, shown


def _login_and_start(
    username: str, secret: str, client_address: str
) -> tuple[LoginOutcome, str | None]:
    with db_session() as session:
        outcome = login_check(
            session, username=username, secret=secret, client_address=client_address
        )
        if outcome.user is None:
            return outcome, None
        code = session_start_pending(session, user=outcome.user, client_address=client_address)
        return outcome, code


def _second_factor_and_start(
    user_id: int, typed: str, new_secret: str | None, client_address: str
) -> tuple[LoginOutcome, str | None]:
    with db_session() as session:
        outcome = second_factor_check(
            session,
            user_id=user_id,
            code=typed,
            client_address=client_address,
            new_secret=new_secret,
        )
        if outcome.user is None:
            return outcome, None
        code = session_start_pending(session, user=outcome.user, client_address=client_address)
        return outcome, code


async def authenticate(
    state: rx.State, *roles: Role, choosing_password: bool = False
) -> Viewer | rx.event.EventSpec:
    """Resolve the viewer for a handler, or an event that sends them where they belong.

    Returns a redirect to the login page when there is no valid session, and to the user's
    own start page when their role is not one of ``roles``. A session whose account must
    still replace its one-time initial password is refused everywhere and sent to
    :data:`CHOOSE_PASSWORD`; only the handlers of that page pass ``choosing_password=True``
    (and a session that has nothing to change is sent home from there).
    """
    session_state = await state.get_state(SessionState)
    viewer = await session_state._resolve()
    if viewer is None:
        return rx.redirect(LOGIN)
    if viewer.must_change_password != choosing_password:
        return rx.redirect(home_for_role(viewer.role) if choosing_password else CHOOSE_PASSWORD)
    if roles and viewer.role not in roles:
        return rx.redirect(home_for_role(viewer.role))
    return viewer
