"""The self-assessment: one life domain per screen, then a check screen, then save.

Nothing is stored until the participant saves. The answers so far live in this state on the
server (never in the browser's storage: phones are often shared), so a reload of the same tab
keeps them as long as the app runs; opening the page again as someone else starts afresh.
"""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import PARTICIPANT_PROGRESS
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.instruments import DomainRow, LevelRow
from jouw_omgeving.services.self_reports import assessment_form, self_assessment_record
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.progress import ProgressState
from jouw_omgeving.state.session import SessionState, authenticate

MAX_KEY_LENGTH = 60
CHOOSE_FIRST = N_("Kies eerst een gezichtje.")
NO_INSTRUMENT = N_("Er is nu geen vragenlijst. Vraag je begeleider ernaar.")
SAVED = N_("Je antwoorden zijn opgeslagen. Goed gedaan!")

EMPTY_DOMAIN = DomainRow(key="", name="", question="", pictogram="circle")


class SummaryRow(DomainRow):
    """A domain with the answer chosen for it, for the check screen."""

    value: int
    label: str
    face: str


class SelfAssessmentState(rx.State):
    """Where the participant is in the questions, and the answers so far."""

    instrument_id: str = ""
    domains: list[DomainRow] = []
    levels: list[LevelRow] = []
    answers: dict[str, int] = {}
    step: int = 0  # 0..len(domains)-1: a domain; len(domains): the check screen
    error: str = ""
    loaded: bool = False
    _for_user: int | None = None

    @rx.var
    def total(self) -> int:
        """How many domains there are."""
        return len(self.domains)

    @rx.var
    def on_check_screen(self) -> bool:
        """True on the last screen (check and save)."""
        return bool(self.domains) and self.step >= len(self.domains)

    @rx.var
    def current(self) -> DomainRow:
        """The domain on screen."""
        if 0 <= self.step < len(self.domains):
            return self.domains[self.step]
        return EMPTY_DOMAIN

    @rx.var
    def current_answer(self) -> int:
        """The chosen value for the domain on screen (0 = none yet)."""
        return self.answers.get(self.current["key"], 0)

    @rx.var
    def summary(self) -> list[SummaryRow]:
        """Every domain with its chosen answer, for the check screen."""
        by_value = {level["value"]: level for level in self.levels}
        rows = []
        for domain in self.domains:
            value = self.answers.get(domain["key"], 0)
            level = by_value.get(value)
            rows.append(
                SummaryRow(
                    **domain,
                    value=value,
                    label=level["label"] if level else "",
                    face=level["pictogram"] if level else "circle",
                )
            )
        return rows

    async def _viewer(self) -> Viewer | rx.event.EventSpec:
        return await authenticate(self, Role.PARTICIPANT)

    @rx.event
    async def load(self):
        """Show the questions; keep the answers of this participant on this instrument."""
        viewer = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.error = ""
        with db_session() as session:
            form = assessment_form(session, viewer, participant_id=viewer.user_id, lang=lang)
        instrument_id = form["public_id"] if form else ""
        # Answers belong to one person on one instrument version; anything else starts afresh.
        if self._for_user != viewer.user_id or self.instrument_id != instrument_id:
            self.answers, self.step = {}, 0
        self._for_user, self.instrument_id = viewer.user_id, instrument_id
        self.domains = form["domains"] if form else []
        self.levels = form["levels"] if form else []
        if form is None:
            self.error = gettext(NO_INSTRUMENT, lang)
        self.loaded = True
        return None

    @rx.event
    async def choose(self, value: int):
        """Pick a point of the scale for the domain on screen."""
        viewer = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        key = self.current["key"]
        allowed = {level["value"] for level in self.levels}
        if not key or isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            return None
        self.answers = {**self.answers, key: value}
        self.error = ""
        return None

    @rx.event
    async def next_step(self):
        """On to the next domain (or the check screen) once this one is answered."""
        viewer = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        if self.on_check_screen or not self.domains:
            return None
        if not self.current_answer:
            self.error = gettext(CHOOSE_FIRST, (await self.get_state(SessionState)).lang)
            return None
        self.error = ""
        self.step += 1
        return None

    @rx.event
    async def previous_step(self):
        """Back one screen."""
        viewer = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        self.step = max(0, self.step - 1)
        return None

    @rx.event
    async def edit(self, domain_key: str):
        """From the check screen back to one domain to change its answer."""
        viewer = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        if not isinstance(domain_key, str) or len(domain_key) > MAX_KEY_LENGTH:
            return None
        keys = [d["key"] for d in self.domains]
        if domain_key in keys:
            self.step = keys.index(domain_key)
            self.error = ""
        return None

    @rx.event
    async def save(self):
        """Store the answers as one assessment, then show the progress page."""
        viewer = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        answers, instrument_id = dict(self.answers), self.instrument_id
        try:
            with db_session() as session:
                self_assessment_record(
                    session,
                    viewer,
                    participant_id=viewer.user_id,
                    instrument_public_id=instrument_id,
                    scores=answers,
                )
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.answers, self.step, self.error = {}, 0, ""
        (await self.get_state(ProgressState))._announce(gettext(SAVED, lang))
        return rx.redirect(PARTICIPANT_PROGRESS)
