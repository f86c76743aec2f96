"""Content text made safe and small for a page: translated, Markdown without raw HTML.

``rx.markdown`` renders raw HTML by default (rehype-raw). Content is written by editors, so
it is treated as untrusted: every ``<`` is escaped (no tag of any kind survives, whatever
the renderer does) and Markdown images are turned into plain text (no request leaves the
machine, no ``onerror``). The page renders with raw HTML switched off as a second line.
"""

import re
from typing import Any, TypedDict

from jouw_omgeving.services.instruments import translated

MAX_TEXT_ANSWER = 2000
_IMAGE = re.compile(r"!\[")


class QuestionView(TypedDict):
    """One question as a page shows it (never the right answer of a lesson check)."""

    key: str
    type: str
    prompt: str
    options: list[str]


def safe_markdown(text: str | None) -> str:
    """Markdown with every HTML tag and image neutralised (shown as text instead)."""
    text = text or ""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _IMAGE.sub(r"!\\[", text)


def question_views(questions: list[dict[str, Any]], lang: str) -> list[QuestionView]:
    """The questions of a version in ``lang`` (Dutch fallback), without their answers."""
    return [
        QuestionView(
            key=str(q.get("key", "")),
            type=str(q.get("type", "")),
            prompt=translated(q.get("prompt"), lang),
            options=[translated(o, lang) for o in q.get("options") or []],
        )
        for q in questions
    ]


def answer_text(question: dict[str, Any], answer: Any, lang: str) -> str:
    """An answer in words: the text itself, or the chosen option(s) in ``lang``."""
    options = [translated(o, lang) for o in question.get("options") or []]
    if question.get("type") == "text":
        return answer if isinstance(answer, str) else ""
    if question.get("type") == "choice":
        return options[answer] if isinstance(answer, int) and 0 <= answer < len(options) else ""
    if isinstance(answer, list):
        return ", ".join(options[i] for i in answer if isinstance(i, int) and 0 <= i < len(options))
    return ""
