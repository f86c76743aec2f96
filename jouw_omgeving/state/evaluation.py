"""The evaluator's pilot figures (aggregates only)."""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.overviews import FigureRow, pilot_overview
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate


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
