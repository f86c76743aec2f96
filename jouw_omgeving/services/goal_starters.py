"""Suggested first words for a new goal, per life domain of the active instrument.

The starters are catalogue msgids (Dutch B1, English in the ``en`` catalogue) keyed by the
domain keys of the open instrument; a licensed instrument's domains with other keys simply
get no starters. The participant can always write a goal in their own words instead.
"""

from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_, gettext, normalise_language
from jouw_omgeving.models import Instrument, LifeDomain, User
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.access import Category, require_role
from jouw_omgeving.services.viewer import Viewer

STARTERS: dict[str, tuple[str, ...]] = {
    "wonen": (
        N_("Ik wil een eigen postadres"),
        N_("Ik wil een eigen woning vinden"),
        N_("Ik wil mijn kamer netjes houden"),
    ),
    "geld": (
        N_("Ik wil mijn huur elke maand op tijd betalen"),
        N_("Ik wil weten hoeveel geld ik elke week heb"),
        N_("Ik wil hulp bij mijn schulden"),
    ),
    "gezondheid": (
        N_("Ik wil elke dag een stuk wandelen"),
        N_("Ik wil naar de huisarts gaan"),
        N_("Ik wil beter slapen"),
    ),
    "mentaal": (
        N_("Ik wil iemand hebben om mee te praten"),
        N_("Ik wil minder piekeren"),
    ),
    "dagbesteding": (
        N_("Ik wil vrijwilligerswerk doen"),
        N_("Ik wil een vaste dagindeling"),
        N_("Ik wil een cursus doen"),
    ),
    "sociale-contacten": (
        N_("Ik wil weer contact met mijn familie"),
        N_("Ik wil nieuwe mensen leren kennen"),
    ),
    "zelfzorg": (
        N_("Ik wil elke dag gezond eten"),
        N_("Ik wil mijn papieren bij elkaar houden"),
    ),
    "justitie-en-veiligheid": (
        N_("Ik wil mijn afspraken met de reclassering nakomen"),
        N_("Ik wil een boete afbetalen"),
    ),
}


class StarterDomain(TypedDict):
    """One life domain with its suggested goals, in the viewer's language."""

    key: str
    name: str
    pictogram: str
    starters: list[str]


def _active_domains(session: Session, organisation_id: int | None) -> list[LifeDomain]:
    """Domains of the organisation's own active instrument, else of the open one."""
    instrument = session.exec(
        select(Instrument)
        .where(
            Instrument.active.is_(True),
            sa.or_(
                Instrument.organisation_id == organisation_id, Instrument.organisation_id.is_(None)
            ),
        )
        # The organisation's own instrument first, then the newest version.
        .order_by(Instrument.organisation_id.is_(None), Instrument.version.desc(), Instrument.id)
    ).first()
    if instrument is None:
        return []
    return list(
        session.exec(
            select(LifeDomain)
            .where(LifeDomain.instrument_id == instrument.id)
            .order_by(LifeDomain.position, LifeDomain.id)
        )
    )


def goal_starters(session: Session, viewer: Viewer, *, lang: str) -> list[StarterDomain]:
    """The life domains of the participant's active instrument, each with its starters.

    Reference data, no one's personal data: only the role is checked.
    """
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.GOALS)
    lang = normalise_language(lang)
    return [
        StarterDomain(
            key=domain.key,
            name=domain.name.get(lang) or domain.name.get("nl", domain.key),
            pictogram=domain.pictogram,
            starters=[gettext(msgid, lang) for msgid in STARTERS.get(domain.key, ())],
        )
        for domain in _active_domains(session, viewer.organisation_id)
    ]


def life_domain_for_goal(
    session: Session, *, participant_id: int, key: object
) -> LifeDomain | None:
    """The participant's active-instrument domain with ``key``; ``None`` for anything else."""
    if not isinstance(key, str) or not key:
        return None
    participant = session.get(User, participant_id)
    organisation_id = participant.organisation_id if participant is not None else None
    return next((d for d in _active_domains(session, organisation_id) if d.key == key), None)
