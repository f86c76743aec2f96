"""Changing consent: give, withdraw, request, answer a request.

Every change appends a :class:`~jouw_omgeving.models.ConsentRecord` (who, what, from, until,
by whom) and updates the one current :class:`~jouw_omgeving.models.Consent` row that the
guard reads on every call, so a withdrawal counts at the partner's very next request. This
module never updates or deletes a record (a test proves it); reading is in
:mod:`jouw_omgeving.services.consent_read`.

Who may change what:
- the participant, their own consents (give, withdraw, accept or decline a request);
- their counsellor (caseload), only *on the participant's explicit request*, which is
  recorded on the record; and the counsellor may prepare a request the participant answers.
"""

from datetime import datetime

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Consent, ConsentRecord
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ConsentAction, ConsentStatus, Role
from jouw_omgeving.services.access import (
    Action,
    Category,
    require_participant_access,
    require_role,
)
from jouw_omgeving.services.consent_rules import (
    check_category,
    check_end_date,
    check_note,
    dutch_today,
    end_moment,
    partner_organisation,
)
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.viewer import Viewer

ONLY_ON_REQUEST = N_("Leg toestemming alleen vast als de deelnemer daar zelf om vraagt.")
NOT_GRANTED = N_("Deze organisatie kan dit nu al niet zien.")
ALREADY_GRANTED = N_("Deze toestemming is er al.")
ALREADY_REQUESTED = N_("Deze vraag staat al klaar.")
NO_REQUEST = N_("Deze vraag is er niet meer.")
REQUEST_EXPIRED = N_("De einddatum van deze vraag is al voorbij.")


def _authorize_change(
    session: Session, viewer: Viewer, participant_id: int, on_participants_request: object
) -> None:
    require_participant_access(
        session,
        viewer,
        participant_id=participant_id,
        category=Category.CONSENT,
        action=Action.CREATE,
    )
    if viewer.role != Role.PARTICIPANT and on_participants_request is not True:
        raise InvalidInput(ONLY_ON_REQUEST, "a counsellor changes consent only on request")


def _consent_for(
    session: Session, participant_id: int, organisation_public_id: object, category: object
) -> Consent:
    """The current row for this organisation x category (locked), or a new unsaved one."""
    checked = check_category(category)
    organisation = partner_organisation(session, organisation_public_id)
    current = session.exec(
        select(Consent)
        .where(
            Consent.participant_id == participant_id,
            Consent.organisation_id == organisation.id,
            Consent.category == checked.value,
        )
        .with_for_update()
    ).first()
    return current or Consent(
        participant_id=participant_id,
        organisation_id=organisation.id,
        category=checked.value,
        status="",  # set by the change
    )


def _save_change(
    session: Session,
    viewer: Viewer,
    consent: Consent,
    action: ConsentAction,
    *,
    now: datetime,
    note: str | None = None,
) -> ConsentRecord:
    """Store the current row as it now is, and append the record of this one change.

    A counsellor's grant or withdrawal is always on the participant's request (checked
    before), and the record says so.
    """
    consent.updated_at = now
    session.add(consent)
    session.flush()
    record = ConsentRecord(
        consent_id=consent.id,
        participant_id=consent.participant_id,
        organisation_id=consent.organisation_id,
        category=consent.category,
        action=action.value,
        starts_at=consent.starts_at if action == ConsentAction.GRANT else None,
        ends_at=consent.ends_at,
        recorded_by_id=viewer.user_id,
        on_participants_request=viewer.role != Role.PARTICIPANT and action != ConsentAction.REQUEST,
        note=note,
        recorded_at=now,
    )
    session.add(record)
    session.flush()
    return record


