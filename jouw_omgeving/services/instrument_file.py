"""The instrument file: one instrument as JSON, to export and to import (format version 1).

::

    {
      "format": "jouw-omgeving-instrument",
      "format_version": 1,
      "key": "jouw-omgeving-leefgebieden",        # a-z, 0-9 and '-', 2 to 60 characters
      "version": 1,                                # informative; the importer numbers versions
      "name": {"nl": "…", "en": "…"},             # Dutch required, English optional
      "licence": "…",
      "domains": [                                 # 1 to 30, keys unique
        {"key": "wonen", "name": {"nl": …}, "question": {"nl": …}, "pictogram": "house"}
      ],
      "levels": [                                  # 2 to 11 points, whole numbers without gaps
        {"value": 1, "label": {"nl": …}, "pictogram": "frown"}
      ]
    }

:func:`parse_instrument_file` checks everything before anything is stored and raises
:class:`InstrumentFileError` with a plain-Dutch message and where in the file it went wrong.
Nothing in here touches the database.
"""

import json
import re
from typing import Any, TypedDict

from jouw_omgeving.i18n import N_
from jouw_omgeving.services.errors import InvalidInput

FORMAT = "jouw-omgeving-instrument"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024
MAX_DOMAINS = 30
LEVEL_COUNT = (2, 11)
LANGUAGES = ("nl", "en")
TEXT_LIMITS = {"name": 200, "licence": 200, "question": 300, "label": 120}
NAME_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$")

TOO_BIG = N_("Het bestand is te groot. Een instrumentbestand is hoogstens 256 kB.")
NOT_JSON = N_("Dit bestand kunnen we niet lezen: het is geen geldige JSON-tekst (UTF-8).")
NOT_OURS = N_("Dit is geen instrumentbestand van Jouw Omgeving, of een versie die we niet kennen.")
MISSING = N_("In het bestand ontbreekt een verplicht veld.")
WRONG_TYPE = N_("Een veld in het bestand heeft een verkeerde soort waarde.")
UNKNOWN_FIELD = N_("Het bestand heeft een veld dat we niet kennen.")
BAD_NAME = N_(
    "Een sleutel of pictogram heeft 1 tot 60 tekens: kleine letters, cijfers en streepjes."
)
NO_DUTCH = N_("Elke tekst heeft een Nederlandse versie (nl) nodig.")
TEXT_TOO_LONG = N_("Een tekst in het bestand is te lang.")
DOMAIN_COUNT = N_("Een instrument heeft 1 tot 30 leefgebieden.")
DUPLICATE_KEY = N_("Twee leefgebieden in het bestand hebben dezelfde sleutel.")
BAD_SCALE = N_(
    "De schaal klopt niet: 2 tot 11 punten, hele getallen die zonder gaten oplopen, elk "
    "getal één keer."
)


class InstrumentFileError(InvalidInput):
    """A refused file; ``where`` points at the place in the file (e.g. ``domains[2].key``)."""

    def __init__(self, message_id: str, where: str = "") -> None:
        """Keep the msgid for the user and where it went wrong (shown after the message)."""
        super().__init__(message_id, f"instrument file: {where or 'file'}")
        self.where = where


class DomainData(TypedDict):
    """One life domain as the file holds it."""

    key: str
    name: dict[str, str]
    question: dict[str, str]
    pictogram: str


class LevelData(TypedDict):
    """One point of the scale as the file holds it."""

    value: int
    label: dict[str, str]
    pictogram: str


class InstrumentData(TypedDict):
    """A whole checked instrument file."""

    format: str
    format_version: int
    key: str
    version: int
    name: dict[str, str]
    licence: str
    domains: list[DomainData]
    levels: list[LevelData]


