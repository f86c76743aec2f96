"""Attachments: type by content, size, storage outside the assets, download only for readers."""

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from jouw_omgeving.db import db_session
from jouw_omgeving.http_attachments import attachment_routes
from jouw_omgeving.models import Attachment, AuditEntry, Message
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.messages import ensure_counsellor_thread, open_thread
from jouw_omgeving.services.messages_attachments import (
    HEIC,
    TOO_BIG,
    WRONG_TYPE,
    attachment_download,
    attachment_send,
)
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.settings import get_settings
from tests.factories import make_admin, make_counsellor, make_participant
from tests.state.helpers import login_cookie

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 100
HEIC_BYTES = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00" + b"\x00" * 100


@pytest.fixture
def pair(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    return counsellor, participant, ensure_counsellor_thread(session, participant.id)


def _send(session, user, thread, data, name="brief.jpg", key="k" * 32, data_dir=None):
    return attachment_send(
        session,
        Viewer.of(user),
        thread_public_id=str(thread.public_id),
        filename=name,
        data=data,
        idempotency_key=key,
        data_dir=data_dir,
    )


@pytest.mark.parametrize(
    ("data", "name", "stored_type"),
    [
        (JPEG, "brief.jpg", "image/jpeg"),
        (PNG, "x.png", "image/png"),
        (PDF, "a.pdf", "application/pdf"),
    ],
)
def test_photos_and_pdfs_are_stored_outside_the_assets(
    session, pair, tmp_path, data, name, stored_type
):
    counsellor, participant, thread = pair
    item = _send(session, participant, thread, data, name=name, data_dir=tmp_path)
    [row] = session.exec(select(Attachment)).all()
    assert row.content_type == stored_type
    assert (tmp_path / "attachments" / row.storage_key).read_bytes() == data
    assert item.body == f"📎 {name}"
    assert item.attachment_public_id == str(row.public_id)
    page = open_thread(session, Viewer.of(counsellor), thread_public_id=str(thread.public_id))
    assert page.messages[-1].attachment_public_id == str(row.public_id)


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (HEIC_BYTES, "IMG_0001.HEIC", HEIC),
        (b"<html><script>alert(1)</script>", "brief.jpg", WRONG_TYPE),  # the name lies
        (b"MZ\x90\x00", "foto.png", WRONG_TYPE),
        (b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024), "groot.jpg", TOO_BIG),
    ],
)
def test_other_content_is_refused_whatever_the_name(session, pair, tmp_path, data, name, reason):
    _, participant, thread = pair
    with pytest.raises(InvalidInput) as refused:
        _send(session, participant, thread, data, name=name, data_dir=tmp_path)
    assert refused.value.message_id == reason
    assert session.exec(select(Message).where(Message.thread_id == thread.id)).all() == []
    assert not (tmp_path / "attachments").exists() or not any((tmp_path / "attachments").iterdir())


def test_a_path_in_the_name_is_dropped_and_a_resend_stores_one_file(session, pair, tmp_path):
    _, participant, thread = pair
    _send(session, participant, thread, JPEG, name="../../etc/passwd<x>.jpg", data_dir=tmp_path)
    _send(session, participant, thread, JPEG, name="../../etc/passwd<x>.jpg", data_dir=tmp_path)
    [row] = session.exec(select(Attachment)).all()
    assert row.filename == "passwdx.jpg"
    assert len(list((tmp_path / "attachments").iterdir())) == 1


def test_download_for_readers_only_and_audited(session, pair, tmp_path):
    counsellor, participant, thread = pair
    _send(session, participant, thread, PDF, name="brief.pdf", data_dir=tmp_path)
    [row] = session.exec(select(Attachment)).all()
    for reader in (participant, counsellor):
        found = attachment_download(
            session, Viewer.of(reader), attachment_public_id=str(row.public_id), data_dir=tmp_path
        )
        assert found.path.read_bytes() == PDF
    for outsider in (make_participant(session), make_counsellor(session), make_admin(session)):
        with pytest.raises(AccessDenied):
            attachment_download(
                session,
                Viewer.of(outsider),
                attachment_public_id=str(row.public_id),
                data_dir=tmp_path,
            )
        [entry] = session.exec(select(AuditEntry).where(AuditEntry.actor_id == outsider.id)).all()
        assert (entry.outcome, entry.subject_participant_id) == ("refused", participant.id)
    with pytest.raises(AccessDenied):
        attachment_download(
            session, Viewer.of(counsellor), attachment_public_id="../x", data_dir=tmp_path
        )


def test_the_download_route_sends_the_file_to_readers_and_404_to_others(app_db):
    data_dir = get_settings().data_dir
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        stranger = make_participant(session)
        thread = ensure_counsellor_thread(session, participant.id)
        _send(session, participant, thread, PNG, name="foto.png", key="r" * 32, data_dir=data_dir)
        public_id = session.exec(
            select(Attachment.public_id)
            .join(Message, Message.id == Attachment.message_id)
            .where(Message.thread_id == thread.id)
        ).one()
    client = TestClient(attachment_routes())
    url = f"/bijlage/{public_id}"
    response = client.get(url, headers={"cookie": login_cookie(counsellor)})
    assert (response.status_code, response.content) == (200, PNG)
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"].startswith("inline")
    for headers in ({"cookie": login_cookie(stranger)}, {}):
        response = client.get(url, headers=headers)
        assert (response.status_code, response.content) == (404, b"Niet gevonden")
    assert (
        client.get("/bijlage/not-a-uuid", headers={"cookie": login_cookie(counsellor)}).status_code
        == 404
    )
