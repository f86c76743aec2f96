"""Reading message threads: the participant's list, one thread page by page, and polling.

Messages come oldest to newest within a page; the first page is the newest one and older
pages are fetched by keyset (``id < before``), so a thread of any length opens in one small
indexed query. Opening a thread moves the reader's read marker (receipts for the other side).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import (
    Attachment,
    Message,
    MessageThread,
    User,
)
from jouw_omgeving.models.enums import Role, ThreadKind
from jouw_omgeving.services.access import (
    Category,
    refuse,
    require_role,
)
from jouw_omgeving.services.errors import NotFound
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.messages_access import (
    ThreadReaders,
    authorize_thread,
    caseload_counsellors,
    may_read,
    open_thread_access,
    thread_readers,
)
from jouw_omgeving.services.messages_read import mark_read, read_positions, thread_unread_expr
from jouw_omgeving.services.relations import active_membership_condition
from jouw_omgeving.services.viewer import Viewer

PAGE_SIZE = 30
MAX_PAGE_SIZE = 100


class ThreadTile(TypedDict):
    """One thread in the participant's list: who it is with, and how many are unread."""

    public_id: str
    kind: str
    with_name: str
    unread: int


@dataclass(frozen=True)
class MessageItem:
    """One message as the services hand it to the state (ids stay on the server)."""

    id: int
    public_id: str
    body: str
    sender_name: str
    from_participant: bool
    mine: bool
    created_at: datetime
    attachment_public_id: str = ""
    attachment_type: str = ""


@dataclass(frozen=True)
class ThreadPage:
    """A page of a thread, oldest to newest, with what the reader needs around it."""

    thread_id: int
    public_id: str
    kind: str
    participant_name: str
    messages: list[MessageItem]
    has_older: bool
    can_write: bool
    readers: ThreadReaders
    # Receipts: how far the participant has read, and how far the staff side has read.
    participant_read_upto: int
    staff_read_upto: int


def ensure_counsellor_thread(session: Session, participant_id: int) -> MessageThread:
    """The participant's thread with their counsellor(s), created the first time."""
    thread = session.exec(
        select(MessageThread)
        .where(
            MessageThread.participant_id == participant_id,
            MessageThread.kind == ThreadKind.COUNSELLOR.value,
        )
        .order_by(MessageThread.id)
    ).first()
    if thread is None:
        thread = MessageThread(participant_id=participant_id, kind=ThreadKind.COUNSELLOR.value)
        session.add(thread)
        session.flush()
    return thread


def participant_threads(session: Session, viewer: Viewer) -> list[ThreadTile]:
    """The participant's own threads: the counsellor thread first, then network chats."""
    require_role(viewer, Role.PARTICIPANT, session=session, category=Category.MESSAGES)
    ensure_counsellor_thread(session, viewer.user_id)
    active_member = sa.exists().where(
        active_membership_condition(MessageThread.participant_id, MessageThread.network_member_id)
    )
    rows = session.exec(
        select(
            MessageThread, User.display_name, thread_unread_expr(viewer.user_id, MessageThread.id)
        )
        .outerjoin(User, User.id == MessageThread.network_member_id)
        .where(MessageThread.participant_id == viewer.user_id)
        .where(sa.or_(MessageThread.kind == ThreadKind.COUNSELLOR.value, active_member))
        .order_by(
            sa.case((MessageThread.kind == ThreadKind.COUNSELLOR.value, 0), else_=1),
            MessageThread.last_message_at.desc().nulls_last(),
            MessageThread.id,
        )
    ).all()
    counsellors = ", ".join(c.display_name for c in caseload_counsellors(session, viewer.user_id))
    return [
        ThreadTile(
            public_id=str(thread.public_id),
            kind=thread.kind,
            with_name=counsellors if thread.kind == ThreadKind.COUNSELLOR else (member or ""),
            unread=int(unread or 0),
        )
        for thread, member, unread in rows
    ]


