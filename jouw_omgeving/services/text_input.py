"""Free text typed by a person: cleaned the same way everywhere before it is stored."""

import unicodedata

from jouw_omgeving.i18n import N_
from jouw_omgeving.services.errors import InvalidInput

TOO_LONG = N_("Dit is te lang. Maak het korter.")
_BREAKS = frozenset("\t\n\r\v\f\u0085\u2028\u2029")
_ZERO_WIDTH_JOINER = "\u200d"


def _kept(ch: str) -> bool:
    if ch in _BREAKS or ch == _ZERO_WIDTH_JOINER:
        return True
    return unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")


def clean_line(value: object, *, max_length: int, empty_message: str | None) -> str:
    """One line of text: control characters removed, spaces trimmed, length checked.

    Args:
        value: what the browser sent (any type).
        max_length: the longest text that may be stored (the column's length).
        empty_message: the msgid to refuse an empty text with; ``None`` allows empty.

    Raises:
        InvalidInput: not text, empty while required, or longer than ``max_length``.
    """
    if value is None and empty_message is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(empty_message or TOO_LONG, "not a string")
    # Line breaks and tabs become spaces; other control and format characters (direction
    # overrides among them) go, except the joiner inside emoji sequences.
    text = "".join(" " if ch in _BREAKS else ch for ch in value if _kept(ch))
    text = " ".join(text.split())
    if not text and empty_message is not None:
        raise InvalidInput(empty_message, "empty text")
    if len(text) > max_length:
        raise InvalidInput(TOO_LONG, f"{len(text)} > {max_length} characters")
    return text
