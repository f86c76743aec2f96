"""Staff accounts as an admin manages them: list, create, OIDC link, (de)activate, refusals."""

import pytest
from sqlmodel import Session, select

from jouw_omgeving.auth.local_login import login_check
from jouw_omgeving.auth.sessions import session_exchange, session_resolve, session_start_pending
from jouw_omgeving.models import AuditEntry, LoginSession, User
from jouw_omgeving.services import admin_accounts as accounts
from jouw_omgeving.services.errors import AccessDenied, InvalidInput, NotFound
from tests.factories import (
    make_admin,
    make_counsellor,
    make_organisation,
    make_participant,
    make_partner,
    make_partner_organisation,
    make_team,
    unique,
)
from tests.services.admin_helpers import non_admins, refused_entries, viewer


def _token(session: Session, user: User) -> str:
    code = session_start_pending(session, user=user, client_address="192.0.2.9")
    return session_exchange(session, code=code)


def _new_counsellor(session: Session, admin: User, team, username: str | None = None):
    return accounts.staff_create(
        session,
        viewer(admin),
        display_name="Nieuwe Begeleider",
        username=username or unique("nieuw"),
        role="counsellor",
        organisation_public_id=str(_org(session, team).public_id),
        team_public_id=str(team.public_id),
    )


def _org(session: Session, team):
    from jouw_omgeving.models import Organisation

    return session.get(Organisation, team.organisation_id)


def test_list_filters_by_role_searches_and_pages(session: Session):
    own = make_organisation(session)
    team = make_team(session, organisation=own)
    tag = unique("zoek").replace("-", "")
    for n in range(3):
        make_counsellor(session, team=team, display_name=f"{tag} Begeleider {n}")
    make_partner(session, display_name=f"{tag} Partner")
    make_participant(session, display_name=f"{tag} Deelnemer")
    admin = make_admin(session, organisation=own)

    everyone = accounts.staff_list(session, viewer(admin), search=tag.upper())
    names = [row["display_name"] for row in everyone["rows"]]
    assert names == sorted(names) and len(names) == 4  # the participant is not staff
    only_counsellors = accounts.staff_list(session, viewer(admin), role="counsellor", search=tag)
    assert {row["role"] for row in only_counsellors["rows"]} == {"counsellor"}
    first = accounts.staff_list(session, viewer(admin), search=tag, page=1, page_size=3)
    second = accounts.staff_list(session, viewer(admin), search=tag, page=2, page_size=3)
    assert first["has_next"] and not second["has_next"]
    assert len(first["rows"]) == 3 and len(second["rows"]) == 1
    assert accounts.staff_list(session, viewer(admin), search="100%_zeker")["rows"] == []
    with pytest.raises(InvalidInput):
        accounts.staff_list(session, viewer(admin), role="participant")
    with pytest.raises(InvalidInput):
        accounts.staff_list(session, viewer(admin), search="x" * 61)


def test_create_a_counsellor_who_logs_in_and_must_enrol_totp(session: Session):
    team = make_team(session)
    admin = make_admin(session, organisation=_org(session, team))
    user, password = _new_counsellor(session, admin, team, username="Nieuw.Begeleider7")
    assert user.username == "nieuw.begeleider7" and user.team_id == team.id
    assert password not in (user.password_hash or "")
    outcome = login_check(
        session, username="nieuw.begeleider7", secret=password, client_address="192.0.2.9"
    )
    assert outcome.pending_user_id == user.id and outcome.needs_enrolment
    entry = session.exec(select(AuditEntry).where(AuditEntry.actor_id == admin.id)).one()
    assert (entry.action, entry.outcome) == ("create", "allowed")


def test_a_taken_username_is_refused_in_dutch(session: Session):
    team = make_team(session)
    admin = make_admin(session, organisation=_org(session, team))
    taken = make_counsellor(session, team=team).username
    with pytest.raises(InvalidInput) as refused:
        _new_counsellor(session, admin, team, username=taken.upper())
    assert refused.value.message_id == "Deze gebruikersnaam is al bezet. Kies een andere."


@pytest.mark.parametrize(
    "changes",
    [
        {"role": "participant"},
        {"role": "superuser"},
        {"role": None},
        {"username": "x"},
        {"username": "met spatie"},
        {"display_name": ""},
        {"display_name": "x" * 121},
        {"team_public_id": None},
        {"organisation_public_id": "garbage"},
    ],
)
def test_create_input_is_validated(session: Session, changes):
    team = make_team(session)
    admin = make_admin(session, organisation=_org(session, team))
    arguments = {
        "display_name": "Nieuwe Begeleider",
        "username": unique("nieuw"),
        "role": "counsellor",
        "organisation_public_id": str(_org(session, team).public_id),
        "team_public_id": str(team.public_id),
        **changes,
    }
    with pytest.raises((InvalidInput, NotFound)):
        accounts.staff_create(session, viewer(admin), **arguments)


