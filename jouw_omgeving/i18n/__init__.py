"""Message catalogues (gettext .po files, read with Babel) and locale-aware formatting.

Dutch is the source language: a msgid is the Dutch text. ``en`` translates it. A missing
translation falls back to Dutch, and a test makes sure none is missing.
"""

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date as _babel_format_date
from babel.dates import format_datetime as _babel_format_datetime
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
_LOCALES_DIR = Path(__file__).parent / "locales"


def N_(msgid: str) -> str:  # noqa: N802  (gettext convention)
    """Mark a string for the catalogues without translating it here."""
    return msgid


@lru_cache(maxsize=len(LANGUAGES))
def catalog(lang: str) -> Catalog:
    """The parsed catalogue of ``lang``."""
    path = _LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def normalise_language(lang: str | None) -> str:
    """A supported language code; anything else becomes Dutch."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def gettext(msgid: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Translate ``msgid`` into ``lang`` (Dutch when no translation exists)."""
    lang = normalise_language(lang)
    if lang == DEFAULT_LANGUAGE:
        return msgid
    message = catalog(lang).get(msgid)
    return message.string if message is not None and message.string else msgid


def format_date(value: date, lang: str = DEFAULT_LANGUAGE, style: str = "long") -> str:
    """A date as people of ``lang`` write it ("3 maart 2026")."""
    return _babel_format_date(value, format=style, locale=normalise_language(lang))


def format_datetime(value: datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date and time in the Dutch time zone, formatted for ``lang``."""
    return _babel_format_datetime(
        value, format="medium", tzinfo="Europe/Amsterdam", locale=normalise_language(lang)
    )
