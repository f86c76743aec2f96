"""Reading the life-domain instrument a participant fills in (reference data, not care data).

The active instrument of a participant is their organisation's own active instrument when it
has one (a licensed instrument loaded as data), otherwise the newest active open instrument.
"""

from typing import TypedDict

from sqlmodel import Session, select

from jouw_omgeving.i18n import DEFAULT_LANGUAGE
from jouw_omgeving.models import Instrument, LifeDomain, ScaleLevel, User


class DomainRow(TypedDict):
    """One life domain as a page shows it."""

    key: str
    name: str
    question: str
    pictogram: str


class LevelRow(TypedDict):
    """One point on the scale: its value, a face pictogram and a one-line label."""

    value: int
    label: str
    pictogram: str


class InstrumentView(TypedDict):
    """An instrument in one language, small enough to send to a browser."""

    public_id: str
    name: str
    scale_min: int
    scale_max: int
    domains: list[DomainRow]
    levels: list[LevelRow]


def translated(texts: dict[str, str] | None, lang: str) -> str:
    """The text of ``lang`` from a ``{"nl": ..., "en": ...}`` field (Dutch when missing)."""
    texts = texts or {}
    return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or ""


def active_instrument_row(session: Session, *, participant_id: int) -> Instrument | None:
    """The instrument this participant fills in now, or ``None`` when none is active."""
    participant = session.get(User, participant_id)
    organisation_id = participant.organisation_id if participant is not None else None
    candidates = select(Instrument).where(Instrument.active.is_(True))
    if organisation_id is not None:
        own = session.exec(
            candidates.where(Instrument.organisation_id == organisation_id).order_by(
                Instrument.version.desc(), Instrument.id.desc()
            )
        ).first()
        if own is not None:
            return own
    return session.exec(
        candidates.where(Instrument.organisation_id.is_(None)).order_by(
            Instrument.version.desc(), Instrument.id.desc()
        )
    ).first()


def instrument_domains(session: Session, instrument_id: int) -> list[LifeDomain]:
    """The domains of an instrument in their order."""
    return list(
        session.exec(
            select(LifeDomain)
            .where(LifeDomain.instrument_id == instrument_id)
            .order_by(LifeDomain.position, LifeDomain.id)
        )
    )


def instrument_view(session: Session, instrument: Instrument, lang: str) -> InstrumentView:
    """The instrument with its domains and scale levels, translated into ``lang``."""
    levels = session.exec(
        select(ScaleLevel)
        .where(ScaleLevel.instrument_id == instrument.id)
        .order_by(ScaleLevel.value)
    ).all()
    return InstrumentView(
        public_id=str(instrument.public_id),
        name=translated(instrument.name, lang),
        scale_min=instrument.scale_min,
        scale_max=instrument.scale_max,
        domains=[
            DomainRow(
                key=d.key,
                name=translated(d.name, lang),
                question=translated(d.question, lang),
                pictogram=d.pictogram,
            )
            for d in instrument_domains(session, instrument.id)
        ],
        levels=[
            LevelRow(value=lv.value, label=translated(lv.label, lang), pictogram=lv.pictogram)
            for lv in levels
        ],
    )
