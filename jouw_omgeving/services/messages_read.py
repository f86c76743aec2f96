"""Unread counts and read markers: messages from others beyond the reader's marker.

Only counsellor threads count for staff: a participant's chats with their own network are
not the counsellor's to read (and the counsellor has no read marker there).
"""

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Message, MessageThread, ThreadReadMarker
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import ThreadKind
from jouw_omgeving.services.messages_access import may_take_part
from jouw_omgeving.services.viewer import Viewer


def unread_count_expr(reader_id: int, participant_id_column):
    """Scalar subquery: messages unread by ``reader_id`` in this participant's threads.

    The participant counts all their threads; anyone else only the counsellor threads.
    """
    marker = sa.orm.aliased(ThreadReadMarker)
    return (
        select(sa.func.count(Message.id))
        .join(MessageThread, MessageThread.id == Message.thread_id)
        .outerjoin(
            marker, sa.and_(marker.thread_id == MessageThread.id, marker.user_id == reader_id)
        )
        .where(MessageThread.participant_id == participant_id_column)
        .where(
            sa.or_(
                MessageThread.participant_id == reader_id,
                MessageThread.kind == ThreadKind.COUNSELLOR.value,
            )
        )
        .where(Message.sender_id != reader_id)
        .where(Message.id > sa.func.coalesce(marker.last_read_message_id, 0))
        .correlate_except(Message, MessageThread, marker)
        .scalar_subquery()
    )


def thread_unread_expr(reader_id: int, thread_id_column):
    """Scalar subquery: messages of one thread that ``reader_id`` has not read yet."""
    marker = sa.orm.aliased(ThreadReadMarker)
    read_upto = (
        select(marker.last_read_message_id)
        .where(marker.thread_id == thread_id_column, marker.user_id == reader_id)
        .correlate_except(marker)
        .scalar_subquery()
    )
    return (
        select(sa.func.count(Message.id))
        .where(Message.thread_id == thread_id_column)
        .where(Message.sender_id != reader_id)
        .where(Message.id > sa.func.coalesce(read_upto, 0))
        .correlate_except(Message)
        .scalar_subquery()
    )


def unread_for_participant(session: Session, *, participant_id: int) -> int:
    """How many messages the participant has not read yet."""
    return session.exec(select(unread_count_expr(participant_id, participant_id))).one()


def mark_read(session: Session, viewer: Viewer, thread: MessageThread, message_id: int) -> None:
    """Move the viewer's read marker forward to ``message_id`` (never backwards)."""
    if not may_take_part(session, viewer, thread):
        return  # readers along do not leave receipts
    marker = session.exec(
        select(ThreadReadMarker).where(
            ThreadReadMarker.thread_id == thread.id, ThreadReadMarker.user_id == viewer.user_id
        )
    ).first()
    if marker is None:
        session.add(
            ThreadReadMarker(
                thread_id=thread.id, user_id=viewer.user_id, last_read_message_id=message_id
            )
        )
    elif marker.last_read_message_id < message_id:
        marker.last_read_message_id = message_id
        marker.read_at = utcnow()
        session.add(marker)
    session.flush()


def read_positions(session: Session, thread: MessageThread) -> tuple[int, int]:
    """(participant's marker, highest marker of anyone else) in this thread."""
    rows = session.exec(
        select(ThreadReadMarker.user_id, ThreadReadMarker.last_read_message_id).where(
            ThreadReadMarker.thread_id == thread.id
        )
    ).all()
    participant = max((m for u, m in rows if u == thread.participant_id), default=0)
    others = max((m for u, m in rows if u != thread.participant_id), default=0)
    return participant, others


def thread_news_marks(session: Session, *, thread_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(newest message id, sum of the read markers) per thread: one query for many threads.

    A thread's pair changes whenever a message arrives or anyone's read marker moves
    (markers only move forward), so the live poll asks this every tick for every open
    thread page of a worker, and a page reads its thread itself (checking the session and
    access, see ``poll_thread``) only when its pair changed. It reveals no content; the
    callers already opened these threads with access checked. Threads that do not exist
    are left out.
    """
    if not thread_ids:
        return {}
    newest = (
        select(sa.func.max(Message.id))
        .where(Message.thread_id == MessageThread.id)
        .scalar_subquery()
    )
    markers = (
        select(sa.func.sum(ThreadReadMarker.last_read_message_id))
        .where(ThreadReadMarker.thread_id == MessageThread.id)
        .scalar_subquery()
    )
    rows = session.exec(
        select(MessageThread.id, newest, markers).where(
            MessageThread.id.in_(sorted(set(thread_ids)))
        )
    ).all()
    return {
        thread_id: (int(newest_id or 0), int(marker_sum or 0))
        for thread_id, newest_id, marker_sum in rows
    }
