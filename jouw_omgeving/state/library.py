"""The library ("Informatie"), one item of it, and the digital-skills track with its lessons."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.assignments_track import (
    LessonRow,
    LessonView,
    lesson_check_submit,
    lesson_detail,
    track_progress,
)
from jouw_omgeving.services.content import ContentView, content_item, library
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.assignments_flow import run_and_show
from jouw_omgeving.state.assignments_form import AnswerFormState
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

ROUTE_PARAMETER = "content_public_id"
OTHER_TOPICS = N_("Overig")
CHECK_DONE = N_("Klaar! Deze les is gedaan.")
SCORE = N_("{right} van {scored} goed")


class LibraryLink(TypedDict):
    """One item to open."""

    public_id: str
    title: str


class LibraryGroup(TypedDict):
    """The information about one life domain."""

    heading: str
    items: list[LibraryLink]


class LibraryState(rx.State):
    """Published information, grouped by life domain."""

    groups: list[LibraryGroup] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the library in the participant's language."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        with db_session() as session:
            rows = library(session, viewer, lang=lang)
        groups: dict[str, LibraryGroup] = {}
        for row in rows:
            if row["kind"] != "info":
                continue  # lessons have their own page, "Digitale vaardigheden"
            heading = row["life_domain"] or gettext(OTHER_TOPICS, lang)
            group = groups.setdefault(heading, LibraryGroup(heading=heading, items=[]))
            group["items"].append(LibraryLink(public_id=row["public_id"], title=row["title"]))
        self.groups = list(groups.values())
        self.loaded = True
        return None


class ContentState(rx.State):
    """One information item to read."""

    title: str = ""
    body: str = ""
    notice: str = ""
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Show the item in the URL (published only)."""
        self.title, self.body = "", ""
        return await run_and_show(
            self,
            await authenticate(self, Role.PARTICIPANT),
            lambda s, v, lang: content_item(
                s, v, content_public_id=route_parameter(self, ROUTE_PARAMETER), lang=lang
            ),
            self._show,
        )

    async def _show(self, view: ContentView, lang: str) -> None:
        self.title, self.body = view["title"], view["body"]


class DigitalSkillsState(rx.State):
    """The lessons of the digital-skills track and how many are done."""

    lessons: list[LessonRow] = []
    done: int = 0
    total: int = 0
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the track with the participant's progress."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        with db_session() as session:
            track = track_progress(session, viewer, participant_id=viewer.user_id, lang=lang)
        self.lessons, self.done, self.total = track["lessons"], track["done"], track["total"]
        self.loaded = True
        return None


class LessonState(rx.State):
    """One lesson: its text, and its check (questions in AnswerFormState)."""

    public_id: str = ""
    title: str = ""
    body: str = ""
    done: bool = False
    score: str = ""
    has_check: bool = False
    notice: str = ""
    error: str = ""
    loaded: bool = False

    async def _show(self, view: LessonView, lang: str) -> None:
        content = view["content"]
        self.public_id, self.title, self.body = (
            content["public_id"],
            content["title"],
            content["body"],
        )
        self.done = view["done"]
        self.has_check = bool(content["questions"])
        self.score = (
            gettext(SCORE, lang).format(right=view["right"], scored=view["scored"])
            if view["done"] and view["scored"]
            else ""
        )
        form = await self.get_state(AnswerFormState)
        form._fill(content["questions"], view["answers"], locked=view["done"])

    def _public_id(self) -> object:
        return route_parameter(self, ROUTE_PARAMETER)

    @rx.event
    async def load(self):
        """Show the lesson in the URL."""
        self.public_id = ""
        return await run_and_show(
            self,
            await authenticate(self, Role.PARTICIPANT),
            lambda s, v, lang: lesson_detail(s, v, content_public_id=self._public_id(), lang=lang),
            self._show,
        )

    @rx.event
    async def submit(self):
        """Hand in the check; the lesson then counts as done."""
        return await run_and_show(
            self,
            await authenticate(self, Role.PARTICIPANT),
            lambda s, v, lang, answers: lesson_check_submit(
                s, v, content_public_id=self._public_id(), answers=answers, lang=lang
            ),
            self._show,
            notice=CHECK_DONE,
            with_answers=True,
        )
