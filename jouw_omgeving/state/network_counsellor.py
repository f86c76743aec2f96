"""The network tab of the participant detail page: who is in the network (read-only).

The participant comes from the URL (untrusted); the service checks the caseload and audits.
"""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.network_staff import participant_network_for_staff
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.network_manage import MemberView, member_view
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

SEES_NOTHING = N_("Ziet geen doelen.")  # the participant's own page says "van je"


class CounsellorNetworkState(rx.State):
    """The network of the participant in the URL, as rows of words."""

    members: list[MemberView] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    def forget(self):
        """On opening a participant: drop the previous participant's network (reads none)."""
        self.members, self.error, self.loaded = [], "", False

    @rx.event
    async def load(self):
        """Read the network of the participant in the URL (audited)."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.error = ""
        try:
            with db_session() as session:
                rows = participant_network_for_staff(
                    session, viewer, route_parameter(self, ROUTE_PARAMETER)
                )
        except ServiceError as refusal:
            self.members, self.error = [], gettext(refusal.message_id, lang)
        else:
            self.members = [member_view(row, lang, sees_nothing=SEES_NOTHING) for row in rows]
        self.loaded = True
        return None
