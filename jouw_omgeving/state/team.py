"""The team lead's view: the team's caseloads and the handover form."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.team import (
    MAX_HANDOVER_LENGTH,
    NOTE_REFUSED,
    TeamCaseload,
    participant_reassign,
    team_caseloads,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

MAX_ID_LENGTH = 45
CHOOSE_BOTH = N_("Kies een deelnemer en een begeleider.")
HANDED_OVER = N_("Overgedragen. De vorige begeleider heeft geen toegang meer.")


def _id(value: object) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH else None


class TeamState(rx.State):
    """The team's caseloads (small rows: names and public ids) and the handover result."""

    team: str = ""
    caseloads: list[TeamCaseload] = []
    error: str = ""
    message: str = ""
    loaded: bool = False

    async def _viewer_and_lang(self):
        viewer = await authenticate(self, Role.COUNSELLOR)
        return viewer, (await self.get_state(SessionState)).lang

    def _reload(self, viewer: Viewer, lang: str) -> None:
        try:
            with db_session() as session:
                view = team_caseloads(session, viewer)
        except ServiceError as refusal:
            self.team, self.caseloads = "", []
            self.error = gettext(refusal.message_id, lang)
            return
        self.team, self.caseloads = view["team"], view["caseloads"]

    @rx.event
    async def load(self):
        """The lead's team, or a refusal for anyone else."""
        self.error, self.message = "", ""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self._reload(viewer, lang)
        self.loaded = True
        return None

    @rx.event
    async def reassign(self, form_data: dict):
        """Hand a participant over to another counsellor of the team, with a note."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        data = form_data if isinstance(form_data, dict) else {}
        participant, counsellor = _id(data.get("participant")), _id(data.get("counsellor"))
        note = data.get("note")
        if participant is None or counsellor is None:
            self.error, self.message = gettext(CHOOSE_BOTH, lang), ""
            return None
        if not isinstance(note, str) or len(note) > MAX_HANDOVER_LENGTH:
            self.error, self.message = gettext(NOTE_REFUSED, lang), ""
            return None
        try:
            with db_session() as session:
                participant_reassign(
                    session,
                    viewer,
                    participant,
                    counsellor_public_id=counsellor,
                    handover_note=note,
                )
        except ServiceError as refusal:
            self.error, self.message = gettext(refusal.message_id, lang), ""
            return None
        self.error, self.message = "", gettext(HANDED_OVER, lang)
        self._reload(viewer, lang)
        return None
