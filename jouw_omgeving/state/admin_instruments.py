"""The admin's instruments page: the list, the choice per organisation, export and import.

Editing one instrument's texts is :mod:`jouw_omgeving.state.admin_instrument_edit`.
"""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services import instrument_transfer, instruments_admin
from jouw_omgeving.services.errors import InvalidInput, ServiceError
from jouw_omgeving.services.instrument_file import MAX_FILE_BYTES, TOO_BIG, InstrumentFileError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.admin_forms import form_text, is_short_text, message
from jouw_omgeving.state.session import authenticate

CHOSEN = N_("De keuze is opgeslagen. Nieuwe invullingen gebruiken dit instrument.")
IMPORTED = N_("Het instrument is geladen. Kies het bij een organisatie om het te gebruiken.")
PICK_ORGANISATION = N_("Kies eerst voor welke organisatie je het bestand laadt.")
WHERE = N_("Waar in het bestand:")


class InstrumentLine(TypedDict):
    """One instrument version in the list (numbers as text for the page)."""

    public_id: str
    key: str
    version: str
    name: str
    organisation: str
    active: bool
    newest: bool
    assessments: str
    domains: str


class AdminInstrumentsState(rx.State):
    """Every instrument version and which one each own organisation uses."""

    lines: list[InstrumentLine] = []
    usage: list[instruments_admin.OrganisationInstrument] = []
    import_organisation: str = ""
    error: str = ""
    notice: str = ""
    loaded: bool = False

    async def _refusal(self, refusal: ServiceError) -> str:
        text = await message(self, refusal.message_id)
        if isinstance(refusal, InstrumentFileError) and refusal.where:
            text = f"{text} {await message(self, WHERE)} {refusal.where}"
        return text

    @rx.event
    async def load(self):
        """The list and the choices, fresh from the database."""
        self.error, self.notice = "", ""
        return await self._show()

    async def _show(self):
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            with db_session() as session:
                rows = instruments_admin.instrument_list(session, viewer)
                self.usage = instruments_admin.instrument_usage(session, viewer)
        except ServiceError as refusal:
            self.lines, self.usage = [], []
            self.error = await self._refusal(refusal)
        else:
            self.lines = [
                InstrumentLine(
                    **{k: row[k] for k in ("public_id", "key", "name", "organisation")},
                    version=str(row["version"]),
                    active=row["active"],
                    newest=row["newest"],
                    assessments=str(row["assessments"]),
                    domains=str(row["domains"]),
                )
                for row in rows
            ]
        self.loaded = True
        return None

    @rx.event
    async def choose(self, form_data: dict):
        """Let one own organisation fill in the chosen instrument from now on."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        try:
            with db_session() as session:
                instruments_admin.instrument_choose(
                    session,
                    viewer,
                    organisation_public_id=form_text(form_data, "organisation", max_length=45),
                    instrument_public_id=form_text(form_data, "instrument", max_length=45),
                )
        except ServiceError as refusal:
            self.error = await self._refusal(refusal)
            return None
        self.notice = await message(self, CHOSEN)
        return await self._show()

    @rx.event
    async def export(self, instrument_public_id: str):
        """Download one instrument version as a JSON file."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error = ""
        try:
            with db_session() as session:
                name, data = instrument_transfer.instrument_export(
                    session, viewer, instrument_public_id=instrument_public_id
                )
        except ServiceError as refusal:
            self.error = await self._refusal(refusal)
            return None
        return rx.download(data=data, filename=name, mime_type="application/json")

    @rx.event
    async def pick_import_organisation(self, organisation_public_id: str):
        """Remember for which organisation the next file is loaded (checked on import)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.import_organisation = (
            organisation_public_id if is_short_text(organisation_public_id) else ""
        )
        return None

    @rx.event
    async def import_file(self, files: list[rx.UploadFile]):
        """Load one uploaded instrument file; a refused file changes nothing."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.error, self.notice = "", ""
        upload = files[0] if isinstance(files, list) and len(files) == 1 else None
        if upload is None or not callable(getattr(upload, "read", None)):
            return None  # only Reflex's upload endpoint hands over real files
        if not self.import_organisation:
            self.error = await message(self, PICK_ORGANISATION)
            return None
        raw = await upload.read(MAX_FILE_BYTES + 1)
        try:
            with db_session() as session:
                instrument_transfer.instrument_import(
                    session, viewer, organisation_public_id=self.import_organisation, raw=raw
                )
        except ServiceError as refusal:
            self.error = await self._refusal(refusal)
            return None
        self.notice = await message(self, IMPORTED)
        return await self._show()

    @rx.event
    async def file_refused(self, _rejections: list):
        """The browser refused the file before sending it (too big or not JSON)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        self.notice, self.error = "", await self._refusal(InvalidInput(TOO_BIG))
        return None
