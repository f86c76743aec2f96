"""Instruments as an admin manages them: list, read, edit, choose one per organisation.

Export and import as a file: :mod:`jouw_omgeving.services.instrument_transfer`.

Versions: an instrument is identified by ``key`` + ``version``. Only the newest version of a
key is edited. When that version has been filled in already (an assessment points at it),
an edit makes a new version (a copy with the change) and the old one stops being active:
assessments keep pointing at the version, domains and scale they were filled in on. An
instrument nobody filled in yet is edited in place.

Which instrument an organisation uses (:func:`jouw_omgeving.services.instruments.
active_instrument_row`): its own active instrument when it has one, else the newest active
open one. :func:`instrument_choose` switches that by setting ``active`` on the
organisation's own instruments; the open instruments are shared and stay as they are.
Imported instruments belong to one organisation (the licence is theirs) and start inactive.
"""

from typing import TypedDict

from sqlmodel import Session, func, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Assessment, Instrument, LifeDomain, Organisation, ScaleLevel
from jouw_omgeving.models.enums import OrganisationKind
from jouw_omgeving.services.access import Action
from jouw_omgeving.services.admin_common import admin_audit, admin_only, organisation_by_public_id
from jouw_omgeving.services.errors import InvalidInput, NotFound
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.instrument_file import (
    TEXT_LIMITS,
    InstrumentData,
    clean_pictogram,
    clean_texts,
)
from jouw_omgeving.services.instrument_rows import instrument_as_file, instrument_store
from jouw_omgeving.services.instruments import instrument_domains
from jouw_omgeving.services.viewer import Viewer

OLD_VERSION = N_("Dit is een oude versie. Alleen de nieuwste versie kun je bewerken.")
NOT_HERS = N_("Deze organisatie kan dit instrument niet gebruiken.")
OWN_ONLY = N_("Kies een eigen organisatie: ketenpartners vullen geen instrument in.")


class InstrumentSummary(TypedDict):
    """One instrument (one version) in the admin's list."""

    public_id: str
    key: str
    version: int
    name: str
    organisation: str
    active: bool
    newest: bool
    assessments: int
    domains: int


class InstrumentDetail(TypedDict):
    """An instrument with every text in both languages, as the admin edits it."""

    summary: InstrumentSummary
    file: InstrumentData


def instrument_by_public_id(session: Session, public_id: object) -> Instrument:
    parsed = parse_public_id(public_id)
    row = (
        session.exec(select(Instrument).where(Instrument.public_id == parsed)).first()
        if parsed
        else None
    )
    if row is None:
        raise NotFound("no such instrument")
    return row


def newest_version(session: Session, key: str) -> int:
    return session.exec(select(func.max(Instrument.version)).where(Instrument.key == key)).one()


def _use_count(session: Session, instrument_id: int) -> int:
    return session.exec(
        select(func.count(Assessment.id)).where(Assessment.instrument_id == instrument_id)
    ).one()


def _summary(session: Session, row: Instrument, organisations: dict[int, str]) -> InstrumentSummary:
    return InstrumentSummary(
        public_id=str(row.public_id),
        key=row.key,
        version=row.version,
        name=row.name.get("nl", ""),
        organisation=organisations.get(row.organisation_id, "") if row.organisation_id else "",
        active=row.active,
        newest=row.version == newest_version(session, row.key),
        assessments=_use_count(session, row.id),
        domains=len(instrument_domains(session, row.id)),
    )


def _organisation_names(session: Session) -> dict[int, str]:
    return dict(session.exec(select(Organisation.id, Organisation.name)).all())


def instrument_list(session: Session, viewer: Viewer) -> list[InstrumentSummary]:
    """Every instrument version, by key and newest version first."""
    admin_only(session, viewer)
    names = _organisation_names(session)
    rows = session.exec(
        select(Instrument).order_by(Instrument.key, Instrument.version.desc())
    ).all()
    return [_summary(session, row, names) for row in rows]


def instrument_detail(
    session: Session, viewer: Viewer, *, instrument_public_id: object
) -> InstrumentDetail:
    """One instrument version with all its texts."""
    admin_only(session, viewer)
    row = instrument_by_public_id(session, instrument_public_id)
    return InstrumentDetail(
        summary=_summary(session, row, _organisation_names(session)),
        file=instrument_as_file(session, row),
    )


def _editable(session: Session, row: Instrument) -> Instrument:
    """The row to change: itself while unused, else a new version (the old one retires)."""
    if row.version != newest_version(session, row.key):
        raise InvalidInput(OLD_VERSION, "edit of an old version")
    if _use_count(session, row.id) == 0:
        return row
    copy = instrument_store(
        session,
        instrument_as_file(session, row),
        version=row.version + 1,
        organisation_id=row.organisation_id,
        active=row.active,
    )
    row.active = False
    session.add(row)
    return copy


