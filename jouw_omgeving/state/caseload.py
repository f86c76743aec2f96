"""The counsellor's caseload overview."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.caseload import CaseloadRow, caseload_overview
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import authenticate


class CaseloadState(rx.State):
    """The counsellor's caseload with signals."""

    rows: list[CaseloadRow] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the logged-in counsellor's active caseload."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            self.rows = caseload_overview(session, viewer)
        self.loaded = True