def test_placement_rules(session: Session):
    own = make_organisation(session)
    partner_org = make_partner_organisation(session)
    other_team = make_team(session)
    admin = make_admin(session, organisation=own)

    def create(role, organisation, team=None):
        return accounts.staff_create(
            session,
            viewer(admin),
            display_name="Iemand Nieuw",
            username=unique("plaats"),
            role=role,
            organisation_public_id=str(organisation.public_id),
            team_public_id=str(team.public_id) if team else None,
        )

    partner, _ = create("partner", partner_org)
    assert partner.organisation_id == partner_org.id
    for role, organisation, team in [
        ("partner", own, None),
        ("evaluator", partner_org, None),
        ("counsellor", own, other_team),
    ]:
        with pytest.raises(InvalidInput):
            create(role, organisation, team)


def test_oidc_subject_is_unique_per_organisation(session: Session):
    own = make_organisation(session)
    elsewhere = make_organisation(session)
    admin = make_admin(session, organisation=own)
    first = make_counsellor(session, organisation=own)
    second = make_counsellor(session, organisation=own)
    abroad = make_counsellor(session, organisation=elsewhere)
    accounts.staff_link_oidc(session, viewer(admin), user_public_id=first.public_id, subject="s-1")
    with pytest.raises(InvalidInput) as refused:
        accounts.staff_link_oidc(
            session, viewer(admin), user_public_id=second.public_id, subject="s-1"
        )
    assert refused.value.message_id == accounts.SUBJECT_TAKEN
    accounts.staff_link_oidc(session, viewer(admin), user_public_id=abroad.public_id, subject="s-1")
    assert session.get(User, abroad.id).oidc_subject == "s-1"
    accounts.staff_link_oidc(session, viewer(admin), user_public_id=first.public_id, subject="")
    assert session.get(User, first.id).oidc_subject is None
    with pytest.raises(InvalidInput):
        accounts.staff_link_oidc(
            session, viewer(admin), user_public_id=first.public_id, subject="met spatie"
        )
    with pytest.raises(NotFound):
        participant = make_participant(session)
        accounts.staff_link_oidc(
            session, viewer(admin), user_public_id=participant.public_id, subject="p"
        )


def test_deactivation_ends_every_session_and_the_next_request_is_refused(session: Session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    tokens = [_token(session, counsellor), _token(session, counsellor)]
    assert all(session_resolve(session, token=t) is not None for t in tokens)

    accounts.staff_set_active(
        session, viewer(admin), user_public_id=counsellor.public_id, active=False
    )
    assert all(session_resolve(session, token=t) is None for t in tokens)
    open_rows = session.exec(
        select(LoginSession).where(
            LoginSession.user_id == counsellor.id, LoginSession.revoked_at.is_(None)
        )
    ).all()
    assert open_rows == []
    stored = session.get(User, counsellor.id)
    assert not stored.active and stored.deactivated_at is not None

    accounts.staff_set_active(
        session, viewer(admin), user_public_id=counsellor.public_id, active=True
    )
    assert session.get(User, counsellor.id).active
    assert session_resolve(session, token=tokens[0]) is None  # old sessions stay ended


def test_an_admin_cannot_deactivate_themself(session: Session):
    admin = make_admin(session)
    with pytest.raises(InvalidInput) as refused:
        accounts.staff_set_active(
            session, viewer(admin), user_public_id=admin.public_id, active=False
        )
    assert refused.value.message_id == accounts.NOT_SELF
    assert session.get(User, admin.id).active


def test_every_other_role_is_refused_and_audited(session: Session):
    team = make_team(session)
    target = make_counsellor(session, team=team)
    org_id = str(_org(session, team).public_id)
    calls = [
        lambda v: accounts.staff_list(session, v),
        lambda v: accounts.staff_detail(session, v, user_public_id=target.public_id),
        lambda v: accounts.staff_create(
            session,
            v,
            display_name="Nieuw",
            username=unique("x"),
            role="admin",
            organisation_public_id=org_id,
        ),
        lambda v: accounts.staff_link_oidc(
            session, v, user_public_id=target.public_id, subject="s"
        ),
        lambda v: accounts.staff_set_active(
            session, v, user_public_id=target.public_id, active=False
        ),
    ]
    for user in non_admins(session):
        for call in calls:
            with pytest.raises(AccessDenied):
                call(viewer(user))
        assert len(refused_entries(session, user)) == len(calls)
    assert session.get(User, target.id).active