def instrument_domain_edit(
    session: Session,
    viewer: Viewer,
    *,
    instrument_public_id: object,
    domain_key: object,
    name: object,
    question: object,
    pictogram: object,
) -> Instrument:
    """Change one domain's name, question and pictogram; returns the version changed."""
    admin_only(session, viewer, Action.UPDATE)
    row = instrument_by_public_id(session, instrument_public_id)
    texts = {
        "name": clean_texts(name, TEXT_LIMITS["name"], "name"),
        "question": clean_texts(question, TEXT_LIMITS["question"], "question"),
    }
    icon = clean_pictogram(pictogram)
    if domain_key not in {d.key for d in instrument_domains(session, row.id)}:
        raise NotFound("no such domain")
    target = _editable(session, row)
    domain = session.exec(
        select(LifeDomain).where(
            LifeDomain.instrument_id == target.id, LifeDomain.key == domain_key
        )
    ).one()
    domain.name, domain.question, domain.pictogram = texts["name"], texts["question"], icon
    session.add(domain)
    return _saved(session, viewer, target, f"domain {domain_key}")


def instrument_level_edit(
    session: Session,
    viewer: Viewer,
    *,
    instrument_public_id: object,
    value: object,
    label: object,
    pictogram: object,
) -> Instrument:
    """Change one scale point's label and pictogram; returns the version changed."""
    admin_only(session, viewer, Action.UPDATE)
    row = instrument_by_public_id(session, instrument_public_id)
    text = clean_texts(label, TEXT_LIMITS["label"], "label")
    icon = clean_pictogram(pictogram)
    if isinstance(value, bool) or not isinstance(value, int):
        raise NotFound("no such scale point")
    if (
        session.exec(
            select(ScaleLevel.id).where(
                ScaleLevel.instrument_id == row.id, ScaleLevel.value == value
            )
        ).first()
        is None
    ):
        raise NotFound("no such scale point")
    target = _editable(session, row)
    level = session.exec(
        select(ScaleLevel).where(ScaleLevel.instrument_id == target.id, ScaleLevel.value == value)
    ).one()
    level.label, level.pictogram = text, icon
    session.add(level)
    return _saved(session, viewer, target, f"level {value}")


def _saved(session: Session, viewer: Viewer, target: Instrument, what: str) -> Instrument:
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"instrument {target.public_id} v{target.version} {what} edited",
    )
    session.commit()
    session.refresh(target)
    return target


def instrument_choose(
    session: Session,
    viewer: Viewer,
    *,
    organisation_public_id: object,
    instrument_public_id: object,
) -> Instrument:
    """Make the organisation fill in this instrument from now on (its own, or an open one)."""
    admin_only(session, viewer, Action.UPDATE)
    organisation = organisation_by_public_id(session, organisation_public_id)
    if organisation.kind != OrganisationKind.OWN:
        raise InvalidInput(OWN_ONLY, "choice for a partner organisation")
    chosen = instrument_by_public_id(session, instrument_public_id)
    if chosen.organisation_id not in (None, organisation.id):
        raise InvalidInput(NOT_HERS, "instrument of another organisation")
    if chosen.version != newest_version(session, chosen.key):
        raise InvalidInput(OLD_VERSION, "choice of an old version")
    if chosen.organisation_id is None and not chosen.active:
        raise InvalidInput(NOT_HERS, "inactive open instrument")
    for own in session.exec(
        select(Instrument).where(Instrument.organisation_id == organisation.id)
    ).all():
        own.active = own.id == chosen.id
        session.add(own)
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        detail=f"organisation {organisation.public_id} uses instrument {chosen.public_id}",
    )
    session.commit()
    session.refresh(chosen)
    return chosen


class OrganisationInstrument(TypedDict):
    """Which instrument an own organisation's participants fill in now."""

    organisation_public_id: str
    organisation: str
    instrument_public_id: str
    instrument: str


def _in_use(session: Session, organisation_id: int) -> Instrument | None:
    newest_first = (Instrument.version.desc(), Instrument.id.desc())
    active = select(Instrument).where(Instrument.active.is_(True))
    own = session.exec(
        active.where(Instrument.organisation_id == organisation_id).order_by(*newest_first)
    ).first()
    return (
        own
        or session.exec(
            active.where(Instrument.organisation_id.is_(None)).order_by(*newest_first)
        ).first()
    )


def instrument_usage(session: Session, viewer: Viewer) -> list[OrganisationInstrument]:
    """Per own organisation the instrument in use (the rule of ``active_instrument_row``)."""
    admin_only(session, viewer)
    organisations = session.exec(
        select(Organisation)
        .where(Organisation.kind == OrganisationKind.OWN)
        .order_by(Organisation.name, Organisation.id)
    ).all()
    rows = []
    for organisation in organisations:
        used = _in_use(session, organisation.id)
        rows.append(
            OrganisationInstrument(
                organisation_public_id=str(organisation.public_id),
                organisation=organisation.name,
                instrument_public_id=str(used.public_id) if used else "",
                instrument=f"{used.name.get('nl', '')} (v{used.version})" if used else "",
            )
        )
    return rows
