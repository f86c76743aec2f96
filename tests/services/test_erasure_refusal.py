"""An admin refuses an erasure request with a reason; the participant reads it; nothing goes."""

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, ErasureRequest, Goal, User
from jouw_omgeving.services.erasure import (
    ALREADY_HANDLED,
    erasure_request_create,
    erasure_request_mine,
)
from jouw_omgeving.services.erasure_refusal import REASON_RULES, erasure_refuse
from jouw_omgeving.services.errors import AccessDenied, InvalidInput, NotFound
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_admin, make_counsellor, make_goal, make_participant

REASON = "Uw dossier valt nog onder de wettelijke bewaarplicht tot 2028."


def _asked(session):
    participant = make_participant(session)
    make_goal(session, participant=participant)
    row = erasure_request_create(session, Viewer.of(participant))
    return participant, row["public_id"]


def test_refused_with_a_reason_the_participant_sees(session):
    participant, public_id = _asked(session)
    admin = make_admin(session)
    row = erasure_refuse(session, Viewer.of(admin), request_public_id=public_id, reason=REASON)
    assert (row["status"], row["note"]) == ("refused", REASON)
    mine = erasure_request_mine(session, Viewer.of(participant))
    assert (mine["status"], mine["note"]) == ("refused", REASON)
    # Nothing was erased, and the participant may ask again.
    assert session.get(User, participant.id).active
    assert session.exec(select(Goal).where(Goal.participant_id == participant.id)).all()
    again = erasure_request_create(session, Viewer.of(participant))
    assert again["status"] == "requested" and again["public_id"] != public_id
    [entry] = session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == admin.id, AuditEntry.action == "update")
    ).all()
    assert entry.subject_participant_id == participant.id and "refused" in entry.detail


@pytest.mark.parametrize("reason", [None, "", "   ", "te kort", "x" * 1001, 42])
def test_a_refusal_needs_a_real_reason(session, reason):
    _, public_id = _asked(session)
    with pytest.raises(InvalidInput) as refused:
        erasure_refuse(
            session, Viewer.of(make_admin(session)), request_public_id=public_id, reason=reason
        )
    assert refused.value.message_id in (REASON_RULES, "Dit is te lang. Maak het korter.")
    request = session.exec(select(ErasureRequest)).all()[-1]
    assert request.status == "requested"


def test_handled_requests_unknown_ids_and_non_admins(session):
    _, public_id = _asked(session)
    admin = Viewer.of(make_admin(session))
    erasure_refuse(session, admin, request_public_id=public_id, reason=REASON)
    with pytest.raises(InvalidInput) as twice:
        erasure_refuse(session, admin, request_public_id=public_id, reason=REASON)
    assert twice.value.message_id == ALREADY_HANDLED
    with pytest.raises(NotFound):
        erasure_refuse(session, admin, request_public_id="geen-id", reason=REASON)
    with pytest.raises(AccessDenied):
        erasure_refuse(
            session,
            Viewer.of(make_counsellor(session)),
            request_public_id=public_id,
            reason=REASON,
        )