def open_thread(
    session: Session,
    viewer: Viewer,
    *,
    thread_public_id: object,
    before: object = None,
    limit: int = PAGE_SIZE,
) -> ThreadPage:
    """A page of messages (newest page unless ``before``); the newest page marks it read.

    ``before`` is a message public id: the page holds the messages older than that one.

    Raises:
        AccessDenied: unknown id, another participant's thread, or no grant (audited).
    """
    access = open_thread_access(session, viewer, thread_public_id)
    thread = access.thread
    limit = max(1, min(int(limit), MAX_PAGE_SIZE))
    query = select(Message).where(Message.thread_id == thread.id)
    if before is not None:
        before_id = _message_id(session, thread, before)
        query = query.where(Message.id < before_id)
    newest_first = session.exec(query.order_by(Message.id.desc()).limit(limit + 1)).all()
    has_older = len(newest_first) > limit
    messages = list(reversed(newest_first[:limit]))
    if before is None and access.can_write and messages:
        mark_read(session, viewer, thread, messages[-1].id)
    participant_upto, staff_upto = read_positions(session, thread)
    readers = thread_readers(session, thread)
    return ThreadPage(
        thread_id=thread.id,
        public_id=str(thread.public_id),
        kind=thread.kind,
        participant_name=readers.participant_name,
        messages=to_items(session, viewer, thread, messages),
        has_older=has_older,
        can_write=access.can_write,
        readers=readers,
        participant_read_upto=participant_upto,
        staff_read_upto=staff_upto,
    )


@dataclass(frozen=True)
class PollResult:
    """What changed in a thread since the client's last message id."""

    messages: list[MessageItem]
    participant_read_upto: int
    staff_read_upto: int


def poll_thread(
    session: Session, viewer: Viewer, *, thread_id: int, after_id: int, limit: int = MAX_PAGE_SIZE
) -> PollResult:
    """New messages after ``after_id`` and the read positions; one cheap indexed query.

    Called about once a second while a thread is open. Access is re-checked every time
    (a caseload may end); staff reads are audited only when new messages are delivered.

    Raises:
        AccessDenied: the viewer may no longer read the thread (audited).
    """
    thread = session.get(MessageThread, thread_id)
    if thread is None:
        refuse(session, viewer, participant_id=None, category=Category.MESSAGES, detail="no thread")
    new = session.exec(
        select(Message)
        .where(Message.thread_id == thread.id, Message.id > after_id)
        .order_by(Message.id)
        .limit(limit)
    ).all()
    if new or not may_read(session, viewer, thread):
        access = authorize_thread(session, viewer, thread)  # audits (or refuses) staff reads
        if access.can_write and new:
            mark_read(session, viewer, thread, new[-1].id)
    participant_upto, staff_upto = read_positions(session, thread)
    return PollResult(to_items(session, viewer, thread, list(new)), participant_upto, staff_upto)


def is_read_by_other_side(item: MessageItem, participant_upto: int, staff_upto: int) -> bool:
    """Whether the other side has read this message (the "gelezen" receipt)."""
    return item.id <= (staff_upto if item.from_participant else participant_upto)


def to_items(
    session: Session, viewer: Viewer, thread: MessageThread, messages: list[Message]
) -> list[MessageItem]:
    """Messages with their senders' names; ``mine`` is the viewer's own side of the thread."""
    sender_ids = {m.sender_id for m in messages}
    names = (
        dict(session.exec(select(User.id, User.display_name).where(User.id.in_(sender_ids))).all())
        if sender_ids
        else {}
    )
    attachments = (
        {
            message_id: (str(public_id), content_type)
            for message_id, public_id, content_type in session.exec(
                select(Attachment.message_id, Attachment.public_id, Attachment.content_type).where(
                    Attachment.message_id.in_([m.id for m in messages])
                )
            ).all()
        }
        if messages
        else {}
    )
    viewer_is_participant = viewer.user_id == thread.participant_id
    items = []
    for message in messages:
        from_participant = message.sender_id == thread.participant_id
        items.append(
            MessageItem(
                id=message.id,
                public_id=str(message.public_id),
                body=message.body,
                sender_name=names.get(message.sender_id, ""),
                from_participant=from_participant,
                mine=from_participant
                if viewer_is_participant
                else message.sender_id == viewer.user_id,
                created_at=message.created_at,
                attachment_public_id=attachments.get(message.id, ("", ""))[0],
                attachment_type=attachments.get(message.id, ("", ""))[1],
            )
        )
    return items


def _message_id(session: Session, thread: MessageThread, public_id: object) -> int:
    parsed = parse_public_id(public_id)
    found = (
        session.exec(
            select(Message.id).where(Message.public_id == parsed, Message.thread_id == thread.id)
        ).first()
        if parsed is not None
        else None
    )
    if found is None:
        raise NotFound(f"unknown message cursor {repr(public_id)[:60]}")
    return found
