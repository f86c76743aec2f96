"""``/deelnemer/netwerk``: the participant sees, invites and ends who is in their network.

One task per screen: the list ("list"), the invite form ("invite"), the new code ("code")
and the confirmation before someone is taken out of the network ("end"). The plain code
is shown only on the "code" screen right after it was made, and forgotten when leaving it.
"""

from datetime import datetime
from typing import TypedDict
from zoneinfo import ZoneInfo

import reflex as rx
from reflex.config import get_config

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import ACTIVATE
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.network_invites import (
    RELATIONS,
    NetworkRow,
    invite_cancel,
    network_end,
    network_invite,
    network_list,
)
from jouw_omgeving.services.qr import qr_data_uri
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.session import SessionState, authenticate

MAX_NAME_INPUT = 200
MAX_RELATION_INPUT = 20
_DUTCH_TIME = ZoneInfo("Europe/Amsterdam")

STATUS_WORDS = {
    "active": N_("Doet mee sinds {date}"),
    "invited": N_("Uitgenodigd op {date}. De code is nog niet gebruikt."),
    "expired": N_("Uitgenodigd op {date}. De code werkt niet meer."),
}
SEES_NOTHING = N_("Ziet nog geen doelen van je.")
SEES_GOALS = N_("Ziet deze doelen:")
GIVE_CODE = N_("Geef deze code aan {name}. De code werkt 7 dagen en één keer.")
ENDED = N_("{name} zit niet meer in je netwerk en ziet niets meer van je.")
CANCELLED = N_("De uitnodiging voor {name} is gestopt. De code werkt niet meer.")


class MemberView(TypedDict):
    """One row of "Mijn netwerk", in the participant's language."""

    member_public_id: str
    name: str
    relation: str
    status: str
    status_text: str
    sees_text: str
    shared_goals: list[str]


class RelationChoice(TypedDict):
    """An option of the relation picker."""

    value: str
    label: str


def member_view(row: NetworkRow, lang: str, *, sees_nothing: str = SEES_NOTHING) -> MemberView:
    """One network row in words; staff pass their own ``sees_nothing`` (no "je")."""
    day = format_date(row["since"].astimezone(_DUTCH_TIME).date(), lang)
    return MemberView(
        member_public_id=row["member_public_id"],
        name=row["name"],
        relation=gettext(RELATIONS.get(row["relation"], row["relation"]), lang),
        status=row["status"],
        status_text=gettext(STATUS_WORDS[row["status"]], lang).format(date=day),
        sees_text=gettext(SEES_GOALS if row["shared_goals"] else sees_nothing, lang),
        shared_goals=row["shared_goals"],
    )


def _text(form_data: object, name: str, max_length: int) -> str | None:
    value = form_data.get(name) if isinstance(form_data, dict) else None
    if not isinstance(value, str) or len(value) > max_length:
        return None
    return value


class NetworkManageState(rx.State):
    """The participant's own network, one screen at a time."""

    screen: str = "list"  # "list", "invite", "code" or "end"
    members: list[MemberView] = []
    relations: list[RelationChoice] = []
    code: str = ""
    qr: str = ""
    link: str = ""
    code_text: str = ""
    expires: str = ""
    chosen_id: str = ""
    chosen_name: str = ""
    chosen_status: str = ""
    notice: str = ""
    error: str = ""
    loaded: bool = False

    async def _viewer_and_lang(self) -> tuple[Viewer | rx.event.EventSpec, str]:
        viewer = await authenticate(self, Role.PARTICIPANT)
        return viewer, (await self.get_state(SessionState)).lang

    def _forget_code(self) -> None:
        self.code, self.qr, self.link, self.code_text, self.expires = "", "", "", "", ""

    def _refresh(self, viewer: Viewer, lang: str) -> None:
        with db_session() as session:
            rows = network_list(session, viewer)
        self.members = [member_view(row, lang) for row in rows]

    @rx.event
    async def load(self):
        """Show the list of the logged-in participant's network."""
        self.screen, self.error, self.notice = "list", "", ""
        self._forget_code()
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self.relations = [
            RelationChoice(value=value, label=gettext(msgid, lang))
            for value, msgid in RELATIONS.items()
        ]
        try:
            self._refresh(viewer, lang)
        except ServiceError as refusal:
            self.members = []
            self.error = gettext(refusal.message_id, lang)
        self.loaded = True
        return None

    @rx.event
    async def start_invite(self):
        """Go to the invite form."""
        viewer, _lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        self.screen, self.error, self.notice = "invite", "", ""
        return None

    @rx.event
    async def back_to_list(self):
        """Back to the (fresh) list; a code on screen is forgotten."""
        self.screen, self.error = "list", ""
        self._forget_code()
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            self._refresh(viewer, lang)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        return None

    def _base_url(self) -> str:
        deploy = get_config().deploy_url or ""
        return (deploy or self.router.headers.origin or "").rstrip("/")

    @rx.event
    async def invite(self, form_data: dict):
        """Make the invite and show its code (and QR code) once."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        name = _text(form_data, "name", MAX_NAME_INPUT)
        relation = _text(form_data, "relation", MAX_RELATION_INPUT)
        try:
            with db_session() as session:
                made = network_invite(session, viewer, display_name=name, relation=relation)
                session.commit()
            self._refresh(viewer, lang)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        plain = made["code"].replace("-", "")
        self.code = made["code"]
        self.link = f"{self._base_url()}{ACTIVATE}"
        self.qr = qr_data_uri(f"{self.link}?code={plain}")
        self.code_text = gettext(GIVE_CODE, lang).format(name=made["name"])
        self.expires = self._day(made["expires_at"], lang)
        self.screen, self.error = "code", ""
        return None

    @staticmethod
    def _day(moment: datetime, lang: str) -> str:
        return format_date(moment.astimezone(_DUTCH_TIME).date(), lang)

    @rx.event
    async def ask_end(self, member_public_id: str):
        """Ask "are you sure?" before someone is taken out of the network."""
        viewer, _lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        chosen = next((m for m in self.members if m["member_public_id"] == member_public_id), None)
        if parse_public_id(member_public_id) is None or chosen is None:
            self.screen = "list"
            return None
        self.chosen_id, self.chosen_name = chosen["member_public_id"], chosen["name"]
        self.chosen_status = chosen["status"]
        self.screen, self.error, self.notice = "end", "", ""
        return None

    @rx.event
    async def confirm_end(self):
        """End the chosen membership (or withdraw the unused invite) now."""
        viewer, lang = await self._viewer_and_lang()
        if not isinstance(viewer, Viewer):
            return viewer
        member_public_id, name = self.chosen_id, self.chosen_name
        active = self.chosen_status == "active"
        self.chosen_id = self.chosen_name = self.chosen_status = ""
        self.screen = "list"
        if not member_public_id:  # nobody was chosen on this tab
            return None
        try:
            with db_session() as session:
                change = network_end if active else invite_cancel
                change(session, viewer, member_public_id=member_public_id)
                session.commit()
            self.notice = gettext(ENDED if active else CANCELLED, lang).format(name=name)
            self._refresh(viewer, lang)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
        return None
