"""The participant's network: invite with a one-time code, list, end, cancel."""

import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.auth.activation import activation_check, activation_complete
from jouw_omgeving.auth.sessions import session_start_pending
from jouw_omgeving.models import (
    ActivationCode,
    AuditEntry,
    CaseloadAssignment,
    LoginSession,
    NetworkMembership,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.goal_shares import goal_share, share_choices, shared_goals
from jouw_omgeving.services.goals import goal_detail
from jouw_omgeving.services.network_invites import (
    MAX_OPEN_INVITES,
    invite_cancel,
    network_end,
    network_invite,
    network_list,
)
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_goal,
    make_network_member,
    make_network_membership,
    make_participant,
    make_partner,
)

ADDRESS = "192.0.2.44"


def _member(session, public_id: str) -> User:
    return session.exec(select(User).where(User.public_id == uuid.UUID(public_id))).one()


def _activate(session, code: str, username: str = "zus.anna"):
    return activation_complete(
        session, code=code, username=username, secret="80417", client_address=ADDRESS
    )


def test_invite_then_activate_accepts_the_membership(session):
    owner = make_participant(session)
    me = Viewer.of(owner)
    invite = network_invite(session, me, display_name="  Anna  ", relation="familie")
    assert invite["name"] == "Anna"
    assert timedelta(days=6) < invite["expires_at"] - utcnow() <= timedelta(days=7)

    member = _member(session, invite["member_public_id"])
    assert (member.role, member.username, member.password_hash) == (
        Role.NETWORK_MEMBER,
        None,
        None,
    )
    [row] = network_list(session, me)
    assert (row["name"], row["relation"], row["status"]) == ("Anna", "familie", "invited")
    assert (
        share_choices(
            session, me, goal_public_id=str(make_goal(session, participant=owner).public_id)
        )
        == []
    )

    checked = activation_check(session, code=invite["code"], client_address=ADDRESS)
    assert checked.user_id == member.id
    user = _activate(session, invite["code"])
    assert user.username == "zus.anna"
    membership = session.exec(
        select(NetworkMembership).where(NetworkMembership.member_id == member.id)
    ).one()
    assert membership.accepted_at is not None and membership.ended_at is None
    [row] = network_list(session, me)
    assert row["status"] == "active"


def test_the_code_works_once_and_not_after_seven_days(session):
    owner = make_participant(session)
    me = Viewer.of(owner)
    first = network_invite(session, me, display_name="Bas", relation="vriend")
    _activate(session, first["code"], "bas.vriend")
    with pytest.raises(InvalidInput):
        _activate(session, first["code"], "bas.tweede")

    late = network_invite(session, me, display_name="Cor", relation="buddy")
    with pytest.raises(InvalidInput):
        activation_check(
            session, code=late["code"], client_address=ADDRESS, now=utcnow() + timedelta(days=8)
        )
    [stored] = session.exec(
        select(ActivationCode).where(
            ActivationCode.user_id == _member(session, late["member_public_id"]).id
        )
    ).all()
    assert stored.code_hash != late["code"]  # only a hash is kept
    rows = {
        r["name"]: r["status"] for r in network_list(session, me, now=utcnow() + timedelta(days=8))
    }
    assert rows == {"Bas": "active", "Cor": "expired"}


def test_invite_input_is_checked_and_open_invites_are_limited(session):
    me = Viewer.of(make_participant(session))
    for name, relation in (("", "familie"), ("Anna", "baas"), (None, "familie"), ("A", 3)):
        with pytest.raises(InvalidInput):
            network_invite(session, me, display_name=name, relation=relation)
    for index in range(MAX_OPEN_INVITES):
        network_invite(session, me, display_name=f"Iemand {index}", relation="anders")
    with pytest.raises(InvalidInput):
        network_invite(session, me, display_name="Eén te veel", relation="anders")


def test_ending_takes_shared_goals_away_at_once_and_ends_sessions(session):
    owner = make_participant(session)
    me = Viewer.of(owner)
    invite = network_invite(session, me, display_name="Dina", relation="familie")
    member = _activate(session, invite["code"], "dina.fam")
    goal = make_goal(session, participant=owner, title="Een eigen huis")
    goal_share(
        session, me, goal_public_id=str(goal.public_id), member_public_id=str(member.public_id)
    )
    them = Viewer.of(member)
    assert [g["goal"]["title"] for g in shared_goals(session, them)] == ["Een eigen huis"]
    assert network_list(session, me)[0]["shared_goals"] == ["Een eigen huis"]
    session_start_pending(session, user=member, client_address=ADDRESS)

    network_end(session, me, member_public_id=str(member.public_id))

    assert shared_goals(session, them) == []
    with pytest.raises(AccessDenied):
        goal_detail(session, them, goal_public_id=str(goal.public_id))
    assert network_list(session, me) == []
    membership = session.exec(
        select(NetworkMembership).where(NetworkMembership.member_id == member.id)
    ).one()
    assert membership.ended_at is not None  # kept, ended
    open_sessions = session.exec(
        select(LoginSession).where(
            LoginSession.user_id == member.id, LoginSession.revoked_at.is_(None)
        )
    ).all()
    assert open_sessions == []


