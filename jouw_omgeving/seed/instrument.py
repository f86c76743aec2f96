"""The platform's own open life-domain instrument, shipped as data.

Written for this project in plain Dutch (B1). It deliberately reuses no text of the Outcomes
Star or the Zelfredzaamheids-Matrix: those are licensed, and an organisation that holds such a
licence loads its own instrument as data next to this one.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from jouw_omgeving.models import Instrument, LifeDomain, ScaleLevel

OPEN_INSTRUMENT_KEY = "jouw-omgeving-leefgebieden"
OPEN_INSTRUMENT_VERSION = 1
OPEN_INSTRUMENT_LICENCE = (
    "Open instrument van het project Jouw Omgeving. "
    "Licentie: Creative Commons Naamsvermelding 4.0 (CC BY 4.0)."
)
OPEN_INSTRUMENT_NAME = {
    "nl": "Jouw Omgeving leefgebieden",
    "en": "Jouw Omgeving life domains",
}

# Each domain: key, name, the one question a participant answers, and a lucide pictogram.
OPEN_DOMAINS: list[dict[str, Any]] = [
    {
        "key": "wonen",
        "name": {"nl": "Wonen", "en": "Housing"},
        "question": {
            "nl": "Hoe gaat het met je woning?",
            "en": "How are things with your home?",
        },
        "pictogram": "house",
    },
    {
        "key": "geld",
        "name": {"nl": "Geld", "en": "Money"},
        "question": {
            "nl": "Hoe gaat het met je geld en je rekeningen?",
            "en": "How are things with your money and your bills?",
        },
        "pictogram": "wallet",
    },
    {
        "key": "gezondheid",
        "name": {"nl": "Gezondheid", "en": "Physical health"},
        "question": {
            "nl": "Hoe gaat het met je lichaam en je gezondheid?",
            "en": "How are your body and your health?",
        },
        "pictogram": "heart-pulse",
    },
    {
        "key": "mentaal",
        "name": {"nl": "Hoe je je voelt", "en": "Mental wellbeing"},
        "question": {
            "nl": "Hoe voel je je van binnen?",
            "en": "How do you feel inside?",
        },
        "pictogram": "brain",
    },
    {
        "key": "dagbesteding",
        "name": {"nl": "Werk en dagbesteding", "en": "Work and daily activity"},
        "question": {
            "nl": "Hoe gaat het met werk, school of wat je overdag doet?",
            "en": "How are work, school or the things you do during the day?",
        },
        "pictogram": "briefcase",
    },
    {
        "key": "sociale-contacten",
        "name": {"nl": "Mensen om je heen", "en": "Social contacts"},
        "question": {
            "nl": "Hoe gaat het met de mensen om je heen?",
            "en": "How are things with the people around you?",
        },
        "pictogram": "users",
    },
    {
        "key": "zelfzorg",
        "name": {"nl": "Zorgen voor jezelf", "en": "Self care"},
        "question": {
            "nl": "Hoe gaat het met eten, slapen en schoonmaken?",
            "en": "How are eating, sleeping and cleaning going?",
        },
        "pictogram": "shower-head",
    },
    {
        "key": "justitie-en-veiligheid",
        "name": {"nl": "Politie, justitie en veiligheid", "en": "Justice and safety"},
        "question": {
            "nl": "Voel je je veilig, en hoe gaat het met politie of justitie?",
            "en": "Do you feel safe, and how are things with police or the courts?",
        },
        "pictogram": "scale",
    },
]

# The 1..5 scale: a face pictogram and a one-line label per point.
OPEN_SCALE: list[dict[str, Any]] = [
    {
        "value": 1,
        "label": {"nl": "Het gaat slecht", "en": "It is going badly"},
        "pictogram": "frown",
    },
    {
        "value": 2,
        "label": {"nl": "Het gaat niet zo goed", "en": "It is not going so well"},
        "pictogram": "annoyed",
    },
    {"value": 3, "label": {"nl": "Het gaat wel", "en": "It is going okay"}, "pictogram": "meh"},
    {
        "value": 4,
        "label": {"nl": "Het gaat best goed", "en": "It is going fairly well"},
        "pictogram": "smile",
    },
    {"value": 5, "label": {"nl": "Het gaat goed", "en": "It is going well"}, "pictogram": "laugh"},
]


def find_open_instrument(session: Session) -> Instrument | None:
    """Return the shipped open instrument if it is in the database."""
    statement = select(Instrument).where(
        Instrument.key == OPEN_INSTRUMENT_KEY,
        Instrument.version == OPEN_INSTRUMENT_VERSION,
    )
    return session.exec(statement).first()


def ensure_open_instrument(session: Session) -> Instrument:
    """Create the open instrument with its domains and scale if missing; return it.

    Idempotent: a second call returns the existing row and adds nothing. The rows are
    flushed (so they have ids) but not committed; the caller's transaction decides.
    """
    existing = find_open_instrument(session)
    if existing is not None:
        return existing
    instrument = Instrument(
        key=OPEN_INSTRUMENT_KEY,
        version=OPEN_INSTRUMENT_VERSION,
        name=dict(OPEN_INSTRUMENT_NAME),
        licence=OPEN_INSTRUMENT_LICENCE,
        scale_min=OPEN_SCALE[0]["value"],
        scale_max=OPEN_SCALE[-1]["value"],
    )
    session.add(instrument)
    session.flush()
    for position, domain in enumerate(OPEN_DOMAINS):
        session.add(
            LifeDomain(
                instrument_id=instrument.id,
                key=domain["key"],
                position=position,
                name=dict(domain["name"]),
                question=dict(domain["question"]),
                pictogram=domain["pictogram"],
            )
        )
    for level in OPEN_SCALE:
        session.add(
            ScaleLevel(
                instrument_id=instrument.id,
                value=level["value"],
                label=dict(level["label"]),
                pictogram=level["pictogram"],
            )
        )
    session.flush()
    return instrument
