"""The participant's "Wie kijkt mee": switches per organisation x category, requests, history.

Each change goes in two steps: ``ask`` (the page shows exactly what will happen) and
``confirm`` (the service stores it). What is being changed stays in a backend var between
the two, so a browser cannot swap it; every argument is validated as untrusted input.
"""

from typing import TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.consent import (
    consent_answer,
    consent_give,
    consent_withdraw,
)
from jouw_omgeving.services.consent_read import consent_history, consent_overview
from jouw_omgeving.services.consent_rules import check_category, check_end_date, dutch_today
from jouw_omgeving.services.errors import InvalidInput, ServiceError
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state import consent_words as words
from jouw_omgeving.state.session import SessionState, authenticate

KINDS = ("grant", "withdraw", "accept", "decline")
SAVED = N_("Opgeslagen.")
GONE = N_("Dit kan nu niet meer. Kijk nog eens op de pagina.")


class ConsentSwitch(TypedDict):
    """One category of one organisation: on or off, in words, and its button's name."""

    organisation_public_id: str
    category: str
    label: str
    icon: str
    active: bool
    status_text: str
    button_label: str


class ConsentOrganisation(TypedDict):
    """A partner organisation with its three switches."""

    organisation_public_id: str
    name: str
    switches: list[ConsentSwitch]


class ConsentRequestLine(TypedDict):
    """A counsellor's request waiting for the participant's answer."""

    organisation_public_id: str
    category: str
    last_day: str
    text: str


class ConsentHistoryLine(TypedDict):
    """One recorded change in words, and when."""

    sentence: str
    when: str


