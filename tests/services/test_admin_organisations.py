"""Organisations and teams as an admin manages them: lists, creations, changes, refusals."""

import pytest
from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry, Organisation, Team, User
from jouw_omgeving.services import admin_organisations as orgs
from jouw_omgeving.services.errors import AccessDenied, InvalidInput, NotFound
from tests.factories import (
    make_admin,
    make_counsellor,
    make_organisation,
    make_partner_organisation,
    make_team,
)
from tests.services.admin_helpers import non_admins, refused_entries, viewer


def _admin_entries(session: Session, admin: User) -> list[AuditEntry]:
    return list(session.exec(select(AuditEntry).where(AuditEntry.actor_id == admin.id)))


def test_lists_own_organisations_first_with_counts(session: Session):
    own = make_organisation(session, name="AAA Eigen")
    make_partner_organisation(session, name="AAA Partner", partner_type="schuldhulp")
    team = make_team(session, organisation=own, name="Team Oost", team_reads_messages=True)
    make_counsellor(session, team=team, display_name="Lea Lead", is_team_lead=True)
    make_counsellor(session, team=team)
    admin = make_admin(session, organisation=own)

    rows = orgs.organisation_list(session, viewer(admin))
    kinds = [row["kind"] for row in rows]
    assert kinds == sorted(kinds, key=lambda k: k != "own")
    mine = next(row for row in rows if row["name"] == "AAA Eigen")
    assert (mine["teams"], mine["staff"]) == (1, 3)
    partner = next(row for row in rows if row["name"] == "AAA Partner")
    assert partner["partner_type"] == "schuldhulp"

    teams = orgs.team_list(session, viewer(admin))
    oost = next(row for row in teams if row["public_id"] == str(team.public_id))
    assert oost["leads"] == "Lea Lead"
    assert oost["counsellors"] == 2
    assert oost["team_reads_messages"] is True


def test_admin_creates_a_partner_organisation_audited(session: Session):
    admin = make_admin(session)
    created = orgs.partner_organisation_create(
        session, viewer(admin), name="  GGZ   Noord ", partner_type="GGZ"
    )
    stored = session.get(Organisation, created.id)
    assert (stored.name, stored.kind, stored.partner_type) == ("GGZ Noord", "partner", "ggz")
    entries = _admin_entries(session, admin)
    assert [(e.action, e.outcome, e.subject_participant_id) for e in entries] == [
        ("create", "allowed", None)
    ]
    assert str(created.public_id) in entries[0].detail


@pytest.mark.parametrize(
    ("name", "partner_type"),
    [("", "ggz"), ("x" * 201, "ggz"), ("GGZ", ""), ("GGZ", "g g z"), ("GGZ", 5), (None, "ggz")],
)
def test_partner_organisation_input_is_validated(session: Session, name, partner_type):
    admin = make_admin(session)
    with pytest.raises(InvalidInput):
        orgs.partner_organisation_create(
            session, viewer(admin), name=name, partner_type=partner_type
        )


def test_teams_only_in_own_organisations(session: Session):
    own = make_organisation(session)
    partner = make_partner_organisation(session)
    admin = make_admin(session, organisation=own)
    team = orgs.team_create(
        session, viewer(admin), organisation_public_id=str(own.public_id), name="Team Zuid"
    )
    assert session.get(Team, team.id).organisation_id == own.id
    with pytest.raises(InvalidInput) as refused:
        orgs.team_create(
            session, viewer(admin), organisation_public_id=str(partner.public_id), name="Team X"
        )
    assert refused.value.message_id == orgs.OWN_ORGANISATION_ONLY
    with pytest.raises(NotFound):
        orgs.team_create(session, viewer(admin), organisation_public_id="nope", name="Team X")


def test_team_reads_messages_and_team_lead_are_set(session: Session):
    admin = make_admin(session)
    team = make_team(session)
    counsellor = make_counsellor(session, team=team)
    orgs.team_reads_messages_set(
        session, viewer(admin), team_public_id=str(team.public_id), reads=True
    )
    orgs.team_lead_set(
        session, viewer(admin), user_public_id=str(counsellor.public_id), is_lead=True
    )
    session.refresh(team)
    session.refresh(counsellor)
    assert team.team_reads_messages and counsellor.is_team_lead
    assert len(_admin_entries(session, admin)) == 2
    with pytest.raises(InvalidInput):
        orgs.team_lead_set(
            session, viewer(admin), user_public_id=str(admin.public_id), is_lead=True
        )


def test_every_other_role_is_refused_and_audited(session: Session):
    own = make_organisation(session)
    team = make_team(session, organisation=own)
    counsellor = make_counsellor(session, team=team)
    calls = [
        lambda v: orgs.organisation_list(session, v),
        lambda v: orgs.team_list(session, v),
        lambda v: orgs.partner_organisation_create(session, v, name="Nieuw", partner_type="ggz"),
        lambda v: orgs.team_create(
            session, v, organisation_public_id=str(own.public_id), name="Team Nieuw"
        ),
        lambda v: orgs.team_reads_messages_set(
            session, v, team_public_id=str(team.public_id), reads=True
        ),
        lambda v: orgs.team_lead_set(
            session, v, user_public_id=str(counsellor.public_id), is_lead=True
        ),
    ]
    for user in non_admins(session):
        for call in calls:
            with pytest.raises(AccessDenied):
                call(viewer(user))
        assert len(refused_entries(session, user)) == len(calls)
    session.refresh(team)
    session.refresh(counsellor)
    assert not team.team_reads_messages and not counsellor.is_team_lead
