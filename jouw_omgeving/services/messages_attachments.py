"""Attachments: a photo or PDF sent in a thread (a letter to show), and its download.

The type is decided by the file's first bytes, never by its name or the browser's claim:
JPEG, PNG and PDF are accepted; HEIC (iPhone photos) is refused with a plain way out.
Files live under ``settings.data_dir / "attachments"`` with a random name, outside anything
the web server serves; only someone who may read the thread gets one (and staff downloads
are audited like any read of the thread).
"""

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Attachment, Message, MessageThread
from jouw_omgeving.services.access import Category, refuse
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.messages import MessageItem, to_items
from jouw_omgeving.services.messages_access import authorize_thread
from jouw_omgeving.services.messages_send import send_message
from jouw_omgeving.services.notifications import MessageNotifier
from jouw_omgeving.services.viewer import Viewer

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_FILENAME_LENGTH = 120

TOO_BIG = N_("Dit bestand is te groot. Het mag hoogstens 10 MB zijn.")
HEIC = N_(
    "Deze foto is een HEIC-bestand. Dat kunnen we nog niet tonen. "
    "Maak een schermafbeelding van de foto en stuur die."
)
WRONG_TYPE = N_("Je kunt alleen een foto (JPG of PNG) of een PDF sturen.")
EMPTY_FILE = N_("Dit bestand is leeg.")


def sniff_content_type(data: bytes) -> str:
    """The content type by the file's own first bytes, or InvalidInput with the reason."""
    if not data:
        raise InvalidInput(EMPTY_FILE, "empty file")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(TOO_BIG, f"{len(data)} bytes")
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data[4:8] == b"ftyp" and data[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"hevc"}:
        raise InvalidInput(HEIC, "heic")
    raise InvalidInput(WRONG_TYPE, f"unknown content starting {data[:8]!r}")


def clean_filename(name: object, content_type: str) -> str:
    """A file name safe to show and to offer for download (no paths, no control chars)."""
    text = name if isinstance(name, str) else ""
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if ch.isprintable() and ch not in '<>:"|?*;')
    text = text.strip(" .")[:MAX_FILENAME_LENGTH]
    extension = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}
    return text or f"bijlage{extension[content_type]}"


def attachments_dir(data_dir: Path) -> Path:
    """Where attachment files are kept (created on first use, readable by the app only)."""
    directory = data_dir / "attachments"
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def attachment_send(
    session: Session,
    viewer: Viewer,
    *,
    thread_public_id: object,
    filename: object,
    data: bytes,
    idempotency_key: object,
    data_dir: Path,
    notifier: MessageNotifier | None = None,
) -> MessageItem:
    """Send ``data`` as a message of its own (the body is the file name).

    Raises:
        AccessDenied: the viewer may not write in this thread (audited).
        InvalidInput: too big, empty, HEIC or not a photo/PDF (nothing stored).
    """
    content_type = sniff_content_type(data)
    name = clean_filename(filename, content_type)
    item = send_message(
        session,
        viewer,
        thread_public_id=thread_public_id,
        body=f"📎 {name}",
        idempotency_key=idempotency_key,
        notifier=notifier,
    )
    message = session.exec(select(Message).where(Message.public_id == _uuid(item.public_id))).one()
    thread = session.get(MessageThread, message.thread_id)
    if session.exec(select(Attachment.id).where(Attachment.message_id == message.id)).first():
        return to_items(session, viewer, thread, [message])[0]  # a resend: the file is there
    storage_key = secrets.token_hex(20)
    (attachments_dir(data_dir) / storage_key).write_bytes(data)
    session.add(
        Attachment(
            message_id=message.id,
            filename=name,
            content_type=content_type,
            size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            storage_key=storage_key,
        )
    )
    session.flush()
    return to_items(session, viewer, thread, [message])[0]


@dataclass(frozen=True)
class Download:
    """A file the viewer may have: where it is and how to send it."""

    path: Path
    filename: str
    content_type: str


def attachment_download(
    session: Session, viewer: Viewer, *, attachment_public_id: object, data_dir: Path
) -> Download:
    """The attachment's file, once the viewer may read its thread (staff audited).

    Raises:
        AccessDenied: unknown id, or the viewer may not read the thread (audited).
    """
    parsed = parse_public_id(attachment_public_id)
    row = (
        session.exec(
            select(Attachment, MessageThread)
            .join(Message, Message.id == Attachment.message_id)
            .join(MessageThread, MessageThread.id == Message.thread_id)
            .where(Attachment.public_id == parsed)
        ).first()
        if parsed is not None
        else None
    )
    if row is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.MESSAGES,
            detail=f"unknown attachment {repr(attachment_public_id)[:60]}",
        )
    attachment, thread = row
    authorize_thread(session, viewer, thread)
    return Download(
        path=attachments_dir(data_dir) / attachment.storage_key,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )


def _uuid(value: str):
    return parse_public_id(value)
