"""Who may read and write a message thread, and who reads along (shown in the thread).

A counsellor thread is the participant's ``messages`` data: the participant reaches it as
their own; counsellors on the active caseload read and write; colleagues of a team whose
policy says the team reads along only read. Admins, partners and evaluators have no grant
for messages and are refused by the guard.

A network thread is between the participant and the one network member it was opened with;
nobody else reads it, counsellors neither. The member reaches it through the guard
(relation ``NETWORK_THREAD``: their own chat, membership accepted and not ended, audited)
and loses it the moment the membership ends; the participant keeps reading their own
history, but writes only while the membership is active.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import CaseloadAssignment, MessageThread, NetworkMembership, Team, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role, ThreadKind
from jouw_omgeving.services.access import (
    Action,
    Category,
    Subject,
    decide,
    refuse,
    require_thread_access,
)
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.policy import Relation
from jouw_omgeving.services.relations import active_membership_condition
from jouw_omgeving.services.viewer import Viewer


@dataclass(frozen=True)
class ThreadAccess:
    """A thread the viewer may open, and whether they take part (write, mark read)."""

    thread: MessageThread
    can_write: bool


def thread_by_public_id(session: Session, viewer: Viewer, public_id: object) -> MessageThread:
    """The thread behind a browser-supplied id; unknown and malformed ids are refused alike."""
    parsed = parse_public_id(public_id)
    thread = (
        session.exec(select(MessageThread).where(MessageThread.public_id == parsed)).first()
        if parsed is not None
        else None
    )
    if thread is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.MESSAGES,
            detail=f"unknown or malformed thread id {repr(public_id)[:60]}",
        )
    return thread


def membership_active(session: Session, participant_id: int, member_id: int | None) -> bool:
    """Whether this network member is in the participant's network right now."""
    if member_id is None:
        return False
    found = session.exec(
        select(NetworkMembership.id).where(active_membership_condition(participant_id, member_id))
    ).first()
    return found is not None


def _subject(thread: MessageThread) -> Subject:
    return Subject(thread.participant_id, Category.MESSAGES, thread_id=thread.id)


def _outsider_on_network_thread(viewer: Viewer, thread: MessageThread) -> bool:
    """Anyone but the participant and the thread's own network member (staff included)."""
    if thread.kind == ThreadKind.COUNSELLOR or viewer.user_id == thread.participant_id:
        return False
    return not (viewer.role == Role.NETWORK_MEMBER and viewer.user_id == thread.network_member_id)


def may_read(session: Session, viewer: Viewer, thread: MessageThread) -> bool:
    """Whether the viewer may read this thread right now (the guard's decision, not audited)."""
    if viewer.role == Role.PARTICIPANT and viewer.user_id == thread.participant_id:
        return True
    if _outsider_on_network_thread(viewer, thread):
        return False
    return decide(session, viewer, _subject(thread), Action.READ) is not None


def may_take_part(session: Session, viewer: Viewer, thread: MessageThread) -> bool:
    """Whether the viewer writes in (not only reads) this thread right now. Not audited."""
    if viewer.role == Role.PARTICIPANT:
        if viewer.user_id != thread.participant_id:
            return False
        return thread.kind == ThreadKind.COUNSELLOR or membership_active(
            session, thread.participant_id, thread.network_member_id
        )
    if _outsider_on_network_thread(viewer, thread):
        return False
    wanted = Relation.CASELOAD if thread.kind == ThreadKind.COUNSELLOR else Relation.NETWORK_THREAD
    return decide(session, viewer, _subject(thread), Action.CREATE) == wanted


def authorize_thread(
    session: Session, viewer: Viewer, thread: MessageThread, action: Action = Action.READ
) -> ThreadAccess:
    """Refuse (audited) unless the viewer may ``action`` this thread; audit others' access.

    The one check for every read and write of a thread.

    Raises:
        AccessDenied: another participant's thread, a network thread for anyone but its two
            people (counsellors included), a membership that ended, no grant.
    """
    if _outsider_on_network_thread(viewer, thread):
        refuse(
            session,
            viewer,
            participant_id=thread.participant_id,
            category=Category.MESSAGES,
            action=action,
            detail="network thread is the participant's and their network member's own",
        )
    require_thread_access(
        session,
        viewer,
        participant_id=thread.participant_id,
        thread_id=thread.id,
        action=action,
    )
    return ThreadAccess(thread=thread, can_write=may_take_part(session, viewer, thread))


def open_thread_access(
    session: Session, viewer: Viewer, public_id: object, action: Action = Action.READ
) -> ThreadAccess:
    """Resolve a browser-supplied thread id and authorize ``action`` on it (audited)."""
    return authorize_thread(
        session, viewer, thread_by_public_id(session, viewer, public_id), action
    )


def caseload_counsellors(session: Session, participant_id: int) -> list[User]:
    """The counsellors guiding this participant now, by name."""
    now = utcnow()
    return list(
        session.exec(
            select(User)
            .where(
                sa.exists().where(
                    CaseloadAssignment.counsellor_id == User.id,
                    CaseloadAssignment.participant_id == participant_id,
                    CaseloadAssignment.starts_at <= now,
                    sa.or_(CaseloadAssignment.ends_at.is_(None), CaseloadAssignment.ends_at > now),
                )
            )
            .order_by(User.display_name)
        ).all()
    )


@dataclass(frozen=True)
class ThreadReaders:
    """Who can read a thread: the participant, counsellors, and a team reading along."""

    participant_name: str
    counsellor_names: tuple[str, ...]
    team_name: str | None
    network_member_name: str | None


def thread_readers(session: Session, thread: MessageThread) -> ThreadReaders:
    """Everyone who can read ``thread`` now, as names (shown in the thread itself)."""
    participant = session.get(User, thread.participant_id)
    if thread.kind != ThreadKind.COUNSELLOR:
        member = session.get(User, thread.network_member_id) if thread.network_member_id else None
        return ThreadReaders(
            participant.display_name, (), None, member.display_name if member else None
        )
    team = session.get(Team, participant.team_id) if participant.team_id else None
    return ThreadReaders(
        participant_name=participant.display_name,
        counsellor_names=tuple(
            c.display_name for c in caseload_counsellors(session, participant.id)
        ),
        team_name=team.name if team is not None and team.team_reads_messages else None,
        network_member_name=None,
    )
