"""The content editor's form on screen: texts per language, tags, questions, live preview.

These handlers only change what is on screen (nothing is read or stored), so they need no
session; saving and publishing (``state/content_editor.py``) authenticate and the service
checks everything again. The browser may call them with anything: indexes, languages and
types are checked and texts are capped. The preview is made the way a participant's page
is: ``safe_markdown`` on the text, the questions through ``AnswerFormState``.
"""

from typing import Any, TypedDict

import reflex as rx

from jouw_omgeving.services import content_rules as rules
from jouw_omgeving.services.content_text import question_views, safe_markdown
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.state.assignments_form import AnswerFormState

# Room beyond the service's limits, so a too-long text gets the service's plain sentence.
_SLACK = 1_000


class EditorQuestion(TypedDict):
    """A question as the editor builds it."""

    key: str
    type: str
    prompt: dict[str, str]
    options: list[dict[str, str]]


def _blank() -> dict[str, str]:
    return {"nl": "", "en": ""}


def editor_questions(questions: list[dict[str, Any]]) -> list[EditorQuestion]:
    """Stored questions shaped for the editor (every language present, options always a list)."""
    return [
        EditorQuestion(
            key=str(q.get("key", "")),
            type=str(q.get("type", "text")),
            prompt=_blank() | dict(q.get("prompt") or {}),
            options=[_blank() | dict(o) for o in q.get("options") or []],
        )
        for q in questions
    ]


def _capped(value: object, maximum: int) -> str | None:
    return value[: maximum + _SLACK] if isinstance(value, str) else None


def _is_index(value: object, count: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count


class ContentFormState(rx.State):
    """What the editor typed so far, and the preview of it in the chosen language."""

    kind: str = "assignment"
    tab: str = "nl"
    title: dict[str, str] = _blank()
    body: dict[str, str] = _blank()
    domain: str = ""
    questions: list[EditorQuestion] = []
    preview_title: str = ""
    preview_body: str = ""

    async def _fill(self, kind: str, title: dict, body: dict, domain: str, questions: list) -> None:
        """Show stored content (or an empty form) in the editor; called by the editor state."""
        self.kind, self.tab, self.domain = kind, "nl", domain
        self.title, self.body = _blank() | dict(title), _blank() | dict(body)
        self.questions = editor_questions(questions)
        await self._refresh()

    def _has_option(self, index: object, option: object) -> bool:
        return _is_index(index, len(self.questions)) and _is_index(
            option, len(self.questions[index]["options"])
        )

    def _draft(self) -> dict[str, Any]:
        """The form as the service takes it."""
        questions = self.questions if self.kind == "assignment" else []
        return {
            "title": dict(self.title),
            "body": dict(self.body),
            "life_domain_key": self.domain,
            "questions": [dict(q) for q in questions],
        }

    async def _refresh(self) -> None:
        self.preview_title = translated(self.title, self.tab)
        self.preview_body = safe_markdown(translated(self.body, self.tab))
        questions = self._draft()["questions"]
        form = await self.get_state(AnswerFormState)
        form._fill(question_views(questions, self.tab), {}, locked=False)

    @rx.event
    async def set_tab(self, lang: str):
        """Switch the language being written and previewed."""
        if lang in rules.LANGUAGES:
            self.tab = lang
            await self._refresh()

    @rx.event
    async def set_kind(self, kind: str):
        """Information page or assignment (only while the item is new)."""
        if kind in rules.AUTHORED_KINDS:
            self.kind = kind
            await self._refresh()

    @rx.event
    async def set_title(self, value: str):
        """Typing the title in the chosen language."""
        if (text := _capped(value, rules.MAX_TITLE)) is not None:
            self.title[self.tab] = text
            await self._refresh()

    @rx.event
    async def set_body(self, value: str):
        """Typing the Markdown text in the chosen language."""
        if (text := _capped(value, rules.MAX_BODY)) is not None:
            self.body[self.tab] = text
            await self._refresh()

    @rx.event
    def set_domain(self, key: str):
        """Tag with a life domain ("" for none; the service checks the key)."""
        if isinstance(key, str) and len(key) <= 60:
            self.domain = "" if key == "none" else key

    @rx.event
    async def add_question(self, kind: str):
        """A new empty question of ``kind`` (choice questions start with two answers)."""
        if kind not in rules.QUESTION_TYPES or len(self.questions) >= rules.MAX_QUESTIONS:
            return
        used = {q["key"] for q in self.questions}
        key = next(f"q{n}" for n in range(1, rules.MAX_QUESTIONS + 2) if f"q{n}" not in used)
        options = {"text": 0, "choice": 2, "checklist": 1}[kind]
        self.questions.append(
            EditorQuestion(
                key=key, type=kind, prompt=_blank(), options=[_blank() for _ in range(options)]
            )
        )
        await self._refresh()

    @rx.event
    async def remove_question(self, index: int):
        """Take a question away."""
        if _is_index(index, len(self.questions)):
            self.questions.pop(index)
            await self._refresh()

    @rx.event
    async def move_question(self, index: int, step: int):
        """Move a question one place up (-1) or down (+1)."""
        if _is_index(index, len(self.questions)) and step in (-1, 1):
            other = index + step
            if 0 <= other < len(self.questions):
                rows = list(self.questions)
                rows[index], rows[other] = rows[other], rows[index]
                self.questions = rows
                await self._refresh()

    @rx.event
    async def set_prompt(self, index: int, value: str):
        """Typing a question in the chosen language."""
        text = _capped(value, rules.MAX_PROMPT)
        if _is_index(index, len(self.questions)) and text is not None:
            self.questions[index]["prompt"][self.tab] = text
            await self._refresh()

    @rx.event
    async def add_option(self, index: int):
        """One more answer (choice) or point (checklist)."""
        if (
            _is_index(index, len(self.questions))
            and self.questions[index]["type"] != "text"
            and len(self.questions[index]["options"]) < rules.MAX_OPTIONS
        ):
            self.questions[index]["options"].append(_blank())
            await self._refresh()

    @rx.event
    async def remove_option(self, index: int, option: int):
        """Take an answer away."""
        if self._has_option(index, option):
            self.questions[index]["options"].pop(option)
            await self._refresh()

    @rx.event
    async def move_option(self, index: int, option: int, step: int):
        """Move an answer one place up (-1) or down (+1)."""
        if not _is_index(index, len(self.questions)) or step not in (-1, 1):
            return
        options = list(self.questions[index]["options"])
        if _is_index(option, len(options)) and 0 <= option + step < len(options):
            options[option], options[option + step] = options[option + step], options[option]
            self.questions[index]["options"] = options
            await self._refresh()

    @rx.event
    async def set_option(self, index: int, option: int, value: str):
        """Typing an answer in the chosen language."""
        text = _capped(value, rules.MAX_OPTION)
        if text is not None and self._has_option(index, option):
            self.questions[index]["options"][option][self.tab] = text
            await self._refresh()
