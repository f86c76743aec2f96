"""Who may read and write a message thread, and who reads along (shown in the thread).

A counsellor thread is the participant's ``messages`` data: the participant reaches it as
their own; counsellors on the active caseload read and write; colleagues of a team whose
policy says the team reads along only read. Admins, partners and evaluators have no grant
for messages and are refused by the guard. Network threads are between the participant and
the one network member; nobody else reads them (the network member's side is not built
yet, so for now only the participant reaches them).
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import CaseloadAssignment, MessageThread, Team, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role, ThreadKind
from jouw_omgeving.services.access import (
    Action,
    Category,
    Subject,
    decide,
    refuse,
    require_participant_access,
)
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.policy import Relation
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


def may_take_part(session: Session, viewer: Viewer, thread: MessageThread) -> bool:
    """Whether the viewer writes in (not only reads) this thread right now. Not audited."""
    if viewer.role == Role.PARTICIPANT:
        return viewer.user_id == thread.participant_id
    if thread.kind != ThreadKind.COUNSELLOR:
        return False
    subject = Subject(thread.participant_id, Category.MESSAGES)
    return decide(session, viewer, subject, Action.CREATE) == Relation.CASELOAD


def authorize_thread(
    session: Session, viewer: Viewer, thread: MessageThread, action: Action = Action.READ
) -> ThreadAccess:
    """Refuse (audited) unless the viewer may ``action`` this thread; audit staff access.

    Raises:
        AccessDenied: another participant's thread, a network thread for staff, no grant.
    """
    if thread.kind != ThreadKind.COUNSELLOR and viewer.user_id != thread.participant_id:
        refuse(
            session,
            viewer,
            participant_id=thread.participant_id,
            category=Category.MESSAGES,
            action=action,
            detail="network thread is the participant's own",
        )
    require_participant_access(
        session,
        viewer,
        participant_id=thread.participant_id,
        category=Category.MESSAGES,
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
