"""The progress tab of the participant detail page: both assessments, and the counsellor's form.

The participant comes from the URL (untrusted); the services check the caseload and audit.
Figures are built per request off the event loop with the same builders as the
participant's own progress page; the sentences under them speak to the counsellor.
"""

from datetime import datetime

import plotly.graph_objects as go
import reflex as rx

from jouw_omgeving import charts
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.instruments import DomainRow, LevelRow
from jouw_omgeving.services.progress_counsellor import (
    MAX_ASSESSMENT_NOTE,
    CounsellorProgress,
    counsellor_assessment_record,
    participant_progress_for_staff,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

OWN_TITLE = N_("Zelfbeoordeling van de deelnemer")
COUNSELLOR_TITLE = N_("Beoordeling door de begeleider")
SIDE_TITLE = N_("Deelnemer en begeleider, laatste keer")
DATE_AXIS = N_("Datum")
SCORE_AXIS = N_("Score")
PARTICIPANT_LABEL = N_("Deelnemer")
COUNSELLOR_LABEL = N_("Begeleider")
CHANGED = N_("{domain}: van {first} naar {last}.")
ONCE = N_("{domain}: {score}.")
SIDE_BOTH = N_("{domain}: deelnemer {own}, begeleider {counsellor}.")
SIDE_ONE = N_("{domain}: {who} {score}, de ander nog niet.")
NOTHING = N_("Nog geen beoordeling.")
SAVED = N_("Je beoordeling is opgeslagen.")
MAX_SCORE_INPUT = 4  # "10" at most on any scale we load; longer input is refused


def _over_time_sentences(points, lang: str) -> list[str]:
    if points.empty:
        return [gettext(NOTHING, lang)]
    sentences = []
    for domain, rows in points.groupby("domain_name", sort=False):
        scores = list(rows.sort_values("taken_at")["score"])
        first, last = charts.number(scores[0], lang), charts.number(scores[-1], lang)
        if len(scores) == 1:
            sentences.append(gettext(ONCE, lang).format(domain=domain, score=last))
        else:
            template = gettext(CHANGED, lang)
            sentences.append(template.format(domain=domain, first=first, last=last))
    return sentences


def _side_sentences(side, lang: str) -> list[str]:
    sentences = []
    for row in side.itertuples():
        own, theirs = int(row.own), int(row.counsellor)
        if own and theirs:
            sentences.append(
                gettext(SIDE_BOTH, lang).format(domain=row.domain_name, own=own, counsellor=theirs)
            )
        elif own or theirs:
            who = gettext(PARTICIPANT_LABEL if own else COUNSELLOR_LABEL, lang).lower()
            sentences.append(
                gettext(SIDE_ONE, lang).format(domain=row.domain_name, who=who, score=own or theirs)
            )
    return sentences or [gettext(NOTHING, lang)]


def _over_time(rows, title: str, low: int, high: int, lang: str) -> tuple[go.Figure, list[str]]:
    points = charts.frame(rows, ["domain_name", "taken_at", "score"])
    points["taken_at"] = [datetime.fromisoformat(t) for t in points["taken_at"]]
    figure = charts.scores_over_time_figure(
        points,
        title=title,
        x_label=gettext(DATE_AXIS, lang),
        y_label=gettext(SCORE_AXIS, lang),
        scale_min=low,
        scale_max=high,
        lang=lang,
    )
    return figure, _over_time_sentences(points, lang)


def build_figures(progress: CounsellorProgress, lang: str) -> dict:
    """The three figures and their sentences for the progress tab."""
    instrument = progress["instrument"]
    low, high = (instrument["scale_min"], instrument["scale_max"]) if instrument else (1, 5)
    own = _over_time(progress["own_over_time"], gettext(OWN_TITLE, lang), low, high, lang)
    theirs = _over_time(
        progress["counsellor_over_time"], gettext(COUNSELLOR_TITLE, lang), low, high, lang
    )
    side = charts.frame(progress["side_by_side"], ["domain_name", "own", "counsellor"])
    side_figure = charts.side_by_side_figure(
        side,
        title=gettext(SIDE_TITLE, lang),
        own_label=gettext(PARTICIPANT_LABEL, lang),
        counsellor_label=gettext(COUNSELLOR_LABEL, lang),
        x_label=gettext(SCORE_AXIS, lang),
        scale_min=low,
        scale_max=high,
    )
    return {
        "own": own,
        "counsellor": theirs,
        "side": (side_figure, _side_sentences(side, lang)),
    }


def _scores_of(form_data: object, domains: list[DomainRow]) -> dict[str, object]:
    """The chosen score per domain key ("3" from a select becomes 3); junk stays junk."""
    data = form_data if isinstance(form_data, dict) else {}
    scores: dict[str, object] = {}
    for domain in domains:
        value = data.get(domain["key"])
        ok = isinstance(value, str) and value.isdigit() and len(value) <= MAX_SCORE_INPUT
        scores[domain["key"]] = int(value) if ok else value
    return scores


class CounsellorProgressState(rx.State):
    """Both assessments of the participant in the URL, and the counsellor's own form."""

    own_figure: go.Figure = charts.empty_figure()
    counsellor_figure: go.Figure = charts.empty_figure()
    side_figure: go.Figure = charts.empty_figure()
    own_text: list[str] = []
    counsellor_text: list[str] = []
    side_text: list[str] = []
    instrument_public_id: str = ""
    domains: list[DomainRow] = []
    levels: list[LevelRow] = []
    error: str = ""
    saved: str = ""
    loaded: bool = False

    def _read(self, viewer: Viewer, lang: str) -> None:
        with db_session() as session:
            progress = participant_progress_for_staff(
                session, viewer, route_parameter(self, ROUTE_PARAMETER), lang=lang
            )
        built = build_figures(progress, lang)
        self.own_figure, self.own_text = built["own"]
        self.counsellor_figure, self.counsellor_text = built["counsellor"]
        self.side_figure, self.side_text = built["side"]
        instrument = progress["instrument"]
        self.instrument_public_id = instrument["public_id"] if instrument else ""
        self.domains = instrument["domains"] if instrument else []
        self.levels = instrument["levels"] if instrument else []

    @rx.event
    def forget(self):
        """On opening a participant: drop what was shown of the previous one (reads none)."""
        self.own_text, self.counsellor_text, self.side_text = [], [], []
        self.domains, self.levels, self.instrument_public_id = [], [], ""
        self.error, self.saved, self.loaded = "", "", False

    @rx.event
    async def load(self):
        """Read both assessments of the participant in the URL (audited) and draw them."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.error, self.saved = "", ""
        try:
            await rx.run_in_thread(lambda: self._read(viewer, lang))
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        self.loaded = True
        return None

    @rx.event
    async def save(self, form_data: dict):
        """Store the counsellor's own assessment (one score per domain), then redraw."""
        viewer = await authenticate(self, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        note = form_data.get("note") if isinstance(form_data, dict) else None
        if isinstance(note, str) and len(note) > MAX_ASSESSMENT_NOTE:
            note = note[: MAX_ASSESSMENT_NOTE + 1]  # still too long: the service says so
        try:
            with db_session() as session:
                counsellor_assessment_record(
                    session,
                    viewer,
                    route_parameter(self, ROUTE_PARAMETER),
                    instrument_public_id=self.instrument_public_id,
                    scores=_scores_of(form_data, self.domains),
                    note=note if isinstance(note, str) else None,
                )
            await rx.run_in_thread(lambda: self._read(viewer, lang))
        except ServiceError as refusal:
            self.error, self.saved = gettext(refusal.message_id, lang), ""
            return None
        self.error, self.saved = "", gettext(SAVED, lang)
        return None
