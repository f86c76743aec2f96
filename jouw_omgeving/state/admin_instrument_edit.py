"""Editing one instrument version's texts and pictograms (a used version gets a successor)."""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import instruments_admin
from jouw_omgeving.services.errors import NotFound, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import form_text, is_short_text, message
from jouw_omgeving.state.admin_instruments import AdminInstrumentsState
from jouw_omgeving.state.session import authenticate

SAVED = N_("Opgeslagen.")
NEW_VERSION = N_(
    "Opgeslagen als nieuwe versie: de oude versie is al ingevuld en blijft zoals hij was."
)
FIELD_MAX = 400


class DomainForm(TypedDict):
    """One domain with its texts in both languages."""

    key: str
    target: str
    name_nl: str
    name_en: str
    question_nl: str
    question_en: str
    pictogram: str


class LevelForm(TypedDict):
    """One scale point with its label in both languages."""

    value: str
    target: str
    label_nl: str
    label_en: str
    pictogram: str


def _texts(form_data: object, field: str) -> dict[str, str]:
    """``{"nl": …, "en": …}`` from the form's ``<field>_nl`` and ``<field>_en`` inputs."""
    texts = {
        lang: form_text(form_data, f"{field}_{lang}", max_length=FIELD_MAX) for lang in ["nl", "en"]
    }
    return {lang: text for lang, text in texts.items() if text.strip()}


class AdminInstrumentEditState(rx.State):
    """The opened instrument version and the one row being edited."""

    public_id: str = ""
    title: str = ""
    version: int = 0
    newest: bool = False
    domains: list[DomainForm] = []
    levels: list[LevelForm] = []
    editing: str = ""  # "domain:<key>" or "level:<value>"
    error: str = ""
    notice: str = ""

    def _fill(self, detail: instruments_admin.InstrumentDetail) -> None:
        summary, data = detail["summary"], detail["file"]
        self.public_id, self.version = summary["public_id"], summary["version"]
        self.title, self.newest = summary["name"], summary["newest"]
        self.domains = [
            DomainForm(
                key=d["key"],
                target=f"domain:{d['key']}",
                name_nl=d["name"].get("nl", ""),
                name_en=d["name"].get("en", ""),
                question_nl=d["question"].get("nl", ""),
                question_en=d["question"].get("en", ""),
                pictogram=d["pictogram"],
            )
            for d in data["domains"]
        ]
        self.levels = [
            LevelForm(
                value=str(lv["value"]),
                target=f"level:{lv['value']}",
                label_nl=lv["label"].get("nl", ""),
                label_en=lv["label"].get("en", ""),
                pictogram=lv["pictogram"],
            )
            for lv in data["levels"]
        ]

    async def _open(self, viewer: Viewer, public_id: object) -> bool:
        try:
            with db_session() as session:
                detail = instruments_admin.instrument_detail(
                    session, viewer, instrument_public_id=public_id
                )
        except ServiceError as refusal:
            self.public_id, self.domains, self.levels = "", [], []
            self.error = await message(self, refusal.message_id)
            return False
        self._fill(detail)
        return True

    @rx.event
    async def open(self, instrument_public_id: str):
        """Show one instrument version's domains and scale."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice, self.editing = "", "", ""
        await self._open(
            viewer, instrument_public_id if is_short_text(instrument_public_id) else ""
        )
        return None

    @rx.event
    async def edit(self, target: str):
        """Open the form of one domain (``domain:<key>``) or scale point (``level:<value>``)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        known = {row["target"] for row in [*self.domains, *self.levels]}
        if not self.newest or not is_short_text(target, 80) or target not in known:
            self.error = await message(self, NotFound.message_id)
            return None
        self.editing, self.error, self.notice = target, "", ""
        return None

    @rx.event
    async def cancel(self):
        """Close the form without saving."""
        viewer = await authenticate(self, Role.ADMIN)
        self.editing = ""
        return None if isinstance(viewer, Viewer) else viewer

    @rx.event
    async def save(self, form_data: dict):
        """Store the open form; a version already filled in gets a new version instead."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        kind, _, which = self.editing.partition(":")
        self.error, self.notice = "", ""
        try:
            with db_session() as session:
                changed = self._change(session, viewer, kind, which, form_data)
                new_id, new_version = str(changed.public_id), changed.version
        except ServiceError as refusal:
            self.error = await message(self, refusal.message_id)
            return None
        grew = new_version != self.version
        self.editing = ""
        await self._open(viewer, new_id)
        self.notice = await message(self, NEW_VERSION if grew else SAVED)
        return AdminInstrumentsState.load

    def _change(self, session, viewer: Viewer, kind: str, which: str, form_data: object):
        pictogram = form_text(form_data, "pictogram", max_length=60)
        common = {"instrument_public_id": self.public_id, "pictogram": pictogram}
        if kind == "domain":
            return instruments_admin.instrument_domain_edit(
                session,
                viewer,
                domain_key=which,
                name=_texts(form_data, "name"),
                question=_texts(form_data, "question"),
                **common,
            )
        if kind == "level" and which.lstrip("-").isdigit():
            return instruments_admin.instrument_level_edit(
                session, viewer, value=int(which), label=_texts(form_data, "label"), **common
            )
        raise NotFound("nothing open to save")
