"""An admin refuses an erasure request, with a reason the participant reads on Mijn gegevens.

AVG art. 17 lets an organisation refuse (art. 17 lid 3: e.g. a legal duty to keep the care
record); art. 12 lid 4 asks to tell the person why. The reason is stored in the request's
``note``; the request stays, and the participant may ask again later.
"""

from datetime import datetime

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import ErasureRequest, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.access import Action, Category
from jouw_omgeving.services.admin_common import admin_audit, admin_only
from jouw_omgeving.services.erasure import (
    ALREADY_HANDLED,
    REFUSED,
    REQUESTED,
    ErasureRequestRow,
    request_row,
)
from jouw_omgeving.services.errors import InvalidInput, NotFound
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.text_input import clean_line
from jouw_omgeving.services.viewer import Viewer

REASON_MIN, REASON_MAX = 10, 1000
REASON_RULES = N_(
    "Schrijf in gewone woorden waarom het verzoek wordt geweigerd (10 tot 1000 tekens)."
)


def erasure_refuse(
    session: Session,
    viewer: Viewer,
    *,
    request_public_id: object,
    reason: object,
    now: datetime | None = None,
) -> ErasureRequestRow:
    """Refuse an open request with ``reason`` (shown to the participant); nothing is erased.

    Raises:
        AccessDenied: the viewer is not an admin (audited).
        NotFound: no such request. InvalidInput: handled already, or no usable reason.
    """
    admin_only(session, viewer, Action.UPDATE)
    text = clean_line(reason, max_length=REASON_MAX, empty_message=REASON_RULES)
    if len(text) < REASON_MIN:
        raise InvalidInput(REASON_RULES, f"reason of {len(text)} characters")
    parsed = parse_public_id(request_public_id)
    request = (
        session.exec(select(ErasureRequest).where(ErasureRequest.public_id == parsed)).first()
        if parsed
        else None
    )
    if request is None:
        raise NotFound("no such erasure request")
    if request.status != REQUESTED:
        raise InvalidInput(ALREADY_HANDLED, f"request is {request.status}")
    request.status = REFUSED
    request.handled_by_id = viewer.user_id
    request.handled_at = now or utcnow()
    request.note = text
    session.add(request)
    admin_audit(
        session,
        viewer,
        action=Action.UPDATE,
        category=Category.ACCOUNT,
        participant_id=request.participant_id,
        detail=f"erasure request {request.public_id} refused",
    )
    session.commit()
    session.refresh(request)
    return request_row(request, session.get(User, request.participant_id).display_name)