def _fields(value: Any, required: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InstrumentFileError(WRONG_TYPE, where or "file")
    missing = sorted(required - set(value))
    if missing:
        raise InstrumentFileError(MISSING, f"{where}.{missing[0]}".lstrip("."))
    unknown = sorted(set(value) - required)
    if unknown:
        raise InstrumentFileError(UNKNOWN_FIELD, f"{where}.{unknown[0]}"[:80].lstrip("."))
    return value


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstrumentFileError(WRONG_TYPE, where)
    return value


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise InstrumentFileError(WRONG_TYPE, where)
    if not NAME_PATTERN.fullmatch(value):
        raise InstrumentFileError(BAD_NAME, where)
    return value


def _text(value: Any, limit: int, where: str) -> str:
    if not isinstance(value, str):
        raise InstrumentFileError(WRONG_TYPE, where)
    text = " ".join(value.split())
    if len(text) > limit or not text.isprintable():
        raise InstrumentFileError(TEXT_TOO_LONG, where)
    return text


def clean_texts(value: Any, limit: int, where: str) -> dict[str, str]:
    """A ``{"nl": …, "en": …}`` text: Dutch required, English optional, nothing else."""
    if not isinstance(value, dict):
        raise InstrumentFileError(WRONG_TYPE, where)
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise InstrumentFileError(UNKNOWN_FIELD, f"{where}.{str(unknown[0])[:20]}")
    texts = {lang: _text(value[lang], limit, f"{where}.{lang}") for lang in value}
    if not texts.get("nl"):
        raise InstrumentFileError(NO_DUTCH, f"{where}.nl")
    return {lang: text for lang, text in texts.items() if text}


def clean_pictogram(value: Any, where: str = "pictogram") -> str:
    """A pictogram name (lucide style: lower case, digits, dashes)."""
    return _name(value, where)


def _domains(value: Any) -> list[DomainData]:
    if not isinstance(value, list):
        raise InstrumentFileError(WRONG_TYPE, "domains")
    if not 1 <= len(value) <= MAX_DOMAINS:
        raise InstrumentFileError(DOMAIN_COUNT, "domains")
    domains: list[DomainData] = []
    for i, raw in enumerate(value):
        where = f"domains[{i}]"
        entry = _fields(raw, {"key", "name", "question", "pictogram"}, where)
        domains.append(
            DomainData(
                key=_name(entry["key"], f"{where}.key"),
                name=clean_texts(entry["name"], TEXT_LIMITS["name"], f"{where}.name"),
                question=clean_texts(
                    entry["question"], TEXT_LIMITS["question"], f"{where}.question"
                ),
                pictogram=clean_pictogram(entry["pictogram"], f"{where}.pictogram"),
            )
        )
    keys = [d["key"] for d in domains]
    if len(set(keys)) != len(keys):
        duplicate = next(k for k in keys if keys.count(k) > 1)
        raise InstrumentFileError(DUPLICATE_KEY, f"domains: {duplicate}")
    return domains


def _levels(value: Any) -> list[LevelData]:
    if not isinstance(value, list):
        raise InstrumentFileError(WRONG_TYPE, "levels")
    low, high = LEVEL_COUNT
    if not low <= len(value) <= high:
        raise InstrumentFileError(BAD_SCALE, "levels")
    levels: list[LevelData] = []
    for i, raw in enumerate(value):
        where = f"levels[{i}]"
        entry = _fields(raw, {"value", "label", "pictogram"}, where)
        levels.append(
            LevelData(
                value=_int(entry["value"], f"{where}.value"),
                label=clean_texts(entry["label"], TEXT_LIMITS["label"], f"{where}.label"),
                pictogram=clean_pictogram(entry["pictogram"], f"{where}.pictogram"),
            )
        )
    values = sorted(level["value"] for level in levels)
    if values != list(range(values[0], values[0] + len(values))) or abs(values[0]) > 100:
        raise InstrumentFileError(BAD_SCALE, "levels")
    return sorted(levels, key=lambda level: level["value"])


def parse_instrument_file(raw: bytes) -> InstrumentData:
    """The checked contents of an uploaded file, or :class:`InstrumentFileError`."""
    if not isinstance(raw, bytes | bytearray):
        raise InstrumentFileError(NOT_JSON)
    if len(raw) > MAX_FILE_BYTES:
        raise InstrumentFileError(TOO_BIG)
    try:
        data = json.loads(bytes(raw).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InstrumentFileError(NOT_JSON) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InstrumentFileError(NOT_OURS, "format")
    if data.get("format_version") != FORMAT_VERSION:
        raise InstrumentFileError(NOT_OURS, "format_version")
    fields = set(InstrumentData.__annotations__)
    entry = _fields(data, fields, "")
    version = _int(entry["version"], "version")
    licence = _text(entry["licence"], TEXT_LIMITS["licence"], "licence")
    if not licence:
        raise InstrumentFileError(MISSING, "licence")
    if version < 1:
        raise InstrumentFileError(WRONG_TYPE, "version")
    return InstrumentData(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        key=_name(entry["key"], "key"),
        version=version,
        name=clean_texts(entry["name"], TEXT_LIMITS["name"], "name"),
        licence=licence,
        domains=_domains(entry["domains"]),
        levels=_levels(entry["levels"]),
    )


def instrument_file_bytes(data: InstrumentData) -> bytes:
    """The file's bytes: UTF-8 JSON, indented, keys in a stable order."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
