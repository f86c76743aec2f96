"""Mijn gegevens: everything stored about the participant, to read, print or download.

The page shows each section page by page (the newest 50 lines, then "Meer
laden"), read in the export's own format, so page and file always agree. The whole file is
a plain HTTP download (:mod:`jouw_omgeving.http_my_data`): it is never built in the state.
"""

from datetime import date, datetime
from functools import partial
from typing import Any, TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import MY_DATA_FILE
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.my_data import my_data_section
from jouw_omgeving.services.my_data_file import FILENAME
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.audit_words import CATEGORY_WORDS, access_sentence, moment, word
from jouw_omgeving.state.consent_words import HISTORY, YOU
from jouw_omgeving.state.session import SessionState, authenticate

# The page stays small (the state is sent to the browser): at most this many lines per
# section, the rest is in the file. A very long message is cut on the page, not in the file.
MAX_SHOWN = 150
MAX_LINE = 500


class DataSection(TypedDict):
    """One heading of the readable export and the lines shown so far."""

    key: str
    title: str
    lines: list[str]
    count: int  # lines of data shown (0: the one line says there is nothing)
    more: bool  # "Meer laden" brings older lines
    in_file_only: bool  # more than the page shows: the rest is in the file


SECTION_TITLES = {
    "goals": N_("Doelen en stappen"),
    "assessments": N_("Hoe het gaat op je leefgebieden"),
    "messages": N_("Berichten"),
    "assignments": N_("Opdrachten"),
    "consents": N_("Toestemming"),
    "contacts": N_("Contact met je begeleider"),
    "appointments": N_("Afspraken"),
    "access": N_("Wie keek mee"),
}
DONE = N_("klaar")
NOTHING = N_("Niets.")
# Stored codes in plain words (goal and assignment status, contact kind, appointment status).
CODE_WORDS = {
    "active": N_("bezig"),
    "paused": N_("even gestopt"),
    "done": N_("klaar"),
    "stopped": N_("gestopt"),
    "open": N_("nog te doen"),
    "submitted": N_("ingeleverd"),
    "reviewed": N_("besproken"),
    "visit": N_("bezoek"),
    "phone": N_("telefoon"),
    "video": N_("video"),
    "platform": N_("online"),
    "planned": N_("gepland"),
    "cancelled": N_("afgezegd"),
}


def _day(iso: str | None, lang: str) -> str:
    if not iso:
        return ""
    value = datetime.fromisoformat(iso) if "T" in iso or " " in iso else date.fromisoformat(iso)
    return moment(value, lang) if isinstance(value, datetime) else format_date(value, lang)


def _in(translations: dict[str, str] | None, lang: str) -> str:
    translations = translations or {}
    return translations.get(lang) or translations.get("nl") or ""


class _Reader:
    """Turns the export's rows into plain lines, in the participant's language."""

    def __init__(self, export: dict[str, Any], lang: str) -> None:
        self.tables = export["tables"]
        self.refs = export["references"]
        self.lang = lang

    def code(self, value: str) -> str:
        return word(CODE_WORDS, value, self.lang)

    def person(self, user_id: object) -> str:
        person = self.refs["users"].get(str(user_id))
        return person["name"] if person else ""

    def goals(self) -> list[str]:
        steps: dict[int, list[dict]] = {}
        for step in self.tables["goal_step"]:
            steps.setdefault(step["goal_id"], []).append(step)
        lines = []
        for goal in self.tables["goal"]:
            lines.append(f"{goal['title']} ({self.code(goal['status'])})")
            for step in sorted(steps.get(goal["id"], []), key=lambda s: s["position"]):
                done = f" – {gettext(DONE, self.lang)}" if step["status"] == "done" else ""
                lines.append(f"    • {step['title']}{done}")
        return lines

    def assessments(self) -> list[str]:
        scores: dict[int, list[str]] = {}
        for score in self.tables["assessment_score"]:
            name = _in(self.refs["life_domains"].get(str(score["life_domain_id"])), self.lang)
            scores.setdefault(score["assessment_id"], []).append(f"{name} {score['score']}")
        return [
            f"{_day(a['taken_at'], self.lang)} – {self.person(a['assessor_id'])}: "
            + ", ".join(scores.get(a["id"], []))
            for a in self.tables["assessment"]
        ]

    def messages(self) -> list[str]:
        return [
            f"{_day(m['created_at'], self.lang)} – {self.person(m['sender_id'])}: {m['body']}"
            for m in self.tables["message"]
        ]

    def assignments(self) -> list[str]:
        return [
            f"{_in(self.refs['content'].get(str(a['content_id'])), self.lang)}"
            f" ({self.code(a['status'])})"
            for a in self.tables["assignment"]
        ]

    def consents(self) -> list[str]:
        lines = []
        for record in self.tables["consent_record"]:
            recorder = self.refs["users"].get(str(record["recorded_by_id"]), {})
            who = gettext(YOU, self.lang) if recorder.get("role") == "participant" else ""
            template = gettext(HISTORY.get(record["action"], HISTORY["grant"]), self.lang)
            sentence = template.format(
                who=who or recorder.get("name", ""),
                organisation=self.refs["organisations"].get(str(record["organisation_id"]), ""),
                what=word(CATEGORY_WORDS, record["category"], self.lang),
            )
            lines.append(f"{_day(record['recorded_at'], self.lang)} – {sentence}")
        return lines

    def contacts(self) -> list[str]:
        return [
            f"{_day(c['occurred_at'], self.lang)} – {self.code(c['kind'])}"
            f" – {self.person(c['counsellor_id'])}"
            for c in self.tables["contact_moment"]
        ]

    def appointments(self) -> list[str]:
        return [
            f"{_day(a['starts_at'], self.lang)} – {self.code(a['kind'])} ({self.code(a['status'])})"
            for a in self.tables["appointment"]
        ]

    def access(self) -> list[str]:
        lines = []
        for entry in self.tables["audit_entry"]:
            person = self.refs["users"].get(str(entry["actor_id"]), {})
            lines.append(
                access_sentence(
                    name=person.get("name", ""),
                    role=entry["actor_role"] or "",
                    organisation=self.refs["organisations"].get(
                        str(entry["actor_organisation_id"]), ""
                    ),
                    action=entry["action"],
                    category=entry["category"],
                    occurred_at=datetime.fromisoformat(entry["occurred_at"]),
                    lang=self.lang,
                )
            )
        return lines


