"""A staff account an admin created must replace its one-time initial password."""

import pytest
from sqlmodel import select

from jouw_omgeving.auth.local_login import login_check
from jouw_omgeving.models import AuditEntry, Organisation
from jouw_omgeving.services import admin_accounts
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.own_password import (
    NOT_THE_OLD,
    NOT_THE_SAME,
    PASSWORD_RULES,
    own_password_change,
)
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_admin, make_participant, make_team, unique

NEW = "mijn-eigen-lange-wachtwoord"


def _created(session):
    team = make_team(session)
    organisation = session.get(Organisation, team.organisation_id)
    user, initial = admin_accounts.staff_create(
        session,
        Viewer.of(make_admin(session)),
        display_name="Nieuwe Collega",
        username=unique("collega"),
        role="counsellor",
        organisation_public_id=str(organisation.public_id),
        team_public_id=str(team.public_id),
    )
    session.commit()
    return user, initial


def test_a_created_account_must_change_its_password_and_then_no_longer(session):
    user, initial = _created(session)
    assert user.must_change_password
    assert Viewer.of(user).must_change_password
    changed = own_password_change(session, Viewer.of(user), password=NEW, repeat=NEW)
    assert not changed.must_change_password
    assert not Viewer.of(changed).must_change_password
    # The initial password no longer works; the new one does (up to the second factor).
    old = login_check(session, username=user.username, secret=initial, client_address="192.0.2.1")
    assert old.pending_user_id is None and old.user is None
    new = login_check(session, username=user.username, secret=NEW, client_address="192.0.2.1")
    assert new.pending_user_id == user.id
    details = session.exec(select(AuditEntry.detail).where(AuditEntry.actor_id == user.id)).all()
    assert f"user {user.public_id} chose their own password" in details


@pytest.mark.parametrize(
    ("password", "repeat", "message"),
    [
        ("kort", "kort", PASSWORD_RULES),
        ("123456789012345", "123456789012345", PASSWORD_RULES),
        (" met-spatie-vooraan", " met-spatie-vooraan", PASSWORD_RULES),
        ("x" * 129, "x" * 129, PASSWORD_RULES),
        (None, NEW, PASSWORD_RULES),
        (NEW, NEW + "!", NOT_THE_SAME),
    ],
)
def test_bad_passwords_are_refused_and_change_nothing(session, password, repeat, message):
    user, _ = _created(session)
    with pytest.raises(InvalidInput) as refused:
        own_password_change(session, Viewer.of(user), password=password, repeat=repeat)
    assert refused.value.message_id == message
    session.refresh(user)
    assert user.must_change_password


def test_the_initial_password_cannot_be_kept(session):
    user, initial = _created(session)
    with pytest.raises(InvalidInput) as refused:
        own_password_change(session, Viewer.of(user), password=initial, repeat=initial)
    assert refused.value.message_id == NOT_THE_OLD


def test_participants_have_no_staff_password(session):
    with pytest.raises(AccessDenied):
        own_password_change(session, Viewer.of(make_participant(session)), password=NEW, repeat=NEW)
