"""The network tab of the participant detail page: who is in the network (read-only).

The participant comes from the URL (untrusted); the service checks the caseload and audits.
"""

from zoneinfo import ZoneInfo

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.network_invites import RELATIONS, NetworkRow
from jouw_omgeving.services.network_staff import participant_network_for_staff
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.network_manage import STATUS_WORDS, MemberView
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

_DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
SEES_NOTHING = N_("Ziet geen doelen.")
SEES_GOALS = N_("Ziet deze doelen:")


def staff_member_view(row: NetworkRow, lang: str) -> MemberView:
    """One network row in words for staff (the participant's page says "je" instead)."""
    day = format_date(row["since"].astimezone(_DUTCH_TIME).date(), lang)
    return MemberView(
        member_public_id=row["member_public_id"],
        name=row["name"],
        relation=gettext(RELATIONS.get(row["relation"], row["relation"]), lang),
        status=row["status"],
        status_text=gettext(STATUS_WORDS[row["status"]], lang).format(date=day),
        sees_text=gettext(SEES_GOALS if row["shared_goals"] else SEES_NOTHING, lang),
        shared_goals=row["shared_goals"],
    )


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
            self.members = [staff_member_view(row, lang) for row in rows]
        self.loaded = True
        return None