def consent_give(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    organisation_public_id: object,
    category: object,
    ends_on: object = None,
    on_participants_request: object = False,
    note: object = None,
    now: datetime | None = None,
) -> ConsentRecord:
    """Let the organisation follow ``category`` from now, until and including ``ends_on``.

    Giving again replaces the end date (a new record; the old one stays as it was).

    Raises:
        AccessDenied: not the participant nor their counsellor (audited).
        InvalidInput: messages, an unknown organisation or category, a bad end date, or a
            counsellor without the participant's request.
    """
    _authorize_change(session, viewer, participant_id, on_participants_request)
    now = now or utcnow()
    consent = _consent_for(session, participant_id, organisation_public_id, category)
    last_day = check_end_date(ends_on, dutch_today(now))
    note = check_note(note)
    consent.status = ConsentStatus.GRANTED
    consent.starts_at = now
    consent.ends_at = end_moment(last_day)
    return _save_change(session, viewer, consent, ConsentAction.GRANT, now=now, note=note)


def consent_withdraw(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    organisation_public_id: object,
    category: object,
    on_participants_request: object = False,
    note: object = None,
    now: datetime | None = None,
) -> ConsentRecord:
    """Stop the organisation following ``category``, at once.

    Raises:
        AccessDenied: not the participant nor their counsellor (audited).
        InvalidInput: nothing granted to withdraw, or input refused as for giving.
    """
    _authorize_change(session, viewer, participant_id, on_participants_request)
    now = now or utcnow()
    consent = _consent_for(session, participant_id, organisation_public_id, category)
    note = check_note(note)
    if consent.status != ConsentStatus.GRANTED:
        raise InvalidInput(NOT_GRANTED, "nothing granted to withdraw")
    consent.status = ConsentStatus.WITHDRAWN
    consent.ends_at = now
    return _save_change(session, viewer, consent, ConsentAction.WITHDRAW, now=now, note=note)


def consent_request(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    organisation_public_id: object,
    category: object,
    ends_on: object = None,
    note: object = None,
    now: datetime | None = None,
) -> ConsentRecord:
    """A counsellor prepares a request; the participant accepts or declines it on their page.

    A request gives the organisation nothing until it is accepted.

    Raises:
        AccessDenied: not a counsellor, or not this participant's (audited).
        InvalidInput: already granted or already asked, or input refused as for giving.
    """
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.CONSENT)
    require_participant_access(
        session,
        viewer,
        participant_id=participant_id,
        category=Category.CONSENT,
        action=Action.CREATE,
    )
    now = now or utcnow()
    consent = _consent_for(session, participant_id, organisation_public_id, category)
    last_day = check_end_date(ends_on, dutch_today(now))
    note = check_note(note)
    if consent.status == ConsentStatus.REQUESTED:
        raise InvalidInput(ALREADY_REQUESTED, "already requested")
    if consent.status == ConsentStatus.GRANTED and (
        consent.ends_at is None or consent.ends_at > now
    ):
        raise InvalidInput(ALREADY_GRANTED, "already granted")
    consent.status = ConsentStatus.REQUESTED
    consent.starts_at = None
    consent.ends_at = end_moment(last_day)  # the end date the request proposes
    return _save_change(session, viewer, consent, ConsentAction.REQUEST, now=now, note=note)


def consent_answer(
    session: Session,
    viewer: Viewer,
    *,
    organisation_public_id: object,
    category: object,
    accept: object,
    now: datetime | None = None,
) -> ConsentRecord:
    """The participant accepts (with the proposed end date) or declines a pending request.

    Raises:
        AccessDenied: the viewer is not a participant (audited).
        InvalidInput: no pending request, its end date passed, or bad input.
    """
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.CONSENT)
    if not isinstance(accept, bool):
        raise InvalidInput(NO_REQUEST, f"accept {repr(accept)[:20]}")
    now = now or utcnow()
    consent = _consent_for(session, viewer.user_id, organisation_public_id, category)
    if consent.status != ConsentStatus.REQUESTED:
        raise InvalidInput(NO_REQUEST, "no pending request")
    if not accept:
        consent.status = ConsentStatus.DECLINED
        consent.ends_at = None
        return _save_change(session, viewer, consent, ConsentAction.DECLINE, now=now)
    if consent.ends_at is not None and consent.ends_at <= now:
        raise InvalidInput(REQUEST_EXPIRED, "proposed end date passed")
    consent.status = ConsentStatus.GRANTED
    consent.starts_at = now
    return _save_change(session, viewer, consent, ConsentAction.GRANT, now=now)
