"""The weekly check-in: how are you doing (1..5 faces) and an optional short text.

One per week: a second check-in in the same week updates the first (the page says so
before and after), see :mod:`jouw_omgeving.services.self_reports`.
"""

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import PARTICIPANT_PROGRESS
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.self_reports import (
    MAX_CHECK_IN_NOTE,
    MOOD_MAX,
    MOOD_MIN,
    NOTE_TOO_LONG,
    check_in_record,
    this_week_check_in,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.progress import ProgressState
from jouw_omgeving.state.session import SessionState, authenticate

CHOOSE_MOOD = N_("Kies eerst een gezichtje.")
SAVED_NEW = N_("Je check-in is opgeslagen. Dank je wel!")
SAVED_UPDATED = N_("Je check-in van deze week is aangepast.")


class CheckInState(rx.State):
    """This week's mood and note while the participant fills them in."""

    mood: int = 0
    note: str = ""
    already_this_week: bool = False
    error: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Start with this week's check-in when there is one (it will be updated)."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        with db_session() as session:
            existing = this_week_check_in(session, viewer, participant_id=viewer.user_id)
        self.already_this_week = existing is not None
        self.mood = existing["mood"] if existing else 0
        self.note = existing["note"] if existing else ""
        self.error = ""
        self.loaded = True
        return None

    @rx.event
    async def choose_mood(self, value: int):
        """Pick a face (1 = bad .. 5 = good); anything else is ignored."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        if isinstance(value, int) and not isinstance(value, bool) and MOOD_MIN <= value <= MOOD_MAX:
            self.mood = value
            self.error = ""
        return None

    @rx.event
    async def save(self, form_data: dict):
        """Store (or update) this week's check-in with the form's note; then show progress."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        lang = (await self.get_state(SessionState)).lang
        note = form_data.get("note", "") if isinstance(form_data, dict) else None
        if not isinstance(note, str) or len(note) > MAX_CHECK_IN_NOTE:
            self.error = gettext(NOTE_TOO_LONG, lang)
            return None
        self.note = note
        if not self.mood:
            self.error = gettext(CHOOSE_MOOD, lang)
            return None
        try:
            with db_session() as session:
                outcome = check_in_record(
                    session, viewer, participant_id=viewer.user_id, mood=self.mood, note=self.note
                )
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None
        message = SAVED_NEW if outcome == "created" else SAVED_UPDATED
        (await self.get_state(ProgressState))._announce(gettext(message, lang))
        self.mood, self.note, self.error = 0, "", ""
        return rx.redirect(PARTICIPANT_PROGRESS)
