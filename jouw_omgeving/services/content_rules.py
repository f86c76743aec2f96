"""What an editor may store as a content version: checked, trimmed, with plain Dutch refusals.

A draft comes from the browser, so it is treated as untrusted data of any shape. Dutch is
required (title and body, every question and option); English is optional and left out
when empty (pages fall back to Dutch). Markdown is stored as typed: it is made safe when it
is shown (``content_text.safe_markdown``), so an editor never loses what they wrote.
"""

import re
from typing import Any, TypedDict

from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import ContentKind
from jouw_omgeving.services.errors import InvalidInput

LANGUAGES = ("nl", "en")
AUTHORED_KINDS = (ContentKind.INFO.value, ContentKind.ASSIGNMENT.value)
QUESTION_TYPES = ("text", "choice", "checklist")
MAX_TITLE = 200
MAX_BODY = 20_000
MAX_PROMPT = 500
MAX_OPTION = 200
MAX_QUESTIONS = 30
MAX_OPTIONS = 20
_KEY = re.compile(r"^[a-z0-9_-]{1,40}$")

TITLE_REQUIRED = N_("Vul een titel in het Nederlands in.")
BODY_REQUIRED = N_("Vul de tekst in het Nederlands in.")
TITLE_TOO_LONG = N_("De titel is te lang (hoogstens 200 tekens).")
BODY_TOO_LONG = N_("De tekst is te lang (hoogstens 20000 tekens).")
PROMPT_REQUIRED = N_("Vul bij elke vraag de vraag in het Nederlands in.")
PROMPT_TOO_LONG = N_("Een vraag is te lang (hoogstens 500 tekens).")
OPTION_REQUIRED = N_("Vul elk antwoord in het Nederlands in, of haal het weg.")
OPTION_TOO_LONG = N_("Een antwoord is te lang (hoogstens 200 tekens).")
CHOICE_NEEDS_TWO = N_("Een keuzevraag heeft minstens 2 antwoorden nodig.")
CHECKLIST_NEEDS_ONE = N_("Een afvinklijst heeft minstens 1 punt nodig.")
TOO_MANY_QUESTIONS = N_("Er kunnen hoogstens 30 vragen in.")
TOO_MANY_OPTIONS = N_("Een vraag kan hoogstens 20 antwoorden hebben.")
INFO_HAS_NO_QUESTIONS = N_("Een informatiepagina heeft geen vragen.")
UNKNOWN_KIND = N_("Kies of het informatie of een opdracht is.")
UNKNOWN_DOMAIN = N_("Kies een levensgebied uit de lijst.")
UNKNOWN_QUESTION_TYPE = N_("Kies bij elke vraag wat voor vraag het is.")
BAD_DRAFT = N_("Dit kon niet worden opgeslagen. Probeer het opnieuw.")


class CleanDraft(TypedDict):
    """A draft that may be stored as a version (the shape of ``ContentVersion``)."""

    title: dict[str, str]
    body: dict[str, str]
    questions: list[dict[str, Any]]
    life_domain_key: str | None


def clean_kind(value: object) -> str:
    """``info`` or ``assignment`` (lessons belong to their track and are not authored here)."""
    if value not in AUTHORED_KINDS:
        raise InvalidInput(UNKNOWN_KIND, f"kind {repr(value)[:40]}")
    return str(value)


def _text(value: object, *, maximum: int, required: str | None, too_long: str) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(BAD_DRAFT, f"text of type {type(value).__name__}")
    text = value.replace("\r\n", "\n").replace("\x00", "").strip()
    if not text and required is not None:
        raise InvalidInput(required, "empty Dutch text")
    if len(text) > maximum:
        raise InvalidInput(too_long, f"{len(text)} characters")
    return text


