"""The evaluator's dashboard: filters, charts built in the background, CSV per chart.

Only shaped aggregates reach the browser: plotly figures of the suppressed frames, short
sentences and the comparison table. The CSV texts (of the same suppressed frames) stay in a
backend var until the evaluator asks for one. The aggregation runs as a background event,
the figure families side by side in worker threads (each on its own connection), so other
users are never blocked and the progress bar moves as each family is ready.
"""

import asyncio
import json
import logging
from datetime import date, timedelta
from functools import partial
from typing import Any, TypedDict

import reflex as rx

from jouw_omgeving.charts_dashboard import evaluation_chart
from jouw_omgeving.charts_evaluation import comparison_rows
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.evaluation import (
    FAMILIES,
    evaluation_begin,
    evaluation_comparison,
    evaluation_families,
    evaluation_options,
    frame_csv,
)
from jouw_omgeving.services.evaluation_scope import BAD_ORGANISATION, EvaluationFilter
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.outage import TRY_AGAIN
from jouw_omgeving.state.session import SessionState, authenticate

logger = logging.getLogger(__name__)

ALL_TEAMS = "all"
DEFAULT_DAYS = 365
EVERY_TEAM = N_("Alle teams")
BAD_DATE = N_("Vul geldige datums in, bijvoorbeeld 2026-03-01.")


class OptionRow(TypedDict):
    """One choice of a filter list."""

    value: str
    label: str


class ChartRow(TypedDict):
    """One chart as the page shows it (figure as plotly JSON)."""

    key: str
    title: str
    explanation: str
    figure: dict[str, Any]
    sentences: list[str]


class ComparisonRow(TypedDict):
    """One key figure in both periods, as text."""

    label: str
    period: str
    comparison: str


