"""Small builders for starter content: translated text and the three question types.

Questions follow the shape documented on ``ContentVersion.questions``:
``{"key", "type": text|choice|checklist, "prompt": {nl, en}, "options": [{nl, en}], "answer"?}``.
A lesson's check questions are choice questions that carry the index of the right option.
"""

from __future__ import annotations

from typing import Any

DIGITAL_SKILLS_TRACK = "digital_skills"


def t(nl: str, en: str) -> dict[str, str]:
    """A text in Dutch (the default) and English."""
    return {"nl": nl, "en": en}


def text_question(key: str, prompt: dict[str, str]) -> dict[str, Any]:
    """A question answered with a short text."""
    return {"key": key, "type": "text", "prompt": prompt}


def choice_question(
    key: str,
    prompt: dict[str, str],
    options: list[dict[str, str]],
    answer: int | None = None,
) -> dict[str, Any]:
    """A question answered by picking one option; ``answer`` is the right option's index."""
    question: dict[str, Any] = {"key": key, "type": "choice", "prompt": prompt, "options": options}
    if answer is not None:
        question["answer"] = answer
    return question


def checklist_question(
    key: str, prompt: dict[str, str], options: list[dict[str, str]]
) -> dict[str, Any]:
    """A question answered by ticking any number of options."""
    return {"key": key, "type": "checklist", "prompt": prompt, "options": options}
