"""The answers being typed on an assignment or a lesson check (one form per tab).

The browser may call these setters with anything: keys must belong to the questions on
screen, texts are capped, options must be offered. The services check everything again.
"""

from typing import Any, TypedDict

import reflex as rx

from jouw_omgeving.services.content_text import MAX_TEXT_ANSWER, QuestionView


class OptionRow(TypedDict):
    """An option as a radio button or checkbox: its index (as text) and its label."""

    value: str
    label: str


class QuestionRow(TypedDict):
    """A question on screen."""

    key: str
    type: str
    prompt: str
    options: list[OptionRow]


class AnswerFormState(rx.State):
    """Questions on screen and the answers so far, per question type."""

    questions: list[QuestionRow] = []
    texts: dict[str, str] = {}
    choices: dict[str, str] = {}
    ticks: dict[str, list[str]] = {}
    locked: bool = False
    _types: dict[str, str] = {}
    _counts: dict[str, int] = {}

    def _fill(self, questions: list[QuestionView], answers: dict[str, Any], locked: bool) -> None:
        """Show ``questions`` with the stored ``answers`` (called by page states)."""
        self.questions = [
            QuestionRow(
                key=q["key"],
                type=q["type"],
                prompt=q["prompt"],
                options=[OptionRow(value=str(i), label=o) for i, o in enumerate(q["options"])],
            )
            for q in questions
        ]
        self._types = {q["key"]: q["type"] for q in questions}
        self._counts = {q["key"]: len(q["options"]) for q in questions}
        self.texts = {k: str(answers.get(k) or "") for k, t in self._types.items() if t == "text"}
        self.choices = {
            k: str(answers[k]) if isinstance(answers.get(k), int) else ""
            for k, t in self._types.items()
            if t == "choice"
        }
        self.ticks = {
            k: [str(i) for i in answers.get(k) or [] if isinstance(i, int)]
            for k, t in self._types.items()
            if t == "checklist"
        }
        self.locked = locked

    def _collect(self) -> dict[str, Any]:
        """The answers as the services take them (indexes as numbers)."""
        answers: dict[str, Any] = {k: v for k, v in self.texts.items()}
        answers |= {k: int(v) for k, v in self.choices.items() if v.isdigit()}
        answers |= {k: sorted(int(v) for v in vs) for k, vs in self.ticks.items()}
        return answers

    def _is(self, key: object, kind: str) -> bool:
        return isinstance(key, str) and self._types.get(key) == kind and not self.locked

    def _option(self, key: str, value: object) -> bool:
        return (
            isinstance(value, str)
            and value.isdigit()
            and len(value) < 4
            and int(value) < self._counts.get(key, 0)
        )

    @rx.event
    def set_text(self, key: str, value: str):
        """Typing in a text answer (capped at the service's limit)."""
        if self._is(key, "text") and isinstance(value, str):
            self.texts[key] = value[:MAX_TEXT_ANSWER]

    @rx.event
    def set_choice(self, key: str, value: str):
        """Picking one option."""
        if self._is(key, "choice") and self._option(key, value):
            self.choices[key] = value

    @rx.event
    def set_tick(self, key: str, value: str, ticked: bool):
        """Ticking or unticking an option of a checklist."""
        if not self._is(key, "checklist") or not self._option(key, value):
            return
        current = [v for v in self.ticks.get(key, []) if v != value]
        self.ticks[key] = [*current, value] if ticked is True else current
