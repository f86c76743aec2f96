"""Erasure: nothing of the participant remains afterwards beyond what the retention keeps."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, func, select

import jouw_omgeving.models  # noqa: F401  (every table on the metadata)
from jouw_omgeving.models import (
    ActivationCode,
    AuditEntry,
    ErasureRequest,
    Feedback,
    GoalStatusChange,
    LoginAttempt,
    LoginSession,
    Organisation,
    User,
)
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.erasure import (
    ERASE,
    ERASED_NAME,
    KEEP,
    PLAN,
    erasure_execute,
    erasure_request_create,
    erasure_request_mine,
    erasure_requests_list,
)
from jouw_omgeving.services.errors import AccessDenied, InvalidInput, NotFound
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.services.messages_attachments import attachment_send, attachments_dir
from jouw_omgeving.services.my_data import EXPORT
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_appointment,
    make_assessment,
    make_assignment,
    make_check_in,
    make_consent,
    make_contact_moment,
    make_counsellor,
    make_goal,
    make_message,
    make_network_member,
    make_participant,
    make_partner,
    make_read_marker,
    make_submission,
    make_thread,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
CONDITIONS = {model.__tablename__: (model, c) for model, c in EXPORT.items()}
STAFF_AUTHORSHIP = {"content_item", "content_version"}  # created_by: staff, not participants


def test_every_table_that_points_at_a_user_is_in_the_plan():
    """A new table with a user reference fails here until the plan says what erasure does."""
    for name, table in SQLModel.metadata.tables.items():
        points_at_user = any(
            fk.column.table.name == "app_user" for c in table.columns for fk in c.foreign_keys
        )
        if points_at_user and name not in STAFF_AUTHORSHIP:
            assert name in PLAN, name
    assert set(PLAN) == set(CONDITIONS), set(PLAN) ^ set(CONDITIONS)
    for name, what in PLAN.items():
        assert what in (ERASE, "anonymise") or what.startswith(f"{KEEP}: "), name


def _full_participant(session, data_dir):
    """A participant with rows in every table of the plan, an attachment file included."""
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor, password_hash="geheim")
    member = make_network_member(session, participant=participant)
    goal = make_goal(session, participant=participant, shared_with=[member])
    session.add(GoalStatusChange(goal_id=goal.id, to_status="active", changed_by_id=participant.id))
    make_assessment(session, participant=participant)
    make_check_in(session, participant=participant)
    thread = ensure_counsellor_thread(session, participant.id)
    message = make_message(session, thread=thread, sender=counsellor, body="Hoe gaat het?")
    make_read_marker(session, thread=thread, user=participant, last_read_message=message)
    attachment_send(
        session,
        Viewer.of(participant),
        thread_public_id=str(thread.public_id),
        filename="paspoort.png",
        data=PNG,
        idempotency_key="a" * 32,
        data_dir=data_dir,
    )
    network_thread = make_thread(
        session, participant=participant, kind="network", network_member=member
    )
    make_message(session, thread=network_thread, sender=member, body="Groetjes")
    submission = make_submission(
        session, assignment=make_assignment(session, participant=participant)
    )
    session.add(Feedback(submission_id=submission.id, author_id=counsellor.id, body="Goed zo"))
    make_consent(session, participant=participant)
    make_contact_moment(session, participant=participant, counsellor=counsellor)
    make_appointment(session, participant=participant, counsellor=counsellor)
    later = utcnow() + timedelta(days=1)
    session.add(
        LoginSession(
            token_hash=f"t{participant.id}",
            user_id=participant.id,
            idle_timeout_seconds=60,
            expires_at=later,
        )
    )
    session.add(
        ActivationCode(code_hash=f"c{participant.id}", user_id=participant.id, expires_at=later)
    )
    session.add(
        LoginAttempt(username=participant.username, client_address="127.0.0.1", succeeded=True)
    )
    session.add(
        AuditEntry(
            actor_id=counsellor.id,
            subject_participant_id=participant.id,
            action="read",
            category="goals",
            outcome="allowed",
        )
    )
    session.commit()
    return participant


def _counts(session, user):
    counts = {}
    for name, (model, condition) in CONDITIONS.items():
        counts[name] = session.exec(
            select(func.count()).select_from(model).where(condition(user))
        ).one()
    return counts


def _request(session, participant):
    row = erasure_request_create(session, Viewer.of(participant))
    return row["public_id"]


def test_nothing_of_the_participant_remains_beyond_what_retention_keeps(session, tmp_path):
    participant = _full_participant(session, tmp_path)
    other = _full_participant(session, tmp_path)
    before, others_before = _counts(session, participant), _counts(session, other)
    assert all(before[name] for name in PLAN if name != "erasure_request"), before  # every table
    files = {p.name for p in attachments_dir(tmp_path).iterdir()}
    assert len(files) == 2
    name, username = participant.display_name, participant.username
    admin = make_admin(session)

    done = erasure_execute(
        session,
        Viewer.of(admin),
        request_public_id=_request(session, participant),
        data_dir=tmp_path,
    )

    session.expire_all()
    user = session.get(User, participant.id)
    after = _counts(session, user)
    for table, what in PLAN.items():
        if what == ERASE:
            assert after[table] == 0, table
        elif what.startswith(KEEP) and table != "erasure_request":
            added = 1 if table == "audit_entry" else 0  # the admin's erasure, audited
            assert after[table] == before[table] + added, table
    assert (user.display_name, user.username, user.password_hash, user.totp_secret) == (
        ERASED_NAME,
        None,
        None,
        None,
    )
    assert user.active is False
    assert (
        session.exec(
            select(func.count()).select_from(LoginAttempt).where(LoginAttempt.username == username)
        ).one()
        == 0
    )
    # The one file left on disk is the other participant's.
    assert len(list(attachments_dir(tmp_path).iterdir())) == 1
    assert _counts(session, other) == others_before
    # No erased text left in any table but the kept ones.
    kept = {t for t, w in PLAN.items() if w.startswith(KEEP)}
    for table in SQLModel.metadata.sorted_tables:
        if table.name in kept:
            continue
        for column in table.columns:
            if isinstance(column.type, sa.String):
                hits = session.exec(
                    select(func.count()).select_from(table).where(column.in_([name, username]))
                ).one()
                assert hits == 0, (table.name, column.name)
    assert done["status"] == "done"
    assert "contact_moment" in done["note"] and "Bewaard tot" in done["note"]
    audited = session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == admin.id, AuditEntry.action == "delete")
    ).one()
    assert audited.subject_participant_id == participant.id


def test_the_explanation_names_the_organisations_retention(session, tmp_path):
    participant = make_participant(session)
    contact = make_contact_moment(
        session, participant=participant, counsellor=make_counsellor(session)
    )
    organisation = session.get(Organisation, participant.organisation_id)
    organisation.settings = {**(organisation.settings or {}), "retention_months": 120}
    session.add(organisation)
    session.commit()
    done = erasure_execute(
        session,
        Viewer.of(make_admin(session)),
        request_public_id=_request(session, participant),
        data_dir=tmp_path,
    )
    assert "120 maanden" in done["note"]
    assert contact.id is not None


def test_one_open_request_at_a_time_and_handled_once(session, tmp_path):
    participant = make_participant(session)
    first = _request(session, participant)
    assert _request(session, participant) == first
    assert erasure_request_mine(session, Viewer.of(participant))["status"] == "requested"
    admin = Viewer.of(make_admin(session))
    assert erasure_requests_list(session, admin)[0]["public_id"] == first
    erasure_execute(session, admin, request_public_id=first, data_dir=tmp_path)
    with pytest.raises(InvalidInput):
        erasure_execute(session, admin, request_public_id=first, data_dir=tmp_path)
    for garbage in ("nee", None, 5, str(participant.public_id)):
        with pytest.raises(NotFound):
            erasure_execute(session, admin, request_public_id=garbage, data_dir=tmp_path)


@pytest.mark.parametrize("make", [make_counsellor, make_partner, make_network_member])
def test_only_participants_ask_and_only_admins_execute(session, tmp_path, make):
    public_id = _request(session, make_participant(session))
    other = make(session)
    for call in (
        lambda: erasure_request_create(session, Viewer.of(other)),
        lambda: erasure_requests_list(session, Viewer.of(other)),
        lambda: erasure_execute(
            session, Viewer.of(other), request_public_id=public_id, data_dir=tmp_path
        ),
    ):
        with pytest.raises(AccessDenied):
            call()
    outcomes = session.exec(select(AuditEntry.outcome).where(AuditEntry.actor_id == other.id)).all()
    assert outcomes == ["refused"] * 3
    assert session.exec(select(ErasureRequest.status)).all() == ["requested"]


def test_a_participant_cannot_execute_their_own_or_anothers_request(session, tmp_path):
    participant, another = make_participant(session), make_participant(session)
    public_id = _request(session, another)
    with pytest.raises(AccessDenied):
        erasure_execute(
            session, Viewer.of(participant), request_public_id=public_id, data_dir=tmp_path
        )
    with pytest.raises(AccessDenied):
        erasure_requests_list(session, Viewer.of(participant))
    assert erasure_request_mine(session, Viewer.of(participant)) is None
