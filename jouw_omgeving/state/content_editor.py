"""Inhoud: the editors' list of content, and loading, saving and publishing one item.

Every data handler authenticates (admins and counsellors; the service refuses counsellors
without the editor right, audited). What was typed stays on screen when the service
refuses it, so nothing is lost on bad input.
"""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import CONTENT_NEW, content_editor
from jouw_omgeving.services import content_authoring as service
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.content_form import ContentFormState
from jouw_omgeving.state.participant_detail import route_parameter
from jouw_omgeving.state.session import SessionState, authenticate

ROUTE_PARAMETER = "content_public_id"
NEW = CONTENT_NEW.rsplit("/", 1)[-1]
SAVED = N_("Opgeslagen als concept. Deelnemers zien het pas na publiceren.")
PUBLISHED = N_("Gepubliceerd. Deelnemers en begeleiders zien nu deze versie.")
DRAFT = N_("Concept")
LIVE = N_("Gepubliceerd, versie {version}")
LIVE_WITH_DRAFT = N_("Gepubliceerd, versie {published}; versie {version} is een concept")
_KIND = {"assignment": N_("Opdracht"), "info": N_("Informatie")}


def status_words(row: dict, lang: str) -> str:
    """Concept / gepubliceerd with the version numbers, in ``lang``."""
    if not row["published_version"]:
        return gettext(DRAFT, lang)
    if row["has_draft"]:
        return gettext(LIVE_WITH_DRAFT, lang).format(
            published=row["published_version"], version=row["version"]
        )
    return gettext(LIVE, lang).format(version=row["published_version"])


class ContentListRow(TypedDict):
    """One line of the list."""

    public_id: str
    title: str
    kind_text: str
    status_text: str
    published: bool
    life_domain: str


def list_rows(rows: list[service.AuthoringRow], lang: str) -> list[ContentListRow]:
    """The service's rows in words for the list."""
    return [
        ContentListRow(
            public_id=r["public_id"],
            title=r["title"],
            kind_text=gettext(_KIND.get(r["kind"], _KIND["info"]), lang),
            status_text=status_words(r, lang),
            published=bool(r["published_version"]),
            life_domain=r["life_domain"],
        )
        for r in rows
    ]


class ContentListState(rx.State):
    """The information pages and assignments an editor may change."""

    rows: list[ContentListRow] = []
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Read the list (admins and editor counsellors only)."""
        viewer = await authenticate(self, Role.ADMIN, Role.COUNSELLOR)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        self.rows, self.error = [], ""
        try:
            with db_session() as session:
                rows = service.authoring_list(session, viewer, lang=lang)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        else:
            self.rows = list_rows(rows, lang)
        self.loaded = True
        return None


class ContentEditorState(rx.State):
    """The item in the URL (or a new one), its status and the life domains to tag it with."""

    public_id: str = ""
    status_text: str = ""
    domains: list[service.DomainChoice] = []
    allowed: bool = False
    error: str = ""
    notice: str = ""
    loaded: bool = False
    _keep_notice: str = ""

    async def _viewer(self) -> tuple[Viewer | rx.event.EventSpec, str]:
        viewer = await authenticate(self, Role.ADMIN, Role.COUNSELLOR)
        return viewer, (await self.get_state(SessionState)).lang

    @rx.event
    async def load(self):
        """Open the item in the URL, or an empty form for ``/inhoud/nieuw``."""
        viewer, lang = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice, self._keep_notice = "", self._keep_notice, ""
        self.loaded = False
        raw = route_parameter(self, ROUTE_PARAMETER)
        try:
            with db_session() as session:
                self.domains = service.authoring_domains(session, viewer, lang=lang)
                item = (
                    None
                    if raw == NEW
                    else service.authoring_item(session, viewer, content_public_id=raw)
                )
        except ServiceError as refusal:
            self.public_id, self.domains, self.allowed = "", [], False
            self.error = gettext(refusal.message_id, lang)
            self.loaded = True
            return None
        await self._show(item, lang)
        self.allowed, self.loaded = True, True
        return None

    async def _show(self, item: service.AuthoringItem | None, lang: str) -> None:
        """Fill the form with ``item`` (an empty assignment when ``None``)."""
        form = await self.get_state(ContentFormState)
        if item is None:
            self.public_id, self.status_text = "", gettext(DRAFT, lang)
            await form._fill("assignment", {}, {}, "", [])
            return
        self.public_id, self.status_text = item["public_id"], status_words(item, lang)
        await form._fill(
            item["kind"], item["title"], item["body"], item["life_domain_key"], item["questions"]
        )

    async def _store(self, session, viewer: Viewer) -> str:
        """Save the form (a new item, or an edit of the one in the URL); its public id."""
        form = await self.get_state(ContentFormState)
        if not self.public_id:
            item = service.content_create(session, viewer, kind=form.kind, draft=form._draft())
            return str(item.public_id)
        service.content_update(
            session, viewer, content_public_id=self.public_id, draft=form._draft()
        )
        return self.public_id

    @rx.event
    async def save(self):
        """Store the form as a draft (published versions stay as they are)."""
        return await self._change(publish=False)

    @rx.event
    async def publish(self):
        """Save the form and publish it (the page asks for a confirmation first)."""
        return await self._change(publish=True)

    async def _change(self, *, publish: bool):
        viewer, lang = await self._viewer()
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        was_new = not self.public_id
        try:
            with db_session() as session:
                public_id = await self._store(session, viewer)
                if publish:
                    service.content_publish(session, viewer, content_public_id=public_id)
                item = service.authoring_item(session, viewer, content_public_id=public_id)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        self.public_id, self.status_text = public_id, status_words(item, lang)
        message = gettext(PUBLISHED if publish else SAVED, lang)
        if was_new:
            self._keep_notice = message
            return rx.redirect(content_editor(public_id))
        self.notice = message
        return None
