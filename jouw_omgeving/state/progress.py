"""The participant's "Mijn voortgang": a summary in words and faces, then three charts.

The page first shows a plain summary (a face and "4 van 5" per life domain, the steps in
words); the charts and the chart library (plotly, 350 KiB) come only after a tap on
"Bekijk grafiek", so a cheap phone on a slow connection shows the page at once and
downloads the library only when it is wanted. Figures are built then, per request and off
the event loop (pandas and plotly take a few milliseconds each), never at import: a figure
built at import would be compiled into a chunk every page loads.
"""

from datetime import datetime
from typing import TypedDict

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
OWN_SCORE = N_("Jij: {score} van {highest}")
COUNSELLOR_SCORE = N_("Je begeleider: {score} van {highest}")
OWN_NONE = N_("Jij: nog niet ingevuld")
COUNSELLOR_NONE = N_("Je begeleider: nog niet ingevuld")
# Faces of a 1-5 scale, used when the instrument has no face for a score.
_FACES = ("frown", "annoyed", "meh", "smile", "laugh")


class SummaryRow(TypedDict):
    """One life domain in the summary: the face of my latest score and both scores in words."""

    domain_name: str
    face: str
    level_label: str
    own: str
    counsellor: str


class ProgressState(rx.State):
    """Charts and their sentences for the logged-in participant."""

    over_time_figure: go.Figure = charts.empty_figure()
    side_figure: go.Figure = charts.empty_figure()
    steps_figure: go.Figure = charts.empty_figure()
    over_time_text: list[str] = []
    side_text: list[str] = []
    steps_text: list[str] = []
    has_scores: bool = False
    summary: list[SummaryRow] = []
    charts_shown: bool = False  # the chart library loads only once this is True
    chart: str = OVER_TIME  # the one chart on screen
    notice: str = ""
    error: str = ""
    loaded: bool = False
    # Set by the self-assessment or check-in after saving; shown once on the next load.
    _pending_notice: str = ""

    @rx.event
    async def load(self):
        """Read the participant's progress: the summary now, the charts when asked for."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.notice, self._pending_notice = self._pending_notice, ""
        self.error = ""
        self.charts_shown = False
        try:
            built = await rx.run_in_thread(lambda: _build(viewer, lang, with_figures=False))
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        else:
            self._show(built)
        self.loaded = True
        return None

    @rx.event
    async def show_charts(self):
        """ "Bekijk grafiek": build the figures and show them (this loads the chart library)."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        try:
            built = await rx.run_in_thread(lambda: _build(viewer, lang, with_figures=True))
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self._show(built)
        self.charts_shown = True
        return None

    @rx.event
    async def hide_charts(self):
        """Back to the summary only."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        self.charts_shown = False
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
        for name in ("over_time_figure", "side_figure", "steps_figure"):
            if name in built:
                setattr(self, name, built[name])
        self.over_time_text = built["over_time_text"]
        self.side_text = built["side_text"]
        self.steps_text = built["steps_text"]
        self.has_scores = built["has_scores"]
        self.summary = built["summary"]

    def _announce(self, message: str) -> None:
        """Remember a message for the next load of the page (after a redirect)."""
        self._pending_notice = message


def _build(viewer: Viewer, lang: str, *, with_figures: bool) -> dict:
    with db_session() as session:
        overview = progress_overview(session, viewer, participant_id=viewer.user_id, lang=lang)
    built = figures_for(overview, lang) if with_figures else words_for(overview, lang)
    built["summary"] = summary_rows(overview, lang)
    return built


def summary_rows(overview: ProgressOverview, lang: str) -> list[SummaryRow]:
    """Per life domain: the face of my latest score, and my and my counsellor's scores."""
    instrument = overview["instrument"]
    highest = instrument["scale_max"] if instrument else 5
    levels = {level["value"]: level for level in (instrument["levels"] if instrument else [])}
    rows = []
    for row in overview["side_by_side"]:
        own, theirs = row["own"], row["counsellor"]
        level = levels.get(own)
        rows.append(
            SummaryRow(
                domain_name=row["domain_name"],
                face=level["pictogram"] if level else _FACES[min(max(own, 1), 5) - 1],
                level_label=level["label"] if level else "",
                own=_score_words(OWN_SCORE, OWN_NONE, own, highest, lang),
                counsellor=_score_words(COUNSELLOR_SCORE, COUNSELLOR_NONE, theirs, highest, lang),
            )
        )
    return rows


def _score_words(template: str, none: str, score: int, highest: int, lang: str) -> str:
    if not score:
        return gettext(none, lang)
    return gettext(template, lang).format(
        score=charts.number(score, lang), highest=charts.number(highest, lang)
    )


def _frames(overview: ProgressOverview):
    points = charts.frame(overview["over_time"], ["domain_name", "taken_at", "score"])
    points["taken_at"] = [datetime.fromisoformat(t) for t in points["taken_at"]]
    side = charts.frame(overview["side_by_side"], ["domain_name", "own", "counsellor"])
    months = charts.frame(overview["steps_per_month"], ["month", "steps_done"])
    return points, side, months


def words_for(overview: ProgressOverview, lang: str) -> dict:
    """The charts' sentences without the figures (the page before "Bekijk grafiek")."""
    points, side, months = _frames(overview)
    return {
        "over_time_text": charts.score_change_sentences(points, lang),
        "side_text": charts.side_by_side_sentences(side, lang),
        "steps_text": charts.steps_sentences(months, lang),
        "has_scores": not points.empty,
    }


def figures_for(overview: ProgressOverview, lang: str) -> dict:
    """The three figures and their sentences for one participant's overview."""
    instrument = overview["instrument"]
    low, high = (instrument["scale_min"], instrument["scale_max"]) if instrument else (1, 5)
    points, side, months = _frames(overview)
    return {
        **words_for(overview, lang),
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
    }