class ConsentState(rx.State):
    """The logged-in participant's consents."""

    organisations: list[ConsentOrganisation] = []
    requests: list[ConsentRequestLine] = []
    history: list[ConsentHistoryLine] = []
    error: str = ""
    notice: str = ""
    loaded: bool = False
    confirm_open: bool = False
    confirm_text: str = ""
    confirm_takes_date: bool = False
    end_date: str = ""
    dialog_error: str = ""
    # What the open confirmation is about (set by ask, used by confirm); never from the browser.
    _change: dict = {}

    async def _viewer_and_lang(self) -> tuple[Viewer | None, str, object]:
        viewer = await authenticate(self, Role.PARTICIPANT)
        lang = (await self.get_state(SessionState)).lang
        if not isinstance(viewer, Viewer):
            return None, lang, viewer
        return viewer, lang, None

    @rx.event
    async def load(self):
        """Fill the page for the logged-in participant."""
        viewer, lang, redirect = await self._viewer_and_lang()
        if viewer is None:
            return redirect
        self._close()
        self.notice = ""
        self._refresh(viewer, lang)
        return None

    def _refresh(self, viewer: Viewer, lang: str) -> None:
        self.error = ""
        try:
            with db_session() as session:
                overview = consent_overview(session, viewer, participant_id=viewer.user_id)
                history = consent_history(session, viewer, participant_id=viewer.user_id)
        except ServiceError as refusal:
            self.organisations, self.requests, self.history = [], [], []
            self.error = gettext(refusal.message_id, lang)
        else:
            self.organisations = [_organisation(o, lang) for o in overview]
            self.requests = [
                ConsentRequestLine(
                    organisation_public_id=o["organisation_public_id"],
                    category=c["category"],
                    last_day=c["last_day"],
                    text=words.request_text(
                        o["organisation_name"], c["category"], c["last_day"], lang
                    ),
                )
                for o in overview
                for c in o["cells"]
                if c["status"] == "requested"
            ]
            self.history = [
                ConsentHistoryLine(
                    sentence=words.history_sentence(row, lang),
                    when=words.history_moment(row["recorded_at"], lang),
                )
                for row in history
            ]
        self.loaded = True

    @rx.event
    async def ask(self, organisation_public_id: str, category: str, kind: str):
        """Open the confirmation for one change; nothing is stored yet."""
        viewer, lang, redirect = await self._viewer_and_lang()
        if viewer is None:
            return redirect
        self._close()
        self.notice = ""
        found = self._find(organisation_public_id, category, kind)
        if found is None:
            self.error = gettext(GONE, lang)
            return None
        name, last_day = found
        self._change = {
            "organisation_public_id": organisation_public_id,
            "organisation_name": name,
            "category": category,
            "kind": kind,
            "last_day": last_day,
        }
        self.confirm_takes_date = kind == "grant"
        self.confirm_text = words.confirmation(kind, name, category, last_day, lang)
        self.confirm_open = True
        return None

    def _find(self, organisation_public_id: object, category: object, kind: object):
        """(organisation name, proposed last day) when this change fits what the page shows."""
        if kind not in KINDS or parse_public_id(organisation_public_id) is None:
            return None
        try:
            check_category(category)
        except InvalidInput:
            return None
        names = {o["organisation_public_id"]: o["name"] for o in self.organisations}
        if kind in ("accept", "decline"):
            for request in self.requests:
                if (request["organisation_public_id"], request["category"]) == (
                    organisation_public_id,
                    category,
                ):
                    return names[organisation_public_id], request["last_day"]
            return None
        for organisation in self.organisations:
            for switch in organisation["switches"]:
                if (
                    switch["organisation_public_id"] == organisation_public_id
                    and switch["category"] == category
                    and switch["active"] == (kind == "withdraw")
                ):
                    return organisation["name"], ""
        return None

    @rx.event
    async def set_end_date(self, value: str):
        """The optional end date of a consent being given (a date input's "YYYY-MM-DD")."""
        viewer, lang, redirect = await self._viewer_and_lang()
        if viewer is None:
            return redirect
        if not self._change or self._change.get("kind") != "grant":
            return None
        self.dialog_error = ""
        try:
            last_day = check_end_date(value, dutch_today(utcnow()))
        except InvalidInput as refusal:
            self.dialog_error = gettext(refusal.message_id, lang)
            self.end_date = value if isinstance(value, str) and len(value) <= 10 else ""
            self._change = {**self._change, "date_ok": False}  # confirm waits for a fix
            return None
        self._change = {**self._change, "date_ok": True}
        self.end_date = last_day.isoformat() if last_day else ""
        self._change = {**self._change, "last_day": self.end_date}
        change = self._change
        self.confirm_text = words.confirmation(
            "grant", change["organisation_name"], change["category"], self.end_date, lang
        )
        return None

    @rx.event
    async def confirm(self):
        """Store the change that the open confirmation describes."""
        viewer, lang, redirect = await self._viewer_and_lang()
        if viewer is None:
            return redirect
        change = self._change
        if not change or change.get("date_ok") is False:
            return None
        arguments = {
            "organisation_public_id": change["organisation_public_id"],
            "category": change["category"],
        }
        try:
            with db_session() as session:
                _store(session, viewer, change["kind"], arguments, self.end_date)
        except ServiceError as refusal:
            self.dialog_error = gettext(refusal.message_id, lang)
            return None
        self._close()
        self._refresh(viewer, lang)
        self.notice = gettext(SAVED, lang)
        return None

    @rx.event
    async def cancel(self):
        """Close the confirmation without changing anything."""
        self._close()
        viewer = await authenticate(self, Role.PARTICIPANT)
        return viewer if not isinstance(viewer, Viewer) else None

    def _close(self) -> None:
        self._change = {}
        self.confirm_open = False
        self.confirm_text = ""
        self.confirm_takes_date = False
        self.end_date = ""
        self.dialog_error = ""


def _store(session, viewer: Viewer, kind: str, arguments: dict, end_date: str) -> None:
    mine = {"participant_id": viewer.user_id, **arguments}
    if kind == "grant":
        consent_give(session, viewer, ends_on=end_date or None, **mine)
    elif kind == "withdraw":
        consent_withdraw(session, viewer, **mine)
    else:
        consent_answer(session, viewer, accept=kind == "accept", **arguments)


def _organisation(overview, lang: str) -> ConsentOrganisation:
    name = overview["organisation_name"]
    return ConsentOrganisation(
        organisation_public_id=overview["organisation_public_id"],
        name=name,
        switches=[
            ConsentSwitch(
                organisation_public_id=overview["organisation_public_id"],
                category=cell["category"],
                label=words.label(cell["category"], lang),
                icon=words.CATEGORY_ICONS[cell["category"]],
                active=cell["active"],
                status_text=words.status_text(cell["status"], cell["last_day"], lang),
                button_label=words.button_label(cell["active"], name, cell["category"], lang),
            )
            for cell in overview["cells"]
        ],
    )
