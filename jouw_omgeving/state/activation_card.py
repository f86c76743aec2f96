"""The counsellor's side of activation: a new participant, a new code, the printable card.

The plain code exists only in this tab's backend state (``_code``), right after it was
issued; the database keeps its hash. The card page shows it only to the counsellor who
issued it, for the participant in the URL, after the guard allowed (and audited) access.
"""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import reflex as rx
from reflex.config import get_config

from jouw_omgeving.auth.activation import ACTIVATION_CODE_LIFETIME
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import format_date, gettext
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import ACTIVATE, activation_card
from jouw_omgeving.services.accounts import (
    activation_code_issue,
    participant_create,
    require_account_access,
)
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.qr import qr_data_uri
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

MAX_NAME_INPUT = 200
# How long the plain code stays on the card page after issuing it.
CARD_SECONDS = 60 * 60
_DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


class ActivationCardState(rx.State):
    """A new participant, a new code, and the card that shows it."""

    participant_name: str = ""
    participant_id: str = ""
    code: str = ""
    qr: str = ""
    link: str = ""
    expires: str = ""
    card_available: bool = False
    loaded: bool = False
    busy: bool = False
    error: str = ""
    _code: str = ""
    _code_for: str = ""
    _issuer_id: int | None = None
    _issued_at: float = 0.0
    _expires_at: datetime | None = None

    def _base_url(self) -> str:
        """The public address of the app: the deploy URL, else the page's origin."""
        deploy = get_config().deploy_url or ""
        origin = self.router.headers.origin or ""
        return (deploy or origin).rstrip("/")

    def _keep(self, viewer: Viewer, public_id: str, code: str) -> None:
        self._code = code
        self._code_for = public_id
        self._issuer_id = viewer.user_id
        self._issued_at = time.time()
        self._expires_at = utcnow() + ACTIVATION_CODE_LIFETIME

    def _forget(self) -> None:
        self._code = ""
        self._code_for = ""
        self._issuer_id = None
        self._issued_at = 0.0
        self._expires_at = None
        self.code = ""
        self.qr = ""
        self.link = ""
        self.expires = ""
        self.card_available = False

    @rx.event
    async def open_form(self):
        """The new-participant page: counsellors only; start with an empty message."""
        self.error = ""
        viewer = await authenticate(self, Role.COUNSELLOR)
        return None if isinstance(viewer, Viewer) else viewer

    @rx.event
    async def create_participant(self, form_data: dict):
        """Create a participant on the counsellor's caseload and show the new code."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        name = form_data.get("display_name") if isinstance(form_data, dict) else None
        if not isinstance(name, str) or len(name) > MAX_NAME_INPUT:
            name = ""
        try:
            with db_session() as session:
                participant, code = participant_create(session, viewer, name)
                public_id = str(participant.public_id)
        except ServiceError as refused:
            self.error = gettext(refused.message_id, lang)
            return None
        self.error = ""
        self._keep(viewer, public_id, code)
        return rx.redirect(activation_card(public_id))

    @rx.event
    async def issue_code(self, participant_public_id: str):
        """A new code for a participant on the caseload ("PIN vergeten", "telefoon kwijt")."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        public_id = parse_public_id(participant_public_id)
        try:
            with db_session() as session:
                # A malformed id goes to the service too: it refuses in one way.
                code = activation_code_issue(session, viewer, str(public_id or ""))
        except ServiceError as refused:
            self.error = gettext(refused.message_id, lang)
            return None
        self.error = ""
        self._keep(viewer, str(public_id), code)
        return rx.redirect(activation_card(public_id))

    @rx.event
    async def load_card(self):
        """Show the card for the participant in the URL, if this counsellor just issued it."""
        self.loaded = False
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        params = self.rx_router_page.params
        raw = params.get("participant_public_id") if isinstance(params, dict) else None
        public_id = parse_public_id(raw)
        try:
            with db_session() as session:
                participant = require_account_access(
                    session, viewer, str(public_id or ""), action="read"
                )
                self.participant_name = participant.display_name
                self.participant_id = str(participant.public_id)
        except ServiceError as refused:
            self._forget()
            self.participant_name = ""
            self.participant_id = ""
            self.error = gettext(refused.message_id, lang)
            self.loaded = True
            return None
        fresh = time.time() - self._issued_at <= CARD_SECONDS
        if (
            not self._code
            or self._code_for != str(public_id)
            or self._issuer_id != viewer.user_id
            or not fresh
        ):
            self._forget()
        else:
            self._show(lang)
        self.error = ""
        self.loaded = True
        return None

    def _show(self, lang: str) -> None:
        base = self._base_url()
        plain = self._code.replace("-", "")
        self.code = self._code
        self.link = f"{base}{ACTIVATE}"
        self.qr = qr_data_uri(f"{base}{ACTIVATE}?code={plain}")
        expires = self._expires_at or utcnow()
        self.expires = format_date(expires.astimezone(_DUTCH_TIME).date(), lang)
        self.card_available = True
