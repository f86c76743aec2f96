"""Sending a message: clean and check the text, store it exactly once, tell the recipients.

Idempotency: the browser creates a key per message and sends it again on a retry. The model
has a unique constraint on ``(sender_id, idempotency_key)``; the same key in the same thread
returns the stored message instead of a second one (also when two retries race: the loser's
insert hits the constraint and reads the winner's row). The same key in *another* thread is
refused. Text is stored as plain text; pages show it as text, never as HTML.
"""

import re
import unicodedata

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Message, MessageThread
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.access import Action, Category, refuse
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.messages import MessageItem, mark_read, to_items
from jouw_omgeving.services.messages_access import (
    authorize_thread,
    caseload_counsellors,
    thread_by_public_id,
)
from jouw_omgeving.services.notifications import MessageNotifier, get_notifier
from jouw_omgeving.services.viewer import Viewer

MAX_BODY_LENGTH = 5000
# Raw input may be longer before cleaning (e.g. \r\n), but never absurdly so.
MAX_RAW_LENGTH = 2 * MAX_BODY_LENGTH
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_KEEP_CONTROLS = {"\n", "\t"}

EMPTY = N_("Je bericht is leeg. Typ eerst iets.")
TOO_LONG = N_("Je bericht is te lang. Maak het korter (hoogstens 5000 tekens).")
BAD_KEY = N_("Er ging iets mis met versturen. Ververs de pagina en probeer het opnieuw.")


def clean_body(raw: object) -> str:
    """The text as it will be stored, or InvalidInput with a plain Dutch reason.

    Control characters other than newline and tab are removed (a carriage return becomes
    a newline), as are lone surrogates and other unencodable code points; surrounding
    blank space is trimmed. HTML stays literally as typed: it is text.
    """
    if not isinstance(raw, str):
        raise InvalidInput(EMPTY, "body is not a string")
    if len(raw) > MAX_RAW_LENGTH:
        raise InvalidInput(TOO_LONG, f"raw body of {len(raw)} characters")
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in _KEEP_CONTROLS or not _unwanted(ch))
    text = text.strip()
    if not text:
        raise InvalidInput(EMPTY, "empty after cleaning")
    if len(text) > MAX_BODY_LENGTH:
        raise InvalidInput(TOO_LONG, f"body of {len(text)} characters")
    return text


def _unwanted(ch: str) -> bool:
    # Cc: control characters; Cs: lone surrogates (not storable as UTF-8).
    return unicodedata.category(ch) in {"Cc", "Cs"}


def valid_key(key: object) -> str:
    """The idempotency key if it is well formed (8-64 of A-Z a-z 0-9 - _)."""
    if not isinstance(key, str) or not _KEY_PATTERN.fullmatch(key):
        raise InvalidInput(BAD_KEY, "malformed idempotency key")
    return key


def send_message(
    session: Session,
    viewer: Viewer,
    *,
    thread_public_id: object,
    body: object,
    idempotency_key: object,
    notifier: MessageNotifier | None = None,
) -> MessageItem:
    """Store a message once and return it (the stored one again on a resend).

    Raises:
        AccessDenied: the viewer may not write in this thread (audited).
        InvalidInput: empty, too long, or a malformed key (nothing stored).
    """
    thread = thread_by_public_id(session, viewer, thread_public_id)
    access = authorize_thread(session, viewer, thread, Action.CREATE)
    if not access.can_write:
        refuse(
            session,
            viewer,
            participant_id=thread.participant_id,
            category=Category.MESSAGES,
            action=Action.CREATE,
            detail="reads along only",
        )
    text = clean_body(body)
    key = valid_key(idempotency_key)
    existing = _by_key(session, viewer, key)
    if existing is not None:
        return _resent(session, viewer, thread, existing)
    message = Message(thread_id=thread.id, sender_id=viewer.user_id, body=text, idempotency_key=key)
    try:
        with session.begin_nested():
            session.add(message)
            session.flush()
    except IntegrityError:
        # A concurrent retry with the same key won the race: return its row.
        existing = _by_key(session, viewer, key)
        if existing is None:
            raise
        return _resent(session, viewer, thread, existing)
    thread.last_message_at = message.created_at or utcnow()
    session.add(thread)
    mark_read(session, viewer, thread, message.id)
    session.flush()
    _notify(session, viewer, thread, notifier or get_notifier())
    return to_items(session, viewer, thread, [message])[0]


def _by_key(session: Session, viewer: Viewer, key: str) -> Message | None:
    return session.exec(
        select(Message).where(Message.sender_id == viewer.user_id, Message.idempotency_key == key)
    ).first()


def _resent(
    session: Session, viewer: Viewer, thread: MessageThread, existing: Message
) -> MessageItem:
    if existing.thread_id != thread.id:
        raise InvalidInput(BAD_KEY, "idempotency key already used in another thread")
    return to_items(session, viewer, thread, [existing])[0]


def _notify(
    session: Session, viewer: Viewer, thread: MessageThread, notifier: MessageNotifier
) -> None:
    """Content-free: only who gets something, and in which thread."""
    if viewer.user_id == thread.participant_id:
        if thread.network_member_id is not None:
            recipients = [thread.network_member_id]
        else:
            recipients = [c.id for c in caseload_counsellors(session, thread.participant_id)]
    else:
        recipients = [thread.participant_id]
    for recipient_id in recipients:
        if recipient_id != viewer.user_id:
            notifier.message_arrived(
                recipient_id=recipient_id, thread_public_id=str(thread.public_id)
            )