def test_a_member_of_another_network_keeps_their_sessions(session):
    first, second = make_participant(session), make_participant(session)
    member = make_network_member(session, participant=first)
    make_network_membership(session, participant=second, member=member)  # in two networks
    first_goal = make_goal(session, participant=first, title="Van de eerste", shared_with=[member])
    make_goal(session, participant=second, title="Van de tweede", shared_with=[member])
    session_start_pending(session, user=member, client_address=ADDRESS)
    network_end(session, Viewer.of(first), member_public_id=str(member.public_id))
    assert [g["goal"]["title"] for g in shared_goals(session, Viewer.of(member))] == [
        "Van de tweede"
    ]
    with pytest.raises(AccessDenied):
        goal_detail(session, Viewer.of(member), goal_public_id=str(first_goal.public_id))
    still_open = session.exec(
        select(LoginSession).where(
            LoginSession.user_id == member.id, LoginSession.revoked_at.is_(None)
        )
    ).all()
    assert len(still_open) == 1
    assert [r["name"] for r in network_list(session, Viewer.of(second))] == [member.display_name]


def test_cancel_an_unused_invite_stops_the_code(session):
    me = Viewer.of(make_participant(session))
    invite = network_invite(session, me, display_name="Eva", relation="buur")
    invite_cancel(session, me, member_public_id=invite["member_public_id"])
    with pytest.raises(InvalidInput):
        activation_check(session, code=invite["code"], client_address=ADDRESS)
    assert network_list(session, me) == []
    assert not _member(session, invite["member_public_id"]).active


def test_an_accepted_member_cannot_be_cancelled_only_ended(session):
    owner = make_participant(session)
    member = make_network_member(session, participant=owner)
    with pytest.raises(AccessDenied):
        invite_cancel(session, Viewer.of(owner), member_public_id=str(member.public_id))


def _refusals(session, actor: User) -> list[AuditEntry]:
    return list(
        session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == actor.id, AuditEntry.outcome == "refused"
            )
        )
    )


def test_another_participant_can_neither_see_nor_end_my_network(session):
    owner, stranger = make_participant(session), make_participant(session)
    member = make_network_member(session, participant=owner, display_name="Frits")
    assert network_list(session, Viewer.of(stranger)) == []
    for change in (network_end, invite_cancel):
        with pytest.raises(AccessDenied):
            change(session, Viewer.of(stranger), member_public_id=str(member.public_id))
    assert len(_refusals(session, stranger)) == 2
    assert [r["name"] for r in network_list(session, Viewer.of(owner))] == ["Frits"]
    for garbage in ("not-a-uuid", None, 17, {"x": 1}):
        with pytest.raises(AccessDenied):
            network_end(session, Viewer.of(owner), member_public_id=garbage)


@pytest.mark.parametrize("maker", ["counsellor", "partner", "admin", "network_member"])
def test_other_roles_are_refused_and_audited(session, maker):
    owner = make_participant(session)
    member = make_network_member(session, participant=owner)
    actor = {
        "counsellor": lambda: _counsellor_of(session, owner),
        "partner": lambda: make_partner(session),
        "admin": lambda: make_admin(session),
        "network_member": lambda: member,
    }[maker]()
    viewer = Viewer.of(actor)
    with pytest.raises(AccessDenied):
        network_invite(session, viewer, display_name="X", relation="familie")
    with pytest.raises(AccessDenied):
        network_list(session, viewer)
    with pytest.raises(AccessDenied):
        network_end(session, viewer, member_public_id=str(member.public_id))
    with pytest.raises(AccessDenied):
        invite_cancel(session, viewer, member_public_id=str(member.public_id))
    assert len(_refusals(session, actor)) == 4
    assert network_list(session, Viewer.of(owner))[0]["status"] == "active"


def _counsellor_of(session, participant: User) -> User:
    counsellor_id = session.exec(
        select(CaseloadAssignment.counsellor_id).where(
            CaseloadAssignment.participant_id == participant.id
        )
    ).one()
    return session.get(User, counsellor_id)
