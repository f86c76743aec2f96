"""The participant's own network: invite someone with a one-time code, see and end it.

An invite reuses the participant activation flow: it creates a network-member account
without a username, a :class:`~jouw_omgeving.models.NetworkMembership` (invited) and a
one-time activation code (hashed, single use, 7 days). The invitee opens ``/activeren``
with the code, chooses a username and a PIN, and the membership is accepted
(:func:`.network_accept.network_invites_accept`). Each invite makes its own account, also
for someone already in another participant's network.

Only the participant manages their own network; anyone else is refused (and audited).
Ending sets ``ended_at`` and never deletes: shared goals disappear at once because the
guard (:func:`~.relations._goal_shared`) asks for an active membership on every read.
"""

from datetime import datetime, timedelta
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.auth.activation import activation_code_create
from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.i18n import N_
from jouw_omgeving.models import ActivationCode, Goal, GoalShare, NetworkMembership, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import GoalStatus, Role
from jouw_omgeving.services.access import Action, Category, refuse, require_role
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.relations import membership_running_condition
from jouw_omgeving.services.text_input import clean_line
from jouw_omgeving.services.viewer import Viewer

INVITE_LIFETIME = timedelta(days=7)
MAX_OPEN_INVITES = 3  # TOO_MANY_INVITES says "3": change both together
NAME_MAX_LENGTH = 120  # User.display_name

# The relations a participant picks from, with the words shown for each.
RELATIONS: dict[str, str] = {
    "familie": N_("Familie"),
    "partner": N_("Partner"),
    "vriend": N_("Vriend of vriendin"),
    "buur": N_("Buurman of buurvrouw"),
    "buddy": N_("Buddy of maatje"),
    "anders": N_("Iemand anders"),
}

NAME_MISSING = N_("Typ de naam van de persoon die je wilt uitnodigen.")
RELATION_UNKNOWN = N_("Kies wie deze persoon voor je is.")
TOO_MANY_INVITES = N_(
    "Je hebt al 3 uitnodigingen die nog niet gebruikt zijn. Stop er eerst een, "
    "of wacht tot iemand de code gebruikt."
)


class NetworkInvite(TypedDict):
    """A new invite: the code to hand over (once) and until when it works."""

    member_public_id: str
    name: str
    code: str
    expires_at: datetime


class NetworkRow(TypedDict):
    """Someone in (or invited to) the participant's network, and what they can see."""

    member_public_id: str
    name: str
    relation: str
    status: str  # "active", "invited" or "expired"
    since: datetime
    shared_goals: list[str]


def _own_network(session: Session, viewer: Viewer, action: str) -> None:
    """Only the participant manages their network; others are refused and audited."""
    require_role(
        viewer, Role.PARTICIPANT, session=session, category=Category.NETWORK, action=action
    )


def _open_invites(session: Session, participant_id: int, now: datetime) -> int:
    return session.exec(
        select(sa.func.count())
        .select_from(NetworkMembership)
        .where(
            NetworkMembership.participant_id == participant_id,
            NetworkMembership.accepted_at.is_(None),
            NetworkMembership.ended_at.is_(None),
            NetworkMembership.invite_expires_at > now,
        )
    ).one()


def network_invite(
    session: Session,
    viewer: Viewer,
    *,
    display_name: object,
    relation: object,
    now: datetime | None = None,
) -> NetworkInvite:
    """Invite someone: a new account, an invited membership and a one-time code (7 days).

    Raises:
        AccessDenied: the viewer is not a participant (audited).
        InvalidInput: no name, an unknown relation, or too many open invites.
    """
    _own_network(session, viewer, Action.CREATE)
    now = now or utcnow()
    name = clean_line(display_name, max_length=NAME_MAX_LENGTH, empty_message=NAME_MISSING)
    if not isinstance(relation, str) or relation not in RELATIONS:
        raise InvalidInput(RELATION_UNKNOWN, f"relation {repr(relation)[:40]}")
    if _open_invites(session, viewer.user_id, now) >= MAX_OPEN_INVITES:
        raise InvalidInput(TOO_MANY_INVITES)
    member = User(role=Role.NETWORK_MEMBER, display_name=name, created_at=now)
    session.add(member)
    session.flush()
    code = activation_code_create(session, user_id=member.id, created_by_id=viewer.user_id, now=now)
    expires_at = now + INVITE_LIFETIME
    # The activation flow's default lifetime is for counsellors' cards; an invite is shorter.
    session.exec(
        sa.update(ActivationCode)
        .where(ActivationCode.user_id == member.id, ActivationCode.used_at.is_(None))
        .values(expires_at=expires_at)
    )
    session.add(
        NetworkMembership(
            participant_id=viewer.user_id,
            member_id=member.id,
            relation=relation,
            invite_expires_at=expires_at,
            invited_at=now,
        )
    )
    session.flush()
    return NetworkInvite(
        member_public_id=str(member.public_id), name=name, code=code, expires_at=expires_at
    )


def _status(membership: NetworkMembership, now: datetime) -> str:
    if membership.accepted_at is not None:
        return "active"
    expires = membership.invite_expires_at
    return "invited" if expires is not None and expires > now else "expired"


