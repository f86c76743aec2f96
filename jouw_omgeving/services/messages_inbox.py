"""The counsellor's inbox: the threads of the active caseload, newest first, searchable.

One query per page (LIMIT/OFFSET, one row more to know whether there is a next page); the
unread count and the last (or last matching) message are correlated subqueries on indexed
columns. Every participant whose messages appear on a page gets an audit entry.
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models import CaseloadAssignment, Message, MessageThread, User
from jouw_omgeving.models.enums import AuditOutcome, Role, ThreadKind
from jouw_omgeving.services.access import (
    Action,
    Category,
    active_caseload_condition,
    require_role,
)
from jouw_omgeving.services.audit import audit_record
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.services.messages_read import thread_unread_expr
from jouw_omgeving.services.viewer import Viewer

INBOX_PAGE_SIZE = 20
MAX_SEARCH_LENGTH = 100
PREVIEW_LENGTH = 120


@dataclass(frozen=True)
class InboxRow:
    """One thread in the inbox."""

    thread_public_id: str
    participant_name: str
    unread: int
    last_message_at: datetime | None
    preview: str  # the last message, or the newest one matching the search
    preview_is_mine: bool


@dataclass(frozen=True)
class InboxPage:
    """A page of the inbox and whether more pages follow."""

    rows: list[InboxRow]
    page: int
    has_next: bool


def _like_pattern(search: str) -> str:
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def counsellor_inbox(
    session: Session,
    viewer: Viewer,
    *,
    unread_first: bool = False,
    search: str = "",
    page: int = 0,
    page_size: int = INBOX_PAGE_SIZE,
) -> InboxPage:
    """The viewer's caseload threads, newest first (optionally those with unread first).

    ``search`` (at most 100 characters, case-insensitive) keeps the threads with a message
    containing it, or whose participant's name contains it; the preview is then the newest
    matching message.
    """
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.MESSAGES)
    search = search.strip()[:MAX_SEARCH_LENGTH]
    page = max(0, page)
    _ensure_threads(session, viewer)
    on_caseload = sa.exists().where(
        CaseloadAssignment.participant_id == MessageThread.participant_id,
        active_caseload_condition(viewer.user_id),
    )
    preview_filter = Message.thread_id == MessageThread.id
    conditions = [on_caseload, MessageThread.kind == ThreadKind.COUNSELLOR.value]
    if search:
        matches = Message.body.ilike(_like_pattern(search), escape="\\")
        preview_filter = sa.and_(preview_filter, matches)
        has_match = sa.exists().where(Message.thread_id == MessageThread.id, matches)
        name_match = User.display_name.ilike(_like_pattern(search), escape="\\")
        conditions.append(sa.or_(has_match, name_match))
    last_id = (
        select(sa.func.max(Message.id))
        .where(preview_filter)
        .correlate(MessageThread)
        .scalar_subquery()
    )
    unread = thread_unread_expr(viewer.user_id, MessageThread.id).label("unread")
    order = [MessageThread.last_message_at.desc().nulls_last(), MessageThread.id.desc()]
    if unread_first:
        order.insert(0, sa.case((unread > 0, 0), else_=1))
    rows = session.exec(
        select(MessageThread, User.display_name, User.id, unread, last_id.label("last_id"))
        .join(User, User.id == MessageThread.participant_id)
        .where(*conditions)
        .order_by(*order)
        .limit(page_size + 1)
        .offset(page * page_size)
    ).all()
    shown = rows[:page_size]
    previews = _previews(session, [row[4] for row in shown if row[4] is not None])
    result = []
    for thread, name, participant_id, unread_count, message_id in shown:
        body, sender_id = previews.get(message_id, ("", None))
        result.append(
            InboxRow(
                thread_public_id=str(thread.public_id),
                participant_name=name,
                unread=int(unread_count or 0),
                last_message_at=thread.last_message_at,
                preview=_shorten(body),
                preview_is_mine=sender_id == viewer.user_id,
            )
        )
        audit_record(
            session,
            viewer=viewer,
            participant_id=participant_id,
            action=Action.READ,
            category=Category.MESSAGES,
            outcome=AuditOutcome.ALLOWED,
            detail="inbox search" if search else "inbox",
        )
    return InboxPage(rows=result, page=page, has_next=len(rows) > page_size)


def _ensure_threads(session: Session, viewer: Viewer) -> None:
    """Every participant on the caseload has a thread to write in, even before a message."""
    without_thread = session.exec(
        select(CaseloadAssignment.participant_id)
        .where(active_caseload_condition(viewer.user_id))
        .where(
            ~sa.exists().where(
                MessageThread.participant_id == CaseloadAssignment.participant_id,
                MessageThread.kind == ThreadKind.COUNSELLOR.value,
            )
        )
    ).all()
    for participant_id in set(without_thread):
        ensure_counsellor_thread(session, participant_id)


def _previews(session: Session, message_ids: list[int]) -> dict[int, tuple[str, int]]:
    if not message_ids:
        return {}
    rows = session.exec(
        select(Message.id, Message.body, Message.sender_id).where(Message.id.in_(message_ids))
    ).all()
    return {message_id: (body, sender) for message_id, body, sender in rows}


def _shorten(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= PREVIEW_LENGTH else flat[: PREVIEW_LENGTH - 1] + "…"