def readable_lines(page: dict[str, Any], key: str, lang: str) -> list[str]:
    """The lines of one section's page (see :func:`my_data_section`), in ``lang``."""
    lines = getattr(_Reader(page, lang), key)()
    return [line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…" for line in lines]


def _pages_of(viewer: Viewer, wanted: dict[str, int | None], lang: str) -> dict[str, tuple]:
    """Per section its next page of lines and the cursor after it (runs in a worker thread)."""
    found = {}
    with db_session() as session:
        for key, older_than in wanted.items():
            page = my_data_section(session, viewer, section=key, older_than=older_than)
            found[key] = (readable_lines(page, key, lang), page["older_than"])
    return found


class MyDataState(rx.State):
    """The newest lines of each section, more on request; the file is a plain download."""

    name: str = ""
    sections: list[DataSection] = []
    error: str = ""
    loaded: bool = False
    # Per section the id below which the next, older page starts (absent: nothing more).
    _older: dict[str, int] = {}

    async def _read(self, wanted: dict[str, int | None]) -> tuple[dict[str, tuple], object]:
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return {}, viewer
        session_state = await self.get_state(SessionState)
        lang = session_state.lang
        self.name = session_state.display_name
        try:
            return await rx.run_in_thread(partial(_pages_of, viewer, wanted, lang)), None
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return {}, None

    @rx.event
    async def load(self):
        """Show the newest part of everything stored about the logged-in participant."""
        self.sections, self.name, self.error, self._older = [], "", "", {}
        pages, redirect = await self._read(dict.fromkeys(SECTION_TITLES))
        lang = (await self.get_state(SessionState)).lang
        self.sections = [
            self._section(key, title, pages[key], lang)
            for key, title in SECTION_TITLES.items()
            if key in pages
        ]
        self.loaded = True
        return redirect

    @rx.event
    async def load_more(self, key: str):
        """Add the next, older lines of one section (up to :data:`MAX_SHOWN`)."""
        if not isinstance(key, str) or key not in self._older:
            return None
        pages, redirect = await self._read({key: self._older[key]})
        if key not in pages:
            return redirect
        lang = (await self.get_state(SessionState)).lang
        self.sections = [
            self._section(key, SECTION_TITLES[key], pages[key], lang, section)
            if section["key"] == key
            else section
            for section in self.sections
        ]
        return redirect

    def _section(
        self,
        key: str,
        title: str,
        page: tuple[list[str], int | None],
        lang: str,
        shown: DataSection | None = None,
    ) -> DataSection:
        lines, older_than = page
        earlier = shown["lines"] if shown and shown["count"] else []
        lines = earlier + lines
        cut = len(lines) > MAX_SHOWN
        lines = lines[:MAX_SHOWN]
        more = older_than is not None and not cut and len(lines) < MAX_SHOWN
        # Reassigned, not changed in place, so the change is always saved with the state.
        others = {k: v for k, v in self._older.items() if k != key}
        self._older = {**others, key: older_than} if more else others
        return DataSection(
            key=key,
            title=gettext(title, lang),
            lines=lines or [gettext(NOTHING, lang)],
            count=len(lines),
            more=more,
            in_file_only=not more and (cut or older_than is not None),
        )

    @rx.event
    async def download(self):
        """Send the browser to the file (a plain download, streamed by the server)."""
        viewer = await authenticate(self, Role.PARTICIPANT)
        if not isinstance(viewer, Viewer):
            return viewer
        return rx.download(url=MY_DATA_FILE, filename=FILENAME)
