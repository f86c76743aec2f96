"""The admin's audit-log search: filters from a form, validated here and in the service."""

from datetime import date, datetime, time, timedelta
from typing import TypedDict
from zoneinfo import ZoneInfo

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.audit_log import AuditRow, audit_search
from jouw_omgeving.services.errors import InvalidInput, ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.audit_words import (
    ACTION_WORDS,
    CATEGORY_WORDS,
    OUTCOME_WORDS,
    ROLE_WORDS,
    moment,
    word,
)
from jouw_omgeving.state.session import SessionState, authenticate

PAGE_SIZE = 50
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_TEXT_FIELDS = ("actor_username", "participant_username", "category", "outcome")
_MAX_FIELD_LENGTH = 60


class AuditLine(TypedDict):
    """One audit entry, every field already in words for the table."""

    when: str
    actor: str
    role: str
    organisation: str
    participant: str
    action: str
    category: str
    outcome: str
    refused: bool
    client_address: str
    detail: str


def _day(value: str, *, end: bool) -> datetime | None:
    """A form date (YYYY-MM-DD) as the start of that Dutch day (or of the next one)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as error:
        raise InvalidInput(N_("Vul een geldige datum in."), value[:20]) from error
    start = datetime.combine(day, time(0), tzinfo=_AMSTERDAM)
    return start + timedelta(days=1) if end else start


def parse_filters(form_data: object) -> dict:
    """Turn untrusted form data into the service's keyword filters (or refuse it)."""
    if not isinstance(form_data, dict):
        raise InvalidInput(N_("Kies een waarde uit de lijst."), "form data is not a dict")
    values = {}
    for name in (*_TEXT_FIELDS, "since", "until"):
        value = form_data.get(name, "")
        if not isinstance(value, str) or len(value) > _MAX_FIELD_LENGTH:
            raise InvalidInput(N_("Kies een waarde uit de lijst."), f"{name}: {value!r}"[:80])
        values[name] = value.strip()
    filters = {name: values[name] or None for name in _TEXT_FIELDS}
    filters["since"] = _day(values["since"], end=False)
    filters["until"] = _day(values["until"], end=True)
    return filters


def _line(row: AuditRow, lang: str) -> AuditLine:
    def person(name: str, username: str) -> str:
        return f"{name} ({username})" if username else name

    return AuditLine(
        when=moment(datetime.fromisoformat(row["occurred_at"]), lang),
        actor=person(row["actor_name"], row["actor_username"]),
        role=word(ROLE_WORDS, row["actor_role"], lang),
        organisation=row["actor_organisation"],
        participant=person(row["participant_name"], row["participant_username"]),
        action=word(ACTION_WORDS, row["action"], lang),
        category=word(CATEGORY_WORDS, row["category"], lang),
        outcome=word(OUTCOME_WORDS, row["outcome"], lang),
        refused=row["outcome"] == "refused",
        client_address=row["client_address"],
        detail=row["detail"],
    )


class AuditSearchState(rx.State):
    """One page of audit entries for the current filters."""

    lines: list[AuditLine] = []
    page: int = 1
    has_next: bool = False
    error: str = ""
    loaded: bool = False
    _filters: dict = {}

    @rx.event
    async def load(self):
        """The newest entries, without filters."""
        self._filters = {}
        return await self._show(1)

    @rx.event
    async def search(self, form_data: dict):
        """Apply the filters from the form (validated: a browser may send anything)."""
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        try:
            self._filters = parse_filters(form_data)
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, await self._lang())
            return None
        return await self._show(1)

    @rx.event
    async def next_page(self):
        """Older entries."""
        return await self._show(self.page + 1)

    @rx.event
    async def previous_page(self):
        """Newer entries."""
        return await self._show(max(1, self.page - 1))

    async def _lang(self) -> str:
        return (await self.get_state(SessionState)).lang

    async def _show(self, page: int):
        viewer = await authenticate(self, Role.ADMIN)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = await self._lang()
        self.error = ""
        try:
            with db_session() as session:
                result = audit_search(
                    session, viewer, **self._filters, page=page, page_size=PAGE_SIZE
                )
        except ServiceError as refusal:
            self.lines, self.has_next = [], False
            self.error = gettext(refusal.message_id, lang)
        else:
            self.lines = [_line(row, lang) for row in result["rows"]]
            self.page, self.has_next = result["page"], result["has_next"]
        self.loaded = True
        return None
