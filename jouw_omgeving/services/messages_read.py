"""Unread counts: messages from others beyond the reader's read marker."""

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import Message, MessageThread, ThreadReadMarker


def unread_count_expr(reader_id: int, participant_id_column):
    """Scalar subquery: messages unread by ``reader_id`` in this participant's threads."""
    marker = sa.orm.aliased(ThreadReadMarker)
    return (
        select(sa.func.count(Message.id))
        .join(MessageThread, MessageThread.id == Message.thread_id)
        .outerjoin(
            marker, sa.and_(marker.thread_id == MessageThread.id, marker.user_id == reader_id)
        )
        .where(MessageThread.participant_id == participant_id_column)
        .where(Message.sender_id != reader_id)
        .where(Message.id > sa.func.coalesce(marker.last_read_message_id, 0))
        .correlate_except(Message, MessageThread, marker)
        .scalar_subquery()
    )


def unread_for_participant(session: Session, *, participant_id: int) -> int:
    """How many messages the participant has not read yet."""
    return session.exec(select(unread_count_expr(participant_id, participant_id))).one()
