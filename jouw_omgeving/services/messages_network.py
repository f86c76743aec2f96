"""Chats between a participant and the people of their own network.

The participant opens a chat with one of their active network members (accepted and not
ended); the member lists the chats of the participants who invited them and takes part
through the same thread services as everyone else (:mod:`.messages`, :mod:`.messages_send`),
guarded by :func:`~.messages_access.authorize_thread`. When a membership ends, the chat
disappears from both lists and the member is refused at once.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import MessageThread, NetworkMembership, User
from jouw_omgeving.models.enums import Role, ThreadKind
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_role,
    require_thread_access,
)
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.messages import ThreadTile
from jouw_omgeving.services.messages_read import thread_unread_expr
from jouw_omgeving.services.relations import active_membership_condition
from jouw_omgeving.services.viewer import Viewer


@dataclass(frozen=True)
class NetworkChatChoice:
    """Someone of the participant's network they can write to."""

    member_public_id: str
    name: str
    relation: str  # "zus", "buddy", ... in the participant's own words


def network_chat_choices(session: Session, viewer: Viewer) -> list[NetworkChatChoice]:
    """The participant's active network members, by name (whom a new chat can be with)."""
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.MESSAGES)
    rows = session.exec(
        select(User.public_id, User.display_name, NetworkMembership.relation)
        .join(NetworkMembership, NetworkMembership.member_id == User.id)
        .where(active_membership_condition(viewer.user_id, User.id))
        .order_by(User.display_name, User.id)
    ).all()
    return [NetworkChatChoice(str(public_id), name, relation) for public_id, name, relation in rows]


def network_thread_start(
    session: Session, viewer: Viewer, *, member_public_id: object
) -> MessageThread:
    """The participant's chat with this network member, opened the first time.

    Raises:
        AccessDenied: not a participant, or the id is not an active member of their own
            network (unknown, malformed, someone else's, ended): refused alike and audited.
    """
    require_role(
        viewer, Role.PARTICIPANT, session=session, category=Category.MESSAGES, action=Action.CREATE
    )
    parsed = parse_public_id(member_public_id)
    member = (
        session.exec(
            select(User)
            .where(User.public_id == parsed, User.role == Role.NETWORK_MEMBER.value)
            .where(sa.exists().where(active_membership_condition(viewer.user_id, User.id)))
        ).first()
        if parsed is not None
        else None
    )
    if member is None:
        refuse(
            session,
            viewer,
            participant_id=viewer.user_id,
            category=Category.MESSAGES,
            action=Action.CREATE,
            detail=f"not an active network member {repr(member_public_id)[:60]}",
        )
    thread = session.exec(
        select(MessageThread)
        .where(
            MessageThread.participant_id == viewer.user_id,
            MessageThread.kind == ThreadKind.NETWORK.value,
            MessageThread.network_member_id == member.id,
        )
        .order_by(MessageThread.id)
    ).first()
    if thread is None:
        thread = MessageThread(
            participant_id=viewer.user_id,
            kind=ThreadKind.NETWORK.value,
            network_member_id=member.id,
        )
        session.add(thread)
        session.flush()
    return thread


def network_member_threads(session: Session, viewer: Viewer) -> list[ThreadTile]:
    """The network member's chats with participants whose network they are in now.

    Newest first. Each participant shown is an audited read of their messages.
    """
    require_role(viewer, Role.NETWORK_MEMBER, session=session, category=Category.MESSAGES)
    rows = session.exec(
        select(
            MessageThread, User.display_name, thread_unread_expr(viewer.user_id, MessageThread.id)
        )
        .join(User, User.id == MessageThread.participant_id)
        .where(
            MessageThread.kind == ThreadKind.NETWORK.value,
            MessageThread.network_member_id == viewer.user_id,
        )
        .where(
            sa.exists().where(
                active_membership_condition(MessageThread.participant_id, viewer.user_id)
            )
        )
        .order_by(MessageThread.last_message_at.desc().nulls_last(), MessageThread.id)
    ).all()
    tiles = []
    for thread, name, unread in rows:
        require_thread_access(
            session,
            viewer,
            participant_id=thread.participant_id,
            thread_id=thread.id,
            action=Action.READ,
        )
        tiles.append(
            ThreadTile(
                public_id=str(thread.public_id),
                kind=thread.kind,
                with_name=name,
                unread=int(unread or 0),
            )
        )
    return tiles
