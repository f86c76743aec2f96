"""The participant's "Mijn voortgang": three charts, each with its text alternative.

Figures are built here, per request and off the event loop (pandas and plotly take a few
milliseconds each), never at import: a figure built at import would be compiled into a
chunk every page loads.
"""

from datetime import datetime

import plotly.graph_objects as go
import reflex as rx

from jouw_omgeving import charts
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.progress import ProgressOverview, progress_overview
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

OVER_TIME_TITLE = N_("Hoe het ging, per onderwerp")
SIDE_TITLE = N_("Jij en je begeleider")
STEPS_TITLE = N_("Stappen gezet per maand")
DATE_AXIS = N_("Datum")
SCORE_AXIS = N_("Score (1 = slecht, 5 = goed)")
SHORT_SCORE_AXIS = N_("Score van 1 tot 5")
MONTH_AXIS = N_("Maand")
STEPS_AXIS = N_("Aantal stappen")
OWN = N_("Jij")
COUNSELLOR = N_("Je begeleider")
OVER_TIME, SIDE_BY_SIDE, STEPS = "over_time", "side_by_side", "steps"
CHARTS = (OVER_TIME, SIDE_BY_SIDE, STEPS)


class ProgressState(rx.State):
    """Charts and their sentences for the logged-in participant."""

    over_time_figure: go.Figure = charts.empty_figure()
    side_figure: go.Figure = charts.empty_figure()
    steps_figure: go.Figure = charts.empty_figure()
    over_time_text: list[str] = []
    side_text: list[str] = []
    steps_text: list[str] = []
    has_scores: bool = False
    chart: str = OVER_TIME  # the one chart on screen
    notice: str = ""
    error: str = ""
    loaded: bool = False
    # Set by the self-assessment or check-in after saving; shown once on the next load.
    _pending_notice: str = ""

    @rx.event
    async def load(self):
        """Read the participant's progress and build the charts."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.notice, self._pending_notice = self._pending_notice, ""
        self.error = ""
        try:
            built = await rx.run_in_thread(lambda: _build(viewer, lang))
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        else:
            self._show(built)
        self.loaded = True
        return None

    @rx.event
    async def show_chart(self, name: str):
        """Show another of the three charts; unknown names are ignored."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        if isinstance(name, str) and name in CHARTS:
            self.chart = name
        return None

    def _show(self, built: dict) -> None:
        self.over_time_figure = built["over_time_figure"]
        self.side_figure = built["side_figure"]
        self.steps_figure = built["steps_figure"]
        self.over_time_text = built["over_time_text"]
        self.side_text = built["side_text"]
        self.steps_text = built["steps_text"]
        self.has_scores = built["has_scores"]

    def _announce(self, message: str) -> None:
        """Remember a message for the next load of the page (after a redirect)."""
        self._pending_notice = message


def _build(viewer: Viewer, lang: str) -> dict:
    with db_session() as session:
        overview = progress_overview(session, viewer, participant_id=viewer.user_id, lang=lang)
    return figures_for(overview, lang)


def figures_for(overview: ProgressOverview, lang: str) -> dict:
    """The three figures and their sentences for one participant's overview."""
    instrument = overview["instrument"]
    low, high = (instrument["scale_min"], instrument["scale_max"]) if instrument else (1, 5)
    points = charts.frame(overview["over_time"], ["domain_name", "taken_at", "score"])
    points["taken_at"] = [datetime.fromisoformat(t) for t in points["taken_at"]]
    side = charts.frame(overview["side_by_side"], ["domain_name", "own", "counsellor"])
    months = charts.frame(overview["steps_per_month"], ["month", "steps_done"])
    return {
        "over_time_figure": charts.scores_over_time_figure(
            points,
            title=gettext(OVER_TIME_TITLE, lang),
            x_label=gettext(DATE_AXIS, lang),
            y_label=gettext(SCORE_AXIS, lang),
            scale_min=low,
            scale_max=high,
            lang=lang,
        ),
        "side_figure": charts.side_by_side_figure(
            side,
            title=gettext(SIDE_TITLE, lang),
            own_label=gettext(OWN, lang),
            counsellor_label=gettext(COUNSELLOR, lang),
            x_label=gettext(SHORT_SCORE_AXIS, lang),
            scale_min=low,
            scale_max=high,
        ),
        "steps_figure": charts.steps_per_month_figure(
            months,
            title=gettext(STEPS_TITLE, lang),
            x_label=gettext(MONTH_AXIS, lang),
            y_label=gettext(STEPS_AXIS, lang),
            lang=lang,
        ),
        "over_time_text": charts.score_change_sentences(points, lang),
        "side_text": charts.side_by_side_sentences(side, lang),
        "steps_text": charts.steps_sentences(months, lang),
        "has_scores": not points.empty,
    }