def _shared_titles(session: Session, participant_id: int, now: datetime) -> dict[int, list[str]]:
    rows = session.exec(
        select(GoalShare.network_member_id, Goal.title)
        .join(Goal, Goal.id == GoalShare.goal_id)
        .where(Goal.participant_id == participant_id, Goal.status != GoalStatus.STOPPED)
        .where(sa.or_(GoalShare.revoked_at.is_(None), GoalShare.revoked_at > now))
        .order_by(Goal.created_at, Goal.id)
    ).all()
    titles: dict[int, list[str]] = {}
    for member_id, title in rows:
        titles.setdefault(member_id, []).append(title)
    return titles


def network_list(
    session: Session, viewer: Viewer, *, now: datetime | None = None
) -> list[NetworkRow]:
    """The participant's network: members and open invites, with the goals each can see."""
    _own_network(session, viewer, Action.READ)
    return network_rows(session, viewer.user_id, now or utcnow())


def network_rows(session: Session, participant_id: int, now: datetime) -> list[NetworkRow]:
    """The rows of :func:`network_list` for a participant the caller has guarded already."""
    rows = session.exec(
        select(NetworkMembership, User)
        .join(User, User.id == NetworkMembership.member_id)
        .where(NetworkMembership.participant_id == participant_id)
        .where(sa.or_(NetworkMembership.ended_at.is_(None), NetworkMembership.ended_at > now))
        .order_by(NetworkMembership.invited_at, NetworkMembership.id)
    ).all()
    titles = _shared_titles(session, participant_id, now)
    return [
        NetworkRow(
            member_public_id=str(member.public_id),
            name=member.display_name,
            relation=membership.relation,
            status=(status := _status(membership, now)),
            since=membership.accepted_at or membership.invited_at,
            shared_goals=titles.get(member.id, []) if status == "active" else [],
        )
        for membership, member in rows
    ]


def _membership(
    session: Session, viewer: Viewer, member_public_id: object, now: datetime
) -> NetworkMembership:
    """The viewer's own current membership with this member, or a refusal (audited)."""
    parsed = parse_public_id(member_public_id)
    membership = (
        session.exec(
            select(NetworkMembership)
            .join(User, User.id == NetworkMembership.member_id)
            .where(User.public_id == parsed, NetworkMembership.participant_id == viewer.user_id)
            .where(sa.or_(NetworkMembership.ended_at.is_(None), NetworkMembership.ended_at > now))
        ).first()
        if parsed is not None
        else None
    )
    if membership is None:
        refuse(
            session,
            viewer,
            participant_id=viewer.user_id,
            category=Category.NETWORK,
            action=Action.UPDATE,
            detail=f"not in own network {repr(member_public_id)[:60]}",
        )
    return membership


def _still_member_elsewhere(session: Session, member_id: int, now: datetime) -> bool:
    return (
        session.exec(
            select(NetworkMembership.id).where(
                NetworkMembership.member_id == member_id, membership_running_condition(now)
            )
        ).first()
        is not None
    )


def _expire_codes(session: Session, member_id: int, now: datetime) -> None:
    session.exec(
        sa.update(ActivationCode)
        .where(
            ActivationCode.user_id == member_id,
            ActivationCode.used_at.is_(None),
            ActivationCode.expires_at > now,
        )
        .values(expires_at=now)
    )


def network_end(
    session: Session, viewer: Viewer, *, member_public_id: object, now: datetime | None = None
) -> None:
    """End the membership now (kept, never deleted); an unused invite's code stops working.

    When the member has no other active membership, their sessions end too.

    Raises:
        AccessDenied: not a participant, or not someone in the viewer's own network (audited).
    """
    _own_network(session, viewer, Action.UPDATE)
    now = now or utcnow()
    membership = _membership(session, viewer, member_public_id, now)
    membership.ended_at = now
    session.add(membership)
    session.flush()
    member_id = membership.member_id
    _expire_codes(session, member_id, now)
    if not _still_member_elsewhere(session, member_id, now):
        session_revoke_all(session, user_id=member_id, now=now)
    member = session.get(User, member_id)
    if member is not None and member.username is None and member.active:
        # An account nobody ever activated exists only for this invite.
        member.active = False
        member.deactivated_at = now
        session.add(member)
    session.flush()


def invite_cancel(
    session: Session, viewer: Viewer, *, member_public_id: object, now: datetime | None = None
) -> None:
    """Withdraw an invite nobody has used yet: the code stops working at once.

    Raises:
        AccessDenied: not a participant, not the viewer's own invite, or already accepted.
    """
    _own_network(session, viewer, Action.UPDATE)
    now = now or utcnow()
    membership = _membership(session, viewer, member_public_id, now)
    if membership.accepted_at is not None:
        refuse(
            session,
            viewer,
            participant_id=viewer.user_id,
            category=Category.NETWORK,
            action=Action.UPDATE,
            detail="invite already accepted: end the membership instead",
        )
    network_end(session, viewer, member_public_id=member_public_id, now=now)
