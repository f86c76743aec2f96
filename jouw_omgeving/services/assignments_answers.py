"""Checking a participant's answers against the questions of the version they answer.

Answers are stored by question key: a text (at most 2,000 characters), the index of the
chosen option, or the sorted indexes of the ticked options. Anything else is refused with
a plain sentence, never stored.
"""

from typing import Any

from jouw_omgeving.i18n import N_
from jouw_omgeving.services.content_text import MAX_TEXT_ANSWER
from jouw_omgeving.services.errors import InvalidInput

TOO_LONG = N_("Je antwoord is te lang. Maak het korter (hoogstens 2000 tekens).")
NOT_AN_OPTION = N_("Kies een van de antwoorden die er staan.")
NOT_ANSWERED = N_("Beantwoord eerst alle vragen. Daarna kun je inleveren.")
UNKNOWN_QUESTION = N_("Dit antwoord hoort niet bij deze opdracht.")


def _index(value: Any, count: int) -> int:
    # A browser may send "1" or 1.0; only a whole number naming an option is accepted.
    if isinstance(value, bool):
        raise InvalidInput(NOT_AN_OPTION, f"bool {value!r}")
    if isinstance(value, str) and value.isdigit() and len(value) < 4:
        value = int(value)
    if not isinstance(value, int) or not 0 <= value < count:
        raise InvalidInput(NOT_AN_OPTION, f"not an option {repr(value)[:40]}")
    return value


def _clean_one(question: dict[str, Any], value: Any) -> Any:
    kind = question.get("type")
    count = len(question.get("options") or [])
    if kind == "text":
        if not isinstance(value, str):
            raise InvalidInput(NOT_AN_OPTION, f"text answer of type {type(value).__name__}")
        text = value.replace("\r\n", "\n").strip()
        if len(text) > MAX_TEXT_ANSWER:
            raise InvalidInput(TOO_LONG, f"{len(text)} characters")
        return text
    if kind == "choice":
        return None if value is None or value == "" else _index(value, count)
    if kind == "checklist":
        if not isinstance(value, list) or len(value) > count:
            raise InvalidInput(NOT_AN_OPTION, "checklist answer is not a list of options")
        return sorted({_index(v, count) for v in value})
    raise InvalidInput(UNKNOWN_QUESTION, f"question type {kind!r}")


def clean_answers(
    questions: list[dict[str, Any]], answers: Any, *, complete: bool
) -> dict[str, Any]:
    """Answers keyed by question, checked per type; ``complete`` requires every answer.

    A checklist may be left with nothing ticked; a text or choice must be filled in.

    Raises:
        InvalidInput: an unknown key, a wrong type, a text too long, a choice not offered,
            or (when ``complete``) a question left open.
    """
    if not isinstance(answers, dict) or len(answers) > len(questions):
        raise InvalidInput(UNKNOWN_QUESTION, "answers are not a small dict")
    by_key = {str(q.get("key")): q for q in questions}
    if any(not isinstance(k, str) or k not in by_key for k in answers):
        raise InvalidInput(UNKNOWN_QUESTION, "answer to an unknown question")
    cleaned = {key: _clean_one(by_key[key], value) for key, value in answers.items()}
    cleaned = {k: v for k, v in cleaned.items() if v is not None and v != ""}
    if complete:
        missing = [
            k for k, q in by_key.items() if q.get("type") != "checklist" and k not in cleaned
        ]
        if missing:
            raise InvalidInput(NOT_ANSWERED, f"open questions {missing}")
    return cleaned


def check_score(questions: list[dict[str, Any]], answers: dict[str, Any]) -> tuple[int, int]:
    """Right answers and the number of questions with a right answer (a lesson's check)."""
    scored = [q for q in questions if isinstance(q.get("answer"), int)]
    right = sum(1 for q in scored if answers.get(str(q.get("key"))) == q["answer"])
    return right, len(scored)
