"""Reading consent: the overview per partner organisation, and the full history.

The participant reads their own; their counsellor (caseload, or the team lead) reads them
through the guard, which audits it. Whether a consent runs *now* is the guard's own SQL
condition (:func:`~jouw_omgeving.services.relations.consent_current_condition`), so pages
and the guard never disagree.
"""

from datetime import datetime
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Consent, ConsentRecord, Organisation, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ConsentStatus, OrganisationKind
from jouw_omgeving.services.access import (
    Category,
    consent_current_condition,
    require_participant_access,
)
from jouw_omgeving.services.consent_rules import CONSENT_CATEGORIES, last_day
from jouw_omgeving.services.viewer import Viewer

MAX_HISTORY = 500

# What a cell of the overview says, beyond the stored statuses.
NONE = "none"  # never asked or given
EXPIRED = "expired"  # granted, but the end date passed


class ConsentCell(TypedDict):
    """One organisation x category: what the organisation may see now."""

    category: str
    status: str  # granted (running now), expired, requested, declined, withdrawn, none
    active: bool  # the organisation may see this category right now
    last_day: str  # ISO date the consent (or the requested one) runs to and including, or ""


class OrganisationConsents(TypedDict):
    """One partner organisation with a cell per shareable category."""

    organisation_public_id: str
    organisation_name: str
    cells: list[ConsentCell]


class ConsentHistoryRow(TypedDict):
    """One change, as it was recorded."""

    recorded_at: str  # ISO 8601, UTC
    organisation_name: str
    category: str
    action: str  # request, grant, decline, withdraw
    last_day: str  # ISO date or ""
    recorded_by_name: str
    recorded_by_role: str
    on_participants_request: bool
    note: str


def partner_organisations(session: Session) -> list[Organisation]:
    """Every partner organisation known to the platform, by name."""
    return list(
        session.exec(
            select(Organisation)
            .where(Organisation.kind == OrganisationKind.PARTNER)
            .order_by(Organisation.name, Organisation.id)
        )
    )


def running_consent_ids(
    session: Session, participant_id: int, organisation_ids: list[int], now: datetime
) -> set[int]:
    """Ids of the participant's consents that run now (the guard's own condition)."""
    if not organisation_ids:
        return set()
    return set(
        session.exec(
            select(Consent.id).where(
                Consent.participant_id == participant_id,
                sa.or_(*(consent_current_condition(oid, now) for oid in organisation_ids)),
            )
        )
    )


def consent_overview(
    session: Session, viewer: Viewer, *, participant_id: int, now: datetime | None = None
) -> list[OrganisationConsents]:
    """Every partner organisation x goals/progress/assignments with its current status.

    Also the counsellor's "consent status per participant" (audited as a consent read).

    Raises:
        AccessDenied: neither the participant nor their counsellor (audited).
    """
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.CONSENT
    )
    now = now or utcnow()
    organisations = partner_organisations(session)
    consents = {
        (c.organisation_id, c.category): c
        for c in session.exec(select(Consent).where(Consent.participant_id == participant_id))
    }
    running = running_consent_ids(session, participant_id, [o.id for o in organisations], now)
    overview = []
    for organisation in organisations:
        cells = []
        for category in CONSENT_CATEGORIES:
            consent = consents.get((organisation.id, category.value))
            cells.append(_cell(category.value, consent, running))
        overview.append(
            OrganisationConsents(
                organisation_public_id=str(organisation.public_id),
                organisation_name=organisation.name,
                cells=cells,
            )
        )
    return overview


def _cell(category: str, consent: Consent | None, running: set[int]) -> ConsentCell:
    if consent is None:
        return ConsentCell(category=category, status=NONE, active=False, last_day="")
    active = consent.id in running
    status = consent.status
    if status == ConsentStatus.GRANTED and not active:
        status = EXPIRED
    shows_end = status in (ConsentStatus.GRANTED, ConsentStatus.REQUESTED, EXPIRED)
    end = last_day(consent.ends_at) if shows_end else None
    return ConsentCell(
        category=category,
        status=str(status),
        active=active,
        last_day=end.isoformat() if end else "",
    )


def consent_history(
    session: Session, viewer: Viewer, *, participant_id: int
) -> list[ConsentHistoryRow]:
    """Every recorded consent change of the participant, newest first.

    Raises:
        AccessDenied: neither the participant nor their counsellor (audited).
    """
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.CONSENT
    )
    result = session.exec(
        select(ConsentRecord, Organisation.name, User.display_name, User.role)
        .join(Organisation, Organisation.id == ConsentRecord.organisation_id)
        .join(User, User.id == ConsentRecord.recorded_by_id)
        .where(ConsentRecord.participant_id == participant_id)
        .order_by(ConsentRecord.recorded_at.desc(), ConsentRecord.id.desc())
        .limit(MAX_HISTORY)
    ).all()
    return [
        ConsentHistoryRow(
            recorded_at=record.recorded_at.isoformat(),
            organisation_name=organisation,
            category=record.category,
            action=record.action,
            last_day=_iso(last_day(record.ends_at)) if record.action != "withdraw" else "",
            recorded_by_name=name,
            recorded_by_role=role,
            on_participants_request=record.on_participants_request,
            note=record.note or "",
        )
        for record, organisation, name, role in result
    ]


def _iso(value) -> str:
    return value.isoformat() if value else ""
