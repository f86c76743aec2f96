"""Retention applied: what an erasure kept goes once the organisation's period has ended."""

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import func, select

from jouw_omgeving import retention as cli
from jouw_omgeving.models import AuditEntry, ConsentRecord, ContactMoment, ErasureRequest, User
from jouw_omgeving.services.erasure import PLAN, erasure_execute
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.retention import NOT_PURGED, PURGED, retention_purge
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_consent,
    make_contact_moment,
    make_counsellor,
    make_organisation,
    make_participant,
    unique,
)

ERASED_ON = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def test_every_kept_table_of_the_plan_is_purged_or_kept_for_a_reason():
    kept = {table for table, what in PLAN.items() if what.startswith("keep")}
    assert set(PURGED) | set(NOT_PURGED) == kept
    assert not set(PURGED) & set(NOT_PURGED)


def _erased(session, admin: User, months: int) -> User:
    """A participant of an organisation with ``months`` retention, erased on ERASED_ON."""
    organisation = make_organisation(session, settings={"retention_months": months})
    counsellor = make_counsellor(session, organisation=organisation)
    participant = make_participant(session, counsellor=counsellor, organisation=organisation)
    make_contact_moment(session, participant=participant, counsellor=counsellor)
    make_contact_moment(session, participant=participant, counsellor=counsellor)
    make_consent(session, participant=participant)
    request = ErasureRequest(participant_id=participant.id, requested_at=ERASED_ON)
    session.add(request)
    session.commit()
    erasure_execute(
        session,
        Viewer.of(admin),
        request_public_id=str(request.public_id),
        data_dir=Path(tempfile.mkdtemp()),
        now=ERASED_ON,
    )
    return participant


def _count(session, model, participant: User) -> int:
    return session.exec(
        select(func.count(model.id)).where(model.participant_id == participant.id)
    ).one()


def test_kept_rows_stay_before_the_date_and_go_after_it(session):
    admin = make_admin(session)
    short = _erased(session, admin, months=6)  # ends 2026-07-15
    long = _erased(session, admin, months=24)  # ends 2028-01-15
    viewer = Viewer.of(admin)

    before = retention_purge(session, viewer, now=datetime(2026, 7, 14, tzinfo=UTC))
    assert before["total"] == 0
    assert _count(session, ContactMoment, short) == 2

    after = retention_purge(session, viewer, now=datetime(2026, 7, 16, tzinfo=UTC))
    assert after == {"participants": 1, "deleted": {"contact_moment": 2}, "total": 2}
    assert _count(session, ContactMoment, short) == 0
    assert _count(session, ContactMoment, long) == 2  # its period runs until 2028
    # The append-only history and audit log stay (NOT_PURGED says why).
    assert _count(session, ConsentRecord, short) == 1
    request = session.exec(
        select(ErasureRequest).where(ErasureRequest.participant_id == short.id)
    ).one()
    assert "bewaartermijn voorbij" in request.note and "contact_moment (2)" in request.note
    # Audited as the admin's deletion; a second run deletes nothing.
    details = session.exec(
        select(AuditEntry.detail).where(
            AuditEntry.actor_id == admin.id, AuditEntry.detail.like("retention purge%")
        )
    ).all()
    assert details[-1] == "retention purge: 2 rows of 1 erased participants"
    again = retention_purge(session, viewer, now=datetime(2026, 7, 17, tzinfo=UTC))
    assert again["total"] == 0


def test_participants_not_erased_keep_everything(session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    make_contact_moment(session, participant=participant, counsellor=counsellor)
    retention_purge(session, Viewer.of(admin), now=datetime(2099, 1, 1, tzinfo=UTC))
    assert _count(session, ContactMoment, participant) == 1


def test_only_admins_purge(session):
    with pytest.raises(AccessDenied):
        retention_purge(session, Viewer.of(make_counsellor(session)))


def test_the_command_line_runs_as_a_named_admin(app_db, capsys):
    from jouw_omgeving.db import db_session

    with db_session() as session:
        admin = make_admin(session, username=unique("opruimer"))
        participant = _erased(session, admin, months=1)
        name, participant_id = admin.username, participant.id
        # Move the erasure back in time so its month has passed.
        request = session.exec(
            select(ErasureRequest).where(ErasureRequest.participant_id == participant_id)
        ).one()
        request.handled_at = datetime.now(UTC) - timedelta(days=70)
        session.add(request)
    assert cli.main(["--admin", "niemand-hier"]) == 2
    assert cli.main(["--admin", name]) == 0
    assert "rijen/rows" in capsys.readouterr().out
    with db_session() as session:
        left = session.exec(
            select(func.count(ContactMoment.id)).where(
                ContactMoment.participant_id == participant_id
            )
        ).one()
    assert left == 0
