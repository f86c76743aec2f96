"""Mijn gegevens: everything stored about the participant, to read, print or download.

The readable page is built from the same export as the JSON download, so both always hold
the same data.
"""

import json
from datetime import date, datetime
from functools import partial
from typing import Any, TypedDict

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, format_date, gettext
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.my_data import participant_export
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.audit_words import CATEGORY_WORDS, access_sentence, moment, word
from jouw_omgeving.state.consent_words import HISTORY, YOU
from jouw_omgeving.state.session import SessionState, authenticate

MAX_LINES = 500
EXPORT_FILENAME = "mijn-gegevens.json"


class DataSection(TypedDict):
    """One heading of the readable export and its lines."""

    title: str
    lines: list[str]


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
        for entry in reversed(self.tables["audit_entry"]):
            if entry["outcome"] != "allowed" or entry["actor_id"] is None:
                continue
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


def readable_sections(export: dict[str, Any], lang: str) -> list[DataSection]:
    """The export as headed sections of plain lines (each at most :data:`MAX_LINES`)."""
    reader = _Reader(export, lang)
    sections = []
    for key, title in SECTION_TITLES.items():
        lines = getattr(reader, key)()[:MAX_LINES]
        sections.append(
            DataSection(title=gettext(title, lang), lines=lines or [gettext(NOTHING, lang)])
        )
    return sections


def _export_of(viewer: Viewer) -> dict[str, Any]:
    """The participant's export, read in a session of its own (runs in a worker thread)."""
    with db_session() as session:
        return participant_export(session, viewer)


class MyDataState(rx.State):
    """The readable export on the page; the JSON file only when asked for."""

    name: str = ""
    sections: list[DataSection] = []
    error: str = ""
    loaded: bool = False

    async def _export(self) -> tuple[dict[str, Any] | None, str, object]:
        viewer = await authenticate(self, Role.PARTICIPANT)
        lang = (await self.get_state(SessionState)).lang
        if not isinstance(viewer, Viewer):
            return None, lang, viewer
        try:
            # A long history takes a while: off the event loop, so others are not kept waiting.
            return await rx.run_in_thread(partial(_export_of, viewer)), lang, None
        except ServiceError as refusal:
            self.error = gettext(refusal.message_id, lang)
            return None, lang, None

    @rx.event
    async def load(self):
        """Show everything stored about the logged-in participant."""
        self.sections, self.name, self.error = [], "", ""
        export, lang, redirect = await self._export()
        if export is not None:
            self.name = export["tables"]["app_user"][0]["display_name"]
            self.sections = await rx.run_in_thread(partial(readable_sections, export, lang))
        self.loaded = True
        return redirect

    @rx.event
    async def download(self):
        """The whole export as a JSON file (built now, never kept in the browser's state)."""
        export, _lang, redirect = await self._export()
        if export is None:
            return redirect
        data = await rx.run_in_thread(partial(json.dumps, export, ensure_ascii=False, indent=2))
        return rx.download(data=data, filename=EXPORT_FILENAME, mime_type="application/json")