def _day(value: object) -> str | None:
    """An ISO date string from the form, or ``None`` for anything else."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _begin(viewer: Viewer, query: EvaluationFilter) -> int:
    with db_session() as session:
        return evaluation_begin(session, viewer, query)


# The figures only read, and the access check and its audit row are written in ``_begin``:
# read-only sessions, so that on SQLite the long reads never hold the write lock (which
# would make every other user's save wait, and run the families one after the other).
_read_session = partial(db_session, write=False)


def _families(viewer: Viewer, query: EvaluationFilter, lang: str, on_done):
    return evaluation_families(_read_session, viewer, query, lang=lang, on_done=on_done)


def _shape(viewer: Viewer, query: EvaluationFilter, frames: dict, threshold: int, lang: str):
    """Charts, comparison rows and CSV texts: everything the state keeps, nothing raw."""
    with _read_session() as session:
        comparison = evaluation_comparison(
            session, viewer, query, frames, lang=lang, open_session=_read_session
        )
    charts = []
    for key in FAMILIES:
        chart = evaluation_chart(key, frames[key], threshold=threshold, lang=lang)
        charts.append({**chart, "figure": json.loads(chart["figure"].to_json())})
    csv = {key: frame_csv(frame) for key, frame in frames.items()}
    if comparison is not None:
        csv["comparison"] = frame_csv(comparison)
    rows = comparison_rows(comparison, lang) if comparison is not None else []
    return charts, rows, csv


class EvaluationDashboardState(rx.State):
    """Filters, progress and the charts of the evaluator's dashboard and report."""

    organisations: list[OptionRow] = []
    teams: list[OptionRow] = []
    organisation: str = ""
    team: str = ALL_TEAMS
    start: str = ""
    end: str = ""
    compare_start: str = ""
    compare_end: str = ""
    threshold: int = 5
    running: bool = False
    progress: int = 0
    error: str = ""
    charts: list[ChartRow] = []
    comparison: list[ComparisonRow] = []
    _teams_by_organisation: dict[str, list[OptionRow]] = {}
    _csv: dict[str, str] = {}
    _again: bool = False

    @rx.var
    def organisation_label(self) -> str:
        """The chosen organisation's name (for the report)."""
        return next((o["label"] for o in self.organisations if o["value"] == self.organisation), "")

    @rx.var
    def team_label(self) -> str:
        """The chosen team's name, or "all teams" (for the report)."""
        chosen = next((o["label"] for o in self.teams if o["value"] == self.team), "")
        return chosen or gettext(EVERY_TEAM)

    @rx.event
    async def load(self):
        """Fill the filter lists (first visit: the evaluator's organisation, last year)."""
        viewer = await authenticate(self, Role.EVALUATOR)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            options = evaluation_options(session, viewer)
        self.organisations = [OptionRow(value=o["public_id"], label=o["name"]) for o in options]
        self._teams_by_organisation = {
            o["public_id"]: [OptionRow(value=x["public_id"], label=x["name"]) for x in o["teams"]]
            for o in options
        }
        if self.organisation not in self._teams_by_organisation:
            self.organisation = options[0]["public_id"] if options else ""
            self.team = ALL_TEAMS
        self.teams = self._teams_by_organisation.get(self.organisation, [])
        if not self.start:
            today = date.today()
            self.start, self.end = (today - timedelta(days=DEFAULT_DAYS)).isoformat(), str(today)
        # Dashboard -> report in the same tab keeps the charts; "Toon" always rebuilds.
        return None if self.charts else EvaluationDashboardState.refresh

    @rx.event
    async def choose_organisation(self, value: str):
        """Another organisation: its teams in the team list (applied with the form)."""
        viewer = await authenticate(self, Role.EVALUATOR)
        if not isinstance(viewer, Viewer):
            return viewer
        if isinstance(value, str) and value in self._teams_by_organisation:
            self.organisation, self.team = value, ALL_TEAMS
            self.teams = self._teams_by_organisation[value]

    @rx.event
    async def apply_filters(self, form_data: dict):
        """Take the filter form (organisation, team, period, comparison) and rebuild."""
        viewer = await authenticate(self, Role.EVALUATOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        form = form_data if isinstance(form_data, dict) else {}
        organisation = form.get("organisation", self.organisation)
        teams = self._teams_by_organisation.get(
            organisation if isinstance(organisation, str) else ""
        )
        start, end = _day(form.get("start")), _day(form.get("end"))
        compare = [form.get("compare_start") or "", form.get("compare_end") or ""]
        compare_days = [_day(c) for c in compare]
        if teams is None or not start or not end or (any(compare) and None in compare_days):
            self.error = gettext(BAD_DATE if teams is not None else BAD_ORGANISATION, lang)
            return None
        team = form.get("team")
        self.organisation, self.teams = organisation, teams
        known = isinstance(team, str) and team in {x["value"] for x in teams}
        self.team = team if known else ALL_TEAMS
        self.start, self.end = start, end
        self.compare_start, self.compare_end = (c or "" for c in compare_days)
        return EvaluationDashboardState.refresh

    def _query(self) -> EvaluationFilter:
        both = self.compare_start and self.compare_end
        return EvaluationFilter(
            organisation_public_id=self.organisation,
            team_public_id=None if self.team == ALL_TEAMS else self.team,
            start=date.fromisoformat(self.start),
            end=date.fromisoformat(self.end),
            compare_start=date.fromisoformat(self.compare_start) if both else None,
            compare_end=date.fromisoformat(self.compare_end) if both else None,
        )

    async def _compute(self, viewer: Viewer, query: EvaluationFilter, lang: str):
        threshold = await rx.run_in_thread(partial(_begin, viewer, query))
        loop, ready = asyncio.get_running_loop(), asyncio.Queue()

        def on_done(family: str) -> None:  # in a worker thread: hand it to this loop
            loop.call_soon_threadsafe(ready.put_nowait, family)

        # The families run side by side in threads (each on its own connection), so this
        # event only waits: other users are never blocked, the bar moves as each is ready.
        work = asyncio.ensure_future(
            rx.run_in_thread(partial(_families, viewer, query, lang, on_done))
        )
        for done in range(1, len(FAMILIES) + 1):
            next_one = asyncio.ensure_future(ready.get())
            await asyncio.wait({next_one, work}, return_when=asyncio.FIRST_COMPLETED)
            if not next_one.done():  # the work stopped early: it raised (see below)
                next_one.cancel()
                break
            async with self:
                self.progress = round(100 * done / (len(FAMILIES) + 1))
        frames = await work
        shaped = await rx.run_in_thread(partial(_shape, viewer, query, frames, threshold, lang))
        return threshold, *shaped

    @rx.event(background=True)
    async def refresh(self):
        """Build every chart in the background; a change meanwhile restarts with it."""
        async with self:
            viewer = await authenticate(self, Role.EVALUATOR)
            if not isinstance(viewer, Viewer):
                return viewer
            if self.running or not self.organisation or not self.start:
                self._again = self.running
                return None
            self.running, self.error = True, ""
        while True:
            async with self:
                query, lang = self._query(), (await self.get_state(SessionState)).lang
                self._again, self.progress = False, 0
            try:
                result = await self._compute(viewer, query, lang)
            except ServiceError as error:
                result, message = None, gettext(error.message_id, lang)
            except Exception:  # e.g. SQLite busy: say so, never leave the page "busy" for good
                logger.exception("building the evaluation dashboard failed")
                result, message = None, gettext(TRY_AGAIN, lang)
            async with self:
                if self._again:
                    continue
                if result is None:
                    self.error, self.charts, self.comparison, self._csv = message, [], [], {}
                else:
                    self.threshold, self.charts, self.comparison, self._csv = result
                self.running, self.progress = False, 100
                return None

    @rx.event
    async def download_csv(self, key: str):
        """The CSV of one chart's data (suppressed aggregates, as shown)."""
        viewer = await authenticate(self, Role.EVALUATOR)
        if not isinstance(viewer, Viewer):
            return viewer
        if not isinstance(key, str) or key not in self._csv:
            return None
        filename = f"evaluatie-{key}-{self.start}-{self.end}.csv"
        return rx.download(data=self._csv[key], filename=filename, mime_type="text/csv")
