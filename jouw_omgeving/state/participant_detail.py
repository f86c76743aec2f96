"""One participant's detail page for staff: the id comes from the URL, so from the browser.

The route parameter is untrusted input of any JSON type: it is validated as a UUID here,
the viewer is resolved from the session cookie, and the service decides (and audits).
"""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.goals import GoalCard
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.participants import participant_summary
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

ROUTE_PARAMETER = "participant_public_id"


def route_parameter(state: rx.State, name: str) -> object:
    """A dynamic route argument as the browser sent it (any type; validate before use).

    Reflex fills ``PageData.params`` from the event's router data (the query string and the
    dynamic segments of the route); ``router.page`` is deprecated, the field is not.
    """
    params = state.rx_router_page.params
    return params.get(name) if isinstance(params, dict) else None


class ParticipantDetailState(rx.State):
    """Name and goal board of the participant in the URL, or a refusal in plain words."""

    public_id: str = ""
    name: str = ""
    goals: list[GoalCard] = []
    error: str = ""
    loaded: bool = False

    def _clear(self) -> None:
        self.public_id = ""
        self.name = ""
        self.goals = []
        self.error = ""
        self.loaded = False

    @rx.event
    async def load(self):
        """Show the participant whose public id is in the URL, if the guard allows it."""
        self._clear()
        viewer = await authenticate(self)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        public_id = parse_public_id(route_parameter(self, ROUTE_PARAMETER))
        try:
            with db_session() as session:
                # A malformed id still goes to the service: the refusal is audited there.
                summary = participant_summary(session, viewer, public_id)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        else:
            self.public_id = summary["public_id"]
            self.name = summary["name"]
            self.goals = summary["goals"]
        self.loaded = True
        return None
