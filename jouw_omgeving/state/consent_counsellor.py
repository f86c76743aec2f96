"""Consent as the counsellor sees it on a participant's page: status, history, a request.

Ready to mount on the counsellor's participant detail (route parameter
``participant_public_id``); the participant answers a request on their own page.
"""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Category
from jouw_omgeving.services.consent import consent_request
from jouw_omgeving.services.consent_read import consent_history, consent_overview
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state import consent_words as words
from jouw_omgeving.state.consent import ConsentHistoryLine
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

REQUESTED = N_("Gevraagd, wacht op antwoord")
REQUEST_SENT = N_("De vraag staat klaar. De deelnemer kiest zelf ja of nee.")


class CounsellorConsentRow(TypedDict):
    """One organisation x category for the counsellor: status in words, may it be asked."""

    organisation_public_id: str
    organisation: str
    category: str
    label: str
    status_text: str
    can_request: bool


class CounsellorConsentState(rx.State):
    """The participant in the URL: their consents and history, and preparing a request."""

    rows: list[CounsellorConsentRow] = []
    history: list[ConsentHistoryLine] = []
    error: str = ""
    notice: str = ""
    loaded: bool = False

    @rx.event
    def forget(self):
        """Clear the previous participant's consents from the view; reads nothing."""
        self.rows, self.history, self.error, self.notice, self.loaded = [], [], "", "", False

    @rx.event
    async def load(self):
        """Show the consents of the participant in the URL (audited reads)."""
        self.notice = ""
        return await self._show()

    @rx.event
    async def request(self, organisation_public_id: str, category: str):
        """Prepare a request; refused unless it fits (validated by the service)."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        try:
            with db_session() as session:
                participant = participant_by_public_id(
                    session,
                    viewer,
                    route_parameter(self, ROUTE_PARAMETER),
                    category=Category.CONSENT,
                )
                consent_request(
                    session,
                    viewer,
                    participant_id=participant.id,
                    organisation_public_id=organisation_public_id,
                    category=category,
                )
        except ServiceError as refusal:
            self.notice = ""
            self.error = gettext(refusal.message_id, lang)
            return None
        result = await self._show()
        self.notice = gettext(REQUEST_SENT, lang)
        return result

    async def _show(self):
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            self.rows, self.history = [], []
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.error = ""
        try:
            with db_session() as session:
                participant = participant_by_public_id(
                    session,
                    viewer,
                    route_parameter(self, ROUTE_PARAMETER),
                    category=Category.CONSENT,
                )
                overview = consent_overview(session, viewer, participant_id=participant.id)
                history = consent_history(session, viewer, participant_id=participant.id)
        except ServiceError as refusal:
            self.rows, self.history = [], []
            self.error = gettext(refusal.message_id, lang)
        else:
            self.rows = [
                CounsellorConsentRow(
                    organisation_public_id=o["organisation_public_id"],
                    organisation=o["organisation_name"],
                    category=c["category"],
                    label=words.label(c["category"], lang),
                    status_text=gettext(REQUESTED, lang)
                    if c["status"] == "requested"
                    else words.status_text(c["status"], c["last_day"], lang),
                    can_request=not c["active"] and c["status"] != "requested",
                )
                for o in overview
                for c in o["cells"]
            ]
            self.history = [
                ConsentHistoryLine(
                    sentence=words.history_sentence(row, lang, to_participant=False),
                    when=words.history_moment(row["recorded_at"], lang),
                )
                for row in history
            ]
        self.loaded = True
        return None
