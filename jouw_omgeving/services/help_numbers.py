"""Help and crisis numbers shown to participants: their organisation's, or safe defaults.

An organisation keeps its list in ``Organisation.settings["help_numbers"]`` as
``[{"label": ..., "number": ..., "note": ...}]``; a label may be plain text or one text per
language (``{"nl": ..., "en": ...}``, as the demo data has it).
"""

import re
from typing import Any, TypedDict

from sqlmodel import Session

from jouw_omgeving.i18n import DEFAULT_LANGUAGE, N_, gettext
from jouw_omgeving.models import Organisation
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Category, require_role
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.viewer import Viewer

HELP_NUMBERS_KEY = "help_numbers"
MAX_HELP_NUMBERS = 8
LABEL_MAX = 80
NOTE_MAX = 120
# Digits and spaces, an optional leading +; dashes too, as Dutch numbers are often written
# ("0800-0113"). Between 3 and 15 digits (112 up to an international number).
_PHONE = re.compile(r"^\+?[0-9][0-9 -]*[0-9]$")
LABEL_RULES = N_("Geef elk nummer een naam van 2 tot 80 tekens.")
PHONE_RULES = N_("Een telefoonnummer heeft 3 tot 15 cijfers, en alleen spaties, - of een + ervoor.")
NOTE_RULES = N_("Een toelichting heeft hoogstens 120 tekens.")
TOO_MANY = N_("Vul hoogstens 8 nummers in.")

# DEFAULTS, shown only while an organisation has set no numbers of its own. Only
# well-known national public numbers; an organisation should add its own team's number.
DEFAULT_HELP_NUMBERS: tuple[dict[str, str], ...] = (
    {
        "label": N_("Spoed: politie, brandweer, ambulance"),
        "number": "112",
        "note": N_("Bij direct gevaar. Dag en nacht."),
    },
    {
        "label": N_("113 Zelfmoordpreventie"),
        "number": "0800-0113",
        "note": N_("Praat met iemand als je niet meer wilt leven. Gratis, dag en nacht."),
    },
    {
        "label": N_("Leger des Heils"),
        "number": "036-5398111",
        "note": N_("Het landelijk kantoor. Zij helpen je verder."),
    },
    {
        "label": N_("Politie, geen spoed"),
        "number": "0900-8844",
        "note": "",
    },
)


class HelpNumber(TypedDict):
    """One number as the help page shows it; ``tel`` is the ``tel:`` link target."""

    label: str
    phone: str
    tel: str
    note: str
    is_default: bool


def tel_target(phone: str) -> str:
    """The ``tel:`` form of a phone number: digits, and a leading + if there was one."""
    digits = re.sub(r"[^0-9]", "", phone)
    return f"+{digits}" if phone.strip().startswith("+") else digits


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        text = value.get(lang) or value.get(DEFAULT_LANGUAGE) or ""
        return text if isinstance(text, str) else ""
    return value if isinstance(value, str) else ""


def stored_help_numbers(organisation: Organisation | None) -> list[dict[str, Any]]:
    """The organisation's own list as stored (entries that are not usable are left out)."""
    stored = (organisation.settings or {}).get(HELP_NUMBERS_KEY) if organisation else None
    if not isinstance(stored, list):
        return []
    return [e for e in stored if isinstance(e, dict) and isinstance(e.get("number"), str)]


def help_numbers_for(organisation: Organisation | None, lang: str) -> list[HelpNumber]:
    """The organisation's numbers in ``lang``, or the defaults when it set none."""
    own = stored_help_numbers(organisation)
    if own:
        return [
            HelpNumber(
                label=_text(e.get("label"), lang) or e["number"],
                phone=e["number"],
                tel=tel_target(e["number"]),
                note=_text(e.get("note"), lang),
                is_default=False,
            )
            for e in own
        ]
    return [
        HelpNumber(
            label=gettext(e["label"], lang),
            phone=e["number"],
            tel=tel_target(e["number"]),
            note=gettext(e["note"], lang) if e["note"] else "",
            is_default=True,
        )
        for e in DEFAULT_HELP_NUMBERS
    ]


def help_numbers(session: Session, viewer: Viewer, *, lang: str) -> list[HelpNumber]:
    """The help and crisis numbers of the participant's own organisation."""
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.PROFILE)
    org_id = viewer.organisation_id
    organisation = session.get(Organisation, org_id) if org_id is not None else None
    return help_numbers_for(organisation, lang)


def clean_help_number(label: object, phone: object, note: object) -> dict[str, str]:
    """One validated entry (label, number, note), or ``InvalidInput`` saying what is wrong."""
    if not all(isinstance(v, str) for v in (label, phone, note)):
        raise InvalidInput(LABEL_RULES, "help number fields are not text")
    label_text = " ".join(label.split())
    if not 2 <= len(label_text) <= LABEL_MAX or not label_text.isprintable():
        raise InvalidInput(LABEL_RULES, f"label of {len(label_text)} characters")
    number = " ".join(phone.split())
    digits = sum(c.isdigit() for c in number)
    if not _PHONE.fullmatch(number) or not 3 <= digits <= 15:
        raise InvalidInput(PHONE_RULES, "phone number")
    note_text = " ".join(note.split())
    if len(note_text) > NOTE_MAX or not (note_text.isprintable() or not note_text):
        raise InvalidInput(NOTE_RULES, "note too long")
    return {"label": label_text, "number": number, "note": note_text}


def clean_help_numbers(entries: object) -> list[dict[str, str]]:
    """A validated list of ``(label, phone, note)`` triples (empty rows already left out)."""
    if not isinstance(entries, list | tuple):
        raise InvalidInput(LABEL_RULES, "help numbers are not a list")
    if len(entries) > MAX_HELP_NUMBERS:
        raise InvalidInput(TOO_MANY, f"{len(entries)} help numbers")
    cleaned = []
    for entry in entries:
        if not isinstance(entry, list | tuple) or len(entry) != 3:
            raise InvalidInput(LABEL_RULES, "help number is not a triple")
        cleaned.append(clean_help_number(*entry))
    return cleaned
