"""First pages of the staff roles: caseload, pilot overview, admin overview."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.caseload import CaseloadRow, caseload_overview
from jouw_omgeving.services.overviews import FigureRow, admin_overview, pilot_overview
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate


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


class EvaluationState(rx.State):
    """Headline pilot figures for the evaluator."""

    figures: list[FigureRow] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load aggregated, suppressed figures."""
        viewer = await authenticate(self, Role.EVALUATOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        with db_session() as session:
            figures = pilot_overview(session, viewer)
        self.figures = [{**f, "label": gettext(f["label"], lang)} for f in figures]
        self.loaded = True


class AdminState(rx.State):
    """Counts an admin manages."""

    organisations: int = 0
    teams: int = 0
    users_by_role: dict[str, int] = {}
    open_sessions: int = 0
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the admin overview."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            summary = admin_overview(session, viewer)
        self.organisations = summary["organisations"]
        self.teams = summary["teams"]
        self.users_by_role = summary["users_by_role"]
        self.open_sessions = summary["open_sessions"]
        self.loaded = True