def clean_translations(
    value: object, *, maximum: int, required: str, too_long: str, one_line: bool = True
) -> dict[str, str]:
    """``{"nl": ..., "en": ...}`` with Dutch required and an empty English left out."""
    if not isinstance(value, dict):
        value = {"nl": value}
    if any(key not in LANGUAGES for key in value):
        raise InvalidInput(BAD_DRAFT, "unknown language")
    cleaned: dict[str, str] = {}
    for lang in LANGUAGES:
        text = _text(
            value.get(lang),
            maximum=maximum,
            required=required if lang == "nl" else None,
            too_long=too_long,
        )
        if one_line:
            text = " ".join(text.split())
        if text:
            cleaned[lang] = text
    return cleaned


def _clean_question(raw: object, key: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise InvalidInput(BAD_DRAFT, "question is not an object")
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        raise InvalidInput(UNKNOWN_QUESTION_TYPE, f"question type {repr(kind)[:40]}")
    prompt = clean_translations(
        raw.get("prompt"), maximum=MAX_PROMPT, required=PROMPT_REQUIRED, too_long=PROMPT_TOO_LONG
    )
    question: dict[str, Any] = {"key": key, "type": kind, "prompt": prompt}
    if kind == "text":
        return question
    options = raw.get("options")
    if not isinstance(options, list):
        options = []
    if len(options) > MAX_OPTIONS:
        raise InvalidInput(TOO_MANY_OPTIONS, f"{len(options)} options")
    question["options"] = [
        clean_translations(
            o, maximum=MAX_OPTION, required=OPTION_REQUIRED, too_long=OPTION_TOO_LONG
        )
        for o in options
    ]
    if kind == "choice" and len(question["options"]) < 2:
        raise InvalidInput(CHOICE_NEEDS_TWO, "choice with fewer than 2 options")
    if kind == "checklist" and not question["options"]:
        raise InvalidInput(CHECKLIST_NEEDS_ONE, "empty checklist")
    return question


def clean_questions(kind: str, value: object) -> list[dict[str, Any]]:
    """Questions with unique keys (kept when valid, else ``q1``, ``q2``, ...)."""
    if value is None:
        value = []
    if not isinstance(value, list):
        raise InvalidInput(BAD_DRAFT, "questions are not a list")
    if kind == ContentKind.INFO and value:
        raise InvalidInput(INFO_HAS_NO_QUESTIONS, "questions on an information page")
    if len(value) > MAX_QUESTIONS:
        raise InvalidInput(TOO_MANY_QUESTIONS, f"{len(value)} questions")
    seen: set[str] = set()
    questions = []
    for number, raw in enumerate(value, start=1):
        key = raw.get("key") if isinstance(raw, dict) else None
        if not isinstance(key, str) or not _KEY.match(key) or key in seen:
            key = next(
                f"q{n}" for n in range(number, number + MAX_QUESTIONS + 2) if f"q{n}" not in seen
            )
        seen.add(key)
        questions.append(_clean_question(raw, key))
    return questions


def clean_draft(kind: str, draft: object, *, domain_keys: set[str]) -> CleanDraft:
    """Check everything of a draft at once; the first problem found is refused.

    Raises:
        InvalidInput: with the Dutch sentence that says what to change.
    """
    if not isinstance(draft, dict):
        raise InvalidInput(BAD_DRAFT, "draft is not an object")
    domain = draft.get("life_domain_key") or None
    if domain is not None and domain not in domain_keys:
        raise InvalidInput(UNKNOWN_DOMAIN, f"domain {repr(domain)[:40]}")
    return CleanDraft(
        title=clean_translations(
            draft.get("title"), maximum=MAX_TITLE, required=TITLE_REQUIRED, too_long=TITLE_TOO_LONG
        ),
        body=clean_translations(
            draft.get("body"),
            maximum=MAX_BODY,
            required=BODY_REQUIRED,
            too_long=BODY_TOO_LONG,
            one_line=False,
        ),
        questions=clean_questions(kind, draft.get("questions")),
        life_domain_key=domain,
    )
