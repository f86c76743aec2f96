"""``/activeren``: a participant turns an activation code into a username and a PIN.

Three small steps, one task each: the code (from the QR link or typed), a username (we
suggest one), a PIN or password (twice). The checked code and whose it is stay in backend
vars; every step re-validates its input, and the last one checks the code again.
"""

import time

import reflex as rx

from jouw_omgeving.auth.activation import (
    SECRET_PROBLEMS,
    USERNAME_PROBLEMS,
    USERNAME_TAKEN,
    ActivationCheck,
    activation_check,
    activation_complete,
    username_available,
    username_problem,
)
from jouw_omgeving.auth.sessions import session_start_pending
from jouw_omgeving.auth.throttle import TooManyAttempts, throttle_message
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.routes import ACTIVATE
from jouw_omgeving.services.errors import InvalidInput, ServiceError
from jouw_omgeving.slow_work import run_hashing
from jouw_omgeving.state.session import SessionState, exchange_script

MAX_CODE_INPUT = 40
MAX_USERNAME_INPUT = 60
MAX_SECRET_INPUT = 128
# How long a checked code stays usable in this tab before it must be typed again.
CHECKED_CODE_SECONDS = 30 * 60

TYPE_CODE = N_("Typ de activatiecode van je kaart.")
NOT_THE_SAME = N_("Je hebt twee keer iets anders getypt. Probeer het opnieuw.")
START_AGAIN = N_("Dat duurde te lang. Typ je activatiecode opnieuw.")


def _text(form_data: object, name: str, max_length: int) -> str | None:
    """A string field of a submitted form, or ``None`` when missing, wrong type or too long."""
    value = form_data.get(name) if isinstance(form_data, dict) else None
    if not isinstance(value, str) or len(value) > max_length:
        return None
    return value


class ActivationState(rx.State):
    """The participant's activation, step by step."""

    step: str = "code"  # "code", "username" or "secret"
    username: str = ""
    error: str = ""
    busy: bool = False
    use_password: bool = False
    _code: str = ""
    _user_id: int | None = None
    _checked_until: float = 0.0

    async def _lang(self) -> str:
        return (await self.get_state(SessionState)).lang

    def _restart(self) -> None:
        self.step = "code"
        self.username = ""
        self.use_password = False
        self._code = ""
        self._user_id = None
        self._checked_until = 0.0

    def _still_checked(self) -> bool:
        return self._user_id is not None and time.time() <= self._checked_until

    async def _check(self, code: str) -> None:
        """Check ``code`` on the server (throttled) and go on to the username."""
        address = self.router.session.client_ip or ""
        lang = await self._lang()
        try:
            checked = await rx.run_in_thread(lambda: _check_code(code, address))
        except TooManyAttempts as refused:
            self.error = throttle_message(refused.verdict, lang)
            return
        except ServiceError as refused:
            self.error = gettext(refused.message_id, lang)
            return
        self._code = code
        self._user_id = checked.user_id
        self._checked_until = time.time() + CHECKED_CODE_SECONDS
        self.username = checked.suggested_username
        self.step = "username"
        self.error = ""

    @rx.event
    async def load(self):
        """Start over; a code in the URL (the QR link) is checked and then taken out of it."""
        self._restart()
        self.error = ""
        self.busy = False
        code = self.router.url.query_parameters.get("code")
        if not isinstance(code, str) or not code:
            return
        # Keep the code out of the history of a (shared) phone.
        yield rx.call_script(f"window.history.replaceState(null, '', '{ACTIVATE}')")
        if len(code) > MAX_CODE_INPUT:
            self.error = gettext(TYPE_CODE, await self._lang())
            return
        await self._check(code)

    @rx.event
    async def check_code(self, form_data: dict):
        """The participant typed the code."""
        code = _text(form_data, "code", MAX_CODE_INPUT)
        if code is None or not code.strip():
            self.error = gettext(TYPE_CODE, await self._lang())
            return
        self._restart()
        await self._check(code)

    @rx.event
    async def choose_username(self, form_data: dict):
        """Take the chosen username when it follows the rules and is free."""
        lang = await self._lang()
        if not self._still_checked():
            self._restart()
            self.error = gettext(START_AGAIN, lang)
            return
        username = _text(form_data, "username", MAX_USERNAME_INPUT)
        username = (username or "").strip().lower()
        problem = username_problem(username)
        if problem is not None:
            self.error = gettext(problem, lang)
            return
        user_id = self._user_id
        free = await rx.run_in_thread(lambda: _username_free(username, user_id))
        if not free:
            self.error = gettext(USERNAME_TAKEN, lang)
            return
        self.username = username
        self.step = "secret"
        self.error = ""

    @rx.event
    def toggle_password(self):
        """Switch between a PIN (digits) and a password."""
        self.use_password = not self.use_password
        self.error = ""

    @rx.event
    def back(self):
        """One step back (from the PIN to the username)."""
        if self.step == "secret":
            self.step = "username"
        self.error = ""

    @rx.event
    async def complete(self, form_data: dict):
        """Set username and PIN/password, use the code, and log in."""
        lang = await self._lang()
        if not self._still_checked() or self.step != "secret":
            self._restart()
            self.error = gettext(START_AGAIN, lang)
            return
        secret = _text(form_data, "secret", MAX_SECRET_INPUT)
        repeat = _text(form_data, "repeat", MAX_SECRET_INPUT)
        if not secret or secret != repeat:
            self.error = gettext(NOT_THE_SAME, lang)
            return
        self.busy = True
        self.error = ""
        yield
        code, username = self._code, self.username
        address = self.router.session.client_ip or ""
        try:
            exchange = await run_hashing(lambda: _complete(code, username, secret, address))
        except TooManyAttempts as refused:
            self.error = throttle_message(refused.verdict, lang)
        except InvalidInput as refused:
            if refused.message_id in USERNAME_PROBLEMS:
                self.step = "username"
            elif refused.message_id not in SECRET_PROBLEMS:
                self._restart()
            self.error = gettext(refused.message_id, lang)
        else:
            self._restart()
            yield exchange_script(exchange)
        self.busy = False


def _check_code(code: str, address: str) -> ActivationCheck:
    with db_session() as session:
        return activation_check(session, code=code, client_address=address)


def _username_free(username: str, user_id: int | None) -> bool:
    if user_id is None:
        return False
    with db_session() as session:
        return username_available(session, username, user_id=user_id)


def _complete(code: str, username: str, secret: str, address: str) -> str:
    with db_session() as session:
        user = activation_complete(
            session, code=code, username=username, secret=secret, client_address=address
        )
        return session_start_pending(session, user=user, client_address=address)
