"""A user's open sessions as an admin sees and ends them; participants' account status."""

import pytest
from sqlmodel import Session, select

from jouw_omgeving.auth.sessions import session_exchange, session_resolve, session_start_pending
from jouw_omgeving.models import AuditEntry, LoginSession, User
from jouw_omgeving.services import admin_participants, admin_sessions
from jouw_omgeving.services.errors import AccessDenied, NotFound
from tests.factories import (
    make_admin,
    make_counsellor,
    make_goal,
    make_participant,
    unique,
)
from tests.services.admin_helpers import non_admins, refused_entries, viewer


def _token(session: Session, user: User, address: str = "192.0.2.9") -> str:
    code = session_start_pending(session, user=user, client_address=address)
    return session_exchange(session, code=code)


def test_admin_sees_and_ends_one_session(session: Session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    first = _token(session, counsellor, "192.0.2.1")
    second = _token(session, counsellor, "192.0.2.2")
    rows = admin_sessions.user_sessions(session, viewer(admin), user_public_id=counsellor.public_id)
    assert {row["client_address"] for row in rows} == {"192.0.2.1", "192.0.2.2"}
    assert all(row["created_at"] and row["last_seen_at"] for row in rows)
    one = next(row for row in rows if row["client_address"] == "192.0.2.1")
    admin_sessions.user_session_end(
        session, viewer(admin), user_public_id=counsellor.public_id, session_id=one["session_id"]
    )
    assert session_resolve(session, token=first) is None
    assert session_resolve(session, token=second) is not None
    with pytest.raises(NotFound):  # already ended
        admin_sessions.user_session_end(
            session,
            viewer(admin),
            user_public_id=counsellor.public_id,
            session_id=one["session_id"],
        )


def test_a_session_of_someone_else_cannot_be_ended_through_this_user(session: Session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    other = make_counsellor(session)
    token = _token(session, other)
    other_row = session.exec(select(LoginSession).where(LoginSession.user_id == other.id)).one()
    with pytest.raises(NotFound):
        admin_sessions.user_session_end(
            session, viewer(admin), user_public_id=counsellor.public_id, session_id=other_row.id
        )
    assert session_resolve(session, token=token) is not None


def test_end_all_of_a_participant_goes_through_the_guard(session: Session):
    admin = make_admin(session)
    participant = make_participant(session)
    tokens = [_token(session, participant) for _ in range(2)]
    assert (
        admin_sessions.user_sessions_end_all(
            session, viewer(admin), user_public_id=participant.public_id
        )
        == 2
    )
    assert all(session_resolve(session, token=t) is None for t in tokens)
    entries = session.exec(
        select(AuditEntry).where(
            AuditEntry.actor_id == admin.id, AuditEntry.subject_participant_id == participant.id
        )
    ).all()
    assert {(e.category, e.outcome) for e in entries} == {("account", "allowed")}


def test_participant_statuses_show_account_facts_only(session: Session):
    admin = make_admin(session)
    tag = unique("status").replace("-", "")
    activated = make_participant(session, display_name=f"{tag} Een", password_hash="x")
    fresh = make_participant(session, display_name=f"{tag} Twee")
    make_goal(session, participant=activated, title="Geheim doel")
    result = admin_participants.participant_statuses(session, viewer(admin), search=tag)
    rows = {row["public_id"]: row for row in result["rows"]}
    assert rows[str(activated.public_id)]["activated"] is True
    assert rows[str(fresh.public_id)]["activated"] is False
    assert set(rows[str(fresh.public_id)]) == {
        "public_id",
        "display_name",
        "username",
        "organisation",
        "active",
        "activated",
        "last_active_at",
    }
    audited = session.exec(
        select(AuditEntry.subject_participant_id).where(
            AuditEntry.actor_id == admin.id, AuditEntry.category == "account"
        )
    ).all()
    assert set(audited) == {activated.id, fresh.id}


def test_every_other_role_is_refused_and_audited(session: Session):
    target = make_counsellor(session)
    _token(session, target)
    calls = [
        lambda v: admin_sessions.user_sessions(session, v, user_public_id=target.public_id),
        lambda v: admin_sessions.user_session_end(
            session, v, user_public_id=target.public_id, session_id=1
        ),
        lambda v: admin_sessions.user_sessions_end_all(session, v, user_public_id=target.public_id),
        lambda v: admin_participants.participant_statuses(session, v),
    ]
    for user in non_admins(session):
        for call in calls:
            with pytest.raises(AccessDenied):
                call(viewer(user))
        assert len(refused_entries(session, user)) == len(calls)
    still_open = session.exec(
        select(LoginSession).where(
            LoginSession.user_id == target.id, LoginSession.revoked_at.is_(None)
        )
    ).all()
    assert len(still_open) == 1
